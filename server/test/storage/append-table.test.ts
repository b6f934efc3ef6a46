/**
 * appendTable (storage/lance/arrow.ts): an append through lancedb's native table, without
 * Table.add's schema read, sanitizing pass and second copy. It must reach the native table (a
 * lancedb upgrade that moves it fails here rather than quietly taking the slower path), commit
 * exactly what Table.add commits, and fall back to Table.add on a table without one.
 */
import * as lancedb from "@lancedb/lancedb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendsNatively, appendTable, arrow, float32Data, int64Data, tableFromColumns, utf8Data } from "../../src/storage/lance/arrow.js";
import { tempDir } from "./helpers.js";

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await dir.dispose();
});

const schema = new arrow.Schema([
  new arrow.Field("id", new arrow.Utf8(), false),
  new arrow.Field("seq", new arrow.Int64(), false),
  new arrow.Field("embedding", new arrow.FixedSizeList(3, new arrow.Field("item", new arrow.Float32(), true)), false),
  new arrow.Field("document", new arrow.Utf8(), true),
]);

function batch(first: number, n: number) {
  const flat = Float32Array.from({ length: n * 3 }, (_, i) => first * 3 + i + 0.5);
  return tableFromColumns(
    schema,
    n,
    new Map([
      ["id", utf8Data(Array.from({ length: n }, (_, i) => `id${first + i}`))],
      ["seq", int64Data(BigInt64Array.from({ length: n }, (_, i) => BigInt(first + i)))],
      ["embedding", arrow.makeData({ type: schema.fields[2].type, length: n, nullCount: 0, child: float32Data(flat) })],
      ["document", utf8Data(Array.from({ length: n }, (_, i) => (i % 2 === 0 ? `doc é ${first + i}` : null)))],
    ]),
  );
}

async function rows(table: lancedb.Table) {
  const got = await table.query().toArray();
  return got
    .map((r) => ({ id: r.id as string, seq: Number(r.seq), embedding: Array.from(r.embedding as Iterable<number>), document: r.document as string | null }))
    .sort((a, b) => a.seq - b.seq);
}

describe("appendTable", () => {
  it("appends through lancedb's native table what Table.add appends", async () => {
    const db = await lancedb.connect(dir.path);
    const viaAdd = await db.createEmptyTable("via_add", schema);
    const direct = await db.createEmptyTable("direct", schema);
    expect(appendsNatively(direct)).toBe(true);
    for (const [first, n] of [[0, 5], [5, 1000]]) {
      const a = await viaAdd.add(batch(first, n));
      const b = await appendTable(direct, batch(first, n));
      expect(b.version).toBe(a.version);
      expect(await direct.version()).toBe(b.version);
    }
    expect(await direct.countRows()).toBe(1005);
    expect(await rows(direct)).toEqual(await rows(viaAdd));
    expect((await rows(direct))[6]).toEqual({ id: "id6", seq: 6, embedding: [18.5, 19.5, 20.5], document: null });
  });

  it("falls back to Table.add when there is no native table to reach", async () => {
    const db = await lancedb.connect(dir.path);
    const table = await db.createEmptyTable("t", schema);
    let added = 0;
    const wrapper = { add: async (data: Parameters<lancedb.Table["add"]>[0]) => (added++, table.add(data)) };
    expect(appendsNatively(wrapper)).toBe(false);
    await appendTable(wrapper, batch(0, 3));
    expect(added).toBe(1);
    expect(await table.countRows()).toBe(3);
  });
});
