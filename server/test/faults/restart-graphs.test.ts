/**
 * Saved graphs through the real server: a graceful restart loads the graph it saved (logged)
 * and answers exactly as before; records added, replaced and deleted after the save and then
 * lost to kill -9 are replayed, and answers equal brute force; a damaged or missing saved graph
 * is rebuilt (logged) and answers stay right. Locally the graph is a file of its own
 * (`saved-graphs/<id>.hnsw`): damaged, truncated, removed, or older than the vectors file beside
 * it, under the real server. Replicas share the saved graphs (issue 15 item 3): a
 * replica that starts while another serves and writes the same path — a local directory or s3://
 * — loads the graph that one saved and replays only the changes made after the save.
 */
import { readdir, rm, stat, truncate, writeFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { callJson as call } from "../helpers/http.js";
import { startS3, type S3Emulator } from "../helpers/s3.js";
import { logLines, startServer, type RunningServer } from "../helpers/server.js";
import { referenceDistance, rng } from "../storage/helpers.js";

const DB = "/api/v2/tenants/default_tenant/databases/default_database";
const DIM = 16;
/** Above the server's graph threshold (2,048 records). */
const N = 3000;
const K = 5;

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.dispose();
});

async function start(dataDir?: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const s = await startServer({ dataDir, env, args: ["--log-level", "info"] });
  servers.push(s);
  return s;
}

/** Polling for what the server does in the background: every 100 ms, for up to 2 minutes. */
const POLL = { timeout: 120_000, interval: 100 };

const logged = (s: RunningServer, msg: string) => logLines(s).find((l) => l.msg === msg);

type Model = Map<string, number[]>;

function bruteForce(model: Model, q: number[], k: number): string[] {
  const qv = Float32Array.from(q);
  return [...model.entries()]
    .map(([id, v]) => ({ id, d: referenceDistance("l2", qv, Float32Array.from(v)) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, k)
    .map((x) => x.id);
}

async function query(s: RunningServer, id: string, queries: number[][]): Promise<{ ids: string[][]; distances: number[][] }> {
  const r = await call(s.url, "POST", `${DB}/collections/${id}/query`, { query_embeddings: queries, n_results: K, include: ["distances"] });
  expect(r.status).toBe(200);
  return r.body;
}

/** Waits until the collection is loaded and its graph is on the main thread again. */
async function ready(s: RunningServer): Promise<void> {
  await vi.waitUntil(() => logged(s, "the collection's graph is ready") !== undefined, POLL);
}

describe("saved graphs across restarts of the real server", () => {
  const random = rng(1234);
  const vec = () => Array.from({ length: DIM }, () => random() * 2 - 1);
  const model: Model = new Map();
  const queries = Array.from({ length: 20 }, vec);
  let dataDir = "";
  let id = "";
  let server: RunningServer;

  it("a graceful restart loads the saved graph and answers as before", { timeout: 240_000 }, async () => {
    server = await start();
    dataDir = server.dataDir;
    const created = await call(server.url, "POST", `${DB}/collections`, { name: "saved-graphs" });
    id = created.body.id;
    for (let b = 0; b < N / 1000; b++) {
      const ids = Array.from({ length: 1000 }, (_, i) => `r${b * 1000 + i}`);
      const embeddings = ids.map(() => vec());
      ids.forEach((x, i) => model.set(x, embeddings[i]));
      expect((await call(server.url, "POST", `${DB}/collections/${id}/add`, { ids, embeddings })).status).toBe(201);
    }
    await vi.waitUntil(async () => (await call(server.url, "GET", `${DB}/collections/${id}/indexing_status`)).body.num_unindexed_ops === 0, POLL);
    const before = await query(server, id, queries);
    await server.stop();
    expect(logged(server, "saved the collection's graph")).toBeDefined();

    server = await start(dataDir);
    await ready(server);
    // Start-up says which collections load (before any request names them).
    expect(logged(server, "collection queued to load into memory")).toMatchObject({ collection: id, collectionName: "saved-graphs" });
    expect(logged(server, "loading collections into memory in the background")).toMatchObject({ collections: 1 });
    expect(logged(server, "loading the collection's saved graph")).toMatchObject({ collection: id, kept: N, upserts: 0, deletes: 0 });
    expect(logged(server, "collection loaded into memory")).toMatchObject({ collection: id, records: N, graph: "restored", vectors: { fromFile: N, fromLance: 0 } });
    expect(logged(server, "building the collection's graph")).toBeUndefined();
    expect(await query(server, id, queries)).toEqual(before);
  });

  it("changes after the save, lost to kill -9, are replayed: answers equal brute force", { timeout: 240_000 }, async () => {
    const added = Array.from({ length: 100 }, (_, i) => `new${i}`);
    const replaced = Array.from({ length: 100 }, (_, i) => `r${i}`);
    const deleted = Array.from({ length: 100 }, (_, i) => `r${1000 + i}`);
    const addedVectors = added.map(() => vec());
    const replacedVectors = replaced.map(() => vec());
    expect((await call(server.url, "POST", `${DB}/collections/${id}/add`, { ids: added, embeddings: addedVectors })).status).toBe(201);
    expect((await call(server.url, "POST", `${DB}/collections/${id}/upsert`, { ids: replaced, embeddings: replacedVectors })).status).toBe(200);
    expect((await call(server.url, "POST", `${DB}/collections/${id}/delete`, { ids: deleted })).status).toBe(200);
    added.forEach((x, i) => model.set(x, addedVectors[i]));
    replaced.forEach((x, i) => model.set(x, replacedVectors[i]));
    deleted.forEach((x) => model.delete(x));
    // 300 changes: below the 1,000 that trigger a save, and kill -9 saves nothing.
    await server.kill();

    server = await start(dataDir);
    await ready(server);
    expect(logged(server, "loading the collection's saved graph")).toMatchObject({ kept: N - 200, upserts: 200, deletes: 100 });
    const got = await query(server, id, queries);
    queries.forEach((q, i) => expect(got.ids[i]).toEqual(bruteForce(model, q, K)));
    // Each replaced record is found by its new vector, deleted ones are gone.
    const self = await query(server, id, replacedVectors.slice(0, 20));
    self.ids.forEach((ids, i) => expect(ids[0]).toBe(replaced[i]));
    const count = await call(server.url, "GET", `${DB}/collections/${id}/count`);
    expect(count.body).toBe(model.size);
    await server.stop();
  });

  /** The saved graph's file (a local data directory: memory/graph-file.ts). */
  const graphFile = () => join(dataDir, "saved-graphs", `${id}.hnsw`);

  /**
   * `graph`: what the load made of the file: "rebuilding" when the file itself is refused, "restored"
   * when its slot map passed and the addon refused its links (then the worker rebuilds).
   */
  async function expectRebuilt(why: RegExp, graph: "rebuilding" | "restored", damage: () => Promise<void>): Promise<void> {
    await damage();
    server = await start(dataDir);
    await ready(server);
    const warnings = logLines(server).filter((l) => l.level >= 40).map((l) => `${l.msg}: ${String(l.reason)}`);
    expect(warnings.some((w) => why.test(w)), warnings.join("\n")).toBe(true);
    // The vectors still come from their own file.
    expect(logged(server, "collection loaded into memory")).toMatchObject({ graph, vectors: { fromFile: model.size, fromLance: 0 } });
    const got = await query(server, id, queries);
    queries.forEach((q, i) => expect(got.ids[i]).toEqual(bruteForce(model, q, K)));
    // The graceful stop saves a good graph again.
    await server.stop();
    expect(logged(server, "saved the collection's graph")).toBeDefined();
    await stat(graphFile());
  }

  it("the graph is saved in its own file locally, not in LanceDB", async () => {
    expect((await stat(graphFile())).size).toBeGreaterThan(N * 17);
    expect(await readdir(dataDir)).not.toContain(`${id}-hnsw.lance`);
  });

  it("a graph file with flipped bytes in its slot map is rebuilt, logged; answers stay right", { timeout: 240_000 }, async () => {
    await expectRebuilt(/building the collection's graph: damaged graph snapshot: checksum mismatch/, "rebuilding", async () => {
      const bytes = await readFile(graphFile());
      bytes[100] ^= 1;
      await writeFile(graphFile(), bytes);
    });
  });

  it("a graph file with flipped bytes in its links is rebuilt, logged; answers stay right", { timeout: 240_000 }, async () => {
    // The addon's own checksum catches it, in the worker, before hnswlib follows a link.
    await expectRebuilt(/the saved graph could not be loaded: building the collection's graph: damaged graph file: checksum mismatch/, "restored", async () => {
      const bytes = await readFile(graphFile());
      for (let at = bytes.length - 10_000; at < bytes.length; at += 997) bytes[at] ^= 0x5a;
      await writeFile(graphFile(), bytes);
    });
  });

  it("a truncated graph file is rebuilt, logged; answers stay right", { timeout: 240_000 }, async () => {
    await expectRebuilt(/building the collection's graph: damaged graph snapshot: truncated or padded/, "rebuilding", async () => {
      await truncate(graphFile(), (await stat(graphFile())).size - 4096);
    });
  });

  it("a missing graph file is rebuilt, logged; answers stay right", { timeout: 240_000 }, async () => {
    await expectRebuilt(/building the collection's graph: no saved graph/, "rebuilding", async () => {
      await rm(graphFile());
    });
  });

  it("a graph file older than the vectors file beside it (a crash between the two saves): replayed, answers equal brute force", { timeout: 240_000 }, async () => {
    const old = await readFile(graphFile());
    server = await start(dataDir);
    await ready(server);
    const replaced = Array.from({ length: 50 }, (_, i) => `r${2000 + i}`);
    const vectors = replaced.map(() => vec());
    expect((await call(server.url, "POST", `${DB}/collections/${id}/upsert`, { ids: replaced, embeddings: vectors })).status).toBe(200);
    replaced.forEach((x, i) => model.set(x, vectors[i]));
    const deleted = Array.from({ length: 50 }, (_, i) => `r${2100 + i}`);
    expect((await call(server.url, "POST", `${DB}/collections/${id}/delete`, { ids: deleted })).status).toBe(200);
    deleted.forEach((x) => model.delete(x));
    await server.stop();
    // The graph as before those writes, the vectors as after them.
    await writeFile(graphFile(), old);
    server = await start(dataDir);
    await ready(server);
    expect(logged(server, "loading the collection's saved graph")).toMatchObject({ upserts: 50, deletes: 50 });
    const got = await query(server, id, queries);
    queries.forEach((q, i) => expect(got.ids[i]).toEqual(bruteForce(model, q, K)));
    const self = await query(server, id, vectors.slice(0, 20));
    self.ids.forEach((ids, i) => expect(ids[0]).toBe(replaced[i]));
    await server.stop();
  });
});

describe.each(["local", "s3"] as const)("a replica starting beside a running one on %s", (where) => {
  let s3: S3Emulator | undefined;
  afterAll(async () => {
    await s3?.close();
  });

  it("loads the graph the other saved and replays only the changes made since; answers equal brute force", { timeout: 240_000 }, async () => {
    const random = rng(where === "local" ? 77 : 78);
    const vec = () => Array.from({ length: DIM }, () => random() * 2 - 1);
    const model: Model = new Map();
    let env: Record<string, string> = {};
    let dataDir: string | undefined;
    if (where === "s3") {
      s3 = await startS3();
      env = s3.env;
      dataDir = `s3://${s3.bucket}/shared-graphs-${Date.now()}`;
    }
    const a = await start(dataDir, env);
    const id = (await call(a.url, "POST", `${DB}/collections`, { name: "shared-graph" })).body.id as string;
    const write = async (op: "add" | "upsert", ids: string[]) => {
      const embeddings = ids.map(() => vec());
      ids.forEach((x, i) => model.set(x, embeddings[i]));
      expect((await call(a.url, "POST", `${DB}/collections/${id}/${op}`, { ids, embeddings })).status).toBe(op === "add" ? 201 : 200);
    };
    for (let b = 0; b < N / 1000; b++) await write("add", Array.from({ length: 1000 }, (_, i) => `r${b * 1000 + i}`));
    // The graph moves to the main thread once indexed, then is saved when the server is quiet:
    // no request meanwhile, only its log is watched.
    await vi.waitUntil(() => logged(a, "saved the collection's graph") !== undefined, POLL);

    // 300 changes after the save: below the 1,000 that trigger the next one.
    await write("add", Array.from({ length: 100 }, (_, i) => `new${i}`));
    await write("upsert", Array.from({ length: 100 }, (_, i) => `r${i}`));
    const deleted = Array.from({ length: 100 }, (_, i) => `r${1000 + i}`);
    expect((await call(a.url, "POST", `${DB}/collections/${id}/delete`, { ids: deleted })).status).toBe(200);
    deleted.forEach((x) => model.delete(x));

    const b = await start(a.dataDir, env);
    await ready(b);
    expect(logged(b, "loading the collection's saved graph")).toMatchObject({ collection: id, kept: N - 200, upserts: 200, deletes: 100 });
    expect(logged(b, "collection loaded into memory")).toMatchObject({ collection: id, records: model.size, graph: "restored" });
    // The vectors: locally from the file saved with the graph (those written since from LanceDB);
    // on the object store all from LanceDB (no file is kept there).
    const { vectors } = logged(b, "collection loaded into memory") as { vectors?: { fromFile: number; fromLance: number } };
    if (where === "local") expect(vectors).toEqual({ fromFile: N - 200, fromLance: 200 });
    else expect(vectors).toBeUndefined();
    expect(logged(b, "building the collection's graph")).toBeUndefined();
    const queries = Array.from({ length: 20 }, vec);
    const got = await query(b, id, queries);
    queries.forEach((q, i) => expect(got.ids[i]).toEqual(bruteForce(model, q, K)));
    expect((await call(b.url, "GET", `${DB}/collections/${id}/count`)).body).toBe(model.size);
    // The one that saved still answers the same (it was never restarted).
    expect((await query(a, id, queries)).ids).toEqual(got.ids);
  });
});
