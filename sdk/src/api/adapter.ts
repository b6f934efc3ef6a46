/**
 * What the high-level client needs from the server, independent of API version. V2Api and V1Api
 * implement it over the typed low-level client; they differ only in paths and envelopes.
 */
import type { components } from "../generated/openapi.js";
import type {
  CollectionModel, Database, DeleteResult, GetResult, HealthcheckResponse, IndexingStatus, PreFlightChecks, QueryResult,
  Tenant, UserIdentity,
} from "../types.js";

import type { SearchResponse } from "../search.js";

type Schemas = components["schemas"];

export interface Scope {
  tenant: string;
  database: string;
}

export interface Page {
  limit?: number;
  offset?: number;
}

export type AddBody = Schemas["AddEmbedding"];
export type UpdateBody = Schemas["UpdateEmbedding"];
export type GetBody = Schemas["GetEmbedding"];
export type QueryBody = Schemas["QueryEmbedding"];
export type DeleteBody = Schemas["DeleteEmbedding"];
export type CreateCollectionBody = Schemas["CreateCollection"];
export type UpdateCollectionBody = Schemas["UpdateCollection"];
export type SearchBody = Schemas["SearchRequestPayload"];

export interface ChromaApi {
  readonly version: "v1" | "v2";
  heartbeat(): Promise<number>;
  serverVersion(): Promise<string>;
  reset(): Promise<boolean>;
  preFlightChecks(): Promise<PreFlightChecks>;
  getUserIdentity(): Promise<UserIdentity>;
  healthcheck(): Promise<HealthcheckResponse>;

  createTenant(name: string): Promise<void>;
  getTenant(name: string): Promise<Tenant>;
  createDatabase(tenant: string, name: string): Promise<void>;
  getDatabase(tenant: string, name: string): Promise<Database>;
  listDatabases(tenant: string, page: Page): Promise<Database[]>;
  deleteDatabase(tenant: string, name: string): Promise<void>;

  listCollections(scope: Scope, page: Page): Promise<CollectionModel[]>;
  countCollections(scope: Scope): Promise<number>;
  createCollection(scope: Scope, body: CreateCollectionBody): Promise<CollectionModel>;
  getCollection(scope: Scope, name: string): Promise<CollectionModel>;
  getCollectionById(scope: Scope, id: string): Promise<CollectionModel>;
  /** v2 only: `tenant_resource_name:database:collection`. */
  getCollectionByCrn(crn: string): Promise<CollectionModel>;
  /** v2 only: sets the tenant's resource name (once). */
  updateTenant(name: string, resourceName: string): Promise<void>;
  updateCollection(scope: Scope, id: string, body: UpdateCollectionBody): Promise<void>;
  deleteCollection(scope: Scope, name: string): Promise<void>;

  add(scope: Scope, id: string, body: AddBody): Promise<void>;
  upsert(scope: Scope, id: string, body: AddBody): Promise<void>;
  update(scope: Scope, id: string, body: UpdateBody): Promise<void>;
  get(scope: Scope, id: string, body: GetBody): Promise<GetResult>;
  query(scope: Scope, id: string, body: QueryBody): Promise<QueryResult>;
  delete(scope: Scope, id: string, body: DeleteBody): Promise<DeleteResult>;
  count(scope: Scope, id: string): Promise<number>;
  indexingStatus(scope: Scope, id: string): Promise<IndexingStatus>;
  search(scope: Scope, id: string, body: SearchBody): Promise<SearchResponse>;
  forkCollection(scope: Scope, id: string, newName: string): Promise<CollectionModel>;
  forkCount(scope: Scope, id: string): Promise<number>;
}
