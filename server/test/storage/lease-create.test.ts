/**
 * Creating a lease table while others create and use it (lance/lease-table.ts LeaseTable): LanceDB
 * retries a create that lost version 1 as an Overwrite at the next version, so a late creator's
 * initial row ("free, epoch 0") can land on top of acquisitions already made. Nothing may act on
 * it: a holder keeps its lease (renewals and release go through), nobody else gets in meanwhile,
 * a dropped key stays dropped, and every acquisition stays counted in the epoch.
 *
 * The catalog-side tables (tenants, databases, collections, fork lineage) have one creator: a
 * replica that found one missing looks again under the catalog's lease before creating it.
 *
 * A late create is forced here (a connection whose first look finds no table and whose create
 * commits as LanceDB's retry does: an Overwrite with the creator's initial row); the real race
 * of several first creators runs too. Interleavings are chosen by fast-check's scheduler at every
 * LanceDB call. On a local directory and on s3:// (the emulator with conditional writes).
 */
import * as lancedb from "@lancedb/lancedb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATALOG_LEASE, CATALOG_TABLES, LanceCatalog } from "../../src/storage/lance/catalog.js";
import { LanceDatabase } from "../../src/storage/lance/database.js";
import { LeaseDroppedError, Leases, LeaseTable, LEASE_DEFAULTS, type LeaseHooks } from "../../src/storage/lance/lease.js";
import { LanceLineage, LINEAGE_TABLE } from "../../src/storage/lance/lineage.js";
import { openStorage } from "../../src/storage/open.js";
import { Turns } from "../helpers/turns.js";
import { localAndS3 } from "./storage-per-test.js";

const stores = localAndS3("lease-create");

type Call = <T>(label: string, call: () => Promise<T>) => Promise<T>;
const direct: Call = (_label, call) => call();

/** Table methods that read or commit: each is one step the scheduler orders. */
const TABLE_STEPS = new Set(["update", "restore", "checkout", "checkoutLatest", "version", "listVersions"]);

function gatedTable(table: lancedb.Table, gate: Call, who: string): lancedb.Table {
  return new Proxy(table, {
    get(t, key) {
      const value = Reflect.get(t, key, t) as unknown;
      if (typeof value !== "function") return value;
      if (!TABLE_STEPS.has(String(key))) return (value as (...a: unknown[]) => unknown).bind(t);
      return (...args: unknown[]) => gate(`${who}.${String(key)}`, () => (value as (...a: unknown[]) => Promise<unknown>).apply(t, args));
    },
  });
}

/**
 * A connection whose calls go through `gate`. `late`: its first look finds no table (the other
 * creator's create has not landed yet when it looks) and its create commits as LanceDB commits
 * a create that lost version 1: an Overwrite, at the next version, with its own initial row.
 */
function connectionOf(connection: lancedb.Connection, gate: Call, who: string, late = false, afterCreate?: () => Promise<void>): lancedb.Connection {
  let looked = false;
  return new Proxy(connection, {
    get(c, key) {
      const value = Reflect.get(c, key, c) as unknown;
      if (key === "openTable") {
        return (name: string) =>
          gate(`${who}.openTable`, async () => {
            if (late && !looked) {
              looked = true;
              throw new Error(`Table '${name}' was not found`);
            }
            return gatedTable(await c.openTable(name), gate, who);
          });
      }
      if (key === "createTable") {
        return (name: string, data: unknown, options: Record<string, unknown>) =>
          gate(`${who}.createTable`, async () => {
            const created = await c.createTable(name, data as never, { ...options, ...(late ? { mode: "overwrite" } : {}) });
            await afterCreate?.();
            return gatedTable(created, gate, who);
          });
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(c) : value;
    },
  });
}

const quietHooks = (onAcquire: () => void = () => undefined): LeaseHooks => ({ fence: async () => undefined, refresh: async () => onAcquire() });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each([
  // runs of the interleaving property; a ttl that renewals on a loaded machine keep well within
  ["a local directory", stores.local, 12, 600],
  ["s3://", stores.s3, 4, 3_000],
])("creating a lease table on %s", (_, where, runs, ttlMs) => {
  const connect = () => lancedb.connect(where().uri, where().options);
  let table = 0;
  const nextName = () => `lease-create-${table++}`;
  const leasesOf = (connection: lancedb.Connection, replica: string, over: Partial<typeof LEASE_DEFAULTS> = {}) =>
    new Leases(connection, { ...LEASE_DEFAULTS, replica, lingerMs: 0, pollMs: 5, maxPollMs: 20, ...over });

  it("a late creator's Overwrite while a replica holds the lease lets nobody else in, and the holder keeps renewing and releases it", async () => {
    const name = nextName();
    const a = leasesOf(await connect(), "a", { ttlMs });
    const c = leasesOf(await connect(), "c");
    let inside = 0;
    let overlaps = 0;
    let acquisitions = 0;
    const task = (ms: number, during?: () => Promise<void>) => async () => {
      if (inside++ > 0) overlaps++;
      await during?.();
      await sleep(ms);
      inside--;
    };
    let waiting: Promise<void> | null = null;
    await a.hold("k", name, quietHooks(() => acquisitions++), task(0, async () => {
      // The late create lands on top of a's acquisition; before the late creator does anything
      // else, another process reads the lease: a's. Then c polls for the lease while a's
      // renewals (every third of the ttl) meet the Overwrite.
      const seen = async () => void expect((await (await LeaseTable.open(await connect(), name)).read()).holder).toBe("a");
      const late = await LeaseTable.open(connectionOf(await connect(), direct, "late", true, seen), name);
      expect((await late.read()).holder).toBe("a");
      waiting = c.hold("k", name, quietHooks(() => acquisitions++), task(0));
      await sleep(ttlMs * 1.5);
    }));
    await waiting;
    expect(overlaps).toBe(0);
    const row = await (await LeaseTable.open(await connect(), name)).read();
    expect(row).toMatchObject({ holder: "", epoch: acquisitions });
    expect(acquisitions).toBe(2);
    await Promise.all([a.close(), c.close()]);
  });

  it("after a cleanup removed version 1, a late creator's Overwrite is still put back: a process that never saw version 1 finds the holder, nobody else gets in", { timeout: 60_000 }, async () => {
    const name = nextName();
    const cleanup = { cleanupEvery: 10, retainVersionsMs: 200 };
    const a = leasesOf(await connect(), "a", { ttlMs, ...cleanup });
    const c = leasesOf(await connect(), "c", cleanup);
    let acquisitions = 0;
    for (let i = 0; i < 14; i++) await a.hold("k", name, quietHooks(() => acquisitions++), async () => undefined);
    // A cleanup keeps what was current `retain` ago, less the slack (200 ms here): one hold after
    // a pause makes a version current from then on, and a second pause puts it, and version 1,
    // past the retention + slack however fast the first holds went (they may all fit in 200 ms).
    await sleep(600);
    await a.hold("k", name, quietHooks(() => acquisitions++), async () => undefined);
    await sleep(600);
    for (let i = 0; i < 6; i++) await a.hold("k", name, quietHooks(() => acquisitions++), async () => undefined);
    await a.cleanups();
    const history = await (await connect()).openTable(name);
    expect(Math.min(...(await history.listVersions()).map((v) => v.version))).toBeGreaterThan(1);
    history.close();
    let inside = 0;
    let overlaps = 0;
    let waiting: Promise<void> | null = null;
    await a.hold("k", name, quietHooks(() => acquisitions++), async () => {
      if (inside++ > 0) overlaps++;
      // The late create lands on top of a's acquisition; a process opening the table now, which
      // can no longer read version 1, must still tell the true origin from the late one.
      const seen = async () => void expect((await (await LeaseTable.open(await connect(), name)).read()).holder).toBe("a");
      const late = await LeaseTable.open(connectionOf(await connect(), direct, "late", true, seen), name);
      expect((await late.read()).holder).toBe("a");
      waiting = c.hold("k", name, quietHooks(() => acquisitions++), async () => {
        if (inside++ > 0) overlaps++;
        inside--;
      });
      await sleep(ttlMs * 1.5);
      inside--;
    });
    await waiting;
    expect(overlaps).toBe(0);
    expect(await (await LeaseTable.open(await connect(), name)).read()).toMatchObject({ holder: "", epoch: acquisitions, dropped: false });
    expect(acquisitions).toBe(23);
    await Promise.all([a.close(), c.close()]);
  });

  it("a dropped key stays dropped when a late creator's Overwrite lands on its tombstone", async () => {
    const name = nextName();
    const a = leasesOf(await connect(), "a");
    await a.hold("k", name, quietHooks(), async () => a.markDropped("k"));
    await LeaseTable.open(connectionOf(await connect(), direct, "late", true), name);
    const b = leasesOf(await connect(), "b");
    expect(await b.isDropped("k", name)).toBe(true);
    await expect(b.hold("k", name, quietHooks(), async () => "written")).rejects.toBeInstanceOf(LeaseDroppedError);
    await Promise.all([a.close(), b.close()]);
  });

  it("a lease table dropped and created again (a reset) is read and set through a table opened before", async () => {
    const name = nextName();
    const before = await LeaseTable.open(await connect(), name);
    const row = await before.read();
    const other = await connect();
    await other.dropTable(name);
    const again = await LeaseTable.open(other, name);
    expect(await again.cas(await again.read(), { epoch: 1, holder: "b", beat: 0, ttlMs: 1000, dropped: false })).toBe(true);
    // The table opened before sees the new table's row (origin and all), and its CAS is decided on it.
    expect(await before.read()).toMatchObject({ epoch: 1, holder: "b" });
    expect(await before.cas(row, { epoch: 1, holder: "a", beat: 0, ttlMs: 1000, dropped: false })).toBe(false);
    expect(await before.cas({ epoch: 1, holder: "b", beat: 0 }, { epoch: 1, holder: "b", beat: 1, ttlMs: 1000, dropped: false })).toBe(true);
    expect(await again.read()).toMatchObject({ epoch: 1, holder: "b", beat: 1 });
  });

  it(
    "first creators, a late creator and three replicas acquiring, in any interleaving: holders never overlap, no holder loses its lease, every acquisition stays counted",
    { timeout: 240_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.scheduler(), async (s) => {
          const name = nextName();
          const REPLICAS = 3;
          const HOLDS = 2;
          const turns = new Turns(s, REPLICAS + 1);
          const gate: Call = (label, call) => turns.gate(label, call);
          let inside = 0;
          let overlaps = 0;
          let acquisitions = 0;
          const replicas = await Promise.all(
            Array.from({ length: REPLICAS }, async (_, i) => leasesOf(connectionOf(await connect(), gate, `r${i}`), `r${i}`, { ttlMs: 600_000 })),
          );
          const lateConnection = connectionOf(await connect(), gate, "late", true);
          const outcomes: unknown[] = [];
          const replica = async (leases: Leases) => {
            try {
              for (let n = 0; n < HOLDS; n++) {
                await leases.hold("k", name, quietHooks(() => acquisitions++), async () => {
                  if (inside++ > 0) overlaps++;
                  await Promise.resolve();
                  inside--;
                });
                outcomes.push("ok");
              }
            } catch (err) {
              outcomes.push(err);
            } finally {
              turns.done();
            }
          };
          const lateCreator = async () => {
            try {
              await (await LeaseTable.open(lateConnection, name)).read();
            } catch (err) {
              outcomes.push(err);
            } finally {
              turns.done();
            }
          };
          await turns.drive(Promise.all([...replicas.map(replica), lateCreator()]));
          await Promise.all(replicas.map((r) => r.close()));
          expect(outcomes).toEqual(Array.from({ length: REPLICAS * HOLDS }, () => "ok"));
          expect(overlaps).toBe(0);
          const row = await (await LeaseTable.open(await connect(), name)).read();
          expect(row).toMatchObject({ holder: "", epoch: acquisitions, dropped: false });
        }),
        { numRuns: runs },
      );
    },
  );

  it("a replica that looked before the catalog-side tables were created does not create them again over another's commits", { timeout: 120_000 }, async () => {
    const { uri, options } = where();
    const fresh = `${uri}-fresh-${table++}`;
    const first = await openStorage(fresh, { ...options, replication: { replica: "r0", conditionalWrites: true }, saveGraphs: false });
    await first.catalog.createTenant({ name: "kept", resourceName: null });
    const names = [...Object.values(CATALOG_TABLES), LINEAGE_TABLE];
    const db = await LanceDatabase.connect(fresh, options);
    const versions = () => Promise.all(names.map(async (name) => (await (await db.connection.openTable(name)).listVersions()).length));
    const before = await versions();
    // r1's first look at each table finds none (r0's create had not landed when it looked), and
    // a create it makes commits as LanceDB commits a create that lost version 1: an Overwrite.
    const looked = new Set<string>();
    const lateLooks = new Proxy(db.connection, {
      get(c, key) {
        if (key === "openTable") {
          return async (name: string) => {
            if (!looked.has(name)) {
              looked.add(name);
              throw new Error(`Table '${name}' was not found`);
            }
            return c.openTable(name);
          };
        }
        if (key === "createEmptyTable") {
          return (name: string, schema: never, opts: Record<string, unknown>) => c.createEmptyTable(name, schema, { ...opts, mode: "overwrite" });
        }
        const value = Reflect.get(c, key, c) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(c) : value;
      },
    });
    const leases = leasesOf(db.connection, "r1");
    const catalog = await LanceCatalog.open(lateLooks, db.runner, { leases, readConsistencyIntervalMs: 0 });
    const lineage = await LanceLineage.open(lateLooks, db.runner, {
      exclusive: (task) => leases.hold(CATALOG_LEASE.key, CATALOG_LEASE.table, catalog.hooks, task),
      heldHere: () => leases.heldHere(CATALOG_LEASE.key),
      readConsistencyIntervalMs: 0,
    });
    expect([...looked].sort()).toEqual([...names].sort());
    expect(await catalog.getTenant("kept")).toMatchObject({ name: "kept" });
    // Nothing committed to them: no second create (an Overwrite), no restore.
    expect(await versions()).toEqual(before);
    await Promise.all([catalog.close(), lineage.close(), leases.close(), first.close()]);
    db.close();
  });
});
