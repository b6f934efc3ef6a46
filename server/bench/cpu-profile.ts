/**
 * Reading a server's V8 CPU profile (`node --cpu-prof`): self time by function and by area of
 * the request path (http, validation, core, storage, search, native, gc, idle) over a window of
 * time. Samples are stamped on CLOCK_MONOTONIC in microseconds, the clock of
 * `process.hrtime.bigint() / 1000n` in the bench process, so a bench marks its windows with that.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Now on the profile's clock (us). */
export function profileClock(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function seqOf(profileFile: string): number {
  return Number(/\.(\d+)\.cpuprofile$/.exec(profileFile)?.[1] ?? Infinity);
}

/**
 * The .cpuprofile files a server wrote into `dir`, in the order written:
 * CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile, the main thread's first (then workers').
 */
export async function profileFiles(dir: string): Promise<string[]> {
  return (await readdir(dir))
    .filter((f) => f.endsWith(".cpuprofile"))
    .sort((a, b) => seqOf(a) - seqOf(b))
    .map((f) => join(dir, f));
}

/** A profile file's contents. */
export async function loadProfile(file: string): Promise<Profile> {
  return JSON.parse(await readFile(file, "utf8")) as Profile;
}

/** The main thread's profile of a server that wrote into `dir` (its path and contents). */
export async function readProfile(dir: string): Promise<{ file: string; profile: Profile }> {
  const [file] = await profileFiles(dir);
  if (!file) throw new Error(`no profile written in ${dir}`);
  return { file, profile: await loadProfile(file) };
}

/** Which part of the request path a frame belongs to, by its source file. */
export function area(url: string, name: string): string {
  if (name === "(garbage collector)") return "gc";
  if (name === "(idle)" || name === "(program)") return name;
  if (url.includes("/storage/memory/") || url.includes("/native/")) return "storage/memory (search)";
  if (url.includes("/storage/lance/") || url.includes("@lancedb") || url.includes("apache-arrow")) return "storage/lance";
  if (url.includes("/storage/")) return "storage (composer)";
  if (url.includes("/generated/")) return "validation (generated)";
  if (url.includes("/http/")) return "http (router, wire)";
  if (url.includes("/core/")) return "core";
  if (url.includes("fastify") || url.includes("find-my-way") || url.includes("light-my-request") || url.includes("avvio")) return "fastify";
  if (url.includes("pino")) return "logging";
  if (url.includes("ajv")) return "validation (ajv)";
  if (url.startsWith("node:") || url === "") return name === "" ? "(native/builtin)" : "node builtins";
  return "other js";
}

export interface WindowSummary {
  /** Sampled time in the window (us), and of it not idle. */
  total: number;
  busy: number;
  /** Self time (us) by "function file:line" and by area. */
  self: Map<string, number>;
  areas: Map<string, number>;
}

/**
 * Self time of the samples taken in [from, to] (profile clock, us); `each` also sees every such
 * sample (its time, function name, duration).
 */
export function summarize(profile: Profile, from = 0, to = Infinity, each?: (at: number, functionName: string, dt: number) => void): WindowSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i])!;
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (at < from || at > to) continue;
    total += dt;
    const f = node.callFrame;
    each?.(at, f.functionName, dt);
    const key = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/(server|node_modules)\//, "$1/")}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const a = area(f.url, f.functionName);
    areas.set(a, (areas.get(a) ?? 0) + dt);
  }
  return { total, busy: total - (areas.get("(idle)") ?? 0), self, areas };
}

/** The summary as text: areas, then the `top` functions by self time (% of busy time). */
export function formatSummary(s: WindowSummary, top: number): string {
  const pct = (us: number) => `${((us / Math.max(1, s.busy)) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms`;
  const lines = [`${(s.total / 1000).toFixed(0)} ms sampled, ${(s.busy / 1000).toFixed(0)} ms busy`, "by area (self time, % of busy):"];
  for (const [a, us] of [...s.areas].sort((x, y) => y[1] - x[1])) if (a !== "(idle)") lines.push(`  ${pct(us)}  ${a}`);
  lines.push(`top ${top} functions (self time):`);
  for (const [k, us] of [...s.self].sort((x, y) => y[1] - x[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${k}`);
  return `${lines.join("\n")}\n`;
}
