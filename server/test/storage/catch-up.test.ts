/**
 * Catching a resident copy up with LanceDB's latest version (storage/collection.ts `catchUp`):
 * a version that changed no record — compaction and index upkeep, by this process's background
 * maintenance or another's — keeps the resident copy (a reload rebuilt the whole graph: at 20k
 * records a read after the first background optimize waited ~13 s, and the graph was built twice);
 * a version with any record change, by another process sharing the path, is read: an add, a
 * replace, a delete alone, a delete plus an add that keeps the count — by applying only the
 * changed records to the resident copy (no reload: O(change), not O(collection)), which then
 * answers every read exactly as the writer's own copy does, whatever the sequence of writes.
 */
import * as lancedb from "@lancedb/lancedb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CollectionStore } from "../../src/storage/collection.js";
import type { OpenedStorage, StorageLogger } from "../../src/storage/open.js";
import { collection, EVERYTHING, IDS_ONLY, rec, recordsOf } from "./helpers.js";
import { storagesPerTest } from "./storage-per-test.js";

/** Counts the resident copy's (re)loads, as the storage logs them. */
function loadCounter(): { logger: StorageLogger; loads: () => number } {
  let loads = 0;
  const logger: StorageLogger = {
    info: (_fields: unknown, msg?: string) => {
      if (msg === "collection loaded into memory") loads++;
    },
    warn: () => undefined,
    child: () => logger,
  };
  return { logger, loads: () => loads };
}

const storages = storagesPerTest();

/** A storage on the shared path that checks LanceDB on every read (interval 0), as a replica with --read-consistency-interval 0. */
const replica = (logger?: StorageLogger): Promise<OpenedStorage> => storages.open({ logger, replication: { readConsistencyIntervalMs: 0 }, optimizeIdleFactor: 0 });

async function tableVersion(id: string): Promise<number> {
  const db = await lancedb.connect(storages.path);
  try {
    return await (await db.openTable(id)).version();
  } finally {
    db.close();
  }
}

const ids = async (t: CollectionStore) => (await t.find({}, { offset: 0 }, IDS_ONLY)).map((r) => r.id);

describe("catching the resident copy up", () => {
  it("keeps it through versions that changed no record: its own compaction and index upkeep, and another process's", async () => {
    const counter = loadCounter();
    const a = await replica(counter.logger);
    const coll = collection();
    const table = await recordsOf(a, coll);
    // Several writes: several fragments for the compaction to merge.
    for (let w = 0; w < 6; w++) await table.write(Array.from({ length: 50 }, (_, i) => rec(`w${w}-${i}`, [w, i, 1], `doc ${w}`, { w })));
    await table.delete({ ids: ["w0-0"] });
    expect(table.source).toBe("memory");
    const before = counter.loads();
    const version = await tableVersion(coll.id);
    await table.optimize();
    expect(await tableVersion(coll.id)).toBeGreaterThan(version);
    // Every read checks LanceDB (interval 0): the compaction's version is seen, the copy kept.
    expect(await table.count()).toBe(299);
    expect((await recordsOf(a, coll)).source).toBe("memory");
    expect(counter.loads()).toBe(before);

    // Another process's maintenance of the same table: the same.
    const b = await replica();
    const other = await recordsOf(b, coll);
    await other.ready();
    await other.write([rec("w9-0", [9, 9, 9])]);
    await other.write([rec("w9-1", [9, 9, 8])]);
    const afterOther = await ids(await recordsOf(a, coll));
    const loadsAfterOther = counter.loads();
    const compacted = await tableVersion(coll.id);
    await other.optimize();
    expect(await tableVersion(coll.id)).toBeGreaterThan(compacted);
    expect(await ids(await recordsOf(a, coll))).toEqual(afterOther);
    expect(counter.loads()).toBe(loadsAfterOther);
    // And the copy is still in step: a nearest-neighbour query answers from memory, exactly.
    const near = await (await recordsOf(a, coll)).nearest([Float32Array.of(5, 7, 1)], 1, {}, EVERYTHING);
    expect(near[0][0]).toMatchObject({ id: "w5-7", document: "doc 5", metadata: { w: 5 } });
  });

  it("reads another process's record changes: an add, a replace, a delete alone, a delete plus an add that keeps the count, without reloading", async () => {
    const counter = loadCounter();
    const a = await replica(counter.logger);
    const coll = collection();
    const mine = await recordsOf(a, coll);
    await mine.write([rec("x", [1, 0]), rec("y", [0, 1]), rec("z", [1, 1])]);
    const b = await replica();
    const theirs = await recordsOf(b, coll);
    await theirs.ready();
    const loads = counter.loads();

    const seen = async () => {
      const t = await recordsOf(a, coll);
      expect(t.source).toBe("memory");
      return Object.fromEntries((await t.find({}, { offset: 0 }, EVERYTHING)).map((r) => [r.id, r.document]));
    };
    await theirs.write([rec("n", [2, 2], "new")]);
    expect(await seen()).toEqual({ x: null, y: null, z: null, n: "new" });
    await theirs.write([rec("x", [1, 0], "replaced")]);
    expect(await seen()).toEqual({ x: "replaced", y: null, z: null, n: "new" });
    await theirs.delete({ ids: ["y"] });
    expect(await seen()).toEqual({ x: "replaced", z: null, n: "new" });
    await theirs.delete({ ids: ["z"] });
    await theirs.write([rec("m", [3, 3], "instead")]);
    expect(await seen()).toEqual({ x: "replaced", n: "new", m: "instead" });
    // Its own maintenance between them changes nothing of that.
    await theirs.optimize();
    expect(await seen()).toEqual({ x: "replaced", n: "new", m: "instead" });
    // The resident copy answers nearest from the records as they are now.
    const near = await (await recordsOf(a, coll)).nearest([Float32Array.of(3, 3)], 3, {}, IDS_ONLY);
    expect(near[0].map((n) => n.id)).toEqual(["m", "n", "x"]);
    // All of it applied to the copy in place.
    expect(counter.loads()).toBe(loads);
  });

  it("another process's writes in any sequence: the caught-up copy answers get, filters, count and nearest as the writer's own copy does, without reloading", { timeout: 240_000 }, async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("upsert" as const), ids: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }), salt: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant("delete" as const), ids: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 5 }) }),
      fc.record({ kind: fc.constant("deleteWhere" as const), salt: fc.integer({ min: 0, max: 9 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        const counter = loadCounter();
        const a = await replica(counter.logger);
        const b = await replica();
        const coll = collection();
        const reader = await recordsOf(a, coll);
        const writer = await recordsOf(b, coll);
        await writer.write(Array.from({ length: 20 }, (_, i) => rec(`r${i}`, [i, 1, 0], `doc ${i}`, { salt: i % 10 })));
        // (storage.collection() is where a read catches up, as every request does)
        expect(await (await recordsOf(a, coll)).count()).toBe(20);
        await reader.ready();
        const loads = counter.loads();
        for (const o of ops) {
          if (o.kind === "upsert") await writer.write(o.ids.map((i) => rec(`r${i}`, [i, o.salt, 1], `doc ${i}/${o.salt}`, { salt: o.salt })));
          else if (o.kind === "delete") await writer.delete({ ids: o.ids.map((i) => `r${i}`) });
          else await writer.delete({ where: { kind: "compare", key: "salt", op: "$eq", value: o.salt } });
          const mine = await recordsOf(a, coll);
          expect(mine.source).toBe("memory");
          const sorted = async (t: CollectionStore) => (await t.find({}, { offset: 0 }, EVERYTHING)).sort((x, y) => x.id.localeCompare(y.id));
          expect(await sorted(mine)).toEqual(await sorted(writer));
          expect(await mine.count()).toBe(await writer.count());
          const filter = { where: { kind: "compare", key: "salt", op: "$eq", value: 3 } } as const;
          expect((await mine.find(filter, { offset: 0 }, IDS_ONLY)).map((r) => r.id).sort()).toEqual((await writer.find(filter, { offset: 0 }, IDS_ONLY)).map((r) => r.id).sort());
          const q = [Float32Array.of(7, 3, 1)];
          expect((await mine.nearest(q, 5, {}, IDS_ONLY))[0].map((n) => n.id)).toEqual((await writer.nearest(q, 5, {}, IDS_ONLY))[0].map((n) => n.id));
        }
        expect(counter.loads()).toBe(loads);
        await Promise.all([storages.close(a), storages.close(b)]);
      }),
      { numRuns: 8 },
    );
  });
});
