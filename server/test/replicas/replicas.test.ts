/**
 * Replicas (issue 15, docs/scaling.md): three chromaspec processes serving one path — a local
 * directory, and s3:// on the emulator behind the conditional-PUT proxy (test/helpers/s3.ts) —
 * are one database. What one replica acknowledged, the others read: collections created,
 * renamed, modified and deleted; records added, upserted, updated and deleted. With
 * `--read-consistency-interval 0` a read checks LanceDB's latest version first, so it sees every
 * write acknowledged before it started (asserted exactly); with the default (1 s) a write shows
 * up everywhere within the interval (polled, bounded generously: not a timing assertion).
 * Concurrent writers through different replicas keep upstream's per-request semantics: add
 * keeps the first record of an id, upserts of different ids all land, get_or_create yields one
 * collection, racing first adds fix one dimension.
 */
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callJson as call } from "../helpers/http.js";
import { startS3, type S3Emulator } from "../helpers/s3.js";
import { startServer, type RunningServer } from "../helpers/server.js";

const DB = "/api/v2/tenants/default_tenant/databases/default_database";
let s3: S3Emulator;
const running: RunningServer[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  s3 = await startS3();
});

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  await s3?.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function replicas(where: "local" | "s3", n: number, interval: string): Promise<RunningServer[]> {
  const args = ["--read-consistency-interval", interval];
  const first = await startServer(where === "s3" ? { dataDir: `s3://${s3.bucket}/r-${interval}-${Date.now()}`, env: s3.env, args } : { args });
  if (where === "local") dirs.push(first.dataDir);
  running.push(first);
  const rest = await Promise.all(
    Array.from({ length: n - 1 }, () => startServer({ dataDir: first.dataDir, env: where === "s3" ? s3.env : {}, args })),
  );
  running.push(...rest);
  return [first, ...rest];
}

describe.each(["local", "s3"] as const)("3 replicas on %s", (where) => {
  let r: RunningServer[] = [];
  beforeAll(async () => {
    r = await replicas(where, 3, "0");
  });

  it("collections created, renamed, modified and deleted through one replica are what every other one reads", async () => {
    const [a, b, c] = r;
    const created = await call(a!.url, "POST", `${DB}/collections`, { name: "shared-cat", metadata: { v: 1 } });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    for (const s of [b!, c!]) {
      const got = await call(s.url, "GET", `${DB}/collections/shared-cat`);
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({ id, name: "shared-cat", metadata: { v: 1 } });
    }
    // Rename through b: the old name is gone everywhere, the new one is there.
    expect((await call(b!.url, "PUT", `${DB}/collections/${id}`, { new_name: "shared-cat-2" })).status).toBe(200);
    for (const s of [a!, c!]) {
      expect((await call(s.url, "GET", `${DB}/collections/shared-cat`)).status).toBe(404);
      expect((await call(s.url, "GET", `${DB}/collections/shared-cat-2`)).body.id).toBe(id);
    }
    // Modify through c.
    expect((await call(c!.url, "PUT", `${DB}/collections/${id}`, { new_metadata: { v: 2 } })).status).toBe(200);
    expect((await call(a!.url, "GET", `${DB}/collections/shared-cat-2`)).body.metadata).toEqual({ v: 2 });
    // Create through b, then it is listed and counted on a.
    await call(b!.url, "POST", `${DB}/collections`, { name: "shared-cat-3" });
    const names = (await call(a!.url, "GET", `${DB}/collections`)).body.map((x: { name: string }) => x.name);
    expect(names).toEqual(expect.arrayContaining(["shared-cat-2", "shared-cat-3"]));
    // Delete through a: 404 on b and c, and the id cannot be written through any of them.
    expect((await call(a!.url, "DELETE", `${DB}/collections/shared-cat-2`)).status).toBe(200);
    for (const s of [b!, c!]) {
      expect((await call(s.url, "GET", `${DB}/collections/shared-cat-2`)).status).toBe(404);
      const write = await call(s.url, "POST", `${DB}/collections/${id}/add`, { ids: ["x"], embeddings: [[1, 2]] });
      expect(write.status).toBe(404);
    }
  });

  it("records written through any replica are read by every other one", async () => {
    const [a, b, c] = r;
    const id = (await call(a!.url, "POST", `${DB}/collections`, { name: "shared-rec" })).body.id as string;
    const path = (op: string) => `${DB}/collections/${id}/${op}`;
    expect((await call(b!.url, "POST", path("add"), { ids: ["a", "b", "c"], embeddings: [[1, 0], [0, 1], [1, 1]], documents: ["A", "B", "C"] })).status).toBe(201);
    for (const s of r) expect((await call(s.url, "GET", path("count"))).body).toBe(3);
    // Upsert through c, update through a: each replica reads the latest of each record.
    expect((await call(c!.url, "POST", path("upsert"), { ids: ["a", "d"], embeddings: [[2, 0], [0, 2]], documents: ["A2", "D"] })).status).toBe(200);
    expect((await call(a!.url, "POST", path("update"), { ids: ["b"], documents: ["B2"], metadatas: [{ k: 1 }] })).status).toBe(200);
    for (const s of r) {
      const got = await call(s.url, "POST", path("get"), { include: ["documents", "metadatas", "embeddings"] });
      const byId = Object.fromEntries(got.body.ids.map((x: string, i: number) => [x, { doc: got.body.documents[i], meta: got.body.metadatas[i], emb: got.body.embeddings[i] }]));
      expect(Object.keys(byId).sort()).toEqual(["a", "b", "c", "d"]);
      expect(byId.a).toEqual({ doc: "A2", meta: null, emb: [2, 0] });
      expect(byId.b).toEqual({ doc: "B2", meta: { k: 1 }, emb: [0, 1] });
      expect(byId.d.doc).toBe("D");
      // The in-memory index of each replica has caught up too: nearest neighbours agree.
      const q = await call(s.url, "POST", path("query"), { query_embeddings: [[0, 2.1]], n_results: 2, include: ["distances"] });
      expect(q.body.ids).toEqual([["d", "b"]]);
    }
    // Delete through b.
    expect((await call(b!.url, "POST", path("delete"), { ids: ["c", "d"] })).status).toBe(200);
    for (const s of r) {
      expect((await call(s.url, "POST", path("get"), {})).body.ids.sort()).toEqual(["a", "b"]);
      expect((await call(s.url, "POST", path("query"), { query_embeddings: [[0, 2.1]], n_results: 5, include: [] })).body.ids).toEqual([["b", "a"]]);
    }
  });

  it("concurrent writers through different replicas: add keeps the first of an id, every upsert lands, one get_or_create wins", async () => {
    const id = (await call(r[0]!.url, "POST", `${DB}/collections`, { name: "shared-race" })).body.id as string;
    const path = `${DB}/collections/${id}`;
    // 3 replicas x 6 requests, all at once: each adds the same 5 ids (with its own documents) and upserts 5 ids of its own.
    const requests = r.flatMap((s, ri) =>
      Array.from({ length: 6 }, (_, n) => [
        call(s.url, "POST", `${path}/add`, { ids: ["s0", "s1", "s2", "s3", "s4"], embeddings: Array(5).fill([ri, n]), documents: Array(5).fill(`${ri}-${n}`) }),
        call(s.url, "POST", `${path}/upsert`, {
          ids: [0, 1, 2, 3, 4].map((k) => `own-${ri}-${n}-${k}`),
          embeddings: Array(5).fill([ri, n]),
          documents: Array(5).fill(`${ri}-${n}`),
        }),
      ]).flat(),
    );
    const answers = await Promise.all(requests);
    for (const x of answers) expect([200, 201], `${where}: ${x.status} ${JSON.stringify(x.body)}`).toContain(x.status);
    const got = await call(r[1]!.url, "POST", `${path}/get`, { include: ["documents"] });
    expect(got.body.ids).toHaveLength(5 + 3 * 6 * 5);
    expect(new Set(got.body.ids).size).toBe(got.body.ids.length);
    // The shared ids all keep the documents of one and the same add (the first to commit).
    const shared = got.body.ids.map((x: string, i: number) => [x, got.body.documents[i]]).filter(([x]: [string]) => x.startsWith("s"));
    expect(new Set(shared.map(([, d]: [string, string]) => d)).size).toBe(1);
    // get_or_create of one name through every replica at once: one collection.
    const made = await Promise.all(r.map((s) => call(s.url, "POST", `${DB}/collections`, { name: "shared-goc", get_or_create: true })));
    expect(new Set(made.map((m) => m.body.id)).size).toBe(1);
    // First adds racing with different dimensions: one dimension wins, the others are refused (400).
    const fresh = (await call(r[2]!.url, "POST", `${DB}/collections`, { name: "shared-dim" })).body.id as string;
    const dims = await Promise.all(r.map((s, i) => call(s.url, "POST", `${DB}/collections/${fresh}/add`, { ids: [`d${i}`], embeddings: [Array(2 + i).fill(1)] })));
    expect(dims.filter((d) => d.status === 201)).toHaveLength(1);
    for (const d of dims.filter((x) => x.status !== 201)) expect(d.status).toBe(400);
    for (const s of r) expect((await call(s.url, "GET", `${DB}/collections/${fresh}/count`)).body).toBe(1);
  });

  it("a fork made through one replica is read, queried and counted through every other one, and holds every write acknowledged before it", async () => {
    const [a, b, c] = r;
    const src = (await call(a!.url, "POST", `${DB}/collections`, { name: "shared-fork-src", metadata: { team: "x" } })).body.id as string;
    const ids = Array.from({ length: 10 }, (_, i) => `r${i}`);
    expect((await call(b!.url, "POST", `${DB}/collections/${src}/add`, { ids, embeddings: ids.map((_, i) => [i, 1]), documents: ids })).status).toBe(201);
    // Through c, which never wrote the source: the fork holds b's acknowledged add.
    const forked = await call(c!.url, "POST", `${DB}/collections/${src}/fork`, { new_name: "shared-fork" });
    expect(forked.status).toBe(200);
    const fork = forked.body.id as string;
    expect(forked.body).toMatchObject({ name: "shared-fork", metadata: { team: "x" }, dimension: 2 });
    const q = { query_embeddings: [[4.2, 1]], n_results: 3, include: ["distances", "documents"] };
    const want = (await call(a!.url, "POST", `${DB}/collections/${src}/query`, q)).body;
    for (const s of r) {
      expect((await call(s.url, "GET", `${DB}/collections/shared-fork`)).body.id).toBe(fork);
      expect((await call(s.url, "GET", `${DB}/collections/${fork}/count`)).body).toBe(10);
      expect((await call(s.url, "POST", `${DB}/collections/${fork}/get`, {})).body.ids.sort()).toEqual([...ids].sort());
      expect((await call(s.url, "POST", `${DB}/collections/${fork}/query`, q)).body).toEqual(want);
      for (const id of [src, fork]) expect((await call(s.url, "GET", `${DB}/collections/${id}/fork_count`)).body).toEqual({ count: 1 });
    }
    // Independent afterwards, whichever replica writes and reads.
    expect((await call(a!.url, "POST", `${DB}/collections/${fork}/delete`, { ids: ["r0"] })).status).toBe(200);
    expect((await call(b!.url, "POST", `${DB}/collections/${src}/add`, { ids: ["only-src"], embeddings: [[0, 0]] })).status).toBe(201);
    for (const s of r) {
      expect((await call(s.url, "GET", `${DB}/collections/${fork}/count`)).body).toBe(9);
      expect((await call(s.url, "GET", `${DB}/collections/${src}/count`)).body).toBe(11);
    }
    // A fork of the fork through b; the source deleted through a: the forks keep reading its files.
    const second = (await call(b!.url, "POST", `${DB}/collections/${fork}/fork`, { new_name: "shared-fork-2" })).body.id as string;
    expect((await call(a!.url, "DELETE", `${DB}/collections/shared-fork-src`)).status).toBe(200);
    for (const s of r) {
      for (const id of [fork, second]) {
        expect((await call(s.url, "GET", `${DB}/collections/${id}/fork_count`)).body).toEqual({ count: 2 });
        expect((await call(s.url, "GET", `${DB}/collections/${id}/count`)).body).toBe(9);
        expect((await call(s.url, "POST", `${DB}/collections/${id}/query`, { query_embeddings: [[9, 1]], n_results: 1, include: [] })).body.ids).toEqual([["r9"]]);
      }
      expect((await call(s.url, "GET", `${DB}/collections/${src}/fork_count`)).status).toBe(404);
    }
  });

  it("forks through one replica while two others write: each fork holds whole batches, at least every one acknowledged before it was asked for", async () => {
    const [a, b, c] = r;
    const src = (await call(a!.url, "POST", `${DB}/collections`, { name: "shared-fork-race" })).body.id as string;
    const acked = { a: 0, b: 0 };
    const writer = async (name: "a" | "b", url: string) => {
      for (let n = 0; n < 8; n++) {
        const batch = [0, 1, 2, 3, 4].map((k) => `${name}-${n}-${k}`);
        const res = await call(url, "POST", `${DB}/collections/${src}/add`, { ids: batch, embeddings: batch.map(() => [n, 1]) });
        expect(res.status).toBe(201);
        acked[name] = n + 1;
      }
    };
    const forks: { id: string; before: { a: number; b: number } }[] = [];
    const forker = async () => {
      for (let k = 0; k < 4; k++) {
        await new Promise((resolve) => setTimeout(resolve, 15));
        const before = { ...acked };
        const res = await call(c!.url, "POST", `${DB}/collections/${src}/fork`, { new_name: `shared-fork-race-${k}` });
        expect(res.status).toBe(200);
        forks.push({ id: res.body.id as string, before });
      }
    };
    await Promise.all([writer("a", a!.url), writer("b", b!.url), forker()]);
    for (const f of forks) {
      const got: string[] = (await call(b!.url, "POST", `${DB}/collections/${f.id}/get`, {})).body.ids;
      for (const name of ["a", "b"] as const) {
        const mine = got.filter((x) => x.startsWith(`${name}-`));
        const batches = mine.length / 5;
        expect(Number.isInteger(batches)).toBe(true);
        expect(batches).toBeGreaterThanOrEqual(f.before[name]);
        expect(new Set(mine)).toEqual(new Set(Array.from({ length: batches }, (_, n) => [0, 1, 2, 3, 4].map((k) => `${name}-${n}-${k}`)).flat()));
      }
    }
    for (const s of r) expect((await call(s.url, "GET", `${DB}/collections/${src}/fork_count`)).body).toEqual({ count: 4 });
  });
});

describe("the default read-consistency interval (1 s)", () => {
  it("a write through one replica is read on the others within the interval", async () => {
    const [a, b] = await replicas("local", 2, "1");
    const id = (await call(a!.url, "POST", `${DB}/collections`, { name: "lagging" })).body.id as string;
    // Far above the interval: a replica that never catches up fails here.
    const waitFor = (check: () => Promise<boolean>) => vi.waitUntil(check, { timeout: 15_000, interval: 50 });
    await waitFor(async () => (await call(b!.url, "GET", `${DB}/collections/lagging`)).status === 200);
    await call(a!.url, "POST", `${DB}/collections/${id}/add`, { ids: ["x"], embeddings: [[1, 2]] });
    await waitFor(async () => (await call(b!.url, "GET", `${DB}/collections/${id}/count`)).body === 1);
  });
});
