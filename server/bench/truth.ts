/** Exact k-NN by brute force (float64), the ground truth recall is measured against. */
import type { Records } from "./data.js";

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

/**
 * Exact k-NN of several queries in one pass over records that come batch by batch (streamed data
 * sets are never whole in memory): per query, the indices of the k nearest records among those
 * `keep` accepts, nearest first (ties: the earlier record first).
 */
export function exactTopKAll(space: Space, records: Records, queries: Float32Array[], k: number, keep: (i: number) => boolean = () => true): number[][] {
  const best = queries.map(() => [] as { i: number; d: number }[]);
  const batches = Math.ceil(records.n / records.batchSize);
  for (let b = 0; b < batches; b++) {
    const data = records.batch(b);
    const base = b * records.batchSize;
    for (let r = 0; r < data.n; r++) {
      const i = base + r;
      if (!keep(i)) continue;
      queries.forEach((q, qi) => {
        const list = best[qi];
        const d = distance(space, q, data.vectors, r * data.dim, data.dim);
        if (list.length === k && d >= list[k - 1].d) return;
        list.push({ i, d });
        list.sort((x, y) => x.d - y.d);
        if (list.length > k) list.pop();
      });
    }
  }
  return best.map((list) => list.map((x) => x.i));
}
