/**
 * A FIFO async mutex: tasks run one at a time in the order they came. Storage gives each LanceDB
 * table one (seq assignment and schema changes never interleave, commits never fight); the core
 * keys one per collection for its read-modify-write operations (core/lock.ts).
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    // The chain must survive a failed holder; the caller still sees the rejection.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
