/**
 * Differential test of Chroma 1.x's data model (issue 12, issue 17 item 3): the same requests go to
 * chromaspec and to the reference server (CHROMA_REFERENCE_URL), and the answers must agree —
 * whole collection answers (configuration_json and schema) after create, modify and writes; array
 * metadata with $contains / $not_contains; delete's rules; and each input rule's status, error
 * name and message (chromaspec may append a reason after upstream's text, e.g. which metadata key
 * was refused). Cases where the reference is wrong (contract-tests/KNOWN_DIFFERENCES.md: truncated
 * number comparison, sparse vectors, crashes on CRNs and on some configurations) are not sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { callJson as call } from "../helpers/http.js";

const REFERENCE = process.env.CHROMA_REFERENCE_URL;
const DB = "/api/v2/tenants/default_tenant/databases/default_database";

type Side = "ours" | "theirs";
interface Answer {
  status: number;
  body: any;
}

/** A collection answer without what legitimately differs: its id, and `version` (chromaspec counts modifications). */
function comparable(body: any): any {
  if (!body || typeof body !== "object" || !("configuration_json" in body)) return body;
  const { id: _id, version: _version, ...rest } = body;
  return rest;
}

/**
 * Upstream's validator prints a range's parameters from a hash map, in no fixed order
 * (`range [{"min": Number(2), "value": Number(1)}]` or the other way round): compared as a set.
 */
const canonical = (message: string) =>
  message.replace(/range \[\{(.*?)\}\]/g, (_, inner: string) => `range [{${inner.split(", ").sort().join(", ")}}]`);

function expectSame(ours: Answer, theirs: Answer, label: string): void {
  expect(ours.status, `${label}: status (ours ${JSON.stringify(ours.body)}, theirs ${JSON.stringify(theirs.body)})`).toBe(theirs.status);
  if (theirs.status >= 400) {
    if (theirs.status === 422) return; // serde's text vs ajv's: both name the field, the wording differs by design
    const t = theirs.body as { error: string; message: string };
    const o = ours.body as { error: string; message: string };
    if (t.error !== "ChromaError") expect(o.error, `${label}: error name`).toBe(t.error);
    expect(canonical(o.message).startsWith(canonical(t.message)), `${label}: message "${o.message}" should start with "${t.message}"`).toBe(true);
    return;
  }
  expect(comparable(ours.body), label).toEqual(comparable(theirs.body));
}

describe.skipIf(!REFERENCE)("differential: the 1.x data model, chromaspec vs reference Chroma", () => {
  let server: RunningServer;
  const suffix = `${process.pid}-${Date.now()}`;
  const created: string[] = [];
  const name = (n: string) => `dm-${n}-${suffix}`;

  async function both(method: string, path: (s: Side) => string, body?: unknown): Promise<[Answer, Answer]> {
    return Promise.all([call(server.url, method, path("ours"), body), call(REFERENCE!, method, path("theirs"), body)]);
  }

  /** Creates the collection on both sides, compares the answers, and returns both ids. */
  async function createBoth(body: Record<string, unknown>, label = JSON.stringify(body)): Promise<Record<Side, string>> {
    const [a, b] = await both("POST", () => `${DB}/collections`, body);
    expectSame(a, b, `create ${label}`);
    if (a.status === 200) created.push(body.name as string);
    return { ours: a.body?.id, theirs: b.body?.id };
  }

  const getBoth = async (n: string, label: string) => {
    const [a, b] = await both("GET", () => `${DB}/collections/${n}`);
    expectSame(a, b, label);
    return [a, b];
  };

  beforeAll(async () => {
    server = await startServer();
  }, 60_000);

  afterAll(async () => {
    for (const n of created) await call(REFERENCE!, "DELETE", `${DB}/collections/${n}`);
    await server?.dispose();
  });

  it("create: configuration, legacy metadata, SPANN and schema resolve to the same configuration_json and schema", async () => {
    const ef = { type: "known", name: "openai", config: { model_name: "x" } };
    const bodies: Record<string, unknown>[] = [
      {},
      { configuration: { hnsw: { space: "cosine", ef_search: 20, ef_construction: 64, max_neighbors: 8, batch_size: 20, sync_threshold: 50, resize_factor: 1.5 } } },
      { configuration: { spann: { space: "ip", search_nprobe: 3, ef_construction: 150 } } },
      { configuration: { embedding_function: ef } },
      { configuration: { embedding_function: { type: "known", name: "default", config: {} } } },
      { configuration: { embedding_function: { type: "legacy" } } },
      { configuration: { hnsw: null, spann: null, embedding_function: null } },
      { metadata: { "hnsw:space": "cosine", "hnsw:M": 32, "hnsw:construction_ef": 50, "hnsw:search_ef": 20, "hnsw:batch_size": 10, "hnsw:sync_threshold": 20, "hnsw:resize_factor": 1.5 } },
      { metadata: { "hnsw:space": "ip" }, configuration: { hnsw: { space: "cosine" } } },
      { metadata: { "hnsw:M": 8 }, configuration: { hnsw: { ef_search: 7 } } },
      { schema: { defaults: {}, keys: {} } },
      { schema: { defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { space: "cosine", embedding_function: ef, hnsw: { ef_search: 42 } } } } } } } },
      { schema: { defaults: { float_list: { vector_index: { enabled: false, config: { space: "ip" } } } }, keys: {} } },
      { schema: { defaults: { "#string": { $string_inverted_index: { enabled: false, config: {} } } }, keys: { tag: { int: { int_inverted_index: { enabled: false, config: {} } } } } } },
      { schema: { defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { hnsw: { ef_search: 5 }, spann: { search_nprobe: 5 } } } } } } } },
      { schema: { defaults: {}, keys: { "#document": { string: { fts_index: { enabled: false, config: {} } } } } } },
      {
        schema: { defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { hnsw: { ef_search: 5 } } } } } } },
        configuration: { embedding_function: { type: "known", name: "default", config: {} } },
      },
    ];
    for (const [i, body] of bodies.entries()) {
      const n = name(`create${i}`);
      await createBoth({ name: n, ...body }, JSON.stringify(body));
      await getBoth(n, `get after ${JSON.stringify(body)}`);
    }
    const [a, b] = await both("GET", () => `${DB}/collections?limit=1000`);
    const mine = (list: any[]) => list.filter((c) => String(c.name).endsWith(suffix)).map(comparable).sort((x, y) => (x.name < y.name ? -1 : 1));
    expect(mine(a.body)).toEqual(mine(b.body));
  });

  it("create: the same refusals, statuses and messages", async () => {
    const ef = (n: string) => ({ type: "known", name: n, config: {} });
    const efSchema = { defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { embedding_function: ef("openai") } } } } } };
    const bodies: Record<string, unknown>[] = [
      { configuration: { hnsw: { ef_construction: -1 } } },
      { configuration: { hnsw: { ef_construction: "x" } } },
      { configuration: { hnsw: { foo: 1 } } },
      { configuration: { hnsw: { space: "bogus" } } },
      { configuration: { embedding_function: { type: "known", name: "x" } } },
      { configuration: { hnsw: { space: "l2" }, spann: { space: "l2" } } },
      { metadata: { "hnsw:foo": 1 } },
      { metadata: { "hnsw:M": "x" } },
      { metadata: { "hnsw:space": "bogus" } },
      { metadata: { "hnsw:sync_threshold": 1 } },
      { schema: efSchema, configuration: { embedding_function: ef("cohere") } },
      { schema: efSchema, configuration: { embedding_function: ef("openai") } },
      { schema: efSchema, configuration: { embedding_function: { type: "legacy" } } },
      { schema: efSchema, configuration: { hnsw: { ef_search: 5 } } },
      { schema: efSchema, metadata: { "hnsw:space": "cosine" } },
      { schema: { keys: {} } },
      { schema: { defaults: {}, keys: { "#foo": {} } } },
      { schema: { defaults: { float_list: { vector_index: { enabled: true, config: {} } } }, keys: {} } },
      { schema: { defaults: { string: { fts_index: { enabled: true, config: {} } } }, keys: {} } },
      { schema: { defaults: {}, keys: { "#embedding": { string: { string_inverted_index: { enabled: true, config: {} } } } } } },
      { schema: { defaults: {}, keys: { "#document": { string: { string_inverted_index: { enabled: true, config: {} } } } } } },
      { schema: { defaults: {}, keys: { tag: { string: { fts_index: { enabled: true, config: {} } } } } } },
      { schema: { defaults: {}, keys: { a: { float_list: { vector_index: { enabled: true, config: {} } } } } } },
      { schema: { defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { source_key: "x" } } } } } } },
      { schema: { defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { hnsw: { batch_size: 1 } } } } } } } },
      { schema: { defaults: { float_list: { vector_index: { enabled: false, config: { hnsw: {}, spann: {} } } } }, keys: {} } },
      { schema: { defaults: {}, keys: {}, source_attached_function_id: "f" } },
      { schema: { defaults: {}, keys: { a: { sparse_vector: { sparse_vector_index: { enabled: false, config: { source_key: "#x" } } } } } } },
      { metadata: { "#owner": "x" } },
      { metadata: { $owner: "x" } },
      { metadata: { "": "x" } },
      { metadata: {} },
    ];
    for (const [i, body] of bodies.entries()) {
      const [a, b] = await both("POST", () => `${DB}/collections`, { name: name(`refused${i}`), ...body });
      expect(b.status, `the reference refuses ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
      expectSame(a, b, `create ${JSON.stringify(body)}`);
    }
  });

  it("names: the same rules for collections and databases, on create and on rename", async () => {
    const names = ["ab", "a..b", "192.168.0.1", "-abc", "abc-", "a b", "a++b", "ab+cd", "x".repeat(513), `a_b.c-d-${suffix}`, `abc+def-${suffix}`];
    for (const n of names) {
      const [a, b] = await both("POST", () => `${DB}/collections`, { name: n });
      expectSame(a, b, `create collection ${n}`);
      if (b.status === 200) created.push(b.body.name);
      const [c, d] = await both("POST", () => "/api/v2/tenants/default_tenant/databases", { name: n });
      expectSame(c, d, `create database ${n}`);
      if (d.status === 200) {
        await both("DELETE", () => `/api/v2/tenants/default_tenant/databases/${encodeURIComponent(n)}`);
      }
    }
    const ids = await createBoth({ name: name("rename") });
    for (const n of ["ab", "a..b", "10.0.0.1", "-abc"]) {
      const [a, b] = await both("PUT", (s) => `${DB}/collections/${ids[s]}`, { new_name: n });
      expectSame(a, b, `rename to ${n}`);
    }
    // A database under a tenant nobody created.
    const ghost = `ghost-${suffix}`;
    const [c, d] = await both("POST", () => `/api/v2/tenants/${ghost}/databases`, { name: "ghost-db" });
    expectSame(c, d, "create a database in an unknown tenant");
    const [e, f] = await both("GET", () => `/api/v2/tenants/${ghost}/databases/ghost-db`);
    expect(e.status).toBe(f.status);
    expect(e.body.name).toBe(f.body.name);
    const [g, h] = await both("GET", () => `/api/v2/tenants/${ghost}`);
    expectSame(g, h, "the unknown tenant still does not exist");
  });

  it("modify: configuration and metadata changes leave the same collection, and the same refusals", async () => {
    const n = name("modify");
    const ids = await createBoth({ name: n });
    const steps: Record<string, unknown>[] = [
      { new_configuration: { hnsw: { ef_search: 50, num_threads: 3, batch_size: 50, sync_threshold: 500, resize_factor: 1.5 } } },
      { new_configuration: { embedding_function: { type: "known", name: "openai", config: { a: 1 } } } },
      { new_configuration: { spann: { search_nprobe: 1 } } },
      { new_configuration: {} },
      { new_metadata: { a: null, b: 1 } },
      { new_metadata: { a: 1, tags: "x" } },
      { new_configuration: { hnsw: { ef_construction: 32 } } },
      { new_configuration: { hnsw: { space: "cosine" } } },
      { new_configuration: { hnsw: { ef_search: -1 } } },
      { new_configuration: { hnsw: { ef_search: 5 }, spann: { search_nprobe: 1 } } },
      { new_configuration: { embedding_function: { type: "bogus" } } },
      { new_metadata: { "#a": 1 } },
      { new_metadata: { $a: 1 } },
      { new_metadata: {} },
      { new_metadata: { "": 1 } },
    ];
    for (const body of steps) {
      const [a, b] = await both("PUT", (s) => `${DB}/collections/${ids[s]}`, body);
      expectSame(a, b, `modify ${JSON.stringify(body)}`);
      await getBoth(n, `after modify ${JSON.stringify(body)}`);
    }
  });

  it("records: keys written become schema keys; a disabled index refuses filters; delete and re-create starts fresh", async () => {
    const n = name("records");
    const schema = { defaults: {}, keys: { tag: { string: { string_inverted_index: { enabled: false, config: {} } } }, n: { int: { int_inverted_index: { enabled: false, config: {} } } } } };
    const ids = await createBoth({ name: n, schema });
    const rec = (s: Side) => `${DB}/collections/${ids[s]}`;
    const add = { ids: ["rec-a", "rec-b", "rec-c", "rec-d"], embeddings: [[1, 0], [0, 1], [1, 1], [0.5, 0.2]], metadatas: [{ tag: "x", n: 1, f: 1.5 }, { tag: "y", n: 2, f: 2.5, b: true }, { s: "z" }, null] };
    const [a, b] = await both("POST", (s) => `${rec(s)}/add`, add);
    expectSame(a, b, "add");
    await getBoth(n, "schema keys after the add");
    const filters: unknown[] = [{ tag: "x" }, { tag: { $in: ["x"] } }, { n: { $gt: 0 } }, { $and: [{ f: 1.5 }, { tag: "x" }] }, { f: { $gt: 2 } }, { n: { $gt: 0.5 } }, { "#document": { $eq: "x" } }];
    for (const where of filters) {
      for (const op of ["get", "delete"]) {
        const [c, d] = await both("POST", (s) => `${rec(s)}/${op}`, op === "get" ? { where } : { where, limit: 0 });
        expectSame(c, d, `${op} where ${JSON.stringify(where)}`);
      }
      const [c, d] = await both("POST", (s) => `${rec(s)}/query`, { query_embeddings: [[1, 0]], where, include: ["distances"] });
      expectSame(c, d, `query where ${JSON.stringify(where)}`);
    }
    const [e, f] = await both("DELETE", () => `${DB}/collections/${n}`);
    expectSame(e, f, "delete the collection");
    await createBoth({ name: n });
    await getBoth(n, "a re-created collection has a fresh schema");
  });

  it("arrays: stored and returned as given; $contains / $not_contains in get, query and delete", async () => {
    const ids = await createBoth({ name: name("arrays") });
    // Not dropped afterwards, for the same reason as the deletes below.
    created.pop();
    const rec = (s: Side) => `${DB}/collections/${ids[s]}`;
    const add = {
      ids: ["arr-a", "arr-b", "arr-c", "arr-d", "arr-e", "arr-f"],
      embeddings: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [0, 1, 1], [1, 1, 1]],
      metadatas: [{ t: ["x", "y"] }, { t: "x" }, { t: ["z"], n: [1, 2, 3] }, { n: [4.5, 5.5], f: [true] }, null, { n: 2, t: ["x"] }],
    };
    expectSame(...(await both("POST", (s) => `${rec(s)}/add`, add)), "add arrays");
    expectSame(...(await both("POST", (s) => `${rec(s)}/get`, { include: ["metadatas"] })), "get arrays");
    const wheres: unknown[] = [
      { t: { $contains: "x" } },
      { t: { $not_contains: "x" } },
      { t: "x" },
      { t: { $ne: "x" } },
      { t: { $in: ["x"] } },
      { n: { $contains: 2 } },
      { n: { $contains: 5.5 } },
      { n: { $not_contains: 2 } },
      { n: { $gt: 1 } },
      { f: { $contains: true } },
      { $and: [{ t: { $contains: "x" } }, { t: { $contains: "y" } }] },
      { $or: [{ t: { $contains: "z" } }, { f: { $contains: true } }] },
      { t: { $contains: ["x"] } },
      { t: { $contains: null } },
      { t: { $regex: "x" } },
      { "#document": { $contains: "x" } },
    ];
    for (const where of wheres) {
      expectSame(...(await both("POST", (s) => `${rec(s)}/get`, { where })), `get ${JSON.stringify(where)}`);
      expectSame(...(await both("POST", (s) => `${rec(s)}/query`, { query_embeddings: [[1, 1, 1]], n_results: 6, where, include: ["distances"] })), `query ${JSON.stringify(where)}`);
    }
    // Deletes that remove nothing: the reference, once a record holding arrays is deleted, shows
    // those arrays on records written later (1.3.4 bindings), which would poison every later test.
    expectSame(...(await both("POST", (s) => `${rec(s)}/delete`, { where: { t: { $contains: "x" } }, limit: 0 })), "delete $contains, limit 0");
    expectSame(...(await both("POST", (s) => `${rec(s)}/delete`, { where: { $or: [{ n: { $contains: 99 } }, { t: { $contains: "nope" } }] } })), "delete $contains, no match");
    expectSame(...(await both("POST", (s) => `${rec(s)}/get`, {})), "nothing deleted");
  });

  it("input rules on records: the same refusals, and nothing written", async () => {
    const ids = await createBoth({ name: name("rules") });
    const rec = (s: Side) => `${DB}/collections/${ids[s]}`;
    expectSame(...(await both("POST", (s) => `${rec(s)}/add`, { ids: ["a", "b"], embeddings: [[1, 2, 3], [3, 2, 1]], metadatas: [{ g: 1 }, { g: 1 }] })), "seed");
    const cases: [string, unknown][] = [
      ["add", { ids: ["k"], embeddings: [[1, 2, 3]], metadatas: [{ "#a": 1 }] }],
      ["add", { ids: ["k", "l"], embeddings: [[1, 2, 3], [1, 2, 3]], metadatas: [{ a: 1 }, { $a: 1 }] }],
      ["upsert", { ids: ["k"], embeddings: [[1, 2, 3]], metadatas: [{ "#a": 1 }] }],
      ["update", { ids: ["a"], metadatas: [{ $a: 1 }] }],
      ["add", { ids: ["k"], embeddings: [[1, 2, 3]], metadatas: [{ "": 1 }] }],
      ["add", { ids: ["k"], embeddings: [[]] }],
      ["upsert", { ids: ["k"], embeddings: [[]] }],
      ["update", { ids: ["a"], embeddings: [[]] }],
      ["add", { ids: ["k", "l"], embeddings: [[1, 2, 3], [1, 2]] }],
      ["add", { ids: ["k"], embeddings: [[1, 2]] }],
      ["query", { query_embeddings: [[1, 2, 3], [1]] }],
      ["query", { query_embeddings: [[]] }],
      ["delete", { ids: [] }],
      ["delete", { ids: ["a"], limit: 1 }],
      ["delete", { limit: 1 }],
      ["delete", { where: { g: 1 }, limit: -1 }],
      ["delete", { ids: [], where: { g: 1 } }],
      ["delete", {}],
      ["delete", { where: { g: 1 }, limit: 0 }],
      ["get", { where: { g: { $foo: 1 } } }],
      ["get", { where: { g: 1, h: 2 } }],
      ["get", { where_document: { $foo: "x" } }],
    ];
    for (const [op, body] of cases) expectSame(...(await both("POST", (s) => `${rec(s)}/${op}`, body)), `${op} ${JSON.stringify(body)}`);
    expectSame(...(await both("POST", (s) => `${rec(s)}/get`, { include: ["metadatas", "embeddings"] })), "nothing written");
    expectSame(...(await both("POST", (s) => `${rec(s)}/delete`, { where: { g: 1 }, limit: 1 })), "delete limit 1");
    expectSame(...(await both("GET", (s) => `${rec(s)}/count`)), "count after delete limit 1");
  });

  it("ints and floats: an integral float stays a float; embeddings and distances are written as floats (same text)", async () => {
    const ids = await createBoth({ name: name("floats") });
    const rec = (s: Side) => `${DB}/collections/${ids[s]}`;
    // Raw text both ways: JSON.stringify and JSON.parse would hide the difference between 2 and 2.0.
    const text = async (base: string, path: string, body: string) => {
      const res = await fetch(base + path, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(res.status, `${base}${path}`).toBeLessThan(300);
      return res.text();
    };
    const bothText = (path: (s: Side) => string, body: string) => Promise.all([text(server.url, path("ours"), body), text(REFERENCE!, path("theirs"), body)]);
    await bothText((s) => `${rec(s)}/add`, '{"ids": ["a", "b"], "embeddings": [[1, 0], [0, 2.5]], "metadatas": [{"x": 2.0, "n": 2, "l": [1.0, 2.0], "m": [1, 2]}, {"x": 3}]}');
    await bothText((s) => `${rec(s)}/update`, '{"ids": ["b"], "metadatas": [{"y": 4.00}]}');
    // Each metadata value as written, e.g. `"x":2.0` (upstream's key order is its own; values are compared as text).
    const metadatas = (t: string) => [...t.matchAll(/"([xnlmy])":(\[[^\]]*\]|[^,}\]]+)/g)].map((m) => m[0]).sort();
    const [g1, g2] = await bothText((s) => `${rec(s)}/get`, '{"ids": ["a", "b"], "include": ["metadatas", "embeddings"]}');
    expect(metadatas(g1)).toEqual(metadatas(g2));
    expect(metadatas(g1)).toEqual(['"l":[1.0,2.0]', '"m":[1,2]', '"n":2', '"x":2.0', '"x":3', '"y":4.0']);
    expect(g1).toContain('"embeddings":[[1.0,0.0],[0.0,2.5]]');
    expect(g2).toContain('"embeddings":[[1.0,0.0],[0.0,2.5]]');
    const [q1, q2] = await bothText((s) => `${rec(s)}/query`, '{"query_embeddings": [[1, 0]], "n_results": 1, "include": ["distances"]}');
    expect(q1).toContain('"distances":[[0.0]]');
    expect(q2).toContain('"distances":[[0.0]]');
  });

  it("a malformed CRN and a tenant's resource name: the same answers", async () => {
    for (const crn of ["bad", "a:b", "a:b:c:d", "a::c", "::"]) expectSame(...(await both("GET", () => `/api/v2/collections/${crn}`)), `crn ${crn}`);
    for (const body of [{}, { resource_name: 5 }]) expectSame(...(await both("PATCH", () => "/api/v2/tenants/default_tenant", body)), `patch tenant ${JSON.stringify(body)}`);
  });
});
