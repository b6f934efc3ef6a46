/**
 * What a server does right after a bulk load (issue 18: the matrix's "indexed" phase is slower
 * than its "paused" one). Starts chromaspec at debug log level, adds --n records of --data in
 * batches of 1000, waits until indexing_status says all indexed, then sends one query at a time
 * (or over --clients loops) for --seconds and prints, per --bucket ms (1000) after indexed, the
 * query count and p50/max latency beside the server's log lines (maintenance runs, graph saves)
 * of that time; log lines from before (the load) are listed first.
 *
 *   node --import tsx bench/postindex.ts --data subspace --space l2 --n 100000 --seconds 60
 *
 * Take it under the timing lock (`flock /work/wt/bench.lock ...`): it is a timing run.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Client } from "./client.js";
import { addBody, inMemory, row } from "./data.js";
import { startChromaspec } from "./servers.js";
import { generateShape, includeOf, metadataFor, type DataShape } from "./shapes.js";
import { log, stats } from "./timing.js";

const { values: v } = parseArgs({
  options: {
    data: { type: "string", default: "subspace" },
    space: { type: "string", default: "l2" },
    n: { type: "string", default: "100000" },
    seconds: { type: "string", default: "60" },
    clients: { type: "string", default: "1" },
    bucket: { type: "string", default: "1000" },
    args: { type: "string", default: "" },
  },
});
const n = Number(v.n);
const seconds = Number(v.seconds);
const clients = Number(v.clients);
const bucket = Number(v.bucket);
const data = generateShape(v.data as DataShape, 384, n, 1);
const queryData = generateShape(v.data as DataShape, 384, 200, 2);
const records = inMemory(data, 1000);
const bodies = Array.from({ length: n / 1000 }, (_, b) => addBody(records.batch(b), b * 1000, metadataFor));
const queries = Array.from({ length: queryData.n }, (_, i) =>
  JSON.stringify({ query_embeddings: [Array.from(row(queryData, i))], n_results: 10, include: includeOf("distances") }),
);

const server = await startChromaspec(["--log-level", "debug", ...(v.args ? v.args.split(" ") : [])]);
const c = new Client(server.url);
try {
  const coll = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name: "postindex", configuration: { hnsw: { space: v.space } } });
  log(`adding ${n} records`);
  for (const body of bodies) await c.json("POST", c.collectionPath(coll.id, "add"), body);
  await c.untilIndexed(coll.id, 50);
  const t0 = Date.now();
  log("all indexed; querying");
  const samples: { at: number; ms: number }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() - t0 < seconds * 1000) {
        const t = performance.now();
        await c.json("POST", c.collectionPath(coll.id, "query"), queries[next++ % queries.length]);
        samples.push({ at: Date.now() - t0, ms: performance.now() - t });
      }
    }),
  );
  const lines = (await readFile(join(server.dir, "server.log"), "utf8")).split("\n").filter(Boolean);
  const events = new Map<number, string[]>();
  for (const line of lines) {
    let e: { time?: number; msg?: string; table?: string; ms?: number; req?: unknown; res?: unknown; level?: number; [k: string]: unknown };
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    if (e.time === undefined || e.req || e.res || /request/.test(String(e.msg))) continue;
    const s = Math.floor((e.time - t0) / bucket);
    if (s >= (seconds * 1000) / bucket) continue;
    const extra = Object.entries(e).filter(([k]) => !["time", "msg", "level", "pid", "hostname", "component", "collection"].includes(k));
    const text = `${e.msg} ${extra.map(([k, x]) => `${k}=${typeof x === "object" ? JSON.stringify(x) : String(x)}`).join(" ")}`.slice(0, 160);
    if (s < 0) process.stdout.write(`  ${((e.time - t0) / 1000).toFixed(1).padStart(7)} s (before indexed) ${text}\n`);
    else events.set(s, [...(events.get(s) ?? []), text]);
  }
  for (let s = 0; s < (seconds * 1000) / bucket; s++) {
    const inBucket = samples.filter((x) => Math.floor(x.at / bucket) === s).map((x) => x.ms);
    const st = inBucket.length ? stats(inBucket) : null;
    const q = st ? `${String(inBucket.length).padStart(5)} q  p50 ${st.p50.toFixed(2).padStart(6)}  max ${Math.max(...inBucket).toFixed(1).padStart(7)}` : "".padEnd(35);
    const ev = events.get(s) ?? [];
    if (!st && ev.length === 0) continue;
    process.stdout.write(`${((s * bucket) / 1000).toFixed(1).padStart(6)} s ${q}  ${ev.join(" | ")}\n`);
  }
} finally {
  c.close();
  await server.stop();
}
