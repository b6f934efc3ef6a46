/**
 * Cleaning up lease tables (lance/lease-table.ts LeaseTable.cleanUp, started by Leases): every
 * acquisition, renewal and release commits a version of a one-row table, ~3 files each, which
 * nothing removed before. The version count stays bounded while replicas take turns with a key;
 * the keys stay exclusive meanwhile; a table whose version 1 (which names the true origin) was
 * removed still honours that origin, for processes that read version 1 before and for ones that
 * never did; tables written before the cleanup existed (with or without the origin column) are
 * cleaned up and keep working; what a CAS may be based on stays. (A late creator's Overwrite
 * after a cleanup: lease-create.test.ts.) On a local directory and on s3:// (the emulator with
 * conditional writes).
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { describe, expect, it } from "vitest";
import { arrow, boolAsInt8Data, boolAsInt8Field, int64Data, int64Field, tableFromColumns, utf8Data, utf8Field, type ArrowModule } from "../../src/storage/lance/arrow.js";
import { Leases, LeaseTable, LEASE_DEFAULTS, type LeaseHooks, type LeaseOptions } from "../../src/storage/lance/lease.js";
import { versionTime } from "../../src/storage/lance/maintenance.js";
import { localAndS3 } from "./storage-per-test.js";

const stores = localAndS3("lease-cleanup");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quiet: LeaseHooks = { fence: async () => undefined, refresh: async () => undefined };

describe.each([
  // rounds of two acquisitions each; S3 commits are slower
  ["a local directory", stores.local, 60],
  ["s3://", stores.s3, 25],
])("cleaning up lease tables on %s", (_, where, rounds) => {
  const connect = () => lancedb.connect(where().uri, where().options);
  let tables = 0;
  const nextName = () => `lease-cleanup-${tables++}`;
  const errors: unknown[] = [];
  const leasesOf = async (replica: string, over: Partial<LeaseOptions> = {}) =>
    new Leases(await connect(), {
      ...LEASE_DEFAULTS,
      replica,
      lingerMs: 0,
      pollMs: 5,
      maxPollMs: 20,
      cleanupEvery: 20,
      retainVersionsMs: 300,
      onError: (err) => errors.push(err),
      ...over,
    });

  async function versionsOf(name: string): Promise<lancedb.Version[]> {
    const table = await (await connect()).openTable(name);
    try {
      return await table.listVersions();
    } finally {
      table.close();
    }
  }

  /** Files of the table (local directory only; null on s3). */
  async function filesOf(name: string): Promise<number | null> {
    const { uri } = where();
    if (uri.startsWith("s3://")) return null;
    return (await readdir(join(uri, `${name}.lance`), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  }

  /** `n` acquisitions and releases of key `k` by `leases`, one after the other. */
  async function holds(leases: Leases, name: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) await leases.hold("k", name, quiet, async () => undefined);
  }

  /**
   * Puts every version so far past what a cleanup keeps, however fast they were committed: a
   * cleanup keeps what came after the version current `retainVersionsMs` ago, less the slack
   * (300 ms each here). After a pause, one more hold by `leases` (one acquisition, its epoch
   * counted by the caller) makes versions current from then on; a second pause puts them past
   * the horizon too, and everything before them past the slack.
   */
  async function ageAll(leases: Leases, name: string): Promise<void> {
    await sleep(700);
    await holds(leases, name, 1);
    await sleep(700);
  }

  it("keeps the version count bounded while two replicas take turns with a key, never letting them run at once", { timeout: 120_000 }, async () => {
    errors.length = 0;
    const name = nextName();
    const a = await leasesOf("a");
    const b = await leasesOf("b");
    let inside = 0;
    let overlaps = 0;
    let runs = 0;
    const task = async () => {
      if (inside++ > 0) overlaps++;
      await sleep(1);
      runs++;
      inside--;
    };
    // At least `rounds` rounds and at least 3 s of them, so that what a cleanup keeps (the last
    // ~600 ms of retention + slack, and what came since the last cleanup) is a small part of the
    // whole however fast this machine commits (a count bound alone depends on the commit rate).
    const started = Date.now();
    let done = 0;
    for (; done < rounds || Date.now() - started < 3_000; done++) await Promise.all([a.hold("k", name, quiet, task), b.hold("k", name, quiet, task)]);
    await Promise.all([a.cleanups(), b.cleanups()]);
    expect(runs).toBe(2 * done);
    expect(overlaps).toBe(0);
    expect(errors.map((e) => String(e).slice(0, 300))).toEqual([]);
    // At least an acquisition and a release per run were committed (and polls that lost a CAS).
    const latest = await (await LeaseTable.open(await connect(), name)).read();
    expect(latest).toMatchObject({ epoch: 2 * done, holder: "" });
    const versions = await versionsOf(name);
    const newest = Math.max(...versions.map((v) => v.version));
    expect(newest).toBeGreaterThanOrEqual(4 * done);
    // What is left: the last ~600 ms (retention + slack) and what came since the last cleanups,
    // of >= 3 s of commits.
    expect(versions.length).toBeLessThan(newest / 2);
    expect(Math.min(...versions.map((v) => v.version))).toBeGreaterThan(1);
    // Without cleanups: 3 files per version. With: 3 per version left, plus the data and
    // transaction files of commits that lost a race (LanceDB removes those after 7 days).
    const files = await filesOf(name);
    if (files !== null) expect(files).toBeLessThan(newest);
    await Promise.all([a.close(), b.close()]);
  });

  it("a table whose version 1 was cleaned up honours its true origin, for a process that read version 1 before and for one that never did", { timeout: 60_000 }, async () => {
    errors.length = 0;
    const name = nextName();
    const a = await leasesOf("a");
    await holds(a, name, 5);
    const before = await LeaseTable.open(await connect(), name); // read version 1
    await holds(a, name, 2 * rounds);
    await ageAll(a, name);
    await holds(a, name, 12); // the next cleanups
    await a.cleanups();
    expect(errors.map((e) => String(e).slice(0, 300))).toEqual([]);
    expect(Math.min(...(await versionsOf(name)).map((v) => v.version))).toBeGreaterThan(1);
    const epoch = 2 * rounds + 18;
    const after = await LeaseTable.open(await connect(), name); // never saw version 1
    const row = await after.read();
    expect(row).toMatchObject({ epoch, holder: "" });
    // Every CAS requires the true origin: both processes' CASes match.
    expect(await before.cas(row, { epoch: epoch + 1, holder: "x", beat: 0, ttlMs: 1000, dropped: false })).toBe(true);
    expect(await after.cas({ epoch: epoch + 1, holder: "x", beat: 0 }, { epoch: epoch + 1, holder: "", beat: 1, ttlMs: 0, dropped: false })).toBe(true);
    expect(await before.read()).toMatchObject({ epoch: epoch + 1, holder: "", beat: 1 });
    await Promise.all([a.close(), before.close(), after.close()]);
  });

  it("a table written before cleanups existed (thousands of versions) is cleaned up by the first process that writes it, and keeps its origin", { timeout: 120_000 }, async () => {
    errors.length = 0;
    const name = nextName();
    // cleanupEvery 0: what every process did before.
    const old = await leasesOf("old", { cleanupEvery: 0 });
    await holds(old, name, 2 * rounds);
    const opened = await LeaseTable.open(await connect(), name); // read version 1
    await ageAll(old, name);
    await old.close();
    const grown = (await versionsOf(name)).length;
    expect(grown).toBeGreaterThanOrEqual(4 * rounds);
    const a = await leasesOf("a");
    await holds(a, name, 1); // its first release finds cleanupEvery versions since its (no) last cleanup
    await a.cleanups();
    expect(errors.map((e) => String(e).slice(0, 300))).toEqual([]);
    // Left: the versions from the slack before the one current 300 ms ago (ageAll's hold) on.
    const left = await versionsOf(name);
    expect(left.length).toBeLessThan(grown / 3);
    expect(Math.min(...left.map((v) => v.version))).toBeGreaterThan(1);
    const row = await opened.read();
    expect(row).toMatchObject({ epoch: 2 * rounds + 2, holder: "", last: "a" });
    expect(await opened.cas(row, { epoch: row.epoch + 1, holder: "y", beat: 0, ttlMs: 1000, dropped: false })).toBe(true);
    await Promise.all([a.close(), opened.close()]);
  });

  it("a table from before the origin column is cleaned up and keeps working", { timeout: 60_000 }, async () => {
    errors.length = 0;
    const name = nextName();
    const connection = await connect();
    await connection.createTable(name, legacyRow(), { mode: "create" });
    const a = await leasesOf("a", { cleanupEvery: 10 });
    await holds(a, name, rounds);
    await ageAll(a, name);
    await holds(a, name, 6);
    await a.cleanups();
    expect(errors.map((e) => String(e).slice(0, 300))).toEqual([]);
    const versions = await versionsOf(name);
    expect(Math.min(...versions.map((v) => v.version))).toBeGreaterThan(1);
    expect(versions.length).toBeLessThan(Math.max(...versions.map((v) => v.version)) / 2);
    const b = await leasesOf("b");
    await holds(b, name, 1);
    expect(await (await LeaseTable.open(await connect(), name)).read()).toMatchObject({ epoch: rounds + 8, holder: "", last: "b" });
    await Promise.all([a.close(), b.close()]);
  });

  it("a cleanup keeps every version that was current within the retention, so a CAS based on one lately read still finds it", { timeout: 60_000 }, async () => {
    const name = nextName();
    const table = await LeaseTable.open(await connect(), name);
    let row = await table.read();
    const bump = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const next = { ...row, epoch: row.epoch + 1, holder: "", beat: 0, ttlMs: 0, dropped: false };
        expect(await table.cas(row, next)).toBe(true);
        row = next;
      }
    };
    // Three bursts a second apart: the cleanup goes back to the second (current 400 ms ago).
    await bump(10);
    await sleep(1_000);
    await bump(10);
    await sleep(1_000);
    await bump(10);
    const retainMs = 400;
    const listed = await versionsOf(name);
    const now = Date.now();
    const removed = await table.cleanUp(retainMs, now);
    const kept = new Set((await versionsOf(name)).map((v) => v.version));
    expect(removed).toBeGreaterThan(0);
    expect(removed).toBe(listed.length - kept.size);
    // The version current `retainMs` ago, and every later one, are still there.
    const horizon = now - retainMs;
    const current = Math.max(...listed.filter((v) => versionTime(v) <= horizon).map((v) => v.version));
    for (const v of listed) if (v.version >= current) expect(kept.has(v.version)).toBe(true);
    await table.close();
  });
});

/** The initial row of a lease table created before the origin column existed. */
function legacyRow(): ArrowModule.Table {
  const schema = new arrow.Schema([int64Field("epoch"), utf8Field("holder"), int64Field("beat"), int64Field("ttl_ms"), boolAsInt8Field("dropped"), utf8Field("last")]);
  return tableFromColumns(
    schema,
    1,
    new Map<string, ArrowModule.Data>([
      ["epoch", int64Data(BigInt64Array.of(0n))],
      ["holder", utf8Data([""])],
      ["beat", int64Data(BigInt64Array.of(0n))],
      ["ttl_ms", int64Data(BigInt64Array.of(0n))],
      ["dropped", boolAsInt8Data([false])],
      ["last", utf8Data([""])],
    ]),
  );
}
