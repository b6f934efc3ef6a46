/**
 * Readers of Linux's /proc for the bench's load accounting (window-load.ts): a process's or a
 * thread's CPU, page faults and run-queue wait, every process's CPU (to name what else ran), and
 * the machine's CPU. Every reader answers null (or an empty map) where /proc is not there or the
 * process is gone, never throws: a bench on another system still runs, with unknowns.
 *
 * Units: /proc/<pid>/stat counts CPU in clock ticks (USER_HZ, 1/100 s on every Linux node runs
 * on); schedstat counts nanoseconds.
 *
 * Synchronous reads on purpose: /proc is generated in memory (nothing waits on a disk), and a
 * machine-wide snapshot (~110 processes and the server's threads) cost 30-50 ms of CPU as async
 * reads against 6-10 ms read in a loop; the bench takes these snapshots at the edges of timed
 * windows.
 */
import { readdirSync, readFileSync } from "node:fs";

/** USER_HZ in ms: /proc/stat and /proc/<pid>/stat count CPU in 1/100 s. */
export const TICK_MS = 10;

/** The fields of a /proc/<pid>/stat (or /proc/<pid>/task/<tid>/stat) line the bench uses. */
export interface Stat {
  pid: number;
  /** The command name (15 characters at most; a thread's own name for a task). */
  comm: string;
  /** R, S, D, Z, ... */
  state: string;
  ppid: number;
  /** Page faults that needed no I/O / that read from disk. For a process: all its threads, exited ones included. */
  minflt: number;
  majflt: number;
  /** CPU in user / kernel mode, ticks. For a process: all its threads, exited ones included. */
  utime: number;
  stime: number;
}

/** Parses one stat line; null when it is not one. The comm may hold spaces and parentheses. */
export function parseStat(text: string): Stat | null {
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return null;
  // After ") ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
  const f = text.slice(close + 2).split(" ");
  if (f.length < 13) return null;
  return {
    pid: Number(text.slice(0, open).trim()),
    comm: text.slice(open + 1, close),
    state: f[0],
    ppid: Number(f[1]),
    minflt: Number(f[7]),
    majflt: Number(f[9]),
    utime: Number(f[11]),
    stime: Number(f[12]),
  };
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** /proc/<pid>/stat, or null (gone, or no /proc). */
export function processStat(pid: number): Stat | null {
  const text = readText(`/proc/${pid}/stat`);
  return text === null ? null : parseStat(text);
}

/** /proc/<pid>/task/<tid>/stat (one thread), or null (gone, or no /proc). */
export function threadStat(pid: number, tid: number): Stat | null {
  const text = readText(`/proc/${pid}/task/${tid}/stat`);
  return text === null ? null : parseStat(text);
}

/** A stat's CPU (user + kernel), ms. */
export const cpuMsOf = (s: Stat): number => (s.utime + s.stime) * TICK_MS;

/** One thread of a process at one moment. */
export interface ThreadStat extends Stat {
  /** CPU run time (ns) and time spent runnable but waiting for a CPU (ns), from schedstat. */
  runNs: number;
  waitNs: number;
}

/** Every live thread of `pid` by thread id (empty when the process is gone or there is no /proc). */
export function threadStats(pid: number): Map<number, ThreadStat> {
  const out = new Map<number, ThreadStat>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    const stat = readText(`/proc/${pid}/task/${tid}/stat`);
    const sched = readText(`/proc/${pid}/task/${tid}/schedstat`);
    const s = stat === null ? null : parseStat(stat);
    if (s === null || sched === null) continue; // exited between the listing and the read
    const [run, wait] = sched.trim().split(" ").map(Number);
    out.set(Number(tid), { ...s, runNs: run, waitNs: wait });
  }
  return out;
}

/** A process's name and CPU ticks, and whether it is a kernel thread (kthreadd's child). */
export interface ProcessTicks {
  comm: string;
  ticks: number;
  kernel: boolean;
}

/**
 * Every process on the machine (kernel threads such as kswapd, kcompactd, khugepaged, kworkers
 * included) by pid. Keyed by pid, not name: a kworker's comm changes with the work it runs.
 */
export function allProcesses(): Map<number, ProcessTicks> {
  const out = new Map<number, ProcessTicks>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    const s = processStat(Number(e));
    if (s !== null) out.set(s.pid, { comm: s.comm, ticks: s.utime + s.stime, kernel: s.ppid === 2 || s.pid === 2 });
  }
  return out;
}

/** The machine's CPU since boot, ms summed over all cores; null off Linux. */
export interface MachineTimes {
  /** user + nice + system + irq + softirq + steal. */
  busyMs: number;
  /** Time the hypervisor ran something else while a virtual CPU wanted to run (0 where not reported). */
  stealMs: number;
}

export function machineTimes(): MachineTimes | null {
  const text = readText("/proc/stat");
  if (text === null) return null;
  // cpu user nice system idle iowait irq softirq steal guest guest_nice (guest is inside user).
  const [user, nice, system, , , irq, softirq, steal] = text.split("\n", 1)[0].trim().split(/\s+/).slice(1).map(Number);
  return { busyMs: (user + nice + system + irq + softirq + (steal || 0)) * TICK_MS, stealMs: (steal || 0) * TICK_MS };
}

/** A process's resident memory and how much of its anonymous memory sits on 2 MiB pages (KiB). */
export interface MemoryStat {
  rssKb: number;
  anonHugeKb: number;
}

/** From /proc/<pid>/smaps_rollup (walks the page tables: a few ms for a large process); null when unreadable. */
export function memoryStat(pid: number): MemoryStat | null {
  const text = readText(`/proc/${pid}/smaps_rollup`);
  if (text === null) return null;
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? NaN);
  const out = { rssKb: kb("Rss"), anonHugeKb: kb("AnonHugePages") };
  return Number.isFinite(out.rssKb) ? out : null;
}
