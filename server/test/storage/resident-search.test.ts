/**
 * The resident copy's Search API reads: sparse indexes kept in step with the records through
 * puts, replacements (with and without a sparse value) and removals, searched by seq against a
 * brute-force scan (property); storage order with offset/limit among masks; dense k-NN by seq.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { Memory, type ResidentCollection, type ResidentRecord } from "../../src/storage/memory/resident.js";
import type { SparseTerms } from "../../src/storage/storage.js";

const PARAMS = { space: "l2" as const, m: 16, efConstruction: 100, efSearch: 100, sparseKeys: ["sp"] };
const open: ResidentCollection[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

function collection(): ResidentCollection {
  const memory = Memory.open({ ann: false })!;
  const c = memory.collection(2, PARAMS, "test");
  open.push(c);
  return c;
}

const rec = (id: string, seq: number, sparse?: SparseTerms): ResidentRecord => ({
  id,
  seq,
  version: 0,
  vector: new Float32Array([seq, 0]),
  payload: { document: null, uri: null, metadataJson: null },
  ...(sparse ? { sparse: new Map([["sp", sparse]]) } : {}),
});

const termsArb = fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }).chain((dims) =>
  fc.array(fc.integer({ min: 1, max: 8 }).map((v) => v / 4), { minLength: dims.length, maxLength: dims.length }).map((values) => {
    const pairs = dims.map((d, i) => [d, values[i]] as const).sort((a, b) => a[0] - b[0]);
    return { indices: pairs.map((p) => p[0]), values: pairs.map((p) => p[1]) };
  }),
);

type Op = { kind: "put"; id: number; sparse: SparseTerms | null } | { kind: "remove"; id: number };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("put" as const), id: fc.integer({ min: 0, max: 15 }), sparse: fc.option(termsArb, { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), id: fc.integer({ min: 0, max: 15 }) }) },
);

describe("ResidentCollection: search reads", () => {
  it("keeps the sparse index in step with puts, replacements and removals (property)", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), termsArb, fc.integer({ min: 1, max: 20 }), fc.boolean(), (ops, query, k, masked) => {
        const c = collection();
        const model = new Map<string, { seq: number; sparse: SparseTerms | null }>();
        let nextSeq = 0;
        for (const op of ops) {
          const id = `r${op.id}`;
          if (op.kind === "put") {
            const seq = model.get(id)?.seq ?? nextSeq++;
            c.put([rec(id, seq, op.sparse ?? undefined)]);
            model.set(id, { seq, sparse: op.sparse });
          } else {
            c.remove(c.slotsOfIds([id]));
            model.delete(id);
          }
        }
        const live = [...model.values()];
        const mask = masked ? Float64Array.from(live.map((r) => r.seq).filter((s) => s % 2 === 0)).sort() : null;
        const dot = (a: SparseTerms, b: SparseTerms) => {
          let s = 0;
          for (let i = 0; i < a.indices.length; i++) for (let j = 0; j < b.indices.length; j++) if (a.indices[i] === b.indices[j]) s += a.values[i] * b.values[j];
          return s;
        };
        const expected = live
          .filter((r) => r.sparse && (!mask || mask.includes(r.seq)) && Array.from(r.sparse.indices).some((d) => query.indices.includes(d)))
          .map((r) => ({ seq: r.seq, measure: Math.fround(1 - Math.fround(dot(query, r.sparse!))) }))
          .sort((a, b) => a.measure - b.measure || a.seq - b.seq)
          .slice(0, k);
        expect(c.sparseBySeq("sp", query, k, mask)).toEqual(expected);
        for (let d = 0; d <= 12; d++) expect(c.documentFrequency("sp", d)).toBe(live.filter((r) => r.sparse && Array.from(r.sparse.indices).includes(d)).length);
        c.close();
        open.pop();
      }),
      { numRuns: 200 },
    );
  });

  it("walks live seqs in storage order with offset and limit, among a mask", () => {
    const c = collection();
    c.put([0, 1, 2, 3, 4, 5].map((s) => rec(`r${s}`, s)));
    c.remove(c.slotsOfIds(["r1", "r4"]));
    expect(Array.from(c.seqsInOrder(null, 0, undefined))).toEqual([0, 2, 3, 5]);
    expect(Array.from(c.seqsInOrder(null, 1, 2))).toEqual([2, 3]);
    expect(Array.from(c.seqsInOrder(null, 0, 0))).toEqual([]);
    expect(Array.from(c.seqsInOrder(Float64Array.from([1, 3, 5]), 0, undefined))).toEqual([3, 5]);
    expect(Array.from(c.seqsInOrder(Float64Array.from([0, 2, 3, 5]), 3, 10))).toEqual([5]);
  });

  it("answers dense k-NN by seq among a mask, nearest first", async () => {
    const c = collection();
    c.put([0, 1, 2, 3, 4].map((s) => rec(`r${s}`, s)));
    expect(await c.denseBySeq(new Float32Array([2.25, 0]), 2, null)).toEqual([
      { seq: 2, measure: 0.0625 },
      { seq: 3, measure: 0.5625 },
    ]);
    expect((await c.denseBySeq(new Float32Array([2.25, 0]), 2, Float64Array.from([0, 4]))).map((h) => h.seq)).toEqual([4, 0]);
    expect(await c.denseBySeq(new Float32Array([2.25, 0]), 2, new Float64Array(0))).toEqual([]);
  });
});

describe("ResidentCollection: matchingSlots", () => {
  it("answers each filter with an array of just its matches, right across calls (the live slots' scratch is reused)", () => {
    const c = collection();
    const withBucket = (id: string, seq: number, bucket: number): ResidentRecord => ({ ...rec(id, seq), payload: { document: null, uri: null, metadataJson: JSON.stringify({ bucket }) } });
    c.put(Array.from({ length: 50 }, (_, i) => withBucket(`r${i}`, i, i % 5)));
    c.remove(c.slotsOfIds(["r3", "r8"]));
    // The live records of a bucket, as slots in ascending order.
    const expected = (b: number) => c.slotsOfIds(Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 5 === b && i !== 3 && i !== 8).map((i) => `r${i}`)).sort((x, y) => x - y);
    for (const b of [3, 0, 3, 4]) {
      const slots = c.matchingSlots({ where: { kind: "compare", key: "bucket", op: "$eq", value: b } })!;
      expect([...slots]).toEqual([...expected(b)]);
      // Not a view of an array of every live slot (4 MB per filtered query at 1M records).
      expect(slots.buffer.byteLength).toBe(slots.byteLength);
    }
    expect(expected(3).length).toBe(8);
  });
});
