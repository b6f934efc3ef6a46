/**
 * A collection's saved graph (its `<id>-hnsw` table) lives and dies with the collection: saved by
 * a graceful close, dropped with the collection (and no other's), and by a reset, orphans
 * included. (A drop or reset while a save is under way: saved-graph-drop.test.ts.)
 */
import * as lancedb from "@lancedb/lancedb";
import { describe, expect, it } from "vitest";
import { GraphStore, graphTableName } from "../../src/storage/lance/graph-store.js";
import { CATALOG_LEASE, CATALOG_TABLES } from "../../src/storage/lance/catalog.js";
import { LINEAGE_TABLE } from "../../src/storage/lance/lineage.js";
import { collection, recordsOf, rec, rng } from "./helpers.js";
import { storagePerTest } from "./storage-per-test.js";

// Graphs from 16 records on, so a few hundred records get one quickly.
const fresh = storagePerTest({ memory: { annThreshold: 16 } });
const CATALOG = new Set<string>([...Object.values(CATALOG_TABLES), CATALOG_LEASE.table, LINEAGE_TABLE]);

async function tables(): Promise<string[]> {
  const db = await lancedb.connect(fresh.path);
  const names = await db.tableNames();
  db.close();
  // Records and graphs only: write leases (`<id>-lease`, docs/scaling.md) are not this test's subject.
  return names.filter((n) => !CATALOG.has(n) && !n.endsWith("-lease")).sort();
}

async function filled(seed: number) {
  const random = rng(seed);
  const coll = collection();
  const table = await recordsOf(fresh.storage, coll);
  await table.write(Array.from({ length: 300 }, (_, i) => rec(`r${i}`, Array.from({ length: 8 }, () => random()))));
  return coll;
}

describe("saved graphs follow their collection", () => {
  it("a graceful close saves each graph; dropping a collection drops its graph, not the others'", async () => {
    const a = await filled(1);
    const b = await filled(2);
    await fresh.reopen();
    expect(await tables()).toEqual([a.id, graphTableName(a.id), b.id, graphTableName(b.id)].sort());
    await fresh.storage.dropCollection(a.id);
    expect(await tables()).toEqual([b.id, graphTableName(b.id)].sort());
  });

  it("reset drops every collection with its graph, while collections are open and writing, and orphaned graphs", async () => {
    const a = await filled(3);
    await fresh.reopen();
    // Open again (its load reads the saved graph), with writes going on during the reset.
    const table = await recordsOf(fresh.storage, a);
    const b = await filled(4);
    const db = await lancedb.connect(fresh.path);
    await new GraphStore(db).save("orphan-collection", [new Uint8Array([1, 2, 3])]);
    db.close();
    expect(await tables()).toContain(graphTableName("orphan-collection"));
    const writes = table.write([rec("late", [1, 1, 1, 1, 1, 1, 1, 1])]).catch(() => undefined);
    await fresh.storage.reset();
    await writes;
    expect(await tables()).toEqual([]);
    expect(fresh.storage.catalog.hasCollection(b.id)).toBe(false);
  });
});
