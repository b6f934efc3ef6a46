/**
 * Driving interleavings with fast-check's scheduler across code that does real I/O between its
 * steps (LanceDB calls): each client's calls wait at a gate, and the scheduler releases one
 * waiting call at a time once every client is waiting or done.
 */
import type fc from "fast-check";

/**
 * Every storage call of a client waits at a gate; the scheduler releases one waiting client at
 * a time, picked at random among those waiting, once every client is either waiting or done
 * (or nothing has moved for a moment: a client blocked on a core lock is neither). So every
 * step between two storage calls can be overtaken by any other client's.
 */
export class Turns {
  private running: number;
  private changed: (() => void) | null = null;

  constructor(
    private readonly s: fc.Scheduler,
    clients: number,
  ) {
    this.running = clients;
  }

  gate<T>(label: string, call: () => Promise<T>): Promise<T> {
    this.move(-1);
    return this.s.schedule(Promise.resolve(label), label, undefined, async (release) => {
      this.move(+1);
      await release();
    }).then(call);
  }

  done(): void {
    this.move(-1);
  }

  private move(delta: number): void {
    this.running += delta;
    this.changed?.();
  }

  /** Releases waiting clients one by one until `all` settles. */
  async drive(all: Promise<unknown>): Promise<void> {
    let settled = false;
    const finished = all.finally(() => {
      settled = true;
      this.changed?.();
    });
    while (!settled) {
      await new Promise<void>((resolve) => {
        const quiet = setTimeout(resolve, 25);
        this.changed = () => {
          if (this.running > 0 && !settled) {
            quiet.refresh();
            return;
          }
          clearTimeout(quiet);
          resolve();
        };
        this.changed();
      });
      this.changed = null;
      if (!settled && this.s.count() > 0) await this.s.waitOne();
    }
    await finished;
  }
}
