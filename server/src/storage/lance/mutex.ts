/**
 * A FIFO async mutex: one LanceDB table takes one writer at a time, so concurrent requests
 * neither lose updates (seq assignment, read-modify-write of the schema) nor fight over commits.
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
