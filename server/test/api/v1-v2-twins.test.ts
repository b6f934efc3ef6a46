/**
 * v1 and v2 are two faces of one core: a v1 request and its v2 twin must return the same data,
 * differing only in 0.6.3's envelope (`included` and `data` on v1 results).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { callJson } from "../helpers/http.js";

let server: RunningServer;
const V2 = "/api/v2/tenants/twins/databases/main";
const V1Q = "?tenant=twins&database=main";
let id = "";

const call = (method: string, path: string, body?: unknown) => callJson(server.url, method, path, body);

/** v1's result envelope mapped onto v2's: `included` -> `include`, the always-null `data` dropped. */
function asV2(v1: Record<string, unknown>) {
  const { included, data, ...rest } = v1;
  expect(data).toBeNull();
  return { ...rest, include: included };
}

beforeAll(async () => {
  server = await startServer();
  expect((await call("POST", "/api/v1/tenants", { name: "twins" })).status).toBe(200);
  expect((await call("POST", "/api/v1/databases?tenant=twins", { name: "main" })).status).toBe(200);
  const created = await call("POST", `/api/v1/collections${V1Q}`, { name: "twin", metadata: { "hnsw:space": "ip" } });
  id = created.body.id;
  const ids = ["a", "b", "c", "d"];
  expect(
    (
      await call("POST", `/api/v1/collections/${id}/add`, {
        ids,
        embeddings: [[1, 0], [0, 1], [0.5, 0.5], [0.2, 0.9]],
        documents: ["alpha", "beta", null, "delta"],
        metadatas: [{ k: 1 }, { k: 2, s: "x" }, null, { k: 4 }],
      })
    ).status,
  ).toBe(201);
});

afterAll(() => server?.dispose());

describe("v1 and v2 twins", () => {
  /** A v1 collection in v2's shape: 0.6.3's configuration serialisation mapped onto 1.x's, no schema. */
  function collectionAsV2(v1: Record<string, any>, v2: Record<string, any>) {
    const { configuration_json: c, ...rest } = v1;
    const h = c.hnsw_configuration;
    expect(c._type).toBe("CollectionConfigurationInternal");
    expect(h._type).toBe("HNSWConfigurationInternal");
    // batch_size / num_threads are not in 1.x's configuration_json but in its schema.
    const hnsw = v2.schema.keys["#embedding"].float_list.vector_index.config.hnsw;
    expect([h.batch_size, h.num_threads]).toEqual([hnsw.batch_size, hnsw.num_threads]);
    const configuration_json = {
      hnsw: { space: h.space, ef_construction: h.ef_construction, ef_search: h.ef_search, max_neighbors: h.M, resize_factor: h.resize_factor, sync_threshold: h.sync_threshold },
      spann: null,
      embedding_function: v2.configuration_json.embedding_function,
    };
    return { ...rest, configuration_json, schema: v2.schema };
  }

  it("see the same collection", async () => {
    const v1 = await call("GET", `/api/v1/collections/twin${V1Q}`);
    const v2 = await call("GET", `${V2}/collections/twin`);
    expect(v1.status).toBe(200);
    expect("schema" in v1.body).toBe(false);
    expect(collectionAsV2(v1.body, v2.body)).toEqual(v2.body);
    expect(v2.body).toMatchObject({ id, tenant: "twins", database: "main", dimension: 2 });
    expect(v2.body.configuration_json.hnsw.space).toBe("ip");
    const list1 = (await call("GET", `/api/v1/collections${V1Q}`)).body;
    const list2 = (await call("GET", `${V2}/collections`)).body;
    expect(list1.map((c: Record<string, any>, i: number) => collectionAsV2(c, list2[i]))).toEqual(list2);
    expect((await call("GET", `/api/v1/count_collections${V1Q}`)).body).toBe((await call("GET", `${V2}/collections_count`)).body);
  });

  it("get the same records, with filters and include", async () => {
    for (const body of [{}, { where: { k: { $gte: 2 } }, include: ["embeddings", "metadatas"] }, { where_document: { $contains: "a" }, limit: 2 }]) {
      const v1 = await call("POST", `/api/v1/collections/${id}/get`, body);
      const v2 = await call("POST", `${V2}/collections/${id}/get`, body);
      expect(v1.status).toBe(200);
      expect(asV2(v1.body)).toEqual(v2.body);
    }
  });

  it("query the same neighbours and distances", async () => {
    const body = { query_embeddings: [[1, 1], [0, 2]], n_results: 3, include: ["distances", "documents"] };
    const v1 = await call("POST", `/api/v1/collections/${id}/query`, body);
    const v2 = await call("POST", `${V2}/collections/${id}/query`, body);
    expect(asV2(v1.body)).toEqual(v2.body);
    // ip distance is 1 - dot: for [0, 2] the dots are b 2, d 1.8, c 1, a 0.
    expect(v2.body.ids[1]).toEqual(["b", "d", "c"]);
    v2.body.distances[1].forEach((d: number, i: number) => expect(d).toBeCloseTo([-1, -0.8, 0][i], 5));
    expect(v2.body.ids[0][0]).toBe("d");
    expect(v2.body.distances[0][0]).toBeCloseTo(1 - (0.2 + 0.9), 5);
  });

  it("write embeddings and distances as floats, integral ones too (4.0, as upstream's serde)", async () => {
    const raw = async (path: string, body: unknown) => {
      const res = await fetch(server.url + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      return res.text();
    };
    for (const base of [`/api/v1/collections/${id}`, `${V2}/collections/${id}`]) {
      // "a" is [1, 0]: get answers [1.0,0.0]; its ip distance to [1, 0] is 1 - 1 = 0.0.
      expect(await raw(`${base}/get`, { ids: ["a"], include: ["embeddings"] })).toContain('"embeddings":[[1.0,0.0]]');
      const query = await raw(`${base}/query`, { query_embeddings: [[1, 0]], n_results: 1, include: ["embeddings", "distances"] });
      expect(query).toContain('"embeddings":[[[1.0,0.0]]]');
      expect(query).toContain('"distances":[[0.0]]');
    }
  });

  it("count the same, and a write through one face is seen by the other", async () => {
    expect((await call("POST", `/api/v1/collections/${id}/update`, { ids: ["a"], metadatas: [{ k: null, via: "v1" }] })).body).toBeNull();
    expect((await call("POST", `${V2}/collections/${id}/update`, { ids: ["b"], metadatas: [{ via: "v2" }] })).body).toEqual({});
    const v2 = await call("POST", `${V2}/collections/${id}/get`, { ids: ["a", "b"], include: ["metadatas"] });
    expect(v2.body.metadatas).toEqual([{ via: "v1" }, { k: 2, s: "x", via: "v2" }]);
    expect((await call("GET", `/api/v1/collections/${id}/count`)).body).toBe((await call("GET", `${V2}/collections/${id}/count`)).body);
  });
});
