/**
 * Recall@10 and search time of the HNSW addon by search ef, on the benchmark's data: builds one
 * graph the way the server does (parallel inserts, vectors read in place) and queries it with
 * the benchmark's first 100 queries against brute force. Graphs built by parallel inserts
 * differ from run to run, so run it a few times; this is how the server's ef floor was chosen.
 *
 *   npx tsx bench/recall-by-ef.ts [--space l2|cosine|ip] [--n 100000] [--threads 2] [--ef-construction 100]
 */
import { scriptArgs } from "./args.js";
import { hnsw } from "../src/storage/memory/native.js";
import { CHUNK_BITS } from "../src/storage/memory/protocol.js";
import { DEFAULT_SPEC, generate, inMemory, row } from "./data.js";
import { exactTopKAll, type Space } from "./truth.js";

const { space, n, threads, "ef-construction": efConstruction } = scriptArgs({ space: "l2" as Space, n: 100_000, threads: 2, "ef-construction": 100 });
const dim = DEFAULT_SPEC.dim;

// The same seeds as bench/main.ts (data: seed 1; queries: seed 1 + 1,000,003).
const data = generate(DEFAULT_SPEC, n, 1);
const queries = generate(DEFAULT_SPEC, 500, 1 + 1_000_003);
const truth = exactTopKAll(space, inMemory(data, 1000), Array.from({ length: 100 }, (_, i) => row(queries, i)), 10);

// Vectors in chunks of 2^CHUNK_BITS rows, as the slot store keeps them; the graph reads them in place.
const CHUNK = 1 << CHUNK_BITS;
const rows = new Float32Array(Math.ceil(n / CHUNK) * CHUNK * dim);
rows.set(data.vectors);
const { HnswIndex, build } = hnsw();
const graph = new HnswIndex(space, dim, n, 16, efConstruction, 100, CHUNK_BITS);
for (let c = 0; c * CHUNK < n; c++) graph.setChunk(c, rows.subarray(c * CHUNK * dim, (c + 1) * CHUNK * dim));
let t = performance.now();
for (let i = 0; i < n; i += 64) graph.addPoints(Int32Array.from({ length: Math.min(64, n - i) }, (_, j) => i + j), threads);
console.log(`${space}, ${build} build, ${threads} threads, ef_construction ${efConstruction}: built ${n} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
for (const ef of [100, 128, 160, 200, 256]) {
  let hits = 0;
  for (let i = 0; i < truth.length; i++) {
    const found = new Set(graph.search(row(queries, i), 1, 10, ef, null, null));
    for (const id of truth[i]) if (found.has(id)) hits++;
  }
  t = performance.now();
  for (let i = 0; i < 1000; i++) graph.search(row(queries, i % queries.n), 1, 10, ef, null, null);
  console.log(`  ef ${ef}: recall@10 ${(hits / (truth.length * 10)).toFixed(4)}, ${(performance.now() - t).toFixed(0)} us/query`);
}
// `rows` must outlive the graph's last use.
if (rows.length === 0) console.log("no data");
