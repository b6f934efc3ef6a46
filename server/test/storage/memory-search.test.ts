/**
 * The LanceDB record table with its in-memory index: reads answered from memory agree with
 * what was written, filters still run in LanceDB and rank exactly, deletes by filter leave
 * memory, and a restart reloads everything from LanceDB and rebuilds the graph.
 */
import { expect, it } from "vitest";
import type { RecordFilter } from "../../src/core/filter.js";
import type { DistanceSpace, StoredRecord } from "../../src/core/model.js";
import type { CollectionStore } from "../../src/storage/collection.js";
import type { MemoryOptions } from "../../src/storage/memory/resident.js";
import type { OpenedStorage } from "../../src/storage/open.js";
import { collection, EVERYTHING, IDS_ONLY, rec, recordsOf, referenceDistance, rng } from "./helpers.js";
import { storagesPerTest } from "./storage-per-test.js";

const DIM = 8;
const storages = storagesPerTest();

const open = (over: MemoryOptions = {}): Promise<OpenedStorage> => storages.open({ memory: { annThreshold: 100, ...over } });


function brute(space: DistanceSpace, records: StoredRecord[], q: Float32Array, k: number, keep: (r: StoredRecord) => boolean = () => true): string[] {
  return records
    .filter(keep)
    .map((r, i) => ({ id: r.id, i, d: referenceDistance(space, q, r.embedding) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, k)
    .map((x) => x.id);
}

function data(n: number, seed: number): StoredRecord[] {
  const random = rng(seed);
  return Array.from({ length: n }, (_, i) =>
    rec(
      `r${i}`,
      Array.from({ length: DIM }, () => random() * 2 - 1),
      `doc ${i}`,
      { bucket: i % 10, even: i % 2 === 0 },
    ),
  );
}

async function caughtUp(table: CollectionStore): Promise<void> {
  await table.ready();
  while ((await table.indexingStatus()).unindexed > 0) await new Promise((r) => setTimeout(r, 20));
}

it("reads from memory agree with what was written", async () => {
  const storage = await open();
  const table = await recordsOf(storage, collection());
  const records = data(600, 1);
  for (let i = 0; i < records.length; i += 200) await table.write(records.slice(i, i + 200));
  expect(await table.count()).toBe(600);
  expect(await table.fetch(["r5", "nope", "r2", "r5"])).toEqual([records[5], records[2]]);
  expect(await table.find({ ids: ["r9", "r3", "nope"] }, { offset: 0 }, EVERYTHING)).toEqual([records[3], records[9]]);
  expect(await table.find({ ids: ["r9", "r3", "r7"] }, { offset: 1, limit: 1 }, IDS_ONLY)).toEqual([{ id: "r7" }]);
  const [[hit]] = await table.nearest([records[42].embedding], 1, {}, EVERYTHING);
  expect(hit).toEqual({ ...records[42], distance: 0 });
});

it.each(["l2", "cosine", "ip"] as const)("%s: filters run in LanceDB and rank exactly; a deleted record is gone at once", async (space) => {
  const storage = await open();
  const table = await recordsOf(storage, collection({ configuration: { hnsw: { space } } }));
  const records = data(800, 2);
  await table.write(records);
  const random = rng(3);
  const q = Float32Array.from({ length: DIM }, () => random() * 2 - 1);
  const filter: RecordFilter = { where: { kind: "compare", key: "bucket", op: "$eq", value: 3 } };
  const [got] = await table.nearest([q], 10, filter, IDS_ONLY);
  expect(got.map((n) => n.id)).toEqual(brute(space, records, q, 10, (r) => r.metadata!.bucket === 3));

  const removed = await table.delete({ where: { kind: "compare", key: "even", op: "$eq", value: true } });
  expect(removed).toBe(400);
  expect(await table.count()).toBe(400);
  const left = records.filter((r) => r.metadata!.even === false);
  const [after] = await table.nearest([q], 10, {}, IDS_ONLY);
  // Whatever the graph holds, no deleted record comes back.
  for (const n of after) expect(left.some((r) => r.id === n.id)).toBe(true);
  const [exact] = await table.nearest([q], 10, { ids: left.map((r) => r.id) }, IDS_ONLY);
  expect(exact.map((n) => n.id)).toEqual(brute(space, left, q, 10));
});

it("a prefiltered search over many candidates uses the graph, restricted to them", async () => {
  const storage = await open({ exactLimit: 0 });
  const table = await recordsOf(storage, collection());
  const records = data(3000, 4);
  await table.write(records);
  await caughtUp(table);
  const random = rng(5);
  let hits = 0;
  for (let i = 0; i < 20; i++) {
    const q = Float32Array.from({ length: DIM }, () => random() * 2 - 1);
    const [got] = await table.nearest([q], 10, { where: { kind: "compare", key: "bucket", op: "$eq", value: 7 } }, { ...IDS_ONLY, metadatas: true });
    for (const n of got) expect(n.metadata!.bucket).toBe(7);
    const want = new Set(brute("l2", records, q, 10, (r) => r.metadata!.bucket === 7));
    hits += got.filter((n) => want.has(n.id)).length;
  }
  expect(hits / 200).toBeGreaterThanOrEqual(0.95);
});

it("a restart reloads the records from LanceDB and rebuilds the graph; answers are exact meanwhile", async () => {
  const records = data(2000, 6);
  const coll = collection();
  {
    const storage = await open();
    const table = await recordsOf(storage, coll);
    for (let i = 0; i < records.length; i += 500) await table.write(records.slice(i, i + 500));
    await caughtUp(table);
    await storages.close(storage);
  }
  const storage = await open();
  const table = await recordsOf(storage, coll);
  const random = rng(7);
  const queries = Array.from({ length: 10 }, () => Float32Array.from({ length: DIM }, () => random() * 2 - 1));
  // Before the load finishes these run in LanceDB, after it from memory: exact either way for
  // the records the graph does not hold yet, and the records themselves are all there.
  expect(await table.count()).toBe(2000);
  await table.ready();
  expect((await table.indexingStatus()).indexed + (await table.indexingStatus()).unindexed).toBe(2000);
  await caughtUp(table);
  expect(await table.indexingStatus()).toEqual({ indexed: 2000, unindexed: 0 });
  const got = await table.nearest(queries, 10, {}, IDS_ONLY);
  let hits = 0;
  queries.forEach((q, i) => {
    const want = new Set(brute("l2", records, q, 10));
    hits += got[i].filter((n) => want.has(n.id)).length;
  });
  expect(hits / 100).toBeGreaterThanOrEqual(0.97);
  // Writes after the restart keep their order after the reloaded ones.
  await table.write([rec("late", Array.from(records[0].embedding))]);
  const [[a, b]] = await table.nearest([records[0].embedding], 2, {}, IDS_ONLY);
  expect([a.id, b.id]).toEqual(["r0", "late"]);
});
