/**
 * Background table maintenance. Every LanceDB write is a new version and usually a new
 * fragment; without compaction a long stream of small writes makes every scan open more files,
 * and without cleanup the version history grows forever. optimize() also folds new rows into
 * existing indices.
 *
 * Scheduling: after `every` writes, off the request path. Compaction rewrites every fragment
 * smaller than LanceDB's target (1M rows), so below that size it rewrites the whole table and
 * its cost grows with the table; runs are therefore also spaced so that maintenance takes at
 * most ~1/(1 + idleFactor) of the time, unless writes pile up past a hard cap.
 *
 * Locking: optimize first runs without the table's mutex, so writers are not stalled while a
 * large table is rewritten. Appends commit fine alongside it; an update or delete that commits
 * meanwhile makes LanceDB reject the compaction ("retryable commit conflict", the user's write
 * always wins), and then it is retried holding the mutex.
 */
import type { Table } from "@lancedb/lancedb";
import type { Mutex } from "../../util/mutex.js";
import { trimSoon } from "../memory/process-memory.js";

export interface MaintenanceOptions {
  /** Writes between two optimize runs. */
  every: number;
  /**
   * Versions that were current within this window are kept, so reads that started on them
   * (reads take no lock) keep their files.
   */
  retainMs: number;
  /** Idle time required after a run before the next, as a multiple of that run's duration. */
  idleFactor: number;
  onError: (err: unknown, table: string) => void;
}

/** Past this many times `every` writes, a run starts regardless of the spacing. */
const HARD_CAP_FACTOR = 25;

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
  const horizon = now - retainMs;
  let current = 0;
  for (const v of await table.listVersions()) {
    const t = new Date(v.timestamp as unknown as string | number | Date).getTime();
    if (t <= horizon && t > current) current = t;
  }
  return new Date(Math.max(0, current - slackMs));
}

function isCommitConflict(err: unknown): boolean {
  return err instanceof Error && /commit conflict|preempted by concurrent/i.test(err.message);
}

/** Per-table write counter that schedules optimize runs. */
export class TableMaintenance {
  private writes = 0;
  private scheduled = false;
  private timer: NodeJS.Timeout | null = null;
  /** How long the last run took and when it ended (for the cutoff slack and the spacing). */
  private lastRunMs = 0;
  private lastEnd = 0;

  constructor(
    private readonly name: string,
    private readonly runner: MaintenanceRunner,
    private readonly mutex: Mutex,
    /** The live table, or null once it is gone (dropped, reset, closed). */
    private readonly current: () => Table | null,
    /** Extra upkeep run (under the mutex) before each optimize, e.g. creating scalar indices. */
    private readonly upkeep?: (table: Table) => Promise<void>,
  ) {}

  noteWrite(): void {
    trimSoon();
    this.writes++;
    this.maybeSchedule();
  }

  private maybeSchedule(): void {
    const { every, idleFactor } = this.runner.options;
    if (this.scheduled || this.timer || this.writes < every) return;
    const wait = this.lastEnd + idleFactor * this.lastRunMs - Date.now();
    if (wait > 0 && this.writes < HARD_CAP_FACTOR * every) {
      // Not the request's business: an unref'd timer does not keep the process alive.
      this.timer = setTimeout(() => this.fireDeferred(true), wait);
      this.timer.unref();
      this.runner.deferred.add(this);
      return;
    }
    this.start();
  }

  /** Ends the wait of a deferred run: starts it now, or cancels it. */
  fireDeferred(run: boolean): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.runner.deferred.delete(this);
    if (run && this.current()) this.start();
  }

  private start(): void {
    this.scheduled = true;
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.optimizeNow())
      .catch((err: unknown) => {
        if (this.current()) this.runner.options.onError(err, this.name);
      })
      .finally(() => {
        this.scheduled = false;
        // Writes that arrived during the run may already call for the next one.
        if (this.current()) this.maybeSchedule();
      });
    this.runner.track(run);
  }

  /** Upkeep, compaction and cleanup; must not be called with the table's mutex held. */
  async optimizeNow(): Promise<void> {
    const started = Date.now();
    const table = await this.mutex.run(async () => {
      const t = this.current();
      if (t) await this.upkeep?.(t);
      return t;
    });
    if (!table) return;
    this.writes = 0;
    try {
      await this.optimize(table, started);
    } catch (err) {
      if (!isCommitConflict(err)) throw err;
      await this.mutex.run(async () => {
        const t = this.current();
        if (t) await this.optimize(t, Date.now());
      });
    } finally {
      this.lastEnd = Date.now();
      this.lastRunMs = this.lastEnd - started;
      trimSoon();
    }
  }

  private async optimize(table: Table, started: number): Promise<void> {
    // A zero retention asks for no protection at all; otherwise cover twice the last run.
    const retain = this.runner.options.retainMs;
    const slack = Math.min(retain, Math.max(100, 2 * this.lastRunMs));
    const cleanupOlderThan = await cleanupCutoff(table, retain, slack, started);
    await table.optimize({ cleanupOlderThan });
  }
}
