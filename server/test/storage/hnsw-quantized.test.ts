/**
 * The addon's int8-quantized search (HnswIndex's `quantized`, native hnswlib/quantized.h): the
 * graph is traversed on int8 copies of the vectors and the best candidates re-ranked with the
 * exact float distance. Recall stays within a small tolerance of the float search, answers come
 * nearest first by exact distance, and the copies follow every change to the graph: inserts,
 * updates, deletes, growth, save + restore, and the hand-off between threads.
 */
import { describe, expect, it } from "vitest";
import { hnsw } from "../../src/storage/memory/native.js";
import type { DistanceSpace } from "../../src/core/model.js";
import { mulberry32 } from "../helpers/random.js";
import { referenceDistance } from "./helpers.js";

// Not a multiple of 32: the codes' padding to the kernel's width is exercised.
const DIM = 48;
const BITS = 6;
const ROWS = 1 << BITS;

/** n points around 20 gaussian-ish centres (sums of uniforms), so neighbours are close calls. */
function clustered(n: number, seed: number): Float32Array {
  const r = mulberry32(seed);
  const centres = Array.from({ length: 20 }, () => Float32Array.from({ length: DIM }, () => r() * 4 - 2));
  const v = new Float32Array(n * DIM);
  for (let i = 0; i < n; i++) {
    const c = centres[Math.floor(r() * centres.length)];
    for (let d = 0; d < DIM; d++) v[i * DIM + d] = c[d] + (r() + r() + r() - 1.5) * 0.6;
  }
  return v;
}

const row = (data: Float32Array, i: number) => data.subarray(i * DIM, (i + 1) * DIM);

function exactTop(space: DistanceSpace, data: Float32Array, q: Float32Array, k: number, keep: (i: number) => boolean = () => true): { label: number; d: number }[] {
  const scored: { label: number; d: number }[] = [];
  for (let i = 0; i < data.length / DIM; i++) if (keep(i)) scored.push({ label: i, d: referenceDistance(space, q, row(data, i)) });
  return scored.sort((a, b) => a.d - b.d).slice(0, k);
}

const keepAlive: Float32Array[] = [];

/** A graph reading `store` in place (row i = label i), quantized or not. */
function graphOn(store: Float32Array, space: string, capacity: number, quantized: boolean) {
  const { HnswIndex } = hnsw();
  keepAlive.push(store);
  const ix = new HnswIndex(space, DIM, capacity, 16, 100, 100, BITS, quantized);
  for (let c = 0; c * ROWS * DIM < store.length; c++) ix.setChunk(c, store.subarray(c * ROWS * DIM, (c + 1) * ROWS * DIM));
  return ix;
}

function storeFor(data: Float32Array, rows: number): Float32Array {
  const store = new Float32Array(Math.ceil(rows / ROWS) * ROWS * DIM);
  store.set(data);
  return store;
}

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

function recall(space: DistanceSpace, data: Float32Array, queries: Float32Array, answers: Int32Array[], k: number): number {
  let hits = 0;
  answers.forEach((got, q) => {
    const want = new Set(exactTop(space, data, row(queries, q), k).map((h) => h.label));
    hits += [...got].filter((l) => want.has(l)).length;
  });
  return hits / (answers.length * k);
}

describe("HNSW addon, int8-quantized search", () => {
  const N = 3000;
  const data = clustered(N, 7);
  const queries = clustered(60, 8);

  for (const space of ["l2", "ip", "cosine"] as const) {
    it(`${space}: recall within 0.02 of the float search on the same links, answers nearest first by exact distance`, async () => {
      const store = storeFor(data, N);
      const float = graphOn(store, space, N, false);
      float.addPoints(all(N), 2);
      const bytes = await float.serialize();
      const quant = graphOn(store, space, N, true);
      quant.restore(bytes);
      expect(quant.quantized()).toBe(true);
      expect(float.quantized()).toBe(false);

      const ef = 40;
      const byFloat = Array.from({ length: 60 }, (_, q) => float.search(row(queries, q), 1, 10, ef, null, null, 16));
      const byQuant = Array.from({ length: 60 }, (_, q) => quant.search(row(queries, q), 1, 10, ef, null, null, 16));
      const rf = recall(space, data, queries, byFloat, 10);
      const rq = recall(space, data, queries, byQuant, 10);
      // (Inner product over vectors of unequal length is a hard metric for a graph, float or not.)
      expect(rf).toBeGreaterThan(space === "ip" ? 0.5 : 0.8);
      expect(rq).toBeGreaterThanOrEqual(rf - 0.02);
      // Re-ranked: the exact distances of what comes back never decrease.
      for (let q = 0; q < 60; q++) {
        const d = [...byQuant[q]].map((l) => referenceDistance(space, row(queries, q), row(data, l)));
        for (let i = 1; i < d.length; i++) expect(d[i]).toBeGreaterThanOrEqual(d[i - 1] - 1e-5 * Math.max(1, Math.abs(d[i - 1])));
      }
    });
  }

  it("with ef covering every node, the answer is the exact top 10 (the re-rank decides, not the int8 distances)", () => {
    const n = 600;
    const small = data.subarray(0, n * DIM);
    const quant = graphOn(storeFor(small, n), "l2", n, true);
    quant.addPoints(all(n), 1);
    for (let q = 0; q < 30; q++) {
      const got = [...quant.search(row(queries, q), 1, 10, n, null, null, 16)];
      const want = exactTop("l2", small, row(queries, q), 10);
      const gotD = got.map((l) => referenceDistance("l2", row(queries, q), row(small, l)));
      // Distances, not labels: exact ties may come in either order.
      gotD.forEach((d, i) => expect(d).toBeCloseTo(want[i].d, 4));
    }
  });

  // The re-rank skips candidates whose int8 distance, less its error bound (quantized.h
  // errorBound), is beyond the k-th exact distance so far. On tight clusters far from the origin
  // the int8 distances misorder neighbours by much more than their spacing, so a bound too small
  // (or a skip on the int8 distance alone) drops true neighbours and fails here; ef covering every
  // node makes the exact top 10 the only right answer.
  for (const space of ["l2", "ip", "cosine"] as const) {
    it(`${space}: skipping in the re-rank keeps the exact top 10 where the int8 order is wrong`, () => {
      const n = 600;
      const r = mulberry32(21);
      const centres = Array.from({ length: 6 }, () => Float32Array.from({ length: DIM }, () => 3 + r() * 4));
      const tight = (count: number) => {
        const v = new Float32Array(count * DIM);
        for (let i = 0; i < count; i++) {
          const c = centres[i % centres.length];
          for (let d = 0; d < DIM; d++) v[i * DIM + d] = c[d] + (r() - 0.5) * 0.08;
        }
        return v;
      };
      const points = tight(n);
      const qs = tight(24);
      const quant = graphOn(storeFor(points, n), space, n, true);
      quant.addPoints(all(n), 1);
      let misordered = 0;
      for (let q = 0; q < 24; q++) {
        const want = exactTop(space, points, row(qs, q), 10);
        const got = [...quant.search(row(qs, q), 1, 10, n, null, null, 16, 0)];
        const gotD = got.map((l) => referenceDistance(space, row(qs, q), row(points, l)));
        // Distances, not labels (exact ties may come in either order); float32 sums' rounding allowed.
        gotD.forEach((d, i) => expect(Math.abs(d - want[i].d)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want[i].d))));
        // The case is only a test if the int8 distances alone would answer wrongly: a float-less
        // ranking (ef 10 of the quantized search without the re-rank's room) misses some.
        const int8Only = new Set(quant.search(row(qs, q), 1, 10, n, null, null, 16, 10));
        if (want.some((h) => !int8Only.has(h.label))) misordered++;
      }
      expect(misordered).toBeGreaterThan(5);
    });
  }

  it("a filtered search (allowed bitset) returns only allowed labels, with the float search's recall", () => {
    const store = storeFor(data, N);
    const quant = graphOn(store, "l2", N, true);
    quant.addPoints(all(N), 2);
    const allowed = new Uint8Array(Math.ceil(N / 8));
    for (let i = 0; i < N; i += 3) allowed[i >> 3] |= 1 << (i & 7);
    let hits = 0;
    for (let q = 0; q < 30; q++) {
      const got = [...quant.search(row(queries, q), 1, 10, 80, allowed, null, 16)];
      expect(got.every((l) => l >= 0 && l % 3 === 0)).toBe(true);
      const want = new Set(exactTop("l2", data, row(queries, q), 10, (i) => i % 3 === 0).map((h) => h.label));
      hits += got.filter((l) => want.has(l)).length;
    }
    expect(hits / 300).toBeGreaterThan(0.9);
  });

  it("an update re-codes the vector: a query at its new place finds it; a deleted label is never returned", () => {
    const n = 1000;
    const store = storeFor(data.subarray(0, n * DIM), n);
    const quant = graphOn(store, "l2", n, true);
    quant.addPoints(all(n), 1);
    // Move label 5 to where label 700 is, shifted a little: the nearest to that place is 5 now.
    const target = Float32Array.from(row(store, 700), (x) => x + 0.01);
    store.set(target, 5 * DIM);
    quant.addPoints(Int32Array.of(5), 1);
    expect(quant.search(target, 1, 1, 10, null, null, 16)[0]).toBe(5);
    quant.markDelete(5);
    expect([...quant.search(target, 1, 10, 40, null, null, 16)]).not.toContain(5);
    expect(quant.search(target, 1, 1, 40, null, null, 16)[0]).toBe(700);
  });

  it("grows (resize) with its codes, and keeps them through save + restore and a hand-off between threads", async () => {
    const store = storeFor(data, N);
    const quant = graphOn(store, "cosine", 256, true);
    quant.addPoints(all(256), 2);
    quant.resize(N);
    quant.addPoints(Int32Array.from({ length: N - 256 }, (_, i) => 256 + i), 2);
    const answers = Array.from({ length: 40 }, (_, q) => quant.search(row(queries, q), 1, 10, 60, null, null, 16));
    expect(recall("cosine", data, queries, answers, 10)).toBeGreaterThan(0.85);

    const restored = graphOn(store, "cosine", 16, true);
    restored.restore(await quant.serialize());
    const { HnswIndex } = hnsw();
    const adopted = new HnswIndex(restored.detach());
    expect(adopted.quantized()).toBe(true);
    for (let q = 0; q < 40; q++) expect([...adopted.search(row(queries, q), 1, 10, 60, null, null, 16)]).toEqual([...answers[q]]);
  });
});
