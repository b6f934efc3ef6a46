/**
 * ChromaApi over the legacy v1 paths (chromadb 0.6.3): tenant and database travel as query
 * parameters, collection operations are addressed by id alone, and results say `included`.
 */
import type { ApiClient } from "../api-client.js";
import type { components } from "../generated/openapi.js";
import type { CollectionModel } from "../types.js";
import { ChromaClientError } from "../errors.js";
import type { ChromaApi, Scope } from "./adapter.js";
import { call } from "./call.js";

function unsupported(what: string): never {
  throw new ChromaClientError(`${what} is not part of the v1 API; use apiVersion "v2"`);
}

/** A 0.6.3 collection in the v2 model: its HNSW settings as `configuration_json`, no schema. */
function fromV1(c: components["schemas"]["CollectionV1"]): CollectionModel {
  const h = c.configuration_json.hnsw_configuration;
  return {
    id: c.id,
    name: c.name,
    configuration_json: {
      hnsw: {
        space: h.space,
        ef_construction: h.ef_construction,
        ef_search: h.ef_search,
        max_neighbors: h.M,
        resize_factor: h.resize_factor,
        sync_threshold: h.sync_threshold,
      },
      spann: null,
      embedding_function: null,
    },
    schema: null,
    metadata: c.metadata,
    dimension: c.dimension,
    tenant: c.tenant,
    database: c.database,
    log_position: c.log_position,
    version: c.version,
  };
}

export function v1Api(api: ApiClient): ChromaApi {
  const byId = (id: string) => ({ path: { collection_id: id } });
  const scoped = (scope: Scope) => ({ tenant: scope.tenant, database: scope.database });
  return {
    version: "v1",
    heartbeat: async () => (await call(api.GET("/api/v1/heartbeat")))["nanosecond heartbeat"],
    serverVersion: () => call(api.GET("/api/v1/version")),
    reset: () => call(api.POST("/api/v1/reset")),
    preFlightChecks: () => call(api.GET("/api/v1/pre-flight-checks")),
    getUserIdentity: async () => unsupported("getUserIdentity"),
    healthcheck: async () => unsupported("healthcheck"),

    createTenant: async (name) => {
      await call(api.POST("/api/v1/tenants", { body: { name } }));
    },
    getTenant: (name) => call(api.GET("/api/v1/tenants/{tenant}", { params: { path: { tenant: name } } })),
    createDatabase: async (tenant, name) => {
      await call(api.POST("/api/v1/databases", { params: { query: { tenant } }, body: { name } }));
    },
    getDatabase: (tenant, name) => call(api.GET("/api/v1/databases/{database}", { params: { path: { database: name }, query: { tenant } } })),
    listDatabases: async () => unsupported("listDatabases"),
    deleteDatabase: async () => unsupported("deleteDatabase"),

    listCollections: async (scope, p) =>
      (await call(api.GET("/api/v1/collections", { params: { query: { ...scoped(scope), limit: p.limit, offset: p.offset } } }))).map(fromV1),
    countCollections: (scope) => call(api.GET("/api/v1/count_collections", { params: { query: scoped(scope) } })),
    createCollection: async (scope, body) => fromV1(await call(api.POST("/api/v1/collections", { params: { query: scoped(scope) }, body }))),
    getCollection: async (scope, name) =>
      fromV1(await call(api.GET("/api/v1/collections/{collection_id}", { params: { path: { collection_id: name }, query: scoped(scope) } }))),
    getCollectionById: async () => unsupported("getCollectionById"),
    getCollectionByCrn: async () => unsupported("getCollectionByCrn"),
    updateTenant: async () => unsupported("updateTenant"),
    updateCollection: async (_scope, id, body) => {
      await call(api.PUT("/api/v1/collections/{collection_id}", { params: byId(id), body }));
    },
    deleteCollection: async (scope, name) => {
      await call(api.DELETE("/api/v1/collections/{collection_id}", { params: { path: { collection_id: name }, query: scoped(scope) } }));
    },

    add: async (_scope, id, body) => {
      await call(api.POST("/api/v1/collections/{collection_id}/add", { params: byId(id), body }));
    },
    upsert: async (_scope, id, body) => {
      await call(api.POST("/api/v1/collections/{collection_id}/upsert", { params: byId(id), body }));
    },
    update: async (_scope, id, body) => {
      await call(api.POST("/api/v1/collections/{collection_id}/update", { params: byId(id), body }));
    },
    get: async (_scope, id, body) => {
      const r = await call(api.POST("/api/v1/collections/{collection_id}/get", { params: byId(id), body }));
      return { ids: r.ids, embeddings: r.embeddings, documents: r.documents, metadatas: r.metadatas, uris: r.uris, include: r.included };
    },
    query: async (_scope, id, body) => {
      const r = await call(api.POST("/api/v1/collections/{collection_id}/query", { params: byId(id), body }));
      return {
        ids: r.ids,
        embeddings: r.embeddings,
        documents: r.documents,
        metadatas: r.metadatas,
        uris: r.uris,
        distances: r.distances,
        include: r.included,
      };
    },
    delete: async (_scope, id, body) => {
      await call(api.POST("/api/v1/collections/{collection_id}/delete", { params: byId(id), body }));
      return { deleted: null };
    },
    count: (_scope, id) => call(api.GET("/api/v1/collections/{collection_id}/count", { params: byId(id) })),
    indexingStatus: async () => unsupported("indexingStatus"),
    search: async () => unsupported("search"),
    forkCollection: async () => unsupported("forkCollection"),
    forkCount: async () => unsupported("forkCount"),
  };
}
