/**
 * Compatibility scenario for the official JS client chromadb@1.10.5 (npm alias `chromadb-v110`):
 * the Chroma 0.6-era client, speaking v2 with tenant/database in the path but none of 1.x's
 * additions (no by-id, no pre-flight-checks, no base64). It returns the server's JSON almost
 * untouched, so these assertions also pin the raw response shapes (nulls for what was not
 * included, the `include` key).
 *
 * Embeddings are always passed explicitly; the client insists on an embedding function for
 * createCollection/getCollection (its default downloads a model), so it gets our deterministic
 * HashedCharsEmbedding, which also serves the query-by-text step.
 *
 * The expectations were checked against the upstream reference (Chroma 1.3.x); see
 * docs/compatibility.md.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AdminClient,
  ChromaClient,
  ChromaNotFoundError,
  ChromaUniqueError,
  InvalidArgumentError,
  IncludeEnum,
  type Collection,
} from "chromadb-v110";
import { embedText, HashedCharsEmbedding } from "./embedding.js";
import {
  COMBINED_CASE,
  DIM,
  ids,
  matching,
  QUERY_VECTORS,
  RECORDS,
  uniqueName,
  vector,
  WHERE_CASES,
  WHERE_DOCUMENT_CASES,
  type FixtureRecord,
} from "./fixtures.js";
import { expectNearest, expectVectorsClose, SPACES } from "./distance.js";
import { openCompatTarget, type CompatTarget } from "./target.js";
import { summarizeTraffic } from "./recording-proxy.js";

type Where = NonNullable<Parameters<Collection["get"]>[0]>["where"];
type WhereDocument = NonNullable<Parameters<Collection["get"]>[0]>["whereDocument"];

/** The raw get/query body as the server sends it; chromadb@1.10's typings lag behind it. */
interface RawGet {
  ids: string[];
  embeddings: number[][] | null;
  documents: (string | null)[] | null;
  metadatas: (Record<string, unknown> | null)[] | null;
  uris: (string | null)[] | null;
  include: string[];
}
interface RawQuery {
  ids: string[][];
  embeddings: number[][][] | null;
  documents: (string | null)[][] | null;
  metadatas: (Record<string, unknown> | null)[][] | null;
  distances: number[][] | null;
  include: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("chromadb@1.10.5 against the v2 API", { timeout: 60_000 }, () => {
  let target: CompatTarget;
  let admin: AdminClient;
  let client: ChromaClient;
  const tenant = uniqueName("compat-v110");
  const database = "compat-main";
  const ef = new HashedCharsEmbedding();
  let main: Collection;

  const get = async (c: Collection, params: Parameters<Collection["get"]>[0] = {}) =>
    (await c.get(params)) as unknown as RawGet;
  const query = async (c: Collection, params: Parameters<Collection["query"]>[0]) =>
    (await c.query(params)) as unknown as RawQuery;
  const addRecords = (collection: Collection, records: FixtureRecord[] = RECORDS) =>
    collection.add({
      ids: ids(records),
      embeddings: records.map((r) => r.embedding),
      documents: records.map((r) => r.document),
      metadatas: records.map((r) => r.metadata),
    });

  beforeAll(async () => {
    target = await openCompatTarget("chromadb-1.10.5");
    admin = new AdminClient({ path: target.url });
    await admin.createTenant({ name: tenant });
    await admin.createDatabase({ name: database, tenantName: tenant });
    client = new ChromaClient({ path: target.url, tenant, database });
    main = await client.createCollection({ name: "fixture", embeddingFunction: ef });
    await addRecords(main);
  }, 60_000);

  afterAll(async () => {
    await target?.close();
  });

  it("answers heartbeat and version", async () => {
    const beat = await client.heartbeat();
    expect(beat).toBeGreaterThan(1.5e18);
    expect(beat).toBeLessThan(1e19);
    expect(await client.version()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("creates and reads tenants, and reports duplicates and missing ones", async () => {
    const other = uniqueName("compat-v110-t");
    expect(await admin.createTenant({ name: other })).toEqual({ name: other });
    expect(await admin.getTenant({ name: other })).toEqual({ name: other });
    await expect(admin.createTenant({ name: other })).rejects.toBeInstanceOf(ChromaUniqueError);
    await expect(admin.getTenant({ name: uniqueName("compat-v110-missing") })).rejects.toBeInstanceOf(ChromaNotFoundError);
  });

  it("creates, gets, lists and deletes databases", async () => {
    const t = uniqueName("compat-v110-dbs");
    await admin.createTenant({ name: t });
    await admin.createDatabase({ name: "first-db", tenantName: t });
    await admin.createDatabase({ name: "second-db", tenantName: t });

    const first = await admin.getDatabase({ name: "first-db", tenantName: t });
    expect(first).toEqual({ id: expect.stringMatching(UUID), name: "first-db", tenant: t });

    const listed = await admin.listDatabases({ tenantName: t });
    expect(listed.map((d) => d.name).sort()).toEqual(["first-db", "second-db"]);
    expect(listed.find((d) => d.name === "first-db")).toEqual(first);
    expect(await admin.listDatabases({ tenantName: t, limit: 1, offset: 1 })).toEqual([listed[1]]);
    await expect(admin.createDatabase({ name: "first-db", tenantName: t })).rejects.toBeInstanceOf(ChromaUniqueError);

    await admin.deleteDatabase({ name: "first-db", tenantName: t });
    await expect(admin.getDatabase({ name: "first-db", tenantName: t })).rejects.toBeInstanceOf(ChromaNotFoundError);
    expect((await admin.listDatabases({ tenantName: t })).map((d) => d.name)).toEqual(["second-db"]);

    // The client checks tenant and database on first use and refuses a missing one.
    const lost = new ChromaClient({ path: target.url, tenant: t, database: "first-db" });
    await expect(lost.countCollections()).rejects.toThrow(/Could not connect to database first-db/);
  });

  it("runs the collection lifecycle: create, get, getOrCreate, list, count, modify, delete", async () => {
    const db = uniqueName("compat-v110-coll");
    await admin.createDatabase({ name: db, tenantName: tenant });
    const c = new ChromaClient({ path: target.url, tenant, database: db });
    expect(await c.countCollections()).toBe(0);
    expect(await c.listCollections()).toEqual([]);

    const created = await c.createCollection({
      name: "alpha",
      metadata: { purpose: "compat", version: 1, ratio: 0.5, on: true },
      embeddingFunction: ef,
    });
    expect(created.id).toMatch(UUID);
    expect(created.name).toBe("alpha");
    expect(created.metadata).toEqual({ purpose: "compat", version: 1, ratio: 0.5, on: true });

    const got = await c.getCollection({ name: "alpha", embeddingFunction: ef });
    expect(got.id).toBe(created.id);
    expect(got.metadata).toEqual(created.metadata);

    // get_or_create on an existing name returns it unchanged: the new metadata is ignored.
    const again = await c.getOrCreateCollection({ name: "alpha", metadata: { purpose: "other" }, embeddingFunction: ef });
    expect(again.id).toBe(created.id);
    expect(again.metadata).toEqual(created.metadata);
    const fresh = await c.getOrCreateCollection({ name: "beta", metadata: { purpose: "new" }, embeddingFunction: ef });
    expect(fresh.id).not.toBe(created.id);
    expect(fresh.metadata).toEqual({ purpose: "new" });
    const gamma = await c.createCollection({ name: "gamma", embeddingFunction: ef });
    // No metadata given: the server answers null and the client passes it through.
    expect(gamma.metadata).toBeNull();

    expect(await c.countCollections()).toBe(3);
    const detailed = await c.listCollectionsAndMetadata();
    expect(detailed.map((x) => x.name).sort()).toEqual(["alpha", "beta", "gamma"]);
    expect(detailed.find((x) => x.name === "alpha")).toMatchObject({ id: created.id, metadata: created.metadata });
    // Upstream lists collections ordered by id, so paging is stable.
    expect(detailed.map((x) => x.id)).toEqual([...detailed.map((x) => x.id)].sort());
    const names = await c.listCollections();
    expect(names).toEqual(detailed.map((x) => x.name));
    expect([...(await c.listCollections({ limit: 2, offset: 0 })), ...(await c.listCollections({ limit: 2, offset: 2 }))]).toEqual(names);
    expect(await c.listCollections({ limit: 5, offset: 3 })).toEqual([]);

    const modified = await got.modify({ name: "alpha-renamed", metadata: { purpose: "renamed", level: 2 } });
    expect(modified).toEqual({ name: "alpha-renamed", metadata: { purpose: "renamed", level: 2 } });
    const renamed = await c.getCollection({ name: "alpha-renamed", embeddingFunction: ef });
    expect(renamed.id).toBe(created.id);
    // Modify replaces the collection metadata wholesale.
    expect(renamed.metadata).toEqual({ purpose: "renamed", level: 2 });
    await expect(c.getCollection({ name: "alpha", embeddingFunction: ef })).rejects.toBeInstanceOf(ChromaNotFoundError);

    await c.deleteCollection({ name: "beta" });
    expect(await c.countCollections()).toBe(2);
    expect((await c.listCollections()).sort()).toEqual(["alpha-renamed", "gamma"]);
    await expect(c.getCollection({ name: "beta", embeddingFunction: ef })).rejects.toBeInstanceOf(ChromaNotFoundError);
  });

  it("adds records, counts them and gets them back in insertion order", async () => {
    expect(await main.count()).toBe(RECORDS.length);

    const all = await get(main);
    expect(all).toEqual({
      ids: ids(RECORDS),
      embeddings: null,
      documents: RECORDS.map((r) => r.document),
      metadatas: RECORDS.map((r) => r.metadata),
      uris: null,
      include: ["documents", "metadatas"],
    });

    const withEmbeddings = await get(main, { include: [IncludeEnum.Embeddings] });
    expect(withEmbeddings.embeddings).toEqual(RECORDS.map((r) => r.embedding));

    const byIds = await get(main, { ids: ["rec-07", "rec-02", "no-such-id"] });
    // Records come back in insertion order, not in the order the ids were asked for.
    expect(byIds.ids).toEqual(["rec-02", "rec-07"]);
    byIds.ids.forEach((id, i) => expect(byIds.documents![i]).toBe(RECORDS.find((r) => r.id === id)!.document));
  });

  it("pages with limit and offset in insertion order, and peeks at the first records", async () => {
    expect((await get(main, { limit: 3 })).ids).toEqual(ids(RECORDS.slice(0, 3)));
    expect((await get(main, { limit: 3, offset: 4 })).ids).toEqual(ids(RECORDS.slice(4, 7)));
    expect((await get(main, { offset: 8 })).ids).toEqual(ids(RECORDS.slice(8)));
    expect((await get(main, { limit: 5, offset: 20 })).ids).toEqual([]);
    const pages: string[] = [];
    for (let offset = 0; offset < RECORDS.length; offset += 4) pages.push(...(await get(main, { limit: 4, offset })).ids);
    expect(pages).toEqual(ids(RECORDS));
    expect((await get(main, { where: { flag: true }, limit: 2, offset: 1 })).ids).toEqual(
      matching((r) => r.metadata.flag).slice(1, 3),
    );

    const peek = (await main.peek({ limit: 4 })) as unknown as RawGet;
    expect(peek.ids).toEqual(ids(RECORDS.slice(0, 4)));
    expect(peek.documents).toEqual(RECORDS.slice(0, 4).map((r) => r.document));
    expect(peek.embeddings).toBeNull();
    expect(((await main.peek()) as unknown as RawGet).ids).toEqual(ids(RECORDS.slice(0, 10)));
  });

  it("returns exactly the included fields from get, the others as null", async () => {
    const { Documents, Metadatas, Embeddings } = IncludeEnum;
    const cases: { include: IncludeEnum[]; documents: boolean; metadatas: boolean; embeddings: boolean }[] = [
      { include: [Documents], documents: true, metadatas: false, embeddings: false },
      { include: [Metadatas], documents: false, metadatas: true, embeddings: false },
      { include: [Embeddings], documents: false, metadatas: false, embeddings: true },
      { include: [Embeddings, Documents, Metadatas], documents: true, metadatas: true, embeddings: true },
      { include: [], documents: false, metadatas: false, embeddings: false },
    ];
    const subset = RECORDS.slice(0, 3);
    for (const c of cases) {
      const res = await get(main, { ids: ids(subset), include: c.include });
      expect(res.ids).toEqual(ids(subset));
      expect([...res.include].sort()).toEqual([...c.include].sort());
      expect(res.documents).toEqual(c.documents ? subset.map((r) => r.document) : null);
      expect(res.metadatas).toEqual(c.metadatas ? subset.map((r) => r.metadata) : null);
      expect(res.embeddings).toEqual(c.embeddings ? subset.map((r) => r.embedding) : null);
      expect(res.uris).toBeNull();
    }
  });

  describe("where filters on get", () => {
    it.each(WHERE_CASES)("$name", async ({ filter, matches }) => {
      const res = await get(main, { where: filter as Where, include: [IncludeEnum.Metadatas] });
      expect(res.ids).toEqual(matching(matches));
      res.ids.forEach((id, i) => expect(res.metadatas![i]).toEqual(RECORDS.find((r) => r.id === id)!.metadata));
    });
  });

  describe("whereDocument filters on get", () => {
    // chromadb@1.10's WhereDocument type has no $regex, so only these are sent.
    it.each(WHERE_DOCUMENT_CASES)("$name", async ({ filter, matches }) => {
      const res = await get(main, { whereDocument: filter as WhereDocument, include: [IncludeEnum.Documents] });
      expect(res.ids).toEqual(matching(matches));
      res.ids.forEach((id, i) => expect(res.documents![i]).toBe(RECORDS.find((r) => r.id === id)!.document));
    });

    it("combines where and whereDocument", async () => {
      const res = await get(main, {
        where: COMBINED_CASE.where as Where,
        whereDocument: COMBINED_CASE.whereDocument as WhereDocument,
      });
      expect(res.ids).toEqual(matching(COMBINED_CASE.matches));
    });
  });

  describe("query distances against brute force", () => {
    // chromadb@1.10 chooses the space through the "hnsw:space" collection metadata key.
    it.each(SPACES)("%s", async (space) => {
      const collection = await client.createCollection({
        name: `space-${space}`,
        metadata: { "hnsw:space": space },
        embeddingFunction: ef,
      });
      expect(collection.metadata).toEqual({ "hnsw:space": space });
      await addRecords(collection);

      const res = await query(collection, { queryEmbeddings: QUERY_VECTORS, nResults: 4, include: [IncludeEnum.Distances] });
      expect(res.ids).toHaveLength(QUERY_VECTORS.length);
      QUERY_VECTORS.forEach((q, i) => expectNearest(space, q, RECORDS, 4, res.ids[i], res.distances![i]));
      expect(res.documents).toBeNull();
      expect(res.metadatas).toBeNull();
      expect(res.embeddings).toBeNull();

      const everything = await query(collection, { queryEmbeddings: QUERY_VECTORS[0], nResults: 50, include: [IncludeEnum.Distances] });
      expectNearest(space, QUERY_VECTORS[0], RECORDS, 50, everything.ids[0], everything.distances![0]);

      // Stored vectors come back as given (upstream 1.x: to within float32 rounding for cosine).
      expectVectorsClose((await get(collection, { include: [IncludeEnum.Embeddings] })).embeddings!, RECORDS.map((r) => r.embedding));
    });
  });

  it("queries with where and whereDocument restrictions", async () => {
    const q = QUERY_VECTORS[1];
    const byWhere = await query(main, { queryEmbeddings: [q], nResults: 3, where: { group: { $in: ["a", "b"] } } });
    expectNearest("l2", q, RECORDS.filter((r) => r.metadata.group !== "c"), 3, byWhere.ids[0], byWhere.distances![0]);

    const byDoc = await query(main, { queryEmbeddings: [q], nResults: 5, whereDocument: { $contains: "apple" } });
    expectNearest("l2", q, RECORDS.filter((r) => r.document.includes("apple")), 5, byDoc.ids[0], byDoc.distances![0]);

    const both = await query(main, {
      queryEmbeddings: [q],
      nResults: 10,
      where: COMBINED_CASE.where as Where,
      whereDocument: COMBINED_CASE.whereDocument as WhereDocument,
    });
    expectNearest("l2", q, RECORDS.filter(COMBINED_CASE.matches), 10, both.ids[0], both.distances![0]);

    const none = await query(main, { queryEmbeddings: [q], nResults: 3, where: { group: "zzz" } });
    expect(none.ids).toEqual([[]]);
  });

  it("returns exactly the included fields from query, the others as null", async () => {
    const q = QUERY_VECTORS[0];
    const full = await query(main, {
      queryEmbeddings: [q],
      nResults: 3,
      include: [IncludeEnum.Documents, IncludeEnum.Metadatas, IncludeEnum.Embeddings, IncludeEnum.Distances],
    });
    const found = full.ids[0].map((id) => RECORDS.find((r) => r.id === id)!);
    expect(full.documents).toEqual([found.map((r) => r.document)]);
    expect(full.metadatas).toEqual([found.map((r) => r.metadata)]);
    expect(full.embeddings).toEqual([found.map((r) => r.embedding)]);
    expectNearest("l2", q, RECORDS, 3, full.ids[0], full.distances![0]);

    // The defaults are metadatas, documents and distances.
    const defaults = await query(main, { queryEmbeddings: [q], nResults: 3 });
    expect([...defaults.include].sort()).toEqual(["distances", "documents", "metadatas"]);
    expect(defaults.ids).toEqual(full.ids);
    expect(defaults.embeddings).toBeNull();

    const onlyIds = await query(main, { queryEmbeddings: [q], nResults: 3, include: [] });
    expect(onlyIds).toMatchObject({ ids: full.ids, include: [], distances: null, documents: null, metadatas: null, embeddings: null });
  });

  it("queries by text through the collection's embedding function", async () => {
    const text = "apple pie";
    const seenBefore = ef.seen.length;
    const res = await query(main, { queryTexts: text, nResults: 3 });
    expect(ef.seen.slice(seenBefore)).toEqual([text]);
    expectNearest("l2", embedText(text), RECORDS, 3, res.ids[0], res.distances![0]);
  });

  it("upserts and updates records", async () => {
    const c = await client.createCollection({ name: "mutations", embeddingFunction: ef });
    await addRecords(c, RECORDS.slice(0, 5));

    // Adding an id that already exists is silently ignored: the stored record stays as it was.
    await c.add({ ids: ["rec-01"], embeddings: [vector(7777)], documents: ["ignored"] });
    expect(await c.count()).toBe(5);
    const unchanged = await get(c, { ids: ["rec-01"], include: [IncludeEnum.Documents, IncludeEnum.Embeddings] });
    expect(unchanged.documents).toEqual([RECORDS[1].document]);
    expect(unchanged.embeddings).toEqual([RECORDS[1].embedding]);

    const newVec = vector(4242);
    await c.upsert({
      ids: ["rec-01", "rec-90"],
      embeddings: [vector(99), newVec],
      documents: ["replaced document", "brand new document"],
      metadatas: [{ i: 100, group: "z" }, { i: 90, group: "n" }],
    });
    expect(await c.count()).toBe(6);
    const afterUpsert = await get(c, { include: [IncludeEnum.Documents, IncludeEnum.Metadatas, IncludeEnum.Embeddings] });
    expect(afterUpsert.ids).toEqual(["rec-00", "rec-01", "rec-02", "rec-03", "rec-04", "rec-90"]);
    expect(afterUpsert.documents![1]).toBe("replaced document");
    expect(afterUpsert.embeddings![1]).toEqual(vector(99));
    expect(afterUpsert.embeddings![5]).toEqual(newVec);
    expect(afterUpsert.metadatas![5]).toEqual({ i: 90, group: "n" });
    // Upsert of an existing record merges the given metadata keys into the stored ones.
    expect(afterUpsert.metadatas![1]).toEqual({ ...RECORDS[1].metadata, i: 100, group: "z" });

    await c.update({ ids: ["rec-02"], metadatas: [{ group: "updated", extra: "x" }] });
    await c.update({ ids: "rec-03", documents: "an updated document", embeddings: vector(31) });
    await c.update({ ids: ["rec-04"], embeddings: [QUERY_VECTORS[0]] });
    await c.update({ ids: ["not-there"], embeddings: [vector(5)] });
    expect(await c.count()).toBe(6);

    const afterUpdate = await get(c, {
      ids: ["rec-02", "rec-03", "rec-04"],
      include: [IncludeEnum.Documents, IncludeEnum.Metadatas, IncludeEnum.Embeddings],
    });
    const row = (id: string) => afterUpdate.ids.indexOf(id);
    expect(afterUpdate.metadatas![row("rec-02")]).toEqual({ ...RECORDS[2].metadata, group: "updated", extra: "x" });
    expect(afterUpdate.documents![row("rec-02")]).toBe(RECORDS[2].document);
    expect(afterUpdate.documents![row("rec-03")]).toBe("an updated document");
    expect(afterUpdate.embeddings![row("rec-03")]).toEqual(vector(31));
    expect(afterUpdate.metadatas![row("rec-03")]).toEqual(RECORDS[3].metadata);

    const nearest = await query(c, { queryEmbeddings: [QUERY_VECTORS[0]], nResults: 1 });
    expect(nearest.ids).toEqual([["rec-04"]]);
    expect(nearest.distances![0][0]).toBeCloseTo(0, 5);
    expect((await get(c, { where: { group: "updated" } })).ids).toEqual(["rec-02"]);
    expect((await get(c, { whereDocument: { $contains: "updated document" } })).ids).toEqual(["rec-03"]);
  });

  it("deletes records by ids, where and whereDocument", async () => {
    const c = await client.createCollection({ name: "deletions", embeddingFunction: ef });
    await addRecords(c);
    let left = [...RECORDS];

    // chromadb@1.10's delete resolves to nothing; the effect is checked through get.
    await expect(c.delete({ ids: ["rec-00", "rec-05", "no-such-id"] })).resolves.toBeUndefined();
    left = left.filter((r) => !["rec-00", "rec-05"].includes(r.id));
    expect((await get(c)).ids).toEqual(ids(left));

    await c.delete({ where: { group: "b" } });
    left = left.filter((r) => r.metadata.group !== "b");
    expect((await get(c)).ids).toEqual(ids(left));

    await c.delete({ whereDocument: { $contains: "apple" } });
    left = left.filter((r) => !r.document.includes("apple"));
    expect((await get(c)).ids).toEqual(ids(left));
    expect(await c.count()).toBe(left.length);

    const res = await query(c, { queryEmbeddings: [QUERY_VECTORS[0]], nResults: 10, include: [IncludeEnum.Distances] });
    expectNearest("l2", QUERY_VECTORS[0], left, 10, res.ids[0], res.distances![0]);
  });

  it("surfaces missing collections, duplicates and dimension mismatches as typed errors", async () => {
    const missing = client.getCollection({ name: "does-not-exist", embeddingFunction: ef });
    await expect(missing).rejects.toBeInstanceOf(ChromaNotFoundError);
    await expect(missing).rejects.toThrow("The requested resource could not be found");
    await expect(client.deleteCollection({ name: "does-not-exist" })).rejects.toBeInstanceOf(ChromaNotFoundError);

    const dup = client.createCollection({ name: "fixture", embeddingFunction: ef });
    await expect(dup).rejects.toBeInstanceOf(ChromaUniqueError);
    await expect(dup).rejects.toThrow("The resource already exists");

    // The error body's "error" field picks the class: InvalidArgumentError with the server's message.
    const badAdd = main.add({ ids: ["short"], embeddings: [[1, 2, 3]] });
    await expect(badAdd).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(badAdd).rejects.toThrow(/dimension/i);
    const badQuery = main.query({ queryEmbeddings: [new Array(DIM + 1).fill(1)] });
    await expect(badQuery).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(badQuery).rejects.toThrow(/dimension/i);
    expect(await main.count()).toBe(RECORDS.length);
  });

  it("used only 0.6-era v2 endpoints, with plain number arrays", async () => {
    for (const r of target.requests) expect(r.path.startsWith("/api/v2/"), r.path).toBe(true);
    for (const r of target.requests) expect(r.status, `${r.method} ${r.path}`).toBeLessThan(500);
    for (const r of target.requests.filter((x) => /\/(add|upsert|update|query)$/.test(x.path))) {
      const body = r.body as { embeddings?: unknown[]; query_embeddings?: unknown[] };
      const vectors = body.embeddings ?? body.query_embeddings;
      if (vectors) expect(Array.isArray(vectors[0])).toBe(true);
    }
    // createCollection always sends "configuration": null.
    const creates = target.requests.filter((r) => r.method === "POST" && r.path.endsWith("/collections"));
    for (const c of creates) expect((c.body as { configuration?: unknown }).configuration).toBeNull();

    expect(summarizeTraffic(target.requests).map((t) => t.endpoint)).toEqual(
      [
        "DELETE /api/v2/tenants/{tenant}/databases/{database}",
        "DELETE /api/v2/tenants/{tenant}/databases/{database}/collections/{collection}",
        "GET /api/v2/heartbeat",
        "GET /api/v2/tenants/{tenant}",
        "GET /api/v2/tenants/{tenant}/databases",
        "GET /api/v2/tenants/{tenant}/databases/{database}",
        "GET /api/v2/tenants/{tenant}/databases/{database}/collections",
        "GET /api/v2/tenants/{tenant}/databases/{database}/collections/{collection}",
        "GET /api/v2/tenants/{tenant}/databases/{database}/collections/{collection}/count",
        "GET /api/v2/tenants/{tenant}/databases/{database}/collections_count",
        "GET /api/v2/version",
        "POST /api/v2/tenants",
        "POST /api/v2/tenants/{tenant}/databases",
        "POST /api/v2/tenants/{tenant}/databases/{database}/collections",
        "POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection}/add",
        "POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection}/delete",
        "POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection}/get",
        "POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection}/query",
        "POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection}/update",
        "POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection}/upsert",
        "PUT /api/v2/tenants/{tenant}/databases/{database}/collections/{collection}",
      ].sort((a, b) => a.localeCompare(b)),
    );
  });
});
