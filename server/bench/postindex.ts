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
 * --mix SEQ,CONC alternates, for the whole time, SEQ sequential queries with a burst of CONC
 * queries over --clients (8) loops, as the matrix's indexed phase does (its p50 from sequential
 * queries, its QPS from 200 over 8 clients): per bucket the sequential p50 and the bursts' QPS
 * (queries / wall time of the bursts that started in it).
 *
 * What else runs then, per bucket: --threads adds the server's CPU time per thread (main, the
 * ANN worker, libuv pool, LanceDB's lance-cpu/tokio threads; from /proc, read every --sample-ms
 * from the last add on, so the rows before "all indexed" show the indexing too), --gc its main
 * thread's garbage collections (bench/gc-events.cjs), --cpu-prof DIR a V8 CPU profile of the
 * main thread (busy/gc/search ms per bucket, and where the time goes in the first --head-ms
 * after indexed beside the last --tail-ms). --node-args passes more node flags to the server.
 *
 * --keep-log FILE copies the server's output (its log; V8's traces with --node-args=--trace-opt) to FILE.
 *
 * --prewarm Q first sends Q queries to a 5000-record collection of its own (JIT warm-up of the
 * client's and the server's query path), so the first seconds after indexed show what is not that.
 *
 * Take it under the timing lock (`flock /work/wt/bench.lock ...`): it is a timing run.
 */
import { copyFile, readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Client, warmClient } from "./client.js";
import { formatSummary, profileClock, readProfile, summarize } from "./cpu-profile.js";
import { addBody, inMemory, row } from "./data.js";
import { startChromaspec } from "./servers.js";
import { generateShape, includeOf, metadataFor, type DataShape } from "./shapes.js";
import { log, stats } from "./timing.js";
import { threadStat } from "./proc-stat.js";

const { values: v } = parseArgs({
  options: {
    data: { type: "string", default: "subspace" },
    space: { type: "string", default: "l2" },
    n: { type: "string", default: "100000" },
    seconds: { type: "string", default: "60" },
    clients: { type: "string", default: "1" },
    bucket: { type: "string", default: "1000" },
    args: { type: "string", default: "" },
    "node-args": { type: "string", default: "" },
    "cpu-prof": { type: "string", default: "" },
    "head-ms": { type: "string", default: "2000" },
    "tail-ms": { type: "string", default: "5000" },
    gc: { type: "boolean", default: false },
    prewarm: { type: "string", default: "0" },
    "by-thread": { type: "boolean", default: false },
    threads: { type: "boolean", default: false },
    "keep-log": { type: "string", default: "" },
    mix: { type: "string", default: "" },
    "sample-ms": { type: "string", default: "100" },
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

const nodeArgs = [
  ...(v["node-args"] ? v["node-args"].split(" ") : []),
  ...(v["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", v["cpu-prof"]] : []),
  ...(v.gc ? ["--require", join(dirname(fileURLToPath(import.meta.url)), "gc-events.cjs")] : []),
];
const server = await startChromaspec(["--log-level", "debug", ...(v.args ? v.args.split(" ") : [])], nodeArgs);
const buckets = (seconds * 1000) / bucket;
const [mixSeq, mixConc] = v.mix ? v.mix.split(",").map(Number) : [0, 0];
/** CPU ms per thread group per bucket (--threads), by bucket index (negative: before indexed). */
const threadCpu = new Map<number, Map<string, number>>();
/** The profile clock (us) at indexed (--cpu-prof). */
let profileT0 = 0;
const c = new Client(server.url);
try {
  if (Number(v.prewarm) > 0) {
    // JIT warm-up of the query path (this client's and the server's) on another collection with
    // a graph of its own, before the measured one is loaded: what is left of the first seconds'
    // slowness after "all indexed" is not the code being cold.
    const warm = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name: "prewarm", configuration: { hnsw: { space: v.space } } });
    for (let b = 0; b < 5; b++) await c.json("POST", c.collectionPath(warm.id, "add"), addBody(records.batch(b), b * 1000, metadataFor));
    await c.untilIndexed(warm.id, 50);
    const t = performance.now();
    for (let i = 0; i < Number(v.prewarm); i++) await c.json("POST", c.collectionPath(warm.id, "query"), queries[i % queries.length]);
    log(`prewarm: ${v.prewarm} queries on a 5000-record collection in ${Math.round(performance.now() - t)} ms`);
  }
  // The client's query path warmed as the matrix warms it (client.ts warmClient), before the adds.
  await warmClient(queries);
  const coll = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name: "postindex", configuration: { hnsw: { space: v.space } } });
  log(`adding ${n} records`);
  for (const body of bodies) await c.json("POST", c.collectionPath(coll.id, "add"), body);
  const lastAdd = Date.now();
  const sampler = v.threads ? sampleThreads(server.pid!, Number(v["sample-ms"])) : null;
  await c.untilIndexed(coll.id, 50);
  const t0 = Date.now();
  sampler?.setOrigin(t0);
  profileT0 = profileClock();
  log(`all indexed ${lastAdd - t0} ms after the last add; querying`);
  const samples: { at: number; ms: number }[] = [];
  /** --mix: the concurrent bursts (start, ms after indexed; wall ms; queries). */
  const bursts: { at: number; ms: number; n: number }[] = [];
  let next = 0;
  const one = async (into: { at: number; ms: number }[] | null) => {
    const t = performance.now();
    await c.json("POST", c.collectionPath(coll.id, "query"), queries[next++ % queries.length]);
    into?.push({ at: Date.now() - t0, ms: performance.now() - t });
  };
  if (mixSeq > 0 || mixConc > 0) {
    while (Date.now() - t0 < seconds * 1000) {
      for (let i = 0; i < mixSeq; i++) await one(samples);
      const at = Date.now() - t0;
      const t = performance.now();
      let left = mixConc;
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (left-- > 0) await one(null);
        }),
      );
      bursts.push({ at, ms: performance.now() - t, n: mixConc });
    }
  } else {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() - t0 < seconds * 1000) await one(samples);
      }),
    );
  }
  sampler?.stop();
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
    if (s >= buckets) continue;
    const extra = Object.entries(e).filter(([k]) => !["time", "msg", "level", "pid", "hostname", "component", "collection"].includes(k));
    const text = `${e.msg} ${extra.map(([k, x]) => `${k}=${typeof x === "object" ? JSON.stringify(x) : String(x)}`).join(" ")}`.slice(0, 160);
    // The load's collections are many and as expected: only those after indexed are listed.
    if (s < 0 && e.msg === "gc" && e.kind !== "major") continue;
    // Before indexed: listed first, except from the last add on (--threads samples from there: the rows show both).
    if (s < 0 && !(sampler && e.time >= lastAdd)) process.stdout.write(`  ${((e.time - t0) / 1000).toFixed(1).padStart(7)} s (before indexed) ${text}\n`);
    else events.set(s, [...(events.get(s) ?? []), text]);
  }
  const firstBucket = sampler ? Math.floor((lastAdd - t0) / bucket) : 0;
  for (let s = firstBucket; s < buckets; s++) {
    const inBucket = samples.filter((x) => Math.floor(x.at / bucket) === s).map((x) => x.ms);
    const st = inBucket.length ? stats(inBucket) : null;
    const q = st ? `${String(inBucket.length).padStart(5)} q  p50 ${st.p50.toFixed(2).padStart(6)}  max ${Math.max(...inBucket).toFixed(1).padStart(7)}` : "".padEnd(35);
    const inBursts = bursts.filter((b) => Math.floor(b.at / bucket) === s);
    const burstMs = inBursts.reduce((a, b) => a + b.ms, 0);
    const qps = inBursts.length ? `  ${String(Math.round(inBursts.reduce((a, b) => a + b.n, 0) / (burstMs / 1000))).padStart(5)} QPS` : bursts.length ? "".padEnd(11) : "";
    const ev = events.get(s) ?? [];
    const cpu = threadCpu.get(s);
    if (cpu) ev.unshift(`cpu ${[...cpu].filter(([, ms]) => ms >= 5).sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(", ")}`);
    if (!st && !inBursts.length && ev.length === 0) continue;
    process.stdout.write(`${((s * bucket) / 1000).toFixed(1).padStart(6)} s ${q}${qps}  ${ev.join(" | ")}\n`);
  }
  // The same samples over wider windows: how long the first queries stay slower than later ones.
  const windows = [0, 0.5, 1, 2, 5, 10, seconds].filter((w, i, all) => w <= seconds && all.indexOf(w) === i);
  const spans = windows.slice(1).map((to, i) => {
    const inSpan = samples.filter((x) => x.at >= windows[i] * 1000 && x.at < to * 1000).map((x) => x.ms);
    const inBursts = bursts.filter((b) => b.at >= windows[i] * 1000 && b.at < to * 1000);
    const qps = inBursts.length ? `, ${Math.round(inBursts.reduce((a, b) => a + b.n, 0) / (inBursts.reduce((a, b) => a + b.ms, 0) / 1000))} QPS (${inBursts.length} bursts)` : "";
    // --threads: the server's CPU per query answered in the window (sequential and burst queries), by
    // thread group. CPU is sampled per --bucket, so only buckets wholly inside the window count, and
    // only the queries of those buckets: a window shorter than a bucket (0-0.5 s) shows none, not
    // its bucket's whole CPU over half its queries (which read 2x, and 0 for the next half).
    let cpu = "";
    const from = Math.ceil((windows[i] * 1000) / bucket);
    const until = Math.floor((to * 1000) / bucket);
    if (threadCpu.size && until > from) {
      const inBuckets = (at: number) => at >= from * bucket && at < until * bucket;
      const answered = samples.filter((x) => inBuckets(x.at)).length + bursts.filter((b) => inBuckets(b.at)).reduce((a, b) => a + b.n, 0);
      const groups = new Map<string, number>();
      for (const [s, g] of threadCpu) {
        if (s < from || s >= until) continue;
        for (const [name, ms] of g) {
          const group = name === "main" ? "main" : name.replace(/\+\d+$/, "");
          groups.set(group, (groups.get(group) ?? 0) + ms);
        }
      }
      const total = [...groups.values()].reduce((a, b) => a + b, 0);
      const parts = [...groups].filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${(ms / Math.max(1, answered)).toFixed(2)}`);
      cpu = `, server CPU ${(total / Math.max(1, answered)).toFixed(2)} ms/q (${parts.join(", ")})`;
    }
    return `${windows[i]}-${to} s: ${inSpan.length ? `p50 ${stats(inSpan).p50.toFixed(2)} ms (${inSpan.length} q)` : "-"}${qps}${cpu}`;
  });
  process.stdout.write(`\nafter indexed:\n${spans.map((x) => `  ${x}`).join("\n")}\n`);
} finally {
  c.close();
  // --keep-log FILE: the server's output (with --node-args=--trace-opt etc.: V8's traces) outlives its temp dir.
  if (v["keep-log"]) await copyFile(join(server.dir, "server.log"), v["keep-log"]).catch(() => undefined);
  await server.stop();
}
if (v["cpu-prof"]) {
  const { file, profile } = await readProfile(v["cpu-prof"]);
  process.stdout.write(`\nmain thread per bucket (profile ${file}, indexed at ${profileT0} us on its clock):\n`);
  for (let s = 0; s < buckets; s++) {
    const w = summarize(profile, profileT0 + s * bucket * 1000, profileT0 + (s + 1) * bucket * 1000);
    const ms = (a: string) => ((w.areas.get(a) ?? 0) / 1000).toFixed(0).padStart(4);
    const top = [...w.self].filter(([k]) => !k.startsWith("(")).sort((a, b) => b[1] - a[1])[0];
    process.stdout.write(`${((s * bucket) / 1000).toFixed(1).padStart(6)} s busy ${(w.busy / 1000).toFixed(0).padStart(4)}  gc ${ms("gc")}  program ${ms("(program)")}  search ${ms("storage/memory (search)")}  top ${top ? `${top[0]} ${(top[1] / 1000).toFixed(0)}` : "-"}\n`);
  }
  const head = Number(v["head-ms"]) * 1000;
  const tail = Number(v["tail-ms"]) * 1000;
  process.stdout.write(`\nfirst ${head / 1e6} s after indexed: ${formatSummary(summarize(profile, profileT0, profileT0 + head), 25)}`);
  process.stdout.write(`\nlast ${tail / 1e6} s: ${formatSummary(summarize(profile, profileT0 + seconds * 1e6 - tail, profileT0 + seconds * 1e6), 25)}`);
}

/**
 * Samples the server's CPU time per thread every `everyMs` into threadCpu, by --bucket after the
 * origin (setOrigin: the moment of "all indexed", known only later; samples taken before it are
 * placed once it is set): the main thread as "main", the others by their name
 * (/proc/PID/task/TID/comm), threads of one name summed.
 */
function sampleThreads(pid: number, everyMs: number): { setOrigin(t0: number): void; stop(): void } {
  const tick = 1000 / 100; // ms per clock tick (USER_HZ)
  let last = new Map<number, number>();
  let origin: number | null = null;
  const early: { at: number; groups: Map<string, number> }[] = [];
  const place = (at: number, groups: Map<string, number>) => {
    const s = Math.floor((at - origin!) / bucket);
    if (s >= buckets) return;
    const into = threadCpu.get(s) ?? new Map<string, number>();
    for (const [name, ms] of groups) into.set(name, (into.get(name) ?? 0) + ms);
    threadCpu.set(s, into);
  };
  const read = async (): Promise<Map<number, { name: string; ticks: number }>> => {
    const out = new Map<number, { name: string; ticks: number }>();
    for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
      const stat = threadStat(pid, Number(tid));
      if (stat === null) continue; // the thread ended meanwhile
      const { comm } = stat;
      // --by-thread: one entry per thread (its name and id's offset from the process's; threads
      // that share a name, like node's, then show apart).
      const name = Number(tid) === pid ? "main" : v["by-thread"] ? `${comm}+${Number(tid) - pid}` : comm;
      out.set(Number(tid), { name, ticks: stat.utime + stat.stime });
    }
    return out;
  };
  let running = true;
  void (async () => {
    last = new Map([...(await read())].map(([tid, t]) => [tid, t.ticks]));
    while (running) {
      await new Promise((r) => setTimeout(r, everyMs));
      const at = Date.now();
      const now = await read();
      const groups = new Map<string, number>();
      // A thread first seen now (created since the last read) counts from zero: its whole CPU time is this interval's.
      for (const [tid, t] of now) groups.set(t.name, (groups.get(t.name) ?? 0) + (t.ticks - (last.get(tid) ?? 0)) * tick);
      last = new Map([...now].map(([tid, t]) => [tid, t.ticks]));
      if (origin === null) early.push({ at, groups });
      else place(at - 1, groups);
    }
  })();
  return {
    setOrigin(t0: number) {
      origin = t0;
      for (const e of early) place(e.at - 1, e.groups);
      early.length = 0;
    },
    stop() {
      running = false;
    },
  };
}
