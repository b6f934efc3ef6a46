/**
 * A save that hangs at shutdown (an object store that stops answering) does not hang close():
 * storage.close() waits for the saves of graphs and vectors at most closeSaveWaitMs, then gives
 * them up with a warning naming the collection. Nothing is lost: the records are in LanceDB (a
 * save is no acknowledged write), the next open finds them all. The save here is a local graph
 * file's, held at a gate that never opens: the bound is the storage's, whatever keeps the graph.
 * Releasing the write leases at close (a courtesy to other replicas, who otherwise wait the ttl)
 * is bounded the same.
 */
import { afterEach, expect, it, vi } from "vitest";
import { Leases } from "../../src/storage/lance/lease.js";
import { GraphFiles } from "../../src/storage/memory/graph-file.js";
import { openStorage, type OpenedStorage } from "../../src/storage/open.js";
import { collection, rec, recordsOf, tempDir } from "./helpers.js";

let storage: OpenedStorage | null = null;
let dir: Awaited<ReturnType<typeof tempDir>> | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await storage?.close();
  storage = null;
  await dir?.dispose();
});

const POLL = { timeout: 120_000, interval: 25 };
const batch = (n: number) => Array.from({ length: n }, (_, i) => rec(`r${i}`, [Math.sin(i), Math.cos(i * 3), i % 7, 1]));

it("close() gives up a save that hangs after closeSaveWaitMs, warning with the collection's id; every record is there on the next open", async () => {
  dir = await tempDir();
  let started = 0;
  vi.spyOn(GraphFiles.prototype, "saveStreamed").mockImplementation(() => {
    started++;
    return new Promise<void>(() => undefined);
  });
  const warnings: string[] = [];
  const onWarning = (m: string) => void warnings.push(m);
  storage = await openStorage(dir.path, { memory: { annThreshold: 16, onWarning }, closeSaveWaitMs: 1000 });
  const coll = collection();
  const records = await recordsOf(storage, coll);
  // Over 1,000 changes make a built graph worth saving (memory/graph-persistence.ts).
  await records.write(batch(1100));
  await vi.waitUntil(() => started > 0, POLL);

  const closing = storage.close();
  storage = null;
  // Unbounded, the close would wait for the gate forever: 60 s tells the two apart on a loaded machine.
  const t0 = performance.now();
  const outcome = await Promise.race([closing.then(() => "closed"), new Promise((r) => setTimeout(() => r("still waiting"), 60_000))]);
  expect(outcome).toBe("closed");
  expect(performance.now() - t0).toBeGreaterThanOrEqual(900);
  expect(warnings.filter((w) => w.includes(coll.id) && /still under way after 1000 ms; not waiting for it/.test(w)), warnings.join("\n")).toHaveLength(1);

  vi.restoreAllMocks();
  storage = await openStorage(dir.path, { memory: { annThreshold: 16, onWarning } });
  expect(await (await recordsOf(storage, coll)).count()).toBe(1100);
}, 180_000);

it("close() gives up a release of the write leases that hangs after closeSaveWaitMs, with a warning", async () => {
  dir = await tempDir();
  const warnings: string[] = [];
  storage = await openStorage(dir.path, { memory: { onWarning: (m) => void warnings.push(m) }, closeSaveWaitMs: 1000 });
  const coll = collection();
  await (await recordsOf(storage, coll)).write(batch(10));
  vi.spyOn(Leases.prototype, "close").mockImplementation(() => new Promise<void>(() => undefined));
  const closing = storage.close();
  storage = null;
  const outcome = await Promise.race([closing.then(() => "closed"), new Promise((r) => setTimeout(() => r("still waiting"), 60_000))]);
  expect(outcome).toBe("closed");
  expect(warnings.filter((w) => /releasing this process's write leases was still under way after 1000 ms/.test(w)), warnings.join("\n")).toHaveLength(1);

  vi.restoreAllMocks();
  storage = await openStorage(dir.path, { memory: { onWarning: () => undefined } });
  expect(await (await recordsOf(storage, coll)).count()).toBe(10);
}, 180_000);
