/**
 * The read-consistency interval: a bound on staleness. A read that starts `intervalMs` (or more)
 * after a commit, made by any process, reflects it — including the time the check itself takes:
 * a read may use what this process already has only if its last check for newer versions started
 * less than half the interval ago (so a check may take up to the other half before the bound is
 * missed; LanceDB's own interval counts only from the check's start). 0 checks on every read;
 * Infinity never checks (a store no other process writes).
 *
 * `ensure()` resolves once a check has run that started no earlier than `intervalMs / 2` before
 * the call. Concurrent callers share a check; checks never overlap; a failed check fails the reads
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
    const needed = performance.now() - this.intervalMs / 2;
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
