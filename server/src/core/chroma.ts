/**
 * Chroma's semantics, once. Both API faces (v1 and v2) call this class; it owns every rule about
 * tenants, databases, collections and records, and talks to persistence only through `Storage`.
 */
import { randomUUID } from "node:crypto";
import {
  applyConfigurationUpdate,
  configurationFromJson,
  configurationFromRequest,
  configurationFromSchema,
  configurationJson,
  legacyConfigurationUpdate,
  parseConfigurationUpdate,
  resolveSchema,
  schemaFromConfiguration,
} from "./configuration.js";
import { checkDimension, decodeEmbeddings, type WireEmbedding } from "./embeddings.js";
import { CollectionNotFoundError, ConflictError, InvalidArgumentError, NotAllowedError, NotFoundError, ServiceUnavailableError, UniqueConstraintError } from "./errors.js";
import type { RecordFilter } from "./filter.js";
import { GET_DEFAULT_INCLUDE, parseInclude, projectionOf, QUERY_DEFAULT_INCLUDE } from "./include.js";
import { KeyedMutex } from "./lock.js";
import { asMetadata, collectionMetadata, mergeMetadata } from "./metadata.js";
import type { CollectionInfo, CollectionPatch, DatabaseInfo, Metadata, StoredCollectionInfo, StoredRecord, TenantInfo } from "./model.js";
import { validateCollectionId, validateCollectionName, validateDatabaseName, validateTenantName } from "./names.js";
import { validateBatch, type WriteBatch } from "./records.js";
import { toGetResult, toQueryResult, type GetResult, type QueryResult } from "./results.js";
import { checkFilterIndexes, withMetadataKeys, type Schema } from "./schema.js";
import { indexParams, spaceOf } from "./space.js";
import { parseOptionalWhere, parseOptionalWhereDocument } from "./where.js";
import { deserializeSearchRequest, validateSearchRequest } from "./search/payload.js";
import type { SearchResponse } from "./search/response.js";
import { runSearches } from "./search/service.js";
import { CollectionGoneError, InvalidPatternError, WriteUnavailableError, type CollectionRecords, type Storage } from "../storage/storage.js";

export const DEFAULT_TENANT = "default_tenant";
export const DEFAULT_DATABASE = "default_database";

export interface ChromaOptions {
  allowReset: boolean;
  /** Advertised in pre-flight-checks and enforced on every write. */
  maxBatchSize: number;
  version: string;
}

export interface Page {
  limit?: number | null;
  offset?: number | null;
}

export interface CreateCollectionInput {
  name: string;
  metadata?: Record<string, unknown> | null;
  configuration?: Record<string, unknown> | null;
  /** Chroma 1.x index schema, as the client sent it (core/schema.ts parses it). */
  schema?: unknown;
  getOrCreate?: boolean;
}

export interface UpdateCollectionInput {
  newName?: string | null;
  newMetadata?: Record<string, unknown> | null;
  newConfiguration?: Record<string, unknown> | null;
}

export interface GetInput {
  ids?: string[] | null;
  where?: unknown;
  whereDocument?: unknown;
  limit?: number | null;
  offset?: number | null;
  include?: unknown;
}

export interface QueryInput {
  queryEmbeddings: WireEmbedding[];
  nResults?: number | null;
  ids?: string[] | null;
  where?: unknown;
  whereDocument?: unknown;
  include?: unknown;
}

export interface DeleteInput {
  ids?: string[] | null;
  where?: unknown;
  whereDocument?: unknown;
  /** Chroma 1.x: delete at most this many matching records (only with a where / where_document). */
  limit?: number | null;
}

/** Where a collection lives; every record operation is scoped by it so ids never cross tenants. */
export interface Scope {
  tenant: string;
  database: string;
}

/**
 * A catalog row as the core works with it: its schema typed; rows stored before schemas were kept
 * get the schema their configuration describes (upstream's reconcile_schema_for_read).
 */
function withSchema(c: StoredCollectionInfo): CollectionInfo {
  if (c.schema) return c as CollectionInfo;
  const schema = schemaFromConfiguration(configurationFromJson(c.configuration));
  return { ...c, schema, configuration: configurationOf(schema) };
}

/** The configuration_json the schema determines. */
function configurationOf(schema: Schema): Record<string, unknown> {
  return { ...configurationJson(configurationFromSchema(schema)) };
}

/** The collection row with this schema and the configuration_json it determines. */
function withConfigurationOf(c: CollectionInfo, schema: Schema): CollectionInfo {
  return { ...c, schema, configuration: configurationOf(schema) };
}

/** A Chroma resource name `tenant_resource_name:database:collection` (upstream's parse_and_validate_crn). */
function parseCrn(crn: string): { tenant: string; database: string; collection: string } {
  const parts = crn.split(":");
  if (parts.length !== 3 || parts.some((p) => p.length === 0)) {
    throw new InvalidArgumentError(
      "Validation error: crn: CRN must be in the format <tenant_resource_name>:<database_name>:<collection_name> with non-empty parts",
    );
  }
  return { tenant: parts[0], database: parts[1], collection: parts[2] };
}

function page<T>(items: T[], { limit, offset }: Page): T[] {
  const start = offset ?? 0;
  return limit === undefined || limit === null ? items.slice(start) : items.slice(start, start + limit);
}

export class Chroma {
  private readonly writes = new KeyedMutex();

  constructor(
    private readonly storage: Storage,
    readonly options: ChromaOptions,
  ) {}

  /** Creates default_tenant / default_database on a fresh store, as upstream does at start-up. */
  async init(): Promise<void> {
    const missing = async () =>
      !(await this.storage.catalog.getTenant(DEFAULT_TENANT)) || !(await this.storage.catalog.getDatabase(DEFAULT_TENANT, DEFAULT_DATABASE));
    if (!(await missing())) return;
    // Replicas starting together on a fresh store: one of them creates them.
    await this.lock("catalog", () => this.createDefaults());
  }

  /** The default tenant and database, where missing; the caller holds the catalog's lock. */
  private async createDefaults(): Promise<void> {
    if (!(await this.storage.catalog.getTenant(DEFAULT_TENANT))) await this.storage.catalog.createTenant({ name: DEFAULT_TENANT });
    if (!(await this.storage.catalog.getDatabase(DEFAULT_TENANT, DEFAULT_DATABASE))) {
      await this.storage.catalog.createDatabase({ id: randomUUID(), name: DEFAULT_DATABASE, tenant: DEFAULT_TENANT });
    }
  }

  /**
   * Runs a read-modify-write as the only writer of `key` ("catalog" or a collection id): one at a
   * time in this process (and drained on shutdown), and across every process sharing the store.
   */
  private async lock<T>(key: string, task: () => Promise<T>): Promise<T> {
    try {
      return await this.writes.run(key, () => this.storage.exclusive(key, task));
    } catch (err) {
      if (err instanceof WriteUnavailableError) throw new ServiceUnavailableError(err.message);
      throw err;
    }
  }

  heartbeat(): { "nanosecond heartbeat": number } {
    // Upstream sends nanoseconds since the epoch; millisecond resolution is what a JS clock offers.
    return { "nanosecond heartbeat": Date.now() * 1_000_000 };
  }

  preFlightChecks(): { max_batch_size: number; supports_base64_encoding: boolean } {
    return { max_batch_size: this.options.maxBatchSize, supports_base64_encoding: true };
  }

  async reset(): Promise<void> {
    if (!this.options.allowReset) throw new NotAllowedError("Reset is disabled by config");
    await this.writes.drain();
    // Under the catalog lock (in every replica): a tenant, database or collection created meanwhile
    // waits until the defaults are back, instead of finding default_database gone.
    await this.lock("catalog", async () => {
      await this.storage.reset();
      await this.createDefaults();
    });
  }

  /** Waits for every write in flight (graceful shutdown). */
  drain(): Promise<void> {
    return this.writes.drain();
  }

  // ---- tenants and databases -------------------------------------------------------------

  async createTenant(name: string): Promise<void> {
    validateTenantName(name);
    await this.lock("catalog", async () => {
      if (await this.storage.catalog.getTenant(name)) throw new UniqueConstraintError(`Tenant [${name}] already exists`);
      await this.storage.catalog.createTenant({ name });
    });
  }

  async getTenant(name: string): Promise<TenantInfo> {
    const tenant = await this.storage.catalog.getTenant(name);
    if (!tenant) throw new NotFoundError(`Tenant [${name}] not found`);
    return tenant;
  }

  /**
   * Sets a tenant's resource name, once (as Chroma's sysdb: 409 when already set, 404 for an
   * unknown tenant). Single-node Chroma 1.x answers 200 and keeps nothing.
   */
  async updateTenant(name: string, resourceName: string): Promise<void> {
    await this.lock("catalog", async () => {
      const tenant = await this.getTenant(name);
      if (tenant.resourceName !== null && tenant.resourceName !== undefined) {
        throw new ConflictError("Failed to set resource name: tenant resource name is already set");
      }
      await this.storage.catalog.createTenant({ ...tenant, resourceName });
    });
  }

  /** The tenant a CRN names: by resource name, else (no tenant has it) by tenant name. */
  private async tenantOfResourceName(resourceName: string): Promise<string | null> {
    const tenants = await this.storage.catalog.listTenants();
    const named = tenants.find((t) => t.resourceName === resourceName);
    if (named) return named.name;
    return tenants.some((t) => t.name === resourceName) ? resourceName : null;
  }

  /** GET /api/v2/collections/{crn}. */
  async getCollectionByCrn(crn: string): Promise<CollectionInfo> {
    const { tenant, database, collection } = parseCrn(crn);
    const tenantName = await this.tenantOfResourceName(tenant);
    const found = tenantName === null ? null : await this.storage.catalog.getCollectionByName(tenantName, database, collection);
    if (!found) throw new CollectionNotFoundError(collection, `Collection [${collection}] does not exist`);
    return withSchema(found);
  }

  /** As Chroma 1.x, the tenant is not checked: a database can live under a tenant nobody created. */
  async createDatabase(tenant: string, name: string): Promise<void> {
    validateDatabaseName(name);
    await this.lock("catalog", async () => {
      if (await this.storage.catalog.getDatabase(tenant, name)) throw new UniqueConstraintError(`Database [${name}] already exists`);
      await this.storage.catalog.createDatabase({ id: randomUUID(), name, tenant });
    });
  }

  async getDatabase(tenant: string, name: string): Promise<DatabaseInfo> {
    const db = await this.storage.catalog.getDatabase(tenant, name);
    if (!db) throw new NotFoundError(`Database [${name}] not found`);
    return db;
  }

  /** An unknown tenant lists nothing (upstream 1.x). */
  async listDatabases(tenant: string, p: Page = {}): Promise<DatabaseInfo[]> {
    return page(await this.storage.catalog.listDatabases(tenant), p);
  }

  async deleteDatabase(tenant: string, name: string): Promise<void> {
    await this.lock("catalog", async () => {
      await this.getDatabase(tenant, name);
      // Each collection under its own write lock, so no write lands in a dropped table.
      for (const c of await this.storage.catalog.listCollections(tenant, name)) await this.dropCollection(c);
      await this.storage.dropDatabase(tenant, name);
    });
  }

  // ---- collections -----------------------------------------------------------------------

  /** Creating inside a database that does not exist is the caller's mistake: 400, as upstream 1.x. */
  private async requireDatabase(scope: Scope): Promise<void> {
    const tenant = await this.storage.catalog.getTenant(scope.tenant);
    const db = tenant && (await this.storage.catalog.getDatabase(scope.tenant, scope.database));
    if (!db) throw new InvalidArgumentError(`Database [${scope.database}] does not exist`);
  }

  /**
   * Create (or, with getOrCreate, find) a collection. The configuration (with the legacy `hnsw:*`
   * metadata keys) and the schema are resolved together as upstream does (core/configuration.ts);
   * every mistake is refused before anything is written, also when the collection exists.
   */
  async createCollection(scope: Scope, input: CreateCollectionInput): Promise<CollectionInfo> {
    validateCollectionName(input.name);
    const metadata = collectionMetadata(input.metadata, "metadata");
    const configuration = configurationFromRequest(input.configuration, metadata);
    const schema = resolveSchema(input.schema, configuration);
    return this.lock("catalog", async () => {
      await this.requireDatabase(scope);
      const existing = await this.storage.catalog.getCollectionByName(scope.tenant, scope.database, input.name);
      if (existing) {
        if (input.getOrCreate) return withSchema(existing);
        throw new UniqueConstraintError(`Collection [${input.name}] already exists`);
      }
      const collection = withConfigurationOf(
        {
          id: randomUUID(),
          name: input.name,
          tenant: scope.tenant,
          database: scope.database,
          metadata,
          configuration: {},
          schema: null,
          dimension: null,
          version: 0,
          logPosition: 0,
        },
        schema,
      );
      await this.storage.catalog.createCollection(collection);
      return collection;
    });
  }

  /** A rename or a fork onto a name the database already has: 409, as upstream. The caller holds the catalog's lock. */
  private async requireFreeName(scope: Scope, name: string): Promise<void> {
    if (await this.storage.catalog.getCollectionByName(scope.tenant, scope.database, name)) {
      throw new UniqueConstraintError(`Collection [${name}] already exists`);
    }
  }

  /**
   * Fork (upstream's fork_collection): a new collection `newName` in the same database with the
   * source's records, metadata, configuration, schema and dimension, independent afterwards
   * (storage makes the copy copy-on-write). The source's writes wait meanwhile, so the fork holds
   * exactly what was acknowledged before it. The name follows the rules of create (upstream's
   * fork checks none).
   */
  async forkCollection(scope: Scope, id: string, newName: string): Promise<CollectionInfo> {
    validateCollectionId(id);
    validateCollectionName(newName);
    // The catalog's lock, then the source's (the order every writer takes them in, in every
    // process): the fork holds exactly the writes acknowledged before it, wherever they were made.
    // The source's row read under the catalog's lock is the one it copies: every change of a row
    // (dimension and schema keys included) is made under that lock.
    return this.lock("catalog", async () => {
      const source = await this.getCollectionById(scope, id);
      await this.requireFreeName(scope, newName);
      const fork: CollectionInfo = { ...source, id: randomUUID(), name: newName, version: 0 };
      await this.gone(id, () => this.lock(id, () => this.storage.forkCollection(id, fork)));
      return fork;
    });
  }

  /** Forks in the lineage of the collection's root (upstream's fork_count). */
  async forkCount(scope: Scope, id: string): Promise<number> {
    await this.getCollectionById(scope, id);
    return this.gone(id, () => this.storage.forkCount(id));
  }

  async getCollection(scope: Scope, name: string): Promise<CollectionInfo> {
    const collection = await this.storage.catalog.getCollectionByName(scope.tenant, scope.database, name);
    if (!collection) throw new CollectionNotFoundError(name, `Collection [${name}] does not exist`);
    return withSchema(collection);
  }

  /** By id, but only inside the scope: another tenant's id answers exactly as a missing one. */
  async getCollectionById(scope: Scope, id: string): Promise<CollectionInfo> {
    validateCollectionId(id);
    const collection = await this.storage.catalog.getCollectionById(id);
    if (!collection || collection.tenant !== scope.tenant || collection.database !== scope.database) {
      throw new CollectionNotFoundError(id, `Collection [${id}] does not exist.`);
    }
    return withSchema(collection);
  }

  /**
   * Where a collection lives, found by id alone. v1's record routes carry no tenant or database
   * (as in 0.6.3), so its face resolves the scope here and then calls the scoped operations.
   */
  async scopeOfCollection(id: string): Promise<Scope> {
    validateCollectionId(id);
    const collection = await this.storage.catalog.getCollectionById(id);
    if (!collection) throw new CollectionNotFoundError(id, `Collection [${id}] does not exist.`);
    return { tenant: collection.tenant, database: collection.database };
  }

  /** Ordered by id, as upstream (0.6.3 and 1.x) pages them. */
  async listCollections(scope: Scope, p: Page = {}): Promise<CollectionInfo[]> {
    const all = await this.storage.catalog.listCollections(scope.tenant, scope.database);
    return page(all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), p).map(withSchema);
  }

  /** Every collection of every tenant and database (for /metrics), in catalog order. */
  async listAllCollections(): Promise<CollectionInfo[]> {
    const out: CollectionInfo[] = [];
    for (const tenant of await this.storage.catalog.listTenants()) {
      for (const database of await this.storage.catalog.listDatabases(tenant.name)) {
        out.push(...(await this.storage.catalog.listCollections(tenant.name, database.name)).map(withSchema));
      }
    }
    return out;
  }

  async countCollections(scope: Scope): Promise<number> {
    return (await this.storage.catalog.listCollections(scope.tenant, scope.database)).length;
  }

  /**
   * Rename, replace metadata, change configuration. The configuration change applies to the schema
   * (upstream's Schema::update) and configuration_json follows it; without `newConfiguration`, the
   * legacy `hnsw:*` keys of the new metadata that upstream's Python sysdb maps are applied instead.
   */
  async updateCollection(scope: Scope, id: string, input: UpdateCollectionInput): Promise<CollectionInfo> {
    if (input.newName !== undefined && input.newName !== null) validateCollectionName(input.newName, "new_name");
    const newMetadata = input.newMetadata === undefined || input.newMetadata === null ? undefined : collectionMetadata(input.newMetadata, "new_metadata");
    const update =
      input.newConfiguration !== undefined && input.newConfiguration !== null
        ? parseConfigurationUpdate(input.newConfiguration)
        : legacyConfigurationUpdate(newMetadata ?? null);
    validateCollectionId(id);
    // Under the catalog's lock only: record writes change the row (dimension, schema keys) under it too.
    return this.lock("catalog", async () => {
      const current = await this.getCollectionById(scope, id);
      if (newMetadata && newMetadata["hnsw:space"] !== undefined && newMetadata["hnsw:space"] !== spaceOf(current.configuration)) {
        throw new InvalidArgumentError("Changing the distance function of a collection once it is created is not supported currently.");
      }
      if (input.newName && input.newName !== current.name) await this.requireFreeName(scope, input.newName);
      // Only the fields this request changes (a patch of the row as it stands at commit).
      const patch: CollectionPatch = { bumpVersion: true };
      if (input.newName) patch.name = input.newName;
      if (newMetadata !== undefined) patch.metadata = newMetadata;
      if (update) {
        const schema = applyConfigurationUpdate(current.schema!, update);
        patch.schema = schema;
        patch.configuration = configurationOf(schema);
      }
      const updated = await this.storage.catalog.updateCollection(id, patch);
      if (!updated) throw new CollectionNotFoundError(id, `Collection [${id}] does not exist.`);
      return withSchema(updated);
    });
  }

  async deleteCollection(scope: Scope, name: string): Promise<void> {
    await this.lock("catalog", async () => {
      const collection = await this.getCollection(scope, name);
      await this.dropCollection(collection);
    });
  }

  private async dropCollection(collection: { id: string }): Promise<void> {
    // Wait for writes in flight on this collection (in every process), so none lands in a dropped table.
    await this.gone(collection.id, () => this.lock(collection.id, () => this.storage.dropCollection(collection.id)));
  }

  // ---- records ---------------------------------------------------------------------------

  /**
   * The collection's records, indexed as its configuration and schema say (HNSW parameters; the
   * metadata keys with a sparse-vector index). A collection dropped (or reset away) since it was
   * looked up answers as a missing one.
   */
  private async table(collection: CollectionInfo): Promise<CollectionRecords> {
    return this.gone(collection.id, () => this.storage.collection(collection.id, indexParams(collection)));
  }

  private async gone<T>(id: string, task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (err) {
      if (err instanceof CollectionGoneError) throw new CollectionNotFoundError(id, `Collection [${id}] does not exist.`);
      throw err;
    }
  }

  /**
   * Runs a write under the collection's lock against its latest catalog row; `embeddings` (if
   * any) are checked against the collection's dimension, fixing it on the first ones.
   */
  private async write<T>(
    scope: Scope,
    id: string,
    embeddings: Float32Array[] | undefined,
    task: (collection: CollectionInfo, table: CollectionRecords) => Promise<T>,
  ): Promise<T> {
    validateCollectionId(id);
    await this.settleDimension(scope, id, embeddings);
    return this.gone(id, () =>
      this.lock(id, async () => {
        const collection = await this.getCollectionById(scope, id);
        if (embeddings && embeddings.length > 0) checkDimension(embeddings, collection.dimension);
        const table = await this.table(collection);
        return task(collection, table);
      }),
    );
  }

  /**
   * Fixes the collection's dimension on its first embeddings: a patch of that one field (as
   * upstream's set_collection_dimension), so a rename or modify racing it is kept, and so is it.
   * It holds the catalog's lock, and is done before the collection's is taken: no process ever
   * waits for the catalog while holding a collection (deleting a collection takes them the other
   * way round).
   */
  private async settleDimension(scope: Scope, id: string, embeddings: Float32Array[] | undefined): Promise<void> {
    if (!embeddings || embeddings.length === 0) return;
    const seen = await this.getCollectionById(scope, id);
    const dimension = checkDimension(embeddings, seen.dimension);
    if (seen.dimension !== null || dimension === null) return;
    await this.lock("catalog", async () => {
      // The row as the last writer (in any process) left it.
      const collection = await this.getCollectionById(scope, id);
      if (collection.dimension !== null) {
        checkDimension(embeddings, collection.dimension);
        return;
      }
      if (!(await this.storage.catalog.updateCollection(id, { dimension }))) {
        throw new CollectionNotFoundError(id, `Collection [${id}] does not exist.`);
      }
    });
  }

  /**
   * Adds the metadata keys/types written for the first time to the collection's schema, with the
   * defaults' index settings (upstream's ensure_key_from_metadata, which its compactor applies
   * after each write).
   */
  private async noteMetadataKeys(scope: Scope, seen: CollectionInfo, written: readonly StoredRecord[]): Promise<void> {
    const metadatas = written.map((r) => r.metadata);
    // Most writes bring no new key: the catalog's lock only when the row seen lacks one.
    if (written.length === 0 || withMetadataKeys(seen.schema!, metadatas) === seen.schema) return;
    // After the collection's lock is released (lock order: never the catalog while holding a collection).
    await this.lock("catalog", async () => {
      const collection = await this.getCollectionById(scope, seen.id);
      const schema = collection.schema!;
      const next = withMetadataKeys(schema, metadatas);
      if (next !== schema) await this.storage.catalog.updateCollection(collection.id, { schema: next });
    });
  }

  /** Upstream refuses a filter on a key/type whose inverted index the schema disables (400). */
  private checkIndexes(collection: CollectionInfo, filter: RecordFilter): void {
    checkFilterIndexes(collection.schema!, filter);
  }

  private requireEmbeddings(batch: WriteBatch, op: string): void {
    if (batch.embeddings === undefined || batch.embeddings === null) {
      throw new InvalidArgumentError(`Expected embeddings for ${op}: this server does not compute embeddings, send them with the records`);
    }
  }

  /** add: ids that already exist are ignored, as upstream does. */
  async add(scope: Scope, id: string, batch: WriteBatch): Promise<void> {
    this.requireEmbeddings(batch, "add");
    const v = validateBatch(batch, { maxBatchSize: this.options.maxBatchSize, allowNullValues: false });
    const written = await this.write(scope, id, v.embeddings, async (collection, table) => {
      if (v.ids.length === 0) return null;
      const existing = new Set((await table.fetch(v.ids)).map((r) => r.id));
      const fresh: StoredRecord[] = [];
      v.ids.forEach((rid, i) => {
        if (existing.has(rid)) return;
        fresh.push({
          id: rid,
          embedding: v.embeddings![i],
          document: v.documents?.[i] ?? null,
          uri: v.uris?.[i] ?? null,
          metadata: asMetadata(v.metadatas?.[i]),
        });
      });
      if (fresh.length > 0) await table.write(fresh);
      return { collection, records: fresh };
    });
    if (written) await this.noteMetadataKeys(scope, written.collection, written.records);
  }

  /** upsert: new ids are inserted; existing ones are updated (metadata merged, as upstream 1.x). */
  async upsert(scope: Scope, id: string, batch: WriteBatch): Promise<void> {
    this.requireEmbeddings(batch, "upsert");
    await this.merge(scope, id, batch, true);
  }

  /** update: ids that do not exist are ignored; metadata keys merge, a null value removes one. */
  async update(scope: Scope, id: string, batch: WriteBatch): Promise<void> {
    await this.merge(scope, id, batch, false);
  }

  private async merge(scope: Scope, id: string, batch: WriteBatch, insertMissing: boolean): Promise<void> {
    const v = validateBatch(batch, { maxBatchSize: this.options.maxBatchSize, allowNullValues: true });
    const written = await this.write(scope, id, v.embeddings, async (collection, table) => {
      if (v.ids.length === 0) return null;
      const existing = new Map((await table.fetch(v.ids)).map((r) => [r.id, r]));
      const out: StoredRecord[] = [];
      v.ids.forEach((rid, i) => {
        const current = existing.get(rid);
        if (current) {
          out.push({
            id: rid,
            embedding: v.embeddings?.[i] ?? current.embedding,
            document: v.documents?.[i] ?? current.document,
            uri: v.uris?.[i] ?? current.uri,
            metadata: mergeMetadata(current.metadata, v.metadatas?.[i]),
          });
        } else if (insertMissing) {
          out.push({
            id: rid,
            embedding: v.embeddings![i],
            document: v.documents?.[i] ?? null,
            uri: v.uris?.[i] ?? null,
            metadata: asMetadata(v.metadatas?.[i]),
          });
        }
      });
      if (out.length > 0) await table.write(out);
      return { collection, records: out };
    });
    if (written) await this.noteMetadataKeys(scope, written.collection, written.records);
  }

  private filterOf(input: { ids?: string[] | null; where?: unknown; whereDocument?: unknown }): RecordFilter {
    const filter: RecordFilter = {};
    if (input.ids !== undefined && input.ids !== null) filter.ids = [...new Set(input.ids)];
    const where = parseOptionalWhere(input.where);
    if (where) filter.where = where;
    const whereDocument = parseOptionalWhereDocument(input.whereDocument);
    if (whereDocument) filter.whereDocument = whereDocument;
    return filter;
  }

  /** Storage reads/deletes with filters: a pattern its regex engine rejects is the caller's mistake. */
  private async filtered<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (err) {
      if (err instanceof InvalidPatternError) throw new InvalidArgumentError(`Regex syntax error: ${err.detail}`);
      throw err;
    }
  }

  async get(scope: Scope, id: string, input: GetInput): Promise<GetResult> {
    const include = parseInclude(input.include, GET_DEFAULT_INCLUDE);
    const filter = this.filterOf(input);
    validateCollectionId(id);
    const collection = await this.getCollectionById(scope, id);
    this.checkIndexes(collection, filter);
    const table = await this.table(collection);
    const rows = await this.filtered(() => table.find(filter, { offset: input.offset ?? 0, limit: input.limit ?? undefined }, projectionOf(include)));
    return toGetResult(rows, include);
  }

  async query(scope: Scope, id: string, input: QueryInput): Promise<QueryResult> {
    const include = parseInclude(input.include, QUERY_DEFAULT_INCLUDE);
    const filter = this.filterOf(input);
    const nResults = input.nResults ?? 10;
    if (!Number.isInteger(nResults) || nResults < 0) {
      throw new InvalidArgumentError(`Expected n_results to be a non-negative integer, got ${JSON.stringify(input.nResults)}`);
    }
    if (!Array.isArray(input.queryEmbeddings)) throw new InvalidArgumentError("Expected query_embeddings to be a list of embeddings");
    const queries = decodeEmbeddings(input.queryEmbeddings);
    validateCollectionId(id);
    const collection = await this.getCollectionById(scope, id);
    checkDimension(queries, collection.dimension);
    this.checkIndexes(collection, filter);
    if (queries.length === 0) return toQueryResult([], include);
    if (collection.dimension === null || nResults === 0) return toQueryResult(queries.map(() => []), include);
    const table = await this.table(collection);
    const lists = await this.filtered(() => table.nearest(queries, nResults, filter, projectionOf(include)));
    return toQueryResult(lists, include);
  }

  /**
   * The Search API (core/search): the body is checked in upstream's order (its shape, the
   * collection id, upstream's validators), then every search runs against the collection.
   */
  async search(scope: Scope, id: string, body: unknown): Promise<SearchResponse> {
    const request = deserializeSearchRequest(body);
    validateCollectionId(id);
    validateSearchRequest(request);
    const collection = await this.getCollectionById(scope, id);
    const table = await this.table(collection);
    return this.filtered(() => runSearches(request, collection, table));
  }

  /**
   * Upstream 1.x's rules: `ids: []` alone is refused, a `limit` needs a where / where_document, no
   * filter at all deletes nothing; `limit` deletes the first matching records in insertion order.
   */
  async delete(scope: Scope, id: string, input: DeleteInput): Promise<{ deleted: number }> {
    const filter = this.filterOf(input);
    const hasWhere = filter.where !== undefined || filter.whereDocument !== undefined;
    if (filter.ids !== undefined && filter.ids.length === 0 && !hasWhere) {
      throw new InvalidArgumentError("Validation error: ids, where: Either ids or where must be specified");
    }
    const limit = input.limit ?? undefined;
    if (limit !== undefined) {
      if (!hasWhere) throw new InvalidArgumentError("Validation error: limit, where: limit can only be specified when a where clause is provided");
      if (!Number.isInteger(limit) || limit < 0) throw new InvalidArgumentError(`Expected limit to be a non-negative integer, got ${JSON.stringify(limit)}`);
    }
    return this.write(scope, id, undefined, async (collection, table) => {
      this.checkIndexes(collection, filter);
      if (filter.ids === undefined && !hasWhere) return { deleted: 0 };
      if (limit === 0) return { deleted: 0 };
      return { deleted: await this.filtered(() => table.delete(filter, limit)) };
    });
  }

  async count(scope: Scope, id: string): Promise<number> {
    validateCollectionId(id);
    const collection = await this.getCollectionById(scope, id);
    return (await this.table(collection)).count();
  }

  async indexingStatus(scope: Scope, id: string): Promise<{ op_indexing_progress: number; num_unindexed_ops: number; num_indexed_ops: number; total_ops: number }> {
    validateCollectionId(id);
    const collection = await this.getCollectionById(scope, id);
    const { indexed, unindexed } = await (await this.table(collection)).indexingStatus();
    const total = indexed + unindexed;
    return { op_indexing_progress: total === 0 ? 1 : indexed / total, num_unindexed_ops: unindexed, num_indexed_ops: indexed, total_ops: total };
  }
}

export type { Metadata };
