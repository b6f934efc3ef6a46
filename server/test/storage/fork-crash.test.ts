/**
 * A fork interrupted by a crash (kill -9 of the process at a step, fixtures/fork-crash.ts) leaves
 * nothing visible and nothing counted: before its catalog row commits, the next open removes the
 * lineage row and the clone (no collection, fork_count unchanged, no table left); once the row
 * has committed, the fork is whole and stays. The source keeps its records either way and forks
 * again afterwards.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as lancedb from "@lancedb/lancedb";
import { describe, expect, it } from "vitest";
import { LINEAGE_TABLE } from "../../src/storage/lance/lineage.js";
import type { CollectionInfo } from "../../src/storage/storage.js";
import { indexParams } from "../../src/core/space.js";
import { collection, IDS_ONLY, rec, recordsOf } from "./helpers.js";
import { storagesPerTest } from "./storage-per-test.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/fork-crash.ts", import.meta.url));
const OPTIONS = { optimizeEvery: 1_000_000 };

const storages = storagesPerTest();

/** Runs the fixture; resolves to the signal that ended it (SIGKILL when the crash was injected). */
function crashAt(step: string, source: CollectionInfo, target: CollectionInfo): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE, storages.path, step, JSON.stringify(source), JSON.stringify(target)], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (_code, signal) => resolve({ signal, stderr }));
  });
}

async function lineageRows(): Promise<number> {
  const db = await lancedb.connect(storages.path);
  try {
    const t = await db.openTable(LINEAGE_TABLE);
    return await t.countRows();
  } finally {
    db.close();
  }
}

const tables = async () => (await lancedb.connect(storages.path)).tableNames();

describe("a crash during a fork", () => {
  it.each([
    ["after its lineage row, before the clone", "recorded"],
    ["after the clone, before its catalog row", "cloned"],
  ])("%s leaves no collection, no lineage row and no table once the store is opened again", async (_, step) => {
    const storage = await storages.open(OPTIONS);
    const source = collection({ dimension: 2 });
    await (await recordsOf(storage, source)).write([rec("a", [1, 0]), rec("b", [0, 1])]);
    await storages.close(storage);

    const target = collection({ name: "interrupted", dimension: 2 });
    const run = await crashAt(step, source, target);
    expect(run.signal, run.stderr).toBe("SIGKILL");
    // What the crash left: the lineage row (and, after the clone, the clone's table).
    expect(await lineageRows()).toBe(1);
    if (step === "cloned") expect(await tables()).toContain(target.id);

    const reopened = await storages.open(OPTIONS);
    expect(reopened.catalog.hasCollection(target.id)).toBe(false);
    expect(await reopened.catalog.getCollectionByName("default_tenant", "default_database", "interrupted")).toBeNull();
    expect(await reopened.forkCount(source.id)).toBe(0);
    expect(await lineageRows()).toBe(0);
    expect(await tables()).not.toContain(target.id);

    const s = await reopened.collection(source.id, indexParams(source));
    expect((await s.find({}, { offset: 0 }, IDS_ONLY)).map((v) => v.id)).toEqual(["a", "b"]);
    const again = collection({ name: "interrupted", dimension: 2 });
    await reopened.forkCollection(source.id, again);
    expect(await reopened.forkCount(source.id)).toBe(1);
    const f = await reopened.collection(again.id, indexParams(again));
    expect((await f.find({}, { offset: 0 }, IDS_ONLY)).map((v) => v.id)).toEqual(["a", "b"]);
  }, 60_000);

  it("leaves no table of a source dropped meanwhile: what only the unfinished fork kept goes with it", async () => {
    const storage = await storages.open(OPTIONS);
    const source = collection({ dimension: 2 });
    await (await recordsOf(storage, source)).write([rec("a", [1, 0])]);
    const target = collection({ name: "interrupted", dimension: 2 });
    // Another process crashes mid-fork while this one stays open; this one then drops the source,
    // whose table the unfinished fork's lineage row still keeps.
    const run = await crashAt("cloned", source, target);
    expect(run.signal, run.stderr).toBe("SIGKILL");
    await storage.dropCollection(source.id);
    expect(await tables()).toContain(source.id);
    await storages.close(storage);
    // Opening the store again is what sweeps the unfinished fork's leftovers.
    await storages.open(OPTIONS);
    const left = await tables();
    for (const id of [source.id, target.id]) expect(left).not.toContain(id);
    expect(await lineageRows()).toBe(0);
  }, 60_000);

  it("after its catalog row leaves the whole fork, counted", async () => {
    const storage = await storages.open(OPTIONS);
    const source = collection({ dimension: 2 });
    await (await recordsOf(storage, source)).write([rec("a", [1, 0])]);
    await storages.close(storage);

    const target = collection({ name: "made-it", dimension: 2 });
    const run = await crashAt("visible", source, target);
    expect(run.signal, run.stderr).toBe("SIGKILL");

    const reopened = await storages.open(OPTIONS);
    expect(reopened.catalog.hasCollection(target.id)).toBe(true);
    expect(await reopened.forkCount(source.id)).toBe(1);
    expect(await reopened.forkCount(target.id)).toBe(1);
    expect(await lineageRows()).toBe(1);
    const f = await reopened.collection(target.id, indexParams(target));
    expect((await f.find({}, { offset: 0 }, IDS_ONLY)).map((v) => v.id)).toEqual(["a"]);
  }, 60_000);
});
