/**
 * The one narrow seam between Chroma semantics (core) and persistence. The core owns every rule
 * (validation, merge semantics, name rules, error codes); an implementation only stores, finds
 * and ranks. LanceDB is the implementation we ship (lance/); a URI chooses disk or object storage.
 */
import type { RecordFilter } from "../core/filter.js";
import type {
  CollectionInfo,
  DatabaseInfo,
  DistanceSpace,
  StoredRecord,
  TenantInfo,
} from "../core/model.js";

/** Which optional columns a read must return; ids are always returned. */
export interface Projection {
  embeddings: boolean;
  documents: boolean;
  uris: boolean;
  metadatas: boolean;
}

/** A record as returned by a read: columns outside the projection are left undefined. */
export interface RecordView {
  id: string;
  embedding?: Float32Array;
  document?: string | null;
  uri?: string | null;
  metadata?: StoredRecord["metadata"];
}

export interface Neighbor extends RecordView {
  distance: number;
}

/**
 * A $regex / $not_regex pattern the implementation's regex engine rejects. `detail` is the
 * engine's own parse error; the core answers it as a 400.
 */
export class InvalidPatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly detail: string,
  ) {
    super(`invalid regular expression ${JSON.stringify(pattern)}: ${detail}`);
    this.name = "InvalidPatternError";
  }
}

export interface CatalogStore {
  listTenants(): Promise<TenantInfo[]>;
  createTenant(tenant: TenantInfo): Promise<void>;
  getTenant(name: string): Promise<TenantInfo | null>;

  createDatabase(db: DatabaseInfo): Promise<void>;
  getDatabase(tenant: string, name: string): Promise<DatabaseInfo | null>;
  /** Ordered by creation. */
  listDatabases(tenant: string): Promise<DatabaseInfo[]>;
  deleteDatabase(tenant: string, name: string): Promise<void>;

  /** Insert or replace by id. */
  putCollection(collection: CollectionInfo): Promise<void>;
  getCollectionById(id: string): Promise<CollectionInfo | null>;
  getCollectionByName(tenant: string, database: string, name: string): Promise<CollectionInfo | null>;
  /** Ordered by creation. */
  listCollections(tenant: string, database: string): Promise<CollectionInfo[]>;
  deleteCollection(id: string): Promise<void>;
}

export interface RecordTable {
  count(): Promise<number>;
  /** Full records for the ids that exist, in the order of `ids`; missing ids are skipped. */
  fetch(ids: string[]): Promise<StoredRecord[]>;
  /**
   * Insert or replace by id, durably, before resolving. A new id is ordered after every record
   * written before it; a replaced id keeps its place in that order.
   */
  write(records: StoredRecord[]): Promise<void>;
  /** Records matching the filter, in insertion order, paged by offset/limit. */
  find(filter: RecordFilter, page: { offset: number; limit?: number }, projection: Projection): Promise<RecordView[]>;
  /** Deletes matching records; resolves to how many were deleted. */
  delete(filter: RecordFilter): Promise<number>;
  /**
   * The k nearest records (matching the filter) to each query, nearest first, distances in the
   * given space: l2 = squared euclidean, cosine = 1 - cos, ip = 1 - dot.
   */
  nearest(
    queries: Float32Array[],
    k: number,
    space: DistanceSpace,
    filter: RecordFilter,
    projection: Projection,
  ): Promise<Neighbor[][]>;
  /** Index progress, for `indexing_status`. */
  indexingStatus(): Promise<{ indexed: number; unindexed: number }>;
}

export interface Storage {
  readonly catalog: CatalogStore;
  /** The record table of a collection, created on first use. */
  records(collection: CollectionInfo): Promise<RecordTable>;
  dropRecords(collectionId: string): Promise<void>;
  /** Removes everything (POST /reset). */
  reset(): Promise<void>;
  close(): Promise<void>;
}
