/**
 * Mock only: every example response in openapi.yaml, served by Prism on request
 * (`Prefer: code=<status>, example=<name>`), must parse in the SDK: a success becomes the value the
 * SDK promises (mapped as it documents), an error becomes a ChromaError with the example's status,
 * name and message.
 */
import {
  ChromaClient, ChromaError, ForbiddenError, InvalidArgumentError, NotFoundError, ServerError, UniqueConstraintError, ValidationError, errorFromResponse, type Collection,
} from "@chromaspec/sdk";
import { beforeAll, expect } from "vitest";
import { clientFor } from "../support/client.js";
import { forEachApi, group, it, type Api } from "../support/contract.js";
import { exampleResponses } from "../support/spec.js";

type Json = Record<string, unknown>;

interface Ctx {
  client: ChromaClient;
  collection: Collection;
}

/** How the SDK performs each operation (the version prefix is added per API). */
const CALLS: Record<string, (c: Ctx, api: Api) => Promise<unknown>> = {
  Root: async ({ client }, api) => {
    const r = api === "v2" ? await client.api.GET("/api/v2") : await client.api.GET("/api/v1");
    if (!r.response.ok) throw errorFromResponse(r.response.status, r.error);
    return r.data;
  },
  Reset: ({ client }) => client.reset(),
  Version: ({ client }) => client.version(),
  Heartbeat: ({ client }) => client.heartbeat(),
  PreFlightChecks: ({ client }) => client.getPreflightChecks(),
  GetUserIdentity: ({ client }) => client.getUserIdentity(),
  Healthcheck: ({ client }) => client.healthcheck(),
  CreateTenant: ({ client }) => client.createTenant({ name: "acme" }),
  GetTenant: ({ client }) => client.getTenant({ name: "acme" }),
  UpdateTenant: ({ client }) => client.updateTenant({ name: "acme", resourceName: "acme-prod" }),
  ListDatabases: ({ client }) => client.listDatabases({ limit: 10 }),
  CreateDatabase: ({ client }) => client.createDatabase({ name: "staging" }),
  GetDatabase: ({ client }) => client.getDatabase({ name: "staging" }),
  DeleteDatabase: ({ client }) => client.deleteDatabase({ name: "staging" }),
  ListCollections: ({ client }) => client.listCollections({ limit: 10 }),
  CreateCollection: ({ client }) => client.createCollection({ name: "articles", metadata: { "hnsw:space": "cosine" } }),
  CountCollections: ({ client }) => client.countCollections(),
  GetCollection: ({ client }) => client.getCollection({ name: "articles" }),
  GetCollectionById: ({ client }) => client.getCollectionById("67fc0f93-69ef-4075-9716-2d5776d75125"),
  GetCollectionByCrn: ({ client }) => client.getCollectionByCrn("acme-prod:default_database:articles"),
  UpdateCollection: ({ collection }) => collection.modify({ metadata: { owner: "search-team" } }),
  DeleteCollection: ({ client }) => client.deleteCollection({ name: "articles" }),
  CollectionAdd: ({ collection }) => collection.add({ ids: ["doc-1"], embeddings: [[0.1, 0.2, 0.3]] }),
  CollectionUpdate: ({ collection }) => collection.update({ ids: ["doc-1"], documents: ["The quick red fox"] }),
  CollectionUpsert: ({ collection }) => collection.upsert({ ids: ["doc-1"], embeddings: [[0.1, 0.2, 0.3]] }),
  CollectionGet: ({ collection }) => collection.get({ ids: ["doc-1", "doc-2"] }),
  CollectionDelete: ({ collection }) => collection.delete({ ids: ["doc-1"] }),
  CollectionQuery: ({ collection }) => collection.query({ queryEmbeddings: [[0.1, 0.2, 0.3]], nResults: 2 }),
  CollectionCount: ({ collection }) => collection.count(),
  IndexingStatus: ({ collection }) => collection.getIndexingStatus(),
  ForkCollection: ({ collection }) => collection.fork({ name: "articles-experiment" }),
  ForkCount: ({ collection }) => collection.forkCount(),
  CollectionSearch: async ({ collection }) => {
    const r = await collection.search({ rank: { $knn: { query: [0.1, 0.2, 0.3] } }, select: { keys: ["#score"] } });
    return { ids: r.ids, documents: r.documents, embeddings: r.embeddings, metadatas: r.metadatas, scores: r.scores, select: r.select };
  },
};

const collectionView = (c: Collection) => ({
  id: c.id, name: c.name, metadata: c.metadata ?? null, configuration_json: c.configuration, dimension: c.dimension, tenant: c.tenant, database: c.database,
});
/** The SDK maps 0.6.3's configuration serialisation (v1) onto 1.x's. */
function configurationView(c: Json): Json {
  const h = c.hnsw_configuration as Json | undefined;
  if (!h) return c;
  const hnsw = { space: h.space, ef_construction: h.ef_construction, ef_search: h.ef_search, max_neighbors: h.M, resize_factor: h.resize_factor, sync_threshold: h.sync_threshold };
  return { hnsw, spann: null, embedding_function: null };
}
const exampleCollectionView = (e: Json) => ({
  id: e.id, name: e.name, metadata: e.metadata, configuration_json: configurationView(e.configuration_json as Json), dimension: e.dimension, tenant: e.tenant, database: e.database,
});
/** 0.6.3 results say `included` and carry `data`; the SDK hands back `include` for both APIs. */
const recordsView = (e: Json) => {
  const { data: _data, included, ...rest } = e;
  return included === undefined ? rest : { ...rest, include: included };
};

/** What the SDK call must resolve to, given the example body. */
function expectedValue(op: string, api: Api, value: unknown): unknown {
  const v = value as Json;
  switch (op) {
    case "Heartbeat":
      return v["nanosecond heartbeat"];
    case "GetTenant":
      return v.name;
    case "CreateTenant": case "UpdateTenant": case "CreateDatabase": case "DeleteDatabase": case "DeleteCollection": case "UpdateCollection":
    case "CollectionAdd": case "CollectionUpdate": case "CollectionUpsert":
      return undefined;
    case "CollectionGet": case "CollectionQuery":
      return recordsView(v);
    case "CollectionDelete":
      return { deleted: api === "v2" ? v.deleted : null };
    case "ForkCount":
      return v.count;
    default:
      return value;
  }
}

function expectedClass(status: number, name: unknown): abstract new (...args: never[]) => ChromaError {
  if (name === "InvalidCollection" || status === 404) return NotFoundError;
  if (status === 409) return UniqueConstraintError;
  if (status === 422) return ValidationError;
  if (status === 400) return InvalidArgumentError;
  if (status === 403) return ForbiddenError;
  if (status >= 500) return ServerError;
  return ChromaError;
}

for (const api of ["v1", "v2"] as Api[]) {
  const examples = exampleResponses().filter((e) => e.operationId.startsWith(api));
  forEachApi(
    "examples",
    (a) => {
      group(a, "spec examples", (g) => {
        let prefer: string | undefined;
        const ctx = {} as Ctx;
        beforeAll(async () => {
          ctx.client = clientFor(api, undefined, () => prefer);
          ctx.collection = await ctx.client.getCollection({ name: "articles" });
        });

        for (const ex of examples) {
          const op = ex.operationId.slice(2);
          it(g, [op], `${op} answers ${ex.status} example "${ex.example}"`, async () => {
            const call = CALLS[op];
            expect(call, `no SDK call for ${ex.operationId}`).toBeDefined();
            prefer = `code=${ex.status}, example=${ex.example}`;
            let result: unknown;
            let failure: unknown;
            try {
              result = await call(ctx, api);
            } catch (err) {
              failure = err;
            } finally {
              prefer = undefined;
            }
            if (ex.status < 300) {
              expect(failure, String(failure)).toBeUndefined();
              if (op === "CreateCollection" || op === "GetCollection" || op === "GetCollectionById" || op === "GetCollectionByCrn" || op === "ForkCollection") {
                expect(collectionView(result as Collection)).toEqual(exampleCollectionView(ex.value as Json));
              } else if (op === "ListCollections") {
                expect((result as Collection[]).map(collectionView)).toEqual((ex.value as Json[]).map(exampleCollectionView));
              } else {
                expect(result).toEqual(expectedValue(op, api, ex.value));
              }
              return;
            }
            expect(failure, `the SDK accepted a ${ex.status} answer`).toBeInstanceOf(expectedClass(ex.status, (ex.value as Json)?.error));
            const e = failure as ChromaError;
            expect(e.status).toBe(ex.status);
            expect(e.body).toEqual(ex.value);
            const body = ex.value as Json;
            if (typeof body.error === "string") expect(e.error).toBe(body.error);
            if (typeof body.message === "string") expect(e.message).toBe(body.message);
          });
        }
      });
    },
    [api],
  );
}
