/**
 * Filtered graph searches by search ef: recall@10 and CPU per query of the HNSW addon (quantized,
 * upper beam and re-rank pool as the server searches) restricted to an `allowed` bitset keeping
 * a share of the records, beside the cost of the exact scan a filter at the exact limit gets
 * (VectorIndex's exact path over `--exact` candidates). This is what the filtered ef policy
 * (search-ef.ts searchEf) was chosen on: the cost of a graph search at the highest ef it gives should
 * not exceed the exact scan a slightly narrower filter gets, so the cost stays continuous across
 * the exactLimit threshold.
 *
 *   npx tsx bench/filtered-ef.ts [--data uniform] [--space ip] [--n 100000] [--keep 2]
 *     [--ef 128,256,384,512] [--queries 200] [--exact 16384] [--threads 2] [--seed 1]
 *
 * --keep: 1 of every `keep` records passes the filter (2 = the matrix's 50 % filter, even ids).
 * Queries are the matrix's (seed + 1,000,003), ground truth exact over the allowed records.
 */
import { scriptArgs } from "./args.js";
import { hnsw } from "../src/storage/memory/native.js";
import { CHUNK_BITS } from "../src/storage/memory/protocol.js";
import { rerankPool } from "../src/storage/memory/hnsw-graph.js";
import { VectorIndex } from "../src/storage/memory/vector-index.js";
import { MemoryBudget } from "../src/storage/memory/slots.js";
import { idOf, inMemory, row } from "./data.js";
import { generateShape, type DataShape } from "./shapes.js";
import { exactTopKAll, type Space } from "./truth.js";
import { cpuUsage } from "node:process";

const args = scriptArgs({ data: "uniform", space: "ip", n: 100_000, keep: 2, ef: "128,256,384,512", queries: 200, exact: 16_384, threads: 2, seed: 1 });
const { n, keep, threads, seed } = args;
const space = args.space as Space;
const DIM = 384;
const K = 10;
const efs = args.ef.split(",").map(Number);

const data = generateShape(args.data as DataShape, DIM, n, seed);
const qs = generateShape(args.data as DataShape, DIM, args.queries, seed + 1_000_003);
const queries = Array.from({ length: args.queries }, (_, i) => row(qs, i));
const passes = (i: number) => i % keep === 0;
const truth = exactTopKAll(space, inMemory(data, 1000), queries, K, passes);

// The graph, as the server builds it: vectors in chunks read in place, M 16, ef_construction 100, int8 copies.
const CHUNK = 1 << CHUNK_BITS;
const rows = new Float32Array(Math.ceil(n / CHUNK) * CHUNK * DIM);
rows.set(data.vectors);
const { HnswIndex } = hnsw();
const graph = new HnswIndex(space, DIM, n, 16, 100, 100, CHUNK_BITS, true);
for (let c = 0; c * CHUNK < n; c++) graph.setChunk(c, rows.subarray(c * CHUNK * DIM, (c + 1) * CHUNK * DIM));
let t = performance.now();
for (let i = 0; i < n; i += 64) graph.addPoints(Int32Array.from({ length: Math.min(64, n - i) }, (_, j) => i + j), threads);
console.log(`${args.data} ${space}, n ${n}, 1 in ${keep} allowed: graph built in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const allowed = new Uint8Array((n + 7) >> 3);
for (let i = 0; i < n; i++) if (passes(i)) allowed[i >> 3] |= 1 << (i & 7);

/** CPU microseconds per call of fn over `reps` calls (user + system of this process). */
function cpuPer(reps: number, fn: (i: number) => void): number {
  const before = cpuUsage();
  for (let i = 0; i < reps; i++) fn(i);
  const used = cpuUsage(before);
  return (used.user + used.system) / reps;
}

const perEf = new Map<number, { hits: number[]; us: number[] }>(efs.map((ef) => [ef, { hits: [], us: [] }]));
for (const ef of efs) {
  const hits = perEf.get(ef)!.hits;
  queries.forEach((q, i) => {
    const found = new Set(graph.search(q, 1, K, ef, allowed, null, 16, rerankPool(K)));
    hits.push(truth[i].filter((id) => found.has(id)).length / K);
  });
}
// Timings interleaved across ef, 3 rounds, so drift on a busy machine hits every ef alike.
for (let round = 0; round < 3; round++) {
  for (const ef of efs) perEf.get(ef)!.us.push(cpuPer(queries.length, (i) => graph.search(queries[i], 1, K, ef, allowed, null, 16, rerankPool(K))));
}
const base = perEf.get(efs[0])!.hits;
for (const ef of efs) {
  const { hits, us } = perEf.get(ef)!;
  const mean = hits.reduce((a, b) => a + b, 0) / hits.length;
  // Paired with the first ef: the mean difference per query and its standard error.
  const d = hits.map((h, i) => h - base[i]);
  const dm = d.reduce((a, b) => a + b, 0) / d.length;
  const dse = Math.sqrt(d.reduce((a, b) => a + (b - dm) ** 2, 0) / Math.max(1, d.length - 1) / d.length);
  console.log(`  ef ${ef}: recall@10 ${mean.toFixed(4)} (vs ef ${efs[0]}: ${dm >= 0 ? "+" : ""}${dm.toFixed(4)} ± ${dse.toFixed(4)}), CPU ${us.map((u) => u.toFixed(0)).join(" / ")} us/query`);
}

// The exact scan a filter of `--exact` candidates gets (VectorIndex with no graph host).
const index = new VectorIndex(DIM, { space, m: 16, efConstruction: 100, efSearch: 100, annThreshold: Infinity, exactLimit: Infinity, host: null, budget: new MemoryBudget(0) });
for (let i = 0; i < n; i += 1000) {
  index.put(Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({ id: idOf(i + j), seq: i + j, version: 1, vector: row(data, i + j) })), false);
}
const candidates = Int32Array.from({ length: Math.min(args.exact, n) }, (_, i) => Math.floor((i * n) / Math.min(args.exact, n)));
const exactUs: number[] = [];
for (let round = 0; round < 3; round++) {
  const before = cpuUsage();
  for (const q of queries) await index.search([q], K, candidates);
  const used = cpuUsage(before);
  exactUs.push((used.user + used.system) / queries.length);
}
console.log(`  exact scan of ${candidates.length} candidates: CPU ${exactUs.map((u) => u.toFixed(0)).join(" / ")} us/query`);
// `rows` must outlive the graph's last use.
if (rows.length === 0) console.log("no data");
