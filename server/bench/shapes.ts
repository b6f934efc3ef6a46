/**
 * The workload shapes the bench varies, so that one lucky shape cannot hide a regression
 * (issue 18): how the vectors are distributed, which columns a query includes, how selective its
 * filter is, and whether it runs right after indexing or after a pause.
 */
import { DEFAULT_SPEC, gaussian, generate, rng, type Dataset } from "./data.js";

/**
 * - subspace: unit vectors in 100 clusters, each spread over its own 16-d subspace (embedding-like:
 *   low intrinsic dimension, meaningful neighbours);
 * - full: 100 full-dimensional gaussian clusters, N(0,1) centres, σ 0.35 in every dimension, not
 *   normalised (the shape of the second harness in issue 18: high intrinsic dimension, harder for
 *   a graph);
 * - uniform: every coordinate uniform in [-1, 1), no structure at all (the worst case for a graph:
 *   all neighbours are near-ties).
 */
export type DataShape = "subspace" | "full" | "uniform";
export const DATA_SHAPES: readonly DataShape[] = ["subspace", "full", "uniform"];

/** distances: `include: ["distances"]`; default: the clients' default (documents, metadatas, distances). */
export type IncludeShape = "distances" | "default";
export const INCLUDE_SHAPES: readonly IncludeShape[] = ["distances", "default"];

export function includeOf(shape: IncludeShape): string[] {
  return shape === "distances" ? ["distances"] : ["documents", "metadatas", "distances"];
}

/** Filter selectivity in percent of the records. */
export type Selectivity = "1" | "10" | "50";
export const SELECTIVITIES: readonly Selectivity[] = ["1", "10", "50"];

/**
 * Metadata of record i: `bucket` (i mod 10), `pct` (i mod 100), `even`, and its cluster; each
 * selectivity filters on a different key and value type (int equality, int $in, bool).
 */
export function metadataFor(i: number, cluster: number): { bucket: number; pct: number; even: boolean; cluster: number } {
  return { bucket: i % 10, pct: i % 100, even: i % 2 === 0, cluster };
}

export function filterFor(s: Selectivity): Record<string, unknown> {
  switch (s) {
    case "1":
      return { pct: { $in: [42] } };
    case "10":
      return { bucket: { $eq: 3 } };
    case "50":
      return { even: true };
  }
}

/** Whether record i passes filterFor(s) (for the ground truth). */
export function passes(s: Selectivity, i: number): boolean {
  switch (s) {
    case "1":
      return i % 100 === 42;
    case "10":
      return i % 10 === 3;
    case "50":
      return i % 2 === 0;
  }
}

/** n vectors of one shape; the cluster model depends on the shape and dim only, `seed` picks the points. */
export function generateShape(shape: DataShape, dim: number, n: number, seed: number): Dataset {
  if (shape === "subspace") return generate({ ...DEFAULT_SPEC, dim }, n, seed);
  const r = rng(seed);
  const vectors = new Float32Array(n * dim);
  const cluster = new Int32Array(n);
  if (shape === "uniform") {
    for (let i = 0; i < vectors.length; i++) vectors[i] = r() * 2 - 1;
    return { dim, n, vectors, cluster };
  }
  const clusters = 100;
  const model = rng(0xc1a5);
  const centres = new Float32Array(clusters * dim);
  for (let i = 0; i < centres.length; i++) centres[i] = gaussian(model);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(r() * clusters);
    cluster[i] = c;
    for (let d = 0; d < dim; d++) vectors[i * dim + d] = centres[c * dim + d] + 0.35 * gaussian(r);
  }
  return { dim, n, vectors, cluster };
}
