/**
 * The read-consistency interval, as LanceDB defines it for its own tables: a read may use what a
 * process already has if it last checked for newer versions less than `intervalMs` ago; otherwise
 * it checks first. So a read that starts `intervalMs` (or more) after a commit, made by any process,
 * reflects it; 0 checks on every read; Infinity never checks (a store no other process writes).
 *
 * `ensure()` resolves once a check has run that started no earlier than `intervalMs` before the
 * call. Concurrent callers share a check; checks never overlap; a failed check fails the reads
 * that waited for it (their consistency could not be established) and is retried by the next.
 */
export class Freshness {
  /** When the last successful check started (performance.now() ms). */
  private lastStart = -Infinity;
  private inflight: { start: number; done: Promise<void> } | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly check: () => Promise<void>,
  ) {}

  ensure(): Promise<void> {
    if (this.intervalMs === Infinity) return Promise.resolve();
    const needed = performance.now() - this.intervalMs;
    if (this.lastStart >= needed && this.intervalMs > 0) return Promise.resolve();
    if (this.inflight && this.inflight.start >= needed) return this.inflight.done;
    const previous = this.inflight?.done.catch(() => undefined) ?? Promise.resolve();
    const entry = { start: performance.now(), done: Promise.resolve() };
    entry.done = previous.then(async () => {
      const started = performance.now();
      await this.check();
      this.lastStart = Math.max(this.lastStart, started);
    });
    this.inflight = entry;
    void entry.done
      .finally(() => {
        if (this.inflight === entry) this.inflight = null;
      })
      .catch(() => undefined);
    return entry.done;
  }

  /** Forgets the last check: the next `ensure()` checks (e.g. after this process wrote). */
  invalidate(): void {
    this.lastStart = -Infinity;
  }
}
