/**
 * A per-key async mutex: read-modify-write operations on one collection (add's "ignore existing
 * ids", upsert and update merges) run one at a time, so concurrent clients cannot interleave a
 * read and a write and lose each other's changes. Different collections never wait on each other.
 */
import { Mutex } from "../util/mutex.js";

export class KeyedMutex {
  /** The mutex of each key with tasks queued or running; dropped when its last task ends. */
  private readonly held = new Map<string, { mutex: Mutex; tasks: number }>();

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    let entry = this.held.get(key);
    if (!entry) this.held.set(key, (entry = { mutex: new Mutex(), tasks: 0 }));
    entry.tasks++;
    try {
      return await entry.mutex.run(task);
    } finally {
      if (--entry.tasks === 0) this.held.delete(key);
    }
  }

  /** Resolves once every task queued so far has finished (graceful shutdown). */
  async drain(): Promise<void> {
    await Promise.all([...this.held.values()].map(({ mutex }) => mutex.run(async () => undefined)));
  }
}
