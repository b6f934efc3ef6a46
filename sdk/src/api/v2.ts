/** ChromaApi over the v2 paths (/api/v2/tenants/{tenant}/databases/{database}/...). */
import type { ApiClient } from "../api-client.js";
import type { ChromaApi, Page, Scope } from "./adapter.js";
import { call } from "./call.js";

const DB = "/api/v2/tenants/{tenant}/databases/{database}" as const;
const COLL = `${DB}/collections/{collection_id}` as const;

export function v2Api(api: ApiClient): ChromaApi {
  const coll = (scope: Scope, id: string) => ({ path: { tenant: scope.tenant, database: scope.database, collection_id: id } });
  const page = (p: Page) => ({ ...(p.limit !== undefined ? { limit: p.limit } : {}), ...(p.offset !== undefined ? { offset: p.offset } : {}) });
  return {
    version: "v2",
    heartbeat: async () => (await call(api.GET("/api/v2/heartbeat")))["nanosecond heartbeat"],
    serverVersion: () => call(api.GET("/api/v2/version")),
    reset: () => call(api.POST("/api/v2/reset")),
    preFlightChecks: () => call(api.GET("/api/v2/pre-flight-checks")),
    getUserIdentity: () => call(api.GET("/api/v2/auth/identity")),
    healthcheck: () => call(api.GET("/api/v2/healthcheck")),

    createTenant: async (name) => {
      await call(api.POST("/api/v2/tenants", { body: { name } }));
    },
    getTenant: (name) => call(api.GET("/api/v2/tenants/{tenant}", { params: { path: { tenant: name } } })),
    createDatabase: async (tenant, name) => {
      await call(api.POST("/api/v2/tenants/{tenant}/databases", { params: { path: { tenant } }, body: { name } }));
    },
    getDatabase: (tenant, name) => call(api.GET(DB, { params: { path: { tenant, database: name } } })),
    listDatabases: (tenant, p) => call(api.GET("/api/v2/tenants/{tenant}/databases", { params: { path: { tenant }, query: page(p) } })),
    deleteDatabase: async (tenant, name) => {
      await call(api.DELETE(DB, { params: { path: { tenant, database: name } } }));
    },

    listCollections: (scope, p) => call(api.GET(`${DB}/collections`, { params: { path: scope, query: page(p) } })),
    countCollections: (scope) => call(api.GET(`${DB}/collections_count`, { params: { path: scope } })),
    createCollection: (scope, body) => call(api.POST(`${DB}/collections`, { params: { path: scope }, body })),
    // Upstream quirk: GET and DELETE .../collections/{collection_id} take the collection *name*.
    getCollection: (scope, name) => call(api.GET(COLL, { params: coll(scope, name) })),
    getCollectionById: (scope, id) => call(api.GET(`${DB}/collections/by-id/{collection_id}`, { params: coll(scope, id) })),
    getCollectionByCrn: (crn) => call(api.GET("/api/v2/collections/{crn}", { params: { path: { crn } } })),
    updateTenant: async (name, resourceName) => {
      await call(api.PATCH("/api/v2/tenants/{tenant}", { params: { path: { tenant: name } }, body: { resource_name: resourceName } }));
    },
    updateCollection: async (scope, id, body) => {
      await call(api.PUT(COLL, { params: coll(scope, id), body }));
    },
    deleteCollection: async (scope, name) => {
      await call(api.DELETE(COLL, { params: coll(scope, name) }));
    },

    add: async (scope, id, body) => {
      await call(api.POST(`${COLL}/add`, { params: coll(scope, id), body }));
    },
    upsert: async (scope, id, body) => {
      await call(api.POST(`${COLL}/upsert`, { params: coll(scope, id), body }));
    },
    update: async (scope, id, body) => {
      await call(api.POST(`${COLL}/update`, { params: coll(scope, id), body }));
    },
    get: (scope, id, body) => call(api.POST(`${COLL}/get`, { params: coll(scope, id), body })),
    query: (scope, id, body) => call(api.POST(`${COLL}/query`, { params: coll(scope, id), body })),
    delete: async (scope, id, body) => {
      const result = await call(api.POST(`${COLL}/delete`, { params: coll(scope, id), body }));
      return { deleted: result?.deleted ?? null };
    },
    count: (scope, id) => call(api.GET(`${COLL}/count`, { params: coll(scope, id) })),
    indexingStatus: (scope, id) => call(api.GET(`${COLL}/indexing_status`, { params: coll(scope, id) })),
    search: (scope, id, body) => call(api.POST(`${COLL}/search`, { params: coll(scope, id), body })),
    forkCollection: (scope, id, newName) => call(api.POST(`${COLL}/fork`, { params: coll(scope, id), body: { new_name: newName } })),
    forkCount: async (scope, id) => (await call(api.GET(`${COLL}/fork_count`, { params: coll(scope, id) }))).count,
  };
}
