/**
 * Every kind of endpoint that reads, answers or changes catalog rows, on both faces, answers its
 * 2xx or 4xx and never a 5xx. The catalog hands out its rows as deep-frozen snapshots (a write into
 * one, or into its metadata, configuration or schema, throws: a 500), so this walks the paths a
 * row travels: create (with metadata, configuration, a sparse schema), get_or_create, get by name,
 * id and CRN, list and count, modify (name, metadata, configuration, legacy hnsw:* metadata),
 * record writes that add schema keys and fix the dimension, reads, the Search API, fork, delete,
 * tenants and databases, /metrics, reset.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callJson } from "../helpers/http.js";
import { startServer, type RunningServer } from "../helpers/server.js";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ allowReset: true });
}, 60_000);
afterAll(async () => {
  await server?.dispose();
});

const T = "frozen_tenant";
const D = "frozen_db";
const V2 = `/api/v2/tenants/${T}/databases/${D}`;
const T1 = "frozen_tenant_v1";
const V1 = `tenant=${T1}&database=${D}`;
const SPARSE_SCHEMA = {
  defaults: {},
  keys: { sparse: { sparse_vector: { sparse_vector_index: { enabled: true, config: { bm25: true } } } } },
};

/** Calls and checks the status is one of `want` (never a 5xx); the body. */
async function expectStatus(want: number[], method: string, path: string, body?: unknown): Promise<any> {
  const res = await callJson(server.url, method, path, body);
  expect(res.status, `${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`).toBeLessThan(500);
  expect(want, `${method} ${path} -> ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
  return res.body;
}
const ok = (method: string, path: string, body?: unknown) => expectStatus([200, 201], method, path, body);

describe("catalog rows through every kind of endpoint", () => {
  it("v2: tenants, databases, collections and their records answer 2xx/4xx, never 5xx", async () => {
    await ok("POST", "/api/v2/tenants", { name: T });
    await ok("GET", `/api/v2/tenants/${T}`);
    await ok("PATCH", `/api/v2/tenants/${T}`, { resource_name: "frozen_crn" });
    await expectStatus([409], "PATCH", `/api/v2/tenants/${T}`, { resource_name: "again" });
    await ok("POST", `/api/v2/tenants/${T}/databases`, { name: D });
    await ok("GET", `/api/v2/tenants/${T}/databases/${D}`);
    await ok("GET", `/api/v2/tenants/${T}/databases`);

    const a = await ok("POST", `${V2}/collections`, {
      name: "rows_a",
      metadata: { team: "x", n: 1, f: 2.5, flag: true, list: ["a", "b"] },
      configuration: { hnsw: { space: "cosine", ef_search: 50 } },
    });
    // get_or_create with other metadata answers the stored row, twice (the second read is the same snapshot).
    for (let i = 0; i < 2; i++) {
      const again = await ok("POST", `${V2}/collections`, { name: "rows_a", metadata: { other: 1 }, get_or_create: true });
      expect(again).toMatchObject({ id: a.id, metadata: { team: "x", n: 1 } });
    }
    await expectStatus([409], "POST", `${V2}/collections`, { name: "rows_a" });
    const b = await ok("POST", `${V2}/collections`, { name: "rows_b", schema: SPARSE_SCHEMA, metadata: { kind: "sparse" } });
    const legacy = await ok("POST", `${V2}/collections`, { name: "rows_legacy", metadata: { "hnsw:space": "ip", "hnsw:M": 8 } });

    for (const [name, id] of [["rows_a", a.id], ["rows_b", b.id], ["rows_legacy", legacy.id]]) {
      await ok("GET", `${V2}/collections/${name}`);
      await ok("GET", `${V2}/collections/by-id/${id}`);
      await ok("GET", `/api/v2/collections/frozen_crn:${D}:${name}`);
    }
    await ok("GET", `${V2}/collections`);
    await ok("GET", `${V2}/collections?limit=1&offset=1`);
    expect(await ok("GET", `${V2}/collections_count`)).toBe(3);

    // Record writes: the first fixes the dimension, new metadata keys (and types) join the schema.
    await ok("POST", `${V2}/collections/${a.id}/add`, {
      ids: ["r1", "r2", "r3"],
      embeddings: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
      documents: ["one", "two", "three"],
      metadatas: [{ k: "v" }, { num: 2 }, { f: 1.5, tags: ["x", "y"] }],
    });
    await ok("POST", `${V2}/collections/${a.id}/upsert`, { ids: ["r4"], embeddings: [[1, 1, 0]], metadatas: [{ newkey: true }] });
    await ok("POST", `${V2}/collections/${a.id}/update`, { ids: ["r1"], metadatas: [{ k: null, another: 3 }] });
    await expectStatus([400], "POST", `${V2}/collections/${a.id}/add`, { ids: ["bad"], embeddings: [[1, 2]] });
    await ok("POST", `${V2}/collections/${b.id}/add`, {
      ids: ["s1", "s2"],
      embeddings: [[1, 0], [0, 1]],
      documents: ["alpha beta", "beta gamma"],
      metadatas: [{ sparse: { indices: [1, 5], values: [0.5, 1.0] } }, { sparse: { indices: [5], values: [2.0] } }],
    });
    await ok("POST", `${V2}/collections/${a.id}/get`, { where: { num: { $gte: 1 } }, include: ["metadatas", "documents"] });
    await ok("POST", `${V2}/collections/${a.id}/query`, { query_embeddings: [[1, 0, 0]], n_results: 2, where: { k: "v" } });
    await ok("GET", `${V2}/collections/${a.id}/count`);
    await ok("GET", `${V2}/collections/${a.id}/indexing_status`);
    await ok("POST", `${V2}/collections/${a.id}/search`, {
      searches: [{ filter: { num: { $gte: 0 } }, rank: { $knn: { query: [1, 0, 0], limit: 3 } }, limit: { offset: 0, limit: 2 }, select: { keys: ["#document", "#score", "k"] } }],
    });
    await ok("POST", `${V2}/collections/${b.id}/search`, {
      searches: [{ rank: { $knn: { query: { indices: [5], values: [1.0] }, key: "sparse", limit: 2 } }, limit: { offset: 0, limit: 2 }, select: { keys: ["#score"] } }],
    });
    await ok("POST", `${V2}/collections/${a.id}/delete`, { where: { newkey: true } });

    // Modify: metadata, configuration, legacy hnsw:* metadata, a rename, a refused space change.
    await ok("PUT", `${V2}/collections/${a.id}`, { new_metadata: { team: "y", nested_ok: 1 } });
    await ok("PUT", `${V2}/collections/${a.id}`, { new_configuration: { hnsw: { ef_search: 99, batch_size: 200 } } });
    await ok("PUT", `${V2}/collections/${b.id}`, { new_metadata: { "hnsw:search_ef": 70 } });
    await ok("PUT", `${V2}/collections/${legacy.id}`, { new_name: "rows_legacy_renamed", new_metadata: { "hnsw:space": "ip" } });
    await expectStatus([400], "PUT", `${V2}/collections/${legacy.id}`, { new_metadata: { "hnsw:space": "l2" } });
    await expectStatus([409], "PUT", `${V2}/collections/${a.id}`, { new_name: "rows_b" });
    const modified = await ok("GET", `${V2}/collections/by-id/${a.id}`);
    expect(modified).toMatchObject({ metadata: { team: "y" }, configuration_json: { hnsw: { ef_search: 99 } }, dimension: 3 });
    expect(Object.keys(modified.schema.keys)).toEqual(expect.arrayContaining(["num", "tags", "another"]));

    // Fork (a new row from the source's) and its count; the fork is changed independently.
    const forked = await ok("POST", `${V2}/collections/${a.id}/fork`, { new_name: "rows_a_fork" });
    await ok("GET", `${V2}/collections/${a.id}/fork_count`);
    await ok("PUT", `${V2}/collections/${forked.id}`, { new_name: "rows_a_fork2", new_metadata: { forked: true } });
    await ok("POST", `${V2}/collections/${forked.id}/add`, { ids: ["f1"], embeddings: [[0, 1, 1]], metadatas: [{ forkkey: 1 }] });
    expect((await ok("GET", `${V2}/collections/by-id/${a.id}`)).metadata).toEqual({ team: "y", nested_ok: 1 });

    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('collection="rows_a"');
    await ok("DELETE", `${V2}/collections/rows_a_fork2`);
    await expectStatus([404], "GET", `${V2}/collections/by-id/${forked.id}`);
    await ok("DELETE", `/api/v2/tenants/${T}/databases/${D}`);
    await expectStatus([404], "GET", `${V2}/collections/by-id/${a.id}`);
  }, 120_000);

  it("v1 (0.6.3's face): the same row paths answer 2xx/4xx, never 5xx; reset too", async () => {
    await ok("POST", "/api/v1/tenants", { name: T1 });
    await ok("GET", `/api/v1/tenants/${T1}`);
    await ok("POST", `/api/v1/databases?tenant=${T1}`, { name: D });
    await ok("GET", `/api/v1/databases/${D}?tenant=${T1}`);
    const c = await ok("POST", `/api/v1/collections?${V1}`, { name: "v1rows", metadata: { "hnsw:space": "cosine", team: "x" } });
    await ok("POST", `/api/v1/collections?${V1}`, { name: "v1rows", metadata: { other: 2 }, get_or_create: true });
    await ok("GET", `/api/v1/collections/v1rows?${V1}`);
    await ok("GET", `/api/v1/collections?${V1}&limit=5`);
    await ok("GET", `/api/v1/count_collections?${V1}`);
    await ok("POST", `/api/v1/collections/${c.id}/add`, { ids: ["a"], embeddings: [[1, 2]], metadatas: [{ fresh: "key" }] });
    await ok("POST", `/api/v1/collections/${c.id}/upsert`, { ids: ["b"], embeddings: [[2, 1]], metadatas: [{ other: 1.5 }] });
    await ok("POST", `/api/v1/collections/${c.id}/update`, { ids: ["a"], metadatas: [{ fresh: null }] });
    await ok("POST", `/api/v1/collections/${c.id}/get`, { where: { other: { $gt: 1 } } });
    await ok("POST", `/api/v1/collections/${c.id}/query`, { query_embeddings: [[1, 2]], n_results: 1 });
    await ok("GET", `/api/v1/collections/${c.id}/count`);
    await ok("PUT", `/api/v1/collections/${c.id}`, { new_name: "v1rows2", new_metadata: { team: "z", "hnsw:search_ef": 40 } });
    await expectStatus([400], "PUT", `/api/v1/collections/${c.id}`, { new_metadata: { "hnsw:space": "l2" } });
    await ok("POST", `/api/v1/collections/${c.id}/delete`, { ids: ["b"] });
    await ok("DELETE", `/api/v1/collections/v1rows2?${V1}`);
    await expectStatus([404, 400], "GET", `/api/v1/collections/v1rows2?${V1}`);
    await ok("POST", "/api/v1/reset");
    await ok("POST", `/api/v2/tenants/default_tenant/databases/default_database/collections`, { name: "after_reset", metadata: { k: 1 } });
    await ok("POST", "/api/v2/reset");
  }, 120_000);
});
