/**
 * Background table maintenance. Every LanceDB write is a new version and usually a new
 * fragment; without compaction a long stream of small writes makes every scan open more files,
 * and without cleanup the version history grows forever. optimize() also folds new rows into
 * existing indices.
 *
 * Scheduling: after `every` versions, off the request path. They are counted by the table's
 * version number, not by this process's writes: versions committed by anyone (other replicas, the
 * fence of a lease takeover) since this process's last run, or since it opened the table. And
 * when a process opens a table it counts (in the background) the versions a run would remove
 * now; `every` or more of them make a run due at once. Otherwise a process that ends before its
 * `every`-th write (a restart, a replica that writes a table a few times per life) never cleaned
 * the table, and its versions and files grew across restarts without bound; a clean table (fewer
 * than `every` removable versions) is not optimized again by being opened. Compaction rewrites every fragment
 * smaller than LanceDB's target (1M rows), so below that size it rewrites the whole table and
 * its cost grows with the table; runs are therefore also spaced so that maintenance takes at
 * most ~1/(1 + idleFactor) of the time, unless writes pile up past a hard cap.
 * A run also waits for the server to be quiet (util/foreground.ts): compacting a 100k-record
 * table takes both cores for ~5 s, and the run left over from a bulk load used to start just as
 * the first queries arrived, slowing them ~1.5x. It waits at most `maxDeferMs` after the table's
 * last write (counted from the last write, not from when the run became due, so the run left by
 * a long load does not fall due in the queries that follow it), while writes keep coming at most
 * until the hard cap of writes or ABSOLUTE_DEFER_FACTOR x `maxDeferMs` after it became due. So a
 * server that is never quiet still compacts; nothing acknowledged waits on it (every write is
 * committed before it is answered), only the fragment count grows meanwhile.
 *
 * Serialisation:
 * - with drops, resets and shutdown: a run holds its table's handle (handle.ts) for every native
 *   call, and `stop()` (called before a table is closed or dropped) cancels a waiting run and
 *   waits for a running one, so no optimize ever runs on a closing or dropped table;
 * - with other runs on the same table: one at a time (a chain per table);
 * - with writes: appends commit alongside a run (LanceDB's commit protocol rebases them over a
 *   compaction; no conflict), so ingest is never stalled by the rewrite of a large table. Commits
 *   that replace or delete rows wait for a running run and hold off the next (`exclusive`): with
 *   @lancedb/lancedb 0.37 a merge-insert or delete committing while optimize cleans up old
 *   versions panics in LanceDB's conflict resolver (it unwraps a manifest the cleanup removed;
 *   docs/upstream/lancedb-close-during-optimize.md), which answered the user's write with a 500.
 *   Should a run still meet a commit conflict, it is retried holding the write mutex.
 *   A run's upkeep holds the write mutex and its compaction the compaction lock, and such a
 *   commit may land between the two: the version the run compacts (and counts from) is read
 *   inside the compaction lock (`latest`, runOnce), never before it.
 *   Schema changes (addColumns, a "Merge") are `exclusive` too, but LanceDB also refuses a Merge
 *   based on a version older than a finished compaction; the writer then first follows the
 *   versions this process's own runs committed (`ranTo`; LanceTable.followOwnMaintenance).
 */
import type { Table, Version } from "@lancedb/lancedb";
import { foreground as processForeground, type ForegroundActivity } from "../../util/foreground.js";
import { Mutex } from "../../util/mutex.js";
import { TableClosedError, type TableHandle } from "./handle.js";

export interface MaintenanceOptions {
  /** Table versions (committed by anyone) between two optimize runs. */
  every: number;
  /**
   * Versions that were current within this window are kept, so reads that started on them
   * (reads take no lock) keep their files.
   */
  retainMs: number;
  /** Idle time required after a run before the next, as a multiple of that run's duration. */
  idleFactor: number;
  onError: (err: unknown, table: string) => void;
  /** Called after each run that did its work: how long it took (ms) and how many writes it covered. */
  onRun?: (table: string, run: { ms: number; writes: number }) => void;
  /** Called after each write and each run (e.g. to hand freed memory back to the system). */
  afterWork?: () => void;
  /** Runs wait for a quiet moment of these requests; the process's `foreground` by default. */
  foreground?: ForegroundActivity;
  /** Longest a due run waits for quiet after the table's last write (ms); MAINTENANCE_MAX_DEFER_MS by default. */
  maxDeferMs?: number;
}

/**
 * A due run waits for quiet at most this long after the table's last write (see the top).
 * Longer than a graph save's bound (which keeps a restart's replay short): a deferred run only
 * leaves more small fragments, and the hard cap of writes still forces it when they pile up.
 */
export const MAINTENANCE_MAX_DEFER_MS = 60_000;

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Past this many times `every` writes, a run starts regardless of the spacing. */
const HARD_CAP_FACTOR = 25;

/** A due run waits for quiet at most this many times `maxDeferMs` after it became due, however the writes go. */
export const ABSOLUTE_DEFER_FACTOR = 10;

/** Tracks every run and deferred run so idle() / close() can settle them. */
export class MaintenanceRunner {
  private readonly running = new Set<Promise<void>>();
  readonly deferred = new Set<TableMaintenance>();

  constructor(readonly options: MaintenanceOptions) {}

  track(p: Promise<void>): void {
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  /**
   * Waits until no run is in flight. `runDeferred` starts the runs that are waiting out their
   * spacing now (idle()); otherwise they are cancelled (close(), reset()).
   */
  async drain(runDeferred: boolean): Promise<void> {
    for (;;) {
      for (const m of [...this.deferred]) m.fireDeferred(runDeferred);
      if (this.running.size === 0) return;
      await Promise.allSettled([...this.running]);
    }
  }
}

/**
 * The cleanup cutoff: the creation time of the version that was current `retainMs` ago, less
 * `slackMs`. Lance removes versions created before the cutoff, so that version and every later
 * one stay. The slack is needed because LanceDB turns the Date into an age and measures it
 * again only after compacting, which shifts the cutoff later by the compaction's duration.
 */
export async function cleanupCutoff(table: Table, retainMs: number, slackMs: number, now = Date.now()): Promise<Date> {
  return new Date(Math.max(0, currentAt(await table.listVersions(), now - retainMs) - slackMs));
}

/**
 * The creation time (ms) of the version that was current at `horizon` (ms since the epoch): the
 * newest one created by then; 0 when none was.
 */
export function currentAt(versions: readonly Version[], horizon: number): number {
  let current = 0;
  for (const v of versions) {
    const t = versionTime(v);
    if (t <= horizon && t > current) current = t;
  }
  return current;
}

/** When a version was created (ms since the epoch, by the committer's clock). */
export function versionTime(v: Version): number {
  return new Date(v.timestamp as unknown as string | number | Date).getTime();
}

/** Extra age kept below the oldest version a copy-on-write fork reads (see optimize). */
const FORK_MARGIN_MS = 60_000;

function isCommitConflict(err: unknown): boolean {
  return err instanceof Error && /commit conflict|preempted by concurrent/i.test(err.message);
}

/** What a table adds to its runs (LanceTable: all of them; the catalog's tables: none). */
export interface MaintenanceHooks {
  /** Extra upkeep run (under the write mutex) before each optimize, e.g. creating scalar indices. */
  upkeep?: (table: Table) => Promise<void>;
  /**
   * Moves the run's table to the version the run compacts, called holding the compaction lock
   * (a version read before it could be older than a commit that holds the run off: see runOnce).
   */
  latest?: (table: Table) => Promise<void>;
  /**
   * The creation time (ms) of the oldest version something else still reads (the version a
   * copy-on-write fork was cloned at), or null: cleanup then keeps that version and every later one.
   */
  retainFrom?: () => Promise<number | null>;
  /**
   * Told, inside the compaction lock, the version a run's last commit left (null when a run
   * failed or was retried on a version it did not start from): see LanceTable.ownTail.
   */
  ranTo?: (version: number | null) => void;
  /**
   * false: runs count versions and report, but neither compact nor clean up. The catalog's
   * tables: their writer is not moved over a run's commits (as LanceTable's is, ownTail), so a
   * cleanup could remove the files of the version it commits on. (Since e49feb5 their runs did
   * nothing by accident, `ranTo?.(await optimize)` skipped the call without ranTo; this keeps
   * that, on purpose, until the catalog's writer follows its maintenance.)
   */
  compact?: boolean;
}

/** Per-table version counter that schedules optimize runs, one at a time. */
export class TableMaintenance {
  /** Versions counted since the last run (or the open): by version number when known, else one per write. */
  private writes = 0;
  /**
   * The table version `writes` counts from (a commit at version v makes `writes` at least
   * v - countedFrom); null until a version is known.
   */
  private countedFrom: number | null = null;
  /** The highest table version this process was told of (commits, fences, the open), -1: none. */
  private lastSeen = -1;
  private scheduled = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  /** Runs of this table, one after the other (scheduled ones and optimizeNow()). */
  private readonly runs = new Mutex();
  /**
   * Held by a run while it compacts and cleans up, and by commits that replace or delete rows
   * (never by appends). Taken after the write mutex, never before it.
   */
  private readonly compaction = new Mutex();
  /** How long the last run took and when it ended (for the cutoff slack and the spacing). */
  private lastRunMs = 0;
  private lastEnd = 0;
  /** When the pending run became due (`every` writes reached), or null with none pending. */
  private dueSince: number | null = null;
  private lastWrite = 0;

  constructor(
    private readonly name: string,
    private readonly runner: MaintenanceRunner,
    /** The table's write mutex (a conflicting compaction is retried holding it). */
    private readonly mutex: Mutex,
    /** The table's handle, or null while there is no table. */
    private readonly handle: () => TableHandle | null,
    private readonly hooks: MaintenanceHooks = {},
  ) {}

  /**
   * A commit of this process's own write; `version` is the table version it made (LanceDB's
   * result), so versions others committed in between count too.
   */
  noteWrite(version?: number): void {
    this.runner.options.afterWork?.();
    if (this.stopped) return;
    this.count(version, 1);
    this.lastWrite = Date.now();
    this.maybeSchedule();
  }

  /** Versions this process committed that are no write (the fence of a lease takeover): `version` is where they left the table. */
  noteCommitted(version: number): void {
    if (this.stopped) return;
    this.count(version, 0);
    this.maybeSchedule();
  }

  private count(version: number | undefined, local: number): void {
    this.writes += local;
    if (version === undefined) return;
    this.lastSeen = Math.max(this.lastSeen, version);
    if (this.countedFrom === null) this.countedFrom = version - this.writes;
    else this.writes = Math.max(this.writes, version - this.countedFrom);
  }

  /**
   * The table was (re)opened by this process: counting starts at its version, and the versions
   * a run would remove now (older than the retention and than what forks read: see optimize) are
   * counted in the background, off the request path (LanceDB reads one manifest per version);
   * `every` or more of them make a run due. Errors go to onError; a table closed meanwhile ends it.
   */
  noteOpened(): void {
    if (this.stopped) return;
    const check = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.runs.run(() => this.countBacklog()))
      .catch((err: unknown) => {
        if (!this.stopped && !(err instanceof TableClosedError)) this.runner.options.onError(err, this.name);
      });
    this.runner.track(check);
  }

  private async countBacklog(): Promise<void> {
    const handle = this.handle();
    if (this.stopped || !handle) return;
    const { version, versions } = await handle.use(async (t) => ({ version: await t.version(), versions: await t.listVersions() }));
    this.lastSeen = Math.max(this.lastSeen, version);
    if (this.countedFrom === null) this.countedFrom = version - this.writes;
    let cutoff = currentAt(versions, Date.now() - this.runner.options.retainMs);
    const from = await this.hooks.retainFrom?.();
    if (from !== null && from !== undefined) cutoff = Math.min(cutoff, from - FORK_MARGIN_MS);
    let removable = 0;
    for (const v of versions) if (versionTime(v) < cutoff) removable++;
    if (this.stopped || removable < this.runner.options.every) return;
    // Due now, but counted as `every`, not as the backlog: thousands of old versions past the
    // hard cap would start the run at once, in the middle of a start-up's loads. It waits for a
    // quiet moment, counted from here as if this were the last write.
    this.writes = Math.max(this.writes, this.runner.options.every);
    this.lastWrite = Date.now();
    this.maybeSchedule();
  }

  /** `confirmed`: this is the second look for quiet (ForegroundActivity.nextLook). */
  private maybeSchedule(confirmed = false): void {
    const { every, idleFactor, foreground = processForeground, maxDeferMs = MAINTENANCE_MAX_DEFER_MS } = this.runner.options;
    // Writes past the hard cap end a wait under way too (a long spacing, a busy server).
    if (this.timer && this.writes >= HARD_CAP_FACTOR * every) this.fireDeferred(true);
    if (this.stopped || this.scheduled || this.timer || this.writes < every) return;
    const now = Date.now();
    this.dueSince ??= now;
    // The spacing first, then a quiet moment (bounded from when the run became due).
    const spacing = this.lastEnd + idleFactor * this.lastRunMs - now;
    const since = Math.min(Math.max(this.lastWrite, this.dueSince), this.dueSince + (ABSOLUTE_DEFER_FACTOR - 1) * maxDeferMs);
    if (this.writes < HARD_CAP_FACTOR * every) {
      // Not the request's business: an unref'd timer does not keep the process alive.
      // (setTimeout takes at most a 31-bit delay; a longer one would fire at once.) When it
      // fires, the spacing and the quiet are asked again.
      const again = (second: boolean) => {
        this.endWait();
        this.maybeSchedule(second);
      };
      if (spacing > 0) {
        this.timer = setTimeout(() => again(false), Math.min(spacing, MAX_TIMER_MS));
        this.timer.unref();
      } else {
        this.timer = foreground.nextLook(since, confirmed, again, maxDeferMs);
      }
      if (this.timer) {
        this.runner.deferred.add(this);
        return;
      }
    }
    this.start();
  }

  private endWait(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.runner.deferred.delete(this);
  }

  /** Ends the wait of a deferred run: starts it now (whatever the spacing or traffic), or cancels it. */
  fireDeferred(run: boolean): void {
    if (!this.timer) return;
    this.endWait();
    if (run && !this.stopped) this.start();
  }

  private start(): void {
    this.scheduled = true;
    this.dueSince = null;
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.optimizeNow())
      .catch((err: unknown) => {
        if (!this.stopped) this.runner.options.onError(err, this.name);
      })
      .finally(() => {
        this.scheduled = false;
        // Writes that arrived during the run may already call for the next one.
        this.maybeSchedule();
      });
    this.runner.track(run);
  }

  /**
   * No runs from now on: a waiting one is cancelled, a running one is waited for. Called before
   * the table's handle is closed (drop, reset, shutdown).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.fireDeferred(false);
    await this.runs.run(async () => undefined);
  }

  /** Runs a commit that replaces or deletes rows: never while a run compacts or cleans up. */
  exclusive<T>(commit: () => Promise<T>): Promise<T> {
    return this.compaction.run(commit);
  }

  /** Upkeep, compaction and cleanup, after any run in progress; must not be called with the write mutex held. */
  optimizeNow(): Promise<void> {
    return this.runs.run(async () => {
      if (this.stopped) return;
      try {
        await this.runOnce();
      } catch (err) {
        // The table was closed (dropped, reset) while the run waited for it: nothing to do.
        if (!(err instanceof TableClosedError)) throw err;
      }
    });
  }

  /**
   * One run: upkeep under the write mutex, then compaction and cleanup under the compaction
   * lock. Between the two the write mutex is free, and a commit that holds runs off (a schema
   * change, a replace, a delete: `exclusive`) may land there. LanceDB does not rebase a Rewrite
   * over any of them ("preempted by concurrent transaction Merge"), so every version the run
   * depends on (the one it compacts, the one its count starts from) is read inside the lock:
   * only appends (which LanceDB rebases) commit alongside it there.
   */
  private async runOnce(): Promise<void> {
    const started = Date.now();
    const { upkeep, ranTo } = this.hooks;
    const handle = await this.mutex.run(async () => {
      const h = this.handle();
      if (h && upkeep) await h.use((t) => upkeep(t));
      return h;
    });
    if (!handle) return;
    let writes = 0;
    try {
      await this.compaction.run(() =>
        handle.use(async (t) => {
          writes += await this.base(t);
          if (this.hooks.compact === false) return;
          const end = this.ranFrom(await this.optimize(t, started));
          ranTo?.(end);
        }),
      );
    } catch (err) {
      ranTo?.(null);
      if (!isCommitConflict(err)) throw err;
      await this.mutex.run(async () => {
        const h = this.handle();
        if (!h) return;
        this.ranFrom(await this.compaction.run(() => h.use(async (t) => {
          writes += await this.base(t);
          return this.optimize(t, Date.now());
        })));
      });
    } finally {
      this.lastEnd = Date.now();
      this.lastRunMs = this.lastEnd - started;
      this.runner.options.onRun?.(this.name, { ms: this.lastRunMs, writes });
      this.runner.options.afterWork?.();
    }
  }

  /**
   * The version a run compacts, taken holding the compaction lock: the table is moved to it
   * (`latest`), and counting starts over from it (the run covers what was counted so, and its own
   * commits do not count; a catalog table's reader may be behind its writer's commits, so the
   * highest version known counts). Resolves to the writes the run covers.
   */
  private async base(table: Table): Promise<number> {
    await this.hooks.latest?.(table);
    const version = await table.version();
    const writes = this.writes;
    this.writes = 0;
    this.countedFrom = Math.max(version, this.lastSeen);
    return writes;
  }

  /**
   * The run left the table at `version`: counting goes on from there, keeping what was counted
   * during the run (appends commit alongside it) but not the run's own versions.
   */
  private ranFrom(version: number): number {
    this.countedFrom = Math.max(this.countedFrom ?? -Infinity, version - this.writes);
    return version;
  }

  /** Compaction and cleanup; resolves to the version the run's last commit left. */
  private async optimize(table: Table, started: number): Promise<number> {
    // A zero retention asks for no protection at all; otherwise cover twice the last run.
    const retain = this.runner.options.retainMs;
    const slack = Math.min(retain, Math.max(100, 2 * this.lastRunMs));
    let cleanupOlderThan = await cleanupCutoff(table, retain, slack, started);
    const from = await this.hooks.retainFrom?.();
    if (from !== null && from !== undefined) {
      // What a fork reads must survive whatever the retention setting: a margin of at least a
      // minute (or four runs) covers LanceDB measuring the age again after compacting.
      const margin = Math.max(FORK_MARGIN_MS, 4 * this.lastRunMs);
      cleanupOlderThan = new Date(Math.max(0, Math.min(cleanupOlderThan.getTime(), from - margin)));
    }
    await table.optimize({ cleanupOlderThan });
    return table.version();
  }
}
