/**
 * The v1 face: chromadb 0.6.3's paths, with tenant and database as optional query parameters.
 * Same core calls as v2; only the envelope differs (0.6.3's return values and `included`).
 */
import type { Chroma } from "../core/chroma.js";
import type { Handlers } from "../generated/handlers.js";
import { createCollectionInput, deleteInput, getInput, queryInput, updateCollectionInput } from "./requests.js";
import { v1Scope as scopeOf } from "./scope.js";
import { collectionToWireV1, getResultV1, queryResultV1 } from "./wire.js";

type V1Handlers = Pick<Handlers, Extract<keyof Handlers, `v1${string}`>>;

export function v1Handlers(chroma: Chroma): V1Handlers {
  return {
    v1Root: async () => ({ status: 200, body: chroma.heartbeat() }),
    v1Heartbeat: async () => ({ status: 200, body: chroma.heartbeat() }),
    v1Version: async () => ({ status: 200, body: chroma.options.version }),
    v1PreFlightChecks: async () => ({ status: 200, body: { max_batch_size: chroma.options.maxBatchSize } }),
    v1Reset: async () => {
      await chroma.reset();
      return { status: 200, body: true };
    },

    v1CreateTenant: async ({ body }) => {
      await chroma.createTenant(body.name);
      return { status: 200, body: null };
    },
    v1GetTenant: async ({ params }) => {
      const tenant = await chroma.getTenant(params.tenant);
      return { status: 200, body: { name: tenant.name } };
    },
    v1CreateDatabase: async ({ query, body }) => {
      await chroma.createDatabase(scopeOf(query).tenant, body.name);
      return { status: 200, body: null };
    },
    v1GetDatabase: async ({ params, query }) => ({
      status: 200,
      body: await chroma.getDatabase(scopeOf(query).tenant, params.database),
    }),

    v1ListCollections: async ({ query }) => ({
      status: 200,
      body: (await chroma.listCollections(scopeOf(query), { limit: query?.limit, offset: query?.offset })).map(collectionToWireV1),
    }),
    v1CountCollections: async ({ query }) => ({ status: 200, body: await chroma.countCollections(scopeOf(query)) }),
    v1CreateCollection: async ({ query, body }) => {
      const collection = await chroma.createCollection(scopeOf(query), createCollectionInput(body));
      return { status: 200, body: collectionToWireV1(collection) };
    },
    // 0.6.3 routes GET/DELETE by name (in the query's tenant/database) and PUT by id on the same path.
    // Routes by id carry no tenant or database: the collection's own scope is looked up.
    v1GetCollection: async ({ params, query }) => ({
      status: 200,
      body: collectionToWireV1(await chroma.getCollection(scopeOf(query), params.collection_id)),
    }),
    v1UpdateCollection: async ({ params, body }) => {
      await chroma.updateCollection(await chroma.scopeOfCollection(params.collection_id), params.collection_id, updateCollectionInput(body));
      return { status: 200, body: null };
    },
    v1DeleteCollection: async ({ params, query }) => {
      await chroma.deleteCollection(scopeOf(query), params.collection_id);
      return { status: 200, body: null };
    },

    v1CollectionAdd: async ({ params, body }) => {
      await chroma.add(await chroma.scopeOfCollection(params.collection_id), params.collection_id, body);
      return { status: 201, body: true };
    },
    v1CollectionUpsert: async ({ params, body }) => {
      await chroma.upsert(await chroma.scopeOfCollection(params.collection_id), params.collection_id, body);
      return { status: 200, body: null };
    },
    v1CollectionUpdate: async ({ params, body }) => {
      await chroma.update(await chroma.scopeOfCollection(params.collection_id), params.collection_id, body);
      return { status: 200, body: null };
    },
    v1CollectionGet: async ({ params, body }) => ({
      status: 200,
      body: getResultV1(
        await chroma.get(await chroma.scopeOfCollection(params.collection_id), params.collection_id, getInput(body)),
      ),
    }),
    v1CollectionQuery: async ({ params, body }) => ({
      status: 200,
      body: queryResultV1(
        await chroma.query(await chroma.scopeOfCollection(params.collection_id), params.collection_id, queryInput(body)),
      ),
    }),
    v1CollectionDelete: async ({ params, body }) => {
      await chroma.delete(await chroma.scopeOfCollection(params.collection_id), params.collection_id, deleteInput(body));
      return { status: 200, body: null };
    },
    v1CollectionCount: async ({ params }) => ({ status: 200, body: await chroma.count(await chroma.scopeOfCollection(params.collection_id), params.collection_id) }),
  };
}
