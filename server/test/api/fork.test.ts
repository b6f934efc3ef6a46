/**
 * Collection forks over HTTP, against the built server: a fork holds the source's records,
 * metadata, configuration and schema (so searches answer the same), and the two
 * are independent afterwards; writes racing forks leave each fork with exactly a prefix of every
 * writer's acknowledged batches (never half a batch, never less than what was acknowledged before
 * the fork was asked for); forks survive restarts, fork after a restart, fork a fork, and outlive
 * their deleted source; upstream's refusals (404 unknown source, 409 taken name).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callJson } from "../helpers/http.js";
import { startServer, type RunningServer } from "../helpers/server.js";

const COLLECTIONS = "/api/v2/tenants/default_tenant/databases/default_database/collections";
const SCHEMA = {
  defaults: {},
  keys: {
    sparse: { sparse_vector: { sparse_vector_index: { enabled: true, config: { bm25: true } } } },
    "#embedding": { float_list: { vector_index: { enabled: true, config: { space: "ip", hnsw: { ef_search: 77 } } } } },
  },
};
let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.dispose();
});

const call = (method: string, path: string, body?: unknown) => callJson(server.url, method, path, body);

async function ok(method: string, path: string, body?: unknown): Promise<any> {
  const res = await call(method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

const create = (name: string, extra: object = {}) => ok("POST", COLLECTIONS, { name, ...extra });
const fork = (id: string, newName: string) => ok("POST", `${COLLECTIONS}/${id}/fork`, { new_name: newName });
const forkCount = async (id: string) => (await ok("GET", `${COLLECTIONS}/${id}/fork_count`)).count as number;
const allIds = async (id: string) => ((await ok("POST", `${COLLECTIONS}/${id}/get`, {})).ids as string[]).sort();

async function seed(id: string, n: number, prefix = "r"): Promise<void> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  await ok("POST", `${COLLECTIONS}/${id}/add`, {
    ids,
    embeddings: ids.map((_, i) => [i, i % 3, 1]),
    documents: ids.map((_, i) => `doc ${i}`),
    metadatas: ids.map((_, i) => ({ i })),
  });
}

describe("fork", () => {
  it("copies records, metadata, configuration and schema; both sides change independently afterwards", async () => {
    const source = await create("fork-src", { metadata: { team: "a" }, schema: SCHEMA });
    await seed(source.id, 30);
    const copy = await fork(source.id, "fork-copy");
    expect(copy.id).not.toBe(source.id);
    expect(copy.name).toBe("fork-copy");
    const [src, got] = await Promise.all([ok("GET", `${COLLECTIONS}/by-id/${source.id}`), ok("GET", `${COLLECTIONS}/by-id/${copy.id}`)]);
    expect(got).toEqual({ ...src, id: copy.id, name: "fork-copy", version: got.version });
    expect(copy).toEqual(got);
    expect(got.schema).toEqual(src.schema);
    expect(got.configuration_json.hnsw).toMatchObject({ space: "ip", ef_search: 77 });
    expect(got.dimension).toBe(3);

    const include = ["embeddings", "documents", "metadatas"];
    expect(await ok("POST", `${COLLECTIONS}/${copy.id}/get`, { include })).toEqual(await ok("POST", `${COLLECTIONS}/${source.id}/get`, { include }));
    const q = { query_embeddings: [[3, 1, 1]], n_results: 5, include: ["distances"] };
    expect(await ok("POST", `${COLLECTIONS}/${copy.id}/query`, q)).toEqual(await ok("POST", `${COLLECTIONS}/${source.id}/query`, q));

    await ok("POST", `${COLLECTIONS}/${copy.id}/delete`, { ids: ["r1", "r2"] });
    await ok("POST", `${COLLECTIONS}/${copy.id}/upsert`, { ids: ["r3", "new"], embeddings: [[9, 9, 9], [8, 8, 8]], metadatas: [{ i: -3 }, { i: -1 }] });
    await ok("POST", `${COLLECTIONS}/${source.id}/add`, { ids: ["only-src"], embeddings: [[0, 0, 0]] });
    await ok("PUT", `${COLLECTIONS}/${copy.id}`, { new_metadata: { team: "b" } });
    expect(await call("GET", `${COLLECTIONS}/${copy.id}/count`)).toEqual({ status: 200, body: 29 });
    expect(await call("GET", `${COLLECTIONS}/${source.id}/count`)).toEqual({ status: 200, body: 31 });
    expect((await ok("POST", `${COLLECTIONS}/${source.id}/get`, { ids: ["r3"], include: ["metadatas"] })).metadatas).toEqual([{ i: 3 }]);
    expect((await ok("GET", `${COLLECTIONS}/by-id/${source.id}`)).metadata).toEqual({ team: "a" });
  });

  it("forks an empty collection, whose dimension the fork then fixes on its own", async () => {
    const source = await create("fork-empty");
    const copy = await fork(source.id, "fork-empty-copy");
    expect(copy.dimension).toBeNull();
    await ok("POST", `${COLLECTIONS}/${copy.id}/add`, { ids: ["a"], embeddings: [[1, 2]] });
    expect((await ok("GET", `${COLLECTIONS}/by-id/${copy.id}`)).dimension).toBe(2);
    expect((await ok("GET", `${COLLECTIONS}/by-id/${source.id}`)).dimension).toBeNull();
    await ok("POST", `${COLLECTIONS}/${source.id}/add`, { ids: ["a"], embeddings: [[1, 2, 3, 4]] });
  });

  it("refuses as upstream: unknown source 404, taken name 409, bad name 400, bad id 400", async () => {
    const source = await create("fork-refusals");
    await create("fork-taken");
    const missing = "0e9c0f53-1111-4000-8000-000000000000";
    expect(await call("POST", `${COLLECTIONS}/${missing}/fork`, { new_name: "x-fork" })).toEqual({
      status: 404,
      body: { error: "NotFoundError", message: `Collection [${missing}] does not exist.` },
    });
    expect(await call("POST", `${COLLECTIONS}/${source.id}/fork`, { new_name: "fork-taken" })).toEqual({
      status: 409,
      body: { error: "UniqueConstraintError", message: "Collection [fork-taken] already exists" },
    });
    expect(await call("POST", `${COLLECTIONS}/${source.id}/fork`, { new_name: "fork-refusals" })).toMatchObject({ status: 409 });
    const badName = await call("POST", `${COLLECTIONS}/${source.id}/fork`, { new_name: "a" });
    expect(badName.status).toBe(400);
    expect(badName.body.error).toBe("InvalidArgumentError");
    expect((await call("POST", `${COLLECTIONS}/not-a-uuid/fork`, { new_name: "x-fork" })).status).toBe(400);
    expect((await call("POST", `${COLLECTIONS}/${source.id}/fork`, {})).status).toBeGreaterThanOrEqual(400);
    expect((await call("GET", `${COLLECTIONS}/${missing}/fork_count`)).status).toBe(404);
    expect(await forkCount(source.id)).toBe(0);
    const names = (await ok("GET", COLLECTIONS)).map((c: { name: string }) => c.name);
    expect(names).not.toContain("x-fork");
  });

  it("a fork of a fork, lineage counts, and forks outliving their deleted ancestors", async () => {
    const root = await create("lineage-root");
    await seed(root.id, 12);
    const a = await fork(root.id, "lineage-a");
    const b = await fork(root.id, "lineage-b");
    await ok("POST", `${COLLECTIONS}/${a.id}/add`, { ids: ["a-only"], embeddings: [[5, 5, 5]] });
    const aa = await fork(a.id, "lineage-a-a");
    for (const c of [root, a, b, aa]) expect(await forkCount(c.id)).toBe(3);
    expect(await allIds(aa.id)).toEqual([...(await allIds(root.id)), "a-only"].sort());

    await ok("DELETE", `${COLLECTIONS}/lineage-root`);
    await ok("DELETE", `${COLLECTIONS}/lineage-a`);
    expect((await call("GET", `${COLLECTIONS}/${root.id}/fork_count`)).status).toBe(404);
    expect(await forkCount(aa.id)).toBe(3);
    const expected = [...Array.from({ length: 12 }, (_, i) => `r${i}`), "a-only"].sort();
    expect(await allIds(aa.id)).toEqual(expected);
    expect((await allIds(b.id)).length).toBe(12);
    const near = await ok("POST", `${COLLECTIONS}/${aa.id}/query`, { query_embeddings: [[5, 5, 5]], n_results: 1 });
    expect(near.ids).toEqual([["a-only"]]);
    // A new collection under a deleted source's name starts a lineage of its own.
    const reborn = await create("lineage-root");
    expect(await forkCount(reborn.id)).toBe(0);
  });

  it("writes racing forks: every fork holds a prefix of each writer's batches, at least what was acknowledged before it", async () => {
    const source = await create("race-src");
    await ok("POST", `${COLLECTIONS}/${source.id}/add`, { ids: ["seed"], embeddings: [[0, 0, 0]] });
    const WRITERS = 4;
    const BATCHES = 25;
    const acked = Array.from({ length: WRITERS }, () => 0);
    const sent = Array.from({ length: WRITERS }, () => 0);
    const writer = async (w: number) => {
      for (let b = 0; b < BATCHES; b++) {
        sent[w] = b + 1;
        const ids = [...Array.from({ length: 5 }, (_, i) => `w${w}-b${b}-${i}`), `w${w}-counter`];
        await ok("POST", `${COLLECTIONS}/${source.id}/upsert`, {
          ids,
          embeddings: ids.map((_, i) => [w, b, i]),
          metadatas: ids.map(() => ({ batch: b })),
        });
        acked[w] = b + 1;
      }
    };
    const forks: { id: string; ackedBefore: number[]; sentBefore: number[] }[] = [];
    const forker = async () => {
      for (let f = 0; f < 6; f++) {
        await new Promise((r) => setTimeout(r, 15 + f * 10));
        const ackedBefore = [...acked];
        const made = await fork(source.id, `race-fork-${f}`);
        forks.push({ id: made.id, ackedBefore, sentBefore: [...sent] });
      }
    };
    await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), forker()]);
    expect(await forkCount(source.id)).toBe(6);

    let raced = 0;
    for (const f of forks) {
      const got = await ok("POST", `${COLLECTIONS}/${f.id}/get`, { include: ["metadatas"] });
      const ids = new Set<string>(got.ids);
      expect(ids.has("seed")).toBe(true);
      let total = 1;
      for (let w = 0; w < WRITERS; w++) {
        // The batches of writer w present in the fork: a prefix 0..k-1, each batch whole.
        let k = 0;
        while (k < BATCHES && ids.has(`w${w}-b${k}-0`)) k++;
        for (let b = 0; b < BATCHES; b++) {
          for (let i = 0; i < 5; i++) expect(ids.has(`w${w}-b${b}-${i}`), `fork ${f.id} writer ${w} batch ${b}`).toBe(b < k);
        }
        expect(k).toBeGreaterThanOrEqual(f.ackedBefore[w]);
        expect(k).toBeLessThanOrEqual(f.sentBefore[w]);
        if (k > f.ackedBefore[w]) raced++;
        // The writer's counter record is the one of its last batch in the fork.
        const at = got.ids.indexOf(`w${w}-counter`);
        if (k === 0) expect(at).toBe(-1);
        else expect(got.metadatas[at]).toEqual({ batch: k - 1 });
        total += k * 5 + (k > 0 ? 1 : 0);
      }
      expect(got.ids).toHaveLength(total);
    }
    // The source kept every acknowledged write.
    expect(await call("GET", `${COLLECTIONS}/${source.id}/count`)).toEqual({ status: 200, body: 1 + WRITERS * (BATCHES * 5 + 1) });
    console.log(`[fork race] ${forks.length} forks, ${raced} writer streams caught mid-flight`);
  });

  it("survives a restart, and forks after one", async () => {
    const source = await create("restart-src", { schema: SCHEMA });
    await seed(source.id, 20);
    const before = await fork(source.id, "restart-before");
    await ok("POST", `${COLLECTIONS}/${before.id}/delete`, { ids: ["r0"] });
    await server.stop();
    server = await startServer({ dataDir: server.dataDir });
    expect(await forkCount(before.id)).toBe(1);
    expect(await allIds(before.id)).toEqual(Array.from({ length: 19 }, (_, i) => `r${i + 1}`).sort());
    const after = await fork(source.id, "restart-after");
    expect(await allIds(after.id)).toEqual(Array.from({ length: 20 }, (_, i) => `r${i}`).sort());
    expect(await forkCount(after.id)).toBe(2);
  });
});
