/**
 * Exact-scan speed of the in-memory index (VectorIndex without a graph), per query, by how many
 * candidate slots are scored: a few (the unindexed tail, small filtered sets) up to the 16k a
 * filtered query may scan, plus a whole small collection. A micro-benchmark for changes to the
 * scan kernels or the slot store's memory layout: run it before and after.
 *
 *   npx tsx bench/scan-speed.ts [--n 50000] [--space l2|cosine|ip] [--queries 200]
 */
import { scriptArgs } from "./args.js";
import { MemoryBudget } from "../src/storage/memory/slots.js";
import { VectorIndex } from "../src/storage/memory/vector-index.js";
import { DEFAULT_SPEC, generate, row } from "./data.js";
import type { Space } from "./truth.js";

const { n, space, queries: queryCount } = scriptArgs({ n: 50_000, space: "l2" as Space, queries: 200 });

const data = generate(DEFAULT_SPEC, n, 1);
const queries = generate(DEFAULT_SPEC, queryCount, 2);
const index = new VectorIndex(DEFAULT_SPEC.dim, {
  space,
  m: 16,
  efConstruction: 100,
  efSearch: 100,
  annThreshold: Number.MAX_SAFE_INTEGER,
  exactLimit: Number.MAX_SAFE_INTEGER,
  host: null,
  budget: new MemoryBudget(0),
});
for (let i = 0; i < n; i += 1000) {
  index.put(Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({ id: `r${i + j}`, seq: i + j, version: 0, vector: row(data, i + j) })));
}

/** Best of five rounds of every query (the machine is shared: the best round is the least disturbed). */
async function perQuery(candidates: Int32Array | null): Promise<number> {
  const one = async (i: number) => index.search([row(queries, i % queryCount)], 10, candidates);
  for (let i = 0; i < 20; i++) await one(i);
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t = performance.now();
    for (let i = 0; i < queryCount; i++) await one(i);
    best = Math.min(best, ((performance.now() - t) * 1000) / queryCount);
  }
  return best;
}

const lines: string[] = [];
for (const size of [10, 100, 255, 256, 1000, 10_000, 16_384]) {
  if (size > n) continue;
  // Spread over the store (every stride-th slot), as filtered candidates are.
  const stride = Math.floor(n / size);
  const candidates = Int32Array.from({ length: size }, (_, i) => i * stride);
  lines.push(`${String(size).padStart(6)} candidates: ${(await perQuery(candidates)).toFixed(1).padStart(8)} us/query`);
}
lines.push(`   all ${n}: ${(await perQuery(null)).toFixed(1).padStart(8)} us/query`);
console.log(`${space}, dim ${DEFAULT_SPEC.dim}, ${n} records, ${queryCount} queries each, best of 5 rounds\n${lines.join("\n")}`);
index.close();
