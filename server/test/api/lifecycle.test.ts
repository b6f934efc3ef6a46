/**
 * The server as an operator sees it: data survives restarts, graceful shutdown and kill -9;
 * concurrent writers lose nothing; reset obeys ALLOW_RESET; upstream's env vars configure it.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, startServer, type RunningServer } from "../helpers/server.js";
import { callJson as call } from "../helpers/http.js";

const DB = "/api/v2/tenants/default_tenant/databases/default_database";
const running: RunningServer[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const server = await startServer(options);
  running.push(server);
  return server;
}

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "chromaspec-life-"));
  dirs.push(dir);
  return dir;
}

async function createCollection(base: string, name: string, metadata?: Record<string, unknown>): Promise<string> {
  const res = await call(base, "POST", `${DB}/collections`, { name, metadata });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

const vec = (i: number) => [Math.sin(i), Math.cos(i), i % 7, (i * 31) % 11];

describe("persistence", () => {
  it("keeps tenants, databases, collections and records across a restart", async () => {
    const dir = await dataDir();
    let server = await start({ dataDir: dir });
    await call(server.url, "POST", "/api/v2/tenants", { name: "acme" });
    await call(server.url, "POST", "/api/v2/tenants/acme/databases", { name: "prod" });
    const id = await createCollection(server.url, "kept", { "hnsw:space": "cosine", team: "search" });
    const ids = Array.from({ length: 50 }, (_, i) => `r${i}`);
    await call(server.url, "POST", `${DB}/collections/${id}/add`, {
      ids,
      embeddings: ids.map((_, i) => vec(i)),
      documents: ids.map((x) => `doc ${x}`),
      metadatas: ids.map((_, i) => ({ i, even: i % 2 === 0 })),
    });
    await call(server.url, "POST", `${DB}/collections/${id}/update`, { ids: ["r3"], metadatas: [{ i: null, note: "updated" }] });
    const before = await call(server.url, "POST", `${DB}/collections/${id}/get`, { include: ["embeddings", "documents", "metadatas"] });
    await server.stop();
    running.splice(running.indexOf(server), 1);

    server = await start({ dataDir: dir });
    expect((await call(server.url, "GET", "/api/v2/tenants/acme/databases/prod")).status).toBe(200);
    const collection = await call(server.url, "GET", `${DB}/collections/kept`);
    expect(collection.body).toMatchObject({ id, dimension: 4, metadata: { "hnsw:space": "cosine", team: "search" } });
    expect(collection.body.configuration_json.hnsw.space).toBe("cosine");
    const after = await call(server.url, "POST", `${DB}/collections/${id}/get`, { include: ["embeddings", "documents", "metadatas"] });
    expect(after.body).toEqual(before.body);
    expect(after.body.metadatas[3]).toEqual({ even: false, note: "updated" });
    // The dimension fixed before the restart still applies.
    expect((await call(server.url, "POST", `${DB}/collections/${id}/add`, { ids: ["bad"], embeddings: [[1, 2]] })).status).toBe(400);
  });

  it("keeps a float with an integral value a float (2.0), in records and collections, across updates and a restart", async () => {
    const dir = await dataDir();
    let server = await start({ dataDir: dir });
    // Sent as text: JSON.stringify would write 2.0 as 2.
    const raw = async (method: string, path: string, text?: string) => {
      const res = await fetch(server.url + path, { method, headers: { "content-type": "application/json" }, body: text });
      expect(res.status, path).toBeLessThan(300);
      return res.text();
    };
    const created = JSON.parse(await raw("POST", `${DB}/collections`, '{"name": "floats", "metadata": {"w": 1.0, "k": 1}}'));
    const v1 = `/api/v1/collections/${created.id}`;
    const v2 = `${DB}/collections/${created.id}`;
    await raw("POST", `${v1}/add`, '{"ids": ["a", "b"], "embeddings": [[1, 0], [0, 1]], "metadatas": [{"x": 2.0, "n": 2, "l": [1.0, 2.0], "m": [1, 2], "h": [1, 2.5]}, {"x": 3}]}');
    await raw("POST", `${v2}/update`, '{"ids": ["b"], "metadatas": [{"y": 4.00, "x": null}]}');
    await raw("POST", `${v2}/upsert`, '{"ids": ["c"], "embeddings": [[1, 1]], "metadatas": [{"z": 1e2}]}');
    const expected = ['{"h":[1.0,2.5],"l":[1.0,2.0],"m":[1,2],"n":2,"x":2.0}', '{"y":4.0}', '{"z":100.0}'];
    const check = async () => {
      for (const path of [`${v1}/get`, `${v2}/get`]) {
        expect(await raw("POST", path, '{"ids": ["a", "b", "c"], "include": ["metadatas"]}')).toContain(`"metadatas":[${expected.join(",")}]`);
      }
      const query = await raw("POST", `${v2}/query`, '{"query_embeddings": [[1, 0]], "n_results": 1, "include": ["metadatas", "distances"]}');
      expect(query).toContain(`"metadatas":[[${expected[0]}]]`);
      expect(query).toContain('"distances":[[0.0]]');
      const collection = await raw("GET", `${DB}/collections/floats`);
      expect(collection).toContain('"metadata":{"w":1.0,"k":1}');
      // The schema learns each key's types as written: x both (2.0 and 3), y, z, l, h float, n and m int.
      const keys = JSON.parse(collection).schema.keys;
      const types = (k: string) => Object.keys(keys[k]).sort();
      expect(["x", "y", "z", "l", "h", "n", "m"].map(types)).toEqual([["float", "int"], ["float"], ["float"], ["float"], ["float"], ["int"], ["int"]]);
      // Filters compare by value: 2 and 2.0 are equal.
      expect(JSON.parse(await raw("POST", `${v2}/get`, '{"where": {"x": {"$eq": 2}}, "include": []}')).ids).toEqual(["a"]);
      expect(JSON.parse(await raw("POST", `${v2}/get`, '{"where": {"n": {"$eq": 2.0}}, "include": []}')).ids).toEqual(["a"]);
    };
    await check();
    await server.stop();
    running.splice(running.indexOf(server), 1);
    server = await start({ dataDir: dir });
    await check();
  });

  it("loses no acknowledged add when killed with SIGKILL in the middle of a stream", async () => {
    const dir = await dataDir();
    const server = await start({ dataDir: dir });
    const id = await createCollection(server.url, "stream");
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let n = 0; !stop; n++) {
        const batch = Array.from({ length: 5 }, (_, k) => `w${w}-${n}-${k}`);
        try {
          const res = await call(server.url, "POST", `${DB}/collections/${id}/add`, {
            ids: batch,
            embeddings: batch.map((_, k) => vec(n * 5 + k)),
            metadatas: batch.map(() => ({ w })),
          });
          if (res.status === 201) acknowledged.push(...batch);
        } catch {
          return; // connection cut by the kill: this batch was never acknowledged
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 200) await new Promise((r) => setTimeout(r, 20));
    await server.kill();
    stop = true;
    await Promise.all(writers);
    running.splice(running.indexOf(server), 1);

    const restarted = await start({ dataDir: dir });
    const got = await call(restarted.url, "POST", `${DB}/collections/${id}/get`, { ids: acknowledged, include: [] });
    expect(new Set(got.body.ids)).toEqual(new Set(acknowledged));
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);
  });

  it("finishes an in-flight write on SIGTERM, then exits 0", { timeout: 30_000 }, async () => {
    const dir = await dataDir();
    const server = await start({ dataDir: dir });
    const id = await createCollection(server.url, "graceful");
    const ids = Array.from({ length: 500 }, (_, k) => `g-${k}`);
    const body = JSON.stringify({ ids, embeddings: ids.map((_, k) => vec(k)) });
    // A request whose headers and all but the last byte of its body are in before the signal:
    // it is in flight when shutdown starts, and must still be applied and answered.
    const socket = connect(server.port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    let answer = "";
    socket.on("data", (chunk) => (answer += String(chunk)));
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socket.write(
      `POST ${DB}/collections/${id}/add HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, -1)}`,
    );
    await new Promise((r) => setTimeout(r, 200));
    const stopped = server.stop();
    await new Promise((r) => setTimeout(r, 100));
    socket.write(body.slice(-1));
    await closed;
    await stopped;
    expect(answer).toMatch(/^HTTP\/1\.1 201/);
    expect(server.proc.exitCode).toBe(0);
    running.splice(running.indexOf(server), 1);

    const restarted = await start({ dataDir: dir });
    expect((await call(restarted.url, "GET", `${DB}/collections/${id}/count`)).body).toBe(ids.length);
  });
});

describe("concurrency", () => {
  it("keeps every record when many clients write to one collection at once", async () => {
    const server = await start();
    const id = await createCollection(server.url, "crowd");
    const clients = 24;
    const results = await Promise.all(
      Array.from({ length: clients }, (_, c) => {
        const batch = Array.from({ length: 25 }, (_, k) => `c${c}-${k}`);
        // Half add, half upsert, some batches overlapping on a shared id.
        const op = c % 2 === 0 ? "add" : "upsert";
        return call(server.url, "POST", `${DB}/collections/${id}/${op}`, {
          ids: [...batch, "shared"],
          embeddings: [...batch.map((_, k) => vec(c * 25 + k)), vec(c)],
          metadatas: [...batch.map(() => ({ c })), { [`from${c}`]: true }],
        });
      }),
    );
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect((await call(server.url, "GET", `${DB}/collections/${id}/count`)).body).toBe(clients * 25 + 1);
    // Every upsert merged its key into "shared": no read-modify-write was lost.
    const shared = await call(server.url, "POST", `${DB}/collections/${id}/get`, { ids: ["shared"], include: ["metadatas"] });
    const keys = Object.keys(shared.body.metadatas[0]);
    const upserters = Array.from({ length: clients }, (_, c) => c).filter((c) => c % 2 === 1);
    for (const c of upserters) expect(keys).toContain(`from${c}`);
  });

  it("accepts a full max_batch_size batch in one request", async () => {
    const server = await start();
    const id = await createCollection(server.url, "big-batch");
    const { max_batch_size: max } = (await call(server.url, "GET", "/api/v2/pre-flight-checks")).body;
    const ids = Array.from({ length: max }, (_, i) => `id-${i}`);
    const res = await call(server.url, "POST", `${DB}/collections/${id}/add`, {
      ids,
      embeddings: ids.map((_, i) => Array.from({ length: 128 }, (_, d) => Math.sin(i + d))),
    });
    expect(res.status).toBe(201);
    expect((await call(server.url, "GET", `${DB}/collections/${id}/count`)).body).toBe(max);
    const over = await call(server.url, "POST", `${DB}/collections/${id}/add`, {
      ids: [...ids, "one-more"],
      embeddings: [...ids, "x"].map(() => [0]),
    });
    expect(over.status).toBe(413);
    expect(over.body.error).toBe("BatchSizeExceededError");
  });
});

describe("configuration", () => {
  it("refuses reset without ALLOW_RESET with upstream's 403, and resets with it", async () => {
    const locked = await start();
    const denied = await call(locked.url, "POST", "/api/v2/reset");
    expect(denied).toEqual({ status: 403, body: { error: "ChromaError", message: "Reset is disabled by config" } });

    const open = await start({ allowReset: true });
    await createCollection(open.url, "doomed");
    expect(await call(open.url, "POST", "/api/v2/reset")).toEqual({ status: 200, body: true });
    expect((await call(open.url, "GET", `${DB}/collections_count`)).body).toBe(0);
    // The defaults come back after a reset.
    expect((await call(open.url, "GET", "/api/v2/tenants/default_tenant/databases/default_database")).status).toBe(200);
  });

  it("honours CHROMA_HOST, CHROMA_PORT and PERSIST_DIRECTORY like upstream", async () => {
    const dir = await dataDir();
    const port = await freePort();
    const cli = new URL("../../dist/cli.js", import.meta.url).pathname;
    const proc = spawn(process.execPath, [cli, "run"], {
      env: { ...process.env, CHROMA_HOST: "127.0.0.1", CHROMA_PORT: String(port), PERSIST_DIRECTORY: dir, LOG_LEVEL: "warn" },
      stdio: "ignore",
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      let ok = false;
      for (let i = 0; i < 200 && !ok; i++) {
        ok = await fetch(`${url}/api/v2/heartbeat`).then((r) => r.ok, () => false);
        if (!ok) await new Promise((r) => setTimeout(r, 50));
      }
      expect(ok).toBe(true);
      await createCollection(url, "env-configured");
    } finally {
      proc.kill("SIGTERM");
      await new Promise((r) => proc.once("exit", r));
    }
    // The data went to PERSIST_DIRECTORY: a server on that directory sees the collection.
    const again = await start({ dataDir: dir });
    expect((await call(again.url, "GET", `${DB}/collections/env-configured`)).status).toBe(200);
  });
});
