/**
 * A collection's saved graph (on a local path its `saved-graphs/<id>.hnsw` file; what an earlier
 * version saved there, and what an object store keeps, its `<id>-hnsw` table) lives and dies with
 * the collection: saved by a graceful close, dropped with the collection (and no other's), and by
 * a reset, orphans included. A table an earlier version saved locally is loaded (no rebuild), then
 * replaced by a file. (A drop or reset while a save is under way: saved-graph-drop.test.ts.)
 */
import * as lancedb from "@lancedb/lancedb";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
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

async function graphFiles(): Promise<string[]> {
  return (await readdir(join(fresh.path, "saved-graphs")).catch(() => [])).sort();
}

async function filled(seed: number) {
  const random = rng(seed);
  const coll = collection();
  const table = await recordsOf(fresh.storage, coll);
  await table.write(Array.from({ length: 300 }, (_, i) => rec(`r${i}`, Array.from({ length: 8 }, () => random()))));
  return coll;
}

describe("saved graphs follow their collection", () => {
  it("a graceful close saves each graph in a file of its own; dropping a collection drops its graph, not the others'", async () => {
    const a = await filled(1);
    const b = await filled(2);
    await fresh.reopen();
    expect(await tables()).toEqual([a.id, b.id].sort());
    expect(await graphFiles()).toEqual([`${a.id}.hnsw`, `${b.id}.hnsw`].sort());
    await fresh.storage.dropCollection(a.id);
    expect(await tables()).toEqual([b.id]);
    expect(await graphFiles()).toEqual([`${b.id}.hnsw`]);
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
    await writeFile(join(fresh.path, "saved-graphs", "orphan-file.hnsw"), "left by a crash mid-drop");
    expect(await tables()).toContain(graphTableName("orphan-collection"));
    const writes = table.write([rec("late", [1, 1, 1, 1, 1, 1, 1, 1])]).catch(() => undefined);
    await fresh.storage.reset();
    await writes;
    expect(await tables()).toEqual([]);
    expect(await graphFiles()).toEqual([]);
    expect(fresh.storage.catalog.hasCollection(b.id)).toBe(false);
  });

  it("a graph an earlier version saved in a LanceDB table is loaded from it, then moved to a file", async () => {
    const lines: { msg: string; [k: string]: unknown }[] = [];
    const logger = { info: (f: object, msg: string) => lines.push({ ...f, msg }), warn: (f: object, msg: string) => lines.push({ ...f, msg }), child: () => logger };
    const a = await filled(5);
    // Indexed before the graceful close, so the saved graph holds every record.
    const first = await recordsOf(fresh.storage, a);
    await vi.waitUntil(async () => (await first.indexingStatus()).unindexed === 0, { timeout: 60_000, interval: 25 });
    await fresh.reopen();
    // What an earlier version left: the graph's bytes in the table, no file.
    const file = join(fresh.path, "saved-graphs", `${a.id}.hnsw`);
    const bytes = await readFile(file);
    const db = await lancedb.connect(fresh.path);
    await new GraphStore(db).save(a.id, [bytes]);
    await rm(file);
    await fresh.reopen({ memory: { annThreshold: 16 }, logger });
    const table = await recordsOf(fresh.storage, a);
    await table.ready();
    expect(lines.find((l) => l.msg === "loading the collection's saved graph")).toMatchObject({ kept: 300, upserts: 0, deletes: 0 });
    expect(lines.find((l) => l.msg === "building the collection's graph")).toBeUndefined();
    // Moved at once: the file holds the same bytes, the table is gone (no save was due).
    expect(await readFile(file)).toEqual(bytes);
    expect(await tables()).not.toContain(graphTableName(a.id));
    db.close();
  });
});
