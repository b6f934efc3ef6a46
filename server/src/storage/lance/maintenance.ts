/**
 * Background table maintenance. Every LanceDB write is a new version and usually a new
 * fragment; without compaction a long stream of small writes makes every scan open more files,
 * and without cleanup the version history grows forever. After every `every` writes a table
 * gets `optimize()` (compaction + cleanup) scheduled off the request path: it waits for the
 * table's mutex like a writer, so it never races a commit, but no request awaits it.
 */
import type { Table } from "@lancedb/lancedb";
import type { Mutex } from "./mutex.js";

export interface MaintenanceOptions {
  /** Writes between two optimize runs. */
  every: number;
  /**
   * Versions that were current within this window are kept, so reads that started on them
   * (reads take no lock) keep their files.
   */
  retainMs: number;
  onError: (err: unknown, table: string) => void;
}

/** Tracks every scheduled run so close() can wait for them. */
export class MaintenanceRunner {
  private readonly running = new Set<Promise<void>>();

  constructor(readonly options: MaintenanceOptions) {}

  track(p: Promise<void>): void {
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
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

/** Per-table write counter that schedules optimize runs. */
export class TableMaintenance {
  private writes = 0;
  private scheduled = false;
  /** How long the last optimize took: the cutoff's slack must cover the next one. */
  private lastRunMs = 0;

  constructor(
    private readonly name: string,
    private readonly runner: MaintenanceRunner,
    private readonly mutex: Mutex,
    /** The live table, or null once it is gone (dropped, reset, closed). */
    private readonly current: () => Table | null,
  ) {}

  noteWrite(): void {
    this.writes++;
    if (this.writes < this.runner.options.every || this.scheduled) return;
    this.scheduled = true;
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.mutex.run(() => this.optimizeNow()))
      .catch((err: unknown) => this.runner.options.onError(err, this.name))
      .finally(() => {
        this.scheduled = false;
      });
    this.runner.track(run);
  }

  /** Compaction + cleanup; callers hold the table's mutex. */
  async optimizeNow(): Promise<void> {
    const table = this.current();
    if (!table) return;
    this.writes = 0;
    const started = Date.now();
    // A zero retention asks for no protection at all; otherwise cover twice the last run.
    const retain = this.runner.options.retainMs;
    const slack = Math.min(retain, Math.max(100, 2 * this.lastRunMs));
    const cleanupOlderThan = await cleanupCutoff(table, retain, slack, started);
    await table.optimize({ cleanupOlderThan });
    this.lastRunMs = Date.now() - started;
  }
}
