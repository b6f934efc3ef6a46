/**
 * One collection's HNSW graph (hnswlib), labelled by slot, with the bookkeeping both of its
 * homes need: the ANN worker (while a bulk of records is being indexed) and the main thread
 * (afterwards, so searches need no cross-thread round trip).
 *
 * Ops are enqueued, then applied in order. A label with an op still queued is stale in the
 * graph (an old vector, or a record since deleted): searches skip it, and the caller scores
 * that record exactly instead. Vectors are read at apply time from the slot store's shared
 * chunks; if the slot changed again meanwhile the newer vector goes in, which is harmless
 * since that change is itself a later op.
 */
import hnswlib from "hnswlib-node";
import type { DistanceSpace } from "../../core/model.js";
import { CHUNK, CHUNK_BITS, OP_DELETE } from "./protocol.js";
const INITIAL_CAPACITY = 1024;

function grown<T extends Uint8Array | Int32Array>(a: T, min: number): T {
  if (a.length >= min) return a;
  let n = Math.max(64, a.length);
  while (n < min) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** Which labels the graph holds, to carry the graph from one thread to the other. */
export interface GraphState {
  known: Uint8Array;
  present: Uint8Array;
}

export class Graph {
  private index: hnswlib.HierarchicalNSW;
  private capacity: number;
  /** Labels in the graph and not marked deleted. */
  private present = new Uint8Array(0);
  /** Labels added at some point (hnswlib keeps a deleted label; adding it again revives it). */
  private known = new Uint8Array(0);
  /** Queued ops per label. */
  private queued = new Int32Array(0);
  /** Present labels with queued ops: when there are any, searches must filter. */
  private stale = 0;
  private readonly point: number[];

  private constructor(
    readonly space: DistanceSpace,
    readonly dim: number,
    index: hnswlib.HierarchicalNSW,
    capacity: number,
  ) {
    this.index = index;
    this.capacity = capacity;
    this.point = new Array<number>(dim).fill(0);
  }

  static create(space: DistanceSpace, dim: number, m: number, efConstruction: number, seed: number): Graph {
    const index = new hnswlib.HierarchicalNSW(space, dim);
    index.initIndex(INITIAL_CAPACITY, m, efConstruction, seed);
    return new Graph(space, dim, index, INITIAL_CAPACITY);
  }

  /** A graph written by `save`, with the label state that went with it. */
  static async load(space: DistanceSpace, dim: number, path: string, state: GraphState): Promise<Graph> {
    const index = new hnswlib.HierarchicalNSW(space, dim);
    // Runs on libuv's thread pool: the calling thread stays free.
    await index.readIndex(path);
    const g = new Graph(space, dim, index, index.getMaxElements());
    // The state crossed threads by structured clone: copy into plain buffers of our own.
    g.known = Uint8Array.from(state.known);
    g.present = Uint8Array.from(state.present);
    return g;
  }

  /** Writes the graph to a file (on libuv's thread pool); no op may be applied meanwhile. */
  async save(path: string): Promise<GraphState> {
    await this.index.writeIndex(path);
    return { known: this.known.slice(), present: this.present.slice() };
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  private isPresent(label: number): boolean {
    return label < this.present.length && this.present[label] === 1;
  }

  enqueue(slots: ArrayLike<number>): void {
    let max = -1;
    for (let i = 0; i < slots.length; i++) if (slots[i] > max) max = slots[i];
    this.queued = grown(this.queued, max + 1);
    for (let i = 0; i < slots.length; i++) {
      const label = slots[i];
      if (this.queued[label]++ === 0 && this.isPresent(label)) this.stale++;
    }
  }

  /** Applies one queued op; an upsert reads the slot's vector from `chunks`. */
  apply(kind: number, label: number, chunks: readonly Float32Array[]): void {
    const wasStale = this.isPresent(label);
    if (kind === OP_DELETE) {
      if (this.isPresent(label)) {
        this.index.markDelete(label);
        this.present[label] = 0;
      }
    } else {
      const chunk = chunks[label >>> CHUNK_BITS];
      const at = (label & (CHUNK - 1)) * this.dim;
      const p = this.point;
      for (let d = 0; d < this.dim; d++) p[d] = chunk[at + d];
      const isKnown = label < this.known.length && this.known[label] === 1;
      if (!isKnown && this.index.getCurrentCount() >= this.capacity) {
        this.capacity *= 2;
        this.index.resizeIndex(this.capacity);
      }
      // On a label the graph has (deleted or not) this replaces the vector and un-deletes it.
      this.index.addPoint(p, label);
      this.known = grown(this.known, label + 1);
      this.present = grown(this.present, label + 1);
      this.known[label] = 1;
      this.present[label] = 1;
    }
    this.queued[label]--;
    const isStale = this.queued[label] > 0 && this.isPresent(label);
    this.stale += (isStale ? 1 : 0) - (wasStale ? 1 : 0);
  }

  /**
   * k labels per query (-1 where fewer were found), skipping stale labels and, if given,
   * labels outside the `allowed` bitset.
   */
  search(queries: Float32Array, n: number, k: number, ef: number, allowed: Uint8Array | null): Int32Array {
    const out = new Int32Array(n * k).fill(-1);
    if (this.index.getCurrentCount() === 0 || k === 0) return out;
    const kk = Math.min(k, this.index.getMaxElements());
    this.index.setEf(Math.max(ef, kk));
    const queued = this.queued;
    const skipStale = this.stale > 0;
    let filter: ((label: number) => boolean) | undefined;
    if (allowed && skipStale) filter = (l) => (allowed[l >> 3] & (1 << (l & 7))) !== 0 && !(l < queued.length && queued[l] > 0);
    else if (allowed) filter = (l) => (allowed[l >> 3] & (1 << (l & 7))) !== 0;
    else if (skipStale) filter = (l) => !(l < queued.length && queued[l] > 0);
    const q = this.point.slice();
    for (let i = 0; i < n; i++) {
      for (let d = 0; d < this.dim; d++) q[d] = queries[i * this.dim + d];
      const found = this.index.searchKnn(q, kk, filter).neighbors;
      for (let j = 0; j < found.length; j++) out[i * k + j] = found[j];
    }
    return out;
  }
}
