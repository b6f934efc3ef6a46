/**
 * One collection's HNSW graph (hnswlib, through chromaspec's addon: see native.ts), labelled by
 * slot, with the bookkeeping both of its homes need: the ANN worker (while a bulk of records is
 * being indexed) and the main thread (afterwards, so searches need no cross-thread round trip).
 *
 * Ops are enqueued, then applied in order. A label with an op still queued is stale in the
 * graph (an old vector, or a record since deleted): searches skip it, and the caller scores
 * that record exactly instead. The graph holds no vectors of its own: it reads them in the slot
 * store's shared chunks (registered with `setChunk`), at insert and at search time. A slot
 * changed again meanwhile is read with its newer vector, which is harmless since that change is
 * itself a later op (and its label is skipped by searches until then).
 */
import type { DistanceSpace } from "../storage.js";
import type { PiecewiseBytes } from "./graph-snapshot.js";
import { hnsw, type HnswIndex } from "./native.js";
import { OP_DELETE } from "./protocol.js";
import { grown } from "./typed-arrays.js";
const INITIAL_CAPACITY = 1024;
/**
 * Width of the beam over the graph's level 1, whose nodes all enter level 0 (the layers above are
 * descended greedily, as hnswlib does all of them). Along one greedy path a query on clustered
 * data can reach level 0 in a neighbouring cluster and settle there, finding none of its true
 * neighbours although they are reachable (docs/performance.md "Design";
 * test/storage/hnsw-native.test.ts reproduces it). Level 1 holds ~1/M of the nodes: at 100k x 384
 * the beam adds ~6-12 % distance computations to a search at ef 160 (bench/upper-beam.ts).
 */
const UPPER_EF = 16;
/**
 * How many of a quantized search's ef best (by int8 distance) are scored with the exact float
 * distance to pick the k returned (HnswIndex.search's `rerank`; a float graph ignores it). The
 * exact k best are almost always among the int8 distances' first few k: re-ranking max(4k, 40)
 * instead of all ef (128) gave the same answers to all 200 queries of every shape and space
 * (bench/addon-ab.ts --quantA --quantB --rerankB 40 --truth: uniform l2 / cosine / ip, subspace
 * l2, full l2 / ip at 100k; subspace cosine / ip, full cosine at 20k) and the same recall@10 on
 * the server's 1M x 384 graph (0.9593 over 300 queries either way, bench/upper-beam.ts --from-dir
 * --rerank 0,40), for ~10-20 % less CPU per search there: each exact distance reads a whole float
 * row (1.5 KB at 384-d), a cache miss apiece.
 */
export function rerankPool(k: number): number {
  return Math.max(4 * k, 40);
}

/** Upserts handed to the addon at once (inserted in parallel when threads > 1). */
const MAX_BATCH = 64;

/** Which labels the graph holds, to carry the graph from one thread to the other. */
export interface GraphState {
  known: Uint8Array;
  present: Uint8Array;
}

export class Graph {
  private index: HnswIndex;
  private capacity: number;
  /** Labels in the graph and not marked deleted. */
  private present = new Uint8Array(0);
  /** Labels added at some point (hnswlib keeps a deleted label; adding it again revives it). */
  private known = new Uint8Array(0);
  /** Queued ops per label. */
  private queued = new Int32Array(0);
  /** Present labels with queued ops: when there are any, searches must filter. */
  private stale = 0;
  /** Scratch for a batch of labels. */
  private readonly batchLabels = new Int32Array(MAX_BATCH);

  private constructor(
    readonly space: DistanceSpace,
    readonly dim: number,
    index: HnswIndex,
  ) {
    this.index = index;
    this.capacity = index.capacity();
  }

  /**
   * An empty graph reading vectors in chunks of 2^chunkBits rows (the slot store's). `quantized`:
   * its searches traverse int8 copies of the vectors and re-rank their ef best exactly
   * (HnswIndex's `quantized`: ~dim + 8 bytes more per element of capacity, ~2x less CPU per search).
   */
  static create(space: DistanceSpace, dim: number, m: number, efConstruction: number, seed: number, chunkBits: number, quantized = false): Graph {
    const { HnswIndex } = hnsw();
    return new Graph(space, dim, new HnswIndex(space, dim, INITIAL_CAPACITY, m, efConstruction, seed, chunkBits, quantized));
  }

  /**
   * A graph loaded from saved bytes (HnswIndex.restore) over the slot store's chunks, which must
   * cover every label in it. Its labels must be exactly those `present` marks (the saved slot
   * map): a graph that disagrees with its slot map is as damaged as one that fails its checks.
   */
  static restore(
    space: DistanceSpace,
    dim: number,
    m: number,
    efConstruction: number,
    seed: number,
    chunkBits: number,
    quantized: boolean,
    chunks: Float32Array[],
    bytes: Uint8Array,
    present: Uint8Array,
    norms: Float32Array[] = [],
  ): Graph {
    const g = Graph.create(space, dim, m, efConstruction, seed, chunkBits, quantized);
    chunks.forEach((rows, i) => g.setChunk(i, rows, norms[i]));
    g.index.restore(bytes);
    g.capacity = g.index.capacity();
    const states = g.index.labelStates();
    g.known = new Uint8Array(states.length);
    g.present = new Uint8Array(states.length);
    for (let label = 0; label < Math.max(states.length, present.length); label++) {
      const here = label < states.length && states[label] === 2 ? 1 : 0;
      if (here !== (present[label] ?? 0)) throw new Error("damaged graph snapshot: the graph's nodes differ from its slot map");
      if (label < states.length) {
        g.known[label] = states[label] > 0 ? 1 : 0;
        g.present[label] = here;
      }
    }
    return g;
  }

  /** Takes over a graph another thread detached (`detach`), with its label state. */
  static adopt(space: DistanceSpace, dim: number, handle: number, state: GraphState): Graph {
    const { HnswIndex } = hnsw();
    const g = new Graph(space, dim, new HnswIndex(handle));
    // The state crossed threads by structured clone: copy into plain buffers of our own.
    g.known = Uint8Array.from(state.known);
    g.present = Uint8Array.from(state.present);
    return g;
  }

  /** Frees a detached graph that will not be adopted. */
  static release(handle: number): void {
    hnsw().HnswIndex.release(handle);
  }

  /** Parks the graph for another thread of this process: this object is unusable after. */
  detach(): { handle: number; state: GraphState } {
    const state = { known: this.known.slice(), present: this.present.slice() };
    return { handle: this.index.detach(), state };
  }

  /**
   * Chunk `index` of the slot store's vectors (2^chunkBits rows) and their norms (slots.ts
   * normChunks; cosine graphs read them, see native.ts); both must stay alive while the graph is used.
   */
  setChunk(index: number, rows: Float32Array, norms?: Float32Array): void {
    this.index.setChunk(index, rows, norms);
  }

  get size(): number {
    return this.index.count();
  }

  /** Whether searches traverse int8 copies of the vectors (see create). */
  get quantized(): boolean {
    return this.index.quantized();
  }

  /**
   * The graph's bytes (HnswIndex.serialize): searches may run until it resolves, changes may not.
   * They are written over a SharedArrayBuffer, so a save hands them to its own thread without a
   * copy (a copy of a 100k graph's ~20 MB into fresh memory costs tens of ms of page faults here).
   */
  serialize(): Promise<Uint8Array> {
    return this.index.serialize(new Uint8Array(new SharedArrayBuffer(this.index.serializedSize())));
  }

  /**
   * The graph's bytes as serialize() gives them, read a range at a time (HnswIndex.serialize
   * with an offset, on a pool thread), so a file save needs no second copy of the graph. The
   * caller changes the graph in no way until its last read has resolved; searches may run.
   */
  bytes(): PiecewiseBytes {
    const index = this.index;
    return { length: index.serializedSize(), read: (out, offset) => index.serialize(out, offset) };
  }

  /** One past the highest label the graph has held. */
  get labelLimit(): number {
    return this.present.length;
  }

  /** 1 per label in the graph and not deleted, from label 0 up, into `out` (labels past it are left out). */
  copyPresent(out: Uint8Array): void {
    out.set(this.present.length > out.length ? this.present.subarray(0, out.length) : this.present);
  }

  /** Whether `label` is in the graph and not deleted. */
  has(label: number): boolean {
    return this.isPresent(label);
  }

  private isPresent(label: number): boolean {
    return label < this.present.length && this.present[label] === 1;
  }

  private isKnown(label: number): boolean {
    return label < this.known.length && this.known[label] === 1;
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

  /**
   * Applies queued ops [from, to) in order. Consecutive upserts of distinct labels go to the
   * addon together, inserted by `threads` threads.
   */
  applyRun(kinds: ArrayLike<number>, labels: ArrayLike<number>, from: number, to: number, threads: number): void {
    let i = from;
    while (i < to) {
      if (kinds[i] === OP_DELETE) {
        const label = labels[i];
        const wasStale = this.isPresent(label);
        if (this.isPresent(label)) {
          this.index.markDelete(label);
          this.present[label] = 0;
        }
        this.settle(label, wasStale);
        i++;
        continue;
      }
      // A run of upserts with distinct labels (a repeated label ends the run: order matters).
      let n = 0;
      let fresh = 0;
      const seen = new Set<number>();
      while (i + n < to && n < MAX_BATCH && kinds[i + n] !== OP_DELETE && !seen.has(labels[i + n])) {
        const label = labels[i + n];
        seen.add(label);
        this.batchLabels[n] = label;
        if (!this.isKnown(label)) fresh++;
        n++;
      }
      const needed = this.index.count() + fresh;
      if (needed > this.capacity) {
        while (this.capacity < needed) this.capacity *= 2;
        this.index.resize(this.capacity);
      }
      // On a label the graph has (deleted or not) this replaces the vector and un-deletes it.
      this.index.addPoints(this.batchLabels.subarray(0, n), threads);
      for (let j = 0; j < n; j++) {
        const label = this.batchLabels[j];
        const wasStale = this.isPresent(label);
        this.known = grown(this.known, label + 1);
        this.present = grown(this.present, label + 1);
        this.known[label] = 1;
        this.present[label] = 1;
        this.settle(label, wasStale);
      }
      i += n;
    }
  }

  /** One queued op of `label` is done: it is stale while more are queued. */
  private settle(label: number, wasStale: boolean): void {
    this.queued[label]--;
    const isStale = this.queued[label] > 0 && this.isPresent(label);
    this.stale += (isStale ? 1 : 0) - (wasStale ? 1 : 0);
  }

  /**
   * k labels per query (-1 where fewer were found), skipping stale labels and, if given,
   * labels outside the `allowed` bitset.
   */
  search(queries: Float32Array, n: number, k: number, ef: number, allowed: Uint8Array | null): Int32Array {
    // The addon answers an empty graph or k = 0 with -1s, and searches with ef >= k.
    return this.index.search(queries, n, k, ef, allowed, this.stale > 0 ? this.queued : null, UPPER_EF, rerankPool(k));
  }

  /**
   * search() on a pool thread (HnswIndex.searchAsync): the graph takes no change (applyRun,
   * setChunk) until it resolves, and `queries` / `allowed` must stay unchanged until then.
   */
  searchAsync(queries: Float32Array, n: number, k: number, ef: number, allowed: Uint8Array | null): Promise<Int32Array> {
    return this.index.searchAsync(queries, n, k, ef, allowed, this.stale > 0 ? this.queued : null, UPPER_EF, rerankPool(k));
  }
}
