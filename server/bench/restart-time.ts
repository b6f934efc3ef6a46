/**
 * Restart to steady state on a kept data directory, without ingesting every time: the first run
 * fills `--dir` (N records of the bench's subspace data in one l2 collection, graceful stop, so
 * the graph is saved); every run then starts the server on it with info logs and sends the
 * restart case's query stream (bench/measure.ts restartCase: sequential queries from the first
 * answer; ready = the median of the last 20 within 1.2x of the steady p50), printing the server's
 * start-up log lines (at the server's own time stamps) and the query latencies on one timeline
 * (seconds since spawn).
 *
 *   npx tsx bench/restart-time.ts --dir /work/tmp-restart/100k --n 100000
 *   (extra server flags: --server-args "--flag value"; --cpu-prof DIR profiles the server's start-up)
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptArgs } from "./args.js";
import { Client, waitUntilUp } from "./client.js";
import { addBody, DEFAULT_SPEC, generate, metadataOf, row, streamed } from "./data.js";
import { READY_FACTOR } from "./measure.js";
import { freePort } from "./servers.js";
import { median, timed } from "./timing.js";

const o = scriptArgs({ dir: "/work/tmp-restart/100k", n: 100_000, queries: 200, seed: 1, "server-args": "", "cpu-prof": "" });
const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli.js");
const WINDOW = 20;
const include = ["documents", "metadatas", "distances"];

interface Kept {
  collectionId: string;
  steadyP50: number;
}

function server(port: number, level: string, t0: number, echo: boolean) {
  const prof = o["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", o["cpu-prof"]] : [];
  const extra = o["server-args"] ? o["server-args"].split(" ") : [];
  const child = spawn(process.execPath, [...prof, cli, "run", "--path", join(o.dir, "data"), "--host", "127.0.0.1", "--port", String(port), "--log-level", level, ...extra], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // The server's own clock for its lines (pino's `time`): its output reaches us in bursts.
  const spawnedAt = Date.now() - (performance.now() - t0);
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => {
      if (!echo) return;
      let text = line;
      let at = (performance.now() - t0) / 1000;
      try {
        const j = JSON.parse(line) as Record<string, unknown>;
        const { level: _l, time, pid: _p, hostname: _h, msg, ...rest } = j;
        text = `${String(msg)} ${JSON.stringify(rest)}`;
        if (typeof time === "number") at = (time - spawnedAt) / 1000;
      } catch {
        // not JSON: as it is
      }
      console.log(`[${at.toFixed(2)} s] server: ${text.slice(0, 700)}`);
    });
  }
  return {
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function queryBodies(): string[] {
  const q = generate(DEFAULT_SPEC, o.queries, o.seed + 1);
  return Array.from({ length: q.n }, (_, i) => JSON.stringify({ query_embeddings: [Array.from(row(q, i))], n_results: 10, include }));
}

async function p50(c: Client, path: string, bodies: string[]): Promise<number> {
  const ms: number[] = [];
  for (const b of bodies) ms.push((await timed(() => c.json("POST", path, b))).ms);
  return median(ms);
}

async function fill(bodies: string[]): Promise<Kept> {
  await mkdir(o.dir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const s = server(port, "warn", performance.now(), true);
  await waitUntilUp(url, 60_000);
  const c = new Client(url);
  const coll = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name: "restart", configuration: { hnsw: { space: "l2" } } });
  const data = streamed(DEFAULT_SPEC, o.n, o.seed, 1000);
  for (let b = 0; b < o.n / 1000; b++) {
    await c.json("POST", c.collectionPath(coll.id, "add"), addBody(data.batch(b), b * 1000, metadataOf));
    if ((b + 1) % 100 === 0) console.log(`${(b + 1) * 1000} added`);
  }
  await c.untilIndexed(coll.id, 500);
  const path = c.collectionPath(coll.id, "query");
  await p50(c, path, bodies);
  const steadyP50 = await p50(c, path, bodies);
  c.close();
  await s.stop();
  const kept = { collectionId: coll.id, steadyP50 };
  await writeFile(join(o.dir, "kept.json"), JSON.stringify(kept));
  return kept;
}

async function main(): Promise<void> {
  const bodies = queryBodies();
  const kept: Kept = existsSync(join(o.dir, "kept.json")) ? (JSON.parse(await readFile(join(o.dir, "kept.json"), "utf8")) as Kept) : await fill(bodies);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const since = () => (performance.now() - t0) / 1000;
  const s = server(port, "info", t0, true);
  await waitUntilUp(url, 120_000);
  console.log(`[${since().toFixed(2)} s] up`);
  const c = new Client(url);
  const path = c.collectionPath(kept.collectionId, "query");
  const window: number[] = [];
  let first = NaN;
  let ready = NaN;
  let lastPrint = 0;
  for (let i = 0; since() < 600; i++) {
    const { ms } = await timed(() => c.json("POST", path, bodies[i % bodies.length]));
    if (Number.isNaN(first)) {
      first = since();
      console.log(`[${first.toFixed(2)} s] first query answered (${ms.toFixed(1)} ms)`);
    }
    window.push(ms);
    if (window.length > WINDOW) window.shift();
    if (since() - lastPrint >= 0.5) {
      lastPrint = since();
      console.log(`[${lastPrint.toFixed(2)} s] query ${i}: ${ms.toFixed(1)} ms, window median ${median(window).toFixed(2)} ms`);
    }
    if (window.length === WINDOW && median(window) <= READY_FACTOR * kept.steadyP50) {
      ready = since();
      break;
    }
  }
  const after = await p50(c, path, bodies);
  console.log(
    `N=${o.n}: first query ${first.toFixed(1)} s, p50 within ${READY_FACTOR}x of steady (${kept.steadyP50.toFixed(2)} ms at fill) after ${ready.toFixed(1)} s; p50 after ${after.toFixed(2)} ms`,
  );
  c.close();
  await s.stop();
}

await main();
