/**
 * Foreground requests versus background work. Work nobody waits for (saving a collection's HNSW
 * graph: a native serialisation, an Arrow encoding on the event loop and a LanceDB overwrite,
 * ~1-2 s of both cores at 100k records) makes every request that overlaps it slower; right after
 * a bulk load it doubled query p50 and halved QPS for the first seconds. Such work therefore
 * waits until the server has been quiet (no request in flight, none finished for `quietMs`), but
 * never longer than `maxDeferMs` after it became due, so a server that is never quiet still does
 * it.
 *
 * One instance per process (`foreground`), fed by the HTTP layer (http/foreground.ts); tests make
 * their own.
 */
export interface ForegroundOptions {
  /** Quiet time (ms) after the last request before background work starts. */
  quietMs: number;
  /** Longest a piece of background work waits for quiet (ms) once it is due. */
  maxDeferMs: number;
}

export const FOREGROUND_DEFAULTS: ForegroundOptions = { quietMs: 250, maxDeferMs: 30_000 };

export class ForegroundActivity {
  private inFlight = 0;
  private lastEnd = Number.NEGATIVE_INFINITY;

  constructor(
    readonly options: ForegroundOptions = FOREGROUND_DEFAULTS,
    /** The clock `deferral` reads (ms); Date.now by default. */
    readonly now: () => number = Date.now,
  ) {}

  /** A request started; pair with one `end()`. */
  begin(): void {
    this.inFlight++;
  }

  /** A request finished (answered or aborted). */
  end(): void {
    if (this.inFlight > 0) this.inFlight--;
    this.lastEnd = this.now();
  }

  /** Requests under way right now. */
  get active(): number {
    return this.inFlight;
  }

  /**
   * How long (ms) background work that became due at `dueSince` should still wait: 0 = start it
   * now (no request in flight and none finished, nor the work became due, within `quietMs`; or
   * the work has waited `maxDeferMs`: the options' unless the work names its own bound). Ask
   * again after that long.
   */
  deferral(dueSince: number, maxDeferMs: number = this.options.maxDeferMs): number {
    const now = this.now();
    const bound = dueSince + maxDeferMs - now;
    if (bound <= 0) return 0;
    // Quiet counts from when the work became due as well: status polls are not counted
    // (http/foreground.ts), so work that becomes due when a polling client is about to act (the
    // graph save at "all indexed", the news its indexing_status poll is waiting for) would
    // otherwise start at once and meet that client's first queries; a quietMs look sees them.
    const quiet = this.inFlight > 0 ? this.options.quietMs : Math.max(this.lastEnd, dueSince) + this.options.quietMs - now;
    return quiet <= 0 ? 0 : Math.ceil(Math.min(quiet, bound));
  }

  /**
   * One look for background work that became due at `dueSince`: null = start it now; otherwise
   * an unref'd timer (the caller keeps it to cancel the wait) that calls `again` for the next
   * look. Work starts only when `deferral` says 0 at two looks an I/O poll apart (afterIoPoll):
   * `confirmed` = this look is that second one (`again` passes it on).
   */
  nextLook(dueSince: number, confirmed: boolean, again: (confirmed: boolean) => void, maxDeferMs: number = this.options.maxDeferMs): NodeJS.Timeout | null {
    const wait = this.deferral(dueSince, maxDeferMs);
    if (wait > 0) {
      const timer = setTimeout(() => again(false), wait);
      timer.unref();
      return timer;
    }
    return confirmed ? null : afterIoPoll(() => again(true));
  }
}

/**
 * Calls `fn` once the event loop has polled for I/O at least once from now: a timer turn, then
 * the check phase (setImmediate) after that turn's poll, whichever phase this is called from.
 *
 * Why background work needs it: a request is counted (`begin`) when the event loop reads it. While
 * the loop is blocked (a 100-400 ms major GC after a bulk load, a synchronous task) requests that
 * arrive wait unread in their sockets, and a timer firing right after the stall finds none in
 * flight and the last one ended more than quietMs ago: `deferral` says 0 while clients wait. (A
 * 410 ms GC during a 100k load's indexing started a compaction this way, with a client polling
 * every 50 ms; bench/postindex.ts.) So work told 0 asks again from `fn`, after the poll has read
 * and counted what came meanwhile, and starts only if the answer is still 0.
 *
 * The returned timer can be cleared (and is unref'd: it keeps nothing alive); once it has fired,
 * `fn` runs in the same turn's check phase, so `fn` must check that its work is still wanted.
 */
export function afterIoPoll(fn: () => void): NodeJS.Timeout {
  const timer = setTimeout(() => setImmediate(fn), 0);
  timer.unref();
  return timer;
}

/** The process's foreground: every HTTP request is counted here. */
export const foreground = new ForegroundActivity();
