/**
 * The server's main-thread CPU per query, by query kind, across fresh server processes (issue 18:
 * in the quiet matrix the main thread's CPU per query ranged 1.28-2.82 ms across processes of the
 * same query mix, and a process tended to be slow or fast in both of its phases).
 *
 * For each of --processes fresh chromaspec processes (the build in ../dist, or --cli): load --n
 * records of one shape (the matrix's batches of 1000), wait until indexed, then run the matrix's
 * phases (indexed, then paused after --pause s): --warmup distances-only queries, then per kind
 * --queries sequential queries (distances, default include), --queries over --clients concurrent
 * clients, and --filtered queries per selectivity, then the distances-only queries again
 * ("distances2": the same queries once the route is warm). Per kind: the main thread's CPU ms per
 * query (/proc/PID/task/PID/schedstat, ns), its user / system ms and minor faults per query, the
 * other server threads' CPU per query (by thread), AnonHugePages, and the client's p50 ms.
 *
 *   npx tsx bench/main-thread.ts [--processes 4] [--n 100000] [--data subspace] [--space l2]
 *        [--pause 15] [--pause-mode idle] [--evict-mb 512] [--phases indexed,paused]
 *        [--node-args=--cpu-prof] [--cli PATH]
 *        [--port-base 8300] [--log-level warn] [--out FILE.json] [--keep-logs DIR] [--smaps]
 *        [--thp] [--probe] [--perf DIR] [--cli PATH[|NODE-ARGS][,PATH...]]
 *
 * Per kind also a "window" line: its wall-clock edges (to line up with the server's log), the
 * main thread's run-queue wait per query, the bench's own CPU per query and the machine's busy and
 * steal shares (/proc/stat). --thp: at the start of each phase, every mapping of >= 4 MiB (size,
 * resident, on 2 MiB pages). --probe: after each phase, a fixed piece of work in a fresh process
 * (memory, compute ms): whether the machine itself was slow then. --perf DIR: perf record
 * (cpu-clock, 4 kHz, CLOCK_REALTIME) of the main thread from the wait for indexed (and from each
 * pause) through that phase's distances kind, one file per process and phase (issue 18: where a
 * slow process's extra CPU goes; cut to the windows by time). --cli A,B: interleaved builds
 * (process p runs build p mod n; "PATH|ARGS" gives a build its own node arguments).
 *
 * --smaps: per kind, which mappings of the server grew (resident KiB, /proc/PID/smaps before and
 * after; read outside the timed part but inside the CPU counts, so not for timings): where the
 * first queries' page faults land (issue 18).
 *
 * What comes before a "paused" phase (--pause-mode, a comma list used in turn by the successive
 * "paused" phases, so `--phases indexed,paused,paused,paused --pause-mode idle,busy,evict` compares
 * the three in one process, interleaved):
 *   idle   sleep --pause s (the matrix's quiet period: caches and page-table lines go cold);
 *   busy   --pause s of GET heartbeat and `get` of one id in a loop: the server's request path
 *          (JS, HTTP, the kernel's socket path) stays warm while the index's memory is not read;
 *   spin   --pause s of one child process per CPU spinning on the CPU (touching ~nothing) and no
 *          requests: the machine stays busy (no idle vCPU) while the server sees a quiet period;
 *   evict  no pause: one child process per CPU streams --evict-mb MB in all (write, then read)
 *          through the caches, and the phase starts as soon as they exit.
 *
 * --node-args="A B" go to node before the script (a value starting with a dash needs the =): a
 * profiler (--cpu-prof writes into the server's temp dir, copied to --keep-logs DIR as
 * p<i>-CPU...cpuprofile; main-thread-diff.ts reads them), --trace-gc / --trace-opt (the server's
 * output is its log file, kept in --keep-logs DIR as p<i>.log).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptArgs } from "./args.js";
import { Client, waitUntilUp } from "./client.js";
import { addBody, idOf, inMemory, row } from "./data.js";
import { filterFor, generateShape, includeOf, metadataFor, SELECTIVITIES, type DataShape } from "./shapes.js";
import { concurrently, log, sleep, stats } from "./timing.js";
import { profileClock } from "./cpu-profile.js";
import { cpuMsOf, processStat, threadStats } from "./proc-stat.js";
import { probeMachine } from "./machine-speed.js";
import type { Space } from "./truth.js";

const o = scriptArgs({
  processes: 4,
  n: 100_000,
  data: "subspace",
  space: "l2",
  pause: 15,
  "pause-mode": "idle",
  "evict-mb": 512,
  queries: 200,
  filtered: 100,
  clients: 8,
  warmup: 100,
  "node-args": "",
  cli: "",
  "port-base": 8300,
  out: "",
  "keep-logs": "",
  phases: "indexed,paused",
  "log-level": "warn",
  smaps: false,
  thp: false,
  perf: "",
  probe: false,
});
const here = dirname(fileURLToPath(import.meta.url));
/**
 * --cli A or --cli A,B[,...]: the build(s) to run; with several, process p runs build p mod n
 * (an interleaved A/B in one invocation: A, B, A, B, ...), and its log lines name the build.
 * "PATH|ARGS" gives that build its own node arguments (after --node-args).
 */
const builds = (o.cli ? o.cli.split(",") : [join(here, "..", "dist", "cli.js")]).map((c) => {
  const [path, args = ""] = c.split("|");
  return { cli: resolve(path), nodeArgs: args.split(" ").filter(Boolean) };
});
const clis = builds.map((b) => b.cli);
const space = o.space as Space;
const BATCH = 1000;

/** The main thread's CPU ns so far (schedstat's first field: time on a CPU). */
function mainNs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ")[0]);
}
/** One mapping of /proc/PID/smaps: its address range, name ("" when none), resident and 2 MiB-page KiB. */
interface Mapping {
  start: string;
  end: string;
  name: string;
  rssKb: number;
  hugeKb: number;
}
/** Every mapping of the server (/proc/PID/smaps), the one parser behind --smaps and --thp. */
function mappings(pid: number): Mapping[] {
  const out: Mapping[] = [];
  let m: Mapping | null = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) out.push((m = { start: head[1], end: head[2], name: head[3], rssKb: 0, hugeKb: 0 }));
    else if (m && line.startsWith("Rss:")) m.rssKb = Number(line.split(/\s+/)[1]);
    else if (m && line.startsWith("AnonHugePages:")) m.hugeKb = Number(line.split(/\s+/)[1]);
  }
  return out;
}
/** Resident KiB per mapping ("start-end name", name "anon" when none). */
function smapsRss(pid: number): Map<string, number> {
  return new Map(mappings(pid).map((m) => [`${m.start}-${m.end} ${m.name || "anon"}`, m.rssKb]));
}
/**
 * Which mappings grew between two smapsRss snapshots (KiB), largest first, with the size of each
 * mapping (MiB): [heap] is glibc's main arena (the main thread's malloc), 64 MiB-aligned anonymous
 * mappings other arenas, the rest of the anonymous ones mostly V8's heap pages.
 */
function smapsGrowth(a: Map<string, number>, b: Map<string, number>): string {
  const grown: [string, number][] = [];
  for (const [k, kb] of b) {
    const d = kb - (a.get(k) ?? 0);
    if (d > 0) grown.push([k, d]);
  }
  grown.sort((x, y) => y[1] - x[1]);
  const total = grown.reduce((s, [, d]) => s + d, 0);
  const label = (k: string) => {
    const [range, name] = k.split(" ");
    const [lo, hi] = range.split("-").map((h) => parseInt(h, 16));
    return `${name === "anon" ? `anon@${range.split("-")[0].slice(-8)}` : name.split("/").pop()} (${((hi - lo) / 1048576).toFixed(1)} MiB)`;
  };
  return `+${total} KiB: ${grown.slice(0, 6).map(([k, d]) => `${label(k)} +${d}`).join(", ")}`;
}
/** The main thread's user ms, system ms and minor faults so far (/proc/PID/task/PID/stat). */
function mainStat(pid: number): { user: number; sys: number; minflt: number } {
  const s = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8");
  const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
  return { user: Number(f[11]) * 10, sys: Number(f[12]) * 10, minflt: Number(f[7]) };
}
/** AnonHugePages of the process (KiB). */
function hugeKb(pid: number): number {
  return Number(/AnonHugePages:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? -1);
}
/** user + system ms of a process.cpuUsage() difference. */
function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}
/** The main thread's run-queue wait so far (ns; schedstat's second field): time runnable but not on a CPU. */
function mainWaitNs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ")[1]);
}
/** The machine's steal and busy (everything but idle and iowait) ticks so far (/proc/stat's cpu line). */
function machineTicks(): { steal: number; busy: number; all: number } {
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const all = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { steal: f[7] ?? 0, busy: all - f[3] - f[4], all };
}
/**
 * The server's mappings of at least 4 MiB: "start size MiB, resident MiB, on 2 MiB pages MiB"
 * (/proc/PID/smaps): whether the graph's arrays (2 MiB-aligned, advised MADV_HUGEPAGE) and the
 * vectors landed on huge pages in this process (--thp).
 */
function largeMappings(pid: number): string {
  const MiB = 1024;
  return mappings(pid)
    .map((m) => ({ m, size: (parseInt(m.end, 16) - parseInt(m.start, 16)) / 1048576 }))
    .filter(({ size }) => size >= 4)
    .map(({ m, size }) => `${m.start.slice(-9)}${m.name ? ` ${m.name.split("/").pop()}` : ""} ${size.toFixed(0)}/${(m.rssKb / MiB).toFixed(0)}/${(m.hugeKb / MiB).toFixed(0)}`)
    .join(", ");
}
/** The whole process's CPU ms (utime + stime ticks). Throws once the process is gone. */
const processMs = (pid: number): number => {
  const st = processStat(pid);
  if (st === null) throw new Error(`process ${pid}: /proc/${pid}/stat unreadable`);
  return cpuMsOf(st);
};

log(`generating ${o.n} ${o.data} vectors`);
const data = generateShape(o.data as DataShape, 384, o.n, 1);
const qdata = generateShape(o.data as DataShape, 384, o.queries, 1_000_003);
const records = inMemory(data, BATCH);
const addBodies = Array.from({ length: o.n / BATCH }, (_, b) => addBody(records.batch(b), b * BATCH, metadataFor));
const vectors = Array.from({ length: o.queries }, (_, i) => Array.from(row(qdata, i)));
const bodies = {
  distances: vectors.map((v) => JSON.stringify({ query_embeddings: [v], n_results: 10, include: includeOf("distances") })),
  default: vectors.map((v) => JSON.stringify({ query_embeddings: [v], n_results: 10, include: includeOf("default") })),
};
const filteredBodies = new Map(SELECTIVITIES.map((s) => [s, vectors.map((v) => JSON.stringify({ query_embeddings: [v], n_results: 10, include: includeOf("default"), where: filterFor(s) }))]));

interface Kind {
  kind: string;
  queries: number;
  mainMsPerQuery: number;
  processMsPerQuery: number;
  p50: number | null;
  /** The window on the CPU profile's clock (us, cpu-profile.ts profileClock). */
  fromUs: number;
  toUs: number;
  /** The main thread's user / system ms and minor faults per query; the process's AnonHugePages (MiB) at the window's start. */
  userMsPerQuery: number;
  sysMsPerQuery: number;
  minfltPerQuery: number;
  hugeMiB: number;
  /** The other threads with the most CPU in the window: "comm#tid ms per query". */
  others: string[];
}
const results: { process: number; pid: number; build?: string; phase: string; mode?: string; kinds: Kind[] }[] = [];
const pauseModes = o["pause-mode"].split(",");
for (const m of pauseModes) if (!["idle", "busy", "spin", "evict"].includes(m)) throw new Error(`--pause-mode: idle, busy, spin or evict, not ${m}`);

/** Keeps every CPU busy for `ms` from one child process per CPU, each spinning on a few variables. */
async function spinFor(ms: number): Promise<void> {
  const cpus = (await import("node:os")).availableParallelism();
  const code = `const end=Date.now()+${ms};let x=0;while(Date.now()<end)for(let i=0;i<1e5;i++)x=(x*31+i)|0;if(x===0.5)console.log(x)`;
  await Promise.all(
    Array.from({ length: cpus }, () => new Promise<void>((res, rej) => {
      const c = spawn(process.execPath, ["-e", code], { stdio: "ignore" });
      c.once("exit", (status) => (status === 0 ? res() : rej(new Error(`spin child exited ${status}`))));
    })),
  );
}

/**
 * Streams `mb` MB through the caches from one child process per CPU (each writes then reads its
 * share), so every core's caches and TLBs hold someone else's lines; resolves when all exited.
 */
async function evictCaches(mb: number): Promise<void> {
  const cpus = (await import("node:os")).availableParallelism();
  const bytes = Math.ceil((mb * 1024 * 1024) / cpus);
  const code = `const b=Buffer.allocUnsafe(${bytes});b.fill(1);let s=0;for(let r=0;r<2;r++)for(let i=0;i<b.length;i+=64)s+=b[i];if(s<0)console.log(s)`;
  await Promise.all(
    Array.from({ length: cpus }, () => new Promise<void>((res, rej) => {
      const c = spawn(process.execPath, ["-e", code], { stdio: "ignore" });
      c.once("exit", (status) => (status === 0 ? res() : rej(new Error(`evict child exited ${status}`))));
    })),
  );
}

for (let p = 0; p < o.processes; p++) {
  const dir = await mkdtemp(join(tmpdir(), "prof-mt-"));
  const port = o["port-base"] + (p % 10);
  const logFile = join(dir, "server.log");
  const fd = openSync(logFile, "a");
  const nodeArgs = o["node-args"].split(" ").filter(Boolean);
  const { cli, nodeArgs: buildArgs } = builds[p % builds.length];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...buildArgs, cli, "run", "--path", join(dir, "data"), "--host", "127.0.0.1", "--port", String(port), "--log-level", o["log-level"]], { stdio: ["ignore", fd, fd], cwd: dir });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const pid = child.pid!;
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, 30_000);
  const c = new Client(url);
  const coll = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name: `mt-${p}`, configuration: { hnsw: { space } } });
  const path = (op: string) => c.collectionPath(coll.id, op);
  const t0 = performance.now();
  for (const body of addBodies) await c.json("POST", path("add"), body);
  const addS = (performance.now() - t0) / 1000;
  // --perf DIR: the main thread's CPU samples (perf record -e cpu-clock, 4 kHz) from here (the
  // wait for indexed: the main thread nearly idle) through the indexed phase's distances kind,
  // and from the start of each pause through that phase's distances kind; one file per process
  // and phase. Started before the quiet stretch so no gap is added after "indexed" (a gap of
  // >= 250 ms lets the deferred graph save start). Diagnostic: where a slow process's extra CPU
  // goes (kernel, the addon, JIT code, node/V8's runtime).
  let perfChild: ChildProcess | null = null;
  const perfStart = (phase: string) => {
    if (!o.perf) return;
    mkdirSync(o.perf, { recursive: true });
    perfChild = spawn("perf", ["record", "-q", "-k", "CLOCK_REALTIME", "-e", "cpu-clock", "-F", "4000", "-t", String(pid), "-o", join(o.perf, `p${p}-${phase}.data`)], { stdio: "ignore" });
  };
  const perfStop = async () => {
    const child = perfChild as ChildProcess | null;
    if (!child) return;
    perfChild = null;
    const done = new Promise<void>((r) => child.once("exit", () => r()));
    child.kill("SIGINT");
    await done;
  };
  perfStart("indexed");
  await c.untilIndexed(coll.id, 50);
  log(`process ${p} (pid ${pid}${clis.length > 1 ? `, build ${String.fromCharCode(65 + (p % clis.length))} ${cli}${buildArgs.length ? ` ${buildArgs.join(" ")}` : ""}` : ""}): added in ${addS.toFixed(1)} s, indexed after ${((performance.now() - t0) / 1000).toFixed(1)} s (at ${new Date().toISOString().slice(11, 23)})`);
  const query = (body: string) => c.json<{ ids: string[][] }>("POST", path("query"), body);
  const measure = async (kind: string, run: () => Promise<number[] | null>, count: number): Promise<Kind> => {
    const m0 = mainNs(pid);
    const p0 = processMs(pid);
    const t0 = threadStats(pid);
    const s0 = mainStat(pid);
    const m0Smaps = o.smaps ? smapsRss(pid) : null;
    const w0 = mainWaitNs(pid);
    const c0 = process.cpuUsage();
    const k0 = machineTicks();
    const at0 = Date.now();
    const hugeMiB = hugeKb(pid) / 1024;
    const fromUs = profileClock();
    const ms = await run();
    const toUs = profileClock();
    const k: Omit<Kind, "userMsPerQuery" | "sysMsPerQuery" | "minfltPerQuery" | "others"> = { kind, queries: count, mainMsPerQuery: (mainNs(pid) - m0) / 1e6 / count, processMsPerQuery: (processMs(pid) - p0) / count, p50: ms ? stats(ms).p50 : null, fromUs, toUs, hugeMiB };
    const s1 = mainStat(pid);
    const k1 = machineTicks();
    const all = Math.max(1, k1.all - k0.all);
    // Wall-clock edges (epoch ms, to line up with the server's log), the main thread's run-queue
    // wait per query, and the machine's busy and steal shares over the window.
    log(`p${p} ${kind} window ${new Date(at0).toISOString().slice(11, 23)}-${new Date().toISOString().slice(11, 23)} main waited ${((mainWaitNs(pid) - w0) / 1e6 / count).toFixed(2)} ms/q, client CPU ${(cpuMs(process.cpuUsage(c0)) / count).toFixed(3)} ms/q, machine busy ${(((k1.busy - k0.busy) / all) * 100).toFixed(0)} % steal ${(((k1.steal - k0.steal) / all) * 100).toFixed(1)} %`);
    if (m0Smaps) log(`p${p} ${kind} smaps growth ${smapsGrowth(m0Smaps, smapsRss(pid))}`);
    const t1 = threadStats(pid);
    const others = [...t1]
      .filter(([tid]) => tid !== pid)
      .map(([tid, t]) => [`${t.comm}#${tid - pid}`, (t.runNs - (t0.get(tid)?.runNs ?? 0)) / 1e6 / count] as const)
      .filter(([, ms]) => ms >= 0.02)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([n, ms]) => `${n} ${ms.toFixed(2)}`);
    Object.assign(k, { userMsPerQuery: (s1.user - s0.user) / count, sysMsPerQuery: (s1.sys - s0.sys) / count, minfltPerQuery: (s1.minflt - s0.minflt) / count, others });
    return k as Kind;
  };
  const sequential = (list: string[], count: number) => async () => {
    const ms: number[] = [];
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      await query(list[i % list.length]);
      ms.push(performance.now() - t);
    }
    return ms;
  };
  /** Keeps the request path busy for `ms` without searching: heartbeats and `get`s of one id. */
  const busyFor = async (ms: number) => {
    const end = performance.now() + ms;
    const getBody = JSON.stringify({ ids: [idOf(0)], include: [] });
    for (let i = 0; performance.now() < end; i++) {
      if (i % 2 === 0) await c.request("GET", "/api/v2/heartbeat");
      else await c.json("POST", path("get"), getBody);
    }
  };
  let pausedCount = 0;
  for (const phase of o.phases.split(",")) {
    let mode: string | undefined;
    if (phase === "paused") {
      perfStart(`paused${pausedCount}`);
      // Process p starts p places further in the list, so no mode always comes first (the first
      // paused phase also pays V8's late tier-up of the route: docs/performance.md, issue 18).
      mode = pauseModes[(pausedCount++ + p) % pauseModes.length];
      if (mode === "idle") await sleep(o.pause * 1000);
      else if (mode === "busy") await busyFor(o.pause * 1000);
      else if (mode === "spin") await spinFor(o.pause * 1000);
      else await evictCaches(o["evict-mb"]);
    }
    const kinds: Kind[] = [];
    if (o.thp) log(`p${p} ${phase} mappings >= 4 MiB (MiB size/rss/huge): ${largeMappings(pid)}`);
    kinds.push(await measure("warmup", sequential(bodies.distances, o.warmup), o.warmup));
    kinds.push(await measure("distances", sequential(bodies.distances, o.queries), o.queries));
    await perfStop();
    kinds.push(await measure("default", sequential(bodies.default, o.queries), o.queries));
    kinds.push(
      await measure(
        "concurrent",
        async () => {
          await concurrently(o.clients, o.queries, async (i) => {
            await query(bodies.distances[i % bodies.distances.length]);
          });
          return null;
        },
        o.queries,
      ),
    );
    for (const [s, list] of filteredBodies) {
      for (let i = 0; i < 10; i++) await query(list[i]);
      kinds.push(await measure(`f${s}`, sequential(list, o.filtered), o.filtered));
    }
    kinds.push(await measure("distances2", sequential(bodies.distances, o.queries), o.queries));
    // --probe: a fixed piece of work in a fresh process (machine-speed.ts): when a slow server
    // process's probes are slow too, the machine (host) was slow in that period.
    if (o.probe) {
      const pr = await probeMachine();
      log(`p${p} ${phase} probe memory ${pr.memoryMs.toFixed(1)} ms, compute ${pr.computeMs.toFixed(1)} ms`);
    }
    results.push({ process: p, pid, build: clis.length > 1 ? String.fromCharCode(65 + (p % clis.length)) : undefined, phase, mode, kinds });
    const rssMiB = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
    log(`p${p} ${phase.padEnd(7)} usr/sys ms/q, minflt/q: ${kinds.map((k) => `${k.kind} ${k.userMsPerQuery.toFixed(2)}/${k.sysMsPerQuery.toFixed(2)} ${k.minfltPerQuery.toFixed(1)}`).join(", ")} | huge MiB ${kinds[0].hugeMiB.toFixed(0)} | RSS after MiB ${rssMiB.toFixed(0)}`);
    for (const k of kinds) if (k.others.length) log(`p${p} ${phase.padEnd(7)} ${k.kind}: other threads ms/q ${k.others.join(", ")}`);
    log(
      `p${p} ${phase.padEnd(7)}${mode ? ` ${mode}` : ""} main ms/q: ${kinds.map((k) => `${k.kind} ${k.mainMsPerQuery.toFixed(2)}`).join(", ")} | p50: ${kinds
        .filter((k) => k.p50 !== null)
        .map((k) => `${k.kind} ${k.p50!.toFixed(2)}`)
        .join(", ")}`,
    );
  }
  c.close();
  child.kill("SIGTERM");
  await exited;
  closeSync(fd);
  if (o["keep-logs"]) {
    mkdirSync(o["keep-logs"], { recursive: true });
    copyFileSync(logFile, join(o["keep-logs"], `p${p}.log`));
    for (const f of (await import("node:fs")).readdirSync(dir)) if (f.endsWith(".cpuprofile") || (f.endsWith(".log") && f !== "server.log")) copyFileSync(join(dir, f), join(o["keep-logs"], `p${p}-${f}`));
  }
  await rm(dir, { recursive: true, force: true });
}
if (o.out) writeFileSync(o.out, JSON.stringify({ when: new Date().toISOString(), options: o, results }, null, 1));
