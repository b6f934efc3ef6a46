/**
 * One collection's vector search: the records in memory (SlotStore), an HNSW graph built in the
 * ANN worker, and exact scans for whatever the graph does not reflect yet.
 *
 * Every change (upsert or delete of a slot) becomes a numbered op sent to the worker. A search
 * asks the graph, which answers "as of op W"; the slots whose latest op is after W (the tail:
 * just written, replaced or deleted) are then scored exactly against their current vectors
 * and merged in, and graph answers for those slots are dropped. So an acknowledged write is
 * visible, exactly, to the very next query, however far behind the graph is.
 *
 * Prefiltered searches (the candidate slots come from LanceDB evaluating the filter) are exact
 * scans when the candidates are few enough to scan quickly, and graph searches restricted to
 * the candidates otherwise. Collections smaller than `annThreshold` are only ever scanned.
 */
import type { DistanceSpace } from "../../core/model.js";
import type { AnnListener, AnnWorkerHost } from "./ann-worker-host.js";
import { distanceAt, finalDistance, vectorNorm } from "./distance.js";
import { OP_DELETE, OP_UPSERT } from "./protocol.js";
import { type MemoryBudget, type Payload, SlotStore } from "./slots.js";
import { TopK } from "./topk.js";

export interface AnnParams {
  space: DistanceSpace;
  /** HNSW max neighbors per node (upstream's max_neighbors). */
  m: number;
  efConstruction: number;
  efSearch: number;
}

export interface VectorIndexOptions extends AnnParams {
  /** Build a graph once the collection holds this many records; below, searches are exact. */
  annThreshold: number;
  /** Prefiltered searches over at most this many candidates are exact scans. */
  exactLimit: number;
  /** Where graphs are built; null = exact search only. */
  host: AnnWorkerHost | null;
  budget: MemoryBudget;
  onWarning?: (message: string) => void;
}

export interface Entry {
  id: string;
  seq: number;
  vector: Float32Array;
  payload?: Payload;
}

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

function grown(a: Float64Array<ArrayBuffer>, min: number): Float64Array<ArrayBuffer> {
  if (a.length >= min) return a;
  let n = Math.max(64, a.length);
  while (n < min) n *= 2;
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

export class VectorIndex implements AnnListener {
  readonly store: SlotStore;
  private ix = 0;
  private annActive = false;
  private annFailures = 0;
  /** Number of the last op sent, and of the last one the worker applied. */
  private opNo = 0;
  private appliedOp = 0;
  /** Per slot, the number of its latest op (0: none since the graph started). */
  private slotOp = new Float64Array(0);
  /** Slots of ops not yet known to be applied: op number n is at log[n - logBase + logHead]. */
  private log: number[] = [];
  private logHead = 0;
  private logBase = 1;
  /** Searches waiting for the worker; the log is only trimmed when there are none. */
  private inflight = 0;
  /** Cosine zero vectors: at distance 1 from everything, kept out of the graph, always scanned. */
  private readonly exactOnly = new Set<number>();
  /** Ops waiting to be sent (flushed at the end of each put/remove). */
  private outKinds: number[] = [];
  private outSlots: number[] = [];
  private closed = false;

  constructor(
    dim: number,
    private readonly options: VectorIndexOptions,
  ) {
    this.store = new SlotStore(dim, options.budget);
  }

  get space(): DistanceSpace {
    return this.options.space;
  }

  get live(): number {
    return this.store.live;
  }

  /** Whether searches use a graph (possibly still being built). */
  get annEnabled(): boolean {
    return this.annActive;
  }

  setEfSearch(ef: number): void {
    this.options.efSearch = ef;
  }

  // ---- changes -----------------------------------------------------------------------------

  /** Inserts or replaces records; `activate` false defers starting a graph (bulk loads). */
  put(entries: readonly Entry[], activate = true): void {
    for (const e of entries) {
      const { slot } = this.store.put(e.id, e.seq, e.vector, e.payload);
      if (this.options.space === "cosine" && this.store.normOf(slot) === 0) {
        // Out of the graph (a stale graph entry is removed), scored exactly at distance 1.
        if (!this.exactOnly.has(slot)) {
          this.exactOnly.add(slot);
          this.queue(OP_DELETE, slot);
        }
        continue;
      }
      this.exactOnly.delete(slot);
      this.queue(OP_UPSERT, slot);
    }
    this.flush();
    if (activate) this.activate();
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
    if (this.annActive) this.options.host?.drop(this.ix);
    this.annActive = false;
    this.store.release();
  }

  // ---- the worker's side ------------------------------------------------------------------

  applied(op: number): void {
    if (op > this.appliedOp) this.appliedOp = op;
    if (this.inflight === 0) this.trimLog();
  }

  failed(reason: string): void {
    if (!this.annActive) return;
    this.annActive = false;
    this.annFailures++;
    this.options.onWarning?.(`ANN index failed (searches are exact until it is rebuilt): ${reason}`);
    this.resetOps();
    this.activate();
  }

  private resetOps(): void {
    this.opNo = 0;
    this.appliedOp = 0;
    this.slotOp = new Float64Array(0);
    this.log = [];
    this.logHead = 0;
    this.logBase = 1;
    this.outKinds = [];
    this.outSlots = [];
  }

  private queue(kind: number, slot: number): void {
    if (!this.annActive) return;
    this.outKinds.push(kind);
    this.outSlots.push(slot);
  }

  /** Sends the queued ops as one message, numbering them and noting each slot's latest op. */
  private flush(): void {
    const n = this.outSlots.length;
    if (n === 0) return;
    const kinds = Uint8Array.from(this.outKinds);
    const slots = Int32Array.from(this.outSlots);
    this.outKinds = [];
    this.outSlots = [];
    const dim = this.store.dim;
    let upserts = 0;
    for (let i = 0; i < n; i++) if (kinds[i] === OP_UPSERT) upserts++;
    const vectors = new Float32Array(upserts * dim);
    let at = 0;
    const first = this.opNo + 1;
    this.slotOp = grown(this.slotOp, this.store.slotLimit);
    for (let i = 0; i < n; i++) {
      const slot = slots[i];
      const op = first + i;
      this.slotOp[slot] = op;
      this.log.push(slot);
      if (kinds[i] === OP_UPSERT) {
        const chunk = this.store.chunkOf(slot);
        const off = this.store.offsetOf(slot);
        vectors.set(chunk.subarray(off, off + dim), at);
        at += dim;
      }
    }
    this.opNo = first + n - 1;
    this.options.host!.send({ t: "ops", ix: this.ix, first, kinds, slots, vectors }, [vectors.buffer, kinds.buffer, slots.buffer]);
  }

  private trimLog(): void {
    const drop = this.appliedOp - this.logBase + 1;
    if (drop <= 0) return;
    this.logHead += drop;
    this.logBase += drop;
    if (this.logHead > 4096 && this.logHead * 2 > this.log.length) {
      this.log = this.log.slice(this.logHead);
      this.logHead = 0;
    }
  }

  /** Starts a graph (and sends it every record) if the collection is big enough for one. */
  activate(): void {
    const { host } = this.options;
    if (this.annActive || this.closed || !host || this.annFailures >= MAX_ANN_FAILURES) return;
    if (this.store.live < this.options.annThreshold) return;
    this.resetOps();
    this.ix = host.register(this);
    this.annActive = true;
    const { space, m, efConstruction } = this.options;
    host.send({ t: "create", ix: this.ix, dim: this.store.dim, space, m, efConstruction, seed: SEED });
    const limit = this.store.slotLimit;
    for (let slot = 0; slot < limit; slot++) {
      if (!this.store.isLive(slot) || this.exactOnly.has(slot)) continue;
      this.queue(OP_UPSERT, slot);
      if (this.outSlots.length >= BUILD_BATCH) this.flush();
    }
    this.flush();
  }

  // ---- progress ------------------------------------------------------------------------------

  /** Records whose current state is searchable through the graph (or needs none) vs not yet. */
  status(): { indexed: number; unindexed: number } {
    const live = this.store.live;
    if (!this.annActive) return { indexed: live, unindexed: 0 };
    let pending = 0;
    let livePending = 0;
    for (let op = this.appliedOp + 1; op <= this.opNo; op++) {
      const slot = this.log[op - this.logBase + this.logHead];
      if (this.slotOp[slot] !== op) continue;
      pending++;
      if (this.store.isLive(slot)) livePending++;
    }
    return { indexed: live - livePending, unindexed: pending };
  }

  // ---- search --------------------------------------------------------------------------------

  /**
   * The k nearest live records to each query, nearest first (ties in insertion order), among
   * `candidates` when given. Distances are exact, in the index's space.
   */
  async search(queries: Float32Array[], k: number, candidates: Int32Array | null): Promise<Hit[][]> {
    const norms = queries.map((q) => vectorNorm(q));
    const exact = (i: number) => this.exact(queries[i], norms[i], k, candidates);
    const useAnn =
      this.annActive && k > 0 && this.store.live > 0 && (candidates === null || candidates.length > this.options.exactLimit);
    if (!useAnn) return queries.map((_, i) => exact(i));
    // A zero query is at cosine distance 1 from everything: the graph cannot rank that.
    const viaAnn = queries.map((_, i) => i).filter((i) => !(this.options.space === "cosine" && norms[i] === 0));
    if (viaAnn.length === 0) return queries.map((_, i) => exact(i));

    const dim = this.store.dim;
    const packed = new Float32Array(viaAnn.length * dim);
    viaAnn.forEach((qi, j) => packed.set(queries[qi], j * dim));
    let allowed: Uint8Array | null = null;
    if (candidates) {
      allowed = new Uint8Array((this.store.slotLimit + 7) >> 3);
      for (let i = 0; i < candidates.length; i++) allowed[candidates[i] >> 3] |= 1 << (candidates[i] & 7);
    }
    const ix = this.ix;
    const ef = Math.max(this.options.efSearch, k);
    this.inflight++;
    let answer: { applied: number; labels: Int32Array };
    try {
      // The bitset is copied, not transferred: the tail merge below reads it too.
      answer = await this.options.host!.search({ t: "search", ix, queries: packed, n: viaAnn.length, k, ef, allowed }, [packed.buffer]);
    } catch (err) {
      this.inflight--;
      if (this.inflight === 0) this.trimLog();
      if (this.annActive && this.ix === ix) this.options.onWarning?.(`ANN search failed, answered exactly: ${String(err)}`);
      return queries.map((_, i) => exact(i));
    }
    // From here to the return nothing awaits, so the store cannot change under the merge.
    const out: Hit[][] = new Array(queries.length);
    for (let i = 0; i < queries.length; i++) if (!viaAnn.includes(i)) out[i] = exact(i);
    const stillSame = this.annActive && this.ix === ix;
    const tail = stillSame ? this.tailSlots(answer.applied, allowed) : null;
    viaAnn.forEach((qi, j) => {
      if (!tail) {
        out[qi] = exact(qi);
        return;
      }
      const top = new TopK(k);
      const q = queries[qi];
      const qn = norms[qi];
      for (let r = 0; r < k; r++) {
        const slot = answer.labels[j * k + r];
        if (slot < 0) break;
        // A slot changed after the graph's snapshot is scored from the tail instead.
        if (slot < this.slotOp.length && this.slotOp[slot] > answer.applied) continue;
        if (!this.store.isLive(slot)) continue;
        this.score(top, q, qn, slot);
      }
      for (const slot of tail) this.score(top, q, qn, slot);
      out[qi] = this.hits(top);
    });
    this.inflight--;
    if (this.inflight === 0) this.trimLog();
    return out;
  }

  /** Live slots the graph (as of op `applied`) does not reflect, plus exact-only slots. */
  private tailSlots(applied: number, allowed: Uint8Array | null): number[] {
    const out: number[] = [];
    const ok = (slot: number) => this.store.isLive(slot) && (!allowed || (allowed[slot >> 3] & (1 << (slot & 7))) !== 0);
    for (let op = Math.max(applied, this.logBase - 1) + 1; op <= this.opNo; op++) {
      const slot = this.log[op - this.logBase + this.logHead];
      if (this.slotOp[slot] === op && ok(slot)) out.push(slot);
    }
    for (const slot of this.exactOnly) if (ok(slot)) out.push(slot);
    return out;
  }

  private score(top: TopK, q: Float32Array, qn: number, slot: number): void {
    const s = this.store;
    const d = finalDistance(distanceAt(this.options.space, q, qn, s.chunkOf(slot), s.offsetOf(slot), s.dim, s.normOf(slot)));
    top.push(d, s.seqOf(slot), slot);
  }

  private hits(top: TopK): Hit[] {
    return top.sorted().map(({ slot, distance, order }) => ({ slot, id: this.store.idOf(slot), seq: order, distance }));
  }

  /** Exact k-NN over the candidates (or every live record). */
  private exact(q: Float32Array, qn: number, k: number, candidates: Int32Array | null): Hit[] {
    const top = new TopK(Math.min(k, candidates ? candidates.length : this.store.live));
    if (top.k === 0) return [];
    const s = this.store;
    const space = this.options.space;
    const dim = s.dim;
    if (candidates) {
      for (let i = 0; i < candidates.length; i++) {
        const slot = candidates[i];
        if (!s.isLive(slot)) continue;
        const d = finalDistance(distanceAt(space, q, qn, s.chunkOf(slot), s.offsetOf(slot), dim, s.normOf(slot)));
        if (d <= top.bound()) top.push(d, s.seqOf(slot), slot);
      }
    } else {
      const limit = s.slotLimit;
      for (let slot = 0; slot < limit; slot++) {
        if (!s.isLive(slot)) continue;
        const d = finalDistance(distanceAt(space, q, qn, s.chunkOf(slot), s.offsetOf(slot), dim, s.normOf(slot)));
        if (d <= top.bound()) top.push(d, s.seqOf(slot), slot);
      }
    }
    return this.hits(top);
  }
}
