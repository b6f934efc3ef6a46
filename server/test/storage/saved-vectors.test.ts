/**
 * Saved vectors (memory/vector-file.ts): a graph save also writes the collection's vectors to a
 * file in the data directory, and a load reads them from it, taking from LanceDB only ids, seqs,
 * versions and the vectors the file does not hold as they are now. Checked against a model of
 * what was acknowledged: a round trip; writes, replacements, deletes and re-adds after the file
 * was saved (the file older than the graph, or both old as after kill -9); a file newer than the
 * graph (a crash between the two saves); every kind of damaged vectors or graph file (not used,
 * logged); a collection's files removed with it, and by a reset.
 */
import { copyFile, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { localHost } from "../../src/util/local-process.js";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CollectionInfo, StoredRecord } from "../../src/core/model.js";
import type { CollectionStore } from "../../src/storage/collection.js";
import { MemoryBudget, SlotStore } from "../../src/storage/memory/slots.js";
import { writeVectorFile } from "../../src/storage/memory/vector-file.js";
import type { OpenedStorage, StorageLogger } from "../../src/storage/open.js";
import { collection, EVERYTHING, rec, recordsOf, rng } from "./helpers.js";
import { storagesPerTest } from "./storage-per-test.js";

const DIM = 8;
/** Two vector chunks (1,024 slots each), above the graph threshold set below. */
const N = 1500;

interface Line {
  level: "info" | "warn";
  msg: string;
  [field: string]: unknown;
}

const storages = storagesPerTest();
let lines: Line[] = [];
afterEach(() => {
  lines = [];
});

function logger(bindings: Record<string, unknown> = {}): StorageLogger {
  return {
    info: (fields, msg) => lines.push({ ...bindings, ...fields, level: "info", msg }),
    warn: (fields, msg) => lines.push({ ...bindings, ...fields, level: "warn", msg }),
    child: (more) => logger({ ...bindings, ...more }),
  };
}

const open = (): Promise<OpenedStorage> => storages.open({ memory: { annThreshold: 64, onWarning: () => undefined }, logger: logger() });
const logged = (msg: string) => lines.filter((l) => l.msg === msg);
const vectorsPath = (id: string) => join(storages.path, "saved-vectors", `${id}.vectors`);
const graphPath = (id: string) => join(storages.path, "saved-graphs", `${id}.hnsw`);

type Model = Map<string, number[]>;
const random = rng(42);
const vec = () => Array.from({ length: DIM }, () => Math.fround(random() * 2 - 1));

function records(ids: string[], model: Model): StoredRecord[] {
  return ids.map((id) => {
    const v = vec();
    model.set(id, v);
    return rec(id, v, `doc ${id}`);
  });
}

/** A collection of N records, closed gracefully (its graph and vectors saved). */
async function stored(model: Model) {
  const coll = collection();
  const storage = await open();
  const table = await recordsOf(storage, coll);
  const ids = Array.from({ length: N }, (_, i) => `r${i}`);
  for (let i = 0; i < N; i += 500) await table.write(records(ids.slice(i, i + 500), model));
  // Indexed before the graceful close, so the saved graph holds every record.
  await vi.waitUntil(async () => (await table.indexingStatus()).unindexed === 0, { timeout: 60_000, interval: 25 });
  await storages.close(storage);
  return coll;
}

/** Opens the storage again and waits for the collection's load, payloads included. */
async function reopen(coll: CollectionInfo): Promise<{ storage: OpenedStorage; table: CollectionStore }> {
  lines = [];
  const storage = await open();
  const table = await recordsOf(storage, coll);
  await table.ready();
  return { storage, table };
}

/** Every record as memory holds it equals the model (ids, vectors), and each record is its own nearest neighbour. */
async function expectModel(table: CollectionStore, model: Model): Promise<void> {
  expect(table.source).toBe("memory");
  const all = await table.find({}, { offset: 0 }, EVERYTHING);
  expect(all.map((v) => v.id).sort()).toEqual([...model.keys()].sort());
  for (const v of all) expect(Array.from(v.embedding!), v.id).toEqual(model.get(v.id));
  const probe = [...model.keys()].filter((_, i) => i % 97 === 0);
  const found = await table.nearest(probe.map((id) => Float32Array.from(model.get(id)!)), 1, {}, { embeddings: false, documents: false, uris: false, metadatas: false });
  expect(found.map((n) => n[0].id)).toEqual(probe);
}

const loadedVectors = () => logged("collection loaded into memory").at(-1)?.vectors as { fromFile: number; fromLance: number } | undefined;

it("a round trip: the vectors come from the saved file (n x dim x 4 bytes of it), LanceDB gives only the keys, answers are the same", async () => {
  const model: Model = new Map();
  const coll = await stored(model);
  const saves = logged("saved the collection's graph");
  expect(saves.at(-1)).toMatchObject({ records: N, vectorBytes: (await stat(vectorsPath(coll.id))).size });
  // The header and slot map take one page or a few: the rest is the vectors.
  const size = (await stat(vectorsPath(coll.id))).size;
  expect(size - N * DIM * 4).toBeGreaterThan(0);
  expect(size - N * DIM * 4).toBeLessThan(N * 32 + 8192);

  const { table } = await reopen(coll);
  expect(loadedVectors()).toEqual({ fromFile: N, fromLance: 0 });
  expect(logged("loading the collection's saved graph")[0]).toMatchObject({ kept: N, upserts: 0, deletes: 0 });
  await expectModel(table, model);
});

describe.each([
  ["the vectors file is older than the graph", { oldGraph: false }],
  ["both are older than the records (kill -9 after the save)", { oldGraph: true }],
])("writes, replacements, deletes and re-adds after the save are reconciled from LanceDB: %s", (_, { oldGraph: restoreOldGraph }) => {
  it.each([1, 2, 3])("seed %i", async (seed) => {
    const model: Model = new Map();
    const coll = await stored(model);
    const oldVectors = `${vectorsPath(coll.id)}.old`;
    await copyFile(vectorsPath(coll.id), oldVectors);
    const oldGraph = await readFile(graphPath(coll.id));

    // Random changes against the model; deleted ids come back (into other slots) in later rounds.
    const r = rng(seed);
    const storage = await open();
    const table = await recordsOf(storage, coll);
    let next = N;
    for (let round = 0; round < 6; round++) {
      const ids = [...model.keys()];
      const pick = (n: number) => Array.from({ length: n }, () => ids[Math.floor(r() * ids.length)]);
      const deleted = [...new Set(pick(40))];
      await table.delete({ ids: deleted });
      for (const id of deleted) model.delete(id);
      const readd = deleted.filter(() => r() < 0.5);
      const upserts = [...new Set(pick(30))].filter((id) => model.has(id));
      const fresh = Array.from({ length: 20 }, () => `n${next++}`);
      await table.write(records([...upserts, ...readd, ...fresh], model));
    }
    await storages.close(storage);
    await copyFile(oldVectors, vectorsPath(coll.id));
    if (restoreOldGraph) await writeFile(graphPath(coll.id), oldGraph);

    const { table: again } = await reopen(coll);
    const vectors = loadedVectors()!;
    expect(vectors.fromLance).toBeGreaterThan(0);
    expect(vectors.fromFile).toBeGreaterThan(N / 2);
    expect(vectors.fromFile + vectors.fromLance).toBe(model.size);
    await expectModel(again, model);
  });
});

it("a vectors file newer than the graph (a crash between the two saves) is used slot by slot; answers are right", async () => {
  const model: Model = new Map();
  const coll = await stored(model);
  const oldGraph = await readFile(graphPath(coll.id));
  const storage = await open();
  const table = await recordsOf(storage, coll);
  await table.delete({ ids: ["r1", "r2", "r3"] });
  ["r1", "r2", "r3"].forEach((id) => model.delete(id));
  await table.write(records(["r10", "r11", "z1", "z2"], model));
  await storages.close(storage);
  // The graph as before those writes, the vectors file as after them.
  await writeFile(graphPath(coll.id), oldGraph);
  const { table: again } = await reopen(coll);
  expect(logged("loading the collection's saved graph")[0]).toMatchObject({ deletes: 3 });
  await expectModel(again, model);
});

describe("a damaged or foreign vectors file is not used, logged; answers are right", () => {
  const cases: [string, RegExp, (path: string, id: string) => Promise<void>][] = [
    ["flipped bytes in its slot map", /checksum mismatch/, async (path) => {
      const bytes = await readFile(path);
      bytes[200] ^= 0x10;
      await writeFile(path, bytes);
    }],
    ["truncated", /truncated or padded/, (path) => truncate(path, 8192 + 100)],
    ["not a vectors file", /not a vectors file/, (path) => writeFile(path, "garbage")],
    ["another collection's", /saved for collection other/, async (path) => {
      const store = new SlotStore(DIM, new MemoryBudget(0));
      store.put("x", 0, 1, Float32Array.from(vec()), undefined);
      await writeVectorFile(path, store, { collection: "other" });
    }],
    ["of another dimension", /dimension 4, the collection has 8/, async (path, id) => {
      const store = new SlotStore(4, new MemoryBudget(0));
      store.put("r0", 0, 1, Float32Array.from([1, 2, 3, 4]), undefined);
      await writeVectorFile(path, store, { collection: id });
    }],
  ];
  it.each(cases)("%s", async (_, why, damage) => {
    const model: Model = new Map();
    const coll = await stored(model);
    await damage(vectorsPath(coll.id), coll.id);
    const { table } = await reopen(coll);
    const warning = logged("the saved vectors cannot be used; loading them from LanceDB")[0];
    expect(warning).toMatchObject({ level: "warn", collection: coll.id });
    expect(String(warning.reason)).toMatch(why);
    expect(loadedVectors()).toBeUndefined();
    await expectModel(table, model);
  });

  it("flipped bytes among the vectors: that chunk's records come from LanceDB, the rest from the file", async () => {
    const model: Model = new Map();
    const coll = await stored(model);
    const path = vectorsPath(coll.id);
    const bytes = await readFile(path);
    // The last vector's bytes (in the second chunk).
    bytes[bytes.length - 3] ^= 0x40;
    await writeFile(path, bytes);
    const { table } = await reopen(coll);
    expect(logged("some of the saved vectors are damaged; those were loaded from LanceDB")[0]).toMatchObject({ level: "warn", chunks: 1 });
    expect(loadedVectors()).toEqual({ fromFile: 1024, fromLance: N - 1024 });
    await expectModel(table, model);
  });

  it("a missing file: logged, vectors from LanceDB; the next save writes it again", async () => {
    const model: Model = new Map();
    const coll = await stored(model);
    await rm(vectorsPath(coll.id));
    // A temporary file a crash left mid-save is ignored, and removed by the next save (its process is gone).
    const leftover = `${vectorsPath(coll.id)}.${localHost()}:${2 ** 30}:abcd1234.tmp`;
    await writeFile(leftover, "half a file");
    const { storage, table } = await reopen(coll);
    expect(logged("no saved vectors; loading them from LanceDB")[0]).toMatchObject({ collection: coll.id });
    await expectModel(table, model);
    // Nothing changed, but a load without usable saved vectors makes the next save due.
    await storages.close(storage);
    expect((await stat(vectorsPath(coll.id))).size).toBeGreaterThan(N * DIM * 4);
    await expect(stat(leftover)).rejects.toMatchObject({ code: "ENOENT" });
    const { table: again } = await reopen(coll);
    expect(loadedVectors()).toEqual({ fromFile: N, fromLance: 0 });
    await expectModel(again, model);
  });
});

it("dropping a collection removes its saved vectors and graph, and what exited processes left mid-save of them; a live process's save is left alone", async () => {
  const model: Model = new Map();
  const coll = await stored(model);
  await stat(vectorsPath(coll.id));
  await stat(graphPath(coll.id));
  // Left by a process of this host that has exited, and one under way in a live process (this test's parent stands for it).
  const leftovers = [vectorsPath(coll.id), graphPath(coll.id)].map((p) => `${p}.${localHost()}:${2 ** 30}:abcd1234.tmp`);
  const live = [vectorsPath(coll.id), graphPath(coll.id)].map((p) => `${p}.${localHost()}:${process.ppid}:abcd1234.tmp`);
  for (const f of [...leftovers, ...live]) await writeFile(f, "half a file");
  const storage = await open();
  await storage.dropCollection(coll.id);
  for (const f of [vectorsPath(coll.id), graphPath(coll.id), ...leftovers]) await expect(stat(f), f).rejects.toMatchObject({ code: "ENOENT" });
  for (const f of live) expect((await stat(f)).isFile(), f).toBe(true);
});

it("a reset removes every saved file, those of collections already gone and dead processes' temporary files included", async () => {
  const model: Model = new Map();
  const coll = await stored(model);
  const orphans = [join(storages.path, "saved-graphs", "gone.hnsw"), join(storages.path, "saved-vectors", "gone.vectors"), `${graphPath(coll.id)}.${localHost()}:${2 ** 30}:abcd1234.tmp`];
  for (const f of orphans) await writeFile(f, "left behind");
  const storage = await open();
  await storage.reset();
  for (const f of [vectorsPath(coll.id), graphPath(coll.id), ...orphans]) await expect(stat(f), f).rejects.toMatchObject({ code: "ENOENT" });
});

describe("a graph file that cannot be used is rebuilt from the records, logged; the vectors still come from their file", () => {
  const cases: [string, RegExp, (path: string) => Promise<void>][] = [
    ["flipped bytes in its slot map", /damaged graph snapshot: checksum mismatch/, async (path) => {
      const bytes = await readFile(path);
      bytes[150] ^= 0x08;
      await writeFile(path, bytes);
    }],
    ["truncated", /damaged graph snapshot: truncated or padded/, async (path) => truncate(path, (await stat(path)).size - 1)],
    ["empty", /damaged graph snapshot: not a graph snapshot/, (path) => truncate(path, 0)],
    ["removed", /no saved graph/, (path) => rm(path)],
  ];
  it.each(cases)("%s", async (_, why, damage) => {
    const model: Model = new Map();
    const coll = await stored(model);
    await damage(graphPath(coll.id));
    const { table } = await reopen(coll);
    const warning = logged("building the collection's graph")[0];
    expect(warning).toMatchObject({ level: "warn", collection: coll.id, records: N });
    expect(String(warning.reason)).toMatch(why);
    expect(logged("loading the collection's saved graph")).toEqual([]);
    expect(loadedVectors()).toEqual({ fromFile: N, fromLance: 0 });
    await expectModel(table, model);
  });
});

vi.setConfig({ testTimeout: 120_000 });

it("a fork (a new id) saves and loads its own vectors file, never its source's; each answers its own records", async () => {
  const model: Model = new Map();
  const coll = await stored(model);
  const fork = collection();
  const storage = await open();
  await storage.forkCollection(coll.id, fork);
  await storages.close(storage);

  // The fork's first load: no file of its own, so every vector from LanceDB (the source's file is not read).
  const { storage: s1, table: forked } = await reopen(fork);
  expect(logged("no saved vectors; loading them from LanceDB").map((l) => l.collection)).toContain(fork.id);
  const forkModel: Model = new Map(model);
  await expectModel(forked, forkModel);
  // The fork changes a record and saves its own file on a graceful close.
  await forked.write(records(["r0", "r1"], forkModel));
  await vi.waitUntil(async () => (await forked.indexingStatus()).unindexed === 0, { timeout: 60_000, interval: 25 });
  await storages.close(s1);
  expect((await stat(vectorsPath(fork.id))).size).toBeGreaterThan(N * DIM * 4);

  // Each loads its own file: the source keeps its vectors, the fork has its change.
  const { storage: s2, table: source } = await reopen(coll);
  expect(loadedVectors()).toEqual({ fromFile: N, fromLance: 0 });
  await expectModel(source, model);
  await storages.close(s2);
  const { table: again } = await reopen(fork);
  expect(loadedVectors()).toEqual({ fromFile: N, fromLance: 0 });
  await expectModel(again, forkModel);
});
