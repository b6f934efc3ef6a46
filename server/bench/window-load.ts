/**
 * What the machine did during a measured window besides the server under test and the bench
 * client (issue 18: one case of a "quiet" matrix ran ~1.4x slower in every query figure and met
 * every target when rerun alone; nothing in the log could say whether the server or something
 * else on the 2-core machine took the time). Linux only: /proc/stat for the whole machine (all
 * processes and kernel threads, e.g. writeback), /proc/<pid>/stat and /proc/<pid>/task/* for the
 * server (its CPU split into user and kernel time, page faults, each thread's CPU and run-queue
 * wait), /proc/* for naming the other processes that ran, process.cpuUsage() for this process.
 *
 * The server's total is its process's utime + stime, which counts threads that exited inside the
 * window; a sum over the threads listed in /proc/<pid>/task does not (a thread that ran 0.8 s and
 * exited before the end mark then showed up as "others").
 */
import { allProcesses, machineTimes, memoryStat, processStat, threadStats, TICK_MS, type MemoryStat, type ProcessTicks, type Stat, type ThreadStat } from "./proc-stat.js";

/** The server's process and threads at one moment. */
export interface ServerMark {
  stat: Stat;
  threads: Map<number, ThreadStat>;
}

/** A reading at one moment (opaque: pass two of them to `windowLoad`). */
export interface LoadMark {
  at: number;
  /** Machine CPU busy time in ms (user + nice + system + irq + softirq + steal, all cores); null off Linux. */
  machineMs: number | null;
  /** The server's CPU ns (all its threads, exited ones included), null when its pid is unknown. */
  serverNs: number | null;
  /** This process's CPU µs (user + system). */
  clientUs: number;
  /** Steal time (ms, all cores) reported by a hypervisor; absent / null when not read. */
  stealMs?: number | null;
  /** The server's detail; absent / null when not read. */
  server?: ServerMark | null;
  /** Every process's CPU (to name the others); absent / null when not read. */
  processes?: Map<number, ProcessTicks> | null;
  serverPid?: number | null;
  /** The server's memory (read at an end mark only, after its clock). */
  serverMemory?: MemoryStat | null;
}

/** One server thread's share of a window (ms are totals over the window). */
export interface ThreadLoad {
  /** Thread id; null for the pseudo-entry "(exited)": threads that ended inside the window. */
  tid: number | null;
  /** The thread's name (comm): node names most of its threads "node". */
  name: string;
  /** Creation order among the server's threads seen (0 = the main thread); tells "node" threads apart. */
  rank: number | null;
  ms: number;
  userMs: number | null;
  systemMs: number | null;
  /** Time it was runnable but waited for a CPU (ms). */
  waitMs: number | null;
  minorFaults: number | null;
  /** Started inside the window. */
  born: boolean;
}

/** The server's CPU over the window, split. */
export interface ServerLoad {
  userMs: number;
  systemMs: number;
  minorFaults: number;
  majorFaults: number;
  /** Summed over its threads: time runnable but waiting for a CPU (ms). */
  waitMs: number;
  /** Every thread that ran in the window (and "(exited)" when some ended), most CPU first. */
  threads: ThreadLoad[];
}

/** A process other than the server and this client that took CPU in the window. */
export interface OtherLoad {
  pid: number;
  name: string;
  /** A kernel thread (kswapd0, kcompactd0, khugepaged, kworker/...). */
  kernel: boolean;
  cores: number;
}

/**
 * The window's load. `otherCores`: cores busy on average with anything but the server and the
 * client (other processes, kernel threads such as writeback): 0 on a quiet machine; the
 * window's latency figures are suspect when it is large. Null fields: not readable here.
 */
export interface WindowLoad {
  seconds: number;
  /** The server's CPU ms per query sent in the window (null without its pid or without queries). */
  serverMsPerQuery: number | null;
  serverCores: number | null;
  clientCores: number;
  otherCores: number | null;
  /** Queries sent in the window. */
  queries?: number;
  /** Cores the hypervisor took from this machine's virtual CPUs (0 where none is reported). */
  stealCores?: number | null;
  /** The server's CPU split (user/kernel, faults, threads); null without its pid. */
  server?: ServerLoad | null;
  /** The few other processes that took the most CPU (at most 6, those above 0.01 cores). */
  others?: OtherLoad[] | null;
  /** The server's RSS and its anonymous memory on transparent huge pages at the window's end (KiB). */
  serverMemory?: MemoryStat | null;
}

function serverMark(pid: number): ServerMark | null {
  const stat = processStat(pid);
  return stat === null ? null : { stat, threads: threadStats(pid) };
}

const ticksNs = (s: Stat) => (s.utime + s.stime) * TICK_MS * 1e6;

/**
 * A reading now. `edge`: "start" for a window's first mark, "end" for its last: the machine-wide
 * process list (a few ms of this process's CPU) is read before the start's clock and after the
 * end's, so its cost stays outside the window.
 */
export async function loadMark(serverPid: number | null, edge: "start" | "end" = "start"): Promise<LoadMark> {
  const processes = edge === "start" ? allProcesses() : null;
  const machine = machineTimes();
  const server = serverPid === null ? null : serverMark(serverPid);
  const u = process.cpuUsage();
  const mark: LoadMark = {
    at: performance.now(),
    machineMs: machine?.busyMs ?? null,
    serverNs: server === null ? null : ticksNs(server.stat),
    clientUs: u.user + u.system,
    stealMs: machine?.stealMs ?? null,
    server,
    processes,
    serverPid,
  };
  if (edge === "end") {
    mark.processes = allProcesses();
    mark.serverMemory = serverPid === null ? null : memoryStat(serverPid);
  }
  return mark;
}

function serverLoad(a: ServerMark, b: ServerMark, serverMs: number): ServerLoad {
  const tids = [...new Set([...a.threads.keys(), ...b.threads.keys()])].sort((x, y) => x - y);
  const rank = new Map(tids.map((t, i) => [t, i]));
  const threads: ThreadLoad[] = [];
  let liveMs = 0;
  for (const [tid, t1] of b.threads) {
    const t0 = a.threads.get(tid);
    const ms = (t1.runNs - (t0?.runNs ?? 0)) / 1e6;
    liveMs += ms;
    if (ms <= 0) continue;
    threads.push({
      tid,
      name: t1.comm,
      rank: rank.get(tid)!,
      ms,
      userMs: (t1.utime - (t0?.utime ?? 0)) * TICK_MS,
      systemMs: (t1.stime - (t0?.stime ?? 0)) * TICK_MS,
      waitMs: (t1.waitNs - (t0?.waitNs ?? 0)) / 1e6,
      minorFaults: t1.minflt - (t0?.minflt ?? 0),
      born: t0 === undefined,
    });
  }
  // The process total counts exited threads; the live ones' sum does not. Ticks are 10 ms, so
  // only a remainder above two ticks is a thread that ended, not rounding.
  const exitedMs = serverMs - liveMs;
  if (exitedMs > 2 * TICK_MS) {
    threads.push({ tid: null, name: "(exited)", rank: null, ms: exitedMs, userMs: null, systemMs: null, waitMs: null, minorFaults: null, born: false });
  }
  threads.sort((x, y) => y.ms - x.ms);
  return {
    userMs: (b.stat.utime - a.stat.utime) * TICK_MS,
    systemMs: (b.stat.stime - a.stat.stime) * TICK_MS,
    minorFaults: b.stat.minflt - a.stat.minflt,
    majorFaults: b.stat.majflt - a.stat.majflt,
    waitMs: threads.reduce((s, t) => s + (t.waitMs ?? 0), 0),
    threads,
  };
}

function othersLoad(a: Map<number, ProcessTicks>, b: Map<number, ProcessTicks>, skip: Set<number>, wallMs: number): OtherLoad[] {
  const out: OtherLoad[] = [];
  for (const [pid, p1] of b) {
    if (skip.has(pid)) continue;
    // A process born inside the window ran all its ticks there; one that ended is not listed.
    const cores = ((p1.ticks - (a.get(pid)?.ticks ?? 0)) * TICK_MS) / wallMs;
    if (cores >= 0.01) out.push({ pid, name: p1.comm, kernel: p1.kernel, cores });
  }
  return out.sort((x, y) => y.cores - x.cores).slice(0, 6);
}

/** The load between two marks, `queries` the requests sent to the server meanwhile. */
export function windowLoad(a: LoadMark, b: LoadMark, queries: number): WindowLoad {
  const wallMs = Math.max(1e-3, b.at - a.at);
  const serverMs = a.serverNs === null || b.serverNs === null ? null : (b.serverNs - a.serverNs) / 1e6;
  const clientMs = (b.clientUs - a.clientUs) / 1000;
  const machineMs = a.machineMs === null || b.machineMs === null ? null : b.machineMs - a.machineMs;
  const steal = a.stealMs == null || b.stealMs == null ? null : (b.stealMs - a.stealMs) / wallMs;
  const server = a.server && b.server && serverMs !== null ? serverLoad(a.server, b.server, serverMs) : null;
  const skip = new Set<number>([process.pid]);
  if (b.serverPid != null) skip.add(b.serverPid);
  return {
    seconds: wallMs / 1000,
    serverMsPerQuery: serverMs === null || queries === 0 ? null : serverMs / queries,
    serverCores: serverMs === null ? null : serverMs / wallMs,
    clientCores: clientMs / wallMs,
    // /proc/stat ticks are coarse (10 ms): clamp the rounding below zero away.
    otherCores: machineMs === null || serverMs === null ? null : Math.max(0, (machineMs - serverMs - clientMs) / wallMs),
    queries,
    stealCores: steal,
    server,
    others: a.processes && b.processes ? othersLoad(a.processes, b.processes, skip, wallMs) : null,
    serverMemory: b.serverMemory ?? null,
  };
}

/**
 * "server 0.61 ms CPU/q, client 0.31 + others 0.02 cores" for a log line, and when known the
 * server's split and the others' names: "; server user 0.50 sys 0.11 ms/q, 3.2 minflt/q, waited
 * 0.05 ms/q; threads node#0 0.45, node#14 0.10; others kswapd0 0.01".
 */
export function formatLoad(l: WindowLoad): string {
  const f = (v: number | null | undefined, d = 2) => (v == null ? "?" : v.toFixed(d));
  let s = `server ${f(l.serverMsPerQuery)} ms CPU/q, client ${f(l.clientCores)} + others ${f(l.otherCores)} cores`;
  const q = l.queries ?? 0;
  if (l.server && q > 0) {
    const perQ = (ms: number) => (ms / q).toFixed(2);
    const top = l.server.threads.slice(0, 4).map((t) => `${t.name}${t.rank === null ? "" : `#${t.rank}`} ${perQ(t.ms)}`);
    s += `; server user ${perQ(l.server.userMs)} sys ${perQ(l.server.systemMs)} ms/q, ${(l.server.minorFaults / q).toFixed(1)} minflt/q, waited ${perQ(l.server.waitMs)} ms/q; threads ${top.join(", ")} ms/q`;
  }
  if (l.others && l.others.length > 0) s += `; others ${l.others.slice(0, 3).map((o) => `${o.name} ${o.cores.toFixed(2)}`).join(", ")}`;
  if (l.stealCores) s += `; steal ${f(l.stealCores)} cores`;
  if (l.serverMemory) s += `; server RSS ${(l.serverMemory.rssKb / 1024).toFixed(0)} MiB, ${(l.serverMemory.anonHugeKb / 1024).toFixed(0)} on huge pages`;
  return s;
}
