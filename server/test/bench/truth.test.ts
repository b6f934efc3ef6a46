/**
 * The benchmark's ground truth (bench/truth.ts) and its data cache (bench/data.ts cachedStream):
 * recall figures are only as honest as these. The addon-summed one-pass top-k must equal a plain
 * sort of every distance, per filter; a cached data set must hand back exactly the generator's bytes.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cachedStream, DEFAULT_SPEC, generate, inMemory, streamed } from "../../bench/data.js";
import { distance, exactTopKSets, type Space } from "../../bench/truth.js";

const spec = { ...DEFAULT_SPEC, dim: 48, subspace: 4 };
const data = generate(spec, 700, 5);
// Rows of several lengths (the generator's are unit vectors), so cosine and ip rank differently.
for (let i = 0; i < data.n; i++) for (let d = 0; d < spec.dim; d++) data.vectors[i * spec.dim + d] *= 1 + (i % 7) * 0.3;
const queryRows = generate(spec, 6, 99);
const queries = Array.from({ length: 6 }, (_, i) => queryRows.vectors.subarray(i * spec.dim, (i + 1) * spec.dim));
// A zero query (cosine's special case) and a record itself as a query (distance 0).
queries.push(new Float32Array(spec.dim), data.vectors.slice(123 * spec.dim, 124 * spec.dim));

/** Every record's distance, sorted: the slow, obvious answer. */
function bySorting(space: Space, keep: (i: number) => boolean, q: Float32Array, k: number): number[] {
  const all: { i: number; d: number }[] = [];
  for (let i = 0; i < data.n; i++) if (keep(i)) all.push({ i, d: distance(space, q, data.vectors, i * spec.dim, spec.dim) });
  all.sort((a, b) => a.d - b.d || a.i - b.i);
  return all.slice(0, k).map((x) => x.i);
}

describe("exactTopKSets", () => {
  const keeps = [() => true, (i: number) => i % 10 === 3, (i: number) => i < 5];
  for (const space of ["l2", "cosine", "ip"] as Space[]) {
    it(`equals sorting every distance, per filter, in one pass (${space}, batches not dividing n)`, () => {
      const got = exactTopKSets(space, inMemory(data, 64), queries, 10, keeps);
      keeps.forEach((keep, f) => queries.forEach((q, qi) => expect(got[f][qi], `filter ${f} query ${qi}`).toEqual(bySorting(space, keep, q, 10))));
      // The record used as a query is its own nearest neighbour.
      if (space !== "ip") expect(got[0][queries.length - 1][0]).toBe(123);
      // A filter with fewer records than k returns them all.
      expect(got[2][0].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    });
  }
});

describe("cachedStream", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("hands back streamed's bytes, from a file written once and reused", async () => {
    const dir = await mkdtemp(join(tmpdir(), "bench-cache-"));
    dirs.push(dir);
    const source = streamed(spec, 2500, 7, 1000);
    const logs: string[] = [];
    const first = cachedStream(spec, 2500, 7, 1000, dir, (m) => logs.push(m));
    const again = cachedStream(spec, 2500, 7, 1000, dir, (m) => logs.push(m));
    expect(logs.map((m) => m.split(" ")[0])).toEqual(["generating", "records"]);
    expect(await readdir(dir)).toHaveLength(1);
    for (const records of [first, again]) {
      for (let b = 0; b < 3; b++) {
        const want = source.batch(b);
        const got = records.batch(b);
        expect(got.n).toBe(b < 2 ? 1000 : 500);
        expect(got.vectors).toEqual(want.vectors);
        expect(got.cluster).toEqual(want.cluster);
      }
    }
    // Another seed is another file.
    cachedStream(spec, 2500, 8, 1000, dir);
    expect(await readdir(dir)).toHaveLength(2);
  });
});
