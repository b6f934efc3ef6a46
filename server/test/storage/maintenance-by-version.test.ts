/**
 * Maintenance falls due by the table's version number, not by one process's writes: a table
 * written a few times per process life is cleaned up across restarts (its versions and files
 * stay bounded), a clean table is not optimized again by every open, and versions this process
 * commits without a write (the fence of a lease takeover) count.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { expect, it } from "vitest";
import { arrow, tableFromColumns, utf8Data } from "../../src/storage/lance/arrow.js";
import { CatalogTable } from "../../src/storage/lance/catalog.js";
import { LanceDatabase } from "../../src/storage/lance/database.js";
import type { StorageOptions } from "../../src/storage/open.js";
import { collection, rec, recordsOf } from "./helpers.js";
import { storagesPerTest } from "./storage-per-test.js";

const stores = storagesPerTest();

/** Versions LanceDB lists for a table of the store. */
async function versionsOf(name: string): Promise<number[]> {
  const db = await lancedb.connect(stores.path);
  try {
    const t = await db.openTable(name);
    try {
      return (await t.listVersions()).map((v) => v.version);
    } finally {
      t.close();
    }
  } finally {
    db.close();
  }
}

async function filesUnder(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) n += e.isDirectory() ? await filesUnder(join(dir, e.name)) : 1;
  return n;
}

// No spacing and no retention, so a run that falls due runs (and removes every old version) at once.
const EVERY = 20;
const options = (runs: string[]): StorageOptions => ({
  optimizeEvery: EVERY,
  retainVersionsMs: 0,
  optimizeIdleFactor: 0,
  onBackgroundRun: (table) => runs.push(table),
});

it("a table written 5 times per process life over 6 lives is cleaned up: versions and files stay bounded", async () => {
  const coll = collection();
  const runs: string[] = [];
  const lives = 6;
  const perLife = 5;
  for (let life = 0; life < lives; life++) {
    const storage = await stores.open(options(runs));
    const table = await recordsOf(storage, coll);
    for (let i = 0; i < perLife; i++) await table.write([rec(`r${life}-${i}`, [life, i])]);
    await storage.idle();
    await stores.close(storage);
  }
  // Before: every version of every life stayed (31).
  const records = await versionsOf(coll.id);
  expect(records.length).toBeLessThan(EVERY + perLife + 1);
  expect(Math.min(...records)).toBeGreaterThan(1);
  expect(runs).toContain(coll.id);
  expect(await filesUnder(join(stores.path, `${coll.id}.lance`))).toBeLessThan(2 * (lives * perLife + 1));
  // Every record is still there.
  const storage = await stores.open(options([]));
  expect(await (await recordsOf(storage, coll)).count()).toBe(lives * perLife);
});

it("a clean table is not optimized again by every open", async () => {
  const coll = collection();
  const runs: string[] = [];
  let storage = await stores.open(options(runs));
  const table = await recordsOf(storage, coll);
  for (let i = 0; i < EVERY + 2; i++) await table.write([rec(`r${i}`, [i, 0])]);
  await storage.idle();
  expect(runs.filter((t) => t === coll.id).length).toBeGreaterThanOrEqual(1);
  await stores.close(storage);
  // Opened (and read) again and again without writes: nothing to clean, so no run.
  runs.length = 0;
  for (let life = 0; life < 3; life++) {
    storage = await stores.open(options(runs));
    expect(await (await recordsOf(storage, coll)).count()).toBe(EVERY + 2);
    await storage.idle();
    await stores.close(storage);
  }
  expect(runs).toEqual([]);
});

it("a table left with `every` old versions by earlier processes is due when opened", async () => {
  const coll = collection();
  // Earlier processes that never ran maintenance (as every process whose life ended before
  // its every-th write): 2 * EVERY versions.
  const none = await stores.open({ ...options([]), optimizeEvery: 1_000_000 });
  const table = await recordsOf(none, coll);
  for (let i = 0; i < 2 * EVERY; i++) await table.write([rec(`r${i}`, [i, 0])]);
  await stores.close(none);
  expect((await versionsOf(coll.id)).length).toBeGreaterThan(2 * EVERY);
  const runs: string[] = [];
  const storage = await stores.open(options(runs));
  expect(await (await recordsOf(storage, coll)).count()).toBe(2 * EVERY);
  await storage.idle();
  expect(runs).toContain(coll.id);
  expect((await versionsOf(coll.id)).length).toBeLessThan(4);
});

it("the versions a takeover's fence commits count towards the next run", async () => {
  const runs: string[] = [];
  const db = await LanceDatabase.connect(stores.path, { optimizeEvery: 3, retainVersionsMs: 0, optimizeIdleFactor: 0, onBackgroundRun: (t) => runs.push(t) });
  const schema = new arrow.Schema([new arrow.Field("k", new arrow.Utf8(), false)]);
  const row = (k: string) => tableFromColumns(schema, 1, new Map([["k", utf8Data([k])]]));
  const created = await db.connection.createEmptyTable("fenced", schema);
  created.close();
  const table = new CatalogTable(await db.connection.openTable("fenced"), await db.connection.openTable("fenced"), db.runner);
  try {
    await db.idle(true);
    await table.append(row("a"));
    await table.append(row("b"));
    await db.idle(true);
    expect(runs).toEqual([]); // 2 versions of 3
    await table.fence(); // a third version, no write
    await db.idle(true);
    expect(runs).toEqual(["fenced"]);
  } finally {
    await table.close();
    db.close();
  }
});

it("a catalog table (whose reader stays at the version it opened) runs once per `every` versions, not after every write past them", async () => {
  const runs: string[] = [];
  const storage = await stores.open(options(runs));
  const catalogRuns = () => runs.filter((t) => t === "_chromaspec_collections").length;
  for (let i = 0; i < 2 * EVERY; i++) await storage.catalog.createCollection(collection());
  await storage.idle();
  expect(catalogRuns()).toBeGreaterThanOrEqual(1);
  // A few more writes, each given time to start a run: fewer than `every`, so at most one run
  // (the count may have started before the last of the writes above, when the run that covered
  // them waited for quiet while they kept coming), not one per write.
  runs.length = 0;
  for (let i = 0; i < 5; i++) {
    await storage.catalog.createCollection(collection());
    await storage.idle();
  }
  expect(catalogRuns()).toBeLessThanOrEqual(1);
});
