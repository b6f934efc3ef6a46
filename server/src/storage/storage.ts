/**
 * The storage port: the one seam between Chroma's semantics (core) and persistence. It speaks
 * its own types, defined here; the core imports them (core/model.ts, core/filter.ts re-export
 * them), storage never imports the core. The core owns every rule (validation, merge semantics,
 * name rules, error codes); storage only stores, finds and ranks.
 *
 * The implementation we ship (open.ts) composes two stores per collection: LanceDB (lance/, the
 * source of truth, a local path or an object-store URI) and the resident copy in process memory
 * (memory/), behind one composer per collection (collection.ts).
 */

// ---- values ------------------------------------------------------------------------------

/** One metadata value of a scalar type (also every operand of a where filter). */
export type MetadataScalar = string | number | boolean;

/**
 * A sparse vector stored as a metadata value (Chroma 1.x `SparseVector`), as the core normalises it:
 * `#type` always set, `indices` integers in [0, 2^32) strictly ascending, `values` of the same length
 * rounded to float32 (printed as their shortest decimal), `tokens` only when the client sent them.
 */
export interface SparseVector {
  "#type": "sparse_vector";
  indices: number[];
  values: number[];
  tokens?: string[];
}

/**
 * A metadata value: a scalar, a non-empty list of one scalar type (Chroma 1.x array metadata), or a
 * sparse vector.
 */
export type MetadataValue = MetadataScalar | string[] | number[] | boolean[] | SparseVector;

/** Record and collection metadata as stored: flat keys. */
export type Metadata = Record<string, MetadataValue>;

/** True for a value the core normalised into a SparseVector (see core/metadata.ts). */
export function isSparseVector(value: unknown): value is SparseVector {
  return typeof value === "object" && value !== null && !Array.isArray(value) && (value as { "#type"?: unknown })["#type"] === "sparse_vector";
}

/** Upstream's three spaces: l2 = squared euclidean, cosine = 1 - cos, ip = 1 - dot. */
export type DistanceSpace = "l2" | "cosine" | "ip";

/** One record as storage keeps it. */
export interface StoredRecord {
  id: string;
  embedding: Float32Array;
  document: string | null;
  uri: string | null;
  metadata: Metadata | null;
}

// ---- filters -----------------------------------------------------------------------------

/**
 * The typed filter tree. The core parses upstream's `where` / `where_document` JSON into these
 * shapes (rejecting bad operators with upstream's messages); storage compiles them into its own
 * query language. Nothing below the core ever sees raw filter JSON.
 */
export type ComparisonOp = "$eq" | "$ne" | "$gt" | "$gte" | "$lt" | "$lte";
export type MembershipOp = "$in" | "$nin";
export type ContainsOp = "$contains" | "$not_contains";

/**
 * One where tree. Besides metadata keys it may test the record's id (`#id`) and document
 * (`#document`), as upstream's where grammar does: the Search API's filter mixes all three freely
 * (`{"$or": [{"#id": "a"}, {"#document": {"$contains": "x"}}]}`).
 *
 * Comparisons and set membership see scalar values only; `contains` sees array values only (does
 * the key's list hold the operand?). Numbers compare by value: 2 and 2.0 are equal, 2 never
 * equals 2.5. The negations ($ne, $nin, $not_contains) are complements: they also match records
 * that lack the key or hold a value of another type.
 */
export type MetadataFilter =
  | { kind: "and"; children: MetadataFilter[] }
  | { kind: "or"; children: MetadataFilter[] }
  | { kind: "compare"; key: string; op: ComparisonOp; value: MetadataScalar }
  | { kind: "member"; key: string; op: MembershipOp; values: MetadataScalar[] }
  /** Array membership: `{key: {"$contains"|"$not_contains": scalar}}`. */
  | { kind: "contains"; key: string; op: ContainsOp; value: MetadataScalar }
  /** `{"#id": x}`, `{"#id": {"$eq"|"$ne": x}}`, `{"#id": {"$in"|"$nin": [...]}}`; $eq/$ne arrive as one-id lists. */
  | { kind: "id"; op: MembershipOp; ids: string[] }
  /** `{"#document": {"$contains"|"$not_contains"|"$regex"|"$not_regex": text}}`. */
  | { kind: "document"; filter: DocumentFilter };

export type DocumentFilter =
  | { kind: "and"; children: DocumentFilter[] }
  | { kind: "or"; children: DocumentFilter[] }
  | { kind: "contains" | "not_contains"; text: string }
  | { kind: "regex" | "not_regex"; pattern: string };

/** Everything a get / delete / query can be narrowed by; absent parts do not narrow. */
export interface RecordFilter {
  ids?: string[];
  where?: MetadataFilter;
  whereDocument?: DocumentFilter;
}

/** A filter on ids alone (answerable without evaluating metadata or documents). */
export function isIdsOnly(filter: RecordFilter): filter is RecordFilter & { ids: string[] } {
  return filter.ids !== undefined && filter.where === undefined && filter.whereDocument === undefined;
}

/** Every $regex / $not_regex pattern of a filter, in where_document and inside where alike. */
export function regexPatterns(filter: RecordFilter): string[] {
  const out: string[] = [];
  const document = (f: DocumentFilter): void => {
    if (f.kind === "and" || f.kind === "or") f.children.forEach(document);
    else if (f.kind === "regex" || f.kind === "not_regex") out.push(f.pattern);
  };
  const where = (f: MetadataFilter): void => {
    if (f.kind === "and" || f.kind === "or") f.children.forEach(where);
    else if (f.kind === "document") document(f.filter);
  };
  if (filter.where) where(filter.where);
  if (filter.whereDocument) document(filter.whereDocument);
  return out;
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

/**
 * The collection is not (or no longer) in the catalog: it was dropped, or the store was reset,
 * while the caller held on to it. The core answers it as a missing collection.
 */
export class CollectionGoneError extends Error {
  constructor(readonly collectionId: string) {
    super(`collection ${collectionId} does not exist`);
    this.name = "CollectionGoneError";
  }
}

/**
 * A write could not be made exclusive across the processes sharing the store: another process
 * held the key's write lease for the whole wait, or took it over while this write ran (then
 * `outcomeUnknown`: what it committed may or may not have been applied). The core answers 503.
 */
export class WriteUnavailableError extends Error {
  constructor(
    message: string,
    readonly outcomeUnknown: boolean,
  ) {
    super(message);
    this.name = "WriteUnavailableError";
  }
}

// ---- reads -------------------------------------------------------------------------------

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
  metadata?: Metadata | null;
}

export interface Neighbor extends RecordView {
  distance: number;
}

// ---- catalog -----------------------------------------------------------------------------

export interface TenantInfo {
  name: string;
  /** Chroma 1.x tenant resource name (set once, PATCH /api/v2/tenants/{tenant}); used by CRNs. */
  resourceName?: string | null;
}

export interface DatabaseInfo {
  id: string;
  name: string;
  tenant: string;
}

export interface CollectionInfo {
  id: string;
  name: string;
  tenant: string;
  database: string;
  metadata: Metadata | null;
  /**
   * Upstream's `configuration_json` (Chroma 1.x `CollectionConfiguration`): the core derives it
   * from `schema` whenever the schema changes, so the two always agree.
   */
  configuration: Record<string, unknown>;
  /**
   * The collection's resolved Chroma 1.x index schema, as the core keeps it (opaque here, stored as
   * JSON). Null on rows stored before schemas were kept: the core derives one from `configuration`.
   */
  schema: object | null;
  /** Fixed by the first write that carries embeddings; null until then. */
  dimension: number | null;
  /** Monotonic counter bumped on every modification of the collection row (upstream's `version`). */
  version: number;
  /** Count of record operations applied (upstream's `log_position`). */
  logPosition: number;
}

/**
 * A partial update of a collection row: only the fields present change, each applied to the
 * row as it stands when the update commits (upstream's `update_collection(id, name?, metadata?,
 * dimension?, configuration?)`), so two updates of different fields never undo each other.
 */
export interface CollectionPatch {
  name?: string;
  metadata?: Metadata | null;
  configuration?: Record<string, unknown>;
  schema?: object;
  dimension?: number;
  /** Bump `version` by one. */
  bumpVersion?: boolean;
}

/**
 * Tenants, databases and collection rows. Each row has one writer (the catalog itself): every
 * change is a whole-row insert, a patch or a removal, applied in order against the current row.
 * Removals that span stores (a collection's records, a database's collections) are Storage's.
 */
export interface Catalog {
  listTenants(): Promise<TenantInfo[]>;
  createTenant(tenant: TenantInfo): Promise<void>;
  getTenant(name: string): Promise<TenantInfo | null>;

  createDatabase(db: DatabaseInfo): Promise<void>;
  getDatabase(tenant: string, name: string): Promise<DatabaseInfo | null>;
  /** Ordered by creation. */
  listDatabases(tenant: string): Promise<DatabaseInfo[]>;

  /** Inserts a new row (replaces one with the same id, keeping its place in the order). */
  createCollection(collection: CollectionInfo): Promise<void>;
  /** Applies the patch to the current row; resolves to the updated row, or null if there is none. */
  updateCollection(id: string, patch: CollectionPatch): Promise<CollectionInfo | null>;
  /**
   * The collection reads answer read-only snapshots (deep-frozen: writing to one throws): a change
   * replaces the row, so a snapshot read before it keeps the old values. Copy before changing.
   */
  getCollectionById(id: string): Promise<CollectionInfo | null>;
  getCollectionByName(tenant: string, database: string, name: string): Promise<CollectionInfo | null>;
  /** Ordered by creation. */
  listCollections(tenant: string, database: string): Promise<CollectionInfo[]>;
}

// ---- records -----------------------------------------------------------------------------

/**
 * How a collection's vectors are indexed, resolved once by the core from the collection's
 * configuration (upstream's `hnsw` block and defaults) and handed down.
 */
export interface IndexParams {
  space: DistanceSpace;
  /** HNSW max neighbors per node (upstream's max_neighbors). */
  m: number;
  efConstruction: number;
  efSearch: number;
  /**
   * Metadata keys whose sparse-vector values get an inverted index in memory (the collection
   * schema's `sparse_vector_index`; upstream allows at most one). Fixed when the collection opens.
   */
  sparseKeys?: readonly string[];
}

/** A record scored by a search: `seq` names it and is its place in storage order (ties break on it). */
export interface SeqMeasure {
  seq: number;
  measure: number;
}

/** A sparse vector as an index reads it: strictly ascending dimensions, one value each. */
export interface SparseTerms {
  indices: ArrayLike<number>;
  values: ArrayLike<number>;
}

/**
 * The resident copy the Search API reads, fixed for the life of one view: if the copy is replaced
 * meanwhile (a reload), every later call throws ResidentChangedError and the caller starts over
 * from LanceDB. Records are named by seq, so a slot reused by another record cannot leak in.
 */
export interface ResidentSearchView {
  /** Live records (BM25's n). */
  readonly count: number;
  /** Seqs of the live records matching a filter (evaluated in memory; by LanceDB what memory declines), ascending. */
  matching(filter: RecordFilter): Promise<Float64Array>;
  /** Live seqs in storage order from `offset`, at most `limit`, among `seqs` when given. */
  inOrder(seqs: Float64Array | null, offset: number, limit: number | undefined): Float64Array;
  /** The k nearest live records (among `seqs`), measure = distance in the collection's space, nearest first. */
  dense(query: Float32Array, k: number, seqs: Float64Array | null): Promise<SeqMeasure[]>;
  /** Whether `key` has an inverted index (IndexParams.sparseKeys). */
  hasSparseIndex(key: string): boolean;
  /** Records whose vector on `key` has `dimension`. */
  documentFrequency(key: string, dimension: number): number;
  /**
   * Exact top-k by dot product on `key` among records sharing a dimension with `query` (and in
   * `seqs`), measure float32(1 - float32(dot)) ascending, ties by seq.
   */
  sparse(key: string, query: SparseTerms, k: number, seqs: Float64Array | null): SeqMeasure[];
  /** Ids and projected columns of live records by seq (records deleted meanwhile are left out). */
  records(seqs: readonly number[], projection: Projection): Promise<Map<number, RecordView>>;
}

/** The resident copy a ResidentSearchView was taken from is no longer the one in use. */
export class ResidentChangedError extends Error {
  constructor(readonly collectionId: string) {
    super(`the in-memory copy of collection ${collectionId} changed during a search`);
    this.name = "ResidentChangedError";
  }
}

/** One collection's records. */
export interface CollectionRecords {
  count(): Promise<number>;
  /** Full records for the ids that exist, in the order of `ids`, each once; missing ids are skipped. */
  fetch(ids: string[]): Promise<StoredRecord[]>;
  /**
   * Insert or replace by id, durably, before resolving. A new id is ordered after every record
   * written before it; a replaced id keeps its place in that order. Of ids repeated in one
   * batch the last wins, at the first one's place.
   */
  write(records: StoredRecord[]): Promise<void>;
  /** Records matching the filter, in insertion order, paged by offset/limit. */
  find(filter: RecordFilter, page: { offset: number; limit?: number }, projection: Projection): Promise<RecordView[]>;
  /**
   * Deletes matching records, or only the first `limit` of them in insertion order; resolves to
   * how many were deleted.
   */
  delete(filter: RecordFilter, limit?: number): Promise<number>;
  /**
   * The k nearest records (matching the filter) to each query, nearest first, distances in the
   * collection's space (IndexParams.space).
   */
  nearest(queries: Float32Array[], k: number, filter: RecordFilter, projection: Projection): Promise<Neighbor[][]>;
  /** Index progress, for `indexing_status`. */
  indexingStatus(): Promise<{ indexed: number; unindexed: number }>;
  /**
   * Resolves once a load of the resident copy under way has its records in (or after a bound):
   * searches wait for it rather than scan LanceDB meanwhile. At once when nothing loads.
   */
  loaded(): Promise<void>;
  /** The Search API's fast path: a view of the resident copy, or null when LanceDB answers. */
  searchView(): ResidentSearchView | null;
}

export interface Storage {
  readonly catalog: Catalog;
  /**
   * The records of a collection that is in the catalog (its table is created by the first
   * write); CollectionGoneError otherwise. `index` is applied when the collection is first
   * opened; later calls only update its efSearch.
   */
  collection(id: string, index: IndexParams): Promise<CollectionRecords>;
  /**
   * Runs `task` as the only writer of `key` — "catalog" (tenants, databases, collection rows) or a
   * collection id (its records) — among every process serving this store; reads inside the task
   * see everything committed before it started, by any process. Keys are taken in one order: the
   * catalog before a collection, never a collection then the catalog. A collection that was
   * dropped throws CollectionGoneError; a key another process keeps, WriteUnavailableError.
   */
  exclusive<T>(key: string, task: () => Promise<T>): Promise<T>;
  /**
   * Removes a collection: its catalog row, then its records (under its exclusive key; kept while a
   * fork still reads them).
   */
  dropCollection(id: string): Promise<void>;
  /**
   * Creates `target` (a new catalog row, with a new id) holding the records the source collection
   * has now, copy-on-write, and records the fork in the lineage of the source's root. The caller
   * holds the source's writes back meanwhile. CollectionGoneError when the source is gone.
   */
  forkCollection(sourceId: string, target: CollectionInfo): Promise<void>;
  /** Forks recorded in the lineage of the collection's root (upstream's fork_count). */
  forkCount(id: string): Promise<number>;
  /** Removes a database with every collection in it (upstream cascades). */
  dropDatabase(tenant: string, name: string): Promise<void>;
  /** Removes everything (POST /reset); operations in flight finish first. */
  reset(): Promise<void>;
  close(): Promise<void>;
}
