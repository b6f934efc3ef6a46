/** Request shapes the SDK puts on the wire (method, path, query, snake_case body, headers), v2 and v1. */
import { describe, expect, it } from "vitest";
import { ChromaClient, ChromaClientError, createApiClient, knn, rrf, type Collection } from "../src/index.js";
import { collectionModel, collectionModelV1, fakeFetch, json, type Recorded } from "./fake-fetch.js";

const COLL_ID = collectionModel().id;

/** Answers like a server would for the paths the tests use. */
function server(req: Recorded): Response {
  const p = req.url.pathname;
  const model = p.startsWith("/api/v1") ? collectionModelV1 : collectionModel;
  if (p.endsWith("/collections") && req.method === "POST") {
    const body = req.body as { name: string; metadata?: unknown };
    return json(model({ name: body.name, metadata: body.metadata ?? null }));
  }
  if (p.endsWith("/collections") && req.method === "GET") return json([model(), model({ name: "b", id: "0e9c0f53-0000-4000-8000-000000000000" })]);
  if (p.endsWith("/add")) return json(p.startsWith("/api/v1") ? true : {}, 201);
  if (p.endsWith("/get") && p.startsWith("/api/v1")) {
    return json({ ids: ["a"], embeddings: null, documents: ["doc a"], uris: null, data: null, metadatas: [{ k: 1 }], included: ["documents", "metadatas"] });
  }
  if (p.endsWith("/get")) return json({ ids: ["a"], embeddings: null, documents: ["doc a"], uris: null, metadatas: [{ k: 1 }], include: ["documents", "metadatas"] });
  if (p.endsWith("/query")) {
    return json({ ids: [["a"]], embeddings: null, documents: [["doc a"]], uris: null, metadatas: [[null]], distances: [[0.5]], include: ["documents", "distances"] });
  }
  if (p.endsWith("/delete")) return json(p.startsWith("/api/v1") ? null : { deleted: 2 });
  if (p.endsWith("/search")) {
    return json({ ids: [["a", "b"], []], documents: [["doc a", null], null], embeddings: [null, null], metadatas: [null, null], scores: [[0.5, 1.5], null], select: [["#document", "#score"], []] });
  }
  if (p.endsWith("/fork")) return json(collectionModel({ name: (req.body as { new_name: string }).new_name, id: "0e9c0f53-0000-4000-8000-00000000f0f0" }));
  if (p.endsWith("/fork_count")) return json({ count: 3 });
  if (p.endsWith("/count") || p.endsWith("collections_count") || p.endsWith("count_collections")) return json(7);
  if (p.endsWith("/heartbeat")) return json({ "nanosecond heartbeat": 123 });
  if (req.method === "PUT" || req.method === "DELETE" || p.endsWith("/update") || p.endsWith("/upsert")) return json(p.startsWith("/api/v1") ? null : {});
  if (/\/collections\/(by-id\/)?[^/]+$/.test(p)) return json(model());
  return json({ error: "NotFoundError", message: `no fake for ${req.method} ${p}` }, 404);
}

function client(options: ConstructorParameters<typeof ChromaClient>[0] = {}) {
  const fake = fakeFetch(server);
  return { chroma: new ChromaClient({ path: "http://chroma.test:8000", ...options, fetch: fake.fetch }), requests: fake.requests };
}

async function openCollection(options: ConstructorParameters<typeof ChromaClient>[0] = {}): Promise<{ coll: Collection; requests: Recorded[] }> {
  const { chroma, requests } = client(options);
  const coll = await chroma.getCollection({ name: "docs" });
  requests.length = 0;
  return { coll, requests };
}

describe("v2 (default)", () => {
  const DB = "/api/v2/tenants/default_tenant/databases/default_database";

  it("creates a collection with a snake_case body and wraps the answer", async () => {
    const { chroma, requests } = client();
    const coll = await chroma.createCollection({ name: "docs", metadata: { team: "search" }, configuration: { hnsw: { space: "cosine" } } });
    expect(requests).toHaveLength(1);
    expect(requests[0].method).toBe("POST");
    expect(requests[0].url.href).toBe(`http://chroma.test:8000${DB}/collections`);
    expect(requests[0].body).toEqual({ name: "docs", metadata: { team: "search" }, configuration: { hnsw: { space: "cosine" } }, get_or_create: false });
    expect(requests[0].headers.get("content-type")).toMatch(/application\/json/);
    expect(coll.id).toBe(COLL_ID);
    expect(coll.name).toBe("docs");
    expect(coll.metadata).toEqual({ team: "search" });
    expect(coll.configuration).toEqual({ hnsw: { space: "l2", ef_search: 100 }, spann: null, embedding_function: null });
  });

  it("getOrCreateCollection sends get_or_create: true", async () => {
    const { chroma, requests } = client();
    await chroma.getOrCreateCollection({ name: "docs" });
    expect(requests[0].body).toEqual({ name: "docs", get_or_create: true });
  });

  it("addresses get/delete of a collection by name and by-id lookups by id", async () => {
    const { chroma, requests } = client({ tenant: "t 1", database: "db" });
    await chroma.getCollection({ name: "my-docs" });
    await chroma.deleteCollection({ name: "my-docs" });
    await chroma.getCollectionById(COLL_ID);
    expect(requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      "GET /api/v2/tenants/t%201/databases/db/collections/my-docs",
      "DELETE /api/v2/tenants/t%201/databases/db/collections/my-docs",
      `GET /api/v2/tenants/t%201/databases/db/collections/by-id/${COLL_ID}`,
    ]);
  });

  it("lists collections with limit and offset as query parameters", async () => {
    const { chroma, requests } = client();
    const list = await chroma.listCollections({ limit: 5, offset: 10 });
    expect(requests[0].url.pathname).toBe(`${DB}/collections`);
    expect(Object.fromEntries(requests[0].url.searchParams)).toEqual({ limit: "5", offset: "10" });
    expect(list.map((c) => c.name)).toEqual(["docs", "b"]);
    await chroma.listCollections();
    expect(requests[1].url.search).toBe("");
  });

  it("maps add/upsert/update arguments to the wire and Float32Array embeddings to numbers", async () => {
    const { coll, requests } = await openCollection();
    await coll.add({ ids: ["a", "b"], embeddings: [new Float32Array([0.5, 1]), [2, 3]], metadatas: [{ k: 1 }, null], documents: ["x", "y"] });
    await coll.upsert({ ids: ["a"], embeddings: [[1, 1]], uris: ["s3://a"] });
    await coll.update({ ids: ["a"], metadatas: [{ k: null }] });
    expect(requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      `POST ${DB}/collections/${COLL_ID}/add`,
      `POST ${DB}/collections/${COLL_ID}/upsert`,
      `POST ${DB}/collections/${COLL_ID}/update`,
    ]);
    expect(requests[0].body).toEqual({ ids: ["a", "b"], embeddings: [[0.5, 1], [2, 3]], metadatas: [{ k: 1 }, null], documents: ["x", "y"] });
    expect(requests[1].body).toEqual({ ids: ["a"], embeddings: [[1, 1]], uris: ["s3://a"] });
    expect(requests[2].body).toEqual({ ids: ["a"], metadatas: [{ k: null }] });
  });

  it("maps get and query arguments to snake_case and returns the results", async () => {
    const { coll, requests } = await openCollection();
    const got = await coll.get({ where: { k: { $gte: 1 } }, whereDocument: { $contains: "doc" }, limit: 3, offset: 1, include: ["documents", "metadatas"] });
    expect(requests[0].body).toEqual({ where: { k: { $gte: 1 } }, where_document: { $contains: "doc" }, limit: 3, offset: 1, include: ["documents", "metadatas"] });
    expect(got).toEqual({ ids: ["a"], embeddings: null, documents: ["doc a"], uris: null, metadatas: [{ k: 1 }], include: ["documents", "metadatas"] });

    const found = await coll.query({ queryEmbeddings: [[0.1, 0.2]], nResults: 4, whereDocument: { $not_contains: "x" }, include: ["documents", "distances"] });
    expect(requests[1].url.pathname).toBe(`${DB}/collections/${COLL_ID}/query`);
    expect(requests[1].body).toEqual({ query_embeddings: [[0.1, 0.2]], n_results: 4, where_document: { $not_contains: "x" }, include: ["documents", "distances"] });
    expect(found.distances).toEqual([[0.5]]);
  });

  it("peek gets the first 10 records; delete returns the count; count is a GET", async () => {
    const { coll, requests } = await openCollection();
    await coll.peek();
    const deleted = await coll.delete({ ids: ["a", "b"] });
    const n = await coll.count();
    expect(requests[0].body).toEqual({ limit: 10 });
    expect(requests[1].body).toEqual({ ids: ["a", "b"] });
    expect(deleted).toEqual({ deleted: 2 });
    expect(requests[2].method).toBe("GET");
    expect(requests[2].url.pathname).toBe(`${DB}/collections/${COLL_ID}/count`);
    expect(n).toBe(7);
  });

  it("modify sends new_* fields by id and updates the local copy", async () => {
    const { coll, requests } = await openCollection();
    await coll.modify({ name: "renamed", metadata: { v: 2 }, configuration: { hnsw: { ef_search: 50 } } });
    expect(requests[0].method).toBe("PUT");
    expect(requests[0].url.pathname).toBe(`${DB}/collections/${COLL_ID}`);
    expect(requests[0].body).toEqual({ new_name: "renamed", new_metadata: { v: 2 }, new_configuration: { hnsw: { ef_search: 50 } } });
    expect(coll.name).toBe("renamed");
    expect(coll.metadata).toEqual({ v: 2 });
    expect(coll.configuration).toEqual({ hnsw: { space: "l2", ef_search: 50 }, spann: null, embedding_function: null });
  });

  it("modify applies configuration changes to the local configuration and schema, as the server does", async () => {
    const schemaWith = (ef_search: number) => ({
      defaults: { float_list: { vector_index: { enabled: false, config: { space: "l2", hnsw: { ef_search, num_threads: 4 } } } } },
      keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { space: "l2", source_key: "#document", hnsw: { ef_search, num_threads: 4 } } } } } },
    });
    const fake = fakeFetch((req) => (req.method === "PUT" ? json({}) : json(collectionModel({ schema: schemaWith(100) }))));
    const coll = await new ChromaClient({ path: "http://chroma.test:8000", fetch: fake.fetch }).getCollection({ name: "docs" });
    const ef = { type: "known" as const, name: "openai", config: {} };
    await coll.modify({ configuration: { hnsw: { ef_search: 64, num_threads: 2 }, embedding_function: ef } });
    expect(coll.configuration).toEqual({ hnsw: { space: "l2", ef_search: 64 }, spann: null, embedding_function: ef });
    const expected = schemaWith(64);
    for (const vi of [expected.defaults.float_list.vector_index, expected.keys["#embedding"].float_list.vector_index]) {
      Object.assign(vi.config, { embedding_function: ef, hnsw: { ef_search: 64, num_threads: 2 } });
    }
    expect(coll.schema).toEqual(expected);
  });

  it("reads the heartbeat number and the collection count", async () => {
    const { chroma, requests } = client();
    expect(await chroma.heartbeat()).toBe(123);
    expect(await chroma.countCollections()).toBe(7);
    expect(requests.map((r) => r.url.pathname)).toEqual(["/api/v2/heartbeat", `${DB}/collections_count`]);
  });
});

describe("fork (v2)", () => {
  const COLLS = "/api/v2/tenants/default_tenant/databases/default_database/collections";

  it("posts new_name by id and wraps the new collection; forkCount reads the count", async () => {
    const { coll, requests } = await openCollection();
    const copy = await coll.fork({ name: "docs-copy" });
    expect(requests[0].method).toBe("POST");
    expect(requests[0].url.pathname).toBe(`${COLLS}/${COLL_ID}/fork`);
    expect(requests[0].body).toEqual({ new_name: "docs-copy" });
    expect(copy.name).toBe("docs-copy");
    expect(copy.id).toBe("0e9c0f53-0000-4000-8000-00000000f0f0");
    expect(await copy.forkCount()).toBe(3);
    expect(requests[1].method).toBe("GET");
    expect(requests[1].url.pathname).toBe(`${COLLS}/0e9c0f53-0000-4000-8000-00000000f0f0/fork_count`);
  });

  it("is refused locally on v1 (no request sent)", async () => {
    const { coll, requests } = await openCollection({ apiVersion: "v1" });
    await expect(coll.fork({ name: "x" })).rejects.toThrow(/fork/i);
    await expect(coll.forkCount()).rejects.toThrow(/fork/i);
    expect(requests).toHaveLength(0);
  });
});

describe("search (v2)", () => {
  it("sends the searches and read_level, and answers columns and rows", async () => {
    const { coll, requests } = await openCollection();
    const result = await coll.search(
      [
        { filter: { "#id": { $in: ["a", "b"] } }, rank: knn({ query: new Float32Array([1, 2]), limit: 5 }), limit: { limit: 2 }, select: { keys: ["#document", "#score"] } },
        { filter: { k: 1 } },
      ],
      { readLevel: "index_only" },
    );
    expect(requests).toHaveLength(1);
    expect(requests[0].url.pathname).toBe(`/api/v2/tenants/default_tenant/databases/default_database/collections/${COLL_ID}/search`);
    expect(requests[0].body).toEqual({
      searches: [
        { filter: { "#id": { $in: ["a", "b"] } }, rank: { $knn: { query: [1, 2], limit: 5 } }, limit: { limit: 2 }, select: { keys: ["#document", "#score"] } },
        { filter: { k: 1 } },
      ],
      read_level: "index_only",
    });
    expect(result.ids).toEqual([["a", "b"], []]);
    expect(result.rows()).toEqual([
      [
        { id: "a", document: "doc a", score: 0.5 },
        { id: "b", document: null, score: 1.5 },
      ],
      [],
    ]);
  });

  it("builds rrf exactly as chromadb@3's Rrf does", () => {
    const dense = knn({ query: [1, 0], limit: 100, returnRank: true });
    const sparse = knn({ query: { indices: [3], values: [1] }, key: "sp", limit: 100, returnRank: true, default: 1000 });
    expect(rrf({ ranks: [dense, sparse], weights: [3, 1], normalize: true })).toEqual({
      $mul: [
        {
          $sum: [
            { $div: { left: { $val: 0.75 }, right: { $sum: [dense, { $val: 60 }] } } },
            { $div: { left: { $val: 0.25 }, right: { $sum: [sparse, { $val: 60 }] } } },
          ],
        },
        { $val: -1 },
      ],
    });
    expect(rrf({ ranks: [dense], k: 10 })).toEqual({ $mul: [{ $div: { left: { $val: 1 }, right: { $sum: [dense, { $val: 10 }] } } }, { $val: -1 }] });
    expect(() => rrf({ ranks: [] })).toThrow(RangeError);
    expect(() => rrf({ ranks: [dense], weights: [1, 2] })).toThrow(RangeError);
    expect(() => rrf({ ranks: [dense], k: 0 })).toThrow(RangeError);
  });
});

describe("v1", () => {
  it("passes tenant and database as query parameters and addresses records by collection id", async () => {
    const { chroma, requests } = client({ apiVersion: "v1", tenant: "t1", database: "d1" });
    const coll = await chroma.createCollection({ name: "docs" });
    await chroma.listCollections({ limit: 2 });
    await coll.add({ ids: ["a"], embeddings: [[1, 2]] });
    const got = await coll.get({ ids: ["a"] });
    const deleted = await coll.delete({ where: { k: 1 } });
    expect(requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).toEqual([
      "POST /api/v1/collections?tenant=t1&database=d1",
      "GET /api/v1/collections?tenant=t1&database=d1&limit=2",
      `POST /api/v1/collections/${COLL_ID}/add`,
      `POST /api/v1/collections/${COLL_ID}/get`,
      `POST /api/v1/collections/${COLL_ID}/delete`,
    ]);
    expect(requests[0].body).toEqual({ name: "docs", get_or_create: false });
    // 0.6.3's configuration serialisation, read as 1.x's.
    expect(coll.configuration).toEqual({
      hnsw: { space: "l2", ef_construction: 100, ef_search: 100, max_neighbors: 16, resize_factor: 1.2, sync_threshold: 1000 },
      spann: null,
      embedding_function: null,
    });
    expect(coll.schema).toBeNull();
    // v1 answers `included`; the SDK presents it as `include` like v2.
    expect(got.include).toEqual(["documents", "metadatas"]);
    expect(deleted).toEqual({ deleted: null });
  });

  it("refuses operations the v1 API does not have without sending anything", async () => {
    const { chroma, requests } = client({ apiVersion: "v1" });
    await expect(chroma.listDatabases()).rejects.toBeInstanceOf(ChromaClientError);
    await expect(chroma.getCollectionById(COLL_ID)).rejects.toThrow(/v1 API/);
    const coll = await chroma.createCollection({ name: "docs" });
    requests.length = 0;
    await expect(coll.search({})).rejects.toThrow(/v1 API/);
    expect(requests).toHaveLength(0);
  });
});

describe("connection options", () => {
  it("builds the base URL from host/port/ssl", async () => {
    const fake = fakeFetch(server);
    await new ChromaClient({ host: "example.com", port: 8443, ssl: true, fetch: fake.fetch }).heartbeat();
    expect(fake.requests[0].url.href).toBe("https://example.com:8443/api/v2/heartbeat");
  });

  it("sends the token as Bearer by default, or as X-Chroma-Token, plus custom headers", async () => {
    const a = fakeFetch(server);
    await new ChromaClient({ path: "http://h:1/", auth: { token: "tok" }, headers: { "X-Extra": "1" }, fetch: a.fetch }).heartbeat();
    expect(a.requests[0].url.href).toBe("http://h:1/api/v2/heartbeat");
    expect(a.requests[0].headers.get("authorization")).toBe("Bearer tok");
    expect(a.requests[0].headers.get("x-extra")).toBe("1");
    const b = fakeFetch(server);
    await new ChromaClient({ path: "http://h:1", auth: { token: "tok", header: "X-Chroma-Token" }, fetch: b.fetch }).heartbeat();
    expect(b.requests[0].headers.get("x-chroma-token")).toBe("tok");
    expect(b.requests[0].headers.get("authorization")).toBeNull();
  });

  it("the low-level client is openapi-fetch over the generated paths", async () => {
    const fake = fakeFetch(server);
    const api = createApiClient({ path: "http://h:1", fetch: fake.fetch });
    const { data } = await api.GET("/api/v2/tenants/{tenant}/databases/{database}/collections_count", {
      params: { path: { tenant: "t", database: "d" } },
    });
    expect(data).toBe(7);
    expect(fake.requests[0].url.pathname).toBe("/api/v2/tenants/t/databases/d/collections_count");
  });
});
