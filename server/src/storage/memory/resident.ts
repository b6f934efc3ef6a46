/**
 * A collection resident in process memory: every live record (vector, id, seq and, while the
 * payload budget allows, document / uri / metadata) in a VectorIndex, answering id lookups,
 * ids-only reads, counts and k-NN searches without LanceDB. It never calls LanceDB: it is filled
 * and kept in step by the collection composer (storage/collection.ts), which writes LanceDB
 * first and then applies the same change here.
 */
import { parseJson } from "../../util/json.js";
import type { IndexParams, Metadata, Neighbor, Projection, RecordFilter, RecordView, SeqMeasure, SparseTerms, StoredRecord } from "../storage.js";
import { AnnWorkerHost, type AnnHost } from "./ann-worker-host.js";
import { FilterColumns } from "./filter-columns.js";
import type { GraphSaver, IndexLog } from "./graph-persistence.js";
import { compileRecordFilter, NotResident, type FilterSource } from "./record-filter.js";
import { MemoryBudget, type ContentStamp, type Payload } from "./slots.js";
import { SparseIndex } from "./sparse-index.js";
import type { VectorFile } from "./vector-file.js";
import { VectorIndex, type Entry, type Hit, type LoadOutcome } from "./vector-index.js";

export interface MemoryOptions {
  /** false: no records in memory, every search is an exact scan inside LanceDB. */
  enabled?: boolean;
  /** false: no HNSW graphs (no worker thread), in-memory searches are exact scans. */
  ann?: boolean;
  /** Collections smaller than this are searched exactly, without a graph. */
  annThreshold?: number;
  /** Prefiltered searches over at most this many records are exact scans. */
  exactLimit?: number;
  /**
   * The lowest ef a graph search uses, whatever the collection's ef_search says (default:
   * `efFloor`).
   */
  minEf?: number;
  /** Bytes of documents / uris / metadata kept in memory across all collections. */
  payloadCacheBytes?: number;
  /**
   * Graph searches traverse int8 copies of the vectors and re-rank their ef best with the exact
   * distance (default false): about half the CPU per search, for dim + 8 bytes more memory per
   * graph node (the server's `quantized_search` setting).
   */
  quantized?: boolean;
  onWarning?: (message: string) => void;
}

/**
 * Defaults, measured on 2 cores (docs/performance.md): an exact typed-array scan of 16k x 384
 * floats takes ~6 ms, about what a filtered graph search costs, and below 2,048 records a
 * scan (< 1 ms) beats keeping a graph.
 */
const DEFAULTS = { annThreshold: 2048, exactLimit: 16_384, payloadCacheBytes: 512 * 1024 * 1024 };

/**
 * The default search ef floor (upstream searches with the collection's ef_search, 100 by
 * default). A graph built by parallel inserts differs from run to run, so the floor is what
 * measured recall asks for. At 100k x 384 (M 16, ef_construction 100, the level-1 beam;
 * `npx tsx server/bench/upper-beam.ts --graph FILE`; recall@10 over 200 of `make bench`'s
 * queries, its 50 recall queries in brackets): full l2 ef 100 0.9935 (0.990), 128 0.9965
 * (0.996), 160 0.9980 (0.996); uniform ip, where every ef buys recall and searches cost most,
 * ef 100 0.124 (0.132; the reference 0.136 at its ef 100), 128 0.148 (0.158), 160 0.180 (0.198),
 * with ~29 % less CPU per search at 128 than at 160 (778 vs 1098 us, busy machine).
 * Larger collections used a floor of 160 until the server's own 1M x 384 graph was measured
 * (`npx tsx server/bench/upper-beam.ts --from-dir KEPT --query-seed 1000004 --queries 500
 * --ef 100,112,128,144,160 --upper 16`, bench-cases' subspace l2 data): recall@10 is flat in ef
 * there, 0.9516 / 0.9534 / 0.9536 at ef 100 / 128 / 160 (the reference 0.930), while CPU per search
 * is 443 / 510 / 605 us: what a 1M graph misses, it misses by regions that ef 100-160 does not reach
 * (11 of 500 queries find none of their 10 at each; 7 still at ef 400), so 160 bought nothing for
 * 19 % more CPU than 128.
 */
export function efFloor(_records: number): number {
  return 128;
}

/** What every resident collection of one storage shares: the ANN worker and the payload budget. */
export class Memory {
  private constructor(
    /** Where HNSW graphs are built; null = exact in-memory search only. */
    readonly host: AnnHost | null,
    readonly budget: MemoryBudget,
    readonly annThreshold: number,
    readonly exactLimit: number,
    /** The lowest ef a graph search of a collection of this many records uses. */
    readonly minEf: (records: number) => number,
    readonly onWarning: (message: string) => void,
    /** Graph searches traverse int8 copies of the vectors (MemoryOptions.quantized). */
    readonly quantized: boolean,
  ) {}

  /** null when records are not to be kept in memory at all. */
  static open(options: MemoryOptions = {}): Memory | null {
    if (options.enabled === false) return null;
    const fixedMinEf = options.minEf;
    return new Memory(
      options.ann === false ? null : new AnnWorkerHost(),
      new MemoryBudget(options.payloadCacheBytes ?? DEFAULTS.payloadCacheBytes),
      options.annThreshold ?? DEFAULTS.annThreshold,
      options.exactLimit ?? DEFAULTS.exactLimit,
      fixedMinEf === undefined ? efFloor : () => fixedMinEf,
      options.onWarning ?? ((m) => console.warn(`chromaspec: ${m}`)),
      options.quantized ?? false,
    );
  }

  /**
   * An empty resident collection; `label` names it in warnings. `graphs` is where its graph is
   * saved (none: never), `log` where its graph's start-up, progress and saves are reported.
   */
  collection(dim: number, params: IndexParams, label: string, extras: { graphs?: GraphSaver | null; log?: IndexLog } = {}): ResidentCollection {
    return new ResidentCollection(
      params.sparseKeys ?? [],
      new VectorIndex(dim, {
        ...params,
        minEf: this.minEf,
        annThreshold: this.annThreshold,
        exactLimit: this.exactLimit,
        host: this.host,
        quantized: this.quantized,
        budget: this.budget,
        graphs: extras.graphs,
        log: extras.log,
        onWarning: (m) => this.onWarning(`collection table ${label}: ${m}`),
      }),
    );
  }

  /** Whether collections get graphs at all (and so whether saving them means anything). */
  get graphs(): boolean {
    return this.host !== null;
  }

  async close(): Promise<void> {
    if (this.host instanceof AnnWorkerHost) await this.host.close();
  }
}

/**
 * A record to put in memory: id, seq, vector and payload (document, uri, metadata as the JSON
 * text LanceDB stores), plus its sparse vectors on the collection's sparse-indexed keys and its
 * metadata as an object when the writer has it (else it is parsed from the payload's JSON).
 */
export type ResidentRecord = Entry & { sparse?: ReadonlyMap<string, SparseTerms>; metadata?: Metadata | null };

export class ResidentCollection {
  /** One inverted index per sparse-indexed metadata key, over slots, kept in step with `index`. */
  private readonly sparse = new Map<string, SparseIndex>();
  /**
   * Every live record's metadata by slot, whatever the payload budget: filters are evaluated
   * here (record-filter.ts) rather than in LanceDB.
   */
  private readonly metadata: FilterColumns;
  /**
   * A load's records came without their metadata (loadVectors), which follows (loadPayloads):
   * until payloadsLoaded, filters are declined here (LanceDB evaluates them).
   */
  private metadataPending = false;
  /** matchingSlots' scratch: the live slots, then the matches among them (reused: the matching is synchronous). */
  private liveScratch = new Int32Array(0);
  private readonly filterSource: FilterSource;

  constructor(
    sparseKeys: readonly string[],
    private readonly index: VectorIndex,
  ) {
    for (const key of sparseKeys) this.sparse.set(key, new SparseIndex());
    const store = index.store;
    this.metadata = new FilterColumns(
      (slot) => store.metadataJson(slot),
      (json) => parseJson(json) as Metadata,
      (slot) => store.hasPayload(slot),
    );
    this.filterSource = {
      column: (key) => this.metadata.column(key),
      codeOf: (value) => this.metadata.codeOf(value),
      document: (slot) => store.document(slot),
      slotOfId: (id) => store.slotOfId(id),
    };
  }

  get dimension(): number {
    return this.index.store.dim;
  }

  get count(): number {
    return this.index.live;
  }

  /** Count, highest seq and highest version of the live records (compared with LanceDB's by the composer). */
  contentStamp(): ContentStamp {
    return this.index.store.contentStamp();
  }

  status(): { indexed: number; unindexed: number } {
    return this.index.status();
  }

  setEfSearch(efSearch: number): void {
    this.index.setEfSearch(efSearch);
  }

  // ---- lookups ----------------------------------------------------------------------------

  has(id: string): boolean {
    return this.index.store.slotOfId(id) !== undefined;
  }

  /** Whether `id` is held as stamped with `version` (a catch-up need not apply it again). */
  holds(id: string, version: number): boolean {
    const store = this.index.store;
    const slot = store.slotOfId(id);
    return slot !== undefined && store.versionOf(slot) === version;
  }

  /** Slots of the live records whose id is not in `ids` (records deleted by another process). */
  slotsNotIn(ids: ReadonlySet<string>): Int32Array {
    const store = this.index.store;
    // The ids' slots marked, not each live slot's id looked up: that would make a string per slot.
    const kept = new Uint8Array(store.slotLimit);
    for (const id of ids) {
      const slot = store.slotOfId(id);
      if (slot !== undefined) kept[slot] = 1;
    }
    return store.liveSlots().filter((slot) => kept[slot] === 0);
  }

  /** Existing ids keep their seq; new ones get seqs from `next` on, in batch order. */
  assignSeqs(records: readonly StoredRecord[], next: number): { seqs: Float64Array; replaced: number } {
    const store = this.index.store;
    const seqs = new Float64Array(records.length);
    let replaced = 0;
    for (let i = 0; i < records.length; i++) {
      const slot = store.slotOfId(records[i].id);
      if (slot === undefined) seqs[i] = next++;
      else {
        seqs[i] = store.seqOf(slot);
        replaced++;
      }
    }
    return { seqs, replaced };
  }

  /** Slots of the ids that exist. */
  slotsOfIds(ids: readonly string[]): Int32Array {
    const store = this.index.store;
    const out: number[] = [];
    for (const id of ids) {
      const slot = store.slotOfId(id);
      if (slot !== undefined) out.push(slot);
    }
    return Int32Array.from(out);
  }

  /** Slots of the seqs that are still live (a record deleted meanwhile is simply left out). */
  slotsOfSeqs(seqs: Float64Array): Int32Array {
    const store = this.index.store;
    const out = new Int32Array(seqs.length);
    let n = 0;
    for (let i = 0; i < seqs.length; i++) {
      const slot = store.slotOfSeq(seqs[i]);
      if (slot !== undefined) out[n++] = slot;
    }
    return out.subarray(0, n);
  }

  /** Seqs of slots (in the given order). */
  seqsOfSlots(slots: Int32Array): Float64Array {
    const store = this.index.store;
    return Float64Array.from(slots, (s) => store.seqOf(s));
  }

  liveSlots(): Int32Array {
    return this.index.store.liveSlots();
  }

  /**
   * Full records for unique ids, in their order, missing ids skipped; `complete` is false when a
   * payload is not cached (then `known` lists the ids that exist, to read elsewhere).
   */
  records(unique: readonly string[]): { known: string[]; records: StoredRecord[]; complete: boolean } {
    const store = this.index.store;
    const known: string[] = [];
    const slots: number[] = [];
    for (const id of unique) {
      const slot = store.slotOfId(id);
      if (slot === undefined) continue;
      known.push(id);
      slots.push(slot);
    }
    const records: StoredRecord[] = [];
    for (let i = 0; i < known.length; i++) {
      const p = store.payload(slots[i]);
      if (!p) return { known, records: [], complete: false };
      records.push({ id: known[i], embedding: store.vector(slots[i]), document: p.document, uri: p.uri, metadata: parseMetadata(p.metadataJson) });
    }
    return { known, records, complete: true };
  }

  /** An ids-only get: insertion order, paged; undefined when a needed payload is not cached. */
  views(ids: readonly string[], page: { offset: number; limit?: number }, projection: Projection): RecordView[] | undefined {
    return this.viewsOfSlots(this.slotsOfIds(ids), page, projection);
  }

  /** Views of live slots in insertion order, paged; undefined when a needed payload is not cached. */
  private viewsOfSlots(of: Int32Array, page: { offset: number; limit?: number }, projection: Projection): RecordView[] | undefined {
    const store = this.index.store;
    const slots = Array.from(of).sort((a, b) => store.seqOf(a) - store.seqOf(b));
    const end = page.limit === undefined ? slots.length : page.offset + page.limit;
    const payload = projection.documents || projection.uris || projection.metadatas;
    const out: RecordView[] = [];
    for (const slot of slots.slice(page.offset, end)) {
      const view: RecordView = { id: store.idOf(slot) };
      if (projection.embeddings) view.embedding = store.vector(slot);
      if (payload) {
        const p = store.payload(slot);
        if (!p) return undefined;
        fill(view, p, projection);
      }
      out.push(view);
    }
    return out;
  }

  /** The k nearest live records (among `candidates` when given), exact distances in the collection's space. */
  search(queries: Float32Array[], k: number, candidates: Int32Array | null): Promise<Hit[][]> {
    return this.index.search(queries, Math.min(k, candidates ? candidates.length : this.index.live), candidates);
  }

  /**
   * Search hits with the projected columns from memory. `missing` names the hits whose columns
   * must come from elsewhere (payload not cached, or the record replaced since the search).
   */
  neighbors(hits: Hit[][], projection: Projection): { neighbors: Neighbor[][]; missing: Set<string> } {
    const store = this.index.store;
    const payload = projection.documents || projection.uris || projection.metadatas;
    const missing = new Set<string>();
    const neighbors = hits.map((list) =>
      list.map((h) => {
        const n: Neighbor = { id: h.id, distance: h.distance };
        const current = store.isLive(h.slot) && store.idOf(h.slot) === h.id;
        if (projection.embeddings) {
          if (current) n.embedding = store.vector(h.slot);
          else missing.add(h.id);
        }
        if (payload) {
          const p = current ? store.payload(h.slot) : undefined;
          if (p) fill(n, p, projection);
          else missing.add(h.id);
        }
        return n;
      }),
    );
    return { neighbors, missing };
  }

  // ---- changes (the composer's, after LanceDB has committed them) ---------------------------

  /**
   * Room for `n` more records with seqs below `seqLimit`, taken before LanceDB commits, so that
   * applying the committed change cannot run out of room. Throws when memory cannot grow.
   */
  reserve(n: number, seqLimit: number): void {
    this.index.store.reserve(n, seqLimit);
  }

  /** Inserts or replaces records; `activate` false defers starting a graph (bulk loads). */
  put(records: readonly ResidentRecord[], activate = true): void {
    this.index.put(records, activate);
    this.keepColumns(records);
  }

  /** Starts the graph after a bulk load (if the collection is big enough for one). */
  activate(): void {
    this.index.activate();
  }

  // ---- loading from LanceDB (VectorIndex.beginLoad): records back in their saved graph's slots

  /** `vectors`: a saved vectors file to take the vectors from (then readSavedVectors, loadKeys, loadVectors). */
  beginLoad(savedGraph: Uint8Array | null, whyNone?: string, vectors: VectorFile | null = null): void {
    this.index.beginLoad(savedGraph, whyNone, vectors);
  }

  readSavedVectors(): Promise<void> {
    return this.index.readSavedVectors();
  }

  /** A load's records by id, seq and version (their vectors in the saved file, or loadVectors next); payloads follow as after loadVectors. */
  loadKeys(batch: { ids: readonly string[]; seqs: Float64Array; versions: Float64Array }): void {
    this.metadataPending = true;
    this.index.loadKeys(batch);
  }

  missingFloor(): number | null {
    return this.index.missingFloor();
  }

  vectorSources(): { fromFile: number; missing: number; damagedChunks: number } | null {
    return this.index.vectorSources();
  }

  load(records: readonly ResidentRecord[]): void {
    this.index.load(records);
    this.keepColumns(records);
  }

  /**
   * A load's records without payloads (their vectors back to back, see lance scanVectors): what
   * searches need first. Their documents, uris and metadata follow through loadPayloads; until
   * then a read needing them gets them from LanceDB (as for payloads beyond the memory budget),
   * and filters are declined.
   */
  loadVectors(batch: { ids: readonly string[]; seqs: Float64Array; versions: Float64Array; values: Float32Array }): void {
    this.metadataPending = true;
    this.index.loadVectors(batch);
  }

  /**
   * Payloads of records loaded by loadVectors, named by (seq, version); the records may be
   * written meanwhile (in any order with this): a row whose record has been replaced or deleted
   * since is skipped — its write brought its own payload, or it has none now.
   */
  loadPayloads(batch: { seqs: Float64Array; versions: Float64Array; documents: (string | null)[]; uris: (string | null)[]; metadataJson: (string | null)[] }): void {
    const store = this.index.store;
    for (let i = 0; i < batch.seqs.length; i++) {
      const metadataJson = batch.metadataJson[i];
      const slot = store.fillPayload(batch.seqs[i], batch.versions[i], { document: batch.documents[i], uri: batch.uris[i], metadataJson });
      if (slot === undefined) continue;
      this.metadata.put(slot, () => parseMetadata(metadataJson));
    }
  }

  /**
   * Every payload is in (loadPayloads has seen every row of a version at least as new as the one
   * loadVectors read, and records written since came with theirs): filters are evaluated here again.
   */
  payloadsLoaded(): void {
    this.metadataPending = false;
  }

  finishLoad(): LoadOutcome {
    return this.index.finishLoad();
  }

  /** Saves the graph if anything is unsaved (a graceful shutdown). */
  saveNow(): Promise<void> {
    return this.index.saveNow();
  }

  /** Resolves once no save is under way (after close(): before its saved graph is dropped). */
  settled(): Promise<void> {
    return this.index.settled();
  }

  remove(slots: Int32Array): void {
    for (const index of this.sparse.values()) for (const slot of slots) index.remove(slot);
    for (const slot of slots) this.metadata.remove(slot);
    this.index.remove(slots);
  }

  /**
   * The metadata (for filters) and sparse vectors (into the sparse indexes) of records just put
   * or loaded: after the vector index, which assigned their slots.
   */
  private keepColumns(records: readonly ResidentRecord[]): void {
    const store = this.index.store;
    for (const r of records) {
      const slot = store.slotOfId(r.id)!;
      const metadata = r.metadata;
      this.metadata.put(slot, metadata !== undefined ? metadata : () => parseMetadata(r.payload?.metadataJson ?? null));
      if (this.sparse.size === 0) continue;
      for (const [key, index] of this.sparse) {
        const terms = r.sparse?.get(key);
        if (terms) index.put(slot, r.seq, terms);
        else index.remove(slot);
      }
    }
  }

  // ---- filters, evaluated in memory -----------------------------------------------------------

  /**
   * Slots of the live records matching `filter`, ascending; null when memory declines the filter
   * (a regex, a document not held in memory: see record-filter.ts) and LanceDB must answer.
   */
  matchingSlots(filter: RecordFilter): Int32Array | null {
    if (this.metadataPending) return null;
    const match = compileRecordFilter(filter, this.filterSource);
    if (!match) return null;
    const store = this.index.store;
    try {
      if (filter.ids !== undefined) {
        // Few ids: only their slots are looked at.
        const slots = this.slotsOfIds([...new Set(filter.ids)]).filter(match).sort();
        return slots;
      }
      // The live slots go to a scratch array kept for the next filter, and only the matches are
      // copied out: a fresh array of every live slot per filtered query (4 MB at 1M records,
      // kept whole by the subarray returned) was ~140 MB/s of ArrayBuffers under the bench's
      // filtered queries, which V8 lets pile up (~120 MiB at the 1M case's RSS read, issue 14).
      if (this.liveScratch.length < store.live) this.liveScratch = new Int32Array(Math.max(store.live, 2 * this.liveScratch.length));
      const live = this.liveScratch;
      const count = store.liveSlotsInto(live);
      let n = 0;
      for (let i = 0; i < count; i++) if (match(live[i])) live[n++] = live[i];
      return live.slice(0, n);
    } catch (err) {
      if (err instanceof NotResident) return null;
      throw err;
    }
  }

  /**
   * A filtered get from memory: matching records in insertion order, paged; undefined when memory
   * declines the filter or a needed payload is not cached.
   */
  find(filter: RecordFilter, page: { offset: number; limit?: number }, projection: Projection): RecordView[] | undefined {
    const slots = this.matchingSlots(filter);
    if (!slots) return undefined;
    return this.viewsOfSlots(slots, page, projection);
  }

  // ---- the Search API's reads (records named by seq) -----------------------------------------

  /** Slots of the live seqs, as a bitset over slots for masked searches. */
  private allowed(seqs: Float64Array): { slots: Int32Array; bits: Uint8Array } {
    const store = this.index.store;
    const slots = this.slotsOfSeqs(seqs);
    const bits = new Uint8Array((store.slotLimit + 7) >> 3);
    for (const s of slots) bits[s >> 3] |= 1 << (s & 7);
    return { slots, bits };
  }

  /** Live seqs in storage order from `offset`, at most `limit` (among `seqs`, ascending, when given). */
  seqsInOrder(seqs: Float64Array | null, offset: number, limit: number | undefined): Float64Array {
    const store = this.index.store;
    const out: number[] = [];
    const wanted = limit === undefined ? Infinity : limit;
    if (wanted <= 0) return new Float64Array(0);
    let skipped = 0;
    const visit = (seq: number): boolean => {
      if (store.slotOfSeq(seq) === undefined) return true;
      if (skipped < offset) skipped++;
      else out.push(seq);
      return out.length < wanted;
    };
    if (seqs) {
      for (const seq of seqs) if (!visit(seq)) break;
    } else {
      for (let seq = 0, end = store.seqLimit; seq < end; seq++) if (!visit(seq)) break;
    }
    return Float64Array.from(out);
  }

  /** Dense k-NN among `seqs` (all when null), by seq, nearest first (ties in storage order). */
  async denseBySeq(query: Float32Array, k: number, seqs: Float64Array | null): Promise<SeqMeasure[]> {
    const candidates = seqs ? this.slotsOfSeqs(seqs) : null;
    if (k <= 0 || candidates?.length === 0 || this.index.live === 0) return [];
    const [hits] = await this.search([query], k, candidates);
    return hits.map((h) => ({ seq: h.seq, measure: Math.fround(h.distance) }));
  }

  hasSparseIndex(key: string): boolean {
    return this.sparse.has(key);
  }

  documentFrequency(key: string, dimension: number): number {
    return this.sparse.get(key)?.documentFrequency(dimension) ?? 0;
  }

  /** Exact sparse top-k on `key` (see SparseIndex.search), by seq; [] for a key without an index. */
  sparseBySeq(key: string, query: SparseTerms, k: number, seqs: Float64Array | null): SeqMeasure[] {
    const index = this.sparse.get(key);
    if (!index || k <= 0) return [];
    const allowed = seqs ? this.allowed(seqs).bits : null;
    return index.search(query, k, allowed).map((h) => ({ seq: h.order, measure: h.measure }));
  }

  /**
   * Ids and projected columns by seq, from memory; `missing` lists the ids whose payload is not
   * cached (to be read elsewhere). Seqs that are no longer live are left out.
   */
  viewsBySeq(seqs: readonly number[], projection: Projection): { views: Map<number, RecordView>; missing: Map<string, number> } {
    const store = this.index.store;
    const payload = projection.documents || projection.uris || projection.metadatas;
    const views = new Map<number, RecordView>();
    const missing = new Map<string, number>();
    for (const seq of seqs) {
      const slot = store.slotOfSeq(seq);
      if (slot === undefined) continue;
      const view: RecordView = { id: store.idOf(slot) };
      if (projection.embeddings) view.embedding = store.vector(slot);
      if (payload) {
        const p = store.payload(slot);
        if (p) fill(view, p, projection);
        else missing.set(view.id, seq);
      }
      views.set(seq, view);
    }
    return { views, missing };
  }

  close(): void {
    this.index.close();
  }
}

function parseMetadata(json: string | null): Metadata | null {
  return json === null ? null : (parseJson(json) as Metadata);
}

function fill(view: RecordView, p: Payload, projection: Projection): void {
  if (projection.documents) view.document = p.document;
  if (projection.uris) view.uri = p.uri;
  if (projection.metadatas) view.metadata = parseMetadata(p.metadataJson);
}
