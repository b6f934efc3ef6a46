/**
 * Exact distances in upstream Chroma's three spaces, over float32 vectors with float64
 * accumulation: l2 = squared euclidean, ip = 1 - a.b, cosine = 1 - a.b / (|a| |b|), where a
 * zero vector is at cosine distance 1 from everything (upstream normalizes vectors, a zero
 * vector stays zero, and 1 - 0 = 1).
 *
 * Candidates are ranked by these float64 values (the addon's VectorScan computes the same sums,
 * up to the order of its additions), whichever path found them (the ANN graph or an exact scan). The k returned get
 * their distance from `upstreamDistanceTo`: float32 arithmetic in hnswlib's order, as upstream
 * computes it, so distances match upstream's to the last bit for small dimensions and records
 * at equal float32 distance come back in insertion order, as upstream returns them.
 */
import type { DistanceSpace } from "../storage.js";

export function vectorNorm(v: Float32Array, offset = 0, dim = v.length - offset): number {
  let s0 = 0;
  let s1 = 0;
  let d = 0;
  for (; d + 1 < dim; d += 2) {
    const x = v[offset + d];
    const y = v[offset + d + 1];
    s0 += x * x;
    s1 += y * y;
  }
  if (d < dim) s0 += v[offset + d] * v[offset + d];
  return Math.sqrt(s0 + s1);
}

/** a . b for b = data[offset .. offset + dim). Four accumulators let the CPU overlap the adds. */
export function dotAt(a: Float32Array, data: Float32Array, offset: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < dim; d += 4) {
    s0 += a[d] * data[offset + d];
    s1 += a[d + 1] * data[offset + d + 1];
    s2 += a[d + 2] * data[offset + d + 2];
    s3 += a[d + 3] * data[offset + d + 3];
  }
  for (; d < dim; d++) s0 += a[d] * data[offset + d];
  return s0 + s1 + s2 + s3;
}

/** Squared euclidean distance between a and data[offset .. offset + dim). */
export function l2At(a: Float32Array, data: Float32Array, offset: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < dim; d += 4) {
    const x0 = a[d] - data[offset + d];
    const x1 = a[d + 1] - data[offset + d + 1];
    const x2 = a[d + 2] - data[offset + d + 2];
    const x3 = a[d + 3] - data[offset + d + 3];
    s0 += x0 * x0;
    s1 += x1 * x1;
    s2 += x2 * x2;
    s3 += x3 * x3;
  }
  for (; d < dim; d++) {
    const x = a[d] - data[offset + d];
    s0 += x * x;
  }
  return s0 + s1 + s2 + s3;
}

/**
 * The distance in `space` from its sum, whichever kernel computed it (JS or the addon):
 * `sum` is the squared l2 distance for l2 and the dot product otherwise; cosine needs both
 * vectors' norms (a zero vector is at distance 1 from everything).
 */
export function distanceFromSum(space: DistanceSpace, sum: number, queryNorm: number, norm: number): number {
  if (space === "l2") return sum;
  if (space === "ip") return 1 - sum;
  return queryNorm === 0 || norm === 0 ? 1 : 1 - sum / (queryNorm * norm);
}

/** The distance as returned to clients: float32 precision, like upstream. */
export function finalDistance(d: number): number {
  return Math.fround(d);
}

const f32 = Math.fround;

/** The float32 norm of v[offset..offset+dim), summed in order as upstream's normalization does. */
function norm32(v: Float32Array, offset: number, dim: number): number {
  let s = 0;
  for (let d = 0; d < dim; d++) s = f32(s + f32(v[offset + d] * v[offset + d]));
  return f32(Math.sqrt(s));
}

/**
 * A query as upstreamDistanceTo reads it: for cosine its normalized float32 copy (null for a zero
 * vector), written into `scratch` when that is long enough; the query itself for l2 and ip.
 * Preparing it once per query instead of once per record saves a norm and a division per component
 * of every hit (issue 18: the query path's JS outside the search).
 */
export function upstreamQuery(space: DistanceSpace, query: Float32Array, dim: number, scratch?: Float32Array): Float32Array | null {
  if (space !== "cosine") return query;
  const nq = norm32(query, 0, dim);
  if (nq === 0) return null;
  const out = scratch !== undefined && scratch.length >= dim ? scratch : new Float32Array(dim);
  for (let d = 0; d < dim; d++) out[d] = query[d] / nq;
  return out;
}

/**
 * Upstream's distance in float32 arithmetic, summed in order (hnswlib's scalar kernels; cosine
 * normalizes both vectors first, and a zero vector is at distance 1), for one query against many
 * records: upstreamQuery once per query, then upstreamDistanceTo per record.
 *
 * Cosine divides each record component by its norm as it goes (f32(v / norm) is what a
 * normalized Float32Array copy would hold, so the sum is the same to the bit) instead of building
 * a normalized copy per call: those were off-heap ArrayBuffers of 1.5 KB per 384-d call (V8 keeps
 * typed arrays above 64 bytes off its heap), garbage for the collector to track and free.
 * CPU per 384-d call 6.6 -> 3.2 us (issue 18: cosine's query p50 right after indexing).
 */
export function upstreamDistanceTo(space: DistanceSpace, prepared: Float32Array | null, data: Float32Array, offset: number, dim: number): number {
  if (prepared === null) return 1; // a zero cosine query
  if (space === "l2") {
    let r = 0;
    for (let d = 0; d < dim; d++) {
      const t = f32(prepared[d] - data[offset + d]);
      r = f32(r + f32(t * t));
    }
    return r;
  }
  if (space === "cosine") {
    const nv = norm32(data, offset, dim);
    if (nv === 0) return 1;
    let r = 0;
    for (let d = 0; d < dim; d++) r = f32(r + f32(prepared[d] * f32(data[offset + d] / nv)));
    return f32(1 - r);
  }
  let r = 0;
  for (let d = 0; d < dim; d++) r = f32(r + f32(prepared[d] * data[offset + d]));
  return f32(1 - r);
}
