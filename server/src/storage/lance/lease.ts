/**
 * Write leases: one writer at a time per key (the catalog, or one collection) across every
 * process that serves the same store — the replicas of docs/scaling.md.
 *
 * A lease is a one-row LanceDB table next to the data it guards:
 *   epoch int64 (bumped by every acquisition) | holder utf8 ("" = free) | beat int64 (bumped by
 *   every renewal) | ttl_ms int64 (the holder's promise: it renews well within this) |
 *   dropped int8 (the key is gone: a dropped collection; nothing may acquire it again) |
 *   last utf8 (who released it last: an acquirer that finds itself there had the key uncontended) |
 *   origin utf8 (which creator's initial row the table descends from: see LeaseTable)
 * Every change is a compare-and-set: an `update` whose predicate names the state it expects.
 * LanceDB commits a table version with a PUT-if-absent of the next manifest; when two processes
 * race, the loser's update is re-run by LanceDB against the winner's row, where its predicate no
 * longer holds, so it changes nothing (0 rows) and the caller knows it lost. That needs an
 * object store with conditional PUT (local disks, AWS S3, MinIO, R2, GCS, Azure); see
 * lance/commit-probe.ts for stores without it.
 *
 * Acquisition: a free lease (holder "") is taken by CAS. A held one is taken over only after this
 * process has seen its (epoch, beat) unchanged for its ttl by its own clock (no clock is shared);
 * the new holder then runs `fence` before anything else, which makes every commit the old holder
 * may still have in flight fail (lance/table.ts fenceLatest: LanceDB's restore() conflicts with
 * every commit based on an older version). So a holder that was paused, partitioned or presumed
 * dead can never commit on top of its successor: safety rests on the conditional PUT alone, the
 * ttl only decides how soon a dead holder's key becomes writable again.
 *
 * Every change (and every CAS that matched nothing) is a new table version; the old ones are
 * cleaned up in the background, once `cleanupEvery` were committed (by anyone) since this process
 * last cleaned that table (lance/lease-table.ts LeaseTable.cleanUp says what is kept and why).
 */
import type { Connection, Table } from "@lancedb/lancedb";
import { LeaseTable, type LeaseRow } from "./lease-table.js";
import { Mutex } from "../../util/mutex.js";

export { LeaseTable, type LeaseRow } from "./lease-table.js";

/**
 * The fence a new holder puts up after a takeover: LanceDB's restore() of the latest version
 * commits a version that every commit based on an older version conflicts with ("Incompatible
 * transaction"), so whatever the previous holder still had in flight fails instead of landing on
 * top of the new holder's writes. A restore based on version v also undoes commits that landed
 * after v; if any did (the previous holder's last commit, racing this fence) the newest of them is
 * restored instead, so nothing it committed is lost. Resolves to the version the fence left.
 */
export async function fenceTable(table: Table): Promise<number> {
  await table.checkoutLatest();
  let base = await table.version();
  for (;;) {
    await table.checkout(base);
    await table.restore();
    const fenced = await table.version();
    if (fenced === base + 1) return fenced;
    base = fenced - 1;
  }
}

// ---- errors ---------------------------------------------------------------------------------

/** The lease could not be had within the wait allowed (another process keeps writing the key). */
export class LeaseTimeoutError extends Error {
  constructor(
    readonly key: string,
    readonly holder: string,
  ) {
    super(`another replica (${holder}) held the write lease of ${key} for the whole wait`);
    this.name = "LeaseTimeoutError";
  }
}

/**
 * This process lost the lease while it was writing (it could not renew it in time, and another
 * process took it over): what it committed meanwhile may or may not have been applied.
 */
export class LeaseLostError extends Error {
  constructor(readonly key: string) {
    super(`the write lease of ${key} was taken over by another replica during the write; the write may or may not have been applied`);
    this.name = "LeaseLostError";
  }
}

/** The key was dropped (its collection deleted): it can never be written again. */
export class LeaseDroppedError extends Error {
  constructor(readonly key: string) {
    super(`${key} was dropped`);
    this.name = "LeaseDroppedError";
  }
}

// ---- the leases one process holds ------------------------------------------------------------

export interface LeaseOptions {
  /** Who this process is, in lease rows and messages (unique per process). */
  replica: string;
  /** How long a lease stays valid without renewal; renewed every third of it. */
  ttlMs: number;
  /** First wait between polls of a busy lease; doubles up to maxPollMs. */
  pollMs: number;
  maxPollMs: number;
  /** How long an acquisition may wait for a busy lease before failing. */
  acquireTimeoutMs: number;
  /**
   * How long a lease this process had uncontended (it was the last to release it) is kept after
   * its last task, so a process that writes a key steadily pays for an acquisition once, not
   * per write. A lease another process used in between is released at once (they alternate).
   */
  lingerMs: number;
  /**
   * The linger stretches to twice the last gap between two tasks of the key (up to this), so a
   * steady writer whose next write takes longer than lingerMs to arrive (a 2 MB add body on a
   * loaded machine: parsing, decoding) still keeps the key; gaps longer than this are idleness.
   */
  maxLingerMs: number;
  /**
   * Renewal failures that are not a lost CAS (a store error), and failed cleanups, are reported
   * here; `during` says which ("renewing", "cleaning up old versions of").
   */
  onError?: (err: unknown, key: string, during: string) => void;
  /**
   * A lease table's old versions are cleaned up once this many were committed since this process
   * last cleaned it up (or opened it); 0: never.
   */
  cleanupEvery: number;
  /**
   * A cleanup keeps the versions that were current in this window (ms), so a CAS based on a
   * version read lately still finds it (LeaseTable.cleanUp).
   */
  retainVersionsMs: number;
  /**
   * Whether a holder is known to be gone (e.g. a process of this host that no longer exists):
   * its lease is taken over without waiting for the ttl. Only liveness depends on it — a wrong
   * answer is safe, the takeover fences the table either way.
   */
  holderGone?: (holder: string) => boolean;
}

export const LEASE_DEFAULTS = {
  ttlMs: 5_000,
  pollMs: 10,
  maxPollMs: 200,
  acquireTimeoutMs: 60_000,
  lingerMs: 500,
  maxLingerMs: 2_000,
  // ~3 minutes of a held key's renewals, or ~50 write bursts: ~300 files, ~280 kB per table.
  cleanupEvery: 100,
  // Twice the ttl: a CAS is based on a version read just before it, a renewal on the holder's
  // last commit (a holder held up longer has lost the lease; its update is retried on the latest).
  retainVersionsMs: 10_000,
};

/** What the owner of a key does around an acquisition. */
export interface LeaseHooks {
  /** After a takeover (the previous holder stopped renewing): make its late commits fail. */
  fence(): Promise<void>;
  /** After every acquisition, before the first task: catch up with what others committed. */
  refresh(): Promise<void>;
}

interface Held {
  epoch: number;
  beat: number;
  /** No longer ours (a renewal found the row changed): tasks finishing now cannot be confirmed. */
  lost: boolean;
  /** Mark the key dropped when releasing it. */
  drop: boolean;
  /** Nobody else used the key since this process last released it: keep it a while after the last task. */
  linger: boolean;
  timer: NodeJS.Timeout;
  /** The pending release of a lingering lease. */
  releaseTimer: NodeJS.Timeout | null;
}

interface Slot {
  key: string;
  tableName: string;
  table: LeaseTable | null;
  /** Local tasks of this key, one at a time, in arrival order. */
  readonly tasks: Mutex;
  /** Renewal and release never overlap. */
  readonly ops: Mutex;
  /** Tasks waiting for `tasks` (the lease is released when none is left). */
  queued: number;
  /** Tasks running under the lease (a re-entrant `ensure` counts as one). */
  active: number;
  held: Held | null;
  /** When the last task of the key ended (performance.now() ms; null: none yet). */
  lastEnd: number | null;
  /** The last gap between the end of one task and the arrival of the next (ms). */
  lastGap: number;
  /** The table version when this process last started a cleanup of it (0: none yet). */
  cleanedAt: number;
  /** The cleanup under way, if any (one at a time; waited for before the table is closed). */
  cleaning: Promise<void> | null;
}

export class Leases {
  private readonly slots = new Map<string, Slot>();
  private closed = false;

  constructor(
    private readonly connection: Connection,
    readonly options: LeaseOptions,
  ) {}

  /**
   * Runs `task` as the only writer of `key` among all processes: acquires the lease (waiting
   * while another process holds it), runs the hooks, runs the task, and releases the lease once
   * no local task of the key is waiting. Local tasks of one key run one at a time, in order.
   * Throws LeaseLostError instead of the task's result when the lease was lost meanwhile.
   */
  hold<T>(key: string, tableName: string, hooks: LeaseHooks, task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error("leases are closed"));
    const slot = this.slot(key, tableName);
    if (slot.queued === 0 && slot.active === 0 && slot.lastEnd !== null) slot.lastGap = performance.now() - slot.lastEnd;
    slot.queued++;
    return slot.tasks.run(async () => {
      slot.queued--;
      if (slot.held?.releaseTimer) {
        clearTimeout(slot.held.releaseTimer);
        slot.held.releaseTimer = null;
      }
      // A lease lost while queued tasks waited is given up, then acquired afresh.
      if (slot.held?.lost) await this.release(slot);
      if (!slot.held) await this.acquire(slot, hooks);
      return this.runHeld(slot, task);
    });
  }

  /**
   * Like `hold`, but when a task of this process already holds the key, runs `task` under it at
   * once (a commit made on behalf of that task, e.g. the catalog's own write queue).
   */
  ensure<T>(key: string, tableName: string, hooks: LeaseHooks, task: () => Promise<T>): Promise<T> {
    const slot = this.slots.get(key);
    if (slot?.held && slot.active > 0 && !slot.held.lost) return task();
    return this.hold(key, tableName, hooks, task);
  }

  /** Whether a task of this process holds the key right now. */
  heldHere(key: string): boolean {
    const slot = this.slots.get(key);
    return slot?.held !== null && slot?.held !== undefined && slot.active > 0;
  }

  /** Inside a task holding `key`: the release marks the key dropped for good. */
  markDropped(key: string): void {
    const held = this.slots.get(key)?.held;
    if (!held) throw new Error(`markDropped(${key}) outside its lease`);
    held.drop = true;
  }

  /** Whether the key was dropped (by any process); false when its lease table does not exist. */
  async isDropped(key: string, tableName: string): Promise<boolean> {
    const slot = this.slot(key, tableName);
    slot.table ??= await LeaseTable.open(this.connection, tableName);
    return (await slot.table.read()).dropped;
  }

  private async runHeld<T>(slot: Slot, task: () => Promise<T>): Promise<T> {
    const held = slot.held!;
    slot.active++;
    let result: T | undefined;
    let error: unknown;
    let failed = false;
    try {
      if (held.lost) throw new LeaseLostError(slot.key);
      result = await task();
    } catch (err) {
      failed = true;
      error = err;
    } finally {
      slot.active--;
    }
    // What the task committed before a takeover is kept (the fence restores the latest version);
    // a commit after it fails. A task that saw the lease lost cannot vouch for its reads though.
    let confirmed = !held.lost;
    if (slot.queued === 0) {
      if (held.linger && !held.drop && confirmed && !this.closed) this.releaseLater(slot, held);
      else confirmed = (await this.release(slot)) && confirmed;
    }
    // The gap to the next task starts when this one's caller gets its answer.
    slot.lastEnd = performance.now();
    if (!confirmed && !failed) throw new LeaseLostError(slot.key);
    if (failed) throw error;
    return result as T;
  }

  /** Releases a lingering lease once no task came for the linger (see LeaseOptions.maxLingerMs). */
  private releaseLater(slot: Slot, held: Held): void {
    held.releaseTimer = setTimeout(() => {
      held.releaseTimer = null;
      void slot.tasks.run(async () => {
        if (slot.held === held && slot.queued === 0 && slot.active === 0) await this.release(slot);
      });
    }, this.lingerOf(slot));
    held.releaseTimer.unref();
  }

  private lingerOf(slot: Slot): number {
    const { lingerMs, maxLingerMs } = this.options;
    return slot.lastGap < maxLingerMs ? Math.min(maxLingerMs, Math.max(lingerMs, 2 * slot.lastGap)) : lingerMs;
  }

  private slot(key: string, tableName: string): Slot {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { key, tableName, table: null, tasks: new Mutex(), ops: new Mutex(), queued: 0, active: 0, held: null, lastEnd: null, lastGap: 0, cleanedAt: 0, cleaning: null };
      this.slots.set(key, slot);
    }
    return slot;
  }

  private async acquire(slot: Slot, hooks: LeaseHooks): Promise<void> {
    const { replica, ttlMs, pollMs, maxPollMs, acquireTimeoutMs } = this.options;
    slot.table ??= await LeaseTable.open(this.connection, slot.tableName);
    const table = slot.table;
    const deadline = performance.now() + acquireTimeoutMs;
    let observed: { row: LeaseRow; since: number } | null = null;
    let wait = pollMs;
    /** Polls spent waiting for another holder (0: the key was free at once). */
    let waited = 0;
    for (;;) {
      const row = await table.read();
      if (row.dropped) throw new LeaseDroppedError(slot.key);
      const now = performance.now();
      let takeover = false;
      if (row.holder !== "") {
        const same = observed && observed.row.epoch === row.epoch && observed.row.beat === row.beat && observed.row.holder === row.holder;
        if (!same) observed = { row, since: now };
        else takeover = now - observed!.since >= Math.max(row.ttlMs, 1);
        if (!takeover && this.options.holderGone?.(row.holder)) takeover = true;
      }
      if (row.holder === "" || takeover) {
        const next: LeaseRow = { epoch: row.epoch + 1, holder: replica, beat: 0, ttlMs, dropped: false };
        if (await table.cas(row, next)) {
          const held: Held = {
            epoch: next.epoch,
            beat: 0,
            lost: false,
            drop: false,
            linger: this.options.lingerMs > 0 && row.holder === "" && row.last === replica && waited === 0,
            timer: setInterval(() => void this.renew(slot), Math.max(1, Math.floor(ttlMs / 3))),
            releaseTimer: null,
          };
          held.timer.unref();
          slot.held = held;
          try {
            if (takeover) await hooks.fence();
            await hooks.refresh();
          } catch (err) {
            await this.release(slot);
            throw err;
          }
          return;
        }
        // Someone else changed the row first: look again at once.
        observed = null;
        continue;
      }
      if (now > deadline) throw new LeaseTimeoutError(slot.key, row.holder);
      waited++;
      await new Promise((r) => setTimeout(r, wait * (0.5 + Math.random())));
      wait = Math.min(maxPollMs, wait * 2);
    }
  }

  private renew(slot: Slot): Promise<void> {
    return slot.ops.run(async () => {
      const held = slot.held;
      if (!held || held.lost || !slot.table) return;
      try {
        const next = { epoch: held.epoch, holder: this.options.replica, beat: held.beat + 1, ttlMs: this.options.ttlMs, dropped: false };
        if (await slot.table.cas({ epoch: held.epoch, holder: this.options.replica, beat: held.beat }, next)) {
          held.beat++;
          // A key held for long (a bulk load) adds a version every renewal.
          this.cleanUpIfDue(slot);
        } else {
          held.lost = true;
          clearInterval(held.timer);
        }
      } catch (err) {
        // A failed renewal is retried at the next tick; the lease stays ours until someone takes it.
        this.options.onError?.(err, slot.key, "renewing");
      }
    });
  }

  /** Frees the lease (marking it dropped if asked); false when it was no longer ours. */
  private release(slot: Slot): Promise<boolean> {
    return slot.ops.run(async () => {
      const held = slot.held;
      if (!held) return true;
      slot.held = null;
      clearInterval(held.timer);
      if (held.releaseTimer) clearTimeout(held.releaseTimer);
      let ok = !held.lost;
      if (ok) {
        const next = { epoch: held.epoch, holder: "", beat: held.beat + 1, ttlMs: 0, dropped: held.drop, last: this.options.replica };
        try {
          ok = await slot.table!.cas({ epoch: held.epoch, holder: this.options.replica, beat: held.beat }, next);
        } catch (err) {
          // Unknown outcome: the lease expires by itself; what ran under it cannot be confirmed.
          this.options.onError?.(err, slot.key, "releasing");
          ok = false;
        }
      }
      this.cleanUpIfDue(slot);
      return ok;
    });
  }

  /**
   * Starts a cleanup of the key's old lease-table versions when `cleanupEvery` were committed
   * since this process last started one: off the write path (it never delays a task, a renewal
   * or a release), one at a time per key, waited for before the table is closed.
   */
  private cleanUpIfDue(slot: Slot): void {
    const table = slot.table;
    const { cleanupEvery, retainVersionsMs } = this.options;
    if (!table || this.closed || slot.cleaning || !(cleanupEvery > 0) || table.version - slot.cleanedAt < cleanupEvery) return;
    slot.cleanedAt = table.version;
    slot.cleaning = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => void (await table.cleanUp(retainVersionsMs)))
      .catch((err: unknown) => this.options.onError?.(err, slot.key, "cleaning up old versions of"))
      .finally(() => (slot.cleaning = null));
  }

  /** Waits for the cleanups under way (tests; close() and forget() wait for theirs). */
  async cleanups(): Promise<void> {
    await Promise.all([...this.slots.values()].map((s) => s.cleaning));
  }

  /**
   * Forgets the keys `which` selects (after a reset dropped their tables): their lease tables are
   * closed (a lingering lease released first), and a later use opens (or creates) them afresh.
   * Keys with tasks running or queued right now stay.
   */
  async forget(which: (key: string) => boolean): Promise<void> {
    for (const [key, slot] of [...this.slots]) {
      if (!which(key) || slot.queued > 0 || slot.active > 0) continue;
      // A lingering lease is released first (its table is about to go).
      await slot.tasks.run(() => this.release(slot));
      if (slot.queued > 0 || slot.active > 0) continue;
      this.slots.delete(key);
      await slot.cleaning;
      await slot.table?.close();
    }
  }

  /** Waits for the tasks in flight, releases what this process holds and closes the lease tables. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.slots.values()].map((s) => s.tasks.run(() => this.release(s))));
    await this.cleanups();
    await Promise.all([...this.slots.values()].map((s) => s.table?.close()));
    this.slots.clear();
  }
}
