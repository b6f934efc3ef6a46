/**
 * The order of a restart's load (storage/collection.ts loadLocked, startPayloads): ids, seqs and
 * vectors first — the copy answers searches from then on — then documents, uris and metadata.
 * Searches arriving during the first half wait for it instead of scanning LanceDB; during the
 * second, payloads come from LanceDB by id and filters are evaluated by LanceDB; a write during
 * the second wins over the row the payload scan read before it; a failed payload scan leaves the
 * answers exact and is tried again.
 */
import { afterEach, expect, it, vi } from "vitest";
import type { StoredRecord } from "../../src/core/model.js";
import { LanceTable, type PayloadBatch } from "../../src/storage/lance/table.js";
import type { OpenedStorage } from "../../src/storage/open.js";
import { collection, EVERYTHING, IDS_ONLY, rec, recordsOf, referenceDistance, rng, whereFromJson } from "./helpers.js";
import { storagesPerTest } from "./storage-per-test.js";

const DIM = 8;
const N = 600;
const storages = storagesPerTest();
const warnings: string[] = [];
const open = (): Promise<OpenedStorage> => storages.open({ memory: { annThreshold: 100, onWarning: (m) => warnings.push(m) } });

afterEach(() => {
  vi.restoreAllMocks();
  warnings.length = 0;
});

function data(): StoredRecord[] {
  const random = rng(11);
  return Array.from({ length: N }, (_, i) => rec(`r${i}`, Array.from({ length: DIM }, () => random() * 2 - 1), `doc ${i}`, { bucket: i % 10 }));
}

/** A collection of N records, written and closed gracefully (its graph saved). */
async function stored(records: StoredRecord[]) {
  const coll = collection();
  const storage = await open();
  const table = await recordsOf(storage, coll);
  for (let i = 0; i < records.length; i += 200) await table.write(records.slice(i, i + 200));
  await storages.close(storage);
  return coll;
}

/** The ids of the k nearest among `records` (those `keep` accepts), exactly. */
function nearestIds(records: StoredRecord[], q: Float32Array, k: number, keep: (r: StoredRecord) => boolean = () => true): string[] {
  return records
    .filter(keep)
    .map((r, i) => ({ id: r.id, i, d: referenceDistance("l2", q, r.embedding) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, k)
    .map((x) => x.id);
}

it("a search arriving during the load waits for it and is answered from memory, payloads included", async () => {
  const records = data();
  const coll = await stored(records);
  const lanceNearest = vi.spyOn(LanceTable.prototype, "nearest");
  const storage = await open();
  const table = await recordsOf(storage, coll);
  // The load is under way: without the wait, LanceDB would answer these.
  expect(table.source).toBe("lance");
  const asked = [3, 250, 599];
  const answers = await Promise.all(asked.map((i) => table.nearest([records[i].embedding], 3, {}, EVERYTHING)));
  expect(lanceNearest).not.toHaveBeenCalled();
  expect(table.source).toBe("memory");
  asked.forEach((i, j) => {
    const [[first, ...rest]] = answers[j];
    expect(first).toEqual({ ...records[i], distance: 0 });
    expect([first.id, ...rest.map((n) => n.id)]).toEqual(nearestIds(records, records[i].embedding, 3));
  });
});

it("payloads follow the vectors: filters go to LanceDB until they are in, and a write meanwhile wins over the row the scan read", async () => {
  const records = data();
  const coll = await stored(records);
  // The payload scan reads its rows, then waits (as a slow scan of an older version would)
  // until the test lets its rows through.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const original = LanceTable.prototype.scanPayloads;
  vi.spyOn(LanceTable.prototype, "scanPayloads").mockImplementation(async function (this: LanceTable, take: (b: PayloadBatch) => void) {
    const read: PayloadBatch[] = [];
    await original.call(this, (b) => read.push(b));
    await gate;
    for (const b of read) take(b);
  });
  const matchingSeqs = vi.spyOn(LanceTable.prototype, "matchingSeqs");
  const storage = await open();
  const table = await recordsOf(storage, coll);
  await table.loaded();
  expect(table.source).toBe("memory");

  const bucket3 = whereFromJson({ bucket: 3 });
  const q = records[13].embedding;
  const want3 = nearestIds(records, q, 5, (r) => r.metadata!.bucket === 3);
  expect((await table.nearest([q], 5, { where: bucket3 }, IDS_ONLY))[0].map((n) => n.id)).toEqual(want3);
  expect(matchingSeqs).toHaveBeenCalled();
  expect(await table.fetch(["r7"])).toEqual([records[7]]);

  // r13 moves to bucket 99 while the payload scan holds its old row.
  const moved = { ...records[13], document: "moved", metadata: { bucket: 99 } };
  await table.write([moved]);
  release();
  await table.ready();
  matchingSeqs.mockClear();
  const bucket99 = whereFromJson({ bucket: 99 });
  expect(await table.find({ where: bucket99 }, { offset: 0 }, EVERYTHING)).toEqual([moved]);
  const after = records.map((r) => (r.id === "r13" ? moved : r));
  expect((await table.nearest([q], 5, { where: bucket3 }, IDS_ONLY))[0].map((n) => n.id)).toEqual(nearestIds(after, q, 5, (r) => r.metadata!.bucket === 3));
  // Both filters were evaluated in memory, from the payloads the load brought in.
  expect(matchingSeqs).not.toHaveBeenCalled();
  const lanceFetch = vi.spyOn(LanceTable.prototype, "fetch");
  expect(await table.fetch(["r13", "r7"])).toEqual([moved, records[7]]);
  expect(lanceFetch).not.toHaveBeenCalled();
});

it("a failed payload scan leaves the answers exact and is tried again", async () => {
  const records = data();
  const coll = await stored(records);
  const scans = vi.spyOn(LanceTable.prototype, "scanPayloads").mockImplementationOnce(() => Promise.reject(new Error("injected payload scan failure")));
  const storage = await open();
  const table = await recordsOf(storage, coll);
  await table.loaded();
  await vi.waitFor(() => expect(warnings.some((w) => w.includes("injected payload scan failure"))).toBe(true));
  // Meanwhile: payloads by id and filters from LanceDB, vectors from memory.
  const bucket5 = whereFromJson({ bucket: 5 });
  const q = records[40].embedding;
  const [hits] = await table.nearest([q], 4, { where: bucket5 }, EVERYTHING);
  const want = nearestIds(records, q, 4, (r) => r.metadata!.bucket === 5);
  expect(hits.map((h) => h.id)).toEqual(want);
  hits.forEach((h) => expect({ ...h, distance: 0 }).toEqual({ ...records[Number(h.id.slice(1))], distance: 0 }));
  // The retry (after a second) loads them.
  await vi.waitFor(() => expect(scans).toHaveBeenCalledTimes(2), { timeout: 10_000 });
  await table.ready();
  const matchingSeqs = vi.spyOn(LanceTable.prototype, "matchingSeqs");
  expect((await table.nearest([q], 4, { where: bucket5 }, IDS_ONLY))[0].map((h) => h.id)).toEqual(want);
  expect(matchingSeqs).not.toHaveBeenCalled();
});
