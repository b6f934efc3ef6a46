/**
 * One collection's vector search: the records in memory (SlotStore), an HNSW graph built in the
 * ANN worker, and exact scans for whatever the graph does not reflect yet.
 *
 * Every change (upsert or delete of a slot) becomes a numbered op for the graph. A search asks
 * the graph, which answers "as of op W"; the slots whose latest op is after W (the tail: just
 * written, replaced or deleted) are then scored exactly against their current vectors and
 * merged in, and graph answers for those slots are dropped. So an acknowledged write is
 * visible, exactly, to the very next query, however far behind the graph is.
 *
 * Where the graph lives: a bulk of records (the first records of a collection, or all of them
 * after a restart) is indexed in the ANN worker, so the event loop is never blocked for long.
 * Once the worker has caught up, the graph moves to the main thread (detached by the worker and
 * adopted here: the same memory, no copy) and is searched from there: a message round trip to
 * a worker per query costs more than the search itself on a small VM. Later changes are applied
 * to it in slices of about a millisecond between requests.
 *
 * A search with no other request in flight runs on the event loop (no hand-off to pay); while
 * other requests are in flight it runs on a libuv pool thread (searchAsync), so concurrent
 * clients' searches use every core while the event loop parses and answers the others. The
 * graph is changed only on this thread and never while a pool search reads it: changes wait
 * for the searches in flight to end, and searches arriving meanwhile wait for that slice of
 * changes (so neither side starves), as do new vector chunks (registered before the slice).
 *
 * Prefiltered searches (the candidate slots come from LanceDB evaluating the filter) are exact
 * scans when the candidates are few enough to scan quickly, and graph searches restricted to
 * the candidates otherwise, at an ef raised for the share the filter keeps (search-ef.ts). Collections smaller than `annThreshold` are only ever scanned.
 *
 * Saved graphs (graph-persistence.ts): once the graph is on the main thread and enough has
 * changed since the last save, it is saved in the background (`options.graphs`); a restart
 * loads the records (`beginLoad`, `load`, `finishLoad`) back into their saved slots, and the
 * saved graph is loaded in the worker with only what changed since replayed.
 */
import type { DistanceSpace, IndexParams } from "../storage.js";
import type { AnnHost, AnnListener } from "./ann-worker-host.js";
import { distanceFromSum, upstreamDistanceTo, upstreamQuery, vectorNorm } from "./distance.js";
import { Graph, type GraphState } from "./hnsw-graph.js";
import { captureSlotMap, slotMapLength, replayOps, SavedSlots, SavePolicy, type GraphSaver, type IndexLog } from "./graph-persistence.js";
import { decodeSnapshot, encodeSnapshotPrefix, type Snapshot, type SnapshotPart } from "./graph-snapshot.js";
import type { VectorFile } from "./vector-file.js";
import { CHUNK_BITS, OP_DELETE, OP_UPSERT } from "./protocol.js";
import { type MemoryBudget, type Payload, SlotStore } from "./slots.js";
import { TopK } from "./topk.js";
import { searchEf } from "./search-ef.js";
import { grown } from "./typed-arrays.js";
import { foreground, type ForegroundActivity } from "../../util/foreground.js";
import { errorText } from "../error-text.js";
import { trimSoon } from "./process-memory.js";

/** The port's index parameters the graph and the exact scans use (the sparse keys are the resident collection's). */
export type AnnParams = Pick<IndexParams, "space" | "m" | "efConstruction" | "efSearch">;

export interface VectorIndexOptions extends AnnParams {
  /** Build a graph once the collection holds this many records; below, searches are exact. */
  annThreshold: number;
  /** Prefiltered searches over at most this many candidates are exact scans. */
  exactLimit: number;
  /** The lowest ef a graph search uses given the live records (none: the collection's efSearch). */
  minEf?: (records: number) => number;
  /** Where graphs are built; null = exact search only. */
  host: AnnHost | null;
  /** Graph searches traverse int8 copies of the vectors and re-rank exactly (Graph.create); default false. */
  quantized?: boolean;
  budget: MemoryBudget;
  /** log2 of the slots per vector chunk (default CHUNK_BITS; tests use small chunks). */
  chunkBits?: number;
  /** Where graphs are saved; none: never saved. */
  graphs?: GraphSaver | null;
  /** Start-up, rebuild progress and saves are reported here. */
  log?: IndexLog;
  /** Saves wait for a quiet moment of these requests (bounded); the process's `foreground` by default. */
  foreground?: ForegroundActivity;
  /** How often the progress of a graph build a load started is logged (default PROGRESS_MS). */
  progressMs?: number;
  onWarning?: (message: string) => void;
}

export interface Entry {
  id: string;
  seq: number;
  /** The record's version: the write stamp LanceDB keeps for the row (see SlotStore). */
  version: number;
  vector: Float32Array;
  payload?: Payload;
}

/** What finishLoad did about the graph. */
export type LoadOutcome =
  | { graph: "none" }
  | { graph: "restored"; kept: number; upserts: number; deletes: number }
  | { graph: "rebuilding"; reason: string };

export interface Hit {
  slot: number;
  id: string;
  seq: number;
  distance: number;
}

/** Ops sent to the worker per message when (re)building from everything in memory. */
const BUILD_BATCH = 1024;
/** After this many failures of its graph, a collection stays exact-only. */
const MAX_ANN_FAILURES = 3;
const SEED = 100;
/**
 * The worker's graph moves to the main thread once it has caught up and no op has come for this
 * long, counted from the last op's arrival: while writes keep coming they are indexed there, off
 * the event loop; once they have stopped (a bulk load's worker catches up seconds after its last
 * add) the move is due at once, since until it every search pays a round trip to the worker.
 */
const HANDOFF_QUIET_MS = 250;
/** Progress of a graph build started by a load is logged this often. */
const PROGRESS_MS = 5000;
/** Longest stretch the main thread spends applying ops to its graph before yielding. */
const LOCAL_SLICE_MS = 1.5;
/** Ops applied here between two clock reads. */
const LOCAL_STEP = 8;

/**
 * exact: no graph (too few records, no worker, or the graph failed too often);
 * worker: the graph is in the ANN worker; exporting: it is moving to this thread (ops wait);
 * local: the graph is on this thread.
 */
type Mode = "exact" | "worker" | "exporting" | "local";

export class VectorIndex implements AnnListener {
  readonly store: SlotStore;
  private mode: Mode = "exact";
  private ix = 0;
  private local: Graph | null = null;
  private annFailures = 0;
  /** Number of the last op, and of the last one the graph holds. */
  private opNo = 0;
  private appliedOp = 0;
  /** Per slot, the number of its latest op (0: none since the graph started). */
  private slotOp = new Float64Array(0);
  /**
   * The slots whose latest op the graph has not applied, counted as ops are numbered (flush)
   * and applied (setApplied), so `status()` is O(1): clients poll indexing_status through a
   * whole bulk build, and walking the pending ops at every poll cost ~11 ms per poll at 100k
   * pending (bench/graph-build.ts). `pendingLive[slot]` is 1 when the slot was live at its
   * latest op (liveness only changes with an op: put, remove, activate).
   */
  private pendingCount = 0;
  private livePendingCount = 0;
  private pendingLive = new Uint8Array(0);
  /** Ops the graph may not hold yet: op n is at index n - logBase + logHead. */
  private log: number[] = [];
  private logKinds: number[] = [];
  private logHead = 0;
  private logBase = 1;
  /** Searches waiting for the worker; the log is only trimmed when there are none. */
  private inflight = 0;
  /** Cosine zero vectors: at distance 1 from everything, kept out of the graph, always scanned. */
  private readonly exactOnly = new Set<number>();
  /** Ops waiting to be numbered (at the end of each put/remove). */
  private outKinds: number[] = [];
  private outSlots: number[] = [];
  private handoffTimer: NodeJS.Timeout | null = null;
  /** When the last op was numbered (performance.now() ms): the handoff's quiet time counts from it. */
  private lastOpAt = Number.NEGATIVE_INFINITY;
  /** The graph is moving here (resolves when it has, or has stayed in the worker). */
  private handingOff: Promise<void> | null = null;
  private localScheduled = false;
  /** Pool-thread searches of the local graph in flight: the graph takes no change meanwhile. */
  private poolSearches = 0;
  /** Changes (ops, new chunks) wait for those searches to end. */
  private changesWaiting = false;
  private chunksWaiting: number[] = [];
  /** Searches waiting for that slice of changes. */
  private searchesWaiting: (() => void)[] = [];
  private closed = false;
  /** Scratch: slots to score and their distances. */
  private scoreSlots = new Int32Array(0);
  private scoreDist = new Float64Array(0);
  /** The query as upstreamDistanceTo reads it (hits), reused: one per query would be off-heap garbage. */
  private queryScratch = new Float32Array(0);
  /** During a load: the saved graph and where its records go (null: no usable saved graph). */
  private loading: { snapshot: Snapshot | null; bySeq: SavedSlots; reason: string; vectors: SavedVectorsLoad | null } | null = null;
  /** A saved graph is being loaded in the worker (its failure means a rebuild, not a fault). */
  private restoring = false;
  /** The graph build a load started (logged until the graph is ready), if any. */
  private startup: { at: number; ops: number; timer: NodeJS.Timeout } | null = null;
  private readonly savePolicy = new SavePolicy();
  private saving: Promise<void> | null = null;
  private savesStarted = 0;
  /** A save is reading the graph: it takes no change until then. */
  private serializing = false;
  private saveTimer: NodeJS.Timeout | null = null;
  /** When the policy first said "now" for the save not started yet (Date.now()), or null. */
  private saveDueSince: number | null = null;

  constructor(
    dim: number,
    private readonly options: VectorIndexOptions,
  ) {
    this.store = new SlotStore(dim, options.budget, options.chunkBits ?? CHUNK_BITS);
  }

  get space(): DistanceSpace {
    return this.options.space;
  }

  get live(): number {
    return this.store.live;
  }

  /** Where the graph is: "exact" (none), "worker", "exporting" or "local". */
  get where(): Mode {
    return this.mode;
  }

  /** Whether the graph on this thread traverses int8 copies of the vectors; null without one. */
  get quantizedGraph(): boolean | null {
    return this.local ? this.local.quantized : null;
  }

  setEfSearch(ef: number): void {
    this.options.efSearch = ef;
  }

  // ---- changes -----------------------------------------------------------------------------

  /** Inserts or replaces records; `activate` false defers starting a graph (bulk loads). */
  put(entries: readonly Entry[], activate = true): void {
    for (const e of entries) this.queueSlot(this.store.put(e.id, e.seq, e.version, e.vector, e.payload).slot);
    this.flush();
    if (activate) this.activate();
  }

  /** The op for the graph of a record just stored in `slot`. */
  private queueSlot(slot: number): void {
    if (this.options.space === "cosine" && this.store.normOf(slot) === 0) {
      // Out of the graph (a stale graph entry is removed), scored exactly at distance 1.
      if (!this.exactOnly.has(slot)) {
        this.exactOnly.add(slot);
        this.queue(OP_DELETE, slot);
      }
      return;
    }
    this.exactOnly.delete(slot);
    this.queue(OP_UPSERT, slot);
  }

  // ---- loading (a restart) -------------------------------------------------------------------

  /**
   * Starts loading the collection's records into this new, empty index; `saved` is its saved
   * graph, if any (the index takes the buffer: it may be handed to the worker), and `whyNone`
   * says why there is none, for the log. Records follow through `load`, then `finishLoad`
   * starts the graph.
   */
  beginLoad(saved: Uint8Array | null, whyNone = "no saved graph", vectors: VectorFile | null = null): void {
    if (this.store.slotLimit !== 0) throw new Error("beginLoad on an index that has records");
    let snapshot: Snapshot | null = null;
    let bySeq = SavedSlots.none;
    let reason = whyNone;
    if (saved && this.options.host) {
      try {
        snapshot = decodeSnapshot(saved);
        const h = snapshot.header;
        const o = this.options;
        if (h.space !== o.space || h.dim !== this.store.dim || h.m !== o.m || h.efConstruction !== o.efConstruction) {
          reason = "the saved graph was built with other parameters";
          snapshot = null;
        } else {
          bySeq = SavedSlots.of(snapshot);
        }
      } catch (err) {
        reason = err instanceof Error ? err.message : String(err);
        snapshot = null;
      }
    }
    // With a vectors file, its reads fill the chunks (no populate pass: SlotStore.restoreLayout).
    if (snapshot) this.store.restoreLayout(snapshot.seqs.length, !vectors);
    else if (vectors) {
      // No graph to follow: records go back to the slots the vectors file has them in.
      this.store.restoreLayout(vectors.header.slots, false);
      bySeq = SavedSlots.ofSeqs(vectors.seqs);
    }
    this.loading = { snapshot, bySeq, reason, vectors: vectors && { file: vectors, intact: new Uint8Array(0), missing: new Map(), fromFile: 0 } };
  }

  /**
   * A load with a saved vectors file (beginLoad's `vectors`): reads its vectors straight into
   * the slots restoreLayout made. Records follow through `loadKeys`.
   */
  async readSavedVectors(): Promise<void> {
    const v = this.loading?.vectors;
    if (v) v.intact = await v.file.readInto(this.store.chunks);
  }

  /**
   * Records of a load with a saved vectors file, named by id, seq and version only: one whose
   * vector the file holds (same seq, same version, intact chunk) in the slot it goes back to is
   * taken as it is; the vectors of the others come through `loadVectors` (rows of other
   * records there are skipped), from the lowest version `missingFloor()` names on.
   */
  loadKeys(batch: { ids: readonly string[]; seqs: Float64Array; versions: Float64Array }): void {
    const loading = this.loading;
    const v = loading?.vectors;
    if (!loading || !v) throw new Error("loadKeys without a saved vectors file");
    const { file, intact, missing } = v;
    const bits = this.store.chunkBits;
    const limit = Math.min(file.header.slots, this.store.slotLimit);
    for (let i = 0; i < batch.ids.length; i++) {
      const id = batch.ids[i];
      const seq = batch.seqs[i];
      const version = batch.versions[i];
      const at = loading.bySeq.get(seq);
      const inFile = at !== undefined && at < limit && intact[at >>> bits] === 1 && file.seqs[at] === seq && file.versions[at] === version;
      if (inFile && !this.store.isLive(at) && this.store.slotOfId(id) === undefined) {
        this.store.claim(id, seq, version, file.norms[at], at);
        this.queueSlot(at);
        v.fromFile++;
      } else {
        missing.set(seq, version);
      }
    }
    this.flush();
  }

  /** The lowest version of the records loadKeys found no saved vector for (null: none). */
  missingFloor(): number | null {
    const missing = this.loading?.vectors?.missing;
    if (!missing || missing.size === 0) return null;
    let floor = Infinity;
    for (const version of missing.values()) if (version < floor) floor = version;
    return floor;
  }

  /**
   * Where the vectors of a load came from: the saved file, or LanceDB (`missing`: rows loadKeys
   * named that never came); `damagedChunks`: chunks of the file whose checksum failed.
   */
  vectorSources(): { fromFile: number; missing: number; damagedChunks: number } | null {
    const v = this.loading?.vectors;
    return v ? { fromFile: v.fromFile, missing: v.missing.size, damagedChunks: v.intact.length - v.intact.reduce((n, ok) => n + ok, 0) } : null;
  }

  /** Records of a load (beginLoad first); a record the saved graph knew goes back to its slot. */
  load(entries: readonly Entry[]): void {
    for (const e of entries) this.loadOne(e.id, e.seq, e.version, e.vector, 0, e.payload);
    this.flush();
  }

  /**
   * Records of a load without their payloads (beginLoad first): `values` holds their vectors
   * back to back, copied straight into the store's chunks.
   */
  loadVectors(batch: { ids: readonly string[]; seqs: Float64Array; versions: Float64Array; values: Float32Array }): void {
    const dim = this.store.dim;
    // After loadKeys: only the rows it found no saved vector for, as it named them.
    const missing = this.loading?.vectors?.missing;
    for (let i = 0; i < batch.ids.length; i++) {
      if (missing) {
        if (missing.get(batch.seqs[i]) !== batch.versions[i]) continue;
        missing.delete(batch.seqs[i]);
      }
      this.loadOne(batch.ids[i], batch.seqs[i], batch.versions[i], batch.values, i * dim, undefined);
    }
    this.flush();
  }

  /** One record of a load: back to its saved graph's slot when the graph knew it. */
  private loadOne(id: string, seq: number, version: number, values: Float32Array, from: number, payload: Payload | undefined): void {
    const loading = this.loading;
    if (!loading) throw new Error("load before beginLoad");
    const at = loading.bySeq.get(seq);
    this.queueSlot(this.store.putFrom(id, seq, version, values, from, payload, at !== undefined && !this.store.isLive(at) ? at : undefined).slot);
  }

  /** Every record is in: starts the graph, from the saved one if it is usable. */
  finishLoad(): LoadOutcome {
    const loading = this.loading;
    if (!loading) throw new Error("finishLoad before beginLoad");
    this.loading = null;
    if (loading.vectors && loading.vectors.missing.size > 0) throw new Error("finishLoad before every record's vector was loaded");
    this.store.releaseUnclaimed();
    // Few vectors came from a saved file (none, an old one, a damaged one): the next save is
    // due at once, whatever the graph needs, so the next restart reads them from one.
    const vectorsStale = !!this.options.graphs?.saveVectors && (loading.vectors?.fromFile ?? 0) < this.store.live / 2;
    const { host, annThreshold } = this.options;
    if (!host || this.store.live < annThreshold || this.closed) return { graph: "none" };
    if (!loading.snapshot) {
      this.options.log?.warn({ records: this.store.live, reason: loading.reason }, "building the collection's graph");
      this.activate();
      this.startupProgress();
      return { graph: "rebuilding", reason: loading.reason };
    }
    const replay = replayOps(loading.snapshot, this.store, (slot) => !this.exactOnly.has(slot));
    this.restoreGraph(loading.snapshot, replay.kinds, replay.slots);
    if (vectorsStale) this.savePolicy.unsaved += this.store.live;
    const { kept, upserts, deletes } = replay;
    this.options.log?.info({ records: this.store.live, kept, upserts, deletes, savedAt: new Date(loading.snapshot.header.savedAt).toISOString() }, "loading the collection's saved graph");
    this.startupProgress();
    return { graph: "restored", kept, upserts, deletes };
  }

  /**
   * Creates this collection's graph in the worker over the store's chunks and their norms (empty,
   * or from `saved`), and forwards every chunk the store adds from now on.
   */
  private createInWorker(host: AnnHost, saved?: { graph: Uint8Array; present: Uint8Array }, transfer: ArrayBuffer[] = []): void {
    const { space, m, efConstruction } = this.options;
    const chunks = this.store.chunks.map((_, i) => this.store.chunkBuffer(i));
    const norms = this.store.chunks.map((_, i) => this.store.normBuffer(i));
    const quantized = this.options.quantized ?? false;
    host.send({ t: "create", ix: this.ix, dim: this.store.dim, space, m, efConstruction, seed: SEED, chunkBits: this.store.chunkBits, quantized, chunks, norms, ...(saved ? { saved } : {}) }, transfer);
    this.store.onChunk = (index, buffer, norms) => host.send({ t: "chunk", ix: this.ix, index, buffer, norms });
  }

  /** Starts the worker's graph from a saved one, then sends it the ops that bring it up to date. */
  private restoreGraph(snapshot: Snapshot, kinds: Uint8Array, slots: Int32Array): void {
    const host = this.options.host!;
    this.resetOps();
    this.ix = host.register(this);
    this.mode = "worker";
    this.restoring = true;
    const transfer = snapshot.graph.buffer instanceof ArrayBuffer ? [snapshot.graph.buffer] : [];
    this.createInWorker(host, { graph: snapshot.graph, present: snapshot.present }, transfer);
    for (let i = 0; i < slots.length; i++) {
      this.queue(kinds[i], slots[i]);
      if (this.outSlots.length >= BUILD_BATCH) this.flush();
    }
    this.flush();
  }

  /** Logs the progress of the graph build a load started, until the graph is ready. */
  private startupProgress(): void {
    if (this.mode === "exact" || !this.options.log) return;
    const timer = setInterval(() => {
      if (this.mode === "worker") this.options.log?.info({ applied: this.appliedOp, ops: this.opNo }, "indexing the collection's graph");
    }, this.options.progressMs ?? PROGRESS_MS);
    timer.unref();
    this.startup = { at: performance.now(), ops: this.opNo, timer };
  }

  private startupDone(): void {
    const s = this.startup;
    if (!s) return;
    clearInterval(s.timer);
    this.startup = null;
    this.options.log?.info({ records: this.store.live, ops: s.ops, seconds: Math.round(performance.now() - s.at) / 1000 }, "the collection's graph is ready");
  }

  remove(slots: Iterable<number>): void {
    for (const slot of slots) {
      if (!this.store.isLive(slot)) continue;
      this.store.remove(slot);
      this.exactOnly.delete(slot);
      this.queue(OP_DELETE, slot);
    }
    this.flush();
  }

  removeIds(ids: Iterable<string>): void {
    const slots: number[] = [];
    for (const id of ids) {
      const slot = this.store.slotOfId(id);
      if (slot !== undefined) slots.push(slot);
    }
    this.remove(slots);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.handoffTimer) clearTimeout(this.handoffTimer);
    if (this.saveTimer) clearTimeout(this.saveTimer);
    if (this.startup) clearInterval(this.startup.timer);
    this.startup = null;
    if (this.mode === "worker" || this.mode === "exporting") this.options.host?.drop(this.ix);
    this.mode = "exact";
    this.local = null;
    this.store.onChunk = null;
    this.store.release();
  }

  // ---- ops ---------------------------------------------------------------------------------

  private queue(kind: number, slot: number): void {
    if (this.mode === "exact") return;
    this.outKinds.push(kind);
    this.outSlots.push(slot);
  }

  /** Numbers the queued ops and hands them to the graph, wherever it is. */
  private flush(): void {
    const n = this.outSlots.length;
    if (n === 0) return;
    const kinds = Uint8Array.from(this.outKinds);
    const slots = Int32Array.from(this.outSlots);
    this.outKinds = [];
    this.outSlots = [];
    const first = this.opNo + 1;
    this.slotOp = grown(this.slotOp, this.store.slotLimit);
    this.pendingLive = grown(this.pendingLive, this.store.slotLimit);
    for (let i = 0; i < n; i++) {
      const slot = slots[i];
      if (this.slotOp[slot] > this.appliedOp) {
        // Already pending (an earlier op of this slot not applied yet): counted once, as it is now.
        this.pendingCount--;
        this.livePendingCount -= this.pendingLive[slot];
      }
      const live = this.store.isLive(slot) ? 1 : 0;
      this.pendingLive[slot] = live;
      this.pendingCount++;
      this.livePendingCount += live;
      this.slotOp[slot] = first + i;
      this.log.push(slot);
      this.logKinds.push(kinds[i]);
    }
    this.opNo = first + n - 1;
    this.lastOpAt = performance.now();
    this.savePolicy.unsaved += n;
    if (this.mode === "worker") {
      this.options.host!.send({ t: "ops", ix: this.ix, first, kinds, slots }, [kinds.buffer, slots.buffer]);
    } else if (this.mode === "local") {
      this.local!.enqueue(slots);
      this.scheduleLocal();
    }
    // exporting: the ops wait in the log until the graph has arrived here.
  }

  private resetOps(): void {
    this.opNo = 0;
    this.appliedOp = 0;
    this.slotOp = new Float64Array(0);
    this.pendingCount = 0;
    this.livePendingCount = 0;
    this.pendingLive = new Uint8Array(0);
    this.log = [];
    this.logKinds = [];
    this.logHead = 0;
    this.logBase = 1;
    this.outKinds = [];
    this.outSlots = [];
    this.savePolicy.unsaved = 0;
  }

  private logAt(op: number): number {
    return op - this.logBase + this.logHead;
  }

  /**
   * The graph now holds every op up to `to`: a slot whose latest op is among the newly applied
   * ones stops pending. (Backwards — never expected — counts them pending again.) The log still
   * has these ops: it is trimmed only up to the applied op, after this.
   */
  private setApplied(to: number): void {
    const from = this.appliedOp;
    const step = to >= from ? -1 : 1;
    const [lo, hi] = to >= from ? [from, to] : [to, from];
    for (let op = lo + 1; op <= hi; op++) {
      const slot = this.log[this.logAt(op)];
      if (this.slotOp[slot] !== op) continue;
      this.pendingCount += step;
      this.livePendingCount += step * this.pendingLive[slot];
    }
    this.appliedOp = to;
  }

  private trimLog(): void {
    if (this.inflight > 0) return;
    const drop = this.appliedOp - this.logBase + 1;
    if (drop <= 0) return;
    this.logHead += drop;
    this.logBase += drop;
    if (this.logHead > 4096 && this.logHead * 2 > this.log.length) {
      this.log = this.log.slice(this.logHead);
      this.logKinds = this.logKinds.slice(this.logHead);
      this.logHead = 0;
    }
  }

  /** Starts a graph in the worker (and queues every record) if the collection is big enough. */
  activate(): void {
    const { host } = this.options;
    if (this.mode !== "exact" || this.closed || !host || this.annFailures >= MAX_ANN_FAILURES) return;
    if (this.store.live < this.options.annThreshold) return;
    this.resetOps();
    this.ix = host.register(this);
    this.mode = "worker";
    this.createInWorker(host);
    const limit = this.store.slotLimit;
    for (let slot = 0; slot < limit; slot++) {
      if (!this.store.isLive(slot) || this.exactOnly.has(slot)) continue;
      this.queue(OP_UPSERT, slot);
      if (this.outSlots.length >= BUILD_BATCH) this.flush();
    }
    this.flush();
  }

  // ---- the worker's side ------------------------------------------------------------------

  applied(op: number): void {
    if (this.mode !== "worker" && this.mode !== "exporting") return;
    // The saved graph loaded (op 0 is its confirmation): a failure from now on is a fault.
    this.restoring = false;
    if (op > this.appliedOp) this.setApplied(op);
    this.trimLog();
    if (this.mode === "worker" && this.appliedOp === this.opNo) this.scheduleHandoff();
  }

  failed(reason: string): void {
    if (this.mode !== "worker" && this.mode !== "exporting") return;
    this.mode = "exact";
    this.store.onChunk = null;
    if (this.restoring) {
      // A saved graph that does not load (damaged, or other parameters) is rebuilt: the
      // records are all in memory, the graph is only an index of them.
      this.restoring = false;
      this.options.log?.warn({ records: this.store.live, reason }, "the saved graph could not be loaded: building the collection's graph");
    } else {
      this.annFailures++;
      this.options.onWarning?.(`ANN index failed (searches are exact until it is rebuilt): ${reason}`);
    }
    this.resetOps();
    this.activate();
  }

  /** Moves the graph here once the worker is caught up and no op has come for HANDOFF_QUIET_MS. */
  private scheduleHandoff(): void {
    if (this.handoffTimer) return;
    const opAtSchedule = this.opNo;
    this.handoffTimer = setTimeout(
      () => {
        this.handoffTimer = null;
        if (this.closed || this.mode !== "worker") return;
        if (this.appliedOp !== this.opNo) return; // the worker's next applied() schedules again
        // Ops came since (their applied() found this timer pending and scheduled nothing): the
        // worker has caught up with them too, so wait for quiet after the last one instead of
        // dropping the hand-off until the next write.
        if (this.opNo !== opAtSchedule) return this.scheduleHandoff();
        void this.moveHere();
      },
      Math.max(0, this.lastOpAt + HANDOFF_QUIET_MS - performance.now()),
    );
    this.handoffTimer.unref();
  }

  private moveHere(): Promise<void> {
    this.handingOff ??= this.handoff().finally(() => {
      this.handingOff = null;
    });
    return this.handingOff;
  }

  private async handoff(): Promise<void> {
    const host = this.options.host!;
    const ix = this.ix;
    const started = performance.now();
    this.mode = "exporting";
    let exported: { applied: number; handle: number; state: GraphState };
    try {
      exported = await host.exportGraph(ix);
    } catch (err) {
      if (this.closed || this.mode !== "exporting" || this.ix !== ix) return;
      // The worker still has the graph: it goes on there, with the ops that waited.
      this.options.onWarning?.(`moving the ANN graph to the main thread failed (it stays in the worker): ${String(err)}`);
      this.mode = "worker";
      const first = this.appliedOp + 1;
      if (first <= this.opNo) {
        const kinds = Uint8Array.from(this.logKinds.slice(this.logAt(first), this.logAt(this.opNo) + 1));
        const slots = Int32Array.from(this.log.slice(this.logAt(first), this.logAt(this.opNo) + 1));
        host.send({ t: "ops", ix, first, kinds, slots }, [kinds.buffer, slots.buffer]);
      }
      return;
    }
    const { applied, handle, state } = exported;
    if (this.closed || this.mode !== "exporting" || this.ix !== ix) {
      Graph.release(handle);
      return;
    }
    let graph: Graph;
    try {
      graph = Graph.adopt(this.options.space, this.store.dim, handle, state);
    } catch (err) {
      Graph.release(handle);
      this.failed(`adopting the ANN graph failed: ${String(err)}`);
      return;
    }
    host.drop(ix);
    // Ops that came in meanwhile go to the graph here.
    const pending: number[] = [];
    for (let op = applied + 1; op <= this.opNo; op++) pending.push(this.log[this.logAt(op)]);
    graph.enqueue(pending);
    this.setApplied(applied);
    this.local = graph;
    this.mode = "local";
    // The graph reads vectors in the store's chunks: new ones are registered as they come. (Those
    // the worker registered are the same memory here.)
    for (let i = 0; i < this.store.chunks.length; i++) graph.setChunk(i, this.store.chunks[i], this.store.normChunks[i]);
    this.store.onChunk = (index) => {
      if (this.poolSearches === 0) graph.setChunk(index, this.store.chunks[index], this.store.normChunks[index]);
      else this.chunksWaiting.push(index);
    };
    this.options.log?.debug?.({ records: this.store.live, ops: applied, pending: pending.length, ms: Math.round(performance.now() - started) }, "the collection's graph moved to the main thread");
    this.startupDone();
    this.scheduleLocal();
    this.maybeSave();
    // The bulk this graph was built from left its garbage behind (request bodies, Arrow batches,
    // ops sent to the worker): collected and handed back while the server is quiet, not kept
    // for the life of the process.
    trimSoon(true);
  }

  private scheduleLocal(): void {
    if (this.localScheduled || this.appliedOp >= this.opNo) return;
    this.localScheduled = true;
    setImmediate(() => {
      this.localScheduled = false;
      this.applyLocal();
    });
  }

  /** Applies queued ops to the graph here for one short slice. */
  private applyLocal(): void {
    const graph = this.local;
    // While a save reads the graph it takes no change (the save resumes this when done).
    if (this.closed || this.mode !== "local" || !graph || this.serializing) return;
    if (this.poolSearches > 0) {
      this.changesWaiting = true;
      return;
    }
    const deadline = performance.now() + LOCAL_SLICE_MS;
    try {
      while (this.appliedOp < this.opNo) {
        // A few ops between clock reads keeps the check cheap.
        const n = Math.min(LOCAL_STEP, this.opNo - this.appliedOp);
        const from = this.logAt(this.appliedOp + 1);
        graph.applyRun(this.logKinds, this.log, from, from + n, 1);
        this.setApplied(this.appliedOp + n);
        if (performance.now() > deadline) break;
      }
    } catch (err) {
      this.options.onWarning?.(`ANN index failed (searches are exact until it is rebuilt): ${String(err)}`);
      this.local = null;
      this.store.onChunk = null;
      this.mode = "exact";
      this.annFailures++;
      this.resetOps();
      this.activate();
      return;
    }
    this.trimLog();
    this.scheduleLocal();
    this.maybeSave();
  }

  // ---- saving ----------------------------------------------------------------------------------

  /**
   * Saves the graph in the background if the policy says it is time (local graphs only).
   * `confirmed`: this is the second look for quiet (ForegroundActivity.nextLook).
   */
  private maybeSave(confirmed = false): void {
    if (!this.options.graphs || this.mode !== "local" || this.saving || this.saveTimer || this.closed) return;
    const due = this.savePolicy.due(this.store.live);
    if (due === "no") return;
    if (due === "later") {
      this.saveTimer = setTimeout(() => {
        this.saveTimer = null;
        this.maybeSave();
      }, this.savePolicy.wait());
      this.saveTimer.unref();
      return;
    }
    // Due: but a save costs both cores for a while (~1-2 s at 100k records), and right after a
    // bulk load is when queries arrive. It waits for a quiet moment, at most maxDeferMs.
    const activity = this.options.foreground ?? foreground;
    this.saveDueSince ??= Date.now();
    this.saveTimer = activity.nextLook(this.saveDueSince, confirmed, (second) => {
      this.saveTimer = null;
      this.maybeSave(second);
    });
    if (!this.saveTimer) void this.save();
  }

  /**
   * Saves the graph now if anything is unsaved (shutdown: a restart then replays nothing);
   * waits for a save under way first. Resolves when done; a failed save is logged, not thrown.
   */
  async saveNow(): Promise<void> {
    await this.settled();
    const before = this.savesStarted;
    if (!this.options.graphs || this.closed) return;
    // A graph still in the worker (being built, or caught up but not handed over yet) comes
    // here first, as far as it got: what it has not applied is saved as unknown, and replayed.
    if (this.mode === "worker") {
      if (this.handoffTimer) clearTimeout(this.handoffTimer);
      this.handoffTimer = null;
      await this.moveHere();
    } else if (this.handingOff) {
      await this.handingOff;
    }
    // A save started meanwhile (the policy's, after the handoff) is as good as ours.
    await this.settled();
    if (this.savesStarted === before && this.mode === "local" && !this.closed && this.savePolicy.unsaved > 0) await this.save();
  }

  /** Resolves once no save is under way (after close(): none will start; drop the saved graph then). */
  async settled(): Promise<void> {
    while (this.saving) await this.saving;
  }

  private save(): Promise<void> {
    const graph = this.local!;
    const saver = this.options.graphs!;
    const started = performance.now();
    const captured = this.savePolicy.unsaved - (this.opNo - this.appliedOp);
    const records = this.store.live;
    const { space, m, efConstruction } = this.options;
    // The graph's bytes are read in pieces (streamed) or taken whole (serialize), both as long
    // as bytes().length says: the graph takes no change from here until they are (release below).
    const piecewise = graph.bytes();
    // The file's first part, with the slot map captured straight into it: the slot map and the
    // graph's bytes describe the same moment (the capture is synchronous, in this tick).
    let prefix: Uint8Array | null = encodeSnapshotPrefix({ space, dim: this.store.dim, m, efConstruction, records, savedAt: Date.now() }, slotMapLength(this.store, graph), piecewise.length, (arrays) =>
      captureSlotMap(this.store, graph, this.pendingSlots(), arrays),
    );
    const savedBytes = prefix.length + piecewise.length;
    this.serializing = true;
    this.savesStarted++;
    this.options.log?.debug?.({ records, ops: captured, waitedMs: this.saveDueSince === null ? 0 : Date.now() - this.saveDueSince }, "saving the collection's graph");
    this.saveDueSince = null;
    // The graph takes changes again once its bytes are taken (whole), or written (streamed).
    const release = () => {
      if (!this.serializing) return;
      this.serializing = false;
      this.scheduleLocal();
    };
    // A saver that writes in pieces (local files) reads the graph's bytes a range at a time
    // while it writes them: no copy of the whole graph (~150 MB at 1M x 384) is ever held, at
    // the cost of the graph taking no change until the file is written (writes to the page
    // cache: tenths of a second at 1M). Others get the bytes whole, and the graph is free again
    // before they are stored.
    const streamed = saver.saveStreamed?.bind(saver);
    const bytes = streamed ? null : graph.serialize();
    // Writes the graph's file; false: closed meanwhile (dropped, or shut down without waiting),
    // nothing is written any more. The prefix is dropped here, once written: it is garbage
    // before the vectors' save, which can take a minute at 1M and is often still under way
    // when the bench reads RSS.
    const writeGraph = async (): Promise<boolean> => {
      const first = prefix!;
      prefix = null;
      if (streamed) {
        try {
          if (this.closed) return false;
          await streamed([first, piecewise]);
        } finally {
          release();
        }
        return true;
      }
      let graphBytes: Uint8Array;
      try {
        graphBytes = await bytes!;
      } finally {
        release();
      }
      if (this.closed) return false;
      await saver.save([first, graphBytes]);
      return true;
    };
    const run = (async () => {
      try {
        if (!(await writeGraph())) return;
        // The vectors beside it (their own snapshot: a load checks every slot of either against LanceDB).
        let vectorBytes: number | undefined;
        if (saver.saveVectors && !this.closed) {
          try {
            vectorBytes = await saver.saveVectors(this.store);
          } catch (err) {
            this.options.log?.warn({ error: errorText(err) }, "saving the collection's vectors failed (a restart reads them from LanceDB)");
          }
        }
        const ms = performance.now() - started;
        this.savePolicy.saved(captured, ms);
        this.options.log?.info({ records, bytes: savedBytes, vectorBytes, ms: Math.round(ms) }, "saved the collection's graph");
      } catch (err) {
        this.savePolicy.failed();
        this.options.log?.warn({ error: errorText(err) }, "saving the collection's graph failed (a restart rebuilds more of it)");
      } finally {
        this.saving = null;
        // The graph's bytes (a SharedArrayBuffer the size of the graph, unless streamed) and the
        // vectors' copies are garbage now: without this they stayed in RSS (230 MB at 1M x 384).
        trimSoon(true);
        this.scheduleLocal();
        this.maybeSave();
      }
    })();
    this.saving = run;
    return run;
  }

  /** Slots whose latest op the graph has not applied, each once. */
  private *pendingSlots(): Generator<number> {
    for (let op = this.appliedOp + 1; op <= this.opNo; op++) {
      const slot = this.log[this.logAt(op)];
      if (this.slotOp[slot] === op) yield slot;
    }
  }

  // ---- progress ------------------------------------------------------------------------------

  /** Records whose current state is searchable through the graph (or needs none) vs not yet. */
  status(): { indexed: number; unindexed: number } {
    const live = this.store.live;
    if (this.mode === "exact") return { indexed: live, unindexed: 0 };
    return { indexed: live - this.livePendingCount, unindexed: this.pendingCount };
  }

  // ---- search --------------------------------------------------------------------------------

  /**
   * The k nearest live records to each query, nearest first (ties in insertion order), among
   * `candidates` when given. Distances are exact, in the index's space.
   */
  async search(queries: Float32Array[], k: number, candidates: Int32Array | null): Promise<Hit[][]> {
    const norms = queries.map((q) => vectorNorm(q));
    const exact = (i: number) => this.exact(queries[i], norms[i], k, candidates);
    const useAnn = this.mode !== "exact" && k > 0 && this.store.live > 0 && (candidates === null || candidates.length > this.options.exactLimit);
    if (!useAnn) return queries.map((_, i) => exact(i));
    // A zero query is at cosine distance 1 from everything: the graph cannot rank that.
    const viaAnn = queries.map((_, i) => i).filter((i) => !(this.options.space === "cosine" && norms[i] === 0));
    if (viaAnn.length === 0) return queries.map((_, i) => exact(i));
    // The graph is on its way here and the worker has let it go: asked there now, the search
    // would fail and fall back to an exact scan of every record (70+ ms at 100k, the slowest
    // queries right after indexing). It waits the few ms of the move instead.
    if (this.mode === "exporting") {
      await this.handingOff;
      // (The move may have failed meanwhile.)
      if ((this.mode as Mode) === "exact") return queries.map((_, i) => exact(i));
    }

    const dim = this.store.dim;
    const packed = new Float32Array(viaAnn.length * dim);
    viaAnn.forEach((qi, j) => packed.set(queries[qi], j * dim));
    let allowed: Uint8Array | null = null;
    if (candidates) {
      allowed = new Uint8Array((this.store.slotLimit + 7) >> 3);
      for (let i = 0; i < candidates.length; i++) allowed[candidates[i] >> 3] |= 1 << (candidates[i] & 7);
    }
    // One ef for the main-thread, pool and worker searches; a filter raises it (search-ef.ts).
    const ef = searchEf(Math.max(this.options.efSearch, this.options.minEf?.(this.store.live) ?? 0), k, this.store.live, candidates ? candidates.length : null, this.options.exactLimit);
    if (this.mode === "local") {
      if ((this.options.foreground ?? foreground).active <= 1) {
        const labels = this.local!.search(packed, viaAnn.length, k, ef, allowed);
        return this.merge(queries, norms, k, viaAnn, labels, this.appliedOp, allowed, exact);
      }
      // The tail after the graph's snapshot stays in the log until the merge has read it: the
      // last pool search ending applies the changes that waited (searchesEnded), before this
      // merge runs, and a trim then would drop writes the graph's answer does not reflect.
      this.inflight++;
      let out: Hit[][];
      try {
        const answer = await this.poolSearch(packed, viaAnn.length, k, ef, allowed);
        // From here to the return nothing awaits (as below).
        out = answer ? this.merge(queries, norms, k, viaAnn, answer.labels, answer.applied, allowed, exact) : queries.map((_, i) => exact(i));
      } finally {
        this.inflight--;
      }
      this.trimLog();
      return out;
    }
    const ix = this.ix;
    this.inflight++;
    let answer: { applied: number; labels: Int32Array };
    try {
      // The bitset is copied, not transferred: the tail merge reads it too.
      answer = await this.options.host!.search({ t: "search", ix, queries: packed, n: viaAnn.length, k, ef, allowed }, [packed.buffer]);
    } catch (err) {
      this.inflight--;
      this.trimLog();
      if (this.ix === ix && (this.mode === "worker" || this.mode === "exporting")) {
        this.options.onWarning?.(`ANN search failed, answered exactly: ${String(err)}`);
      }
      return queries.map((_, i) => exact(i));
    }
    this.inflight--;
    // From here to the return nothing awaits, so the store cannot change under the merge. The
    // graph may have moved here meanwhile: the worker's answer still describes op `applied`.
    const out = this.ix === ix && this.mode !== "exact" ? this.merge(queries, norms, k, viaAnn, answer.labels, answer.applied, allowed, exact) : queries.map((_, i) => exact(i));
    this.trimLog();
    return out;
  }

  /**
   * The local graph's answer from a pool thread, as of op `applied` (changes that came in while
   * it ran are in the tail); null when the graph went away meanwhile or the search failed.
   */
  private async poolSearch(packed: Float32Array, n: number, k: number, ef: number, allowed: Uint8Array | null): Promise<{ applied: number; labels: Int32Array } | null> {
    while (this.changesWaiting) await new Promise<void>((resolve) => this.searchesWaiting.push(resolve));
    const graph = this.local;
    if (this.mode !== "local" || !graph) return null;
    const applied = this.appliedOp;
    this.poolSearches++;
    // (The caller holds the tail after `applied` in the log, `inflight`, until its merge.)
    let labels: Int32Array | null = null;
    try {
      labels = await graph.searchAsync(packed, n, k, ef, allowed);
    } catch (err) {
      if (this.local === graph) this.options.onWarning?.(`ANN search failed, answered exactly: ${String(err)}`);
    } finally {
      if (--this.poolSearches === 0) this.searchesEnded();
    }
    // A graph that failed or was dropped meanwhile answered for records it no longer covers.
    return labels && this.local === graph ? { applied, labels } : null;
  }

  /** The last pool search ended: the changes that waited go in, then the searches that waited. */
  private searchesEnded(): void {
    const chunks = this.chunksWaiting;
    this.chunksWaiting = [];
    const graph = this.mode === "local" ? this.local : null;
    if (graph) for (const index of chunks) graph.setChunk(index, this.store.chunks[index], this.store.normChunks[index]);
    if (this.changesWaiting) {
      this.changesWaiting = false;
      this.applyLocal();
    }
    const waiting = this.searchesWaiting;
    this.searchesWaiting = [];
    for (const resume of waiting) resume();
  }

  /** Graph answers as of op `applied`, plus the tail scored exactly. */
  private merge(
    queries: Float32Array[],
    norms: number[],
    k: number,
    viaAnn: number[],
    labels: Int32Array,
    applied: number,
    allowed: Uint8Array | null,
    exact: (i: number) => Hit[],
  ): Hit[][] {
    const out: Hit[][] = new Array(queries.length);
    const tail = this.tailSlots(applied, allowed);
    const ann = new Set(viaAnn);
    for (let i = 0; i < queries.length; i++) if (!ann.has(i)) out[i] = exact(i);
    viaAnn.forEach((qi, j) => {
      const slots = this.slotScratch(k + tail.length);
      let n = 0;
      for (let r = 0; r < k; r++) {
        const slot = labels[j * k + r];
        if (slot < 0) break;
        // A slot changed after the graph's snapshot is scored from the tail instead.
        if (slot < this.slotOp.length && this.slotOp[slot] > applied) continue;
        if (!this.store.isLive(slot)) continue;
        slots[n++] = slot;
      }
      for (const slot of tail) slots[n++] = slot;
      out[qi] = this.ranked(queries[qi], norms[qi], k, slots, n);
    });
    return out;
  }

  /** Live slots the graph (as of op `applied`) does not reflect, plus exact-only slots; each once. */
  private tailSlots(applied: number, allowed: Uint8Array | null): number[] {
    const out: number[] = [];
    const ok = (slot: number) => this.store.isLive(slot) && (!allowed || (allowed[slot >> 3] & (1 << (slot & 7))) !== 0);
    for (let op = Math.max(applied, this.logBase - 1) + 1; op <= this.opNo; op++) {
      const slot = this.log[this.logAt(op)];
      // Exact-only slots (their latest op removes them from the graph) are added below.
      if (this.slotOp[slot] === op && ok(slot) && !this.exactOnly.has(slot)) out.push(slot);
    }
    for (const slot of this.exactOnly) if (ok(slot)) out.push(slot);
    return out;
  }

  /** A scratch array of at least n slots (valid until the next call). */
  private slotScratch(n: number): Int32Array {
    if (this.scoreSlots.length < n) this.scoreSlots = new Int32Array(Math.max(n, 2 * this.scoreSlots.length));
    return this.scoreSlots;
  }

  /**
   * The k nearest of slots[0..n) to `q`, as hits. Ranked by exact float64 distances, unrounded:
   * records whose distances differ only below float32 precision still come back in the order of
   * their true distances, as upstream orders them. The sums come from the store in one call (the
   * addon over the chunks in place).
   */
  private ranked(q: Float32Array, qn: number, k: number, slots: Int32Array, n: number): Hit[] {
    const top = new TopK(Math.min(k, n));
    if (top.k === 0) return [];
    const s = this.store;
    const space = this.options.space;
    if (this.scoreDist.length < n) this.scoreDist = new Float64Array(Math.max(n, 2 * this.scoreDist.length));
    const d = this.scoreDist;
    s.sums(q, slots, n, space === "l2" ? 0 : 1, d);
    for (let i = 0; i < n; i++) {
      const slot = slots[i];
      const dist = space === "l2" ? d[i] : distanceFromSum(space, d[i], qn, s.normOf(slot));
      if (dist <= top.bound()) top.push(dist, s.seqOf(slot), slot);
    }
    return this.hits(top, q);
  }

  /** The kept candidates with upstream's float32 distances, in upstream's order. */
  private hits(top: TopK, q: Float32Array): Hit[] {
    const s = this.store;
    const space = this.options.space;
    if (this.queryScratch.length < s.dim) this.queryScratch = new Float32Array(s.dim);
    const prepared = upstreamQuery(space, q, s.dim, this.queryScratch);
    const out = top.sorted().map(({ slot, order }) => ({
      slot,
      id: s.idOf(slot),
      seq: order,
      distance: upstreamDistanceTo(space, prepared, s.chunkOf(slot), s.offsetOf(slot), s.dim),
    }));
    return out.sort((a, b) => a.distance - b.distance || a.seq - b.seq);
  }

  /** Exact k-NN over the candidates (or every live record). */
  private exact(q: Float32Array, qn: number, k: number, candidates: Int32Array | null): Hit[] {
    const s = this.store;
    if (!candidates) {
      const live = s.liveSlots();
      return this.ranked(q, qn, k, live, live.length);
    }
    const slots = this.slotScratch(candidates.length);
    let n = 0;
    for (let i = 0; i < candidates.length; i++) if (s.isLive(candidates[i])) slots[n++] = candidates[i];
    return this.ranked(q, qn, k, slots, n);
  }
}

/** A load's use of a saved vectors file (VectorIndex.beginLoad). */
interface SavedVectorsLoad {
  file: VectorFile;
  /** Per chunk: 1 when its saved vectors were read intact (readSavedVectors). */
  intact: Uint8Array;
  /** Records loadKeys found no saved vector for: seq -> version, until loadVectors brings them. */
  missing: Map<number, number>;
  /** Records whose vector came from the file. */
  fromFile: number;
}
