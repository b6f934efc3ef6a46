/**
 * The LanceDB record table: writes, ordering, filters (against answers recorded from upstream),
 * deletes, persistence and concurrency.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as lancedb from "@lancedb/lancedb";
import type { RecordFilter } from "../../src/core/filter.js";
import type { Metadata } from "../../src/core/model.js";
import { openStorage, type OpenedStorage } from "../../src/storage/open.js";
import { CollectionGoneError, InvalidPatternError, type StoredRecord } from "../../src/storage/storage.js";
import { collection, EVERYTHING, filterFromJson, IDS_ONLY, rec, recordsOf, tempDir } from "./helpers.js";

interface FixtureCase {
  where?: Record<string, unknown>;
  where_document?: Record<string, unknown>;
  ids?: string[];
  error?: unknown;
}
const fixture = JSON.parse(readFileSync(new URL("./fixtures/upstream-filters.json", import.meta.url), "utf8")) as {
  records: { id: string; metadata: Metadata | null; document: string | null }[];
  cases: FixtureCase[];
};

let dir: Awaited<ReturnType<typeof tempDir>>;
let storage: OpenedStorage;

beforeEach(async () => {
  dir = await tempDir();
  storage = await openStorage(dir.path);
});
afterEach(async () => {
  await storage.close();
  await dir.dispose();
});

const ids = (views: { id: string }[]) => views.map((v) => v.id);

async function findIds(table: Awaited<ReturnType<OpenedStorage["collection"]>>, filter: RecordFilter, offset = 0, limit?: number) {
  return ids(await table.find(filter, { offset, limit }, IDS_ONLY));
}

describe("filters agree with upstream", () => {
  async function loadFixture(coll = collection()) {
    const table = await recordsOf(storage, coll);
    await table.write(fixture.records.map((r, i) => rec(r.id, [i, 1], r.document, r.metadata)));
    return table;
  }

  it("answers every recorded where / where_document case like the reference server", async () => {
    const table = await loadFixture();
    const cases = fixture.cases.filter((c) => c.ids);
    expect(cases.length).toBeGreaterThan(80);
    for (const c of cases) {
      const got = await findIds(table, filterFromJson(c));
      expect({ case: c, ids: got }).toEqual({ case: c, ids: c.ids });
    }
  });

  it("answers the same after a reopen, after compaction, and inside nearest/delete", async () => {
    const coll = collection();
    await loadFixture(coll);
    await storage.close();
    storage = await openStorage(dir.path);
    const reopened = await recordsOf(storage, coll);
    await reopened.optimize();
    for (const c of fixture.cases.filter((x) => x.ids)) {
      const filter = filterFromJson(c);
      expect(await findIds(reopened, filter)).toEqual(c.ids);
      // Prefiltered search returns exactly the matching set when k covers the collection.
      const [near] = await reopened.nearest([Float32Array.of(0, 1)], 100, filter, IDS_ONLY);
      expect(ids(near).sort()).toEqual([...c.ids!].sort());
    }
    const target = fixture.cases.find((c) => JSON.stringify(c.where) === JSON.stringify({ n: { $lt: 5.5 } }))!;
    expect(await reopened.delete(filterFromJson(target))).toBe(target.ids!.length);
    expect(await reopened.count()).toBe(fixture.records.length - target.ids!.length);
  });

  it("rejects the regexes upstream rejects, with the regex engine's own message", async () => {
    const table = await loadFixture();
    const regexErrors = fixture.cases.filter((c) => c.error && c.where_document);
    expect(regexErrors.length).toBeGreaterThanOrEqual(3);
    for (const c of regexErrors) {
      const err = await table.find(filterFromJson(c), { offset: 0 }, IDS_ONLY).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidPatternError);
      // Upstream's message is this prefix (sic) plus the same crate's text.
      expect(`Regex syntax errror: ${(err as InvalidPatternError).detail}`).toBe((c.error as { message: string }).message);
    }
  });

  it("combines ids with where and where_document", async () => {
    const table = await loadFixture();
    const f = filterFromJson({ where: { b: { $ne: true } }, where_document: { $not_contains: "o" } });
    expect(await findIds(table, { ...f, ids: ["r1", "r3", "r5", "r8", "nope"] })).toEqual(["r3", "r5", "r8"]);
    expect(await findIds(table, { ids: [] })).toEqual([]);
  });

  it("rejects patterns the Rust regex engine rejects, even without data", async () => {
    const empty = await recordsOf(storage, collection());
    const bad: RecordFilter = { whereDocument: { kind: "regex", pattern: "a(?=b)" } };
    await expect(empty.find(bad, { offset: 0 }, IDS_ONLY)).rejects.toBeInstanceOf(InvalidPatternError);
    await expect(empty.nearest([Float32Array.of(1, 1)], 1, bad, IDS_ONLY)).rejects.toThrow(/look-around/);
    const table = await loadFixture();
    const err = await table.find({ whereDocument: { kind: "not_regex", pattern: "(" } }, { offset: 0 }, IDS_ONLY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidPatternError);
    expect((err as InvalidPatternError).detail).toBe("regex parse error:\n    (\n    ^\nerror: unclosed group");
    await expect(table.delete({ whereDocument: { kind: "regex", pattern: "[" } })).rejects.toBeInstanceOf(InvalidPatternError);
    expect(await table.count()).toBe(fixture.records.length);
  });
});

describe("writes", () => {
  it("keeps insertion order, and a replaced id keeps its place", async () => {
    const table = await recordsOf(storage, collection());
    await table.write([rec("a", [1, 0], "A"), rec("b", [0, 1], "B", { k: "x" }), rec("c", [1, 1], "C")]);
    await table.write([rec("d", [2, 2], "D"), rec("b", [5, 5], "B2", { other: 1 }, "uri-b")]);
    expect(await findIds(table, {})).toEqual(["a", "b", "c", "d"]);
    const fetched = await table.fetch(["d", "a", "missing", "b", "a"]);
    expect(fetched.map((r) => r.id)).toEqual(["d", "a", "b"]);
    const [, , b] = fetched;
    expect(b).toEqual({ id: "b", embedding: Float32Array.of(5, 5), document: "B2", uri: "uri-b", metadata: { other: 1 } });
    // The replaced record's old typed values are gone, not merged.
    expect(await findIds(table, { where: { kind: "compare", key: "k", op: "$eq", value: "x" } })).toEqual([]);
    expect(await findIds(table, { where: { kind: "compare", key: "other", op: "$eq", value: 1 } })).toEqual(["b"]);
    expect(await table.count()).toBe(4);
  });

  it("takes the last of duplicate ids in one batch, at the first one's place", async () => {
    const table = await recordsOf(storage, collection());
    await table.write([rec("x", [1, 0], "first"), rec("y", [0, 1]), rec("x", [2, 0], "second")]);
    expect(await findIds(table, {})).toEqual(["x", "y"]);
    expect((await table.fetch(["x"]))[0].document).toBe("second");
  });

  it("stores embeddings that are views into one buffer (an add's), consecutive or not", async () => {
    const coll = collection();
    const table = await recordsOf(storage, coll);
    const block = Float32Array.from({ length: 12 }, (_, i) => i + 0.5);
    const row = (i: number) => block.subarray(i * 2, i * 2 + 2);
    const view = (id: string, i: number): StoredRecord => ({ id, embedding: row(i), document: null, uri: null, metadata: null });
    // Rows 0-2 of the block, in order; then rows out of order; then a batch whose duplicate id leaves a gap.
    await table.write([view("a", 0), view("b", 1), view("c", 2)]);
    await table.write([view("e", 4), view("d", 3)]);
    await table.write([view("f", 5), view("f", 1), view("g", 2)]);
    await storage.close();
    storage = await openStorage(dir.path);
    const reopened = await recordsOf(storage, coll);
    const got = await reopened.find({}, { offset: 0 }, { ...IDS_ONLY, embeddings: true });
    expect(got.map((r) => [r.id, Array.from(r.embedding!)])).toEqual([
      ["a", [0.5, 1.5]],
      ["b", [2.5, 3.5]],
      ["c", [4.5, 5.5]],
      ["e", [8.5, 9.5]],
      ["d", [6.5, 7.5]],
      ["f", [2.5, 3.5]],
      ["g", [4.5, 5.5]],
    ]);
  });

  it("returns metadata with its types and key order", async () => {
    const table = await recordsOf(storage, collection());
    const metadata = { z: 1, a: 2.5, m: true, b: "s", f: false, big: 123456789012, neg: -0.125 };
    await table.write([rec("r", [1, 2, 3], "doc", metadata, "file://x")]);
    const [got] = await table.find({}, { offset: 0 }, EVERYTHING);
    expect(Object.keys(got.metadata!)).toEqual(Object.keys(metadata));
    expect(got.metadata).toEqual(metadata);
    expect(got.embedding).toEqual(Float32Array.of(1, 2, 3));
    const docOnly = await table.find({}, { offset: 0 }, { ...IDS_ONLY, documents: true });
    expect(docOnly).toEqual([{ id: "r", document: "doc" }]);
  });

  it("fixes the dimension on the first write", async () => {
    const table = await recordsOf(storage, collection());
    await expect(table.write([rec("a", [1, 2]), rec("b", [1, 2, 3])])).rejects.toThrow(/dimension/);
    await table.write([rec("a", [1, 2])]);
    await expect(table.write([rec("b", [1, 2, 3])])).rejects.toThrow(/dimension/);
    expect(await table.count()).toBe(1);
  });

  it("pages by offset and limit in insertion order, filtered or not", async () => {
    const table = await recordsOf(storage, collection());
    const all: string[] = [];
    for (let w = 0; w < 5; w++) {
      const batch = Array.from({ length: 10 }, (_, i) => rec(`w${w}-${i}`, [w, i], null, { even: i % 2 === 0, i: w * 10 + i }));
      // Ids are not sorted by name: order must come from seq, not from the id.
      batch.reverse();
      all.push(...batch.map((r) => r.id));
      await table.write(batch);
    }
    expect(await findIds(table, {})).toEqual(all);
    expect(await findIds(table, {}, 7, 9)).toEqual(all.slice(7, 16));
    expect(await findIds(table, {}, 45)).toEqual(all.slice(45));
    expect(await findIds(table, {}, 0, 0)).toEqual([]);
    expect(await findIds(table, {}, 60, 5)).toEqual([]);
    const even = all.filter((id) => Number(id.split("-")[1]) % 2 === 0);
    const evenFilter: RecordFilter = { where: { kind: "compare", key: "even", op: "$eq", value: true } };
    expect(await findIds(table, evenFilter, 3, 4)).toEqual(even.slice(3, 7));
  });

  it("deletes by ids / filter and says how many", async () => {
    const table = await recordsOf(storage, collection());
    await table.write(Array.from({ length: 20 }, (_, i) => rec(`r${i}`, [i, 0], `doc ${i}`, { i })));
    expect(await table.delete({ ids: ["r1", "r2", "nope"] })).toBe(2);
    expect(await table.delete({ ids: ["r1"] })).toBe(0);
    expect(await table.delete({ where: { kind: "compare", key: "i", op: "$gte", value: 15 } })).toBe(5);
    // r10..r14 ("doc 1" is also a prefix of them; r1 is already gone).
    expect(await table.delete({ whereDocument: { kind: "contains", text: "doc 1" } })).toBe(5);
    expect(await table.count()).toBe(8);
    expect(await table.delete({})).toBe(8);
    expect(await table.count()).toBe(0);
    // Writing after deleting everything still orders new ids last.
    await table.write([rec("new", [0, 0])]);
    expect(await findIds(table, {})).toEqual(["new"]);
  });

  it("serves an unwritten collection as empty", async () => {
    const table = await recordsOf(storage, collection());
    expect(await table.count()).toBe(0);
    expect(await table.fetch(["a"])).toEqual([]);
    expect(await findIds(table, {})).toEqual([]);
    expect(await table.delete({})).toBe(0);
    expect(await table.nearest([Float32Array.of(1), Float32Array.of(2)], 3, {}, IDS_ONLY)).toEqual([[], []]);
    expect(await table.indexingStatus()).toEqual({ indexed: 0, unindexed: 0 });
  });

  it("answers ids that match nothing with empty results, full projections included", async () => {
    const table = await recordsOf(storage, collection());
    await table.write([rec("a", [1, 2])]);
    expect(await table.fetch(["missing"])).toEqual([]);
    expect(await table.find({ ids: ["missing"] }, { offset: 0 }, EVERYTHING)).toEqual([]);
    expect(await table.find({ where: { kind: "compare", key: "absent", op: "$eq", value: 1 } }, { offset: 0 }, EVERYTHING)).toEqual([]);
  });

  it("survives a reopen: records, order, and seq continuation", async () => {
    const coll = collection();
    let table = await recordsOf(storage, coll);
    await table.write([rec("a", [1, 0], "A", { k: 1 }), rec("b", [0, 1], null, { k: "one" }), rec("c", [1, 1], "C")]);
    await table.delete({ ids: ["c"] });
    await storage.close();

    storage = await openStorage(dir.path);
    table = await recordsOf(storage, coll);
    expect(await table.find({}, { offset: 0 }, EVERYTHING)).toEqual([
      { id: "a", embedding: Float32Array.of(1, 0), document: "A", uri: null, metadata: { k: 1 } },
      { id: "b", embedding: Float32Array.of(0, 1), document: null, uri: null, metadata: { k: "one" } },
    ]);
    await table.write([rec("d", [3, 3]), rec("a", [9, 9], "A2")]);
    expect(await findIds(table, {})).toEqual(["a", "b", "d"]);
    expect(await findIds(table, { where: { kind: "compare", key: "k", op: "$eq", value: "one" } })).toEqual(["b"]);
    expect(await table.indexingStatus()).toEqual({ indexed: 3, unindexed: 0 });
  });

  it("loses nothing under concurrent writers", async () => {
    const table = await recordsOf(storage, collection());
    // 20 writers, each with its own ids and its own new metadata key (concurrent schema evolution).
    await Promise.all(
      Array.from({ length: 20 }, (_, w) =>
        table.write(Array.from({ length: 25 }, (_, i) => rec(`w${w}-${i}`, [w, i], `doc ${w}`, { [`key${w}`]: i, shared: w }))),
      ),
    );
    expect(await table.count()).toBe(500);
    const order = await findIds(table, {});
    expect(new Set(order).size).toBe(500);
    // Each write's records are contiguous and in batch order.
    for (let w = 0; w < 20; w++) {
      const at = order.indexOf(`w${w}-0`);
      expect(order.slice(at, at + 25)).toEqual(Array.from({ length: 25 }, (_, i) => `w${w}-${i}`));
      expect(await findIds(table, { where: { kind: "compare", key: `key${w}`, op: "$gte", value: 20 } })).toHaveLength(5);
    }
    // Concurrent replacements of the same ids: every id ends with one writer's full record.
    await Promise.all(Array.from({ length: 10 }, (_, w) => table.write([rec("w0-0", [w, w], `v${w}`, { v: w }), rec("w1-0", [w, w], `v${w}`, { v: w })])));
    const [a, b] = await table.fetch(["w0-0", "w1-0"]);
    expect(a.document).toMatch(/^v\d$/);
    expect(a.metadata).toEqual({ v: Number(a.document!.slice(1)) });
    expect(b.metadata).toEqual({ v: Number(b.document!.slice(1)) });
    expect(await table.count()).toBe(500);
    expect((await findIds(table, {})).slice(0, 1)).toEqual([order[0]]);
  });

  it("compacts in the background and drops old versions while keeping the data", async () => {
    await storage.close();
    storage = await openStorage(dir.path, { optimizeEvery: 5, retainVersionsMs: 0, optimizeIdleFactor: 0 });
    const coll = collection();
    const table = await recordsOf(storage, coll);
    for (let i = 0; i < 40; i++) await table.write([rec(`r${i}`, [i, 1], null, { i })]);
    await table.write([rec("r3", [3, 3], "replaced")]);
    await storage.idle();
    const db = await lancedb.connect(dir.path);
    const lance = await db.openTable(coll.id);
    // 41 writes are 41+ versions; cleanup keeps only the last few.
    expect((await lance.listVersions()).length).toBeLessThan(10);
    expect((await lance.stats()).fragmentStats.numFragments).toBeLessThan(10);
    db.close();
    expect(await table.count()).toBe(40);
    expect((await findIds(table, {})).slice(0, 5)).toEqual(["r0", "r1", "r2", "r3", "r4"]);
    expect(await findIds(table, { where: { kind: "compare", key: "i", op: "$lt", value: 2 } })).toEqual(["r0", "r1"]);
  });

  it("spaces runs on big tables but idle() still settles them", async () => {
    await storage.close();
    // A huge idle factor defers every run after the first until idle() asks for them.
    storage = await openStorage(dir.path, { optimizeEvery: 2, retainVersionsMs: 0, optimizeIdleFactor: 1e9 });
    const coll = collection();
    const table = await recordsOf(storage, coll);
    for (let i = 0; i < 30; i++) await table.write([rec(`r${i}`, [i, 1])]);
    await storage.idle();
    const db = await lancedb.connect(dir.path);
    const lance = await db.openTable(coll.id);
    expect((await lance.stats()).fragmentStats.numFragments).toBeLessThan(5);
    db.close();
    expect(await findIds(table, {}, 28)).toEqual(["r28", "r29"]);
  });

  it("indexes ids once the table is large, and still sees rows written after the index", async () => {
    await storage.close();
    storage = await openStorage(dir.path, { optimizeEvery: 4, optimizeIdleFactor: 0 });
    const coll = collection();
    const table = await recordsOf(storage, coll);
    for (let b = 0; b < 12; b++) await table.write(Array.from({ length: 1000 }, (_, i) => rec(`b${b}-${i}`, [b, i])));
    await storage.idle();
    const db = await lancedb.connect(dir.path);
    const indices = await (await db.openTable(coll.id)).listIndices();
    db.close();
    expect(indices.map((i) => i.columns)).toContainEqual(["id"]);
    // Unindexed rows (written after the index) and indexed ones are both found and keep their place.
    await table.write([rec("late", [0, 0])]);
    await table.write([rec("late", [1, 1], "replaced"), rec("b0-5", [2, 2], "replaced too")]);
    const order = await findIds(table, {});
    expect(order).toHaveLength(12_001);
    expect(order[5]).toBe("b0-5");
    expect(order[12_000]).toBe("late");
    expect((await table.fetch(["late", "b0-5", "b11-999"])).map((r) => r.document)).toEqual(["replaced", "replaced too", null]);
    expect(await table.delete({ ids: ["b3-3", "late", "ghost"] })).toBe(2);
  });

  it("drops a collection's records; its id stays dropped (a tombstone every replica honours)", async () => {
    const coll = collection();
    const table = await recordsOf(storage, coll);
    await table.write([rec("a", [1, 2])]);
    await storage.dropCollection(coll.id);
    await expect(table.write([rec("b", [1, 2])])).rejects.toBeInstanceOf(CollectionGoneError);
    // Ids are never reused by the core (random UUIDs); a late writer of the old id is refused.
    const again = await recordsOf(storage, coll);
    expect(await again.count()).toBe(0);
    await expect(again.write([rec("c", [1, 2, 3])])).rejects.toBeInstanceOf(CollectionGoneError);
    expect(await again.count()).toBe(0);
    const fresh = await recordsOf(storage, collection());
    await fresh.write([rec("c", [1, 2, 3])]);
    expect(await findIds(fresh, {})).toEqual(["c"]);
  });
});

describe("works on an object-store URI (no local filesystem)", () => {
  it("stores catalog and records in memory://", async () => {
    const mem = await openStorage(`memory://chromaspec-${Date.now()}`);
    try {
      const coll = collection();
      await mem.catalog.createTenant({ name: "t" });
      await mem.catalog.createCollection(coll);
      const table = await recordsOf(mem, coll);
      await table.write([rec("a", [1, 0], "x", { k: true })]);
      expect(await findIds(table, { where: { kind: "compare", key: "k", op: "$eq", value: true } })).toEqual(["a"]);
      expect(await mem.catalog.getCollectionById(coll.id)).toEqual(coll);
    } finally {
      await mem.close();
    }
  });
});
