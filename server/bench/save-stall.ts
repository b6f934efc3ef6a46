/**
 * How long a background graph save holds the main thread (issue 18: saves under continuous
 * queries stalled them ~170 ms at 100k). Builds a collection's graph through the server's own
 * VectorIndex and ANN worker, saves it --saves times (into a graph file or a LanceDB graph table
 * in a temporary directory), and meanwhile measures the event loop: the longest stretch it was held during each
 * save, and the time it was held for stretches over 5 ms. The graph's size does not depend on
 * the dimension (its bytes are links and labels), so a small --dim builds it quickly.
 *
 *   node --import tsx bench/save-stall.ts [--n 100000] [--dim 16] [--saves 5] [--cpu-prof FILE] [--modes file,thread,in-process]
 *
 * --modes: where the saves are written, taking turns: "file" (the server's way on a local path:
 * memory/graph-file.ts), "thread" (its way on an object store: a LanceDB table written on a
 * thread of its own) and/or "in-process" (LanceDB called on the main thread, as before).
 *
 * A timing run: take it under the lock (`flock /work/wt/bench.lock ...`).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session } from "node:inspector/promises";
import { writeFile } from "node:fs/promises";
import { connect } from "@lancedb/lancedb";
import { scriptArgs } from "./args.js";
import { hashedVector } from "./data.js";
import { GraphStore } from "../src/storage/lance/graph-store.js";
import { GraphFiles } from "../src/storage/memory/graph-file.js";
import { AnnWorkerHost } from "../src/storage/memory/ann-worker-host.js";
import { MemoryBudget } from "../src/storage/memory/slots.js";
import { VectorIndex, type Entry } from "../src/storage/memory/vector-index.js";
import { cpuMsOf, threadStat } from "./proc-stat.js";

const o = scriptArgs({ n: 100_000, dim: 16, saves: 5, "cpu-prof": "", modes: "file,thread,in-process" });
const modes = o.modes.split(",");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const vector = (i: number) => hashedVector(i, o.dim);

/** CPU time of this process's main thread so far (ms; /proc, 10 ms ticks): what it spent, not what it waited. */
function mainThreadCpuMs(): number {
  const stat = threadStat(process.pid, process.pid);
  return stat === null ? NaN : cpuMsOf(stat);
}

interface Held {
  maxMs: number;
  over5Ms: number;
  ms: number;
  cpuMs: number;
}

/**
 * While `work` runs: the event loop's longest hold, the time held in stretches over 5 ms (both
 * include waiting for a core on a busy machine), and the main thread's CPU time (which does not).
 */
async function held<T>(work: () => Promise<T>): Promise<Held> {
  let last = performance.now();
  let maxMs = 0;
  let over5Ms = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    const gap = now - last;
    last = now;
    if (gap > maxMs) maxMs = gap;
    if (gap > 5) over5Ms += gap;
    // A 1 ms timer, not setImmediate: a busy loop would itself be most of the main thread's CPU time.
    if (running) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  const cpu = mainThreadCpuMs();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  running = false;
  await sleep(0);
  return { maxMs, over5Ms, ms, cpuMs: mainThreadCpuMs() - cpu };
}

const dir = await mkdtemp(join(tmpdir(), "save-stall-"));
try {
  const db = await connect(dir);
  // "file": as the server's storage does on a local path (open.ts); "thread": as it does on an object
  // store, saves written on their own thread; "in-process": LanceDB on this one.
  const stores = new Map<string, { save(id: string, parts: Uint8Array[]): Promise<void>; close(): Promise<void> }>(
    modes.map((m) => [m, m === "file" ? new GraphFiles(join(dir, "saved-graphs")) : new GraphStore(db, undefined, undefined, m === "thread" ? { uri: dir } : undefined)]),
  );
  let store = stores.get(modes[0])!;
  const host = new AnnWorkerHost();
  const index = new VectorIndex(o.dim, {
    space: "l2",
    m: 16,
    efConstruction: 100,
    efSearch: 100,
    annThreshold: 2048,
    exactLimit: 16_384,
    host,
    budget: new MemoryBudget(0),
    graphs: { save: (parts) => store.save("c", parts) },
  });
  const entries: Entry[] = Array.from({ length: o.n }, (_, i) => ({ id: `id${i}`, seq: i, version: 1, vector: vector(i) }));
  const built = performance.now();
  for (let i = 0; i < o.n; i += 1000) index.put(entries.slice(i, i + 1000), false);
  index.activate();
  while (index.status().unindexed > 0 || index.where !== "local") await sleep(20);
  console.log(`n=${o.n} dim=${o.dim}: graph built in ${((performance.now() - built) / 1000).toFixed(1)} s`);
  // The graph's first save (due at once) runs now: wait for it, then time ours.
  await sleep(100);
  await index.settled();
  const session = o["cpu-prof"] ? new Session() : null;
  if (session) {
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
  }
  const rows = new Map<string, Held[]>(modes.map((m) => [m, []]));
  for (let s = 0; s < o.saves * modes.length; s++) {
    const mode = modes[s % modes.length];
    store = stores.get(mode)!;
    // One more record: something unsaved, so saveNow saves.
    index.put([{ id: `extra${s}`, seq: o.n + s, version: 1, vector: vector(o.n + s) }]);
    await sleep(50);
    const r = await held(() => index.saveNow());
    rows.get(mode)!.push(r);
    console.log(`save ${s + 1} (${mode}): ${r.ms.toFixed(0)} ms, main thread CPU ${r.cpuMs} ms, held at most ${r.maxMs.toFixed(1)} ms, ${r.over5Ms.toFixed(0)} ms in holds > 5 ms`);
    await sleep(200);
  }
  if (session) {
    const { profile } = await session.post("Profiler.stop");
    await writeFile(o["cpu-prof"], JSON.stringify(profile));
    console.log(`profile: ${o["cpu-prof"]}`);
  }
  const med = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [mode, r] of rows) {
    console.log(`${mode}, median of ${r.length} saves: main thread CPU ${med(r.map((x) => x.cpuMs))} ms, held at most ${med(r.map((x) => x.maxMs)).toFixed(1)} ms, ${med(r.map((x) => x.over5Ms)).toFixed(0)} ms in holds > 5 ms, save ${med(r.map((x) => x.ms)).toFixed(0)} ms`);
  }
  index.close();
  await host.close();
  for (const s of stores.values()) await s.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
