/**
 * Schema evolution (LanceDB addColumns: a "Merge" transaction) racing background compaction
 * (a "Rewrite"): LanceDB does not rebase one over the other, it fails the later commit with
 * "Retryable commit conflict ... preempted by concurrent transaction Rewrite". A write that brings
 * a new metadata key must never fail that way (it reached the user as a 500; CI, stop 26).
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import * as lancedb from "@lancedb/lancedb";
import { fenceTable } from "../../src/storage/lance/lease.js";
import { openStorage, type OpenedStorage } from "../../src/storage/open.js";
import { WriteUnavailableError } from "../../src/storage/storage.js";
import { collection, rec, recordsOf, tempDir } from "./helpers.js";

let dir: Awaited<ReturnType<typeof tempDir>>;
let storage: OpenedStorage;

beforeEach(async () => {
  dir = await tempDir();
  // A run after every write, no spacing: compaction is running whenever a write arrives.
  storage = await openStorage(dir.path, { optimizeEvery: 1, retainVersionsMs: 0, optimizeIdleFactor: 0 });
});
afterEach(async () => {
  await storage.close();
  await dir.dispose();
});

it("writes that add metadata columns succeed while compaction runs, and keep every record", async () => {
  const table = await recordsOf(storage, collection());
  await table.write(Array.from({ length: 50 }, (_, i) => rec(`seed${i}`, [i, 0], null, { seed: i })));
  const rounds = 6;
  const writers = 8;
  for (let round = 0; round < rounds; round++) {
    // Writers in flight at once, each with a key no earlier write had, alongside an explicit run.
    await Promise.all([
      table.optimize(),
      ...Array.from({ length: writers }, (_, w) =>
        table.write(Array.from({ length: 5 }, (_, i) => rec(`r${round}-${w}-${i}`, [round, w + i], null, { [`k${round}_${w}`]: i }))),
      ),
    ]);
  }
  await storage.idle();
  expect(await table.count()).toBe(50 + rounds * writers * 5);
  const [last] = await table.fetch([`r${rounds - 1}-${writers - 1}-4`]);
  expect(last.metadata).toEqual({ [`k${rounds - 1}_${writers - 1}`]: 4 });
});

it("the writer follows only its own maintenance: after another process's commit a schema change is refused, not built on it", async () => {
  const coll = collection();
  const table = await recordsOf(storage, coll);
  await table.write([rec("a", [1, 0], null, { x: 1 })]);
  await table.write([rec("b", [2, 0], null, { x: 2 })]);
  await table.optimize(); // compacts the two fragments: a version the writer has not seen
  // Another process fences the table (what a lease takeover does first).
  const db = await lancedb.connect(dir.path);
  const foreign = await db.openTable(coll.id);
  const fenced = await fenceTable(foreign);
  await expect(table.write([rec("c", [3, 0], null, { brandNew: 1 })])).rejects.toBeInstanceOf(WriteUnavailableError);
  // Refused until the lease is acquired again: an append does not land on the foreign version either.
  await expect(table.write([rec("d", [4, 0], null, { x: 4 })])).rejects.toBeInstanceOf(WriteUnavailableError);
  await foreign.checkoutLatest();
  expect(await foreign.version()).toBe(fenced);
  expect(await foreign.countRows()).toBe(2);
  db.close();
});

it("replaces, deletes and appends based on a version older than a finished compaction all commit", async () => {
  const table = await recordsOf(storage, collection());
  for (let round = 0; round < 4; round++) {
    await table.write([rec(`a${round}`, [round, 0], null, { x: round }), rec(`b${round}`, [round, 1], null, { x: round })]);
    await table.write([rec(`c${round}`, [round, 2], null, { x: round })]);
    await table.optimize();
    // Each kind of commit, first after the compaction the writer has not seen.
    await table.write([rec(`a${round}`, [round, 9], "replaced", { x: -round })]);
    await table.optimize();
    expect(await table.delete({ ids: [`b${round}`] })).toBe(1);
    await table.optimize();
    await table.write([rec(`d${round}`, [round, 3], null, { x: round })]);
  }
  expect(await table.count()).toBe(12);
  const [a] = await table.fetch(["a3"]);
  expect(a.document).toBe("replaced");
});
