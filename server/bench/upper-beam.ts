/**
 * What the upper-layer beam (hnsw-graph.ts UPPER_EF: a beam over level 1 whose nodes all enter
 * level 0) buys and costs on one graph of the benchmark's data: recall@10 against brute force,
 * queries that find none / at most 5 of their 10, and CPU time per search (process.cpuUsage, so
 * other processes on a busy machine inflate it less than wall time), with hnswlib's greedy
 * descent (upperEf 1) and with the beam, in rounds interleaved over every (ef, upperEf) pair on
 * the same graph. Recall is also given over the first --first queries (50: the ones `make bench`
 * measures recall with, same seeds; `make bench-cases` uses its first 100).
 *
 * --graph FILE: the first run saves the graph's bytes there, later runs restore them, so two
 * builds of the addon or two search settings compare on the same graph rather than on two
 * parallel builds that differ by chance (how resident.ts efFloor was measured).
 *
 * --from-dir DIR: the graph a server really built instead (e.g. a copy of /work/kept/1m, filled
 * by restart-time.ts): DIR's data/saved-graphs/<id>.hnsw and data/saved-vectors/<id>.vectors,
 * <id> from DIR/kept.json or --collection, loaded as the server's restore loads them (the
 * checked snapshot, the vectors read into chunks in slot order). The labels are slots, so the
 * truth is brute force over the saved vectors of the graph's slots: what the server searches,
 * whatever the data that filled it (--shape, --n and --space must still say the data's shape,
 * size and the collection's space; --n only sizes nothing here). --query-seed: `make bench`
 * (matrix.ts) queries with seed 1,000,003, `make bench-cases` (main.ts) with seed + 1,000,003
 * = 1,000,004.
 *
 * --quant 0,1: the same links searched by a float graph (0) and by one traversing int8 copies of
 * the vectors (1: HnswIndex's `quantized`, restored from the same bytes, its codes rebuilt from
 * the floats: the time is printed), interleaved like the other settings; --rerank N,...: how many
 * of the quantized search's ef best are re-ranked exactly (0: all); --huge 0,1: each int8 graph
 * restored with its large arrays on 4 KiB pages (0) and on huge pages (1, the default; the
 * addon's setHugePages), interleaved like the rest.
 *
 *   npx tsx bench/upper-beam.ts [--shape subspace|full|uniform] [--space l2] [--n 100000]
 *     [--ef 100,160] [--upper 1,16] [--queries 200] [--rounds 5] [--threads 2] [--graph FILE]
 *     [--from-dir DIR [--collection ID]] [--query-seed 1000003] [--first 50] [--quant 0,1] [--rerank 0]
 *   e.g. the 1M graph: cp -a /work/kept/1m /tmp/ef1m-1m && npx tsx bench/upper-beam.ts
 *     --from-dir /tmp/ef1m-1m --query-seed 1000004 --ef 100,112,128,144,160 --upper 16
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scriptArgs } from "./args.js";
import { inMemory, row, type Dataset, type Records } from "./data.js";
import { generateShape, type DataShape } from "./shapes.js";
import { exactTopKAll, type Space } from "./truth.js";
import { GraphFiles } from "../src/storage/memory/graph-file.js";
import { decodeSnapshot } from "../src/storage/memory/graph-snapshot.js";
import { hnsw, type HnswIndex as Index } from "../src/storage/memory/native.js";
import { CHUNK_BITS } from "../src/storage/memory/protocol.js";
import { VectorFile } from "../src/storage/memory/vector-file.js";

const o = scriptArgs({ shape: "subspace", space: "l2", n: 100_000, dim: 384, ef: "100,160", upper: "1,16", queries: 200, rounds: 5, threads: 2, graph: "", "from-dir": "", collection: "", "query-seed": 1_000_003, first: 50, quant: "0", rerank: "0", huge: "1" });
const space = o.space as Space;
const queries = generateShape(o.shape as DataShape, o.dim, o.queries, o["query-seed"]);
const queryRows = Array.from({ length: o.queries }, (_, i) => row(queries, i));
const CHUNK = 1 << CHUNK_BITS;
const { HnswIndex, build, setHugePages } = hnsw();
// The server's defaults: upstream's M and ef_construction, parallel inserts.
const M = 16;
const EF_CONSTRUCTION = 100;
const SEED = 100;

/** The graph to search, its truth, and the vectors it reads in place (alive while it is used). */
async function load(): Promise<{ graph: Index; truth: number[][]; chunks: Float32Array[]; bytes: Uint8Array }> {
  if (o["from-dir"]) return loadSaved(o["from-dir"]);
  // The data of `make bench` (data seed 1).
  const data = generateShape(o.shape as DataShape, o.dim, o.n, 1);
  const truth = exactTopKAll(space, inMemory(data, 10_000), queryRows, 10);
  // Vectors in chunks of 2^CHUNK_BITS rows, as the slot store keeps them; the graph reads them in place.
  const rows = new Float32Array(Math.ceil(o.n / CHUNK) * CHUNK * o.dim);
  rows.set(data.vectors);
  const chunks = Array.from({ length: rows.length / (CHUNK * o.dim) }, (_, c) => rows.subarray(c * CHUNK * o.dim, (c + 1) * CHUNK * o.dim));
  const graph = new HnswIndex(space, o.dim, o.n, M, EF_CONSTRUCTION, SEED, CHUNK_BITS);
  chunks.forEach((c, i) => graph.setChunk(i, c));
  if (o.graph && existsSync(o.graph)) {
    graph.restore(readFileSync(o.graph));
    console.log(`${o.shape} ${space} n=${o.n}, ${build} build: graph restored from ${o.graph}`);
  } else {
    const t = performance.now();
    for (let i = 0; i < o.n; i += 64) graph.addPoints(Int32Array.from({ length: Math.min(64, o.n - i) }, (_, j) => i + j), o.threads);
    console.log(`${o.shape} ${space} n=${o.n}, ${build} build: graph built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    if (o.graph) writeFileSync(o.graph, await graph.serialize());
  }
  return { graph, truth, chunks, bytes: await graph.serialize() };
}

/** A server's saved graph and vectors (ann-worker.ts / vector-index.ts restore), see the header. */
async function loadSaved(dir: string): Promise<{ graph: Index; truth: number[][]; chunks: Float32Array[]; bytes: Uint8Array }> {
  const id = o.collection || (JSON.parse(readFileSync(join(dir, "kept.json"), "utf8")) as { collectionId: string }).collectionId;
  const t = performance.now();
  const bytes = await new GraphFiles(join(dir, "data", "saved-graphs")).read(id);
  if (!bytes) throw new Error(`no saved graph of ${id} in ${dir}`);
  const snapshot = decodeSnapshot(bytes);
  const file = await VectorFile.open(join(dir, "data", "saved-vectors", `${id}.vectors`), { collection: id, dim: o.dim, chunkBits: CHUNK_BITS });
  if (!file) throw new Error(`no saved vectors of ${id} in ${dir}`);
  const slots = Math.max(file.header.slots, snapshot.present.length);
  const chunks = Array.from({ length: Math.ceil(slots / CHUNK) }, () => new Float32Array(CHUNK * o.dim));
  const intact = await file.readInto(chunks);
  await file.close();
  // Every slot of the graph needs its saved vector here: the server would fetch the others from LanceDB.
  for (let s = 0; s < snapshot.present.length; s++) {
    if (snapshot.present[s] && !(s < file.header.slots && file.versions[s] >= 0 && intact[s >> CHUNK_BITS])) throw new Error(`slot ${s} is in the graph but its saved vector is not usable`);
  }
  const graph = new HnswIndex(space, o.dim, slots, M, EF_CONSTRUCTION, SEED, CHUNK_BITS);
  chunks.forEach((c, i) => graph.setChunk(i, c));
  const tr = performance.now();
  graph.restore(snapshot.graph);
  console.log(`  float graph restored in ${((performance.now() - tr) / 1000).toFixed(2)} s`);
  let live = 0;
  for (const p of snapshot.present) live += p;
  console.log(`${space} ${dir}: ${build} build, ${live} records in the saved graph (${slots} slots), loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // Brute force over the graph's slots, one chunk per batch; labels are slots.
  const records: Records = {
    n: slots,
    dim: o.dim,
    batchSize: CHUNK,
    batch(b): Dataset {
      const n = Math.min(CHUNK, slots - b * CHUNK);
      return { dim: o.dim, n, vectors: chunks[b].subarray(0, n * o.dim), cluster: new Int32Array(n) };
    },
  };
  const tt = performance.now();
  const truth = exactTopKAll(space, records, queryRows, 10, (s) => snapshot.present[s] === 1);
  console.log(`  brute-force truth of ${queryRows.length} queries in ${((performance.now() - tt) / 1000).toFixed(1)} s`);
  return { graph, truth, chunks, bytes: snapshot.graph };
}

const { graph: floatGraph, truth, chunks, bytes } = await load();
const efs = o.ef.split(",").map(Number);
const uppers = o.upper.split(",").map(Number);
const quants = o.quant.split(",").map(Number);
const reranks = o.rerank.split(",").map(Number);
const huges = o.huge.split(",").map(Number);
/** Graphs by `${quant}/${huge}`: the float one as loaded; an int8 one per --huge value (0: 4 KiB pages, 1: huge pages). */
const graphs = new Map<string, Index>();
for (const quant of quants) {
  if (quant === 0) {
    graphs.set("0/1", floatGraph);
    continue;
  }
  for (const huge of huges) {
    setHugePages(huge === 1);
    const g = new HnswIndex(space, o.dim, floatGraph.capacity(), M, EF_CONSTRUCTION, SEED, CHUNK_BITS, true);
    chunks.forEach((c, i) => g.setChunk(i, c));
    const t = performance.now();
    g.restore(bytes);
    console.log(`  int8 graph${huge ? "" : " (4 KiB pages)"} restored (codes rebuilt from the floats) in ${((performance.now() - t) / 1000).toFixed(2)} s`);
    graphs.set(`${quant}/${huge}`, g);
  }
}
setHugePages(true);
const variants = quants.flatMap((quant) =>
  quant === 0
    ? [{ key: "0/1", rerank: 0, label: "float" }]
    : huges.flatMap((huge) => reranks.map((rerank) => ({ key: `${quant}/${huge}`, rerank, label: `int8${huge ? "" : " 4k-pages"} rerank ${rerank || "ef"}` }))),
);
for (const v of variants) {
  const graph = graphs.get(v.key)!;
  for (const ef of efs) {
    for (const upper of uppers) {
      let hits = 0;
      let hits50 = 0;
      let none = 0;
      let half = 0;
      for (let q = 0; q < queryRows.length; q++) {
        const found = new Set(graph.search(queryRows[q], 1, 10, ef, null, null, upper, v.rerank));
        const h = truth[q].filter((l) => found.has(l)).length;
        hits += h;
        if (q < o.first) hits50 += h;
        if (h === 0) none++;
        if (h <= 5) half++;
      }
      console.log(`  ${v.label} ef ${ef} upperEf ${upper}: recall@10 ${(hits / (queryRows.length * 10)).toFixed(4)} (first ${o.first}: ${(hits50 / (Math.min(o.first, queryRows.length) * 10)).toFixed(3)}), ${none} queries find none of their 10, ${half} at most 5`);
    }
  }
}
// CPU rounds interleaved over every setting: a slow spell of the machine falls on all alike.
const settings = variants.flatMap((v) => efs.flatMap((ef) => uppers.map((upper) => ({ ...v, graph: graphs.get(v.key)!, ef, upper, us: [] as number[] }))));
for (let r = 0; r < o.rounds; r++) {
  for (const s of settings) {
    const before = process.cpuUsage();
    for (const q of queryRows) s.graph.search(q, 1, 10, s.ef, null, null, s.upper, s.rerank);
    const used = process.cpuUsage(before);
    s.us.push((used.user + used.system) / queryRows.length);
  }
}
for (const { label, ef, upper, us } of settings) {
  us.sort((a, b) => a - b);
  console.log(`  ${label} ef ${ef} upperEf ${upper}: CPU per search, median of ${o.rounds} rounds ${us[us.length >> 1].toFixed(0)} us (${us[0].toFixed(0)}-${us[us.length - 1].toFixed(0)})`);
}
// The chunks must outlive the graph's last use (it reads them in place).
if (chunks.length === 0) console.log("no data");
