/**
 * Several of `make bench`'s cases (shape:space) side by side in ONE server, compared in
 * interleaved rounds: each gets the same N records in its own collection (loaded one after the
 * other, each waited until indexed), then every round sends each collection its 200 distances-only
 * queries (the matrix's p50 queries), in alternating order. Per case: p50 of each round, the
 * server's CPU per query (from /proc) and each case's p50 over the first one's, paired by round.
 * One process and one machine state for all cases: whether a case costs more than another on
 * the same server, which the matrix (a fresh server per case, minutes apart) cannot tell.
 *
 *   npx tsx bench/cases-ab.ts [--cases full:cosine,full:l2] [--n 100000] [--rounds 6] [--warmup 200]
 *   npx tsx bench/cases-ab.ts --ref [--port 8195] ...   (a fresh reference, chroma-ref, instead)
 *
 * Take it under the timing lock. Issue 18 (notes fcos--18): 100k full cosine and full l2 cost the
 * same per query in the steady state, ours (p50 0.78 / 0.80 ms) and the reference's (2.12 / 2.25).
 */
import { scriptArgs } from "./args.js";
import { Client } from "./client.js";
import { addBody, inMemory, row } from "./data.js";
import { generateShape, metadataFor, type DataShape } from "./shapes.js";
import { log, median, processCpuNs, stats } from "./timing.js";
import { startChromaspec, startFreshReference } from "./servers.js";

const o = scriptArgs({ cases: "full:cosine,full:l2", n: 100_000, queries: 200, rounds: 6, warmup: 200, ref: false, port: 8195 });
const server = o.ref ? await startFreshReference(o.port) : await startChromaspec();
const url = server.url;
const pid = server.pid!;
const c = new Client(url);
const cases = o.cases.split(",").map((cs) => {
  const [shape, space] = cs.split(":");
  return { name: cs, shape, space, path: "", bodies: [] as string[], ms: [] as number[][], cpu: [] as number[] };
});
try {
  for (const cs of cases) {
    const data = generateShape(cs.shape as DataShape, 384, o.n, 1);
    const queries = generateShape(cs.shape as DataShape, 384, o.queries, 1_000_003);
    cs.bodies = Array.from({ length: o.queries }, (_, i) => JSON.stringify({ query_embeddings: [Array.from(row(queries, i))], n_results: 10, include: ["distances"] }));
    const coll = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name: `ab-${cs.shape}-${cs.space}`, configuration: { hnsw: { space: cs.space } } });
    const records = inMemory(data, 1000);
    for (let b = 0; b < o.n / 1000; b++) await c.json("POST", c.collectionPath(coll.id, "add"), addBody(records.batch(b), b * 1000, metadataFor));
    // The reference indexes as it adds (its indexing_status answers 500); chromaspec says when.
    const st = await c.request("GET", c.collectionPath(coll.id, "indexing_status"));
    if (st.status === 200) await c.untilIndexed(coll.id, 50);
    cs.path = c.collectionPath(coll.id, "query");
    log(`${cs.name} loaded`);
  }
  // Past the graph's move to the main thread and the deferred save: the steady state is compared.
  await new Promise((r) => setTimeout(r, 5000));
  for (const cs of cases) for (let i = 0; i < o.warmup; i++) await c.json("POST", cs.path, cs.bodies[i % cs.bodies.length]);
  for (let r = 0; r < o.rounds; r++) {
    const order = r % 2 === 0 ? cases : [...cases].reverse();
    for (const cs of order) {
      const cpu0 = await processCpuNs(pid);
      const ms: number[] = [];
      for (const b of cs.bodies) {
        const t = performance.now();
        await c.json("POST", cs.path, b);
        ms.push(performance.now() - t);
      }
      cs.cpu.push(((await processCpuNs(pid)) - cpu0) / 1e3 / cs.bodies.length);
      cs.ms.push(ms);
    }
  }
  for (const cs of cases) {
    const p50s = cs.ms.map((m) => stats(m).p50);
    log(`${o.ref ? "reference" : "chromaspec"} ${cs.name}: p50 per round ${p50s.map((x) => x.toFixed(3)).join(" ")} (median ${median(p50s).toFixed(3)} ms); server CPU/query ${cs.cpu.map((x) => x.toFixed(0)).join(" ")} us (median ${median(cs.cpu).toFixed(0)})`);
  }
  for (let i = 1; i < cases.length; i++) {
    const ratios = cases[i].ms.map((m, r) => stats(m).p50 / stats(cases[0].ms[r]).p50);
    log(`${cases[i].name} / ${cases[0].name} p50 per round: ${ratios.map((x) => x.toFixed(3)).join(" ")} (median ${median(ratios).toFixed(3)})`);
  }
} finally {
  c.close();
  await server.stop();
}
