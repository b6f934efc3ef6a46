/**
 * A maintenance run and the commits that hold it off (`exclusive`: schema changes, replaces,
 * deletes), interleaved on purpose. A run takes the table's write mutex for its upkeep, lets it
 * go, then takes the compaction lock to compact and clean up. Anything may commit in between
 * (the event loop is free there; a slow or loaded machine widens the gap). LanceDB rebases
 * neither a Rewrite over a Merge (addColumns) nor a Merge over a Rewrite, so the run must compact
 * the version it reads once it holds the lock, not the one it saw in its upkeep. CI on ce1cfc7
 * lost that race (a run's compaction "preempted by concurrent transaction Merge"): the run read
 * a version between the two locks, long enough for a write to add a column first.
 *
 * The gap is forced here: when the run reaches for the compaction lock (not through
 * `exclusive`), the commit under test runs to completion first. Each case failed before the fix
 * (the run's compaction, retried on the same stale version, was refused twice).
 */
import * as lancedb from "@lancedb/lancedb";
import { expect, it, vi } from "vitest";
import type { CollectionStore } from "../../src/storage/collection.js";
import type { Mutex } from "../../src/util/mutex.js";
import { collection, rec, recordsOf } from "./helpers.js";
import { storagesPerTest } from "./storage-per-test.js";

const stores = storagesPerTest();

/**
 * Makes the next run of the table wait, when it asks for the compaction lock outside
 * `exclusive`, until `between()` has finished. Resolves to how many times the gap was forced.
 */
function forceGap(table: CollectionStore, between: () => Promise<void>): () => number {
  const maintenance = table.lanceTable.maintenance;
  // The lock is private: the gap has no other seam (the run's own code is what is tested).
  const compaction = (maintenance as unknown as { compaction: Mutex }).compaction;
  const take = compaction.run.bind(compaction);
  const exclusive = maintenance.exclusive.bind(maintenance);
  let viaExclusive = false;
  let forced = 0;
  vi.spyOn(maintenance, "exclusive").mockImplementation(<T>(commit: () => Promise<T>) => {
    viaExclusive = true;
    try {
      return exclusive(commit);
    } finally {
      viaExclusive = false;
    }
  });
  vi.spyOn(compaction, "run").mockImplementation(<T>(fn: () => Promise<T>): Promise<T> => {
    if (viaExclusive || forced > 0) return take(fn);
    forced++;
    return between().then(() => take(fn));
  });
  return () => forced;
}

const CASES: { kind: string; commit: (t: CollectionStore) => Promise<void>; after: (t: CollectionStore) => Promise<void> }[] = [
  {
    kind: "a write that adds a metadata column (LanceDB Merge)",
    commit: (t) => t.write([rec("late", [9, 9], null, { brandNew: 1 })]),
    after: async (t) => {
      expect(await t.count()).toBe(21);
      expect((await t.fetch(["late"]))[0].metadata).toEqual({ brandNew: 1 });
    },
  },
  {
    kind: "a write that replaces a record (merge-insert)",
    commit: (t) => t.write([rec("s3", [9, 9], "replaced", { seed: 3 })]),
    after: async (t) => {
      expect(await t.count()).toBe(20);
      expect((await t.fetch(["s3"]))[0].document).toBe("replaced");
    },
  },
  {
    kind: "a delete",
    commit: async (t) => void expect(await t.delete({ ids: ["s5"] })).toBe(1),
    after: async (t) => {
      expect(await t.count()).toBe(19);
      expect(await t.fetch(["s5"])).toEqual([]);
    },
  },
];

it.each(CASES)("$kind committed between a run's upkeep and its compaction: the run compacts after it, both succeed", async ({ commit, after }) => {
  const errors: string[] = [];
  // No background runs (only the explicit one), no retention: the run compacts and cleans all.
  const storage = await stores.open({
    optimizeEvery: 1_000_000,
    retainVersionsMs: 0,
    optimizeIdleFactor: 0,
    onBackgroundError: (error) => errors.push(error),
  });
  const coll = collection();
  const table = await recordsOf(storage, coll);
  // Several small fragments, so the run has something to rewrite.
  for (let i = 0; i < 4; i++) await table.write(Array.from({ length: 5 }, (_, j) => rec(`s${5 * i + j}`, [i, j], null, { seed: 5 * i + j })));
  await table.optimize(); // a run before: the writer has a tail of the run's versions to follow
  for (let i = 0; i < 3; i++) await table.write([rec(`s${i}`, [i, 5], null, { seed: i })]);

  let committed = false;
  const forced = forceGap(table, async () => {
    await commit(table);
    committed = true;
  });
  await table.optimize();
  expect(forced()).toBe(1);
  expect(committed).toBe(true);
  vi.restoreAllMocks();
  // The run compacted on top of the commit (its rows, its deletion, its column all in one
  // fragment), and the next schema change still commits on the writer's version.
  expect(await fragmentsOf(coll.id)).toBe(1);
  await after(table);
  await table.write([rec("next", [7, 7], null, { another: true })]);
  await table.optimize();
  expect((await table.fetch(["next"]))[0].metadata).toEqual({ another: true });
  await storage.idle();
  expect(errors).toEqual([]);
});

/** Fragments of the table's latest version, as another connection reads it. */
async function fragmentsOf(name: string): Promise<number> {
  const db = await lancedb.connect(stores.path);
  try {
    const t = await db.openTable(name);
    try {
      return (await t.stats()).fragmentStats.numFragments;
    } finally {
      t.close();
    }
  } finally {
    db.close();
  }
}
