/**
 * Write leases (lance/lease.ts) between "processes" (separate LanceDB connections, separate Leases):
 * tasks holding one key never overlap, whoever runs them; a holder that stops renewing is taken
 * over after its ttl and the new holder fences first; a holder whose lease was taken meanwhile
 * cannot confirm its task; a dropped key can never be acquired again. On a local directory and
 * on s3:// (the emulator with conditional writes).
 */
import * as lancedb from "@lancedb/lancedb";
import { afterAll, describe, expect, it } from "vitest";
import { fenceTable, LeaseDroppedError, LeaseLostError, Leases, LeaseTable, LEASE_DEFAULTS, type LeaseHooks, type LeaseOptions } from "../../src/storage/lance/lease.js";
import { localAndS3 } from "./storage-per-test.js";

const stores = localAndS3("leases");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each([
  ["a local directory", stores.local],
  ["s3://", stores.s3],
])("leases on %s", (_, where) => {
  const open: Leases[] = [];
  afterAll(async () => {
    await Promise.all(open.map((l) => l.close()));
  });

  async function replica(name: string, over: Partial<LeaseOptions> = {}): Promise<{ leases: Leases; connection: lancedb.Connection }> {
    const { uri, options } = where();
    const connection = await lancedb.connect(uri, options);
    const leases = new Leases(connection, { ...LEASE_DEFAULTS, replica: name, ...over });
    open.push(leases);
    return { leases, connection };
  }

  const hooks = (log: string[] = [], who = ""): LeaseHooks => ({
    fence: async () => void log.push(`fence ${who}`),
    refresh: async () => void log.push(`refresh ${who}`),
  });

  it("never lets two holders of a key run at once, across processes", { timeout: 120_000 }, async () => {
    const a = await replica("a");
    const b = await replica("b");
    let inside = 0;
    let overlaps = 0;
    let runs = 0;
    const task = async () => {
      if (inside++ > 0) overlaps++;
      await sleep(Math.random() * 3);
      runs++;
      inside--;
    };
    const perReplica = where().uri.startsWith("s3") ? 6 : 15;
    await Promise.all(
      [a, b].flatMap((r, i) => Array.from({ length: perReplica }, (_, n) => sleep(n * 2).then(() => r.leases.hold("k1", "lease-k1", hooks([], `${i}`), task)))),
    );
    expect(runs).toBe(2 * perReplica);
    expect(overlaps).toBe(0);
    // Released at the end: free again.
    const row = await (await LeaseTable.open(a.connection, "lease-k1")).read();
    expect(row.holder).toBe("");
  });

  it("takes over a lease whose holder stopped renewing it, after its ttl, and fences first", async () => {
    const b = await replica("b");
    const table = await LeaseTable.open(b.connection, "lease-k2");
    const row = await table.read();
    // A holder that died holding the lease (it will never renew or release it).
    expect(await table.cas(row, { epoch: row.epoch + 1, holder: "dead", beat: 0, ttlMs: 300, dropped: false })).toBe(true);
    const log: string[] = [];
    const started = performance.now();
    await b.leases.hold("k2", "lease-k2", hooks(log, "b"), async () => void log.push("task"));
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(log).toEqual(["fence b", "refresh b", "task"]);
    const after = await table.read();
    expect(after).toMatchObject({ epoch: row.epoch + 2, holder: "" });
  });

  it("takes over at once (fenced) a lease whose holder is known to be gone, without waiting for its ttl", async () => {
    const { leases, connection } = await replica("c", { holderGone: (h) => h === "gone" });
    const table = await LeaseTable.open(connection, "lease-k9");
    const row = await table.read();
    expect(await table.cas(row, { epoch: row.epoch + 1, holder: "gone", beat: 0, ttlMs: 600_000, dropped: false })).toBe(true);
    const log: string[] = [];
    await leases.hold("k9", "lease-k9", hooks(log, "c"), async () => void log.push("task"));
    expect(log).toEqual(["fence c", "refresh c", "task"]);
  });

  it("a clean handover does not fence, and every acquisition refreshes", async () => {
    const a = await replica("a");
    const b = await replica("b");
    const log: string[] = [];
    await a.leases.hold("k3", "lease-k3", hooks(log, "a"), async () => void log.push("task a"));
    await b.leases.hold("k3", "lease-k3", hooks(log, "b"), async () => void log.push("task b"));
    expect(log).toEqual(["refresh a", "task a", "refresh b", "task b"]);
  });

  it("a holder whose lease was taken over during its task cannot confirm it", async () => {
    const a = await replica("a", { ttlMs: 300 });
    const table = await LeaseTable.open(a.connection, "lease-k4");
    const outcome = a.leases.hold("k4", "lease-k4", hooks(), async () => {
      // Meanwhile another process takes the lease over (as if this one had been paused past its ttl).
      // (a's renewals may change the row between our read and our CAS: read again until it takes)
      let taken = false;
      for (let i = 0; i < 20 && !taken; i++) {
        const row = await table.read();
        expect(row.holder).toBe("a");
        taken = await table.cas(row, { epoch: row.epoch + 1, holder: "b", beat: 0, ttlMs: 300, dropped: false });
      }
      expect(taken).toBe(true);
      await sleep(400); // a renewal finds the lease gone
      return "done";
    });
    await expect(outcome).rejects.toBeInstanceOf(LeaseLostError);
    // The new holder's lease was left alone.
    expect((await table.read()).holder).toBe("b");
  });

  it("a commit that leaves the row as it was does not cost the holder its lease: a CAS that meets a conflict is decided on the latest row", async () => {
    const a = await replica("a");
    const b = await replica("b");
    const outcome = await a.leases.hold("k10", "lease-k10", hooks(), async () => {
      // Another process commits to the lease table without changing its row: a Restore of the
      // latest version (a fence). LanceDB refuses the holder's next update, based on the version
      // before, as incompatible; that is no sign of a takeover.
      await fenceTable(await b.connection.openTable("lease-k10"));
      return "done";
    });
    expect(outcome).toBe("done");
    // The release went through: the key is free, released by a.
    expect(await (await LeaseTable.open(b.connection, "lease-k10")).read()).toMatchObject({ holder: "", last: "a", epoch: 1 });
  });

  it("queued local tasks share one acquisition; the key is released when none is left", async () => {
    const a = await replica("a");
    const log: string[] = [];
    await Promise.all([1, 2, 3].map((n) => a.leases.hold("k5", "lease-k5", hooks(log, "a"), async () => void log.push(`task ${n}`))));
    expect(log).toEqual(["refresh a", "task 1", "task 2", "task 3"]);
    expect((await (await LeaseTable.open(a.connection, "lease-k5")).read()).holder).toBe("");
  });

  it("a dropped key can never be acquired again, by any process", async () => {
    const a = await replica("a");
    const b = await replica("b");
    await a.leases.hold("k6", "lease-k6", hooks(), async () => a.leases.markDropped("k6"));
    await expect(b.leases.hold("k6", "lease-k6", hooks(), async () => "written")).rejects.toBeInstanceOf(LeaseDroppedError);
    expect(await b.leases.isDropped("k6", "lease-k6")).toBe(true);
  });

  it("keeps a lease it had uncontended for lingerMs after its last task, and gives it up at once once another process used it", async () => {
    const a = await replica("a");
    const b = await replica("b");
    const table = await LeaseTable.open(a.connection, "lease-k8");
    const log: string[] = [];
    const run = (r: typeof a, who: string) => r.leases.hold("k8", "lease-k8", hooks(log, who), async () => void log.push(`task ${who}`));
    await run(a, "a"); // first use: released at once (nobody had released it before)
    expect((await table.read()).holder).toBe("");
    await run(a, "a"); // a released it last: kept
    expect((await table.read()).holder).toBe("a");
    await run(a, "a"); // no acquisition, no refresh: nobody else can have written
    expect(log).toEqual(["refresh a", "task a", "refresh a", "task a", "task a"]);
    // b waits for the linger to run out (it polls), then a's next acquisition sees b was there.
    const started = performance.now();
    await run(b, "b");
    expect(performance.now() - started).toBeGreaterThanOrEqual(LEASE_DEFAULTS.lingerMs * 0.5);
    await run(a, "a");
    expect((await table.read()).holder).toBe("");
    // close() releases a lingering lease instead of leaving it to expire.
    await run(a, "a");
    expect((await table.read()).holder).toBe("a");
    await a.leases.close();
    expect((await table.read()).holder).toBe("");
  });

  it("a steady writer whose tasks come further apart than lingerMs keeps the key: the linger stretches to twice the last gap, up to maxLingerMs", async () => {
    const { uri, options } = where();
    const connection = await lancedb.connect(uri, options);
    const a = new Leases(connection, { ...LEASE_DEFAULTS, replica: "a", lingerMs: 150, maxLingerMs: 2_000 });
    open.push(a);
    const table = await LeaseTable.open(connection, "lease-k9");
    // Acquisitions show as refreshes in the log.
    const log: string[] = [];
    const run = () => a.hold("k9", "lease-k9", hooks(log, "a"), async () => void log.push("task"));
    await run(); // first use: released at once
    await run(); // acquired again, lingers 150 ms
    await sleep(500);
    await run(); // released meanwhile: acquired; the gap (500 ms) stretches the next linger to ~1 s
    await sleep(400);
    await run(); // still held: no acquisition
    expect(log).toEqual(["refresh a", "task", "refresh a", "task", "refresh a", "task", "task"]);
    // A gap past maxLingerMs is idleness: released by then, and the linger goes back to lingerMs.
    await sleep(3_000);
    await run();
    expect(log.filter((l) => l === "refresh a")).toHaveLength(4);
    await sleep(1_000);
    expect((await table.read()).holder).toBe("");
  });

  it("ensure() runs at once under a lease this process holds", async () => {
    const a = await replica("a");
    const log: string[] = [];
    await a.leases.hold("k7", "lease-k7", hooks(log, "a"), async () => {
      await a.leases.ensure("k7", "lease-k7", hooks(log, "inner"), async () => void log.push("inner task"));
      log.push("outer task");
    });
    expect(log).toEqual(["refresh a", "inner task", "outer task"]);
  });
});
