/**
 * Graph searches per second on the event loop (HnswIndex.search, one at a time: how the server
 * searched before) vs on the libuv pool (searchAsync, `--clients` in flight: how it searches while
 * other requests are in flight), on one graph of the benchmark's data, in interleaved rounds so
 * a busy machine's noise falls on both alike. The ratio is what 8 clients can gain from the
 * search alone; on a machine whose other cores are taken it tends to 1.
 *
 *   npx tsx bench/pool-search.ts [--shape uniform|subspace|full] [--space l2] [--n 50000] [--ef 160] [--clients 8] [--rounds 4]
 */
import { scriptArgs } from "./args.js";
import { row } from "./data.js";
import { generateShape, type DataShape } from "./shapes.js";
import { hnsw } from "../src/storage/memory/native.js";
import { CHUNK_BITS } from "../src/storage/memory/protocol.js";

const o = scriptArgs({ shape: "uniform", space: "l2", n: 50_000, dim: 384, ef: 160, clients: 8, rounds: 4, queries: 400 });
const data = generateShape(o.shape as DataShape, o.dim, o.n, 1);
const queries = generateShape(o.shape as DataShape, o.dim, o.queries, 1_000_003);

// Vectors in chunks of 2^CHUNK_BITS rows, as the slot store keeps them; the graph reads them in place.
const CHUNK = 1 << CHUNK_BITS;
const rows = new Float32Array(Math.ceil(o.n / CHUNK) * CHUNK * o.dim);
rows.set(data.vectors);
const { HnswIndex, build } = hnsw();
const graph = new HnswIndex(o.space, o.dim, o.n, 16, 100, 100, CHUNK_BITS);
for (let c = 0; c * CHUNK < o.n; c++) graph.setChunk(c, rows.subarray(c * CHUNK * o.dim, (c + 1) * CHUNK * o.dim));
let t = performance.now();
for (let i = 0; i < o.n; i += 64) graph.addPoints(Int32Array.from({ length: Math.min(64, o.n - i) }, (_, j) => i + j), 2);
console.log(`${o.shape} ${o.space} n=${o.n}, ${build} build: graph built in ${((performance.now() - t) / 1000).toFixed(1)} s; ef ${o.ef}, ${o.queries} queries per round`);

function loop(): number {
  t = performance.now();
  for (let i = 0; i < o.queries; i++) graph.search(row(queries, i), 1, 10, o.ef, null, null);
  return (o.queries * 1000) / (performance.now() - t);
}

async function pool(): Promise<number> {
  t = performance.now();
  let next = 0;
  const client = async () => {
    while (next < o.queries) await graph.searchAsync(row(queries, next++), 1, 10, o.ef, null, null);
  };
  await Promise.all(Array.from({ length: o.clients }, client));
  return (o.queries * 1000) / (performance.now() - t);
}

for (let r = 0; r < o.rounds; r++) {
  const a = loop();
  const b = await pool();
  console.log(`  round ${r + 1}: event loop ${a.toFixed(0)} searches/s, pool (${o.clients} in flight) ${b.toFixed(0)} searches/s: ${(b / a).toFixed(2)}x`);
}
// `rows` must outlive the graph's last use.
if (rows.length === 0) console.log("no data");
