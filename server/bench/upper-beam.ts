/**
 * What the upper-layer beam (hnsw-graph.ts UPPER_EF: a beam over level 1 whose nodes all enter
 * level 0) buys and costs on one graph of the benchmark's data: recall@10 against brute force,
 * queries that find none / at most 5 of their 10, and CPU time per search (process.cpuUsage, so
 * other processes on a busy machine inflate it less than wall time), with hnswlib's greedy
 * descent (upperEf 1) and with the beam, in interleaved rounds on the same graph. Recall is also
 * given over the first 50 queries, the ones `make bench` measures recall with (same seeds).
 *
 * --graph FILE: the first run saves the graph's bytes there, later runs restore them, so two
 * builds of the addon or two search settings compare on the same graph rather than on two
 * parallel builds that differ by chance (how resident.ts efFloor was measured).
 *
 *   npx tsx bench/upper-beam.ts [--shape subspace|full|uniform] [--space l2] [--n 100000]
 *     [--ef 100,160] [--upper 1,16] [--queries 200] [--rounds 5] [--threads 2] [--graph FILE]
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { scriptArgs } from "./args.js";
import { inMemory, row } from "./data.js";
import { generateShape, type DataShape } from "./shapes.js";
import { exactTopKAll, type Space } from "./truth.js";
import { hnsw } from "../src/storage/memory/native.js";
import { CHUNK_BITS } from "../src/storage/memory/protocol.js";

const o = scriptArgs({ shape: "subspace", space: "l2", n: 100_000, dim: 384, ef: "100,160", upper: "1,16", queries: 200, rounds: 5, threads: 2, graph: "" });
const space = o.space as Space;
// The data and queries of `make bench` (bench/matrix.ts: data seed 1, queries seed 1,000,003).
const data = generateShape(o.shape as DataShape, o.dim, o.n, 1);
const queries = generateShape(o.shape as DataShape, o.dim, o.queries, 1_000_003);
const queryRows = Array.from({ length: o.queries }, (_, i) => row(queries, i));
const truth = exactTopKAll(space, inMemory(data, 10_000), queryRows, 10);

// Vectors in chunks of 2^CHUNK_BITS rows, as the slot store keeps them; the graph reads them in place.
const CHUNK = 1 << CHUNK_BITS;
const rows = new Float32Array(Math.ceil(o.n / CHUNK) * CHUNK * o.dim);
rows.set(data.vectors);
const { HnswIndex, build } = hnsw();
// The server's defaults: upstream's M and ef_construction, parallel inserts.
const graph = new HnswIndex(space, o.dim, o.n, 16, 100, 100, CHUNK_BITS);
for (let c = 0; c * CHUNK < o.n; c++) graph.setChunk(c, rows.subarray(c * CHUNK * o.dim, (c + 1) * CHUNK * o.dim));
if (o.graph && existsSync(o.graph)) {
  graph.restore(readFileSync(o.graph));
  console.log(`${o.shape} ${space} n=${o.n}, ${build} build: graph restored from ${o.graph}`);
} else {
  const t = performance.now();
  for (let i = 0; i < o.n; i += 64) graph.addPoints(Int32Array.from({ length: Math.min(64, o.n - i) }, (_, j) => i + j), o.threads);
  console.log(`${o.shape} ${space} n=${o.n}, ${build} build: graph built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  if (o.graph) writeFileSync(o.graph, await graph.serialize());
}

const uppers = o.upper.split(",").map(Number);
for (const ef of o.ef.split(",").map(Number)) {
  for (const upper of uppers) {
    let hits = 0;
    let hits50 = 0;
    let none = 0;
    let half = 0;
    for (let q = 0; q < queryRows.length; q++) {
      const found = new Set(graph.search(queryRows[q], 1, 10, ef, null, null, upper));
      const h = truth[q].filter((l) => found.has(l)).length;
      hits += h;
      if (q < 50) hits50 += h;
      if (h === 0) none++;
      if (h <= 5) half++;
    }
    console.log(`  ef ${ef} upperEf ${upper}: recall@10 ${(hits / (queryRows.length * 10)).toFixed(4)} (first 50: ${(hits50 / (Math.min(50, queryRows.length) * 10)).toFixed(3)}), ${none} queries find none of their 10, ${half} at most 5`);
  }
  const cpu = new Map<number, number[]>(uppers.map((u) => [u, []]));
  for (let r = 0; r < o.rounds; r++) {
    for (const upper of uppers) {
      const before = process.cpuUsage();
      for (const q of queryRows) graph.search(q, 1, 10, ef, null, null, upper);
      const used = process.cpuUsage(before);
      cpu.get(upper)!.push((used.user + used.system) / queryRows.length);
    }
  }
  for (const [upper, us] of cpu) {
    us.sort((a, b) => a - b);
    console.log(`  ef ${ef} upperEf ${upper}: CPU per search, median of ${o.rounds} rounds ${us[us.length >> 1].toFixed(0)} us (${us[0].toFixed(0)}-${us[us.length - 1].toFixed(0)})`);
  }
}
// `rows` must outlive the graph's last use.
if (rows.length === 0) console.log("no data");
