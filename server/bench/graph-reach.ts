/**
 * Why a graph misses: builds one graph the way the server's worker does (the addon, inserts in
 * batches of 32, vectors read in place) on `make bench`'s data, then reads its saved form
 * (HnswIndex.serialize, layout in native/src/graph-file.h) to count the nodes no level-0 link
 * points to and the nodes level 0 cannot reach from the entry point, and, for each query that
 * finds at most half of its true 10 at a given ef, whether those 10 were reachable at all. A miss
 * whose neighbours are reachable is the search stopping in another region, not a broken graph.
 *
 *   npx tsx bench/graph-reach.ts [--shape subspace|full|uniform] [--n 100000] [--threads 1] [--ef 100,160,400]
 */
import { scriptArgs } from "./args.js";
import { inMemory, row } from "./data.js";
import { generateShape, type DataShape } from "./shapes.js";
import { exactTopKAll } from "./truth.js";
import { hnsw } from "../src/storage/memory/native.js";
import { CHUNK_BITS } from "../src/storage/memory/protocol.js";

const o = scriptArgs({ shape: "full", n: 100_000, dim: 384, threads: 1, queries: 200, ef: "100,160,400" });
const data = generateShape(o.shape as DataShape, o.dim, o.n, 1);
const queries = generateShape(o.shape as DataShape, o.dim, o.queries, 1_000_003);
const queryRows = Array.from({ length: o.queries }, (_, i) => row(queries, i));
const truth = exactTopKAll("l2", inMemory(data, 10_000), queryRows, 10);

const CHUNK = 1 << CHUNK_BITS;
const rows = new Float32Array(Math.ceil(o.n / CHUNK) * CHUNK * o.dim);
rows.set(data.vectors);
const graph = new (hnsw().HnswIndex)("l2", o.dim, o.n, 16, 100, 100, CHUNK_BITS);
for (let c = 0; c * CHUNK < o.n; c++) graph.setChunk(c, rows.subarray(c * CHUNK * o.dim, (c + 1) * CHUNK * o.dim));
for (let i = 0; i < o.n; i += 32) graph.addPoints(Int32Array.from({ length: Math.min(32, o.n - i) }, (_, j) => i + j), o.threads);

// graph-file.h: a 72-byte header (max_m0 at 24, count at 32, enterpoint at 44), then level 0:
// per node a link count (uint16, with the deleted mark above it), max_m0 uint32 links, a uint64 label.
const bytes = await graph.serialize();
const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const maxM0 = view.getUint32(24, true);
const count = Number(view.getBigUint64(32, true));
const enter = view.getUint32(44, true);
const HEADER = 72;
const perNode = 4 + 4 * maxM0 + 8;
const links = (node: number): number[] => {
  const at = HEADER + node * perNode;
  return Array.from({ length: view.getUint16(at, true) }, (_, j) => view.getUint32(at + 4 + 4 * j, true));
};
const nodeOfLabel = new Int32Array(o.n);
for (let node = 0; node < count; node++) nodeOfLabel[Number(view.getBigUint64(HEADER + node * perNode + 4 + 4 * maxM0, true))] = node;

const inDegree = new Int32Array(count);
for (let node = 0; node < count; node++) for (const to of links(node)) inDegree[to]++;
const reached = new Uint8Array(count);
const frontier = [enter];
reached[enter] = 1;
for (let h = 0; h < frontier.length; h++) for (const to of links(frontier[h])) if (!reached[to]) (reached[to] = 1), frontier.push(to);
console.log(`${o.shape} l2 n=${o.n}, ${o.threads} insert thread(s): ${inDegree.filter((d) => d === 0).length} nodes without an incoming level-0 link, ${count - frontier.length} not reachable over level 0 from the entry point`);

for (const ef of o.ef.split(",").map(Number)) {
  const misses: string[] = [];
  for (let q = 0; q < queryRows.length; q++) {
    const found = new Set(graph.search(queryRows[q], 1, 10, ef, null, null));
    const hits = truth[q].filter((i) => found.has(i)).length;
    if (hits > 5) continue;
    const unreachable = truth[q].filter((i) => !reached[nodeOfLabel[i]]).length;
    misses.push(`query ${q} finds ${hits}/10 (${unreachable} of its true 10 unreachable)`);
  }
  console.log(`  ef ${ef}: ${misses.length} queries find at most 5 of their 10${misses.length ? ": " + misses.join(", ") : ""}`);
}
// The graph reads `rows` in place: it must outlive the last search.
if (rows.length === 0) console.log("no data");
