/**
 * ChromaClient: the ergonomic entry point, shaped like the official `chromadb` npm client (v3):
 * system calls, tenants and databases, and collections. Talks v2 by default; `apiVersion: "v1"`
 * selects chromadb 0.6.3's legacy paths (tenant/database as query parameters).
 */
import { createApiClient, type ApiClient, type ConnectionOptions } from "./api-client.js";
import type { ChromaApi, Scope } from "./api/adapter.js";
import { v1Api } from "./api/v1.js";
import { v2Api } from "./api/v2.js";
import { Collection } from "./collection.js";
import type { CollectionConfiguration, CollectionModel, Database, HealthcheckResponse, Metadata, PreFlightChecks, Schema, UserIdentity } from "./types.js";

export const DEFAULT_TENANT = "default_tenant";
export const DEFAULT_DATABASE = "default_database";

export interface ChromaClientOptions extends ConnectionOptions {
  /** Default "default_tenant". */
  tenant?: string;
  /** Default "default_database". */
  database?: string;
  /** "v2" (default) or the legacy "v1". */
  apiVersion?: "v1" | "v2";
}

export interface CreateCollectionArgs {
  name: string;
  metadata?: Metadata;
  configuration?: CollectionConfiguration;
  /**
   * Chroma 1.x index schema (e.g. the space and HNSW settings of `#embedding`, or a key whose
   * inverted index is off); merged into the defaults by the server and answered as `schema`.
   */
  schema?: Schema;
}

export class ChromaClient {
  /** The typed low-level client (openapi-fetch over the generated `paths`) for anything not wrapped here. */
  readonly api: ApiClient;
  readonly tenant: string;
  readonly database: string;
  readonly apiVersion: "v1" | "v2";
  private readonly server: ChromaApi;

  constructor(options: ChromaClientOptions = {}) {
    this.api = createApiClient(options);
    this.tenant = options.tenant ?? DEFAULT_TENANT;
    this.database = options.database ?? DEFAULT_DATABASE;
    this.apiVersion = options.apiVersion ?? "v2";
    this.server = this.apiVersion === "v1" ? v1Api(this.api) : v2Api(this.api);
  }

  private get scope(): Scope {
    return { tenant: this.tenant, database: this.database };
  }

  /** The server's clock in nanoseconds. */
  heartbeat(): Promise<number> {
    return this.server.heartbeat();
  }

  version(): Promise<string> {
    return this.server.serverVersion();
  }

  /** Deletes everything; the server must allow it (ALLOW_RESET). */
  reset(): Promise<boolean> {
    return this.server.reset();
  }

  getPreflightChecks(): Promise<PreFlightChecks> {
    return this.server.preFlightChecks();
  }

  async getMaxBatchSize(): Promise<number> {
    return (await this.server.preFlightChecks()).max_batch_size;
  }

  /** v2 only. */
  getUserIdentity(): Promise<UserIdentity> {
    return this.server.getUserIdentity();
  }

  /** v2 only. */
  healthcheck(): Promise<HealthcheckResponse> {
    return this.server.healthcheck();
  }

  async createTenant({ name }: { name: string }): Promise<void> {
    await this.server.createTenant(name);
  }

  /** The tenant's name (as chromadb's AdminClient.getTenant answers). */
  async getTenant({ name }: { name: string }): Promise<string> {
    return (await this.server.getTenant(name)).name;
  }

  /** v2 only: sets the tenant's resource name, once (409 if already set); CRNs then use it. */
  async updateTenant({ name, resourceName }: { name: string; resourceName: string }): Promise<void> {
    await this.server.updateTenant(name, resourceName);
  }

  async createDatabase({ name, tenant = this.tenant }: { name: string; tenant?: string }): Promise<void> {
    await this.server.createDatabase(tenant, name);
  }

  getDatabase({ name, tenant = this.tenant }: { name: string; tenant?: string }): Promise<Database> {
    return this.server.getDatabase(tenant, name);
  }

  /** v2 only. */
  listDatabases({ tenant = this.tenant, limit, offset }: { tenant?: string; limit?: number; offset?: number } = {}): Promise<Database[]> {
    return this.server.listDatabases(tenant, { limit, offset });
  }

  /** v2 only. */
  async deleteDatabase({ name, tenant = this.tenant }: { name: string; tenant?: string }): Promise<void> {
    await this.server.deleteDatabase(tenant, name);
  }

  async createCollection(args: CreateCollectionArgs): Promise<Collection> {
    return this.open(await this.server.createCollection(this.scope, { ...collectionBody(args), get_or_create: false }));
  }

  async getOrCreateCollection(args: CreateCollectionArgs): Promise<Collection> {
    return this.open(await this.server.createCollection(this.scope, { ...collectionBody(args), get_or_create: true }));
  }

  async getCollection({ name }: { name: string }): Promise<Collection> {
    return this.open(await this.server.getCollection(this.scope, name));
  }

  /** v2 only (a Chroma 1.x extension). */
  async getCollectionById(id: string): Promise<Collection> {
    return this.open(await this.server.getCollectionById(this.scope, id));
  }

  /** v2 only: by Chroma resource name `tenant_resource_name:database:collection` (as chromadb@3). */
  async getCollectionByCrn(crn: string): Promise<Collection> {
    return this.open(await this.server.getCollectionByCrn(crn));
  }

  async listCollections({ limit, offset }: { limit?: number; offset?: number } = {}): Promise<Collection[]> {
    return (await this.server.listCollections(this.scope, { limit, offset })).map((model) => this.open(model));
  }

  countCollections(): Promise<number> {
    return this.server.countCollections(this.scope);
  }

  async deleteCollection({ name }: { name: string }): Promise<void> {
    await this.server.deleteCollection(this.scope, name);
  }

  private open(model: CollectionModel): Collection {
    return new Collection(this.server, model);
  }
}

function collectionBody(args: CreateCollectionArgs) {
  return {
    name: args.name,
    ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
    ...(args.configuration !== undefined ? { configuration: args.configuration } : {}),
    ...(args.schema !== undefined ? { schema: args.schema } : {}),
  };
}
