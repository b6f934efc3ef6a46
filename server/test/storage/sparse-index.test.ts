/**
 * The sparse inverted index: exact top-k by dot product against a brute-force scan under random
 * puts, replacements and removals (property), masks, document frequencies and compaction.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SparseIndex, type SparseEntry } from "../../src/storage/memory/sparse-index.js";

function dot(a: SparseEntry, b: SparseEntry): number {
  let s = 0;
  for (let i = 0; i < a.indices.length; i++) {
    for (let j = 0; j < b.indices.length; j++) if (a.indices[i] === b.indices[j]) s += a.values[i] * b.values[j];
  }
  return s;
}

const vectorArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 8 })
  .chain((dims) => fc.array(fc.float({ min: -4, max: 4, noNaN: true }), { minLength: dims.length, maxLength: dims.length }).map((values) => ({ dims, values })))
  .map(({ dims, values }) => {
    const order = dims.map((d, i) => [d, Math.fround(values[i])] as const).sort((a, b) => a[0] - b[0]);
    return { indices: order.map((p) => p[0]), values: order.map((p) => p[1]) };
  });

type Op = { kind: "put"; doc: number; vector: SparseEntry } | { kind: "remove"; doc: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("put" as const), doc: fc.integer({ min: 0, max: 60 }), vector: vectorArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), doc: fc.integer({ min: 0, max: 60 }) }) },
);

describe("SparseIndex", () => {
  it("ranks by 1 - dot, ties by order, only documents sharing a dimension", () => {
    const index = new SparseIndex();
    index.put(0, 10, { indices: [1, 2], values: [1, 1] });
    index.put(1, 11, { indices: [2, 3], values: [2, 1] });
    index.put(2, 5, { indices: [1], values: [1] });
    index.put(3, 3, { indices: [9], values: [5] });
    const hits = index.search({ indices: [1, 2], values: [1, 0.5] }, 10, null);
    // Docs 1 and 2 both have dot 1 (measure 0): the smaller order (doc 2) comes first.
    expect(hits.map((h) => h.doc)).toEqual([0, 2, 1]);
    expect(hits.map((h) => h.measure)).toEqual([Math.fround(1 - 1.5), 0, 0]);
    expect(hits.map((h) => h.order)).toEqual([10, 5, 11]);
  });

  it("keeps document frequencies through replacements and removals", () => {
    const index = new SparseIndex();
    index.put(0, 0, { indices: [1, 2], values: [1, 1] });
    index.put(1, 1, { indices: [2], values: [1] });
    expect([index.documentFrequency(1), index.documentFrequency(2), index.documentFrequency(3)]).toEqual([1, 2, 0]);
    index.put(0, 0, { indices: [3], values: [1] });
    expect([index.documentFrequency(1), index.documentFrequency(2), index.documentFrequency(3)]).toEqual([0, 1, 1]);
    index.remove(1);
    index.remove(1);
    expect([index.documentFrequency(2), index.size]).toEqual([0, 1]);
  });

  it("applies a mask over documents", () => {
    const index = new SparseIndex();
    for (let d = 0; d < 20; d++) index.put(d, d, { indices: [7], values: [d] });
    const allowed = new Uint8Array(3);
    for (const d of [3, 11, 17]) allowed[d >> 3] |= 1 << (d & 7);
    expect(index.search({ indices: [7], values: [1] }, 2, allowed).map((h) => h.doc)).toEqual([17, 11]);
  });

  it("agrees with a brute-force scan after random writes (property)", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 120 }), vectorArb, fc.integer({ min: 1, max: 70 }), fc.boolean(), (ops, query, k, masked) => {
        const index = new SparseIndex();
        const model = new Map<number, SparseEntry>();
        for (const op of ops) {
          if (op.kind === "put") {
            index.put(op.doc, 1000 - op.doc, op.vector);
            model.set(op.doc, op.vector);
          } else {
            index.remove(op.doc);
            model.delete(op.doc);
          }
        }
        const allowed = masked ? new Uint8Array(8).map((_, i) => (i * 37) & 0xff) : null;
        const admitted = (d: number) => allowed === null || (allowed[d >> 3] & (1 << (d & 7))) !== 0;
        const expected = [...model]
          .filter(([d, v]) => admitted(d) && Array.from(v.indices).some((x) => (query.indices as number[]).includes(x)))
          .map(([doc, v]) => ({ doc, order: 1000 - doc, measure: Math.fround(1 - Math.fround(dot(query, v))) }))
          .sort((a, b) => a.measure - b.measure || a.order - b.order)
          .slice(0, k);
        const got = index.search(query, k, allowed);
        expect(got.map((h) => h.doc)).toEqual(expected.map((h) => h.doc));
        got.forEach((h, i) => expect(Math.abs(h.measure - expected[i].measure)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected[i].measure))));
        expect(index.size).toBe(model.size);
        for (let dim = 0; dim <= 40; dim++) {
          expect(index.documentFrequency(dim)).toBe([...model.values()].filter((v) => (v.indices as number[]).includes(dim)).length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
