/**
 * Compatibility scenario for the official JS client chromadb@1.8.1 (npm alias `chromadb-v1`),
 * which speaks only the v1 API (tenant and database as query parameters, collections by id).
 *
 * Upstream Chroma 1.x answers 410 Gone on every v1 path, so this file cannot be checked against
 * the 1.3.x reference: its expectations are chromadb 0.6.3's documented v1 behaviour (the Python
 * FastAPI server, read from chromadb/server/fastapi/__init__.py, chromadb/api/segment.py and
 * chromadb/errors.py at tag 0.6.3), run through the same scenario as the v2 clients. With
 * COMPAT_URL pointing at a server that answers 410 on /api/v1/heartbeat the file skips itself;
 * against our own server it always runs.
 *
 * chromadb@1.8.1 quirks that shape the assertions:
 * - it hands back the server's JSON nearly untouched (so `included`, not `include`, and nulls);
 * - record operations never throw on a server error: they resolve to `{ error }`, where `error`
 *   is the body's "error" field, or the Response itself when the body has none;
 * - collection-level calls throw `new Error(<body.error>)`, i.e. the message is the error NAME;
 * - add() accepts only status 201, every other call only 200, and each wants application/json.
 *
 * Embeddings are always passed explicitly; createCollection/getCollection get our deterministic
 * HashedCharsEmbedding because the client's default downloads a model.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdminClient, ChromaClient, IncludeEnum, type Collection } from "chromadb-v1";
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
import { externalTargetLacksV1, openCompatTarget, type CompatTarget } from "./target.js";
import { summarizeTraffic } from "./recording-proxy.js";

type GetParams = NonNullable<Parameters<Collection["get"]>[0]>;
type QueryParams = Parameters<Collection["query"]>[0];
type Where = GetParams["where"];
type WhereDocument = GetParams["whereDocument"];

/** The raw 0.6.3 v1 get/query bodies (chromadb@1.8.1's typings are a subset of them). */
interface RawGet {
  ids: string[];
  embeddings: number[][] | null;
  documents: (string | null)[] | null;
  metadatas: (Record<string, unknown> | null)[] | null;
  uris: (string | null)[] | null;
  data: null;
  included: string[];
  error?: unknown;
}
interface RawQuery {
  ids: string[][];
  embeddings: number[][][] | null;
  documents: (string | null)[][] | null;
  metadatas: (Record<string, unknown> | null)[][] | null;
  distances: number[][] | null;
  included: string[];
  error?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const skip = await externalTargetLacksV1();

describe.skipIf(skip)("chromadb@1.8.1 against the v1 API", { timeout: 60_000 }, () => {
  let target: CompatTarget;
  let admin: AdminClient;
  let client: ChromaClient;
  const tenant = uniqueName("compat-v1");
  const database = "compat-main";
  const ef = new HashedCharsEmbedding();
  let main: Collection;

  const get = async (c: Collection, params: GetParams = {}) => {
    const res = (await c.get(params)) as unknown as RawGet;
    expect(res.error, "get failed").toBeUndefined();
    return res;
  };
  const query = async (c: Collection, params: QueryParams) => {
    const res = (await c.query(params)) as unknown as RawQuery;
    expect(res.error, "query failed").toBeUndefined();
    return res;
  };
  const addRecords = async (collection: Collection, records: FixtureRecord[] = RECORDS) => {
    const res = await collection.add({
      ids: ids(records),
      embeddings: records.map((r) => r.embedding),
      documents: records.map((r) => r.document),
      metadatas: records.map((r) => r.metadata),
    });
    // 0.6.3 answers 201 with the JSON `true`.
    expect(res).toBe(true);
  };

  beforeAll(async () => {
    target = await openCompatTarget("chromadb-1.8.1");
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

  it("creates and reads tenants and databases, and reports duplicates and missing ones", async () => {
    const t = uniqueName("compat-v1-t");
    expect(await admin.createTenant({ name: t })).toEqual({ name: t });
    expect(await admin.getTenant({ name: t })).toEqual({ name: t });
    // The thrown Error's message is the error name from the body.
    await expect(admin.createTenant({ name: t })).rejects.toThrow("UniqueConstraintError");
    await expect(admin.getTenant({ name: uniqueName("compat-v1-missing") })).rejects.toThrow("NotFoundError");

    expect(await admin.createDatabase({ name: "first-db", tenantName: t })).toEqual({ name: "first-db" });
    expect(await admin.getDatabase({ name: "first-db", tenantName: t })).toEqual({ name: "first-db" });
    await expect(admin.createDatabase({ name: "first-db", tenantName: t })).rejects.toThrow("UniqueConstraintError");
    await expect(admin.getDatabase({ name: "other-db", tenantName: t })).rejects.toThrow("NotFoundError");

    // The raw v1 body carries id, name and tenant (the client keeps only the name).
    const raw = await fetch(`${target.url}/api/v1/databases/first-db?tenant=${encodeURIComponent(t)}`);
    expect(await raw.json()).toEqual({ id: expect.stringMatching(UUID), name: "first-db", tenant: t });

    // Databases are scoped by tenant: the same name in another tenant is a different database.
    const c = new ChromaClient({ path: target.url, tenant: t, database: "first-db" });
    expect(await c.countCollections()).toBe(0);
  });

  it("runs the collection lifecycle: create, get, getOrCreate, list, count, modify, delete", async () => {
    const db = uniqueName("compat-v1-coll");
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

    const got = await c.getCollection({ name: "alpha", embeddingFunction: ef });
    expect(got.id).toBe(created.id);
    expect(got.name).toBe("alpha");
    expect(got.metadata).toEqual({ purpose: "compat", version: 1, ratio: 0.5, on: true });

    // get_or_create on an existing name returns it unchanged: the new metadata is ignored.
    const again = await c.getOrCreateCollection({ name: "alpha", metadata: { purpose: "other" }, embeddingFunction: ef });
    expect(again.id).toBe(created.id);
    expect(again.metadata).toEqual(got.metadata);
    const fresh = await c.getOrCreateCollection({ name: "beta", metadata: { purpose: "new" }, embeddingFunction: ef });
    expect(fresh.id).not.toBe(created.id);
    expect(fresh.metadata).toEqual({ purpose: "new" });
    await c.createCollection({ name: "gamma", embeddingFunction: ef });

    expect(await c.countCollections()).toBe(3);
    const all = await c.listCollections();
    expect(all.map((x) => x.name).sort()).toEqual(["alpha", "beta", "gamma"]);
    expect(all.find((x) => x.name === "alpha")).toMatchObject({ id: created.id, metadata: got.metadata });
    expect(all.find((x) => x.name === "gamma")!.metadata).toBeNull();
    // 0.6.3 lists collections ordered by id, so paging is stable.
    expect(all.map((x) => x.id)).toEqual([...all.map((x) => x.id)].sort());
    const paged = [...(await c.listCollections({ limit: 2, offset: 0 })), ...(await c.listCollections({ limit: 2, offset: 2 }))];
    expect(paged.map((x) => x.id)).toEqual(all.map((x) => x.id));
    expect(await c.listCollections({ limit: 5, offset: 3 })).toEqual([]);

    // 0.6.3 answers the PUT with JSON null.
    expect(await got.modify({ name: "alpha-renamed", metadata: { purpose: "renamed", level: 2 } })).toBeNull();
    expect(got.name).toBe("alpha-renamed");
    const renamed = await c.getCollection({ name: "alpha-renamed", embeddingFunction: ef });
    expect(renamed.id).toBe(created.id);
    // Modify replaces the collection metadata wholesale.
    expect(renamed.metadata).toEqual({ purpose: "renamed", level: 2 });
    await expect(c.getCollection({ name: "alpha", embeddingFunction: ef })).rejects.toThrow("InvalidCollection");

    expect(await c.deleteCollection({ name: "beta" })).toBeNull();
    expect(await c.countCollections()).toBe(2);
    expect((await c.listCollections()).map((x) => x.name).sort()).toEqual(["alpha-renamed", "gamma"]);
    await expect(c.getCollection({ name: "beta", embeddingFunction: ef })).rejects.toThrow("InvalidCollection");
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
      data: null,
      included: expect.arrayContaining(["documents", "metadatas"]),
    });
    expect(all.included).toHaveLength(2);

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
      expect([...res.included].sort()).toEqual([...c.include].sort());
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
    // 0.6.3 knows $contains/$not_contains/$and/$or only; $regex came with Chroma 1.x.
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
    // Under v1 the space is chosen through the "hnsw:space" collection metadata key.
    it.each(SPACES)("%s", async (space) => {
      const collection = await client.createCollection({
        name: `space-${space}`,
        metadata: { "hnsw:space": space },
        embeddingFunction: ef,
      });
      await addRecords(collection);
      expect((await client.getCollection({ name: `space-${space}`, embeddingFunction: ef })).metadata).toEqual({
        "hnsw:space": space,
      });

      const res = await query(collection, { queryEmbeddings: QUERY_VECTORS, nResults: 4, include: [IncludeEnum.Distances] });
      expect(res.ids).toHaveLength(QUERY_VECTORS.length);
      QUERY_VECTORS.forEach((q, i) => expectNearest(space, q, RECORDS, 4, res.ids[i], res.distances![i]));
      expect(res.documents).toBeNull();
      expect(res.metadatas).toBeNull();
      expect(res.embeddings).toBeNull();
      expect(res.included).toEqual(["distances"]);

      const everything = await query(collection, { queryEmbeddings: QUERY_VECTORS[0], nResults: 50, include: [IncludeEnum.Distances] });
      expectNearest(space, QUERY_VECTORS[0], RECORDS, 50, everything.ids[0], everything.distances![0]);

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
    expect([...defaults.included].sort()).toEqual(["distances", "documents", "metadatas"]);
    expect(defaults.ids).toEqual(full.ids);
    expect(defaults.embeddings).toBeNull();

    const onlyIds = await query(main, { queryEmbeddings: [q], nResults: 3, include: [] });
    expect(onlyIds).toMatchObject({ ids: full.ids, included: [], distances: null, documents: null, metadatas: null, embeddings: null });
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
    expect(await c.add({ ids: ["rec-01"], embeddings: [vector(7777)], documents: ["ignored"] })).toBe(true);
    expect(await c.count()).toBe(5);
    const unchanged = await get(c, { ids: ["rec-01"], include: [IncludeEnum.Documents, IncludeEnum.Embeddings] });
    expect(unchanged.documents).toEqual([RECORDS[1].document]);
    expect(unchanged.embeddings).toEqual([RECORDS[1].embedding]);

    const newVec = vector(4242);
    // 0.6.3 answers upsert and update with JSON null.
    expect(
      await c.upsert({
        ids: ["rec-01", "rec-90"],
        embeddings: [vector(99), newVec],
        documents: ["replaced document", "brand new document"],
        metadatas: [{ i: 100, group: "z" }, { i: 90, group: "n" }],
      }),
    ).toBeNull();
    expect(await c.count()).toBe(6);
    const afterUpsert = await get(c, { include: [IncludeEnum.Documents, IncludeEnum.Metadatas, IncludeEnum.Embeddings] });
    expect(afterUpsert.ids).toEqual(["rec-00", "rec-01", "rec-02", "rec-03", "rec-04", "rec-90"]);
    expect(afterUpsert.documents![1]).toBe("replaced document");
    expect(afterUpsert.embeddings![1]).toEqual(vector(99));
    expect(afterUpsert.embeddings![5]).toEqual(newVec);
    expect(afterUpsert.metadatas![5]).toEqual({ i: 90, group: "n" });
    // Upsert of an existing record merges the given metadata keys into the stored ones.
    expect(afterUpsert.metadatas![1]).toEqual({ ...RECORDS[1].metadata, i: 100, group: "z" });

    expect(await c.update({ ids: ["rec-02"], metadatas: [{ group: "updated", extra: "x" }] })).toBeNull();
    await c.update({ ids: "rec-03", documents: "an updated document", embeddings: vector(31) });
    await c.update({ ids: ["rec-04"], embeddings: [QUERY_VECTORS[0]] });
    // Unknown ids are ignored (0.6.3 logs a warning), not an error.
    expect(await c.update({ ids: ["not-there"], embeddings: [vector(5)] })).toBeNull();
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

    // 0.6.3 answers delete with JSON null (not the deleted ids the client's typings promise).
    expect(await c.delete({ ids: ["rec-00", "rec-05", "no-such-id"] })).toBeNull();
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

  it("surfaces missing collections, duplicates and dimension mismatches the 0.6.3 way", async () => {
    // 0.6.3: InvalidCollectionException, 400 {"error":"InvalidCollection"}; the client throws Error(name).
    await expect(client.getCollection({ name: "does-not-exist", embeddingFunction: ef })).rejects.toThrow("InvalidCollection");
    // 0.6.3: ValueError, 400 {"error":"InvalidArgumentError"}; deleteCollection resolves to { error }.
    expect(await client.deleteCollection({ name: "does-not-exist" })).toEqual({ error: "InvalidArgumentError" });
    // 0.6.3: UniqueConstraintError, 409.
    await expect(client.createCollection({ name: "fixture", embeddingFunction: ef })).rejects.toThrow("UniqueConstraintError");

    // Records calls resolve to { error } instead of throwing. 0.6.3 turns a dimension mismatch on
    // add into HTTPException(500, detail=...), a body without "error", so the client hands back the
    // Response itself; a server answering {"error":"InvalidDimension"} yields that string instead.
    const badAdd = (await main.add({ ids: ["short"], embeddings: [[1, 2, 3]] })) as { error?: unknown };
    expect(badAdd.error).toBeTruthy();
    if (typeof badAdd.error === "string") expect(badAdd.error).toMatch(/InvalidDimension|InvalidArgument/);
    else expect((badAdd.error as Response).status).toBeGreaterThanOrEqual(400);
    // On query 0.6.3 raises InvalidDimensionException through the middleware: 400 {"error":"InvalidDimension"}.
    const badQuery = (await main.query({ queryEmbeddings: [new Array(DIM + 1).fill(1)] })) as { error?: unknown };
    expect(badQuery).toEqual({ error: "InvalidDimension" });
    expect(await main.count()).toBe(RECORDS.length);
  });

  it("used only v1 endpoints, with tenant and database as query parameters", async () => {
    for (const r of target.requests) expect(r.path.startsWith("/api/v1"), r.path).toBe(true);
    const traffic = summarizeTraffic(target.requests);
    const scoped = traffic.filter((t) => /^(GET|POST) \/api\/v1\/(collections|count_collections)$/.test(t.endpoint));
    expect(scoped.length).toBeGreaterThan(0);
    for (const t of scoped) expect(t.queryParams).toEqual(expect.arrayContaining(["database", "tenant"]));
    for (const r of target.requests.filter((x) => /\/(add|upsert|update|query)$/.test(x.path))) {
      const body = r.body as { embeddings?: unknown[]; query_embeddings?: unknown[] };
      const vectors = body.embeddings ?? body.query_embeddings;
      if (vectors) expect(Array.isArray(vectors[0])).toBe(true);
    }
    expect(traffic.map((t) => t.endpoint)).toEqual(
      [
        "DELETE /api/v1/collections/{collection}",
        "GET /api/v1/collections",
        "GET /api/v1/collections/{collection}",
        "GET /api/v1/collections/{collection}/count",
        "GET /api/v1/count_collections",
        "GET /api/v1/databases/{database}",
        "GET /api/v1/heartbeat",
        "GET /api/v1/tenants/{tenant}",
        "GET /api/v1/version",
        "POST /api/v1/collections",
        "POST /api/v1/collections/{collection}/add",
        "POST /api/v1/collections/{collection}/delete",
        "POST /api/v1/collections/{collection}/get",
        "POST /api/v1/collections/{collection}/query",
        "POST /api/v1/collections/{collection}/update",
        "POST /api/v1/collections/{collection}/upsert",
        "POST /api/v1/databases",
        "POST /api/v1/tenants",
        "PUT /api/v1/collections/{collection}",
      ].sort((a, b) => a.localeCompare(b)),
    );
  });
});
