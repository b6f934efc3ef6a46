/**
 * Row versions (what a saved graph is checked against): every write stamps its rows above every
 * earlier stamp, across restarts and even when the newest rows are deleted; a table written
 * before rows had versions gets the column (0) on open and keeps working.
 */
import * as lancedb from "@lancedb/lancedb";
import { describe, expect, it } from "vitest";
import { arrow, float32Data, int64Data, tableFromColumns, utf8Data, type ArrowModule } from "../../src/storage/lance/arrow.js";
import { collection, EVERYTHING, IDS_ONLY, rec, recordsOf } from "./helpers.js";
import { storagePerTest } from "./storage-per-test.js";

const fresh = storagePerTest();

/** id -> version, as LanceDB has them. */
async function versions(tableName: string): Promise<Map<string, number>> {
  const db = await lancedb.connect(fresh.path);
  const t = await db.openTable(tableName);
  const rows = await t.query().select(["id", "version"]).toArray();
  t.close();
  db.close();
  return new Map(rows.map((r) => [r.id as string, Number(r.version as bigint)]));
}

describe("row versions", () => {
  it("each write stamps its rows above every earlier one, across restarts and deletes", async () => {
    const coll = collection();
    let table = await recordsOf(fresh.storage, coll);
    const started = Date.now() * 1000;
    await table.write([rec("a", [1, 0]), rec("b", [0, 1])]);
    await table.write([rec("b", [1, 1]), rec("c", [2, 2])]);
    let v = await versions(coll.id);
    expect(v.get("a")).toBeGreaterThanOrEqual(started);
    expect(v.get("b")).toBeGreaterThan(v.get("a")!);
    expect(v.get("c")).toBe(v.get("b"));
    // The newest rows deleted, then a restart: the next stamp is still above them.
    const newest = v.get("c")!;
    await table.delete({ ids: ["b", "c"] });
    await fresh.reopen();
    table = await recordsOf(fresh.storage, coll);
    await table.write([rec("d", [3, 3])]);
    v = await versions(coll.id);
    expect(v.get("d")).toBeGreaterThan(newest);
    expect([...v.keys()].sort()).toEqual(["a", "d"]);
  });

  it("a table written before rows had versions gets them (0) on open and keeps working", async () => {
    const coll = collection();
    await fresh.storage.catalog.createCollection(coll);
    // The record table as it was: no version column.
    const db = await lancedb.connect(fresh.path);
    const fsl = new arrow.FixedSizeList(2, new arrow.Field("item", new arrow.Float32(), true));
    const schema = new arrow.Schema([
      new arrow.Field("id", new arrow.Utf8(), false),
      new arrow.Field("seq", new arrow.Int64(), false),
      new arrow.Field("embedding", fsl, false),
      new arrow.Field("norm", new arrow.Float32(), false),
      new arrow.Field("document", new arrow.Utf8(), true),
      new arrow.Field("uri", new arrow.Utf8(), true),
      new arrow.Field("metadata_json", new arrow.Utf8(), true),
    ]);
    const data = tableFromColumns(
      schema,
      2,
      new Map<string, ArrowModule.Data>([
        ["id", utf8Data(["old1", "old2"])],
        ["seq", int64Data(BigInt64Array.of(0n, 1n))],
        ["embedding", arrow.makeData({ type: fsl, length: 2, nullCount: 0, child: float32Data(Float32Array.of(1, 0, 0, 1)) })],
        ["norm", float32Data(Float32Array.of(1, 1))],
        ["document", utf8Data(["one", "two"])],
        ["uri", utf8Data([null, null])],
        ["metadata_json", utf8Data([null, null])],
      ]),
    );
    (await db.createTable(coll.id, data)).close();
    db.close();

    const table = await recordsOf(fresh.storage, coll);
    await table.write([rec("new", [1, 1], "three")]);
    const v = await versions(coll.id);
    expect(v.get("old1")).toBe(0);
    expect(v.get("old2")).toBe(0);
    expect(v.get("new")).toBeGreaterThan(0);
    expect((await table.find({}, { offset: 0 }, IDS_ONLY)).map((r) => r.id)).toEqual(["old1", "old2", "new"]);
    const [hits] = await table.nearest([Float32Array.of(1, 0)], 2, {}, EVERYTHING);
    expect(hits.map((h) => [h.id, h.document])).toEqual([
      ["old1", "one"],
      ["new", "three"],
    ]);
  });
});
