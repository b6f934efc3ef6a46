/**
 * Two running chromaspec builds (--a, --b: base URLs, with --pid-a / --pid-b for their CPU) on one
 * of `make bench`'s shapes: each gets the same N records (one after the other, then waits until
 * indexed), then the same --queries queries (include distances only, as the matrix's p50) in
 * --rounds rounds alternating A, B, A, B... Per build: p50 of every round's latencies, the
 * server's CPU per query (from /proc, median over rounds) and recall@10 against brute force, with
 * the paired difference B - A per query and its standard error.
 *
 *   npx tsx bench/server-ab.ts --a http://127.0.0.1:8311 --pid-a P --b http://127.0.0.1:8312 \
 *     --pid-b P [--shape uniform] [--space ip] [--n 100000] [--queries 200] [--rounds 6]
 */
import { scriptArgs } from "./args.js";
import { Client } from "./client.js";
import { addBody, inMemory, row } from "./data.js";
import { generateShape, metadataFor, type DataShape } from "./shapes.js";
import { exactTopKAll, type Space } from "./truth.js";
import { log, median, processCpuNs, stats } from "./timing.js";

const o = scriptArgs({ a: "", b: "", "pid-a": 0, "pid-b": 0, shape: "uniform", space: "ip", n: 100_000, dim: 384, queries: 200, rounds: 6, warmup: 100 });
const space = o.space as Space;
const K = 10;
const data = generateShape(o.shape as DataShape, o.dim, o.n, 1);
const queries = generateShape(o.shape as DataShape, o.dim, o.queries, 1_000_003);
const queryRows = Array.from({ length: o.queries }, (_, i) => row(queries, i));
const truth = exactTopKAll(space, inMemory(data, 10_000), queryRows, K).map((t) => new Set(t.map((i) => `rec-${i}`)));
const bodies = queryRows.map((q) => JSON.stringify({ query_embeddings: [Array.from(q)], n_results: K, include: ["distances"] }));
const records = inMemory(data, 1000);

const servers = [
  { name: "A", url: o.a, pid: o["pid-a"], path: "", ms: [] as number[], cpu: [] as number[], hits: [] as number[] },
  { name: "B", url: o.b, pid: o["pid-b"], path: "", ms: [] as number[], cpu: [] as number[], hits: [] as number[] },
];
for (const s of servers) {
  const c = new Client(s.url);
  const coll = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name: `server-ab-${Date.now().toString(36)}`, configuration: { hnsw: { space } } });
  const t = performance.now();
  for (let b = 0; b < o.n / 1000; b++) await c.json("POST", c.collectionPath(coll.id, "add"), addBody(records.batch(b), b * 1000, metadataFor));
  await c.untilIndexed(coll.id, 50);
  log(`${s.name}: ${o.n} ${o.shape} ${space} records indexed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  s.path = c.collectionPath(coll.id, "query");
  for (let i = 0; i < o.warmup; i++) await c.json("POST", s.path, bodies[i % bodies.length]);
  c.close();
}
const clients = servers.map((s) => new Client(s.url));
for (let r = 0; r < o.rounds; r++) {
  for (let j = 0; j < servers.length; j++) {
    const s = servers[r % 2 === 0 ? j : servers.length - 1 - j];
    const c = clients[servers.indexOf(s)];
    const cpu0 = await processCpuNs(s.pid);
    for (let q = 0; q < bodies.length; q++) {
      const t = performance.now();
      const a = await c.json<{ ids: string[][] }>("POST", s.path, bodies[q]);
      s.ms.push(performance.now() - t);
      if (r < 2) s.hits.push((a.ids[0] ?? []).filter((id) => truth[q].has(id)).length);
    }
    s.cpu.push((await processCpuNs(s.pid)) - cpu0);
  }
}
const hitsA = servers[0].hits.slice(0, o.queries);
for (const s of servers) {
  const h = s.hits.slice(0, o.queries);
  const rec = h.reduce((a, x) => a + x, 0) / (h.length * K);
  const perQ = s.cpu.map((ns) => ns / 1e3 / bodies.length);
  log(`${s.name} (${s.url}): p50 ${stats(s.ms).p50.toFixed(3)} ms over ${s.ms.length}, server CPU per query ${median(perQ).toFixed(0)} us (rounds ${perQ.map((x) => x.toFixed(0)).join(" ")}), recall@10 ${rec.toFixed(4)}`);
}
const diffs = servers[1].hits.slice(0, o.queries).map((h, i) => (h - hitsA[i]) / K);
const mean = diffs.reduce((a, b) => a + b, 0) / diffs.length;
const se = Math.sqrt(diffs.reduce((a, d) => a + (d - mean) ** 2, 0) / (diffs.length - 1) / diffs.length);
log(`recall@10 B - A, paired over ${diffs.length} queries: ${mean >= 0 ? "+" : ""}${mean.toFixed(4)} ± ${se.toFixed(4)}`);
for (const c of clients) c.close();
