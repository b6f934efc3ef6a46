// generated from openapi.yaml by codegen — do not edit.
// Regenerate with `make codegen` (npm run generate -w codegen) after changing openapi.yaml.
// Handlers interface: implement one method per operation; the router calls them.

import type { operations } from "./openapi.js";
import type { OperationId } from "./routes.js";

/** Credentials the router extracted from the request (Authorization: Bearer <t> or X-Chroma-Token). */
export interface RequestAuth {
  token?: string;
}

/**
 * What handlers throw for an error answer: the router sends `status` with
 * {"error": name, "message": message}. Anything thrown without a numeric 4xx/5xx `status` is a 500.
 */
export interface HandlerError extends Error {
  status: number;
}

export type EmptyObject = Record<string, never>;

/** T with the keys K made required (the router applied their schema defaults). */
export type WithDefaults<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: Exclude<T[P], undefined> };

/** Per operation: its path params, query, body and the union of its 2xx replies. */
export interface OperationTypes {
  v2Root: {
    params: EmptyObject;
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2Root"]["responses"][200]["content"]["application/json"] };
  };
  v2Reset: {
    params: EmptyObject;
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2Reset"]["responses"][200]["content"]["application/json"] };
  };
  v2Version: {
    params: EmptyObject;
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2Version"]["responses"][200]["content"]["application/json"] };
  };
  v2Heartbeat: {
    params: EmptyObject;
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2Heartbeat"]["responses"][200]["content"]["application/json"] };
  };
  v2PreFlightChecks: {
    params: EmptyObject;
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2PreFlightChecks"]["responses"][200]["content"]["application/json"] };
  };
  v2GetUserIdentity: {
    params: EmptyObject;
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2GetUserIdentity"]["responses"][200]["content"]["application/json"] };
  };
  v2Healthcheck: {
    params: EmptyObject;
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2Healthcheck"]["responses"][200]["content"]["application/json"] };
  };
  v2CreateTenant: {
    params: EmptyObject;
    query: EmptyObject;
    body: operations["v2CreateTenant"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v2CreateTenant"]["responses"][200]["content"]["application/json"] };
  };
  v2GetTenant: {
    params: operations["v2GetTenant"]["parameters"]["path"];
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2GetTenant"]["responses"][200]["content"]["application/json"] };
  };
  v2UpdateTenant: {
    params: operations["v2UpdateTenant"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v2UpdateTenant"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v2UpdateTenant"]["responses"][200]["content"]["application/json"] };
  };
  v2ListDatabases: {
    params: operations["v2ListDatabases"]["parameters"]["path"];
    query: NonNullable<operations["v2ListDatabases"]["parameters"]["query"]>;
    body: undefined;
    reply: { status: 200; body: operations["v2ListDatabases"]["responses"][200]["content"]["application/json"] };
  };
  v2CreateDatabase: {
    params: operations["v2CreateDatabase"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v2CreateDatabase"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v2CreateDatabase"]["responses"][200]["content"]["application/json"] };
  };
  v2GetDatabase: {
    params: operations["v2GetDatabase"]["parameters"]["path"];
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2GetDatabase"]["responses"][200]["content"]["application/json"] };
  };
  v2DeleteDatabase: {
    params: operations["v2DeleteDatabase"]["parameters"]["path"];
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2DeleteDatabase"]["responses"][200]["content"]["application/json"] };
  };
  v2GetCollectionByCrn: {
    params: operations["v2GetCollectionByCrn"]["parameters"]["path"];
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2GetCollectionByCrn"]["responses"][200]["content"]["application/json"] };
  };
  v2ListCollections: {
    params: operations["v2ListCollections"]["parameters"]["path"];
    query: NonNullable<operations["v2ListCollections"]["parameters"]["query"]>;
    body: undefined;
    reply: { status: 200; body: operations["v2ListCollections"]["responses"][200]["content"]["application/json"] };
  };
  v2CreateCollection: {
    params: operations["v2CreateCollection"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v2CreateCollection"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v2CreateCollection"]["responses"][200]["content"]["application/json"] };
  };
  v2CountCollections: {
    params: operations["v2CountCollections"]["parameters"]["path"];
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2CountCollections"]["responses"][200]["content"]["application/json"] };
  };
  v2GetCollection: {
    params: operations["v2GetCollection"]["parameters"]["path"];
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2GetCollection"]["responses"][200]["content"]["application/json"] };
  };
  v2UpdateCollection: {
    params: operations["v2UpdateCollection"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v2UpdateCollection"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v2UpdateCollection"]["responses"][200]["content"]["application/json"] };
  };
  v2DeleteCollection: {
    params: operations["v2DeleteCollection"]["parameters"]["path"];
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2DeleteCollection"]["responses"][200]["content"]["application/json"] };
  };
  v2GetCollectionById: {
    params: operations["v2GetCollectionById"]["parameters"]["path"];
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2GetCollectionById"]["responses"][200]["content"]["application/json"] };
  };
  v2CollectionAdd: {
    params: operations["v2CollectionAdd"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v2CollectionAdd"]["requestBody"]["content"]["application/json"];
    reply: { status: 201; body: operations["v2CollectionAdd"]["responses"][201]["content"]["application/json"] };
  };
  v2CollectionUpdate: {
    params: operations["v2CollectionUpdate"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v2CollectionUpdate"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v2CollectionUpdate"]["responses"][200]["content"]["application/json"] };
  };
  v2CollectionUpsert: {
    params: operations["v2CollectionUpsert"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v2CollectionUpsert"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v2CollectionUpsert"]["responses"][200]["content"]["application/json"] };
  };
  v2CollectionGet: {
    params: operations["v2CollectionGet"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v2CollectionGet"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v2CollectionGet"]["responses"][200]["content"]["application/json"] };
  };
  v2CollectionDelete: {
    params: operations["v2CollectionDelete"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v2CollectionDelete"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v2CollectionDelete"]["responses"][200]["content"]["application/json"] };
  };
  v2CollectionQuery: {
    params: operations["v2CollectionQuery"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v2CollectionQuery"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v2CollectionQuery"]["responses"][200]["content"]["application/json"] };
  };
  v2CollectionCount: {
    params: operations["v2CollectionCount"]["parameters"]["path"];
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2CollectionCount"]["responses"][200]["content"]["application/json"] };
  };
  v2IndexingStatus: {
    params: operations["v2IndexingStatus"]["parameters"]["path"];
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2IndexingStatus"]["responses"][200]["content"]["application/json"] };
  };
  v2CollectionSearch: {
    params: operations["v2CollectionSearch"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v2CollectionSearch"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v2CollectionSearch"]["responses"][200]["content"]["application/json"] };
  };
  v2ForkCollection: {
    params: operations["v2ForkCollection"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v2ForkCollection"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v2ForkCollection"]["responses"][200]["content"]["application/json"] };
  };
  v2ForkCount: {
    params: operations["v2ForkCount"]["parameters"]["path"];
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v2ForkCount"]["responses"][200]["content"]["application/json"] };
  };
  v1Root: {
    params: EmptyObject;
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v1Root"]["responses"][200]["content"]["application/json"] };
  };
  v1Reset: {
    params: EmptyObject;
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v1Reset"]["responses"][200]["content"]["application/json"] };
  };
  v1Version: {
    params: EmptyObject;
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v1Version"]["responses"][200]["content"]["application/json"] };
  };
  v1Heartbeat: {
    params: EmptyObject;
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v1Heartbeat"]["responses"][200]["content"]["application/json"] };
  };
  v1PreFlightChecks: {
    params: EmptyObject;
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v1PreFlightChecks"]["responses"][200]["content"]["application/json"] };
  };
  v1CreateDatabase: {
    params: EmptyObject;
    query: WithDefaults<NonNullable<operations["v1CreateDatabase"]["parameters"]["query"]>, "tenant">;
    body: operations["v1CreateDatabase"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v1CreateDatabase"]["responses"][200]["content"]["application/json"] };
  };
  v1GetDatabase: {
    params: operations["v1GetDatabase"]["parameters"]["path"];
    query: WithDefaults<NonNullable<operations["v1GetDatabase"]["parameters"]["query"]>, "tenant">;
    body: undefined;
    reply: { status: 200; body: operations["v1GetDatabase"]["responses"][200]["content"]["application/json"] };
  };
  v1CreateTenant: {
    params: EmptyObject;
    query: EmptyObject;
    body: operations["v1CreateTenant"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v1CreateTenant"]["responses"][200]["content"]["application/json"] };
  };
  v1GetTenant: {
    params: operations["v1GetTenant"]["parameters"]["path"];
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v1GetTenant"]["responses"][200]["content"]["application/json"] };
  };
  v1ListCollections: {
    params: EmptyObject;
    query: WithDefaults<NonNullable<operations["v1ListCollections"]["parameters"]["query"]>, "tenant" | "database">;
    body: undefined;
    reply: { status: 200; body: operations["v1ListCollections"]["responses"][200]["content"]["application/json"] };
  };
  v1CreateCollection: {
    params: EmptyObject;
    query: WithDefaults<NonNullable<operations["v1CreateCollection"]["parameters"]["query"]>, "tenant" | "database">;
    body: operations["v1CreateCollection"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v1CreateCollection"]["responses"][200]["content"]["application/json"] };
  };
  v1CountCollections: {
    params: EmptyObject;
    query: WithDefaults<NonNullable<operations["v1CountCollections"]["parameters"]["query"]>, "tenant" | "database">;
    body: undefined;
    reply: { status: 200; body: operations["v1CountCollections"]["responses"][200]["content"]["application/json"] };
  };
  v1GetCollection: {
    params: operations["v1GetCollection"]["parameters"]["path"];
    query: WithDefaults<NonNullable<operations["v1GetCollection"]["parameters"]["query"]>, "tenant" | "database">;
    body: undefined;
    reply: { status: 200; body: operations["v1GetCollection"]["responses"][200]["content"]["application/json"] };
  };
  v1UpdateCollection: {
    params: operations["v1UpdateCollection"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v1UpdateCollection"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v1UpdateCollection"]["responses"][200]["content"]["application/json"] };
  };
  v1DeleteCollection: {
    params: operations["v1DeleteCollection"]["parameters"]["path"];
    query: WithDefaults<NonNullable<operations["v1DeleteCollection"]["parameters"]["query"]>, "tenant" | "database">;
    body: undefined;
    reply: { status: 200; body: operations["v1DeleteCollection"]["responses"][200]["content"]["application/json"] };
  };
  v1CollectionAdd: {
    params: operations["v1CollectionAdd"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v1CollectionAdd"]["requestBody"]["content"]["application/json"];
    reply: { status: 201; body: operations["v1CollectionAdd"]["responses"][201]["content"]["application/json"] };
  };
  v1CollectionUpdate: {
    params: operations["v1CollectionUpdate"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v1CollectionUpdate"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v1CollectionUpdate"]["responses"][200]["content"]["application/json"] };
  };
  v1CollectionUpsert: {
    params: operations["v1CollectionUpsert"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v1CollectionUpsert"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v1CollectionUpsert"]["responses"][200]["content"]["application/json"] };
  };
  v1CollectionGet: {
    params: operations["v1CollectionGet"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v1CollectionGet"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v1CollectionGet"]["responses"][200]["content"]["application/json"] };
  };
  v1CollectionDelete: {
    params: operations["v1CollectionDelete"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v1CollectionDelete"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v1CollectionDelete"]["responses"][200]["content"]["application/json"] };
  };
  v1CollectionCount: {
    params: operations["v1CollectionCount"]["parameters"]["path"];
    query: EmptyObject;
    body: undefined;
    reply: { status: 200; body: operations["v1CollectionCount"]["responses"][200]["content"]["application/json"] };
  };
  v1CollectionQuery: {
    params: operations["v1CollectionQuery"]["parameters"]["path"];
    query: EmptyObject;
    body: operations["v1CollectionQuery"]["requestBody"]["content"]["application/json"];
    reply: { status: 200; body: operations["v1CollectionQuery"]["responses"][200]["content"]["application/json"] };
  };
}

export interface HandlerInput<K extends OperationId> {
  params: OperationTypes[K]["params"];
  query: OperationTypes[K]["query"];
  body: OperationTypes[K]["body"];
  auth: RequestAuth;
}

export type HandlerReply<K extends OperationId> = OperationTypes[K]["reply"];

/** One method per operationId of openapi.yaml; errors are thrown (see HandlerError), not returned. */
export interface Handlers {
  /** GET /api/v2 — Root (heartbeat) */
  v2Root(input: HandlerInput<"v2Root">): Promise<HandlerReply<"v2Root">>;
  /** POST /api/v2/reset — Reset the server */
  v2Reset(input: HandlerInput<"v2Reset">): Promise<HandlerReply<"v2Reset">>;
  /** GET /api/v2/version — Server version */
  v2Version(input: HandlerInput<"v2Version">): Promise<HandlerReply<"v2Version">>;
  /** GET /api/v2/heartbeat — Heartbeat */
  v2Heartbeat(input: HandlerInput<"v2Heartbeat">): Promise<HandlerReply<"v2Heartbeat">>;
  /** GET /api/v2/pre-flight-checks — Pre-flight checks */
  v2PreFlightChecks(input: HandlerInput<"v2PreFlightChecks">): Promise<HandlerReply<"v2PreFlightChecks">>;
  /** GET /api/v2/auth/identity — Identity of the caller */
  v2GetUserIdentity(input: HandlerInput<"v2GetUserIdentity">): Promise<HandlerReply<"v2GetUserIdentity">>;
  /** GET /api/v2/healthcheck — Healthcheck */
  v2Healthcheck(input: HandlerInput<"v2Healthcheck">): Promise<HandlerReply<"v2Healthcheck">>;
  /** POST /api/v2/tenants — Create a tenant */
  v2CreateTenant(input: HandlerInput<"v2CreateTenant">): Promise<HandlerReply<"v2CreateTenant">>;
  /** GET /api/v2/tenants/{tenant} — Get a tenant */
  v2GetTenant(input: HandlerInput<"v2GetTenant">): Promise<HandlerReply<"v2GetTenant">>;
  /** PATCH /api/v2/tenants/{tenant} — Set a tenant's resource name */
  v2UpdateTenant(input: HandlerInput<"v2UpdateTenant">): Promise<HandlerReply<"v2UpdateTenant">>;
  /** GET /api/v2/tenants/{tenant}/databases — List the databases of a tenant */
  v2ListDatabases(input: HandlerInput<"v2ListDatabases">): Promise<HandlerReply<"v2ListDatabases">>;
  /** POST /api/v2/tenants/{tenant}/databases — Create a database */
  v2CreateDatabase(input: HandlerInput<"v2CreateDatabase">): Promise<HandlerReply<"v2CreateDatabase">>;
  /** GET /api/v2/tenants/{tenant}/databases/{database} — Get a database */
  v2GetDatabase(input: HandlerInput<"v2GetDatabase">): Promise<HandlerReply<"v2GetDatabase">>;
  /** DELETE /api/v2/tenants/{tenant}/databases/{database} — Delete a database */
  v2DeleteDatabase(input: HandlerInput<"v2DeleteDatabase">): Promise<HandlerReply<"v2DeleteDatabase">>;
  /** GET /api/v2/collections/{crn} — Get a collection by CRN */
  v2GetCollectionByCrn(input: HandlerInput<"v2GetCollectionByCrn">): Promise<HandlerReply<"v2GetCollectionByCrn">>;
  /** GET /api/v2/tenants/{tenant}/databases/{database}/collections — List collections */
  v2ListCollections(input: HandlerInput<"v2ListCollections">): Promise<HandlerReply<"v2ListCollections">>;
  /** POST /api/v2/tenants/{tenant}/databases/{database}/collections — Create a collection (or get it with get_or_create) */
  v2CreateCollection(input: HandlerInput<"v2CreateCollection">): Promise<HandlerReply<"v2CreateCollection">>;
  /** GET /api/v2/tenants/{tenant}/databases/{database}/collections_count — Count collections */
  v2CountCollections(input: HandlerInput<"v2CountCollections">): Promise<HandlerReply<"v2CountCollections">>;
  /** GET /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id} — Get a collection by name */
  v2GetCollection(input: HandlerInput<"v2GetCollection">): Promise<HandlerReply<"v2GetCollection">>;
  /** PUT /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id} — Rename a collection or change its metadata / configuration */
  v2UpdateCollection(input: HandlerInput<"v2UpdateCollection">): Promise<HandlerReply<"v2UpdateCollection">>;
  /** DELETE /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id} — Delete a collection by name */
  v2DeleteCollection(input: HandlerInput<"v2DeleteCollection">): Promise<HandlerReply<"v2DeleteCollection">>;
  /** GET /api/v2/tenants/{tenant}/databases/{database}/collections/by-id/{collection_id} — Get a collection by id */
  v2GetCollectionById(input: HandlerInput<"v2GetCollectionById">): Promise<HandlerReply<"v2GetCollectionById">>;
  /** POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/add — Add records */
  v2CollectionAdd(input: HandlerInput<"v2CollectionAdd">): Promise<HandlerReply<"v2CollectionAdd">>;
  /** POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/update — Update records */
  v2CollectionUpdate(input: HandlerInput<"v2CollectionUpdate">): Promise<HandlerReply<"v2CollectionUpdate">>;
  /** POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/upsert — Insert or update records */
  v2CollectionUpsert(input: HandlerInput<"v2CollectionUpsert">): Promise<HandlerReply<"v2CollectionUpsert">>;
  /** POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/get — Get records */
  v2CollectionGet(input: HandlerInput<"v2CollectionGet">): Promise<HandlerReply<"v2CollectionGet">>;
  /** POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/delete — Delete records */
  v2CollectionDelete(input: HandlerInput<"v2CollectionDelete">): Promise<HandlerReply<"v2CollectionDelete">>;
  /** POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/query — Nearest-neighbour query */
  v2CollectionQuery(input: HandlerInput<"v2CollectionQuery">): Promise<HandlerReply<"v2CollectionQuery">>;
  /** GET /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/count — Count records */
  v2CollectionCount(input: HandlerInput<"v2CollectionCount">): Promise<HandlerReply<"v2CollectionCount">>;
  /** GET /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/indexing_status — Indexing progress of a collection */
  v2IndexingStatus(input: HandlerInput<"v2IndexingStatus">): Promise<HandlerReply<"v2IndexingStatus">>;
  /** POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/search — Search records (dense, sparse and hybrid ranking) */
  v2CollectionSearch(input: HandlerInput<"v2CollectionSearch">): Promise<HandlerReply<"v2CollectionSearch">>;
  /** POST /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/fork — Fork a collection */
  v2ForkCollection(input: HandlerInput<"v2ForkCollection">): Promise<HandlerReply<"v2ForkCollection">>;
  /** GET /api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/fork_count — Number of forks in a collection's lineage */
  v2ForkCount(input: HandlerInput<"v2ForkCount">): Promise<HandlerReply<"v2ForkCount">>;
  /** GET /api/v1 — Root (heartbeat) */
  v1Root(input: HandlerInput<"v1Root">): Promise<HandlerReply<"v1Root">>;
  /** POST /api/v1/reset — Reset the server */
  v1Reset(input: HandlerInput<"v1Reset">): Promise<HandlerReply<"v1Reset">>;
  /** GET /api/v1/version — Server version */
  v1Version(input: HandlerInput<"v1Version">): Promise<HandlerReply<"v1Version">>;
  /** GET /api/v1/heartbeat — Heartbeat */
  v1Heartbeat(input: HandlerInput<"v1Heartbeat">): Promise<HandlerReply<"v1Heartbeat">>;
  /** GET /api/v1/pre-flight-checks — Pre-flight checks */
  v1PreFlightChecks(input: HandlerInput<"v1PreFlightChecks">): Promise<HandlerReply<"v1PreFlightChecks">>;
  /** POST /api/v1/databases — Create a database */
  v1CreateDatabase(input: HandlerInput<"v1CreateDatabase">): Promise<HandlerReply<"v1CreateDatabase">>;
  /** GET /api/v1/databases/{database} — Get a database */
  v1GetDatabase(input: HandlerInput<"v1GetDatabase">): Promise<HandlerReply<"v1GetDatabase">>;
  /** POST /api/v1/tenants — Create a tenant */
  v1CreateTenant(input: HandlerInput<"v1CreateTenant">): Promise<HandlerReply<"v1CreateTenant">>;
  /** GET /api/v1/tenants/{tenant} — Get a tenant */
  v1GetTenant(input: HandlerInput<"v1GetTenant">): Promise<HandlerReply<"v1GetTenant">>;
  /** GET /api/v1/collections — List collections */
  v1ListCollections(input: HandlerInput<"v1ListCollections">): Promise<HandlerReply<"v1ListCollections">>;
  /** POST /api/v1/collections — Create a collection (or get it with get_or_create) */
  v1CreateCollection(input: HandlerInput<"v1CreateCollection">): Promise<HandlerReply<"v1CreateCollection">>;
  /** GET /api/v1/count_collections — Count collections */
  v1CountCollections(input: HandlerInput<"v1CountCollections">): Promise<HandlerReply<"v1CountCollections">>;
  /** GET /api/v1/collections/{collection_id} — Get a collection by name */
  v1GetCollection(input: HandlerInput<"v1GetCollection">): Promise<HandlerReply<"v1GetCollection">>;
  /** PUT /api/v1/collections/{collection_id} — Rename a collection or replace its metadata */
  v1UpdateCollection(input: HandlerInput<"v1UpdateCollection">): Promise<HandlerReply<"v1UpdateCollection">>;
  /** DELETE /api/v1/collections/{collection_id} — Delete a collection by name */
  v1DeleteCollection(input: HandlerInput<"v1DeleteCollection">): Promise<HandlerReply<"v1DeleteCollection">>;
  /** POST /api/v1/collections/{collection_id}/add — Add records */
  v1CollectionAdd(input: HandlerInput<"v1CollectionAdd">): Promise<HandlerReply<"v1CollectionAdd">>;
  /** POST /api/v1/collections/{collection_id}/update — Update records */
  v1CollectionUpdate(input: HandlerInput<"v1CollectionUpdate">): Promise<HandlerReply<"v1CollectionUpdate">>;
  /** POST /api/v1/collections/{collection_id}/upsert — Insert or update records */
  v1CollectionUpsert(input: HandlerInput<"v1CollectionUpsert">): Promise<HandlerReply<"v1CollectionUpsert">>;
  /** POST /api/v1/collections/{collection_id}/get — Get records */
  v1CollectionGet(input: HandlerInput<"v1CollectionGet">): Promise<HandlerReply<"v1CollectionGet">>;
  /** POST /api/v1/collections/{collection_id}/delete — Delete records */
  v1CollectionDelete(input: HandlerInput<"v1CollectionDelete">): Promise<HandlerReply<"v1CollectionDelete">>;
  /** GET /api/v1/collections/{collection_id}/count — Count records */
  v1CollectionCount(input: HandlerInput<"v1CollectionCount">): Promise<HandlerReply<"v1CollectionCount">>;
  /** POST /api/v1/collections/{collection_id}/query — Nearest-neighbour query */
  v1CollectionQuery(input: HandlerInput<"v1CollectionQuery">): Promise<HandlerReply<"v1CollectionQuery">>;
}
