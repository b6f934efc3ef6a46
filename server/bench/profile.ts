/**
 * Where a request's time goes, on chromaspec alone: starts the built server under `node --cpu-prof`,
 * loads one collection, sends one kind of request many times, stops the server and prints the
 * profile's self time by function and by area (http, validation, core, storage, search, native,
 * gc, idle). Wall-clock figures on a shared machine are noisy; a CPU profile's split is not (much).
 *
 *   npx tsx server/bench/profile.ts [--n 100000] [--space l2] [--data subspace|full|uniform]
 *        [--include distances|default] [--where none|1|10|50] [--requests 2000] [--clients 1]
 *        [--top 40] [--out DIR]
 *
 * The .cpuprofile is kept in --out (default a temp dir) for Chrome DevTools / speedscope.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptArgs } from "./args.js";
import { Client, waitUntilUp } from "./client.js";
import { addBody, inMemory, row } from "./data.js";
import { filterFor, generateShape, includeOf, metadataFor, type DataShape, type IncludeShape, type Selectivity } from "./shapes.js";
import { freePort } from "./servers.js";
import { concurrently } from "./timing.js";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Which part of the request path a frame belongs to, by its source file. */
function area(url: string, name: string): string {
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

async function main() {
  const o = scriptArgs({
    n: 100_000,
    space: "l2",
    data: "subspace" as DataShape,
    include: "distances" as IncludeShape,
    where: "none" as Selectivity | "none",
    requests: 2000,
    clients: 1,
    top: 40,
    out: "",
  });
  const here = dirname(fileURLToPath(import.meta.url));
  const cli = join(here, "..", "dist", "cli.js");
  const dir = await mkdtemp(join(tmpdir(), "chromaspec-profile-"));
  const profDir = o.out || join(dir, "prof");
  const port = await freePort();
  const window = { from: 0, to: Infinity };
  const child = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir", profDir, cli, "run", "--path", join(dir, "data"), "--host", "127.0.0.1", "--port", String(port), "--log-level", "warn"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, 30_000);
  const c = new Client(url);
  try {
    const data = generateShape(o.data, 384, o.n, 1);
    const queries = generateShape(o.data, 384, 200, 1_000_003);
    const coll = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name: "profile", configuration: { hnsw: { space: o.space } } });
    const records = inMemory(data, 1000);
    for (let b = 0; b < o.n / 1000; b++) await c.json("POST", c.collectionPath(coll.id, "add"), addBody(records.batch(b), b * 1000, metadataFor));
    await c.untilIndexed(coll.id, 100);
    // Past the graph's move to the main thread, so the profile shows the steady state.
    await new Promise((r) => setTimeout(r, 1500));
    const include = includeOf(o.include);
    const where = o.where === "none" ? undefined : filterFor(o.where);
    const bodies = Array.from({ length: queries.n }, (_, i) => JSON.stringify({ query_embeddings: [Array.from(row(queries, i))], n_results: 10, include, ...(where ? { where } : {}) }));
    // CLOCK_MONOTONIC in us, the clock V8 stamps profile samples with: only the requests are counted.
    window.from = Number(process.hrtime.bigint() / 1000n);
    const ms = await concurrently(o.clients, o.requests, async (i) => {
      await c.json("POST", c.collectionPath(coll.id, "query"), bodies[i % bodies.length]);
    });
    window.to = Number(process.hrtime.bigint() / 1000n);
    process.stderr.write(`${o.requests} requests in ${ms.toFixed(0)} ms (${((o.requests / ms) * 1000).toFixed(0)}/s, ${((ms / o.requests) * o.clients).toFixed(3)} ms each; noisy)\n`);
  } finally {
    c.close();
    child.kill("SIGINT");
    await exited;
  }
  const file = (await readdir(profDir)).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error("no profile written");
  const profile = JSON.parse(await readFile(join(profDir, file), "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i])!;
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (at < window.from || at > window.to) continue;
    total += dt;
    const f = node.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/(server|node_modules)\//, "$1/")}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const a = area(f.url, f.functionName);
    areas.set(a, (areas.get(a) ?? 0) + dt);
  }
  const busy = total - (areas.get("(idle)") ?? 0);
  process.stdout.write(`profile: ${(total / 1000).toFixed(0)} ms sampled, ${(busy / 1000).toFixed(0)} ms busy (requests only)\n\nby area (self time, % of busy):\n`);
  for (const [a, us] of [...areas].sort((x, y) => y[1] - x[1])) if (a !== "(idle)") process.stdout.write(`  ${((us / busy) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${a}\n`);
  process.stdout.write(`\ntop ${o.top} functions (self time):\n`);
  for (const [k, us] of [...self].sort((x, y) => y[1] - x[1]).slice(0, o.top)) process.stdout.write(`  ${((us / busy) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}\n`);
  process.stdout.write(`\nprofile file: ${join(profDir, file)}\n`);
  if (!o.out) await rm(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`profile failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
