/**
 * Query latency of two chromaspec builds on the same kept data (e.g. copies of /work/kept/1m,
 * restart-time.ts's: DIR/data, DIR/kept.json), side by side: both servers run at once, each on
 * its own copy, and the rounds alternate between them (A, B, A, B, ...) so a busy spell of the
 * shared machine falls on both alike. The queries are `make bench-cases`' (main.ts: subspace
 * data spec, seed 1,000,004, k 10, the clients' default include unless --include distances), one
 * sequential keep-alive client, as the case measures its p50. Per build: the client's p50 and
 * mean (ms) and the server process's CPU per query (all its threads, /proc schedstat, ms).
 *
 *   npx tsx bench/kept-ab.ts --a-dir /tmp/x-1m-a --b-dir /tmp/x-1m-b [--a-cli OLD/server/dist/cli.js]
 *     [--b-cli dist/cli.js] [--rounds 20] [--per-round 100] [--settle 60] [--include default|distances]
 *     [--a-flags=...] [--b-flags=...]
 *
 * Use copies (cp -a): the servers write into their directories. --settle: seconds after both
 * report everything indexed before the first round (at 1M the documents and metadata load for
 * tens of seconds after the first query answers). Each server's stderr goes to DIR/server.log.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptArgs } from "./args.js";
import { Client, waitUntilUp, warmClient } from "./client.js";
import { DEFAULT_SPEC, generate, row } from "./data.js";
import { freePort } from "./servers.js";
import { processCpuNs, sleep, stats } from "./timing.js";

const here = dirname(fileURLToPath(import.meta.url));
const o = scriptArgs({
  "a-dir": "",
  "b-dir": "",
  "a-cli": join(here, "..", "dist", "cli.js"),
  "b-cli": join(here, "..", "dist", "cli.js"),
  "a-flags": "",
  "b-flags": "",
  rounds: 20,
  "per-round": 100,
  settle: 60,
  include: "default",
  queries: 500,
});
if (!o["a-dir"] || !o["b-dir"]) throw new Error("--a-dir and --b-dir: two copies of a kept data directory");

interface Server {
  name: string;
  child: ChildProcess;
  exited: Promise<void>;
  client: Client;
  id: string;
  path: string;
  ms: number[];
  cpuMs: number[];
}

async function start(name: string, cli: string, dir: string, flags: string): Promise<Server> {
  const kept = JSON.parse(readFileSync(join(dir, "kept.json"), "utf8")) as { collectionId: string };
  const port = await freePort();
  const log = openSync(join(dir, "server.log"), "a");
  const child = spawn(process.execPath, [resolve(cli), "run", "--path", join(dir, "data"), "--host", "127.0.0.1", "--port", String(port), "--log-level", "warn", ...flags.split(" ").filter(Boolean)], {
    stdio: ["ignore", log, log],
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, 120_000);
  const client = new Client(url);
  return { name, child, exited, client, id: kept.collectionId, path: client.collectionPath(kept.collectionId, "query"), ms: [], cpuMs: [] };
}

const queries = generate(DEFAULT_SPEC, o.queries, 1 + 1_000_003);
const include = o.include === "distances" ? ["distances"] : ["documents", "metadatas", "distances"];
const bodies = Array.from({ length: queries.n }, (_, i) => JSON.stringify({ query_embeddings: [Array.from(row(queries, i))], n_results: 10, include }));

const servers = [await start("A", o["a-cli"], o["a-dir"], o["a-flags"]), await start("B", o["b-cli"], o["b-dir"], o["b-flags"])];
try {
  for (const s of servers) await s.client.untilIndexed(s.id, 200);
  process.stderr.write(`both indexed; settling ${o.settle} s\n`);
  await sleep(o.settle * 1000);
  await warmClient(bodies);
  // Server warm-up (JIT), the case's 100 plus some.
  for (const s of servers) for (let i = 0; i < 300; i++) await s.client.json("POST", s.path, bodies[i % bodies.length]);
  let next = 0;
  for (let r = 0; r < o.rounds; r++) {
    for (const s of r % 2 === 0 ? servers : [...servers].reverse()) {
      const cpu0 = await processCpuNs(s.child.pid!);
      for (let i = 0; i < o["per-round"]; i++) {
        const body = bodies[(next + i) % bodies.length];
        const t = performance.now();
        await s.client.json("POST", s.path, body);
        s.ms.push(performance.now() - t);
      }
      s.cpuMs.push((await processCpuNs(s.child.pid!)) - cpu0);
    }
    next += o["per-round"];
  }
  for (const s of servers) {
    const st = stats(s.ms);
    const cpu = s.cpuMs.map((ns) => ns / 1e6 / o["per-round"]).sort((a, b) => a - b);
    process.stdout.write(
      `${s.name}: p50 ${st.p50.toFixed(3)} ms, mean ${st.mean.toFixed(3)}, p99 ${st.p99.toFixed(2)}; server CPU per query, median of ${cpu.length} rounds ${cpu[cpu.length >> 1].toFixed(3)} ms (${cpu[0].toFixed(3)}-${cpu[cpu.length - 1].toFixed(3)})\n`,
    );
  }
  // Per-round ratio B/A of the client p50: the pairs share the machine's state.
  const per = o["per-round"];
  const ratios: number[] = [];
  for (let r = 0; r < o.rounds; r++) {
    const p = (s: Server) => stats(s.ms.slice(r * per, (r + 1) * per)).p50;
    ratios.push(p(servers[1]) / p(servers[0]));
  }
  ratios.sort((a, b) => a - b);
  process.stdout.write(`B/A p50 by round: median ${ratios[ratios.length >> 1].toFixed(3)} (${ratios[0].toFixed(3)}-${ratios[ratios.length - 1].toFixed(3)})\n`);
} finally {
  for (const s of servers) {
    s.client.close();
    s.child.kill("SIGINT");
  }
  await Promise.all(servers.map((s) => s.exited));
}
