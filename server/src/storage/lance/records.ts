/**
 * One collection's records in one LanceDB table (named by the collection id):
 *   id utf8 | seq int64 (insertion order; a replaced id keeps its seq) |
 *   embedding FixedSizeList<float32>[dim] | norm float32 (for cosine, see nearest) |
 *   document utf8? | uri utf8? | metadata_json utf8? (the metadata as given, for reading back) |
 *   s_<key> utf8? / n_<key> float64? / b_<key> int8 0/1? per metadata key and value type, added by
 *   schema evolution the first time a key appears with that type; they exist only for filtering.
 * The table is created by the first write, which fixes the dimension.
 */
import { Index, type Connection, type Table } from "@lancedb/lancedb";
import { regexPatterns, type RecordFilter } from "../../core/filter.js";
import type { CollectionInfo, DistanceSpace, Metadata, StoredRecord } from "../../core/model.js";
import type { Neighbor, Projection, RecordTable, RecordView } from "../storage.js";
import {
  arrow,
  boolAsInt8Data,
  float32Data,
  float64Data,
  int64Data,
  readStrings,
  tableFromColumns,
  utf8Data,
  type ArrowModule,
} from "./arrow.js";
import { InvalidPatternError, regexParseDetail } from "./errors.js";
import { TableMaintenance, type MaintenanceRunner } from "./maintenance.js";
import { Mutex } from "../../util/mutex.js";
import { annParams, loadRecords } from "./resident.js";
import { andPredicates, compileFilter, compileIds, kindOf, metadataColumn, type MetadataKind } from "./sql.js";
import type { AnnWorkerHost } from "../memory/ann-worker-host.js";
import type { MemoryBudget } from "../memory/slots.js";
import { VectorIndex, type AnnParams, type Entry, type Hit } from "../memory/vector-index.js";

const BASE_COLUMNS = ["id", "seq", "embedding", "norm", "document", "uri", "metadata_json"] as const;
const TYPED_COLUMN = /^[snb]_(?:[0-9a-f]{4})*$/;
/** Keeps IN lists (and the SQL text) of one probe query bounded. */
const ID_CHUNK = 4096;

/** Below this a full scan of a column is as cheap as an index lookup. */
const ID_INDEX_MIN_ROWS = 10_000;
/** Typed metadata columns that get a scalar index (filters on them need no full scan). */
const MAX_SCALAR_INDEXES = 32;

const LANCE_DISTANCE: Record<DistanceSpace, "l2" | "cosine" | "dot"> = { l2: "l2", cosine: "cosine", ip: "dot" };

function baseSchema(dim: number): ArrowModule.Schema {
  return new arrow.Schema([
    new arrow.Field("id", new arrow.Utf8(), false),
    new arrow.Field("seq", new arrow.Int64(), false),
    new arrow.Field("embedding", new arrow.FixedSizeList(dim, new arrow.Field("item", new arrow.Float32(), true)), false),
    new arrow.Field("norm", new arrow.Float32(), false),
    new arrow.Field("document", new arrow.Utf8(), true),
    new arrow.Field("uri", new arrow.Utf8(), true),
    new arrow.Field("metadata_json", new arrow.Utf8(), true),
  ]);
}

function typedField(name: string): ArrowModule.Field {
  const type = name[0] === "s" ? new arrow.Utf8() : name[0] === "n" ? new arrow.Float64() : new arrow.Int8();
  return new arrow.Field(name, type, true);
}

function isNotFound(err: unknown): boolean {
  return err instanceof Error && /was not found|not found/i.test(err.message);
}

/** The in-memory vector search every record table keeps next to its LanceDB table. */
export interface VectorSearchDeps {
  /** Where HNSW graphs are built; null = exact in-memory search only. */
  host: AnnWorkerHost | null;
  /** Shared byte budget for cached payloads (documents, uris, metadata). */
  budget: MemoryBudget;
  /** Collections smaller than this are searched exactly, without a graph. */
  annThreshold: number;
  /** Prefiltered searches over at most this many records are exact scans. */
  exactLimit: number;
  /** The lowest ef a graph search uses, whatever the collection's ef_search says. */
  minEf: number;
  onWarning(message: string): void;
}

export interface RecordTableDeps {
  db: Connection;
  runner: MaintenanceRunner;
  /** Rejects (InvalidPatternError) patterns the regex engine cannot compile, as written. */
  validatePatterns(patterns: string[]): Promise<void>;
  /** null: every search runs inside LanceDB (exact scans), nothing is kept in memory. */
  vectors: VectorSearchDeps | null;
}

export class LanceRecordTable implements RecordTable {
  readonly mutex = new Mutex();
  private readonly maintenance: TableMaintenance;
  private table: Table | null = null;
  private schema: ArrowModule.Schema | null = null;
  /** Typed metadata columns the table has. */
  private columns = new Set<string>();
  private dim = 0;
  /** Next seq to hand out; loaded on open, then kept here (writes are serialized). */
  private nextSeq = 0n;
  /** Whether any stored embedding has norm 0 (cosine must special-case them); null = unknown. */
  private zeroNorms: boolean | null = null;
  private opened: Promise<void> | null = null;
  private dropped = false;
  /** key -> column names per kind; hex-encoding every key of every record would cost more. */
  private readonly columnNames = new Map<string, Record<MetadataKind, string>>();
  /** Columns known to have a scalar index. */
  private readonly indexedColumns = new Set<string>();
  /** The collection's space and HNSW knobs, from the first configure(). */
  private params: AnnParams | null = null;
  /**
   * Every record in memory with its ANN index, once loaded: then searches, id lookups and
   * counts are answered from it. Null while loading (those run in LanceDB meanwhile).
   */
  private index: VectorIndex | null = null;
  private loading: Promise<void> | null = null;

  constructor(
    readonly name: string,
    /** Whether the table was listed when the storage opened. */
    private readonly mayExist: boolean,
    private readonly deps: RecordTableDeps,
  ) {
    this.maintenance = new TableMaintenance(
      name,
      deps.runner,
      this.mutex,
      () => (this.dropped ? null : this.table),
      (table) => this.ensureIndices(table),
    );
  }

  /**
   * Takes the collection's configuration (space, HNSW knobs). The first call starts loading the
   * records into memory in the background; writes wait for it, reads use LanceDB until then.
   */
  configure(collection: CollectionInfo): void {
    const vectors = this.deps.vectors;
    if (!vectors || this.dropped) return;
    const params = annParams(collection, vectors.minEf);
    if (this.params === null) {
      this.params = params;
      this.startLoad();
    } else if (params.efSearch !== this.params.efSearch) {
      this.params = params;
      this.index?.setEfSearch(params.efSearch);
    }
  }

  private newIndex(dim: number): VectorIndex {
    const v = this.deps.vectors!;
    return new VectorIndex(dim, {
      ...this.params!,
      annThreshold: v.annThreshold,
      exactLimit: v.exactLimit,
      host: v.host,
      budget: v.budget,
      onWarning: (m) => v.onWarning(`collection table ${this.name}: ${m}`),
    });
  }

  private startLoad(): void {
    if (this.loading) return;
    this.loading = this.mutex
      .run(async () => {
        await this.open();
        if (this.dropped || !this.table || this.index) return;
        const index = this.newIndex(this.dim);
        try {
          await loadRecords(this.table, index);
        } catch (err) {
          index.close();
          throw err;
        }
        this.index = index;
      })
      .catch((err: unknown) => {
        // Reads keep running in LanceDB; the next configure() tries again.
        this.loading = null;
        this.params = null;
        this.deps.vectors?.onWarning(`collection table ${this.name}: loading records into memory failed: ${String(err)}`);
      });
  }

  /** Resolves once the in-memory copy is loaded (or loading failed / is not used). */
  async ready(): Promise<void> {
    await this.loading;
  }

  // ---- lifecycle -------------------------------------------------------------------------

  private open(): Promise<void> {
    this.opened ??= (async () => {
      if (!this.mayExist) return;
      let table: Table;
      try {
        table = await this.deps.db.openTable(this.name);
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
      await this.adopt(table);
      const last = await table
        .query()
        .select(["seq"])
        .withRowId()
        .orderBy({ columnName: "seq", ascending: false })
        .limit(1)
        .toArrow();
      const seq = last.numRows > 0 ? (last.getChild("seq")!.get(0) as bigint) : -1n;
      this.nextSeq = BigInt(seq) + 1n;
    })().catch((err: unknown) => {
      // A failed open (e.g. a transient object-store error) is retried by the next call.
      this.opened = null;
      this.table = null;
      throw err;
    });
    return this.opened;
  }

  private async adopt(table: Table): Promise<void> {
    this.table = table;
    await this.refreshSchema();
  }

  private async refreshSchema(): Promise<void> {
    const schema = await this.table!.schema();
    this.schema = schema;
    this.columns = new Set(schema.fields.map((f) => f.name).filter((n) => TYPED_COLUMN.test(n)));
    const emb = schema.fields.find((f) => f.name === "embedding");
    this.dim = emb ? (emb.type as ArrowModule.FixedSizeList).listSize : 0;
  }

  /** The table for reading, or null if there is nothing to read. */
  private async readable(): Promise<Table | null> {
    if (this.dropped) return null;
    await this.open();
    return this.table;
  }

  /** Drops the table; callers are the storage (dropRecords / reset). */
  async drop(): Promise<void> {
    await this.mutex.run(async () => {
      await this.open().catch(() => undefined);
      this.dropped = true;
      this.index?.close();
      this.index = null;
      const table = this.table;
      this.table = null;
      table?.close();
      try {
        await this.deps.db.dropTable(this.name);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    });
  }

  /** Forgets the table without touching storage (the storage dropped everything). */
  async detach(): Promise<void> {
    await this.mutex.run(async () => {
      this.dropped = true;
      this.index?.close();
      this.index = null;
      this.table?.close();
      this.table = null;
    });
  }

  // ---- reads -----------------------------------------------------------------------------

  async count(): Promise<number> {
    if (this.index && !this.dropped) return this.index.live;
    const table = await this.readable();
    return table ? table.countRows() : 0;
  }

  async indexingStatus(): Promise<{ indexed: number; unindexed: number }> {
    if (this.index && !this.dropped) return this.index.status();
    const n = await this.count();
    // Still loading into memory: nothing is searchable through the index yet. Without the
    // in-memory index every search is an exact LanceDB scan, so nothing waits for indexing.
    return this.deps.vectors && this.params ? { indexed: 0, unindexed: n } : { indexed: n, unindexed: 0 };
  }

  async fetch(ids: string[]): Promise<StoredRecord[]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    const index = this.index;
    if (index && !this.dropped) {
      // Ids not in memory do not exist: the common add of fresh ids never reaches LanceDB.
      const known = unique.filter((id) => index.store.slotOfId(id) !== undefined);
      const fromMemory = known.map((id) => this.recordFromMemory(index, id));
      if (fromMemory.every((r) => r !== undefined)) return fromMemory as StoredRecord[];
      return this.fetchFromLance(known);
    }
    return this.fetchFromLance(unique);
  }

  /** A full record from memory, or undefined when its payload is not cached. */
  private recordFromMemory(index: VectorIndex, id: string): StoredRecord | undefined {
    const slot = index.store.slotOfId(id);
    if (slot === undefined) return undefined;
    const p = index.store.payload(slot);
    if (!p) return undefined;
    return {
      id,
      embedding: index.store.vector(slot),
      document: p.document,
      uri: p.uri,
      metadata: p.metadataJson === null ? null : (JSON.parse(p.metadataJson) as Metadata),
    };
  }

  /** Full records for unique ids, from LanceDB, in the order of `unique`. */
  private async fetchFromLance(unique: string[]): Promise<StoredRecord[]> {
    const table = await this.readable();
    if (!table || unique.length === 0) return [];
    const found = new Map<string, StoredRecord>();
    for (let i = 0; i < unique.length; i += ID_CHUNK) {
      const result = await table
        .query()
        .where(compileIds(unique.slice(i, i + ID_CHUNK)))
        .select([...BASE_COLUMNS].filter((c) => c !== "seq" && c !== "norm"))
        .toArrow();
      for (const view of toViews(result, ALL, this.dim)) {
        found.set(view.id, {
          id: view.id,
          embedding: view.embedding!,
          document: view.document ?? null,
          uri: view.uri ?? null,
          metadata: view.metadata ?? null,
        });
      }
    }
    // In the order of `ids`, each id once (a repeated id is one record, as upstream answers).
    const out: StoredRecord[] = [];
    for (const id of unique) {
      const r = found.get(id);
      if (r) out.push(r);
    }
    return out;
  }

  async find(filter: RecordFilter, page: { offset: number; limit?: number }, projection: Projection): Promise<RecordView[]> {
    // Patterns are checked as given, before the compiled SQL (which adds a flag) ever runs.
    await this.deps.validatePatterns(regexPatterns(filter));
    if (page.limit !== undefined && page.limit <= 0) return [];
    if (isIdsOnly(filter) && this.index && !this.dropped) {
      const fromMemory = this.findIdsInMemory(this.index, filter.ids!, page, projection);
      if (fromMemory) return fromMemory;
    }
    const table = await this.readable();
    if (!table) return [];
    const where = compileFilter(filter, this.columns);
    let q = table.query();
    if (where !== undefined) q = q.where(where);
    // orderBy with a projection needs the row id in the plan (LanceDB's take step); it is dropped below.
    q = q.select(projectedColumns(projection)).withRowId().orderBy({ columnName: "seq", ascending: true });
    if (page.offset > 0) q = q.offset(page.offset);
    if (page.limit !== undefined) q = q.limit(page.limit);
    const result = await run(() => q.toArrow(), filter);
    return toViews(result, projection, this.dim);
  }

  async nearest(
    queries: Float32Array[],
    k: number,
    space: DistanceSpace,
    filter: RecordFilter,
    projection: Projection,
  ): Promise<Neighbor[][]> {
    await this.deps.validatePatterns(regexPatterns(filter));
    if (queries.length === 0 || k <= 0) return queries.map(() => []);
    const index = this.index;
    if (index && !this.dropped && index.space === space) return this.nearestInMemory(index, queries, k, filter, projection);
    const table = await this.readable();
    if (!table) return queries.map(() => []);
    // A k far beyond the table (clients send n_results in the millions) must not size LanceDB's top-k.
    k = Math.min(k, await table.countRows());
    if (k === 0) return queries.map(() => []);
    const where = compileFilter(filter, this.columns);
    const columns = projectedColumns(projection);
    const out: Neighbor[][] = queries.map(() => []);

    // Cosine is undefined for zero vectors; LanceDB drops them (NaN), upstream (which
    // normalizes vectors and ranks by inner product) gives them distance 1 - 0 = 1.
    let zeroRows: Neighbor[] = [];
    let searchWhere = where;
    const searched: number[] = [];
    if (space === "cosine") {
      if (await this.hasZeroNorms(table)) {
        searchWhere = andPredicates(where, "`norm` > 0.0");
        zeroRows = await this.distanceOneRows(table, andPredicates(where, "`norm` = 0.0"), k, columns, projection, filter);
      }
      let zeroQueryRows: Neighbor[] | null = null;
      for (let i = 0; i < queries.length; i++) {
        if (norm(queries[i]) > 0) searched.push(i);
        else out[i] = zeroQueryRows ??= await this.distanceOneRows(table, where, k, columns, projection, filter);
      }
    } else {
      for (let i = 0; i < queries.length; i++) searched.push(i);
    }

    if (searched.length > 0) {
      let q = table.vectorSearch(queries[searched[0]]);
      for (const i of searched.slice(1)) q = q.addQueryVector(queries[i]);
      // No ANN index exists yet, so this is an exact scan; the distance is computed by LanceDB:
      // l2 is squared euclidean, cosine is 1 - cos, dot is 1 - a.b, i.e. upstream's three spaces.
      q = q.column("embedding").distanceType(LANCE_DISTANCE[space]).limit(k);
      if (searchWhere !== undefined) q = q.where(searchWhere);
      q = q.select([...columns, "_distance"]);
      const result = await run(() => q.toArrow(), filter);
      const views = toViews(result, projection, this.dim);
      const distances = result.getChild("_distance")!;
      const queryIndex = result.getChild("query_index");
      for (let r = 0; r < views.length; r++) {
        const slot = searched[queryIndex ? Number(queryIndex.get(r)) : 0];
        out[slot].push({ ...views[r], distance: Number(distances.get(r)) });
      }
    }
    for (const i of searched) {
      const merged = zeroRows.length > 0 ? out[i].concat(zeroRows.map((r) => ({ ...r }))) : out[i];
      // Stable: LanceDB breaks distance ties by row id, which we keep.
      merged.sort((a, b) => a.distance - b.distance);
      out[i] = merged.length > k ? merged.slice(0, k) : merged;
    }
    return out;
  }

  /**
   * k-NN from memory: the filter (if any) still runs inside LanceDB, which answers only the
   * seqs of the matching records; they are then ranked in memory (see VectorIndex.search).
   */
  private async nearestInMemory(
    index: VectorIndex,
    queries: Float32Array[],
    k: number,
    filter: RecordFilter,
    projection: Projection,
  ): Promise<Neighbor[][]> {
    let candidates: Int32Array | null = null;
    if (filter.ids !== undefined || filter.where !== undefined || filter.whereDocument !== undefined) {
      candidates = await this.matchingSlots(index, filter);
      if (candidates.length === 0) return queries.map(() => []);
    }
    const hits = await index.search(queries, Math.min(k, candidates ? candidates.length : index.live), candidates);
    return this.hydrate(index, hits, projection);
  }

  /** Slots of the records matching a filter: ids from memory, anything else via LanceDB. */
  private async matchingSlots(index: VectorIndex, filter: RecordFilter): Promise<Int32Array> {
    const store = index.store;
    if (isIdsOnly(filter)) return idSlots(index, filter.ids!);
    const table = await this.readable();
    if (!table) return new Int32Array(0);
    const where = compileFilter(filter, this.columns);
    if (where === undefined) return store.liveSlots();
    const result = await run(() => table.query().where(where).select(["seq"]).toArrow(), filter);
    if (result.numRows === 0) return new Int32Array(0);
    const out = new Int32Array(result.numRows);
    let n = 0;
    for (const chunk of result.getChild("seq")!.data) {
      const seqs = chunk.values as BigInt64Array;
      for (let i = 0; i < chunk.length; i++) {
        // A record deleted since LanceDB answered is simply not a candidate any more.
        const slot = store.slotOfSeq(Number(seqs[chunk.offset + i]));
        if (slot !== undefined) out[n++] = slot;
      }
    }
    return out.subarray(0, n);
  }

  /** Search hits as Neighbors with the projected columns, from memory where cached. */
  private async hydrate(index: VectorIndex, hits: Hit[][], projection: Projection): Promise<Neighbor[][]> {
    const store = index.store;
    const payload = projection.documents || projection.uris || projection.metadatas;
    const missing = new Set<string>();
    const out: Neighbor[][] = hits.map((list) =>
      list.map((h) => {
        const n: Neighbor = { id: h.id, distance: h.distance };
        const current = store.isLive(h.slot) && store.idOf(h.slot) === h.id;
        if (projection.embeddings) {
          if (current) n.embedding = store.vector(h.slot);
          else missing.add(h.id);
        }
        if (payload) {
          const p = current ? store.payload(h.slot) : undefined;
          if (!p) missing.add(h.id);
          else {
            if (projection.documents) n.document = p.document;
            if (projection.uris) n.uri = p.uri;
            if (projection.metadatas) n.metadata = p.metadataJson === null ? null : (JSON.parse(p.metadataJson) as Metadata);
          }
        }
        return n;
      }),
    );
    if (missing.size === 0) return out;
    // Payloads that did not fit the memory budget (or records replaced meanwhile) come from LanceDB.
    const rows = new Map((await this.fetchFromLance([...missing])).map((r) => [r.id, r]));
    return out.map((list) =>
      list.flatMap((n) => {
        if (!missing.has(n.id)) return [n];
        const r = rows.get(n.id);
        // Deleted since the search ran: no longer a result.
        if (!r) return [];
        if (projection.embeddings) n.embedding ??= r.embedding;
        if (projection.documents) n.document = r.document;
        if (projection.uris) n.uri = r.uri;
        if (projection.metadatas) n.metadata = r.metadata;
        return [n];
      }),
    );
  }

  /** An ids-only get from memory: insertion order, paged; undefined if a payload is not cached. */
  private findIdsInMemory(index: VectorIndex, ids: string[], page: { offset: number; limit?: number }, projection: Projection): RecordView[] | undefined {
    const store = index.store;
    const slots: number[] = [];
    for (const id of ids) {
      const slot = store.slotOfId(id);
      if (slot !== undefined) slots.push(slot);
    }
    slots.sort((a, b) => store.seqOf(a) - store.seqOf(b));
    const end = page.limit === undefined ? slots.length : page.offset + page.limit;
    const picked = slots.slice(page.offset, end);
    const payload = projection.documents || projection.uris || projection.metadatas;
    const out: RecordView[] = [];
    for (const slot of picked) {
      const view: RecordView = { id: store.idOf(slot) };
      if (projection.embeddings) view.embedding = store.vector(slot);
      if (payload) {
        const p = store.payload(slot);
        if (!p) return undefined;
        if (projection.documents) view.document = p.document;
        if (projection.uris) view.uri = p.uri;
        if (projection.metadatas) view.metadata = p.metadataJson === null ? null : (JSON.parse(p.metadataJson) as Metadata);
      }
      out.push(view);
    }
    return out;
  }

  /** The first k matching rows in insertion order, at distance 1 (cosine against a zero vector). */
  private async distanceOneRows(
    table: Table,
    where: string | undefined,
    k: number,
    columns: string[],
    projection: Projection,
    filter: RecordFilter,
  ): Promise<Neighbor[]> {
    let q = table.query();
    if (where !== undefined) q = q.where(where);
    q = q.select(columns).withRowId().orderBy({ columnName: "seq", ascending: true }).limit(k);
    const result = await run(() => q.toArrow(), filter);
    return toViews(result, projection, this.dim).map((v) => ({ ...v, distance: 1 }));
  }

  private async hasZeroNorms(table: Table): Promise<boolean> {
    this.zeroNorms ??= (await table.countRows("`norm` = 0.0")) > 0;
    return this.zeroNorms;
  }

  // ---- writes ----------------------------------------------------------------------------

  async write(records: StoredRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.mutex.run(async () => {
      if (this.dropped) throw new Error(`collection table ${this.name} was dropped`);
      await this.open();
      const batch = lastWins(records);
      const dim = batch[0].embedding.length;
      for (const r of batch) {
        if (r.embedding.length !== dim) throw new Error(`embedding dimension ${r.embedding.length} in a batch of dimension ${dim}`);
      }
      if (!this.table) await this.create(dim);
      else if (dim !== this.dim) throw new Error(`embedding dimension ${dim} does not match the collection's ${this.dim}`);
      await this.ensureColumns(batch);
      const index = this.index;
      const { seqs, replaced } = index ? this.seqsFromMemory(index, batch) : await this.assignSeqs(batch);
      const { data, metadataJson } = this.build(batch, seqs);
      if (replaced === 0) {
        await this.table!.add(data);
      } else {
        await this.table!.mergeInsert("id").whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data);
      }
      for (const s of seqs) if (s >= this.nextSeq) this.nextSeq = s + 1n;
      if (this.zeroNorms === false && batch.some((r) => norm(r.embedding) === 0)) this.zeroNorms = true;
      // Durable in LanceDB: now visible in memory (and queued for the ANN index).
      if (index && this.index === index) {
        const entries: Entry[] = new Array(batch.length);
        for (let i = 0; i < batch.length; i++) {
          const r = batch[i];
          // Versions matter once graphs are saved (not yet wired here): 0 until rows carry one.
          entries[i] = { id: r.id, seq: Number(seqs[i]), version: 0, vector: r.embedding, payload: { document: r.document, uri: r.uri, metadataJson: metadataJson[i] } };
        }
        index.put(entries);
      }
    });
    this.maintenance.noteWrite();
  }

  async delete(filter: RecordFilter): Promise<number> {
    await this.deps.validatePatterns(regexPatterns(filter));
    const deleted = await this.mutex.run(async () => {
      if (this.dropped) return 0;
      await this.open();
      if (!this.table) return 0;
      const table = this.table;
      const where = compileFilter(filter, this.columns) ?? "true";
      // Under the lock, the records matching now are exactly the ones the delete removes.
      const index = this.index;
      const slots = index ? (isIdsOnly(filter) ? idSlots(index, filter.ids!) : await this.matchingSlots(index, filter)) : null;
      const result = await run(() => table.delete(where), filter);
      if (index && slots && this.index === index) index.remove(slots);
      return result.numDeletedRows;
    });
    if (deleted > 0) this.maintenance.noteWrite();
    return deleted;
  }

  /**
   * Scalar indices once the table is big enough for them to matter: a BTREE on id (every
   * fetch, delete and ids filter looks ids up) and on the typed metadata columns, so a filter
   * on them (evaluated by LanceDB for every filtered query) is an index lookup, not a scan of
   * the column. Rows written later are folded in by optimize(); until then LanceDB scans them.
   */
  private async ensureIndices(table: Table): Promise<void> {
    const wanted = ["id", ...[...this.columns].sort()].slice(0, 1 + MAX_SCALAR_INDEXES);
    if (wanted.every((c) => this.indexedColumns.has(c))) return;
    for (const i of await table.listIndices()) if (i.columns.length === 1) this.indexedColumns.add(i.columns[0]);
    const missing = wanted.filter((c) => !this.indexedColumns.has(c));
    if (missing.length === 0) return;
    if ((await table.countRows()) < ID_INDEX_MIN_ROWS) return;
    for (const column of missing) {
      await table.createIndex(column, { config: Index.btree() });
      this.indexedColumns.add(column);
    }
  }

  /** Runs compaction + cleanup now (tests and shutdown paths; normally it runs in the background). */
  async optimize(): Promise<void> {
    await this.maintenance.optimizeNow();
  }

  private async create(dim: number): Promise<void> {
    if (dim <= 0) throw new Error("cannot store records without embeddings");
    const table = await this.deps.db.createEmptyTable(this.name, baseSchema(dim), { mode: "create", existOk: true });
    await this.adopt(table);
    if (this.dim !== dim) throw new Error(`embedding dimension ${dim} does not match the collection's ${this.dim}`);
    this.nextSeq = 0n;
    this.zeroNorms = false;
    // A new table has nothing to load: its in-memory index starts empty, ready.
    if (this.deps.vectors && this.params && !this.index) this.index = this.newIndex(dim);
  }

  private namesFor(key: string): Record<MetadataKind, string> {
    let names = this.columnNames.get(key);
    if (!names) {
      names = { s: metadataColumn("s", key), n: metadataColumn("n", key), b: metadataColumn("b", key) };
      this.columnNames.set(key, names);
    }
    return names;
  }

  /** Schema evolution: a typed column for every (key, type) this batch brings for the first time. */
  private async ensureColumns(batch: StoredRecord[]): Promise<void> {
    const missing = new Set<string>();
    for (const r of batch) {
      if (!r.metadata) continue;
      for (const key in r.metadata) {
        const name = this.namesFor(key)[kindOf(r.metadata[key])];
        if (!this.columns.has(name)) missing.add(name);
      }
    }
    if (missing.size === 0) return;
    // A Schema (not SQL expressions) adds all-null columns without computing a value per row.
    await this.table!.addColumns(new arrow.Schema([...missing].map(typedField)));
    await this.refreshSchema();
  }

  /** assignSeqs answered from memory, where every live id is known with its seq. */
  private seqsFromMemory(index: VectorIndex, batch: StoredRecord[]): { seqs: BigInt64Array; replaced: number } {
    const seqs = new BigInt64Array(batch.length);
    let next = this.nextSeq;
    let replaced = 0;
    for (let i = 0; i < batch.length; i++) {
      const slot = index.store.slotOfId(batch[i].id);
      if (slot === undefined) seqs[i] = next++;
      else {
        seqs[i] = BigInt(index.store.seqOf(slot));
        replaced++;
      }
    }
    return { seqs, replaced };
  }

  /** Existing ids keep their seq; new ones get the next seqs in batch order. */
  private async assignSeqs(batch: StoredRecord[]): Promise<{ seqs: BigInt64Array; replaced: number }> {
    const existing = new Map<string, bigint>();
    if (this.nextSeq > 0n) {
      for (let i = 0; i < batch.length; i += ID_CHUNK) {
        const ids = batch.slice(i, i + ID_CHUNK).map((r) => r.id);
        const found = await this.table!.query().where(compileIds(ids)).select(["id", "seq"]).toArrow();
        const foundIds = readStrings(found, "id");
        const foundSeqs = found.getChild("seq")!;
        for (let j = 0; j < foundIds.length; j++) existing.set(foundIds[j]!, BigInt(foundSeqs.get(j) as bigint));
      }
    }
    const seqs = new BigInt64Array(batch.length);
    let next = this.nextSeq;
    for (let i = 0; i < batch.length; i++) seqs[i] = existing.get(batch[i].id) ?? next++;
    return { seqs, replaced: existing.size };
  }

  /** The batch as Arrow columns built directly from typed arrays, in the table's full schema. */
  private build(batch: StoredRecord[], seqs: BigInt64Array): { data: ArrowModule.Table; metadataJson: (string | null)[] } {
    const n = batch.length;
    const dim = this.dim;
    const flat = new Float32Array(n * dim);
    const norms = new Float32Array(n);
    const ids = new Array<string>(n);
    const documents = new Array<string | null>(n);
    const uris = new Array<string | null>(n);
    const metadataJson = new Array<string | null>(n);
    const typed = new Map<string, (string | number | boolean | null)[]>();
    for (let i = 0; i < n; i++) {
      const r = batch[i];
      ids[i] = r.id;
      flat.set(r.embedding, i * dim);
      norms[i] = norm(r.embedding);
      documents[i] = r.document;
      uris[i] = r.uri;
      metadataJson[i] = r.metadata ? JSON.stringify(r.metadata) : null;
      if (!r.metadata) continue;
      for (const key in r.metadata) {
        const value = r.metadata[key];
        const name = this.namesFor(key)[kindOf(value)];
        let column = typed.get(name);
        if (!column) typed.set(name, (column = new Array(n).fill(null)));
        column[i] = value;
      }
    }
    const schema = this.schema!;
    const embType = schema.fields.find((f) => f.name === "embedding")!.type;
    const columns = new Map<string, ArrowModule.Data>([
      ["id", utf8Data(ids)],
      ["seq", int64Data(seqs)],
      ["embedding", arrow.makeData({ type: embType, length: n, nullCount: 0, child: float32Data(flat) })],
      ["norm", float32Data(norms)],
      ["document", utf8Data(documents)],
      ["uri", utf8Data(uris)],
      ["metadata_json", utf8Data(metadataJson)],
    ]);
    for (const [name, values] of typed) {
      const kind = name[0];
      columns.set(
        name,
        kind === "s" ? utf8Data(values as (string | null)[]) : kind === "n" ? float64Data(values as (number | null)[]) : boolAsInt8Data(values as (boolean | null)[]),
      );
    }
    // Columns this batch does not set are written as nulls: a replaced record must not keep
    // the old record's typed values.
    return { data: tableFromColumns(schema, n, columns), metadataJson };
  }
}

const ALL: Projection = { embeddings: true, documents: true, uris: true, metadatas: true };

/** A filter on ids alone, which memory answers without LanceDB. */
function isIdsOnly(filter: RecordFilter): boolean {
  return filter.ids !== undefined && filter.where === undefined && filter.whereDocument === undefined;
}

/** Slots of the ids that exist. */
function idSlots(index: VectorIndex, ids: readonly string[]): Int32Array {
  const out: number[] = [];
  for (const id of ids) {
    const slot = index.store.slotOfId(id);
    if (slot !== undefined) out.push(slot);
  }
  return Int32Array.from(out);
}

function projectedColumns(p: Projection): string[] {
  const cols = ["id"];
  if (p.embeddings) cols.push("embedding");
  if (p.documents) cols.push("document");
  if (p.uris) cols.push("uri");
  if (p.metadatas) cols.push("metadata_json");
  return cols;
}

function norm(v: Float32Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** One record per id (the last one given), at the position of the id's first occurrence. */
function lastWins(records: StoredRecord[]): StoredRecord[] {
  const seen = new Map<string, number>();
  const out: StoredRecord[] = [];
  for (const r of records) {
    const at = seen.get(r.id);
    if (at === undefined) {
      seen.set(r.id, out.length);
      out.push(r);
    } else {
      out[at] = r;
    }
  }
  return out;
}

/** Executes a LanceDB call, turning the regex engine's rejections into InvalidPatternError. */
async function run<T>(fn: () => Promise<T>, filter: RecordFilter): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const detail = regexParseDetail(err);
    if (detail === undefined) throw err;
    const patterns = regexPatterns(filter);
    throw new InvalidPatternError(patterns.find((p) => detail.includes(p.split("\n")[0])) ?? patterns[0] ?? "", detail);
  }
}

/** Result rows as RecordViews; columns outside the projection stay undefined. */
function toViews(result: ArrowModule.Table, projection: Projection, dim: number): RecordView[] {
  const n = result.numRows;
  // LanceDB answers a query that matched nothing with a table that has no columns at all.
  if (n === 0) return [];
  const ids = readStrings(result, "id");
  const views: RecordView[] = new Array(n);
  for (let i = 0; i < n; i++) views[i] = { id: ids[i]! };
  if (projection.documents) readStrings(result, "document").forEach((d, i) => (views[i].document = d));
  if (projection.uris) readStrings(result, "uri").forEach((u, i) => (views[i].uri = u));
  if (projection.metadatas) {
    readStrings(result, "metadata_json").forEach((m, i) => (views[i].metadata = m === null ? null : (JSON.parse(m) as Metadata)));
  }
  if (projection.embeddings) {
    let row = 0;
    for (const chunk of result.getChild("embedding")!.data) {
      const child = chunk.children[0];
      const values = child.values as Float32Array;
      for (let i = 0; i < chunk.length; i++, row++) {
        const start = child.offset + i * dim;
        views[row].embedding = values.slice(start, start + dim);
      }
    }
  }
  return views;
}
