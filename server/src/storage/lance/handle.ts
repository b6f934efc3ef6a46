/**
 * A LanceDB table handle that is never closed under a native call.
 *
 * @lancedb/lancedb 0.37-0.38 free a Table's native state on `close()` even while one of its
 * calls is running on LanceDB's threads: `Table.close()` during `Table.optimize()` is a
 * use-after-free that kills the process with SIGSEGV inside `cleanup_old_versions`
 * (docs/upstream/lancedb-close-during-optimize.md; 0.39 throws instead). So every native call on
 * a table goes through `use`, which counts it in flight, and `close` first refuses new calls,
 * then waits for those in flight, and only then closes the native table. Dropping a table
 * closes its handle first (lance/table.ts), so no call ever runs on a dropped table either.
 */
import type { Table } from "@lancedb/lancedb";

/** A call on a handle that is closing or closed (its table was dropped, reset or shut down). */
export class TableClosedError extends Error {
  constructor(readonly table: string) {
    super(`LanceDB table ${table} is closed`);
    this.name = "TableClosedError";
  }
}

export class TableHandle {
  private inflight = 0;
  private closing: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  constructor(private readonly table: Table) {}

  get name(): string {
    return this.table.name;
  }

  get isOpen(): boolean {
    return this.closing === null;
  }

  /**
   * Runs native calls on the table, counted in flight until `fn` settles. Refused with
   * TableClosedError once closing has begun.
   */
  async use<T>(fn: (table: Table) => Promise<T>): Promise<T> {
    if (this.closing) throw new TableClosedError(this.table.name);
    this.inflight++;
    try {
      return await fn(this.table);
    } finally {
      if (--this.inflight === 0) this.drained?.();
    }
  }

  /** Refuses new calls, waits for the calls in flight, then closes the native table. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.inflight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      this.table.close();
    })();
    return this.closing;
  }
}
