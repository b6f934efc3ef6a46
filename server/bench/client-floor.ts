/**
 * Is the bench's client a fair model of real clients? One query (k = 10, include distances, as
 * the matrix's p50) sent by several clients to both servers and to floors, in interleaved rounds
 * so the shared machine's noise hits every cell alike:
 *
 *   clients   bench     server/bench/client.ts (node:http, keep-alive; what every bench uses)
 *             fetch     Node's global fetch (undici), as chromadb@3 sends its requests
 *             chromadb  the official JS client chromadb@3.5.0, collection.query()
 *   targets   node:http a bare node:http server answering a captured query answer's bytes
 *             fastify   the same from a bare fastify route
 *             ours hb   chromaspec's GET /api/v2/heartbeat
 *             ours q    chromaspec's query
 *             ref hb    the reference's heartbeat
 *             ref q     the reference's query
 *
 * Both servers hold the same --n records (the matrix's shapes, one client adding base64 batches
 * of 1000). Per cell: the client's p50 and its own CPU per request (process.cpuUsage), so what a
 * client itself adds shows apart from the server. --py-dir DIR also writes the queries and the
 * collections' names there for bench/client-floor.py (the Python client, same queries).
 *
 *   npx tsx server/bench/client-floor.ts --reference http://127.0.0.1:8311 [--n 20000]
 *        [--data subspace] [--space l2] [--rounds 10] [--per-round 50] [--py-dir DIR] [--keep]
 *
 * A timing run: take it under the bench lock (`flock /work/wt/bench.lock nice -n 0 ...`).
 */
import type { ChildProcess } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ChromaClient, type Collection } from "chromadb-v3";
import { scriptArgs } from "./args.js";
import { Client, waitUntilUp } from "./client.js";
import { addBody, inMemory, row } from "./data.js";
import { bareServer, freePort, startChromaspec, type Chromaspec } from "./servers.js";
import { generateShape, includeOf, metadataFor, type DataShape } from "./shapes.js";
import { log, sleep, stats } from "./timing.js";

interface Loaded {
  url: string;
  id: string;
  name: string;
  queryPath: string;
}

async function load(url: string, name: string, n: number, data: ReturnType<typeof generateShape>, space: string): Promise<Loaded> {
  const c = new Client(url);
  try {
    const coll = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name, configuration: { hnsw: { space } } });
    const records = inMemory(data, 1000);
    for (let b = 0; b < n / 1000; b++) await c.json("POST", c.collectionPath(coll.id, "add"), addBody(records.batch(b), b * 1000, metadataFor));
    return { url, id: coll.id, name, queryPath: c.collectionPath(coll.id, "query") };
  } finally {
    c.close();
  }
}

async function main() {
  const o = scriptArgs({ reference: "http://127.0.0.1:8311", n: 20_000, data: "subspace" as DataShape, space: "l2", rounds: 10, "per-round": 50, "py-dir": "", keep: false });
  const data = generateShape(o.data, 384, o.n, 1);
  const queries = generateShape(o.data, 384, 200, 1_000_003);
  const vectors = Array.from({ length: queries.n }, (_, i) => Array.from(row(queries, i)));
  const include = includeOf("distances");
  const bodies = vectors.map((v) => JSON.stringify({ query_embeddings: [v], n_results: 10, include }));

  const name = `floor-${process.pid}`;
  const ours: Chromaspec = await startChromaspec();
  const bare: ChildProcess[] = [];
  const closers: (() => Promise<void> | void)[] = [];
  try {
    log(`loading ${o.n} records into chromaspec and the reference`);
    const [a, b] = await Promise.all([load(ours.url, name, o.n, data, o.space), load(o.reference, name, o.n, data, o.space)]);
    const bench = new Client(ours.url);
    await bench.untilIndexed(a.id, 100);
    await sleep(1500); // past the graph's move to the main thread
    log("loaded");

    // What the floors answer: a real query answer's bytes and headers (ours).
    const sampleRes = await fetch(`${ours.url}${a.queryPath}`, { method: "POST", headers: { "content-type": "application/json" }, body: bodies[0] });
    const sampleBody = await sampleRes.text();
    const sampleHeaders: Record<string, string> = {};
    sampleRes.headers.forEach((v, k) => {
      if (!["date", "connection", "keep-alive", "content-length", "transfer-encoding"].includes(k)) sampleHeaders[k] = v;
    });
    const refRes = await fetch(`${o.reference}${b.queryPath}`, { method: "POST", headers: { "content-type": "application/json" }, body: bodies[0] });
    const refHeaders = [...refRes.headers].map(([k, v]) => `${k}: ${v}`).join("; ");
    const refBody = await refRes.text();
    log(`ours answers ${sampleBody.length} bytes (${[...sampleRes.headers].map(([k, v]) => `${k}: ${v}`).join("; ")})`);
    log(`reference answers ${refBody.length} bytes (${refHeaders})`);

    const floors: { name: string; url: string }[] = [];
    for (const kind of ["node:http", "fastify"] as const) {
      const p = await freePort();
      bare.push(bareServer(kind, p, sampleHeaders, sampleBody));
      await waitUntilUp(`http://127.0.0.1:${p}`, 30_000);
      floors.push({ name: kind, url: `http://127.0.0.1:${p}` });
    }

    if (o["py-dir"]) {
      await mkdir(o["py-dir"], { recursive: true });
      await writeFile(
        join(o["py-dir"], "floor.json"),
        JSON.stringify({ name, ours: ours.url, reference: o.reference, floors, queryPathOurs: a.queryPath, queryPathRef: b.queryPath, vectors }),
      );
    }

    /** One client kind: how it sends a query / a heartbeat to a base URL (query path per target). */
    interface ClientKind {
      name: string;
      query(url: string, path: string, i: number): Promise<unknown>;
      heartbeat(url: string): Promise<unknown>;
    }
    const benchClients = new Map<string, Client>();
    const benchOf = (url: string) => benchClients.get(url) ?? benchClients.set(url, new Client(url)).get(url)!;
    const chroma = new Map<string, Collection>();
    for (const url of [ours.url, o.reference]) {
      const u = new URL(url);
      const client = new ChromaClient({ host: u.hostname, port: Number(u.port), ssl: false });
      chroma.set(url, await client.getCollection({ name }));
    }
    closers.push(() => {
      for (const c of benchClients.values()) c.close();
    });
    const clientKinds: ClientKind[] = [
      {
        name: "bench",
        query: (url, path, i) => benchOf(url).json("POST", path, bodies[i % bodies.length]),
        heartbeat: (url) => benchOf(url).json("GET", "/api/v2/heartbeat"),
      },
      {
        name: "fetch",
        query: async (url, path, i) => (await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: bodies[i % bodies.length] })).json(),
        heartbeat: async (url) => (await fetch(`${url}/api/v2/heartbeat`)).json(),
      },
      {
        name: "chromadb",
        // The official client: its own body encoding, validation and answer decoding.
        query: (url, _path, i) => chroma.get(url)!.query({ queryEmbeddings: [vectors[i % vectors.length]], nResults: 10, include: ["distances"] }),
        heartbeat: (url) => fetch(`${url}/api/v2/heartbeat`).then((r) => r.json()),
      },
    ];
    type Cell = { client: ClientKind; target: string; send: (i: number) => Promise<unknown> };
    const cells: Cell[] = [];
    for (const client of clientKinds) {
      if (client.name !== "chromadb") for (const f of floors) cells.push({ client, target: f.name, send: (i) => client.query(f.url, a.queryPath, i) });
      if (client.name !== "chromadb") cells.push({ client, target: "ours hb", send: () => client.heartbeat(ours.url) });
      cells.push({ client, target: "ours q", send: (i) => client.query(ours.url, a.queryPath, i) });
      if (client.name !== "chromadb") cells.push({ client, target: "ref hb", send: () => client.heartbeat(o.reference) });
      cells.push({ client, target: "ref q", send: (i) => client.query(o.reference, b.queryPath, i) });
    }
    const ms = new Map<Cell, number[]>(cells.map((c) => [c, []]));
    const cpu = new Map<Cell, number>(cells.map((c) => [c, 0]));
    for (const c of cells) for (let i = 0; i < 50; i++) await c.send(i); // warm-up (JIT, connections)
    log(`${o.rounds} rounds of ${o["per-round"]} requests per cell, ${cells.length} cells`);
    for (let r = 0; r < o.rounds; r++) {
      for (const c of cells) {
        const u0 = process.cpuUsage();
        for (let i = 0; i < o["per-round"]; i++) {
          const t = performance.now();
          await c.send(r * o["per-round"] + i);
          ms.get(c)!.push(performance.now() - t);
        }
        const u = process.cpuUsage(u0);
        cpu.set(c, cpu.get(c)! + (u.user + u.system) / 1000);
      }
    }
    process.stdout.write(`\n${o.n} records, ${o.data} ${o.space}, k=10 include distances; ${o.rounds} x ${o["per-round"]} sequential requests per cell, interleaved\n`);
    process.stdout.write(`client: p50 ms (client CPU ms per request)\n`);
    const targets = [...new Set(cells.map((c) => c.target))];
    process.stdout.write(`${"client".padEnd(10)}${targets.map((t) => t.padStart(18)).join("")}\n`);
    for (const client of clientKinds) {
      let line = client.name.padEnd(10);
      for (const t of targets) {
        const c = cells.find((x) => x.client === client && x.target === t);
        line += c ? `${stats(ms.get(c)!).p50.toFixed(3)} (${(cpu.get(c)! / ms.get(c)!.length).toFixed(3)})`.padStart(18) : "-".padStart(18);
      }
      process.stdout.write(`${line}\n`);
    }
    if (o.keep) {
      log(`keeping the servers for the Python client; press Ctrl-C (or send SIGTERM to ${process.pid}) to stop`);
      await new Promise<void>((resolve) => {
        process.once("SIGTERM", resolve);
        process.once("SIGINT", resolve);
      });
    }
  } finally {
    for (const close of closers) await close();
    for (const p of bare) p.kill("SIGKILL");
    await fetch(`${o.reference}/api/v2/tenants/default_tenant/databases/default_database/collections/${name}`, { method: "DELETE" }).catch(() => undefined);
    await ours.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`client-floor failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
