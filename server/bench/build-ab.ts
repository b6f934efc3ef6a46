/**
 * Two builds of the HNSW addon, each building its own graph of the benchmark's data: for changes
 * to how a graph is built (which links an insert keeps), where bench/addon-ab.ts (one graph's
 * bytes searched by both builds) cannot show the difference. Per build: the build's wall and
 * process CPU time (parallel inserts, as the ANN worker does them), recall@10 against brute
 * force at each --ef (all --queries, and the first 50: the ones `make bench` measures recall
 * with), queries whose 10 are not all found; then CPU time per search at the first --ef, in
 * rounds interleaved between the two graphs (a busy machine's load falls on both alike).
 *
 *   cp native/build/Release/hnsw_native.node /tmp/A.node   # before the change
 *   (change, `node native/build.mjs`)
 *   npx tsx bench/build-ab.ts --a /tmp/A.node --b native/build/Release/hnsw_native.node \
 *     [--shape subspace|full|uniform] [--space l2|cosine|ip] [--n 100000] [--ef 128,20000] \
 *     [--queries 200] [--rounds 7] [--threads 2] [--quant]
 *
 * --quant: both graphs traverse int8 copies of the vectors and re-rank exactly (the server's
 * default, quantized_search). A graph built by parallel inserts differs from run to run: run it
 * twice before trusting a recall difference of a few queries.
 */
import { scriptArgs } from "./args.js";
import { addonPair } from "./addon-pair.js";
import { inMemory } from "./data.js";
import { exactTopKAll } from "./truth.js";
import type { HnswIndex } from "../src/storage/memory/native.js";

const o = scriptArgs({ a: "", b: "", shape: "full", space: "ip", n: 100_000, dim: 384, ef: "128,20000", queries: 200, rounds: 7, threads: 2, quant: false });
const { addons, space, data, queryRows, rows, graphOf } = addonPair(o);
const truth = exactTopKAll(space, inMemory(data, 10_000), queryRows, 10);
const efs = o.ef.split(",").map(Number);

// The server's level-1 beam of its searches.
const UPPER_EF = 16;
/** Labels per addPoints call (the ANN worker's bulk calls are 64-512 per thread). */
const STEP = 256;

const graphs: { name: string; graph: HnswIndex; us: number[] }[] = [];
for (const [name, addon] of Object.entries(addons)) {
  const graph = graphOf(addon, o.quant);
  const t = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < o.n; i += STEP) graph.addPoints(Int32Array.from({ length: Math.min(STEP, o.n - i) }, (_, j) => i + j), o.threads);
  const used = process.cpuUsage(cpu);
  console.log(`${name} (${o.a === o.b ? "" : name === "A" ? o.a : o.b}): ${o.shape} ${space} n=${o.n}${o.quant ? " int8" : ""}, built in ${((performance.now() - t) / 1000).toFixed(1)} s, process CPU ${((used.user + used.system) / 1e6).toFixed(1)} s`);
  for (const ef of efs) {
    let hits = 0;
    let hits50 = 0;
    let short = 0;
    for (let q = 0; q < queryRows.length; q++) {
      const found = new Set(graph.search(queryRows[q], 1, 10, ef, null, null, UPPER_EF));
      const h = truth[q].filter((l) => found.has(l)).length;
      hits += h;
      if (q < 50) hits50 += h;
      if (h < 10) short++;
    }
    console.log(`  ef ${ef}: recall@10 ${(hits / (queryRows.length * 10)).toFixed(4)} (first 50: ${(hits50 / (Math.min(50, queryRows.length) * 10)).toFixed(3)}), ${short} queries miss one or more`);
  }
  graphs.push({ name, graph, us: [] });
}
for (let r = 0; r < o.rounds; r++) {
  for (const g of graphs) {
    const before = process.cpuUsage();
    for (const q of queryRows) g.graph.search(q, 1, 10, efs[0], null, null, UPPER_EF);
    const used = process.cpuUsage(before);
    g.us.push((used.user + used.system) / queryRows.length);
  }
}
for (const g of graphs) {
  g.us.sort((a, b) => a - b);
  console.log(`${g.name}: CPU per search at ef ${efs[0]}, median of ${o.rounds} rounds ${g.us[g.us.length >> 1].toFixed(0)} us (${g.us[0].toFixed(0)}-${g.us[g.us.length - 1].toFixed(0)})`);
}
// The vectors must outlive the graphs' last use (they read them in place).
if (rows.length === 0) console.log("no data");
