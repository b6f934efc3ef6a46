/**
 * Background maintenance (compaction + cleanup) yields to requests: a due run waits while the
 * server is busy, starts once it is quiet, and still runs under constant load once it has waited
 * its bound or writes pile up past the hard cap. Acknowledged writes are readable throughout.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStorage, type OpenedStorage } from "../../src/storage/open.js";
import { ForegroundActivity } from "../../src/util/foreground.js";
import { collection, IDS_ONLY, rec, recordsOf, tempDir } from "./helpers.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `check` holds (polled); the test's own timeout bounds it. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await sleep(20);
}

describe("maintenance yields to foreground requests", () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let storage: OpenedStorage | null = null;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await storage?.close();
    storage = null;
    await dir.dispose();
  });

  /** A storage whose maintenance of `coll` is counted in `runs`, with a foreground that is busy. */
  async function busyStorage(coll: ReturnType<typeof collection>, maxDeferMs: number, every = 5) {
    const activity = new ForegroundActivity({ quietMs: 50, maxDeferMs: 1e9 });
    activity.begin(); // a request in flight until the test ends it
    const runs: number[] = [];
    storage = await openStorage(dir.path, {
      optimizeEvery: every,
      optimizeIdleFactor: 0,
      retainVersionsMs: 0,
      foreground: activity,
      optimizeMaxDeferMs: maxDeferMs,
      onBackgroundRun: (table, run) => table === coll.id && runs.push(run.writes),
    });
    return { activity, runs, table: await recordsOf(storage, coll) };
  }

  it("waits while a request is in flight and runs once the server is quiet", async () => {
    const coll = collection();
    const { activity, runs, table } = await busyStorage(coll, 1e9);
    for (let i = 0; i < 12; i++) await table.write([rec(`r${i}`, [i, 1])]);
    // Without the gate a run starts on the next turn of the event loop and takes well under this.
    await sleep(1000);
    expect(runs).toEqual([]);
    expect(await table.count()).toBe(12);
    activity.end();
    await until(() => runs.length > 0);
    expect(runs[0]).toBe(12);
    expect((await table.find({}, { offset: 0, limit: 100 }, IDS_ONLY)).map((r) => r.id)).toHaveLength(12);
  });

  it("runs under constant load once it has waited its bound", async () => {
    const coll = collection();
    const { activity, runs, table } = await busyStorage(coll, 300);
    for (let i = 0; i < 6; i++) await table.write([rec(`r${i}`, [i, 1])]);
    // Never quiet: a request is always in flight, and more keep coming.
    let stop = false;
    const load = (async () => {
      while (!stop) {
        activity.begin();
        await table.count();
        activity.end();
        // A macrotask between requests, as a socket's would be (count() may answer from memory).
        await new Promise((r) => setImmediate(r));
      }
    })();
    await until(() => runs.length > 0);
    stop = true;
    await load;
    expect(activity.active).toBe(1);
    expect(runs[0]).toBe(6);
    expect(await table.count()).toBe(6);
  });

  it("runs under constant load once writes pile up past the hard cap, however long the bound", async () => {
    const coll = collection();
    const { activity, runs, table } = await busyStorage(coll, 1e9, 2);
    // The hard cap is 25 times `every`.
    for (let i = 0; i < 49; i++) await table.write([rec(`r${i}`, [i, 1])]);
    await sleep(500);
    expect(runs).toEqual([]);
    await table.write([rec("r49", [49, 1])]);
    await until(() => runs.length > 0);
    expect(activity.active).toBe(1);
    expect(runs[0]).toBeGreaterThanOrEqual(50);
    expect(await table.count()).toBe(50);
  });

  it("waits from the last write, but while writes keep coming no longer than its absolute bound", async () => {
    const coll = collection();
    // every 5 writes: the hard cap is 125, more than this test writes.
    const { activity, runs, table } = await busyStorage(coll, 200);
    let written = 0;
    // A write every 50 ms (200 ms apart would end the wait counted from the last write).
    while (runs.length === 0 && written < 120) {
      await table.write([rec(`r${written}`, [written, 1])]);
      written++;
      await sleep(50);
    }
    // Due after 5 writes; 10 x 200 ms later it ran, with writes still coming and the server busy.
    expect(runs.length).toBeGreaterThan(0);
    expect(written).toBeLessThan(120);
    expect(activity.active).toBe(1);
    expect(await table.count()).toBe(written);
  });

  it("counts its wait from the last write: a busy load's run comes after the load, not during it", async () => {
    const coll = collection();
    const { activity, runs, table } = await busyStorage(coll, 400);
    // Due after 5 writes; 12 writes 50 ms apart outlast 400 ms from then (not the 4 s absolute bound).
    const started = Date.now();
    // The wait restarts at each write; on a loaded machine one write can itself outlast 400 ms,
    // and then a run in that gap is what the rule asks for. So the gaps are measured.
    let last = Date.now();
    let widestGap = 0;
    for (let i = 0; i < 12; i++) {
      await table.write([rec(`r${i}`, [i, 1])]);
      widestGap = Math.max(widestGap, Date.now() - last);
      last = Date.now();
      await sleep(50);
    }
    if (Date.now() - started < 3_500 && widestGap < 350) expect(runs).toEqual([]);
    await until(() => runs.length > 0);
    expect(runs[0]).toBe(12);
    expect(activity.active).toBe(1);
  });
});
