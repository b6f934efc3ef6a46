/**
 * Two builds of the HNSW addon on one graph, in one process: CPU time per search of each, in
 * interleaved rounds (so a busy machine's load falls on both alike), and whether they give the
 * same answers. For changes to the search itself (distance kernels, prefetching) that must not
 * change what is found: save the current build's .node file, change and rebuild, then
 *
 *   cp native/build/Release/hnsw_native.node /tmp/A.node   # before the change
 *   (change, `cd native/build && make hnsw_native`)
 *   npx tsx bench/addon-ab.ts --a /tmp/A.node --b native/build/Release/hnsw_native.node \
 *     [--shape subspace|full|uniform] [--space l2|cosine|ip] [--n 100000] [--ef 128] \
 *     [--queries 200] [--rounds 9] [--graph FILE] [--truth] [--quantA] [--quantB] [--rerankA N] [--rerankB N]
 *     [--evict MB]
 *
 * The graph is built once by build A (or restored from --graph, written the first time), then its
 * bytes are restored into a graph of each build: both search the very same links. --truth also
 * gives recall@10 against brute force (slow: exact top 10 in JS). --quantA / --quantB: that
 * side's graph traverses int8 copies of the vectors and re-ranks exactly (HnswIndex's 8th
 * argument; a build without it ignores it), re-ranking the --rerankA / --rerankB best of ef (0: all).
 * --evict MB: cold searches. Before each timed search the process streams MB of its own memory
 * (every cache line read, on 4 KiB pages), so the search finds its graph, codes and vectors out of
 * the caches and its page-table entries out of the TLB, as a server's first queries after an idle
 * period do (issue 18); only the search itself is timed (CPU and wall per search).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { scriptArgs } from "./args.js";
import { addonPair } from "./addon-pair.js";
import { inMemory } from "./data.js";
import { exactTopKAll } from "./truth.js";

const o = scriptArgs({ a: "", b: "", shape: "subspace", space: "l2", n: 100_000, dim: 384, ef: 128, upper: 16, queries: 200, rounds: 9, threads: 2, graph: "", truth: false, quantA: false, quantB: false, rerankA: 0, rerankB: 0, evict: 0 });
const { addons, space, data, queryRows, rows, graphOf } = addonPair(o);

let bytes: Uint8Array;
if (o.graph && existsSync(o.graph)) {
  bytes = readFileSync(o.graph);
} else {
  const g = graphOf(addons.A);
  const t = performance.now();
  for (let i = 0; i < o.n; i += 64) g.addPoints(Int32Array.from({ length: Math.min(64, o.n - i) }, (_, j) => i + j), o.threads);
  console.log(`graph built by A in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  bytes = await g.serialize();
  if (o.graph) writeFileSync(o.graph, bytes);
}
const graphs = { A: graphOf(addons.A, o.quantA), B: graphOf(addons.B, o.quantB) };
for (const k of ["A", "B"] as const) {
  const t = performance.now();
  graphs[k].restore(bytes);
  console.log(`${k}: restored in ${(performance.now() - t).toFixed(0)} ms${graphs[k].quantized?.() ? " (int8 traversal)" : ""}`);
}
console.log(`${o.shape} ${space} n=${o.n} ef ${o.ef} upperEf ${o.upper}, ${o.queries} queries; load ${(await import("node:os")).loadavg().map((l) => l.toFixed(2)).join(" ")}`);

const rerank = { A: o.rerankA, B: o.rerankB };
const answers = { A: [] as Int32Array[], B: [] as Int32Array[] };
for (const k of ["A", "B"] as const) for (const q of queryRows) answers[k].push(graphs[k].search(q, 1, 10, o.ef, null, null, o.upper, rerank[k]));
let differ = 0;
let sameSets = 0;
for (let q = 0; q < queryRows.length; q++) {
  const [a, b] = [answers.A[q], answers.B[q]];
  if (a.some((l, i) => l !== b[i])) {
    differ++;
    const s = new Set(a);
    if (b.every((l) => s.has(l))) sameSets++;
  }
}
console.log(`answers: ${queryRows.length - differ} of ${queryRows.length} identical (${sameSets} more the same labels in another order)`);
if (o.truth) {
  const truth = exactTopKAll(space, inMemory(data, 10_000), queryRows, 10);
  for (const k of ["A", "B"] as const) {
    let hits = 0;
    for (let q = 0; q < queryRows.length; q++) {
      const found = new Set(answers[k][q]);
      hits += truth[q].filter((l) => found.has(l)).length;
    }
    console.log(`  ${k}: recall@10 ${(hits / (queryRows.length * 10)).toFixed(4)}`);
  }
}

// --evict: written once (so its pages exist), then read line by line before each cold search.
const evictBuf = new Uint8Array(o.evict * 1024 * 1024);
evictBuf.fill(1);
let evictSink = 0;
const evict = () => {
  for (let i = 0; i < evictBuf.length; i += 64) evictSink += evictBuf[i];
};
/** One round of every query on `k`'s graph: [CPU us, wall us] per search (cold: only the search timed). */
const round = (k: "A" | "B"): [number, number] => {
  if (o.evict === 0) {
    const before = process.cpuUsage();
    const t = performance.now();
    for (const q of queryRows) graphs[k].search(q, 1, 10, o.ef, null, null, o.upper, rerank[k]);
    const used = process.cpuUsage(before);
    return [(used.user + used.system) / queryRows.length, ((performance.now() - t) * 1000) / queryRows.length];
  }
  let cpuUs = 0;
  let wallMs = 0;
  for (const q of queryRows) {
    evict();
    const before = process.cpuUsage();
    const t = performance.now();
    graphs[k].search(q, 1, 10, o.ef, null, null, o.upper, rerank[k]);
    wallMs += performance.now() - t;
    const used = process.cpuUsage(before);
    cpuUs += used.user + used.system;
  }
  return [cpuUs / queryRows.length, (wallMs * 1000) / queryRows.length];
};

const cpu = { A: [] as number[], B: [] as number[] };
const wall = { A: [] as number[], B: [] as number[] };
for (let r = 0; r < o.rounds; r++) {
  // Alternate which goes first, so neither always follows the other's cache state.
  for (const k of r % 2 === 0 ? (["A", "B"] as const) : (["B", "A"] as const)) {
    const [c, w] = round(k);
    cpu[k].push(c);
    wall[k].push(w);
  }
}
const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
for (const k of ["A", "B"] as const) {
  const s = [...cpu[k]].sort((x, y) => x - y);
  console.log(`  ${k}: CPU per search, median of ${o.rounds} rounds ${med(cpu[k]).toFixed(0)} us (${s[0].toFixed(0)}-${s[s.length - 1].toFixed(0)}), wall ${med(wall[k]).toFixed(0)} us`);
}
for (const [what, t] of [["CPU", cpu], ["wall", wall]] as const) {
  const ratios = t.A.map((a, i) => t.B[i] / a);
  console.log(`  B / A ${what} per round: median ${med(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)})`);
}
if (rows.length === 0 || evictSink < 0) console.log("no data");
