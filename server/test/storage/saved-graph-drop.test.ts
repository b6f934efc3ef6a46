/**
 * A saved graph is dropped only once no save of it is under way (the issue-17 kind: no table
 * dropped while a native call writes or cleans it up). A save overwrites the `<id>-hnsw` table
 * (an object store) and cleans up its old versions; dropping the table meanwhile fails with
 * "Directory not empty" (a reset or drop answered 500) and lets the save write the table again (an
 * orphan graph). Reset used to drop graph tables by name beside their collections, without waiting
 * for saves. On a local path the graph is a file (memory/graph-file.ts): a save renaming its file
 * into place after the drop removed it would leave an orphan file just the same. The order is the
 * storage's (open.ts dropRecords), whatever keeps the graph: checked here on the file.
 * A resident copy replaced while its save was under way (a write whose apply failed: reloaded)
 * used to be forgotten by the collection's close, so a drop did not wait for that save.
 */
import * as lancedb from "@lancedb/lancedb";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { GraphFiles } from "../../src/storage/memory/graph-file.js";
import type { SnapshotPart } from "../../src/storage/memory/graph-snapshot.js";
import { ResidentCollection } from "../../src/storage/memory/resident.js";
import { openStorage, type OpenedStorage } from "../../src/storage/open.js";
import { collection, rec, recordsOf, tempDir } from "./helpers.js";

let storage: OpenedStorage | null = null;
let dir: Awaited<ReturnType<typeof tempDir>> | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await storage?.close();
  await dir?.dispose();
});

/** Polling for the saves the storage runs in the background: every 25 ms, for up to 2 minutes. */
const POLL = { timeout: 120_000, interval: 25 };

const batch = (n: number, round: number) => Array.from({ length: n }, (_, i) => rec(`r${i}`, [Math.sin(i + round), Math.cos(i * 3 + round), i % 7, round]));

it.each(["reset", "drop the collection", "drop the collection once its resident copy was replaced"] as const)("%s while a save of the collection's graph is under way: the graph file is removed after the save, and stays removed", async (how) => {
  dir = await tempDir();
  const events: string[] = [];
  // Every table drop, whoever asks for it (the storage's own connection is of the same class).
  const probe = await lancedb.connect(dir.path);
  const dropTable = Object.getPrototypeOf(probe).dropTable as (name: string) => Promise<void>;
  vi.spyOn(Object.getPrototypeOf(probe), "dropTable").mockImplementation(async function (this: unknown, name: unknown) {
    events.push(`drop ${String(name)}`);
    return dropTable.call(this, name as string);
  });
  // The first save goes through (the table exists afterwards); the second waits at a gate.
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let saves = 0;
  const save = GraphFiles.prototype.saveStreamed;
  vi.spyOn(GraphFiles.prototype, "saveStreamed").mockImplementation(async function (this: GraphFiles, id: string, parts: SnapshotPart[]) {
    const n = ++saves;
    events.push(`save ${n} start`);
    if (n === 2) await gate;
    try {
      return await save.call(this, id, parts);
    } finally {
      events.push(`save ${n} end`);
    }
  });

  const drop = GraphFiles.prototype.drop;
  vi.spyOn(GraphFiles.prototype, "drop").mockImplementation(async function (this: GraphFiles, id: string) {
    events.push(`drop ${id}.hnsw`);
    return drop.call(this, id);
  });
  const file = (id: string) => join(dir!.path, "saved-graphs", `${id}.hnsw`);

  storage = await openStorage(dir.path, { memory: { annThreshold: 16, onWarning: () => undefined } });
  const coll = collection();
  const records = await recordsOf(storage, coll);
  // Over 1,000 changes make a built graph worth saving (memory/graph-persistence.ts).
  await records.write(batch(1100, 0));
  await vi.waitUntil(() => events.includes("save 1 end"), POLL); // the first save
  await stat(file(coll.id));
  await records.write(batch(1100, 1));
  await vi.waitUntil(() => events.includes("save 2 start"), POLL); // the second save
  if (how === "drop the collection once its resident copy was replaced") {
    // A write whose apply to memory fails: the copy saving now is closed and a new one loaded.
    const put = vi.spyOn(ResidentCollection.prototype, "put").mockImplementationOnce(() => {
      throw new Error("injected apply failure");
    });
    await records.write([rec("late", [1, 2, 3, 4])]);
    expect(put).toHaveBeenCalled();
    await records.ready();
  }

  const done = how === "reset" ? storage.reset() : storage.dropCollection(coll.id);
  // Until the records table is dropped (just before the graph's, by a drop that does not wait
  // for the save), then long enough for that drop to happen.
  await vi.waitUntil(() => events.includes(`drop ${coll.id}`), POLL);
  await new Promise((r) => setTimeout(r, 500));
  release();
  await done;

  // The save ends either way (a drop that did not wait for it: after the drop, writing the file again).
  await vi.waitUntil(() => events.includes("save 2 end"), POLL);
  const graphDrops = events.flatMap((e, i) => (e === `drop ${coll.id}.hnsw` ? [i] : []));
  expect(graphDrops.length, events.join("\n")).toBeGreaterThan(0);
  expect(graphDrops[0], events.join("\n")).toBeGreaterThan(events.indexOf("save 2 end"));
  await expect(stat(file(coll.id))).rejects.toMatchObject({ code: "ENOENT" });
  expect(await probe.tableNames()).not.toContain(`${coll.id}-hnsw`);
  expect(await probe.tableNames()).not.toContain(coll.id);
  probe.close();
}, 300_000);
