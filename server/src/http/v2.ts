/**
 * The v2 face: Chroma 1.x paths (tenant and database in the path). Each handler maps one request
 * onto one core call and the result onto 1.x's wire shape; nothing here decides semantics.
 */
import type { Chroma } from "../core/chroma.js";
import type { Handlers } from "../generated/handlers.js";
import { identityOf } from "./identity.js";
import { createCollectionInput, deleteInput, getInput, queryInput, updateCollectionInput } from "./requests.js";
import { v2Scope as scopeOf } from "./scope.js";
import { collectionToWire } from "./wire.js";

type V2Handlers = Pick<Handlers, Extract<keyof Handlers, `v2${string}`>>;

export function v2Handlers(chroma: Chroma): V2Handlers {
  return {
    v2Root: async () => ({ status: 200, body: chroma.heartbeat() }),
    v2Heartbeat: async () => ({ status: 200, body: chroma.heartbeat() }),
    v2Version: async () => ({ status: 200, body: chroma.options.version }),
    v2PreFlightChecks: async () => ({ status: 200, body: chroma.preFlightChecks() }),
    v2Healthcheck: async () => ({ status: 200, body: { is_executor_ready: true, is_log_client_ready: true } }),
    v2GetUserIdentity: async ({ auth }) => ({ status: 200, body: identityOf(auth) }),
    v2Reset: async () => {
      await chroma.reset();
      return { status: 200, body: true };
    },

    v2CreateTenant: async ({ body }) => {
      await chroma.createTenant(body.name);
      return { status: 200, body: {} };
    },
    v2GetTenant: async ({ params }) => {
      const tenant = await chroma.getTenant(params.tenant);
      return { status: 200, body: { name: tenant.name, resource_name: tenant.resourceName ?? null } };
    },
    v2UpdateTenant: async ({ params, body }) => {
      await chroma.updateTenant(params.tenant, body.resource_name);
      return { status: 200, body: {} };
    },
    v2ListDatabases: async ({ params, query }) => ({
      status: 200,
      body: await chroma.listDatabases(params.tenant, { limit: query?.limit, offset: query?.offset }),
    }),
    v2CreateDatabase: async ({ params, body }) => {
      await chroma.createDatabase(params.tenant, body.name);
      return { status: 200, body: {} };
    },
    v2GetDatabase: async ({ params }) => ({ status: 200, body: await chroma.getDatabase(params.tenant, params.database) }),
    v2DeleteDatabase: async ({ params }) => {
      await chroma.deleteDatabase(params.tenant, params.database);
      return { status: 200, body: {} };
    },

    v2ListCollections: async ({ params, query }) => ({
      status: 200,
      body: (await chroma.listCollections(scopeOf(params), { limit: query?.limit, offset: query?.offset })).map(collectionToWire),
    }),
    v2CountCollections: async ({ params }) => ({ status: 200, body: await chroma.countCollections(scopeOf(params)) }),
    v2CreateCollection: async ({ params, body }) => {
      const collection = await chroma.createCollection(scopeOf(params), createCollectionInput(body));
      return { status: 200, body: collectionToWire(collection) };
    },
    // Upstream quirk kept for compatibility: this path segment is the collection *name*.
    v2GetCollection: async ({ params }) => ({
      status: 200,
      body: collectionToWire(await chroma.getCollection(scopeOf(params), params.collection_id)),
    }),
    v2GetCollectionByCrn: async ({ params }) => ({ status: 200, body: collectionToWire(await chroma.getCollectionByCrn(params.crn)) }),
    v2GetCollectionById: async ({ params }) => ({
      status: 200,
      body: collectionToWire(await chroma.getCollectionById(scopeOf(params), params.collection_id)),
    }),
    v2UpdateCollection: async ({ params, body }) => {
      await chroma.updateCollection(scopeOf(params), params.collection_id, updateCollectionInput(body));
      return { status: 200, body: {} };
    },
    v2ForkCollection: async ({ params, body }) => ({
      status: 200,
      body: collectionToWire(await chroma.forkCollection(scopeOf(params), params.collection_id, body.new_name)),
    }),
    v2ForkCount: async ({ params }) => ({ status: 200, body: { count: await chroma.forkCount(scopeOf(params), params.collection_id) } }),
    v2DeleteCollection: async ({ params }) => {
      await chroma.deleteCollection(scopeOf(params), params.collection_id);
      return { status: 200, body: {} };
    },

    v2CollectionAdd: async ({ params, body }) => {
      await chroma.add(scopeOf(params), params.collection_id, body);
      return { status: 201, body: {} };
    },
    v2CollectionUpsert: async ({ params, body }) => {
      await chroma.upsert(scopeOf(params), params.collection_id, body);
      return { status: 200, body: {} };
    },
    v2CollectionUpdate: async ({ params, body }) => {
      await chroma.update(scopeOf(params), params.collection_id, body);
      return { status: 200, body: {} };
    },
    v2CollectionGet: async ({ params, body }) => ({
      status: 200,
      body: await chroma.get(scopeOf(params), params.collection_id, getInput(body)),
    }),
    v2CollectionQuery: async ({ params, body }) => ({
      status: 200,
      body: await chroma.query(scopeOf(params), params.collection_id, queryInput(body)),
    }),
    v2CollectionDelete: async ({ params, body }) => ({
      status: 200,
      body: await chroma.delete(scopeOf(params), params.collection_id, deleteInput(body)),
    }),
    v2CollectionCount: async ({ params }) => ({ status: 200, body: await chroma.count(scopeOf(params), params.collection_id) }),
    v2CollectionSearch: async ({ params, body }) => ({
      status: 200,
      body: await chroma.search(scopeOf(params), params.collection_id, body),
    }),
    v2IndexingStatus: async ({ params }) => ({
      status: 200,
      body: await chroma.indexingStatus(scopeOf(params), params.collection_id),
    }),
  };
}
