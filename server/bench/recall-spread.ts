/**
 * How much a server's recall@10 varies from build to build and from query set to query set, for
 * one of `make bench`'s shapes (issue 18: the uniform ip case's recall target compares two noisy
 * figures). Against a running server (chromaspec or the reference) at --url: for each data seed
 * and build, a fresh collection gets the shape's N records in batches of 1000 (as bench/matrix.ts
 * sends them), then the --queries queries (query seed 1,000,003 as the matrix uses; its recall
 * figure is over the first 50) are asked once each, include distances only. Prints per build the
 * recall over all queries and over the matrix's first 50, with the standard error over queries,
 * and writes every query's hit count (0-10) to --out as JSON so two servers can be compared
 * query by query (bench/recall-compare.ts).
 *
 *   npx tsx bench/recall-spread.ts --url http://127.0.0.1:8310 [--shape uniform] [--space ip] \
 *     [--n 100000] [--data-seeds 1,2] [--builds 1] [--queries 500] [--out /tmp/x.json]
 */
import { writeFile } from "node:fs/promises";
import { scriptArgs } from "./args.js";
import { Client } from "./client.js";
import { addBody, inMemory, row } from "./data.js";
import { generateShape, metadataFor, type DataShape } from "./shapes.js";
import { exactTopKAll, type Space } from "./truth.js";
import { log } from "./timing.js";

const o = scriptArgs({ url: "", shape: "uniform", space: "ip", n: 100_000, dim: 384, "data-seeds": "1", builds: 1, queries: 500, "query-seed": 1_000_003, out: "" });
if (!o.url) throw new Error("--url: the server to measure");
const space = o.space as Space;
const K = 10;
const BATCH = 1000;

/** Mean and its standard error over per-query recalls (hits / 10). */
export function meanSe(hits: number[]): { mean: number; se: number } {
  const xs = hits.map((h) => h / K);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1);
  return { mean, se: Math.sqrt(variance / xs.length) };
}

const queries = generateShape(o.shape as DataShape, o.dim, o.queries, o["query-seed"]);
const queryRows = Array.from({ length: o.queries }, (_, i) => row(queries, i));
const bodies = queryRows.map((q) => JSON.stringify({ query_embeddings: [Array.from(q)], n_results: K, include: ["distances"] }));
const runs: { dataSeed: number; build: number; hits: number[] }[] = [];
const c = new Client(o.url);
for (const dataSeed of o["data-seeds"].split(",").map(Number)) {
  const data = generateShape(o.shape as DataShape, o.dim, o.n, dataSeed);
  const truth = exactTopKAll(space, inMemory(data, 10_000), queryRows, K).map((t) => new Set(t.map((i) => `rec-${i}`)));
  const records = inMemory(data, BATCH);
  for (let build = 0; build < o.builds; build++) {
    const name = `recall-spread-${o.shape}-${space}-${dataSeed}-${build}-${Date.now().toString(36)}`;
    const coll = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name, configuration: { hnsw: { space } } });
    const t = performance.now();
    for (let b = 0; b < o.n / BATCH; b++) await c.json("POST", c.collectionPath(coll.id, "add"), addBody(records.batch(b), b * BATCH, metadataFor));
    const status = await c.request("GET", c.collectionPath(coll.id, "indexing_status"));
    if (status.status === 200) await c.untilIndexed(coll.id, 50);
    log(`data seed ${dataSeed} build ${build}: ${o.n} records added and indexed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const hits: number[] = [];
    for (let q = 0; q < bodies.length; q++) {
      const a = await c.json<{ ids: string[][] }>("POST", c.collectionPath(coll.id, "query"), bodies[q]);
      hits.push((a.ids[0] ?? []).filter((id) => truth[q].has(id)).length);
    }
    const all = meanSe(hits);
    const first = meanSe(hits.slice(0, 50));
    log(`data seed ${dataSeed} build ${build}: recall@10 ${all.mean.toFixed(4)} ± ${all.se.toFixed(4)} (${hits.length} queries); first 50: ${first.mean.toFixed(3)} ± ${first.se.toFixed(3)}`);
    runs.push({ dataSeed, build, hits });
    await c.request("DELETE", `${c.db}/collections/${encodeURIComponent(name)}`);
    if (o.out) await writeFile(o.out, JSON.stringify({ url: o.url, shape: o.shape, space, n: o.n, queries: o.queries, runs }) + "\n");
  }
}
c.close();
