/**
 * Compatibility scenario for the official JS client chromadb@3.5.0 (npm alias `chromadb-v3`):
 * today's client, speaking the v2 API with Chroma 1.x paths (by-id, pre-flight-checks, base64
 * embeddings). Every step asserts the data the client hands back, not merely that nothing threw.
 *
 * Embeddings are always passed explicitly; where the client wants an embedding function (collection
 * creation records one in the configuration, queries by text need one) it gets our deterministic
 * HashedCharsEmbedding, because the default one downloads a model.
 *
 * The expectations were checked against the upstream reference (Chroma 1.3.x); see
 * docs/compatibility.md.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AdminClient,
  ChromaClient,
  ChromaClientError,
  ChromaNotFoundError,
  ChromaUniqueError,
  type Collection,
  type Where,
  type WhereDocument,
} from "chromadb-v3";
import { embedText, HashedCharsEmbedding } from "./embedding.js";
import {
  COMBINED_CASE,
  DIM,
  ids,
  matching,
  QUERY_VECTORS,
  RECORDS,
  REGEX_CASES,
  uniqueName,
  vector,
  WHERE_CASES,
  WHERE_DOCUMENT_CASES,
  type FixtureRecord,
} from "./fixtures.js";
import { expectNearest, expectVectorsClose, SPACES, type Space } from "./distance.js";
import { openCompatTarget, type CompatTarget } from "./target.js";
import { summarizeTraffic } from "./recording-proxy.js";

type Include = "distances" | "documents" | "embeddings" | "metadatas" | "uris";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("chromadb@3.5.0 against the v2 API", { timeout: 60_000 }, () => {
  let target: CompatTarget;
  let admin: AdminClient;
  let client: ChromaClient;
  const tenant = uniqueName("compat-v3");
  const database = "compat-main";
  const ef = new HashedCharsEmbedding();
  /** The read-only fixture collection that the filter tests share. */
  let main: Collection;

  const addRecords = (collection: Collection, records: FixtureRecord[] = RECORDS) =>
    collection.add({
      ids: ids(records),
      embeddings: records.map((r) => r.embedding),
      documents: records.map((r) => r.document),
      metadatas: records.map((r) => r.metadata),
    });

  beforeAll(async () => {
    target = await openCompatTarget("chromadb-3.5.0");
    admin = new AdminClient({ host: target.host, port: target.port, ssl: false });
    await admin.createTenant({ name: tenant });
    await admin.createDatabase({ name: database, tenant });
    client = new ChromaClient({ host: target.host, port: target.port, ssl: false, tenant, database });
    main = await client.createCollection({ name: "fixture", embeddingFunction: ef });
    await addRecords(main);
  }, 60_000);

  afterAll(async () => {
    await target?.close();
  });

  it("answers heartbeat, version and pre-flight checks", async () => {
    const beat = await client.heartbeat();
    // Nanoseconds since the epoch: anything after 2020 and not in the far future.
    expect(beat).toBeGreaterThan(1.5e18);
    expect(beat).toBeLessThan(1e19);
    expect(await client.version()).toMatch(/^\d+\.\d+\.\d+/);

    const checks = await client.getPreflightChecks();
    // chromadb@3 refuses every add/upsert/update when max_batch_size is missing (it reads -1).
    expect(checks.max_batch_size).toBeGreaterThan(RECORDS.length);
    expect(typeof checks.supports_base64_encoding).toBe("boolean");
    expect(await client.getMaxBatchSize()).toBe(checks.max_batch_size);
  });

  it("creates and reads tenants, and reports duplicates and missing ones", async () => {
    const other = uniqueName("compat-v3-t");
    await admin.createTenant({ name: other });
    expect(await admin.getTenant({ name: other })).toBe(other);
    expect(await admin.getTenant({ name: tenant })).toBe(tenant);
    await expect(admin.createTenant({ name: other })).rejects.toBeInstanceOf(ChromaUniqueError);
    await expect(admin.getTenant({ name: uniqueName("compat-v3-missing") })).rejects.toBeInstanceOf(ChromaNotFoundError);
  });

  it("creates, gets, lists and deletes databases", async () => {
    const t = uniqueName("compat-v3-dbs");
    await admin.createTenant({ name: t });
    await admin.createDatabase({ name: "first-db", tenant: t });
    await admin.createDatabase({ name: "second-db", tenant: t });

    const first = await admin.getDatabase({ name: "first-db", tenant: t });
    expect(first).toEqual({ id: expect.stringMatching(UUID), name: "first-db", tenant: t });

    const listed = await admin.listDatabases({ tenant: t });
    expect(listed.map((d) => d.name).sort()).toEqual(["first-db", "second-db"]);
    expect(listed.find((d) => d.name === "first-db")).toEqual(first);
    const page = await admin.listDatabases({ tenant: t, limit: 1, offset: 1 });
    expect(page).toHaveLength(1);
    expect(page[0]).toEqual(listed[1]);

    await expect(admin.createDatabase({ name: "first-db", tenant: t })).rejects.toBeInstanceOf(ChromaUniqueError);

    await admin.deleteDatabase({ name: "first-db", tenant: t });
    await expect(admin.getDatabase({ name: "first-db", tenant: t })).rejects.toBeInstanceOf(ChromaNotFoundError);
    expect((await admin.listDatabases({ tenant: t })).map((d) => d.name)).toEqual(["second-db"]);
    await expect(admin.deleteDatabase({ name: "first-db", tenant: t })).rejects.toBeInstanceOf(ChromaNotFoundError);
  });

  it("runs the collection lifecycle: create, get, getById, getOrCreate, list, count, modify, delete", async () => {
    const db = uniqueName("compat-v3-coll");
    await admin.createDatabase({ name: db, tenant });
    const c = new ChromaClient({ host: target.host, port: target.port, ssl: false, tenant, database: db });
    expect(await c.countCollections()).toBe(0);
    expect(await c.listCollections()).toEqual([]);

    const created = await c.createCollection({
      name: "alpha",
      metadata: { purpose: "compat", version: 1, ratio: 0.5, on: true },
      embeddingFunction: ef,
    });
    expect(created.id).toMatch(UUID);
    expect(created.name).toBe("alpha");
    expect(created.tenant).toBe(tenant);
    expect(created.database).toBe(db);
    expect(created.metadata).toEqual({ purpose: "compat", version: 1, ratio: 0.5, on: true });
    // Our embedding function has no getConfig, so the client records it as a legacy one. (The
    // client keeps the server's configuration_json as is, hence the snake_case key.)
    expect((created.configuration as Record<string, unknown>).embedding_function).toEqual({ type: "legacy" });
    expect(created.configuration.hnsw?.space).toBe("l2");

    const got = await c.getCollection({ name: "alpha", embeddingFunction: ef });
    expect(got.id).toBe(created.id);
    expect(got.name).toBe("alpha");
    expect(got.metadata).toEqual(created.metadata);

    const byId = await c.getCollectionById(created.id);
    expect(byId.name).toBe("alpha");
    expect(byId.metadata).toEqual(created.metadata);

    // get_or_create on an existing name returns it unchanged: the new metadata is ignored.
    const again = await c.getOrCreateCollection({ name: "alpha", metadata: { purpose: "other" }, embeddingFunction: ef });
    expect(again.id).toBe(created.id);
    expect(again.metadata).toEqual(created.metadata);
    const fresh = await c.getOrCreateCollection({ name: "beta", metadata: { purpose: "new" }, embeddingFunction: ef });
    expect(fresh.id).not.toBe(created.id);
    expect(fresh.metadata).toEqual({ purpose: "new" });
    await c.createCollection({ name: "gamma", embeddingFunction: ef });

    expect(await c.countCollections()).toBe(3);
    const all = await c.listCollections();
    expect(all.map((x) => x.name).sort()).toEqual(["alpha", "beta", "gamma"]);
    // Upstream (0.6.3 and 1.x alike) lists collections ordered by id, so paging is stable.
    expect(all.map((x) => x.id)).toEqual([...all.map((x) => x.id)].sort());
    const paged = [
      ...(await c.listCollections({ limit: 2, offset: 0 })),
      ...(await c.listCollections({ limit: 2, offset: 2 })),
    ];
    expect(paged.map((x) => x.id)).toEqual(all.map((x) => x.id));
    expect(await c.listCollections({ limit: 5, offset: 3 })).toEqual([]);

    await got.modify({ name: "alpha-renamed", metadata: { purpose: "renamed", level: 2 } });
    expect(got.name).toBe("alpha-renamed");
    const renamed = await c.getCollection({ name: "alpha-renamed", embeddingFunction: ef });
    expect(renamed.id).toBe(created.id);
    // Modify replaces the collection metadata wholesale.
    expect(renamed.metadata).toEqual({ purpose: "renamed", level: 2 });
    await expect(c.getCollection({ name: "alpha", embeddingFunction: ef })).rejects.toBeInstanceOf(ChromaNotFoundError);

    await c.deleteCollection({ name: "beta" });
    expect(await c.countCollections()).toBe(2);
    expect((await c.listCollections()).map((x) => x.name).sort()).toEqual(["alpha-renamed", "gamma"]);
    await expect(c.getCollection({ name: "beta", embeddingFunction: ef })).rejects.toBeInstanceOf(ChromaNotFoundError);
  });

  it("adds records, counts them and gets them back in insertion order", async () => {
    expect(await main.count()).toBe(RECORDS.length);

    const all = await main.get();
    expect(all.ids).toEqual(ids(RECORDS));
    expect(all.documents).toEqual(RECORDS.map((r) => r.document));
    expect(all.metadatas).toEqual(RECORDS.map((r) => r.metadata));
    expect(all.include).toEqual(["documents", "metadatas"]);

    const withEmbeddings = await main.get({ include: ["embeddings"] });
    // Quarter-step values survive float32 (and chromadb@3's base64 encoding) exactly.
    expect(withEmbeddings.embeddings).toEqual(RECORDS.map((r) => r.embedding));

    const byIds = await main.get({ ids: ["rec-07", "rec-02", "no-such-id"] });
    // Records come back in insertion order, not in the order the ids were asked for.
    expect(byIds.ids).toEqual(["rec-02", "rec-07"]);
    byIds.ids.forEach((id, i) => expect(byIds.documents[i]).toBe(RECORDS.find((r) => r.id === id)!.document));
  });

  it("pages with limit and offset in insertion order, and peeks at the first records", async () => {
    expect((await main.get({ limit: 3 })).ids).toEqual(ids(RECORDS.slice(0, 3)));
    expect((await main.get({ limit: 3, offset: 4 })).ids).toEqual(ids(RECORDS.slice(4, 7)));
    expect((await main.get({ offset: 8 })).ids).toEqual(ids(RECORDS.slice(8)));
    expect((await main.get({ limit: 5, offset: 20 })).ids).toEqual([]);
    const pages: string[] = [];
    for (let offset = 0; offset < RECORDS.length; offset += 4) pages.push(...(await main.get({ limit: 4, offset })).ids);
    expect(pages).toEqual(ids(RECORDS));
    // Filters apply before paging.
    expect((await main.get({ where: { flag: true }, limit: 2, offset: 1 })).ids).toEqual(
      matching((r) => r.metadata.flag).slice(1, 3),
    );

    const peek = await main.peek({ limit: 4 });
    expect(peek.ids).toEqual(ids(RECORDS.slice(0, 4)));
    expect(peek.documents).toEqual(RECORDS.slice(0, 4).map((r) => r.document));
    expect((await main.peek({})).ids).toEqual(ids(RECORDS.slice(0, 10)));
  });

  it("returns exactly the included fields from get (chromadb@3 turns absent ones into [])", async () => {
    const cases: { include: Include[]; documents: boolean; metadatas: boolean; embeddings: boolean }[] = [
      { include: ["documents"], documents: true, metadatas: false, embeddings: false },
      { include: ["metadatas"], documents: false, metadatas: true, embeddings: false },
      { include: ["embeddings"], documents: false, metadatas: false, embeddings: true },
      { include: ["embeddings", "documents", "metadatas"], documents: true, metadatas: true, embeddings: true },
      { include: [], documents: false, metadatas: false, embeddings: false },
    ];
    const subset = RECORDS.slice(0, 3);
    for (const c of cases) {
      const res = await main.get({ ids: ids(subset), include: c.include });
      expect(res.ids).toEqual(ids(subset));
      expect([...res.include].sort()).toEqual([...c.include].sort());
      expect(res.documents).toEqual(c.documents ? subset.map((r) => r.document) : []);
      expect(res.metadatas).toEqual(c.metadatas ? subset.map((r) => r.metadata) : []);
      expect(res.embeddings).toEqual(c.embeddings ? subset.map((r) => r.embedding) : []);
      expect(res.uris).toEqual([]);
    }
    // uris were never set: when asked for, they come back as nulls.
    const uris = await main.get({ ids: ["rec-00"], include: ["uris"] });
    expect(uris.uris).toEqual([null]);
  });

  describe("where filters on get", () => {
    it.each(WHERE_CASES)("$name", async ({ filter, matches }) => {
      const res = await main.get({ where: filter as Where, include: ["metadatas"] });
      expect(res.ids).toEqual(matching(matches));
      res.ids.forEach((id, i) => expect(res.metadatas[i]).toEqual(RECORDS.find((r) => r.id === id)!.metadata));
    });
  });

  describe("whereDocument filters on get", () => {
    it.each([...WHERE_DOCUMENT_CASES, ...REGEX_CASES])("$name", async ({ filter, matches }) => {
      const res = await main.get({ whereDocument: filter as WhereDocument, include: ["documents"] });
      expect(res.ids).toEqual(matching(matches));
      res.ids.forEach((id, i) => expect(res.documents[i]).toBe(RECORDS.find((r) => r.id === id)!.document));
    });

    it("combines where and whereDocument", async () => {
      const res = await main.get({ where: COMBINED_CASE.where as Where, whereDocument: COMBINED_CASE.whereDocument as WhereDocument });
      expect(res.ids).toEqual(matching(COMBINED_CASE.matches));
    });
  });

  describe("query distances against brute force", () => {
    // l2 is the default; cosine is chosen through the configuration, ip through the legacy
    // "hnsw:space" metadata key: the two ways chromadb@3 users pick a space.
    const createIn = (c: ChromaClient, space: Space, name: string) =>
      space === "l2"
        ? c.createCollection({ name, embeddingFunction: ef })
        : space === "cosine"
          ? c.createCollection({ name, configuration: { hnsw: { space } }, embeddingFunction: ef })
          : c.createCollection({ name, metadata: { "hnsw:space": space }, embeddingFunction: ef });

    it.each(SPACES)("%s", async (space) => {
      const collection = await createIn(client, space, `space-${space}`);
      expect(collection.configuration.hnsw?.space).toBe(space);
      await addRecords(collection);

      const res = await collection.query({ queryEmbeddings: QUERY_VECTORS, nResults: 4, include: ["distances"] });
      expect(res.ids).toHaveLength(QUERY_VECTORS.length);
      QUERY_VECTORS.forEach((q, i) => {
        expectNearest(space, q, RECORDS, 4, res.ids[i], res.distances[i] as number[]);
      });

      // Asking for more than there is returns everything, still sorted.
      const everything = await collection.query({ queryEmbeddings: [QUERY_VECTORS[0]], nResults: 50, include: ["distances"] });
      expectNearest(space, QUERY_VECTORS[0], RECORDS, 50, everything.ids[0], everything.distances[0] as number[]);

      // The stored vectors come back as given, not normalised. (Upstream 1.x keeps cosine vectors
      // normalised and scales them back, so there they are only equal to about one float32 ulp.)
      const stored = (await collection.get({ include: ["embeddings"] })).embeddings;
      expectVectorsClose(stored, RECORDS.map((r) => r.embedding));
    });
  });

  it("queries with where, whereDocument and ids restrictions", async () => {
    const q = QUERY_VECTORS[1];
    const byWhere = await main.query({ queryEmbeddings: [q], nResults: 3, where: { group: { $in: ["a", "b"] } } });
    expectNearest("l2", q, RECORDS.filter((r) => r.metadata.group !== "c"), 3, byWhere.ids[0], byWhere.distances[0] as number[]);

    const byDoc = await main.query({ queryEmbeddings: [q], nResults: 5, whereDocument: { $contains: "apple" } });
    expectNearest("l2", q, RECORDS.filter((r) => r.document.includes("apple")), 5, byDoc.ids[0], byDoc.distances[0] as number[]);

    const both = await main.query({
      queryEmbeddings: [q],
      nResults: 10,
      where: COMBINED_CASE.where as Where,
      whereDocument: COMBINED_CASE.whereDocument as WhereDocument,
    });
    expectNearest("l2", q, RECORDS.filter(COMBINED_CASE.matches), 10, both.ids[0], both.distances[0] as number[]);

    const restricted = ["rec-01", "rec-04", "rec-09"];
    const byIds = await main.query({ queryEmbeddings: [q], nResults: 10, ids: restricted });
    expectNearest("l2", q, RECORDS.filter((r) => restricted.includes(r.id)), 10, byIds.ids[0], byIds.distances[0] as number[]);

    const none = await main.query({ queryEmbeddings: [q], nResults: 3, where: { group: "zzz" } });
    expect(none.ids).toEqual([[]]);
  });

  it("returns exactly the included fields from query", async () => {
    const q = QUERY_VECTORS[0];
    const full = await main.query({
      queryEmbeddings: [q],
      nResults: 3,
      include: ["documents", "metadatas", "embeddings", "distances"],
    });
    const found = full.ids[0].map((id) => RECORDS.find((r) => r.id === id)!);
    expect(full.documents[0]).toEqual(found.map((r) => r.document));
    expect(full.metadatas[0]).toEqual(found.map((r) => r.metadata));
    expect(full.embeddings[0]).toEqual(found.map((r) => r.embedding));
    expectNearest("l2", q, RECORDS, 3, full.ids[0], full.distances[0] as number[]);

    // The defaults are metadatas, documents and distances.
    const defaults = await main.query({ queryEmbeddings: [q], nResults: 3 });
    expect([...defaults.include].sort()).toEqual(["distances", "documents", "metadatas"]);
    expect(defaults.ids).toEqual(full.ids);
    expect(defaults.embeddings).toEqual([]);

    const onlyIds = await main.query({ queryEmbeddings: [q], nResults: 3, include: [] });
    expect(onlyIds.ids).toEqual(full.ids);
    expect(onlyIds.include).toEqual([]);
    expect(onlyIds.distances).toEqual([]);
    expect(onlyIds.documents).toEqual([]);
    expect(onlyIds.metadatas).toEqual([]);
  });

  it("queries by text through the collection's embedding function", async () => {
    const text = "apple pie";
    const seenBefore = ef.seen.length;
    const res = await main.query({ queryTexts: [text], nResults: 3 });
    expect(ef.seen.slice(seenBefore)).toEqual([text]);
    expectNearest("l2", embedText(text), RECORDS, 3, res.ids[0], res.distances[0] as number[]);
  });

  it("upserts and updates records", async () => {
    const c = await client.createCollection({ name: "mutations", embeddingFunction: ef });
    await addRecords(c, RECORDS.slice(0, 5));

    // Upsert: rec-01 is replaced in place, rec-90 is new and goes to the end.
    // Adding an id that already exists is silently ignored: the stored record stays as it was.
    await c.add({ ids: ["rec-01"], embeddings: [vector(7777)], documents: ["ignored"] });
    expect(await c.count()).toBe(5);
    const unchanged = await c.get({ ids: ["rec-01"], include: ["documents", "embeddings"] });
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
    const afterUpsert = await c.get({ include: ["documents", "metadatas", "embeddings"] });
    expect(afterUpsert.ids).toEqual(["rec-00", "rec-01", "rec-02", "rec-03", "rec-04", "rec-90"]);
    expect(afterUpsert.documents[1]).toBe("replaced document");
    expect(afterUpsert.embeddings[1]).toEqual(vector(99));
    expect(afterUpsert.embeddings[5]).toEqual(newVec);
    expect(afterUpsert.metadatas[5]).toEqual({ i: 90, group: "n" });
    // Upsert of an existing record merges the given metadata keys into the stored ones.
    expect(afterUpsert.metadatas[1]).toEqual({ ...RECORDS[1].metadata, i: 100, group: "z" });

    // Update: metadata keys merge, documents and embeddings are replaced, unknown ids are ignored.
    await c.update({ ids: ["rec-02"], metadatas: [{ group: "updated", extra: "x" }] });
    await c.update({ ids: ["rec-03"], documents: ["an updated document"], embeddings: [vector(31)] });
    await c.update({ ids: ["rec-04"], embeddings: [QUERY_VECTORS[0]] });
    await c.update({ ids: ["not-there"], embeddings: [vector(5)] });
    expect(await c.count()).toBe(6);

    const afterUpdate = await c.get({ ids: ["rec-02", "rec-03", "rec-04"], include: ["documents", "metadatas", "embeddings"] });
    const row = (id: string) => afterUpdate.ids.indexOf(id);
    expect(afterUpdate.metadatas[row("rec-02")]).toEqual({ ...RECORDS[2].metadata, group: "updated", extra: "x" });
    expect(afterUpdate.documents[row("rec-02")]).toBe(RECORDS[2].document);
    expect(afterUpdate.documents[row("rec-03")]).toBe("an updated document");
    expect(afterUpdate.embeddings[row("rec-03")]).toEqual(vector(31));
    expect(afterUpdate.metadatas[row("rec-03")]).toEqual(RECORDS[3].metadata);

    // The updated vector is what the index now searches.
    const nearest = await c.query({ queryEmbeddings: [QUERY_VECTORS[0]], nResults: 1 });
    expect(nearest.ids[0]).toEqual(["rec-04"]);
    expect(nearest.distances[0][0]).toBeCloseTo(0, 5);
    // The update was visible to filters too.
    expect((await c.get({ where: { group: "updated" } })).ids).toEqual(["rec-02"]);
    expect((await c.get({ whereDocument: { $contains: "updated document" } })).ids).toEqual(["rec-03"]);
  });

  it("deletes records by ids, where and whereDocument", async () => {
    const c = await client.createCollection({ name: "deletions", embeddingFunction: ef });
    await addRecords(c);
    let left = [...RECORDS];

    // Only existing ids here: for a missing id upstream 1.x still counts it as "deleted", where
    // chromaspec reports what it deleted (contract-tests/KNOWN_DIFFERENCES.md).
    const byIds = await c.delete({ ids: ["rec-00", "rec-05"] });
    expect(byIds).toEqual({ deleted: 2 });
    left = left.filter((r) => !["rec-00", "rec-05"].includes(r.id));
    expect((await c.get()).ids).toEqual(ids(left));

    const byWhere = await c.delete({ where: { group: "b" } });
    expect(byWhere.deleted).toBe(left.filter((r) => r.metadata.group === "b").length);
    left = left.filter((r) => r.metadata.group !== "b");
    expect((await c.get()).ids).toEqual(ids(left));

    const byDoc = await c.delete({ whereDocument: { $contains: "apple" } });
    expect(byDoc.deleted).toBe(left.filter((r) => r.document.includes("apple")).length);
    left = left.filter((r) => !r.document.includes("apple"));
    expect((await c.get()).ids).toEqual(ids(left));
    expect(await c.count()).toBe(left.length);

    // Deleted records are gone from the vector index as well.
    const res = await c.query({ queryEmbeddings: [QUERY_VECTORS[0]], nResults: 10, include: ["distances"] });
    expectNearest("l2", QUERY_VECTORS[0], left, 10, res.ids[0], res.distances[0] as number[]);
  });

  it("surfaces missing collections, duplicates and dimension mismatches as typed errors", async () => {
    const missing = client.getCollection({ name: "does-not-exist", embeddingFunction: ef });
    await expect(missing).rejects.toBeInstanceOf(ChromaNotFoundError);
    await expect(missing).rejects.toThrow("The requested resource could not be found");
    await expect(client.deleteCollection({ name: "does-not-exist" })).rejects.toBeInstanceOf(ChromaNotFoundError);

    const dup = client.createCollection({ name: "fixture", embeddingFunction: ef });
    await expect(dup).rejects.toBeInstanceOf(ChromaUniqueError);
    await expect(dup).rejects.toThrow("The resource already exists");

    // A 400 becomes ChromaClientError carrying the server's message.
    const badAdd = main.add({ ids: ["short"], embeddings: [[1, 2, 3]] });
    await expect(badAdd).rejects.toBeInstanceOf(ChromaClientError);
    await expect(badAdd).rejects.toThrow(/dimension/i);
    const badQuery = main.query({ queryEmbeddings: [new Array(DIM + 1).fill(1)] });
    await expect(badQuery).rejects.toBeInstanceOf(ChromaClientError);
    await expect(badQuery).rejects.toThrow(/dimension/i);
    expect(await main.count()).toBe(RECORDS.length);
  });

  it("used only v2 endpoints, with base64 vectors when the server offers them", async () => {
    const traffic = summarizeTraffic(target.requests);
    for (const r of target.requests) expect(r.path.startsWith("/api/v2/"), r.path).toBe(true);
    for (const r of target.requests) expect(r.status, `${r.method} ${r.path}`).toBeLessThan(500);

    const base64 = (await client.getPreflightChecks()).supports_base64_encoding === true;
    const writes = target.requests.filter((r) => /\/(add|upsert|update)$/.test(r.path));
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) {
      const embeddings = (w.body as { embeddings?: unknown[] }).embeddings;
      if (!embeddings) continue;
      expect(typeof embeddings[0]).toBe(base64 ? "string" : "object");
    }
    if (base64) {
      // The first write was the fixture: decode its first vector as little-endian float32.
      const first = (writes[0].body as { embeddings: string[] }).embeddings[0];
      const bytes = Buffer.from(first, "base64");
      const floats = Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4));
      expect(floats).toEqual(RECORDS[0].embedding);
    }
    // Queries always send plain number arrays.
    for (const q of target.requests.filter((r) => r.path.endsWith("/query"))) {
      const embeddings = (q.body as { query_embeddings: unknown[] }).query_embeddings;
      expect(Array.isArray(embeddings[0])).toBe(true);
    }

    // The endpoints this scenario drives chromadb@3 through (no auth/identity: tenant and
    // database are given; no healthcheck: the client never calls it on its own).
    expect(traffic.map((t) => t.endpoint)).toEqual(
      [
        "DELETE /api/v2/tenants/{tenant}/databases/{database}",
        "DELETE /api/v2/tenants/{tenant}/databases/{database}/collections/{collection}",
        "GET /api/v2/heartbeat",
        "GET /api/v2/pre-flight-checks",
        "GET /api/v2/tenants/{tenant}",
        "GET /api/v2/tenants/{tenant}/databases",
        "GET /api/v2/tenants/{tenant}/databases/{database}",
        "GET /api/v2/tenants/{tenant}/databases/{database}/collections",
        "GET /api/v2/tenants/{tenant}/databases/{database}/collections/by-id/{collection_id}",
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
