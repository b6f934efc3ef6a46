/**
 * upstreamQuery + upstreamDistanceTo (memory/distance.ts): the distance returned to clients, in float32 arithmetic
 * summed in upstream's order. Cosine no longer builds normalized copies of both vectors per call
 * (off-heap garbage that drove full collections under queries); it must give the same float32
 * value, to the bit, as the copies did: checked against that construction on random vectors,
 * vectors at an offset in a chunk, tiny and huge components, and zero vectors (distance 1).
 */
import { describe, expect, it } from "vitest";
import { upstreamDistanceTo, upstreamQuery } from "../../src/storage/memory/distance.js";
import { mulberry32 } from "../helpers/random.js";

const f32 = Math.fround;

/** Upstream's cosine as the copies computed it: normalize both into Float32Arrays, then 1 - dot. */
function cosineByCopies(q: Float32Array, data: Float32Array, offset: number, dim: number): number {
  const normalized = (v: Float32Array, at: number): Float32Array | null => {
    let s = 0;
    for (let d = 0; d < dim; d++) s = f32(s + f32(v[at + d] * v[at + d]));
    const norm = f32(Math.sqrt(s));
    if (norm === 0) return null;
    const out = new Float32Array(dim);
    for (let d = 0; d < dim; d++) out[d] = v[at + d] / norm;
    return out;
  };
  const a = normalized(q, 0);
  const b = normalized(data, offset);
  if (!a || !b) return 1;
  let r = 0;
  for (let d = 0; d < dim; d++) r = f32(r + f32(a[d] * b[d]));
  return f32(1 - r);
}


describe("upstreamDistanceTo, cosine", () => {
  it("equals the normalized copies' float32 result to the bit", () => {
    const rnd = mulberry32(18);
    for (const dim of [1, 3, 384, 1536]) {
      for (let trial = 0; trial < 200; trial++) {
        const scale = [1e-20, 1e-3, 1, 1e3, 1e18][trial % 5];
        const q = Float32Array.from({ length: dim }, () => (rnd() - 0.5) * scale);
        // The record's vector sits at an offset inside a larger chunk, as in the slot store.
        const offset = dim * (trial % 4);
        const chunk = Float32Array.from({ length: dim * 5 }, () => (rnd() - 0.5) * (trial % 2 ? 1 : scale));
        // Some pairs nearly equal: the subtraction from 1 is where the rounding matters most.
        if (trial % 7 === 0) for (let d = 0; d < dim; d++) chunk[offset + d] = q[d] * (1 + (rnd() - 0.5) * 1e-6);
        const expected = cosineByCopies(q, chunk, offset, dim);
        expect(Object.is(upstreamDistanceTo("cosine", upstreamQuery("cosine", q, dim), chunk, offset, dim), expected)).toBe(true);
      }
    }
  });

  it("puts a zero vector (query or record) at distance 1", () => {
    const v = Float32Array.from([0.5, -2, 3]);
    const zero = new Float32Array(3);
    expect(upstreamDistanceTo("cosine", upstreamQuery("cosine", zero, 3), v, 0, 3)).toBe(1);
    expect(upstreamDistanceTo("cosine", upstreamQuery("cosine", v, 3), zero, 0, 3)).toBe(1);
    expect(upstreamDistanceTo("cosine", upstreamQuery("cosine", v, 3), Float32Array.from([9, 0.5, -2, 3]), 1, 3)).toBe(0);
  });
});

describe("upstreamQuery + upstreamDistanceTo (a query prepared once for many records)", () => {
  it("gives each record the same float32 distance with a reused scratch as without, in every space (cosine: as normalized copies)", () => {
    const rnd = mulberry32(1814);
    const dim = 384;
    const chunk = Float32Array.from({ length: dim * 16 }, () => rnd() - 0.5);
    for (let d = 0; d < dim; d++) chunk[dim * 15 + d] = 0; // a zero record
    // A scratch longer than dim, holding a previous query's values: only [0, dim) may be read.
    const scratch = Float32Array.from({ length: dim + 7 }, () => rnd());
    for (const space of ["cosine", "l2", "ip"] as const) {
      for (let trial = 0; trial < 20; trial++) {
        const q = Float32Array.from({ length: dim }, () => (rnd() - 0.5) * [1e-3, 1, 1e3][trial % 3]);
        const prepared = upstreamQuery(space, q, dim, scratch);
        for (let r = 0; r < 16; r++) {
          const expected = space === "cosine" ? cosineByCopies(q, chunk, r * dim, dim) : upstreamDistanceTo(space, upstreamQuery(space, q, dim), chunk, r * dim, dim);
          expect(Object.is(upstreamDistanceTo(space, prepared, chunk, r * dim, dim), expected)).toBe(true);
        }
      }
    }
  });

  it("prepares a zero cosine query as null: distance 1 to every record", () => {
    const zero = new Float32Array(3);
    expect(upstreamQuery("cosine", zero, 3)).toBeNull();
    expect(upstreamDistanceTo("cosine", null, Float32Array.from([1, 2, 3]), 0, 3)).toBe(1);
    expect(upstreamQuery("l2", zero, 3)).toBe(zero);
  });
});
