/**
 * Forks: a copy-on-write clone of the record table, independent afterwards in both directions;
 * the source's maintenance (compaction and version cleanup) never deletes what a fork reads;
 * dropping a source keeps its table while a fork (or a fork of a fork) reads it and drops it with
 * the last one; lineage and retention survive a restart; reset forgets them.
 */
import { describe, expect, it } from "vitest";
import { openStorage } from "../../src/storage/open.js";
import { CollectionGoneError, type CollectionInfo } from "../../src/storage/storage.js";
import { collection, IDS_ONLY, rec, recordsOf } from "./helpers.js";
import { indexParams } from "../../src/core/space.js";
import { storagePerTest } from "./storage-per-test.js";

// No retention window: a cleanup deletes every version nothing protects. Maintenance runs only when
// a test asks (`churn`): with zero retention a background cleanup racing a catalog commit makes
// Lance's conflict resolver panic (it rebases onto a manifest the cleanup just removed).
const OPTIONS = { optimizeEvery: 1_000_000, retainVersionsMs: 0, optimizeIdleFactor: 0 };

const fresh = storagePerTest(OPTIONS);

const open = (c: CollectionInfo) => fresh.storage.collection(c.id, indexParams(c));
const ids = async (c: CollectionInfo) => (await (await open(c)).find({}, { offset: 0 }, IDS_ONLY)).map((v) => v.id);
const tables = async () => (await import("@lancedb/lancedb")).connect(fresh.path).then((db) => db.tableNames());

async function fork(source: CollectionInfo, name: string): Promise<CollectionInfo> {
  const target = collection({ name, dimension: source.dimension });
  await fresh.storage.forkCollection(source.id, target);
  return target;
}

async function churn(c: CollectionInfo, prefix: string, rounds: number): Promise<void> {
  const t = await open(c);
  for (let i = 0; i < rounds; i++) {
    await t.write([rec(`${prefix}-${i}`, [i, 1])]);
    await t.delete({ ids: [`${prefix}-${i}`] });
  }
  await t.optimize();
}

describe("forkCollection", () => {
  it("copies the records and both sides change independently afterwards", async () => {
    const source = collection({ dimension: 2 });
    const s = await recordsOf(fresh.storage, source);
    await s.write([rec("a", [1, 0], "doc a", { k: 1 }), rec("b", [0, 1]), rec("c", [1, 1])]);
    const f = await fork(source, "copy");
    expect(fresh.storage.catalog.hasCollection(f.id)).toBe(true);
    expect(await ids(f)).toEqual(["a", "b", "c"]);
    const ft = await open(f);
    expect((await ft.fetch(["a"]))[0]).toMatchObject({ id: "a", document: "doc a", metadata: { k: 1 } });
    await ft.write([rec("d", [2, 2])]);
    await ft.delete({ ids: ["a"] });
    await s.write([rec("e", [3, 3])]);
    expect(await ids(f)).toEqual(["b", "c", "d"]);
    expect(await ids(source)).toEqual(["a", "b", "c", "e"]);
    const [near] = await ft.nearest([Float32Array.of(2, 2)], 1, {}, IDS_ONLY);
    expect(near[0].id).toBe("d");
  });

  it("forks a collection that has no records yet", async () => {
    const source = collection();
    await fresh.storage.catalog.createCollection(source);
    const f = await fork(source, "empty-copy");
    expect(await ids(f)).toEqual([]);
    await (await open(f)).write([rec("x", [1, 2])]);
    expect(await ids(f)).toEqual(["x"]);
    expect(await ids(source)).toEqual([]);
  });

  it("refuses a source that is gone", async () => {
    await expect(fresh.storage.forkCollection(collection().id, collection())).rejects.toBeInstanceOf(CollectionGoneError);
  });

  it("leaves neither a lineage row nor a table when the fork's catalog row fails", async () => {
    const source = collection({ dimension: 2 });
    await (await recordsOf(fresh.storage, source)).write([rec("a", [1, 0])]);
    const target = collection({ name: "doomed", dimension: 2 });
    const create = fresh.storage.catalog.createCollection.bind(fresh.storage.catalog);
    fresh.storage.catalog.createCollection = () => Promise.reject(new Error("catalog commit failed"));
    await expect(fresh.storage.forkCollection(source.id, target)).rejects.toThrow("catalog commit failed");
    fresh.storage.catalog.createCollection = create;
    expect(await fresh.storage.forkCount(source.id)).toBe(0);
    expect(await tables()).not.toContain(target.id);
    await fresh.reopen();
    expect(await fresh.storage.forkCount(source.id)).toBe(0);
    expect(await ids(source)).toEqual(["a"]);
  });

  it("keeps what a fork reads through the source's compaction and version cleanup", async () => {
    const source = collection({ dimension: 2 });
    const s = await recordsOf(fresh.storage, source);
    for (let b = 0; b < 5; b++) await s.write(Array.from({ length: 20 }, (_, i) => rec(`r${b * 20 + i}`, [b, i])));
    const f = await fork(source, "reader");
    await s.delete({ ids: ["r0", "r1", "r2"] });
    await churn(source, "s", 8);
    expect(await ids(f)).toHaveLength(100);
    const [near] = await (await open(f)).nearest([Float32Array.of(4, 19)], 1, {}, IDS_ONLY);
    expect(near[0].id).toBe("r99");
  });

  it("keeps what a fork reads through another process's compaction and cleanup of the source", async () => {
    const source = collection({ dimension: 2 });
    const s = await recordsOf(fresh.storage, source);
    for (let b = 0; b < 5; b++) await s.write(Array.from({ length: 20 }, (_, i) => rec(`r${b * 20 + i}`, [b, i])));
    // A second process on the store, which had the source open before the fork was made.
    const other = await openStorage(fresh.path, OPTIONS);
    try {
      const o = await other.collection(source.id, indexParams(source));
      expect(await o.count()).toBe(100);
      const f = await fork(source, "read-elsewhere");
      await o.delete({ ids: ["r0", "r1", "r2"] });
      for (let i = 0; i < 8; i++) {
        await o.write([rec(`o-${i}`, [i, 1])]);
        await o.delete({ ids: [`o-${i}`] });
      }
      await o.optimize();
      expect(await ids(f)).toHaveLength(100);
      const [near] = await (await open(f)).nearest([Float32Array.of(4, 19)], 1, {}, IDS_ONLY);
      expect(near[0].id).toBe("r99");
    } finally {
      await other.close();
    }
  });

  it("keeps a dropped source's table while forks read it, and drops it with the last one", async () => {
    const source = collection({ dimension: 2 });
    await (await recordsOf(fresh.storage, source)).write([rec("a", [1, 0]), rec("b", [0, 1])]);
    const f1 = await fork(source, "first");
    const f2 = await fork(f1, "second");
    await fresh.storage.dropCollection(source.id);
    expect(await tables()).toContain(source.id);
    await expect(open(source)).rejects.toBeInstanceOf(CollectionGoneError);
    expect(await ids(f2)).toEqual(["a", "b"]);
    await fresh.storage.dropCollection(f1.id);
    expect(await ids(f2)).toEqual(["a", "b"]);
    await churn(f2, "f2", 4);
    expect(await ids(f2)).toEqual(["a", "b"]);
    await fresh.storage.dropCollection(f2.id);
    const left = await tables();
    for (const c of [source, f1, f2]) expect(left).not.toContain(c.id);
  });

  it("counts the forks of a whole lineage, as upstream: every member answers the root's count", async () => {
    const root = collection({ dimension: 2 });
    await (await recordsOf(fresh.storage, root)).write([rec("a", [1, 0])]);
    expect(await fresh.storage.forkCount(root.id)).toBe(0);
    const f1 = await fork(root, "one");
    const f2 = await fork(root, "two");
    const f11 = await fork(f1, "one-one");
    for (const c of [root, f1, f2, f11]) expect(await fresh.storage.forkCount(c.id)).toBe(3);
    await fresh.storage.dropCollection(f2.id);
    expect(await fresh.storage.forkCount(root.id)).toBe(3);
    await expect(fresh.storage.forkCount(f2.id)).rejects.toBeInstanceOf(CollectionGoneError);
  });

  it("keeps lineage and retention across a restart, and reset forgets them", async () => {
    const source = collection({ dimension: 2 });
    await (await recordsOf(fresh.storage, source)).write([rec("a", [1, 0]), rec("b", [0, 1])]);
    const f = await fork(source, "kept");
    await fresh.reopen();
    expect(await fresh.storage.forkCount(f.id)).toBe(1);
    await churn(source, "s", 4);
    await fresh.storage.dropCollection(source.id);
    expect(await ids(f)).toEqual(["a", "b"]);
    await fresh.storage.reset();
    expect(await tables()).not.toContain(source.id);
    const newcomer = collection();
    await fresh.storage.catalog.createCollection(newcomer);
    expect(await fresh.storage.forkCount(newcomer.id)).toBe(0);
  });
});
