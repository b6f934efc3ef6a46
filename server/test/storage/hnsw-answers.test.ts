/**
 * The addon's answers, pinned: changes meant to make the search faster without changing what it
 * finds (prefetching, batching, kernels: issue 18's cold-cache work in hnswalg.h) must give the
 * very same labels, in the same order, for every query. A graph built on one thread from a fixed
 * seed is the same graph every run; the searches below run at a small ef, where the answers depend
 * on the exact traversal (a visit order or a comparison changed anywhere shows up as different
 * labels), so their labels are hashed and compared with the hashes of the build they were taken
 * from. Coordinates are small integers: every float distance, norm and int8 code is then exact,
 * whatever SIMD kernel or summation order a build uses, so the pins do not depend on the CPU.
 *
 * If a change alters answers on purpose, re-pin (the failure message gives the new hash) and say
 * why in the commit; recall against brute force is checked beside each pin so a pin never blesses
 * a broken search.
 */
import { describe, expect, it } from "vitest";
import { hnsw } from "../../src/storage/memory/native.js";
import type { DistanceSpace } from "../../src/core/model.js";
import { mulberry32 } from "../helpers/random.js";
import { referenceDistance } from "./helpers.js";

const DIM = 48;
const BITS = 6;
const ROWS = 1 << BITS;
const N = 2000;
const QUERIES = 80;

/** n integer points around 12 integer centres (coordinates within [-40, 40]). */
function integerClusters(n: number, seed: number): Float32Array {
  const r = mulberry32(seed);
  const centres = Array.from({ length: 12 }, () => Array.from({ length: DIM }, () => Math.floor(r() * 41) - 20));
  const v = new Float32Array(n * DIM);
  for (let i = 0; i < n; i++) {
    const c = centres[Math.floor(r() * centres.length)];
    for (let d = 0; d < DIM; d++) v[i * DIM + d] = c[d] + Math.floor(r() * 41) - 20;
  }
  return v;
}

const row = (data: Float32Array, i: number) => data.subarray(i * DIM, (i + 1) * DIM);
const keepAlive: Float32Array[] = [];

/** A graph over `data` (row i = label i, read in place), every point inserted on one thread. */
function graphOver(data: Float32Array, space: DistanceSpace, quantized: boolean) {
  const { HnswIndex } = hnsw();
  const store = new Float32Array(Math.ceil(N / ROWS) * ROWS * DIM);
  store.set(data);
  keepAlive.push(store);
  const ix = new HnswIndex(space, DIM, N, 16, 100, 100, BITS, quantized);
  for (let c = 0; c * ROWS * DIM < store.length; c++) ix.setChunk(c, store.subarray(c * ROWS * DIM, (c + 1) * ROWS * DIM));
  ix.addPoints(Int32Array.from({ length: N }, (_, i) => i), 1);
  return ix;
}

/** FNV-1a over the labels of every answer, as 8 hex digits. */
function hashOf(answers: Int32Array[]): string {
  let h = 0x811c9dc5;
  for (const a of answers)
    for (const l of a) {
      h = Math.imul(h ^ (l & 0xffff), 0x01000193) >>> 0;
      h = Math.imul(h ^ (l >>> 16), 0x01000193) >>> 0;
    }
  return h.toString(16).padStart(8, "0");
}

function recall(space: DistanceSpace, data: Float32Array, queries: Float32Array, answers: Int32Array[]): number {
  let hits = 0;
  answers.forEach((got, q) => {
    const scored: [number, number][] = [];
    for (let i = 0; i < N; i++) scored.push([referenceDistance(space, row(queries, q), row(data, i)), i]);
    const want = new Set(scored.sort((a, b) => a[0] - b[0]).slice(0, 10).map(([, i]) => i));
    hits += [...got].filter((l) => want.has(l)).length;
  });
  return hits / (answers.length * 10);
}

/**
 * Each case: a space, float or int8 traversal, upperEf (1: hnswlib's greedy descent; 16: the
 * server's beam over level 1), rerank (int8 only), whether a filter (every third label) applies,
 * and the hash of its answers at ef 12, k 10 (pinned at main 737b5e8's addon).
 */
const CASES: { space: DistanceSpace; quantized: boolean; upper: number; rerank: number; filtered: boolean; hash: string }[] = [
  { space: "l2", quantized: false, upper: 1, rerank: 0, filtered: false, hash: "8ad82b9e" },
  { space: "l2", quantized: false, upper: 16, rerank: 0, filtered: false, hash: "c497dbbb" },
  { space: "l2", quantized: true, upper: 1, rerank: 0, filtered: false, hash: "058d8e02" },
  { space: "l2", quantized: true, upper: 16, rerank: 40, filtered: false, hash: "c497dbbb" },
  { space: "l2", quantized: true, upper: 16, rerank: 40, filtered: true, hash: "ca80eb67" },
  { space: "ip", quantized: false, upper: 16, rerank: 0, filtered: false, hash: "144644e0" },
  { space: "ip", quantized: true, upper: 16, rerank: 40, filtered: false, hash: "2353e84d" },
];

describe("HNSW addon: pinned answers (a speed change must not change what is found)", () => {
  const data = integerClusters(N, 11);
  const queries = integerClusters(QUERIES, 12);
  const allowed = new Uint8Array(Math.ceil(N / 8));
  for (let i = 0; i < N; i += 3) allowed[i >> 3] |= 1 << (i & 7);
  const graphs = new Map<string, ReturnType<typeof graphOver>>();
  const graph = (space: DistanceSpace, quantized: boolean) => {
    const key = `${space}/${quantized}`;
    if (!graphs.has(key)) graphs.set(key, graphOver(data, space, quantized));
    return graphs.get(key)!;
  };

  for (const c of CASES) {
    const name = `${c.space} ${c.quantized ? "int8" : "float"} upperEf ${c.upper}${c.quantized ? ` rerank ${c.rerank}` : ""}${c.filtered ? " filtered" : ""}`;
    it(`${name}: the same labels as the pinned build, recall against brute force above 0.5`, () => {
      const g = graph(c.space, c.quantized);
      const answers = Array.from({ length: QUERIES }, (_, q) => g.search(row(queries, q), 1, 10, 12, c.filtered ? allowed : null, null, c.upper, c.rerank));
      if (!c.filtered) expect(recall(c.space, data, queries, answers)).toBeGreaterThan(0.5);
      else for (const a of answers) expect([...a].every((l) => l % 3 === 0)).toBe(true);
      expect(hashOf(answers), `${name}: answers changed`).toBe(c.hash);
    });
  }
});
