/**
 * Recall@10 and build time of a collection's graph built the two ways the server builds it, on
 * the same data, through the server's own VectorIndex and ANN worker:
 *
 * - one-go: every record is in memory before the graph starts (a restart without a saved graph,
 *   a rebuild after a failure), so the worker indexes them all in one pass;
 * - incremental: records arrive in client batches (`--batch`, a pause of `--gap` ms after each,
 *   the time a LanceDB write takes), as an ingest through the HTTP API does, and the graph
 *   follows them (worker, then the main thread once it has caught up).
 *
 * Recall is measured against brute force after the graph has every record (status: nothing
 * unindexed); build time is from the first record in to everything indexed. Graphs built by
 * parallel inserts differ from run to run: compare several runs, and ratios on a busy machine.
 *
 *   npx tsx bench/graph-build.ts [--shape subspace|full|uniform] [--space l2|cosine|ip]
 *     [--n 100000] [--batch 1000] [--gap 40] [--queries 200] [--ef 100,160] [--modes one-go,incremental]
 */
import { scriptArgs } from "./args.js";
import { inMemory, row } from "./data.js";
import { generateShape, type DataShape } from "./shapes.js";
import { exactTopKAll, type Space } from "./truth.js";
import { AnnWorkerHost } from "../src/storage/memory/ann-worker-host.js";
import { MemoryBudget } from "../src/storage/memory/slots.js";
import { VectorIndex, type Entry } from "../src/storage/memory/vector-index.js";

const o = scriptArgs({ shape: "subspace", space: "l2", n: 100_000, dim: 384, batch: 1000, gap: 40, queries: 200, "query-seed": 1_000_003, ef: "100,160", modes: "one-go,incremental", poll: 100 });
const space = o.space as Space;
const efs = o.ef.split(",").map(Number);
// The data and queries of `make bench` (bench/matrix.ts: data seed 1, queries seed 1,000,003).
const data = generateShape(o.shape as DataShape, o.dim, o.n, 1);
const queries = generateShape(o.shape as DataShape, o.dim, o.queries, o["query-seed"]);
const queryRows = Array.from({ length: o.queries }, (_, i) => row(queries, i));
const truth = exactTopKAll(space, inMemory(data, 10_000), queryRows, 10);

const entry = (i: number): Entry => ({ id: `id${i}`, seq: i, version: 1, vector: row(data, i) });
const batchAt = (i: number) => Array.from({ length: Math.min(o.batch, o.n - i) }, (_, j) => entry(i + j));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function run(mode: string): Promise<void> {
  const host = new AnnWorkerHost();
  // The server's defaults: upstream's M and ef_construction, a graph from 2,048 records on.
  const index = new VectorIndex(o.dim, { space, m: 16, efConstruction: 100, efSearch: efs[0], annThreshold: 2048, exactLimit: 16_384, host, budget: new MemoryBudget(0) });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  if (mode === "one-go") {
    for (let i = 0; i < o.n; i += o.batch) index.put(batchAt(i), false);
    index.activate();
  } else {
    for (let i = 0; i < o.n; i += o.batch) {
      index.put(batchAt(i));
      await sleep(o.gap);
    }
  }
  const ingested = performance.now();
  // Polled as bench/client.ts polls indexing_status.
  while (index.status().unindexed > 0 || index.where !== "local") await sleep(o.poll);
  const built = performance.now();
  console.log(`${o.shape} ${space} n=${o.n} ${mode}: ingest ${seconds(ingested - started)} s, indexed after ${seconds(built - started)} s, process CPU ${(((u) => (u.user + u.system) / 1e6)(process.cpuUsage(cpuBefore))).toFixed(1)} s`);
  for (const ef of efs) {
    index.setEfSearch(ef);
    // Per query, how many of the true 10 nearest came back.
    const hits: number[] = [];
    const t = performance.now();
    for (let q = 0; q < queryRows.length; q++) {
      const [found] = await index.search([queryRows[q]], 10, null);
      const ids = new Set(found.map((h) => h.id));
      hits.push(truth[q].filter((i) => ids.has(`id${i}`)).length);
    }
    const perQuery = (performance.now() - t) / queryRows.length;
    const recallOf = (n: number) => (hits.slice(0, n).reduce((a, b) => a + b, 0) / (n * 10)).toFixed(4);
    console.log(`  ef ${ef}: recall@10 ${recallOf(hits.length)} over ${hits.length} queries (first 50, as make bench: ${recallOf(Math.min(50, hits.length))}); ${hits.filter((h) => h < 10).length} queries miss any, the worst finds ${Math.min(...hits)}/10; ${perQuery.toFixed(2)} ms/query`);
  }
  index.close();
  await host.close();
}

for (const mode of o.modes.split(",")) await run(mode);
