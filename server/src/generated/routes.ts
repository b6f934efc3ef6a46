// generated from openapi.yaml by codegen — do not edit.
// Regenerate with `make codegen` (npm run generate -w codegen) after changing openapi.yaml.
// Route table: one entry per operation, in spec order.

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

export type OperationId =
  | "v2Root"
  | "v2Reset"
  | "v2Version"
  | "v2Heartbeat"
  | "v2PreFlightChecks"
  | "v2GetUserIdentity"
  | "v2Healthcheck"
  | "v2CreateTenant"
  | "v2GetTenant"
  | "v2UpdateTenant"
  | "v2ListDatabases"
  | "v2CreateDatabase"
  | "v2GetDatabase"
  | "v2DeleteDatabase"
  | "v2GetCollectionByCrn"
  | "v2ListCollections"
  | "v2CreateCollection"
  | "v2CountCollections"
  | "v2GetCollection"
  | "v2UpdateCollection"
  | "v2DeleteCollection"
  | "v2GetCollectionById"
  | "v2CollectionAdd"
  | "v2CollectionUpdate"
  | "v2CollectionUpsert"
  | "v2CollectionGet"
  | "v2CollectionDelete"
  | "v2CollectionQuery"
  | "v2CollectionCount"
  | "v2IndexingStatus"
  | "v2CollectionSearch"
  | "v2ForkCollection"
  | "v2ForkCount"
  | "v1Root"
  | "v1Reset"
  | "v1Version"
  | "v1Heartbeat"
  | "v1PreFlightChecks"
  | "v1CreateDatabase"
  | "v1GetDatabase"
  | "v1CreateTenant"
  | "v1GetTenant"
  | "v1ListCollections"
  | "v1CreateCollection"
  | "v1CountCollections"
  | "v1GetCollection"
  | "v1UpdateCollection"
  | "v1DeleteCollection"
  | "v1CollectionAdd"
  | "v1CollectionUpdate"
  | "v1CollectionUpsert"
  | "v1CollectionGet"
  | "v1CollectionDelete"
  | "v1CollectionCount"
  | "v1CollectionQuery";

export interface RouteDefinition {
  operationId: OperationId;
  method: HttpMethod;
  /** The OpenAPI path in fastify syntax, e.g. /api/v2/tenants/:tenant */
  fastifyPath: string;
  /** The operation's 2xx status codes, ascending. */
  successStatus: readonly number[];
  /** Media type of each declared response by status code ("200", "404", "default"); null: no body. */
  responses: { readonly [status: string]: string | null };
  /** A cheap status read clients repeat while they wait (x-chromaspec-status-poll): not foreground activity, so it does not hold background work back. */
  statusPoll: boolean;
}

export const routes: readonly RouteDefinition[] = [
  { operationId: "v2Root", method: "GET", fastifyPath: "/api/v2", successStatus: [200], responses: {"200":"application/json","500":"application/json"}, statusPoll: true },
  { operationId: "v2Reset", method: "POST", fastifyPath: "/api/v2/reset", successStatus: [200], responses: {"200":"application/json","403":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2Version", method: "GET", fastifyPath: "/api/v2/version", successStatus: [200], responses: {"200":"application/json"}, statusPoll: true },
  { operationId: "v2Heartbeat", method: "GET", fastifyPath: "/api/v2/heartbeat", successStatus: [200], responses: {"200":"application/json","500":"application/json"}, statusPoll: true },
  { operationId: "v2PreFlightChecks", method: "GET", fastifyPath: "/api/v2/pre-flight-checks", successStatus: [200], responses: {"200":"application/json","500":"application/json"}, statusPoll: true },
  { operationId: "v2GetUserIdentity", method: "GET", fastifyPath: "/api/v2/auth/identity", successStatus: [200], responses: {"200":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2Healthcheck", method: "GET", fastifyPath: "/api/v2/healthcheck", successStatus: [200], responses: {"200":"application/json","503":"application/json"}, statusPoll: true },
  { operationId: "v2CreateTenant", method: "POST", fastifyPath: "/api/v2/tenants", successStatus: [200], responses: {"200":"application/json","400":"application/json","409":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2GetTenant", method: "GET", fastifyPath: "/api/v2/tenants/:tenant", successStatus: [200], responses: {"200":"application/json","404":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2UpdateTenant", method: "PATCH", fastifyPath: "/api/v2/tenants/:tenant", successStatus: [200], responses: {"200":"application/json","404":"application/json","409":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2ListDatabases", method: "GET", fastifyPath: "/api/v2/tenants/:tenant/databases", successStatus: [200], responses: {"200":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2CreateDatabase", method: "POST", fastifyPath: "/api/v2/tenants/:tenant/databases", successStatus: [200], responses: {"200":"application/json","400":"application/json","409":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2GetDatabase", method: "GET", fastifyPath: "/api/v2/tenants/:tenant/databases/:database", successStatus: [200], responses: {"200":"application/json","404":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2DeleteDatabase", method: "DELETE", fastifyPath: "/api/v2/tenants/:tenant/databases/:database", successStatus: [200], responses: {"200":"application/json","404":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2GetCollectionByCrn", method: "GET", fastifyPath: "/api/v2/collections/:crn", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2ListCollections", method: "GET", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections", successStatus: [200], responses: {"200":"application/json","400":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2CreateCollection", method: "POST", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections", successStatus: [200], responses: {"200":"application/json","400":"application/json","409":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2CountCollections", method: "GET", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections_count", successStatus: [200], responses: {"200":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2GetCollection", method: "GET", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id", successStatus: [200], responses: {"200":"application/json","404":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2UpdateCollection", method: "PUT", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","409":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2DeleteCollection", method: "DELETE", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id", successStatus: [200], responses: {"200":"application/json","404":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2GetCollectionById", method: "GET", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/by-id/:collection_id", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2CollectionAdd", method: "POST", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/add", successStatus: [201], responses: {"201":"application/json","400":"application/json","404":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2CollectionUpdate", method: "POST", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/update", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2CollectionUpsert", method: "POST", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/upsert", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2CollectionGet", method: "POST", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/get", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2CollectionDelete", method: "POST", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/delete", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2CollectionQuery", method: "POST", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/query", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2CollectionCount", method: "GET", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/count", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2IndexingStatus", method: "GET", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/indexing_status", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","500":"application/json"}, statusPoll: true },
  { operationId: "v2CollectionSearch", method: "POST", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/search", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2ForkCollection", method: "POST", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/fork", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","409":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v2ForkCount", method: "GET", fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/fork_count", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1Root", method: "GET", fastifyPath: "/api/v1", successStatus: [200], responses: {"200":"application/json","500":"application/json"}, statusPoll: true },
  { operationId: "v1Reset", method: "POST", fastifyPath: "/api/v1/reset", successStatus: [200], responses: {"200":"application/json","400":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1Version", method: "GET", fastifyPath: "/api/v1/version", successStatus: [200], responses: {"200":"application/json"}, statusPoll: true },
  { operationId: "v1Heartbeat", method: "GET", fastifyPath: "/api/v1/heartbeat", successStatus: [200], responses: {"200":"application/json","500":"application/json"}, statusPoll: true },
  { operationId: "v1PreFlightChecks", method: "GET", fastifyPath: "/api/v1/pre-flight-checks", successStatus: [200], responses: {"200":"application/json","500":"application/json"}, statusPoll: true },
  { operationId: "v1CreateDatabase", method: "POST", fastifyPath: "/api/v1/databases", successStatus: [200], responses: {"200":"application/json","400":"application/json","404":"application/json","409":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1GetDatabase", method: "GET", fastifyPath: "/api/v1/databases/:database", successStatus: [200], responses: {"200":"application/json","404":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1CreateTenant", method: "POST", fastifyPath: "/api/v1/tenants", successStatus: [200], responses: {"200":"application/json","400":"application/json","409":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1GetTenant", method: "GET", fastifyPath: "/api/v1/tenants/:tenant", successStatus: [200], responses: {"200":"application/json","404":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1ListCollections", method: "GET", fastifyPath: "/api/v1/collections", successStatus: [200], responses: {"200":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1CreateCollection", method: "POST", fastifyPath: "/api/v1/collections", successStatus: [200], responses: {"200":"application/json","400":"application/json","409":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1CountCollections", method: "GET", fastifyPath: "/api/v1/count_collections", successStatus: [200], responses: {"200":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1GetCollection", method: "GET", fastifyPath: "/api/v1/collections/:collection_id", successStatus: [200], responses: {"200":"application/json","400":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1UpdateCollection", method: "PUT", fastifyPath: "/api/v1/collections/:collection_id", successStatus: [200], responses: {"200":"application/json","400":"application/json","409":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1DeleteCollection", method: "DELETE", fastifyPath: "/api/v1/collections/:collection_id", successStatus: [200], responses: {"200":"application/json","400":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1CollectionAdd", method: "POST", fastifyPath: "/api/v1/collections/:collection_id/add", successStatus: [201], responses: {"201":"application/json","400":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1CollectionUpdate", method: "POST", fastifyPath: "/api/v1/collections/:collection_id/update", successStatus: [200], responses: {"200":"application/json","400":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1CollectionUpsert", method: "POST", fastifyPath: "/api/v1/collections/:collection_id/upsert", successStatus: [200], responses: {"200":"application/json","400":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1CollectionGet", method: "POST", fastifyPath: "/api/v1/collections/:collection_id/get", successStatus: [200], responses: {"200":"application/json","400":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1CollectionDelete", method: "POST", fastifyPath: "/api/v1/collections/:collection_id/delete", successStatus: [200], responses: {"200":"application/json","400":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1CollectionCount", method: "GET", fastifyPath: "/api/v1/collections/:collection_id/count", successStatus: [200], responses: {"200":"application/json","400":"application/json","500":"application/json"}, statusPoll: false },
  { operationId: "v1CollectionQuery", method: "POST", fastifyPath: "/api/v1/collections/:collection_id/query", successStatus: [200], responses: {"200":"application/json","400":"application/json","422":"application/json","500":"application/json"}, statusPoll: false },
];
