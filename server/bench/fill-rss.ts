/**
 * The server's memory after the events of one `make bench-cases` case (issue 14 item 6: RSS at
 * 1M x 384 against the reference's), chromaspec only, on its own: a fresh server, N records added
 * over HTTP in the bench's batches (its data, documents and metadata), until indexed, the case's
 * queries (default include documents + metadatas + distances), filtered queries and gets, then
 * VmRSS, as measure.ts reads it. No ground truth (recall is not what this measures).
 *
 *   npx tsx bench/fill-rss.ts [--n 1000000] [--space l2] [--node-args="--import /x/probe.mjs"]
 *     [--args="--no-warm-up --log-level debug"] [--keep-log FILE]
 *
 * `--args` passes more options to the server's command; `--keep-log FILE` copies the server's
 * output (its log) to FILE before the server's temporary directory is removed.
 *
 * With `--probe` (a file prefix) the server is sent SIGUSR2 after the RSS read and the script
 * waits for PREFIX-0.json: pass a preload in --node-args that writes a breakdown there. `--hold S`
 * keeps the server S seconds more before stopping it.
 */
import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { scriptArgs } from "./args.js";
import { addBody, generate, DEFAULT_SPEC, idOf, inMemory, metadataOf, row, rng } from "./data.js";
import { runCase, type Workload } from "./measure.js";
import { rss, startChromaspec } from "./servers.js";
import { log, sleep } from "./timing.js";

const o = scriptArgs({ n: 1_000_000, space: "l2", "node-args": "", args: "", "keep-log": "", probe: "", hold: 0, queries: 500, gets: 300, clients: 8, "concurrent-queries": 2000, seed: 1 });
const BATCH = 1000;
const spec = { ...DEFAULT_SPEC, dim: 384 };
log(`generating ${o.n} records`);
const data = inMemory(generate(spec, o.n, o.seed), BATCH);
const queries = generate(spec, o.queries, o.seed + 1_000_003);
const include = ["documents", "metadatas", "distances"];
const qBodies: string[] = [];
const fBodies: string[] = [];
for (let i = 0; i < queries.n; i++) {
  const query_embeddings = [Array.from(row(queries, i))];
  qBodies.push(JSON.stringify({ query_embeddings, n_results: 10, include }));
  fBodies.push(JSON.stringify({ query_embeddings, n_results: 10, include, where: { bucket: { $eq: 3 } } }));
}
const pick = rng(o.seed + 7);
const lastBatch = data.batch(o.n / BATCH - 1);
const w: Workload = {
  n: o.n,
  dim: 384,
  space: o.space as Workload["space"],
  addBody: (b) => addBody(data.batch(b), b * BATCH, metadataOf),
  batches: o.n / BATCH,
  last: { id: idOf(o.n - 1), vector: Array.from(row(lastBatch, lastBatch.n - 1)) },
  queries: qBodies,
  filtered: fBodies,
  truth: [],
  truthFiltered: [],
  gets: Array.from({ length: o.gets }, () => JSON.stringify({ ids: [idOf(Math.floor(pick() * o.n))], include: ["documents", "metadatas"] })),
  probes: [],
  clients: o.clients,
  concurrentQueries: o["concurrent-queries"],
};
if (o.probe) process.env.RSS_PROBE_OUT = o.probe;
const server = await startChromaspec(o.args ? o.args.split(" ") : [], o["node-args"] ? o["node-args"].split(" ") : []);
log(`chromaspec pid ${server.pid} at ${server.url} (${server.dir})`);
try {
  const r = await runCase(server, w, Date.now().toString(36), log, true);
  log(`add ${r.addPerSec.toFixed(0)}/s, indexed ${r.indexedSeconds.toFixed(1)} s, p50 ${r.query.p50.toFixed(2)} ms, filtered p50 ${r.filtered.p50.toFixed(2)} ms, QPS ${r.query.qps1.toFixed(0)} / ${r.query.qpsN.toFixed(0)}`);
  log(`RSS before ${((r.rssBefore ?? 0) / 2 ** 20).toFixed(0)} MiB, after ${((r.rssAfter ?? 0) / 2 ** 20).toFixed(0)} MiB`);
  if (o.probe) {
    process.kill(server.pid!, "SIGUSR2");
    while (!existsSync(`${o.probe}-0.json`)) await sleep(200);
    await sleep(500);
    log(`breakdown in ${o.probe}-0.json; RSS now ${(((await rss(server.pid)) ?? 0) / 2 ** 20).toFixed(0)} MiB`);
  }
  // Time to look at the process from outside (gdb, /proc) before it stops.
  if (o.hold > 0) {
    log(`holding the server ${o.hold} s`);
    await sleep(o.hold * 1000);
  }
} finally {
  // Before stop(), which removes the directory (the log then lacks the shutdown's lines).
  if (o["keep-log"]) copyFileSync(join(server.dir, "server.log"), o["keep-log"]);
  await server.stop();
}
