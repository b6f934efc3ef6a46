/**
 * What the machine did during a measured window besides the server under test and the bench
 * client (issue 18: one case of a "quiet" matrix ran ~1.4x slower in every query figure and met
 * every target when rerun alone; nothing in the log could say whether the server or something
 * else on the 2-core machine took the time). Linux only: /proc/stat for the whole machine (all
 * processes and kernel threads, e.g. writeback), /proc/<pid>/task/<tid>/schedstat for the server,
 * process.cpuUsage() for this process.
 */
import { readFile } from "node:fs/promises";
import { processCpuNs } from "./timing.js";

/** A reading at one moment (opaque: pass two of them to `windowLoad`). */
export interface LoadMark {
  at: number;
  /** Machine CPU busy time in ms (user + nice + system + irq + softirq + steal, all cores); null off Linux. */
  machineMs: number | null;
  /** The server's CPU ns (all its threads), null when its pid is unknown. */
  serverNs: number | null;
  /** This process's CPU µs (user + system). */
  clientUs: number;
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
}

/** USER_HZ: /proc/stat counts in 1/100 s on every Linux architecture node runs on. */
const TICK_MS = 10;

async function machineBusyMs(): Promise<number | null> {
  try {
    const line = (await readFile("/proc/stat", "utf8")).split("\n", 1)[0];
    // cpu user nice system idle iowait irq softirq steal guest guest_nice (guest is inside user).
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + (steal || 0)) * TICK_MS;
  } catch {
    return null;
  }
}

export async function loadMark(serverPid: number | null): Promise<LoadMark> {
  const [machineMs, serverNs] = await Promise.all([machineBusyMs(), serverPid === null ? null : processCpuNs(serverPid)]);
  const u = process.cpuUsage();
  return { at: performance.now(), machineMs, serverNs, clientUs: u.user + u.system };
}

/** The load between two marks, `queries` the requests sent to the server meanwhile. */
export function windowLoad(a: LoadMark, b: LoadMark, queries: number): WindowLoad {
  const wallMs = Math.max(1e-3, b.at - a.at);
  const serverMs = a.serverNs === null || b.serverNs === null ? null : (b.serverNs - a.serverNs) / 1e6;
  const clientMs = (b.clientUs - a.clientUs) / 1000;
  const machineMs = a.machineMs === null || b.machineMs === null ? null : b.machineMs - a.machineMs;
  return {
    seconds: wallMs / 1000,
    serverMsPerQuery: serverMs === null || queries === 0 ? null : serverMs / queries,
    serverCores: serverMs === null ? null : serverMs / wallMs,
    clientCores: clientMs / wallMs,
    // /proc/stat ticks are coarse (10 ms): clamp the rounding below zero away.
    otherCores: machineMs === null || serverMs === null ? null : Math.max(0, (machineMs - serverMs - clientMs) / wallMs),
  };
}

/** "server 0.61 ms CPU/q, client 0.31 + others 0.02 cores" for a log line. */
export function formatLoad(l: WindowLoad): string {
  const f = (v: number | null, d = 2) => (v === null ? "?" : v.toFixed(d));
  return `server ${f(l.serverMsPerQuery)} ms CPU/q, client ${f(l.clientCores)} + others ${f(l.otherCores)} cores`;
}
