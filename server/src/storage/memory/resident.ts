/**
 * A collection resident in process memory: every live record (vector, id, seq and, while the
 * payload budget allows, document / uri / metadata) in a VectorIndex, answering id lookups,
 * ids-only reads, counts and k-NN searches without LanceDB. It never calls LanceDB: it is filled
 * and kept in step by the collection composer (storage/collection.ts), which writes LanceDB
 * first and then applies the same change here.
 */
import type { IndexParams, Metadata, Neighbor, Projection, RecordView, StoredRecord } from "../storage.js";
import { AnnWorkerHost, type AnnHost } from "./ann-worker-host.js";
import { MemoryBudget, type Payload } from "./slots.js";
import { VectorIndex, type Entry, type Hit } from "./vector-index.js";

export interface MemoryOptions {
  /** false: no records in memory, every search is an exact scan inside LanceDB. */
  enabled?: boolean;
  /** false: no HNSW graphs (no worker thread), in-memory searches are exact scans. */
  ann?: boolean;
  /** Collections smaller than this are searched exactly, without a graph. */
  annThreshold?: number;
  /** Prefiltered searches over at most this many records are exact scans. */
  exactLimit?: number;
  /** The lowest ef a graph search uses, whatever the collection's ef_search says. */
  minEf?: number;
  /** Bytes of documents / uris / metadata kept in memory across all collections. */
  payloadCacheBytes?: number;
  onWarning?: (message: string) => void;
}

/**
 * Defaults, measured on 2 cores (docs/performance.md): an exact typed-array scan of 16k x 384
 * floats takes ~6 ms, about what a filtered graph search costs, and below 2,048 records a
 * scan (< 1 ms) beats keeping a graph. Graphs search with at least ef 160: a graph built by
 * parallel inserts differs from run to run, and at 100k x 384 upstream's ef_search 100 gave
 * recall@10 0.989-0.999 over five builds, ef 128 0.990-0.999, ef 160 0.999 in every one, for
 * ~80 us more per query than ef 100 (bench/.recall-ef measurements in docs/performance.md).
 */
const DEFAULTS = { annThreshold: 2048, exactLimit: 16_384, minEf: 160, payloadCacheBytes: 512 * 1024 * 1024 };

/** What every resident collection of one storage shares: the ANN worker and the payload budget. */
export class Memory {
  private constructor(
    /** Where HNSW graphs are built; null = exact in-memory search only. */
    readonly host: AnnHost | null,
    readonly budget: MemoryBudget,
    readonly annThreshold: number,
    readonly exactLimit: number,
    readonly minEf: number,
    readonly onWarning: (message: string) => void,
  ) {}

  /** null when records are not to be kept in memory at all. */
  static open(options: MemoryOptions = {}): Memory | null {
    if (options.enabled === false) return null;
    return new Memory(
      options.ann === false ? null : new AnnWorkerHost(),
      new MemoryBudget(options.payloadCacheBytes ?? DEFAULTS.payloadCacheBytes),
      options.annThreshold ?? DEFAULTS.annThreshold,
      options.exactLimit ?? DEFAULTS.exactLimit,
      options.minEf ?? DEFAULTS.minEf,
      options.onWarning ?? ((m) => console.warn(`chromaspec: ${m}`)),
    );
  }

  /** An empty resident collection; `label` names it in warnings. */
  collection(dim: number, params: IndexParams, label: string): ResidentCollection {
    return new ResidentCollection(
      new VectorIndex(dim, {
        ...params,
        efSearch: Math.max(this.minEf, params.efSearch),
        annThreshold: this.annThreshold,
        exactLimit: this.exactLimit,
        host: this.host,
        budget: this.budget,
        onWarning: (m) => this.onWarning(`collection table ${label}: ${m}`),
      }),
      this.minEf,
    );
  }

  async close(): Promise<void> {
    if (this.host instanceof AnnWorkerHost) await this.host.close();
  }
}

/**
 * A record to put in memory: id, seq, vector and payload (document, uri, metadata as the JSON
 * text LanceDB stores).
 */
export type ResidentRecord = Entry;

export class ResidentCollection {
  constructor(
    private readonly index: VectorIndex,
    private readonly minEf: number,
  ) {}

  get dimension(): number {
    return this.index.store.dim;
  }

  get count(): number {
    return this.index.live;
  }

  status(): { indexed: number; unindexed: number } {
    return this.index.status();
  }

  setEfSearch(efSearch: number): void {
    this.index.setEfSearch(Math.max(this.minEf, efSearch));
  }

  // ---- lookups ----------------------------------------------------------------------------

  has(id: string): boolean {
    return this.index.store.slotOfId(id) !== undefined;
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

  liveSlots(): Int32Array {
    return this.index.store.liveSlots();
  }

  /**
   * Full records for unique ids, in their order, missing ids skipped; `complete` is false when a
   * payload is not cached (then `known` lists the ids that exist, to read elsewhere).
   */
  records(unique: readonly string[]): { known: string[]; records: StoredRecord[]; complete: boolean } {
    const store = this.index.store;
    const known = unique.filter((id) => store.slotOfId(id) !== undefined);
    const records: StoredRecord[] = [];
    for (const id of known) {
      const slot = store.slotOfId(id)!;
      const p = store.payload(slot);
      if (!p) return { known, records: [], complete: false };
      records.push({ id, embedding: store.vector(slot), document: p.document, uri: p.uri, metadata: parseMetadata(p.metadataJson) });
    }
    return { known, records, complete: true };
  }

  /** An ids-only get: insertion order, paged; undefined when a needed payload is not cached. */
  views(ids: readonly string[], page: { offset: number; limit?: number }, projection: Projection): RecordView[] | undefined {
    const store = this.index.store;
    const slots = Array.from(this.slotsOfIds(ids)).sort((a, b) => store.seqOf(a) - store.seqOf(b));
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
  }

  /** Starts the graph after a bulk load (if the collection is big enough for one). */
  activate(): void {
    this.index.activate();
  }

  remove(slots: Int32Array): void {
    this.index.remove(slots);
  }

  close(): void {
    this.index.close();
  }
}

function parseMetadata(json: string | null): Metadata | null {
  return json === null ? null : (JSON.parse(json) as Metadata);
}

function fill(view: RecordView, p: Payload, projection: Projection): void {
  if (projection.documents) view.document = p.document;
  if (projection.uris) view.uri = p.uri;
  if (projection.metadatas) view.metadata = parseMetadata(p.metadataJson);
}
