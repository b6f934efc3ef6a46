/**
 * CPU per add, two server builds interleaved (A, B, A, B, ...): each round starts one build's
 * dist/cli.js on a fresh data directory, creates a collection, sends --adds bodies of 1000 x 384
 * the bench's way (base64 embeddings, metadata, documents; one client) and reads the server's CPU
 * time from /proc before and after (the first --warm adds are not counted). Prints per add the main
 * thread's CPU (the request path: router, validation, core, storage, memory apply) and the whole
 * process's (also the ANN worker and LanceDB's threads), in ms. Linux only.
 *
 *   npx tsx bench/add-cpu-ab.ts --a dist-old --b dist [--rounds 4] [--adds 30] [--warm 3] [--data full] [--space ip] [--port 8330]
 *        [--flagsA=--max-semi-space-size=32] [--flagsB=...]
 *
 * --flagsA / --flagsB: node options (space-separated) for that side's server, e.g. to compare V8
 * heap settings on one build (--a dist --b dist --flagsB ...).
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { scriptArgs } from "./args.js";
import { Client, waitUntilUp } from "./client.js";
import { addBody, inMemory } from "./data.js";
import { generateShape, metadataFor, type DataShape } from "./shapes.js";
import { stats } from "./timing.js";
import { cpuMsOf, processStat, threadStat } from "./proc-stat.js";

const o = scriptArgs({ a: "dist-old", b: "dist", rounds: 4, adds: 30, warm: 3, data: "full", space: "ip", port: 8330, flagsA: "", flagsB: "" });
const flagsOf = (flags: string) => flags.split(" ").filter((f) => f !== "");
/** utime + stime of process `pid` (or of its thread `tid`), in ms. */
function cpuMs(pid: number, tid?: number): number {
  const stat = tid === undefined ? processStat(pid) : threadStat(pid, tid);
  if (stat === null) throw new Error(`no /proc stat for ${pid}${tid === undefined ? "" : `/${tid}`}`);
  return cpuMsOf(stat);
}

async function run(dist: string, flags: string[], bodies: Buffer[]): Promise<{ main: number; proc: number; perSec: number }> {
  const dir = await mkdtemp(join(tmpdir(), "addp-ab-"));
  const child = spawn(process.execPath, [...flags, join(resolve(dist), "cli.js"), "run", "--path", join(dir, "data"), "--host", "127.0.0.1", "--port", String(o.port), "--log-level", "warn"], { stdio: "ignore" });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${o.port}`;
  const c = new Client(url);
  try {
    await waitUntilUp(url, 30_000);
    const coll = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name: "add-cpu", configuration: { hnsw: { space: o.space } } });
    const path = c.collectionPath(coll.id, "add");
    for (let i = 0; i < o.warm; i++) await c.json("POST", path, bodies[i]);
    const main0 = cpuMs(child.pid!, child.pid!);
    const proc0 = cpuMs(child.pid!);
    const started = performance.now();
    for (let i = o.warm; i < o.warm + o.adds; i++) await c.json("POST", path, bodies[i]);
    // Records per second of the counted adds, as the matrix counts them (wall clock: noisy on a busy machine).
    const perSec = (o.adds * 1000) / ((performance.now() - started) / 1000);
    const main = (cpuMs(child.pid!, child.pid!) - main0) / o.adds;
    const proc = (cpuMs(child.pid!) - proc0) / o.adds;
    return { main, proc, perSec };
  } finally {
    c.close();
    child.kill("SIGKILL");
    await exited;
    await rm(dir, { recursive: true, force: true });
  }
}

async function main() {
  const n = (o.warm + o.adds) * 1000;
  const records = inMemory(generateShape(o.data as DataShape, 384, n, 1), 1000);
  const bodies = Array.from({ length: n / 1000 }, (_, b) => addBody(records.batch(b), b * 1000, metadataFor));
  const got: Record<"a" | "b", { main: number[]; proc: number[]; perSec: number[] }> = { a: { main: [], proc: [], perSec: [] }, b: { main: [], proc: [], perSec: [] } };
  for (let r = 0; r < o.rounds; r++) {
    for (const which of ["a", "b"] as const) {
      const m = await run(which === "a" ? o.a : o.b, flagsOf(which === "a" ? o.flagsA : o.flagsB), bodies);
      got[which].main.push(m.main);
      got[which].proc.push(m.proc);
      got[which].perSec.push(m.perSec);
      process.stderr.write(`round ${r + 1} ${which} (${which === "a" ? o.a : o.b}): main ${m.main.toFixed(1)} ms/add, process ${m.proc.toFixed(1)} ms/add, ${m.perSec.toFixed(0)} records/s\n`);
    }
  }
  for (const which of ["a", "b"] as const) {
    const main = stats(got[which].main);
    const proc = stats(got[which].proc);
    const perSec = stats(got[which].perSec);
    console.log(`${which} ${which === "a" ? o.a : o.b}: main thread p50 ${main.p50.toFixed(1)} (mean ${main.mean.toFixed(1)}) ms/add; process p50 ${proc.p50.toFixed(1)} (mean ${proc.mean.toFixed(1)}) ms/add; ${perSec.p50.toFixed(0)} records/s p50`);
  }
}

await main();
