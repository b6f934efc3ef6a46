/** Exact k-NN by brute force (float64), the ground truth recall is measured against. */
import type { Records } from "./data.js";
import { hnsw, type VectorScan } from "../src/storage/memory/native.js";

export type Space = "l2" | "cosine" | "ip";

export function distance(space: Space, q: Float32Array, data: Float32Array, offset: number, dim: number): number {
  let dot = 0;
  let qq = 0;
  let vv = 0;
  let l2 = 0;
  for (let d = 0; d < dim; d++) {
    const a = q[d];
    const b = data[offset + d];
    dot += a * b;
    qq += a * a;
    vv += b * b;
    const x = a - b;
    l2 += x * x;
  }
  return fromSums(space, l2, dot, qq, vv);
}

/** The distance in `space` from its float64 sums: squared l2, q.v, q.q and v.v. */
function fromSums(space: Space, l2: number, dot: number, qq: number, vv: number): number {
  if (space === "l2") return l2;
  if (space === "ip") return 1 - dot;
  return qq === 0 || vv === 0 ? 1 : 1 - dot / Math.sqrt(qq * vv);
}

/** recall@k: the share of the true k nearest that were returned. */
export function recall(returned: string[][], truth: string[][]): number {
  let hit = 0;
  let total = 0;
  for (let q = 0; q < truth.length; q++) {
    const got = new Set(returned[q] ?? []);
    for (const id of truth[q]) if (got.has(id)) hit++;
    total += truth[q].length;
  }
  return total === 0 ? 1 : hit / total;
}

/** The k smallest (d, i) offered so far, nearest first; ties keep the earlier offer first. */
class TopK {
  readonly list: { i: number; d: number }[] = [];
  constructor(private readonly k: number) {}

  offer(i: number, d: number): void {
    const list = this.list;
    if (list.length === this.k && d >= list[this.k - 1].d) return;
    let at = list.length;
    while (at > 0 && list[at - 1].d > d) at--;
    list.splice(at, 0, { i, d });
    if (list.length > this.k) list.pop();
  }
}

/** Distances from each query to the rows of one batch at a time. */
interface BatchDistances {
  /** Takes the batch's first n rows (before any `compute` on them). */
  load(vectors: Float32Array, n: number): void;
  /** out[r] = the distance from queries[qi] to row r of the loaded batch. */
  compute(space: Space, qi: number, out: Float64Array): void;
}

/**
 * The addon's float64 scan (the SIMD kernels the server's exact search uses), where it is built:
 * the JS loop took ~25 minutes of a loaded machine for 20 queries over 1M x 1536, the addon takes
 * seconds. Both sum in float64 from the same float32s (the addon's order of the additions may
 * differ: only exact ties could rank differently).
 */
function nativeDistances(dim: number, batchSize: number, queries: Float32Array[]): BatchDistances | null {
  const bits = Math.max(0, Math.ceil(Math.log2(batchSize)));
  // One chunk of 2^bits rows (the scan's unit) that each batch is copied into.
  const rows = new Float32Array((1 << bits) * dim);
  let scan: VectorScan;
  try {
    scan = new (hnsw().VectorScan)(dim, bits);
  } catch {
    return null;
  }
  scan.setChunk(0, rows);
  const slots = Int32Array.from({ length: batchSize }, (_, i) => i);
  const zero = new Float32Array(dim);
  const vv = new Float64Array(batchSize);
  const qq = queries.map((q) => q.reduce((s, x) => s + x * x, 0));
  let n = 0;
  return {
    load(vectors, rowCount) {
      n = rowCount;
      rows.set(vectors.subarray(0, n * dim));
      // v.v, as the squared l2 distance from the origin (for cosine).
      scan.distances(zero, slots.subarray(0, n), 0, vv);
    },
    compute(space, qi, out) {
      scan.distances(queries[qi], slots.subarray(0, n), space === "l2" ? 0 : 1, out);
      if (space !== "l2") for (let r = 0; r < n; r++) out[r] = fromSums(space, 0, out[r], qq[qi], vv[r]);
    },
  };
}

function jsDistances(dim: number, queries: Float32Array[]): BatchDistances {
  let rows: Float32Array = new Float32Array(0);
  let n = 0;
  return {
    load(vectors, rowCount) {
      rows = vectors;
      n = rowCount;
    },
    compute(space, qi, out) {
      for (let r = 0; r < n; r++) out[r] = distance(space, queries[qi], rows, r * dim, dim);
    },
  };
}

/**
 * Exact k-NN of several queries under several record filters, in ONE pass over records that come
 * batch by batch (streamed data sets are never whole in memory; a batch of 1M x 1536 is generated
 * or read once, not once per filter): result[f][q] = the indices of the k nearest records among
 * those `keeps[f]` accepts, nearest first (ties: the earlier record first).
 */
export function exactTopKSets(space: Space, records: Records, queries: Float32Array[], k: number, keeps: ((i: number) => boolean)[]): number[][][] {
  const best = keeps.map(() => queries.map(() => new TopK(k)));
  const dist = nativeDistances(records.dim, records.batchSize, queries) ?? jsDistances(records.dim, queries);
  const out = new Float64Array(records.batchSize);
  const batches = Math.ceil(records.n / records.batchSize);
  for (let b = 0; b < batches; b++) {
    const data = records.batch(b);
    const base = b * records.batchSize;
    dist.load(data.vectors, data.n);
    for (let qi = 0; qi < queries.length; qi++) {
      dist.compute(space, qi, out);
      for (let r = 0; r < data.n; r++) for (let f = 0; f < keeps.length; f++) if (keeps[f](base + r)) best[f][qi].offer(base + r, out[r]);
    }
  }
  return best.map((perQuery) => perQuery.map((t) => t.list.map((x) => x.i)));
}

/** exactTopKSets with one filter (default: every record). */
export function exactTopKAll(space: Space, records: Records, queries: Float32Array[], k: number, keep: (i: number) => boolean = () => true): number[][] {
  return exactTopKSets(space, records, queries, k, [keep])[0];
}
