/**
 * What the request log and the metrics cost on the hot path: the same load (small queries on a
 * 1,000-record collection, and heartbeats, the smallest request) against three servers started
 * from the built CLI with their stdout going to a file, as a service manager would capture it:
 *   quiet    --request-log-level silent --no-metrics
 *   log      --request-log-level info (one JSON line per request) --no-metrics
 *   default  --request-log-level info, metrics on (what `chromaspec run` does)
 * Rounds are interleaved so machine noise hits every variant alike. Two measures per variant, as
 * medians over rounds: the server process's CPU time per request (user + system, from /proc: what
 * the logging costs, nearly independent of other load on the machine) and requests/s (what a client
 * sees, noisy on a shared machine). Ratios are to `quiet`.
 *
 *   npx tsx server/bench/request-log.ts [--requests 4000] [--rounds 5] [--concurrency 8]
 */
import { scriptArgs } from "./args.js";
import { Client } from "./client.js";
import { startChromaspec, type Target } from "./servers.js";
import { concurrently, median } from "./timing.js";
import { cpuMsOf, processStat } from "./proc-stat.js";

const { requests: REQUESTS, rounds: ROUNDS, concurrency: CONCURRENCY } = scriptArgs({ requests: 4000, rounds: 5, concurrency: 8 });
const DIM = 32;

const VARIANTS: Record<string, string[]> = {
  quiet: ["--request-log-level", "silent", "--no-metrics"],
  log: ["--request-log-level", "info", "--no-metrics"],
  metrics: ["--request-log-level", "silent"],
  default: ["--request-log-level", "info"],
};

async function seed(client: Client): Promise<string> {
  const created = await client.request("POST", `${client.db}/collections`, JSON.stringify({ name: "logbench" }));
  const id = (JSON.parse(created.body) as { id: string }).id;
  const ids = Array.from({ length: 1000 }, (_, i) => `r${i}`);
  const embeddings = ids.map((_, i) => Array.from({ length: DIM }, (_, d) => Math.sin(i * 7 + d)));
  await client.request("POST", `${client.db}/collections/${id}/add`, JSON.stringify({ ids, embeddings }));
  return id;
}

/** utime + stime of a process, in seconds (Linux /proc). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = processStat(pid);
  if (stat === null) throw new Error(`no /proc/${pid}/stat`);
  return cpuMsOf(stat) / 1000;
}

interface Sample {
  cpuUs: number;
  perSecond: number;
}

/** REQUESTS requests from CONCURRENCY keep-alive loops: server CPU per request and throughput. */
async function load(server: Target, client: Client, method: string, path: string, body?: string): Promise<Sample> {
  const cpu0 = await cpuSeconds(server.pid!);
  const wall = await concurrently(CONCURRENCY, REQUESTS, async () => {
    const res = await client.request(method, path, body);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.body.slice(0, 200)}`);
  });
  const seconds = wall / 1000;
  const cpu = (await cpuSeconds(server.pid!)) - cpu0;
  return { cpuUs: (cpu / REQUESTS) * 1e6, perSecond: REQUESTS / seconds };
}

const servers: Record<string, { server: Target; client: Client; id: string }> = {};
try {
  for (const [name, flags] of Object.entries(VARIANTS)) {
    // Each variant at the server's own default log level (info), not startChromaspec's warn.
    const server = await startChromaspec(["--log-format", "json", "--log-level", "info", ...flags]);
    const client = new Client(server.url);
    servers[name] = { server, client, id: await seed(client) };
  }
  const query = JSON.stringify({ query_embeddings: [Array.from({ length: DIM }, (_, d) => Math.cos(d))], n_results: 5, include: ["distances"] });
  const results: Record<string, { query: Sample[]; heartbeat: Sample[] }> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, { server, client, id }] of Object.entries(servers)) {
      results[name] ??= { query: [], heartbeat: [] };
      results[name].query.push(await load(server, client, "POST", `${client.db}/collections/${id}/query`, query));
      results[name].heartbeat.push(await load(server, client, "GET", "/api/v2/heartbeat"));
    }
  }
  const med = (samples: Sample[], key: keyof Sample) => median(samples.map((s) => s[key]));
  const base = results.quiet;
  console.log(`request log overhead: ${ROUNDS} rounds x ${REQUESTS} requests, ${CONCURRENCY} concurrent keep-alive clients (medians; ratio to quiet)`);
  console.log("variant   | query: server CPU us/req  ratio  req/s  ratio | heartbeat: server CPU us/req  ratio  req/s  ratio");
  for (const [name, r] of Object.entries(results)) {
    const cells = (kind: "query" | "heartbeat") => {
      const cpu = med(r[kind], "cpuUs");
      const rate = med(r[kind], "perSecond");
      return `${cpu.toFixed(0).padStart(24)}  ${(cpu / med(base[kind], "cpuUs")).toFixed(2)}  ${rate.toFixed(0).padStart(5)}  ${(rate / med(base[kind], "perSecond")).toFixed(2)}`;
    };
    console.log(`${name.padEnd(9)} | ${cells("query")} | ${cells("heartbeat").padStart(28)}`);
  }
} finally {
  for (const { server } of Object.values(servers)) await server.stop();
}
