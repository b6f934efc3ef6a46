/**
 * Where a request's time goes, on chromaspec alone: starts the built server under `node --cpu-prof`,
 * loads one collection, sends one kind of request many times, stops the server and prints the
 * profile's self time by function and by area (http, validation, core, storage, search, native,
 * gc, idle). Wall-clock figures on a shared machine are noisy; a CPU profile's split is not (much).
 *
 *   npx tsx server/bench/profile.ts [--op query|add] [--n 100000] [--space l2] [--data subspace|full|uniform]
 *        [--include distances|default] [--where none|1|10|50] [--requests 2000] [--clients 1]
 *        [--top 40] [--out DIR] [--dir KEPT] [--settle 1.5]
 *
 * --op add profiles the load itself (the bench's adds: base64 bodies, batches of 1000, one client)
 * and also prints, per add, the client's round trip beside the server's own time (its request log:
 * from the request's headers to its answer), so time spent outside the server's handling shows.
 *
 * --dir KEPT profiles queries on a kept data directory (restart-time.ts's: KEPT/data, KEPT/kept.json;
 * its data shape is subspace) instead of loading --n records: the server loads it, then the queries
 * run once it is indexed. Use a copy (cp -a): the server writes into it.
 *
 * The .cpuprofile is kept in --out (default a temp dir) for Chrome DevTools / speedscope.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createInterface } from "node:readline";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptArgs } from "./args.js";
import { Client, waitUntilUp } from "./client.js";
import { formatSummary, loadProfile, profileClock, profileFiles, summarize } from "./cpu-profile.js";
import { addBody, inMemory, row } from "./data.js";
import { filterFor, generateShape, includeOf, metadataFor, type DataShape, type IncludeShape, type Selectivity } from "./shapes.js";
import { freePort } from "./servers.js";
import { concurrently, sleep, stats } from "./timing.js";

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await sleep(20);
}

async function main() {
  const o = scriptArgs({
    op: "query" as "query" | "add",
    n: 100_000,
    space: "l2",
    data: "subspace" as DataShape,
    include: "distances" as IncludeShape,
    where: "none" as Selectivity | "none",
    requests: 2000,
    clients: 1,
    top: 40,
    out: "",
    dir: "",
    settle: 1.5,
  });
  const here = dirname(fileURLToPath(import.meta.url));
  const cli = join(here, "..", "dist", "cli.js");
  // --dir: a kept data directory (restart-time.ts's: DIR/data and DIR/kept.json) instead of a load.
  const kept = o.dir ? (JSON.parse(await readFile(join(o.dir, "kept.json"), "utf8")) as { collectionId: string }) : null;
  if (kept && o.op !== "query") throw new Error("--dir profiles queries only");
  const dir = o.dir || (await mkdtemp(join(tmpdir(), "chromaspec-profile-")));
  const profDir = o.out || join(dir, "prof");
  const port = await freePort();
  const window = { from: 0, to: Infinity };
  /** Each add's round trip as the client saw it (CLOCK_MONOTONIC us, like the profile's samples). */
  const spans: [number, number][] = [];
  const adding = o.op === "add";
  // For adds the request log (info, JSON lines on stdout) gives the server's time of each add.
  const logArgs = adding ? ["--request-log-level", "info"] : [];
  const child = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir", profDir, cli, "run", "--path", join(dir, "data"), "--host", "127.0.0.1", "--port", String(port), "--log-level", "warn", ...logArgs], {
    stdio: ["ignore", adding ? "pipe" : "inherit", "inherit"],
  });
  const serverMs: number[] = [];
  if (adding) {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const entry = JSON.parse(line) as { op?: string; ms?: number };
      if (entry.op === "v2CollectionAdd" && typeof entry.ms === "number") serverMs.push(entry.ms);
    });
  }
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, 30_000);
  const c = new Client(url);
  try {
    const data = generateShape(o.data, 384, kept ? 1000 : o.n, 1);
    const queries = generateShape(o.data, 384, 200, 1_000_003);
    const coll = kept ? { id: kept.collectionId } : await c.json<{ id: string }>("POST", `${c.db}/collections`, { name: "profile", configuration: { hnsw: { space: o.space } } });
    const records = inMemory(data, 1000);
    // Built beforehand, as the matrix does: the client's own encoding is not in the adds' time.
    const addBodies = kept ? [] : Array.from({ length: o.n / 1000 }, (_, b) => addBody(records.batch(b), b * 1000, metadataFor));
    if (adding) window.from = profileClock();
    const clientMs: number[] = [];
    for (const body of addBodies) {
      const t = performance.now();
      const from = profileClock();
      await c.json("POST", c.collectionPath(coll.id, "add"), body);
      spans.push([from, profileClock()]);
      clientMs.push(performance.now() - t);
    }
    if (adding) {
      window.to = profileClock();
      const total = clientMs.reduce((a, b) => a + b, 0);
      await until(() => serverMs.length >= clientMs.length);
      const server = stats(serverMs);
      const client = stats(clientMs);
      process.stderr.write(
        `${o.n} records in ${total.toFixed(0)} ms of adds (${((o.n / total) * 1000).toFixed(0)} records/s; noisy); per add: client p50 ${client.p50.toFixed(1)} ms (mean ${client.mean.toFixed(1)}), ` +
          `server p50 ${server.p50.toFixed(1)} ms (mean ${server.mean.toFixed(1)}), outside the server ${(client.mean - server.mean).toFixed(1)} ms on average\n`,
      );
      // Stopped while the ANN worker still indexes, the server can abort in the worker's teardown
      // (a native search/insert completing during it: "FATAL ERROR: Error::ThrowAsJavaScriptException"),
      // and then the main thread's profile is never written. The profile's window ends at the last add.
      await c.untilIndexed(coll.id, 200);
    }
    if (!adding) {
      await c.untilIndexed(coll.id, 100);
      // Past the graph's move to the main thread (--settle seconds; with --dir also past the load's
      // second half, documents and metadata, which at 1M runs for tens of seconds after the first
      // query answers), so the profile shows the steady state.
      await new Promise((r) => setTimeout(r, o.settle * 1000));
      const include = includeOf(o.include);
      const where = o.where === "none" ? undefined : filterFor(o.where);
      const bodies = Array.from({ length: queries.n }, (_, i) => JSON.stringify({ query_embeddings: [Array.from(row(queries, i))], n_results: 10, include, ...(where ? { where } : {}) }));
      // CLOCK_MONOTONIC in us, the clock V8 stamps profile samples with: only the requests are counted.
      window.from = profileClock();
      const ms = await concurrently(o.clients, o.requests, async (i) => {
        await c.json("POST", c.collectionPath(coll.id, "query"), bodies[i % bodies.length]);
      });
      window.to = profileClock();
      process.stderr.write(`${o.requests} requests in ${ms.toFixed(0)} ms (${((o.requests / ms) * 1000).toFixed(0)}/s, ${((ms / o.requests) * o.clients).toFixed(3)} ms each; noisy)\n`);
    }
  } finally {
    c.close();
    child.kill("SIGINT");
    await exited;
  }
  const files = await profileFiles(profDir);
  const file = files[0];
  if (!file) throw new Error("no profile written");
  /** Main-thread time while an add was in flight (idle and busy), and idle time between adds. */
  const inAdd = { idle: 0, busy: 0 };
  let idleBetween = 0;
  let span = 0;
  const summary = summarize(await loadProfile(file), window.from, window.to, (at, name, dt) => {
    if (!adding) return;
    while (span < spans.length && spans[span][1] < at) span++;
    const inside = span < spans.length && spans[span][0] <= at;
    const idle = name === "(idle)";
    if (inside) inAdd[idle ? "idle" : "busy"] += dt;
    else if (idle) idleBetween += dt;
  });
  process.stdout.write(`profile (requests only): ${formatSummary(summary, o.top)}`);
  if (adding) {
    const per = (us: number) => `${(us / 1000 / spans.length).toFixed(1)} ms`;
    process.stdout.write(
      `\nper add, on the server's main thread: busy ${per(inAdd.busy)} and idle ${per(inAdd.idle)} while the add was in flight ` +
        `(idle: waiting for the body, LanceDB's threads, the CPU); idle ${per(idleBetween)} between adds (the client's turn)\n`,
    );
    // Other threads that run JS (the ANN worker): what they took in the same window.
    for (const other of files.slice(1)) {
      const w = summarize(await loadProfile(other), window.from, window.to);
      // (program): a thread waiting for work, as the worker does between messages.
      const busyUs = w.busy - (w.areas.get("(program)") ?? 0);
      process.stdout.write(`thread ${other}: busy ${per(busyUs)} per add in the same window\n`);
    }
  }
  process.stdout.write(`\nprofile file: ${file}\n`);
  if (!o.out && !kept) await rm(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`profile failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
