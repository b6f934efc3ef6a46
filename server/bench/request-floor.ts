/**
 * Where one query's wall time goes, seen from the client (one sequential keep-alive client, k = 10,
 * as the matrix measures p50), against floors that show what is not chromaspec's own work:
 *
 *   node:http   a bare node:http server in its own process answering the captured query answer's
 *               bytes and headers after reading the request body (the transport's floor)
 *   fastify     the same from a bare fastify route (fastify's own floor)
 *   heartbeat   chromaspec's GET /api/v2/heartbeat (its hooks, router, reply: no body, no core)
 *   k=0         the query with n_results 0: body parse, validation, scope, catalog, shaping and reply,
 *               everything but the search
 *   query       the query itself (include as --include)
 *   q default   the query with the clients' default include (documents, metadatas, distances)
 *
 * The kinds are measured in interleaved rounds so a burst of noise on the shared machine hits all
 * alike; each kind's p50 is over all its rounds. The server's own time per request (onRequest to
 * answer sent, from its request log) is printed beside the client's.
 *
 *   npx tsx server/bench/request-floor.ts [--n 20000] [--space l2] [--data subspace|full|uniform]
 *        [--include distances|default] [--rounds 10] [--per-round 100] [--compare OTHER/dist/cli.js]
 *
 * --compare starts a second chromaspec from another build (say main's, copied aside) with the same
 * data and adds its k=0 / query / default-include kinds ("B") to the same rounds: an A/B of two
 * builds that the machine's noise hits alike. --flags / --compare-flags "..." (space-separated):
 * extra `chromaspec run` flags of the first / the compared server, e.g. the same build with and
 * without --quantized-search (`--flags=--quantized-search`: a value starting with a dash needs the =).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { scriptArgs } from "./args.js";
import { Client, waitUntilUp } from "./client.js";
import { addBody, inMemory, row, type Dataset } from "./data.js";
import { bareServer, freePort } from "./servers.js";
import { generateShape, includeOf, metadataFor, type DataShape, type IncludeShape } from "./shapes.js";
import { processCpuNs, sleep, stats } from "./timing.js";
import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";

/** A chromaspec (the build at `cli`) on a fresh directory, its request log read, holding one loaded collection. */
interface Loaded {
  child: ChildProcess;
  exited: Promise<void>;
  dir: string;
  url: string;
  client: Client;
  /** The query path of the loaded collection. */
  path: string;
  /** The server's own time per request (ms, its request log), by operation. */
  serverMs: Map<string, number[]>;
}

async function startLoaded(cli: string, data: Dataset, space: string, flags: string[] = []): Promise<Loaded> {
  const dir = await mkdtemp(join(tmpdir(), "chromaspec-floor-"));
  const port = await freePort();
  const child = spawn(process.execPath, [cli, "run", "--path", join(dir, "data"), "--host", "127.0.0.1", "--port", String(port), "--log-level", "warn", "--request-log-level", "info", ...flags], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const serverMs = new Map<string, number[]>();
  createInterface({ input: child.stdout! }).on("line", (line) => {
    try {
      const entry = JSON.parse(line) as { op?: string; ms?: number };
      if (typeof entry.ms === "number" && entry.op) (serverMs.get(entry.op) ?? serverMs.set(entry.op, []).get(entry.op)!).push(entry.ms);
    } catch {
      /* not a request line */
    }
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, 30_000);
  const client = new Client(url);
  const coll = await client.json<{ id: string }>("POST", `${client.db}/collections`, { name: "floor", configuration: { hnsw: { space } } });
  const records = inMemory(data, 1000);
  for (let b = 0; b < data.n / 1000; b++) await client.json("POST", client.collectionPath(coll.id, "add"), addBody(records.batch(b), b * 1000, metadataFor));
  await client.untilIndexed(coll.id, 100);
  return { child, exited, dir, url, client, path: client.collectionPath(coll.id, "query"), serverMs };
}

async function stopLoaded(l: Loaded): Promise<void> {
  l.client.close();
  l.child.kill("SIGINT");
  await l.exited;
  await rm(l.dir, { recursive: true, force: true });
}

async function main() {
  const o = scriptArgs({ n: 20_000, space: "l2", data: "subspace" as DataShape, include: "distances" as IncludeShape, rounds: 10, "per-round": 100, compare: "", flags: "", "compare-flags": "" });
  const words = (text: string) => text.split(" ").filter((w) => w !== "");
  const here = dirname(fileURLToPath(import.meta.url));
  const data = generateShape(o.data, 384, o.n, 1);
  const queries = generateShape(o.data, 384, 200, 1_000_003);
  const loaded: Loaded[] = [];
  const bare: ChildProcess[] = [];
  const clients: Client[] = [];
  try {
    loaded.push(await startLoaded(join(here, "..", "dist", "cli.js"), data, o.space, words(o.flags)));
    if (o.compare) loaded.push(await startLoaded(resolve(o.compare), data, o.space, words(o["compare-flags"])));
    await sleep(1500); // past the graph's move to the main thread
    const [{ client: c, url, path, child, serverMs }] = loaded;
    const include = includeOf(o.include);
    const vectors = Array.from({ length: queries.n }, (_, i) => Array.from(row(queries, i)));
    const bodies = vectors.map((v) => JSON.stringify({ query_embeddings: [v], n_results: 10, include }));
    const defaults = vectors.map((v) => JSON.stringify({ query_embeddings: [v], n_results: 10, include: includeOf("default") }));
    const empty = vectors.map((v) => JSON.stringify({ query_embeddings: [v], n_results: 0, include }));

    // The answer the floors send: a real query's bytes and headers.
    const sample = await new Promise<{ headers: Record<string, string>; body: string }>((resolve, reject) => {
      const req = http.request(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string" && !["date", "connection", "keep-alive", "content-length"].includes(k)) headers[k] = v;
          resolve({ headers, body: text });
        });
      });
      req.on("error", reject);
      req.end(bodies[0]);
    });
    process.stderr.write(`answer: ${sample.body.length} bytes, headers ${JSON.stringify(sample.headers)}\n`);
    const floors: [string, Client][] = [];
    for (const kind of ["node:http", "fastify"] as const) {
      const p = await freePort();
      bare.push(bareServer(kind, p, sample.headers, sample.body));
      await waitUntilUp(`http://127.0.0.1:${p}`, 30_000); // any path answers 200
      const fc = new Client(`http://127.0.0.1:${p}`);
      clients.push(fc);
      floors.push([kind, fc]);
    }

    type Kind = { name: string; op?: string; pid: number; send: (i: number) => Promise<unknown> };
    const kinds: Kind[] = [
      ...floors.map(([name, fc], f): Kind => ({ name, pid: bare[f].pid!, send: (i) => fc.request("POST", path, bodies[i % bodies.length]) })),
      { name: "heartbeat", op: "v2Heartbeat", pid: child.pid!, send: () => c.request("GET", "/api/v2/heartbeat") },
      { name: "k=0", op: "v2CollectionQuery", pid: child.pid!, send: (i) => c.json("POST", path, empty[i % empty.length]) },
      { name: "query", op: "v2CollectionQuery", pid: child.pid!, send: (i) => c.json("POST", path, bodies[i % bodies.length]) },
      { name: "q default", op: "v2CollectionQuery", pid: child.pid!, send: (i) => c.json("POST", path, defaults[i % defaults.length]) },
    ];
    // --compare: the same requests to another build (e.g. main's), in the same rounds.
    for (const other of loaded.slice(1)) {
      const { client: oc, path: op, child: och } = other;
      kinds.push(
        { name: "k=0 B", pid: och.pid!, send: (i) => oc.json("POST", op, empty[i % empty.length]) },
        { name: "query B", pid: och.pid!, send: (i) => oc.json("POST", op, bodies[i % bodies.length]) },
        { name: "q dflt B", pid: och.pid!, send: (i) => oc.json("POST", op, defaults[i % defaults.length]) },
      );
    }
    const client = new Map<string, number[]>(kinds.map((k) => [k.name, []]));
    const server = new Map<string, number[]>(kinds.map((k) => [k.name, []]));
    const cpu = new Map<string, number>(kinds.map((k) => [k.name, 0]));
    const self = new Map<string, number>(kinds.map((k) => [k.name, 0]));
    for (const k of kinds) for (let i = 0; i < 100; i++) await k.send(i); // warm-up
    for (let r = 0; r < o.rounds; r++) {
      for (const k of kinds) {
        const seen = k.op ? (serverMs.get(k.op)?.length ?? 0) : 0;
        const cpu0 = await processCpuNs(k.pid);
        const self0 = process.cpuUsage();
        for (let i = 0; i < o["per-round"]; i++) {
          const t = performance.now();
          await k.send(r * o["per-round"] + i);
          client.get(k.name)!.push(performance.now() - t);
        }
        const used = process.cpuUsage(self0);
        self.set(k.name, self.get(k.name)! + (used.user + used.system) / 1000);
        cpu.set(k.name, cpu.get(k.name)! + (await processCpuNs(k.pid)) - cpu0);
        if (k.op) {
          // The request log is written after the answer; wait for this round's lines.
          for (let w = 0; w < 50 && (serverMs.get(k.op)?.length ?? 0) < seen + o["per-round"]; w++) await sleep(10);
          server.get(k.name)!.push(...(serverMs.get(k.op) ?? []).slice(seen, seen + o["per-round"]));
        }
      }
    }
    process.stdout.write(`${o.n} records, ${o.data} ${o.space}, include ${o.include}; ${o.rounds} x ${o["per-round"]} sequential requests per kind (noisy: shared machine)\n`);
    process.stdout.write(`kind        client p50     mean   server p50 (onRequest..sent)   server CPU/req   client CPU/req (ms)\n`);
    for (const k of kinds) {
      const cs = stats(client.get(k.name)!);
      const ss = server.get(k.name)!.length > 0 ? stats(server.get(k.name)!).p50.toFixed(3) : "-";
      const n = client.get(k.name)!.length;
      const serverCpu = (cpu.get(k.name)! / 1e6 / n).toFixed(3);
      const clientCpu = (self.get(k.name)! / n).toFixed(3);
      process.stdout.write(`${k.name.padEnd(10)}  ${cs.p50.toFixed(3).padStart(8)} ${cs.mean.toFixed(3).padStart(8)}   ${ss.padStart(8)}                     ${serverCpu.padStart(8)}         ${clientCpu.padStart(8)}\n`);
    }
  } finally {
    for (const cl of clients) cl.close();
    for (const b of bare) b.kill("SIGKILL");
    for (const l of loaded) await stopLoaded(l);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`request-floor failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
