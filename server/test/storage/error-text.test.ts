/**
 * Lines storage logs about LanceDB's errors carry no Rust source paths, "Caused by" chains or
 * debug dumps (storage/error-text.ts): the text itself, then one log site of each kind that
 * reports such an error (background maintenance, the start-up preload, a failed graph save).
 */
import * as lancedb from "@lancedb/lancedb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { preloadCollections } from "../../src/core/preload.js";
import { ResidentCollection } from "../../src/storage/memory/resident.js";
import { errorText } from "../../src/storage/error-text.js";
import { openStorage, type OpenedStorage } from "../../src/storage/open.js";
import type { Storage } from "../../src/storage/storage.js";
import { collection, rec, recordsOf, tempDir } from "./helpers.js";

/** As LanceDB 0.37 words a commit conflict of a background optimize (seen in CI). */
const CONFLICT =
  "lance error: Retryable commit conflict for version 42: This Rewrite transaction was preempted by concurrent transaction Merge at version 42. Please retry., " +
  "/usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-10.0.0/src/io/commit/conflict_resolver.rs:854:30\n\n" +
  "Caused by:\n    Retryable commit conflict for version 42: This Rewrite transaction was preempted by concurrent transaction Merge at version 42. Please retry., " +
  "/usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-10.0.0/src/io/commit/conflict_resolver.rs:854:30";
const CONFLICT_TEXT =
  "lance error: Retryable commit conflict for version 42: This Rewrite transaction was preempted by concurrent transaction Merge at version 42. Please retry.";

function expectClean(line: string): void {
  expect(line).not.toMatch(/\.rs:\d|cargo|Caused by|\n/);
}

describe("errorText", () => {
  it("keeps the first line of a LanceDB error without its source paths and cause chain", () => {
    expect(errorText(new Error(CONFLICT))).toBe(CONFLICT_TEXT);
    // The chain on one line (as some bindings join it) is cut too.
    expect(errorText(new Error(CONFLICT.replace(/\n+/g, " ")))).toBe(CONFLICT_TEXT);
    expect(errorText(new Error("Table 'x' was not found, /home/build/lancedb/src/table.rs:12"))).toBe("Table 'x' was not found");
  });

  it("leaves other errors' text as it is", () => {
    expect(errorText(new Error("disk  full"))).toBe("disk full");
    expect(errorText("a string")).toBe("a string");
    expect(errorText(new Error("path /data/x.lance is not a directory"))).toBe("path /data/x.lance is not a directory");
  });
});

describe("log lines about LanceDB errors", () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let storage: OpenedStorage | null = null;
  afterEach(async () => {
    vi.restoreAllMocks();
    await storage?.close();
    storage = null;
    await dir?.dispose();
  });

  it("a failed background maintenance run is reported as one clean line", async () => {
    dir = await tempDir();
    const coll = collection();
    const reported: { error: string; table: string }[] = [];
    storage = await openStorage(dir.path, {
      optimizeEvery: 2,
      optimizeIdleFactor: 0,
      onBackgroundError: (error, table) => reported.push({ error, table }),
    });
    const table = await recordsOf(storage, coll);
    await table.write([rec("a", [1, 0])]);
    // Every optimize of this process's LanceDB tables fails as LanceDB's conflict does (also the retry).
    const db = await lancedb.connect(dir.path);
    const probe = await db.openTable(coll.id);
    vi.spyOn(Object.getPrototypeOf(probe) as { optimize: () => Promise<unknown> }, "optimize").mockRejectedValue(new Error(CONFLICT));
    probe.close();
    db.close();
    await table.write([rec("b", [0, 1])]);
    await storage.idle();
    const mine = reported.filter((r) => r.table === coll.id);
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) {
      expect(r.error).toBe(CONFLICT_TEXT);
      expectClean(r.error);
    }
    expect(await table.count()).toBe(2);
  });

  it("a collection the start-up preload cannot open is logged as one clean line", async () => {
    const warned: { fields: Record<string, unknown>; message: string }[] = [];
    const c = collection();
    const failing = {
      catalog: {
        listTenants: async () => [{ name: c.tenant }],
        listDatabases: async () => [{ name: c.database }],
        listCollections: async () => [c],
      },
      collection: async () => {
        throw new Error(CONFLICT);
      },
    } as unknown as Storage;
    expect(await preloadCollections(failing, { info: () => undefined, warn: (fields, message) => warned.push({ fields: fields as Record<string, unknown>, message }) })).toBe(0);
    expect(warned).toHaveLength(1);
    expect(warned[0].fields).toEqual({ collection: c.id, error: CONFLICT_TEXT });
    expectClean(JSON.stringify(warned[0]));
  });

  it("a storage warning that quotes an error quotes it as one clean line", async () => {
    dir = await tempDir();
    const warnings: string[] = [];
    storage = await openStorage(dir.path, { memory: { annThreshold: 4, onWarning: (m) => warnings.push(m) } });
    const coll = collection();
    const table = await recordsOf(storage, coll);
    await table.write([rec("a", [1, 0]), rec("b", [0, 1])]);
    await table.ready();
    expect(table.source).toBe("memory");
    // The memory apply after the LanceDB commit fails: the copy is reloaded, with a warning.
    vi.spyOn(ResidentCollection.prototype, "put").mockImplementationOnce(() => {
      throw new Error(CONFLICT);
    });
    await table.write([rec("c", [1, 1])]);
    await table.ready();
    const line = warnings.find((w) => /could not be applied/.test(w));
    expect(line).toBe(`collection table ${coll.id}: a change could not be applied (${CONFLICT_TEXT}); reloading it from LanceDB`);
    expectClean(line!);
    expect(await table.count()).toBe(3);
  });
});
