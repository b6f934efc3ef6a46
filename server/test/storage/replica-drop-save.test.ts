/**
 * Two storages on one data directory (two replicas): one drops a collection while the other is
 * writing a save of its graph and vectors. The saving one renames its files into place after the
 * drop removed them: orphans that no later save or drop of that collection removes (it is gone).
 * The next open of the directory, by any replica, removes them (open.ts sweepOrphanSaves, under
 * the catalog's lease), and leaves the files of collections that still exist.
 */
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { GraphFiles } from "../../src/storage/memory/graph-file.js";
import type { SnapshotPart } from "../../src/storage/memory/graph-snapshot.js";
import type { StorageOptions } from "../../src/storage/open.js";
import { collection, rec, recordsOf } from "./helpers.js";
import { storagesPerTest } from "./storage-per-test.js";

const storages = storagesPerTest();
const POLL = { timeout: 120_000, interval: 25 };
const OPTIONS: StorageOptions = { memory: { annThreshold: 16, onWarning: () => undefined }, replication: { readConsistencyIntervalMs: 0 } };
const batch = (prefix: string, n: number, round: number) =>
  Array.from({ length: n }, (_, i) => rec(`${prefix}${i}`, [Math.sin(i + round), Math.cos(i * 3 + round), i % 7, round]));
const graphFile = (id: string) => join(storages.path, "saved-graphs", `${id}.hnsw`);
const vectorsFile = (id: string) => join(storages.path, "saved-vectors", `${id}.vectors`);
const exists = (path: string) => stat(path).then(() => true, () => false);

it("a collection dropped by one replica while another saves it: the saved files that land after the drop are removed on the next open; a live collection's stay", async () => {
  const a = await storages.open(OPTIONS);
  const b = await storages.open(OPTIONS);
  const [gone, kept] = [collection(), collection()];
  // Every graph save of the collection to be dropped after the first waits at a gate.
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const saves: string[] = [];
  const save = GraphFiles.prototype.saveStreamed;
  vi.spyOn(GraphFiles.prototype, "saveStreamed").mockImplementation(async function (this: GraphFiles, id: string, parts: SnapshotPart[]) {
    const n = saves.filter((s) => s.startsWith(`${id} start`)).length + 1;
    saves.push(`${id} start ${n}`);
    if (id === gone.id && n >= 2) await gate;
    await save.call(this, id, parts);
    saves.push(`${id} end ${n}`);
  });

  // Over 1,000 changes make a built graph worth saving (memory/graph-persistence.ts).
  await (await recordsOf(a, kept)).write(batch("k", 1100, 0));
  const records = await recordsOf(a, gone);
  await records.write(batch("g", 1100, 0));
  await vi.waitUntil(() => saves.includes(`${kept.id} end 1`) && saves.includes(`${gone.id} end 1`), POLL);
  await records.write(batch("g", 1100, 1));
  await vi.waitUntil(() => saves.includes(`${gone.id} start 2`), POLL);

  await b.dropCollection(gone.id);
  expect(await exists(graphFile(gone.id))).toBe(false);
  release();
  await vi.waitUntil(() => saves.includes(`${gone.id} end 2`), POLL);
  // The orphan this is about (the vectors file is written beside the graph's, after it).
  await vi.waitUntil(() => exists(vectorsFile(gone.id)), POLL);
  expect(await exists(graphFile(gone.id))).toBe(true);
  vi.restoreAllMocks();

  await storages.close(a);
  await storages.close(b);
  const c = await storages.open(OPTIONS);
  expect(await exists(graphFile(gone.id))).toBe(false);
  expect(await exists(vectorsFile(gone.id))).toBe(false);
  expect(await exists(graphFile(kept.id))).toBe(true);
  expect(await exists(vectorsFile(kept.id))).toBe(true);
  expect(await (await recordsOf(c, kept)).count()).toBe(1100);
}, 300_000);
