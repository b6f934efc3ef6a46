/**
 * The expected state of every id a soak client owns. An acknowledged write makes the state
 * certain; a write whose answer never arrived (the server was killed) leaves the id with two
 * possible states, resolved later by reading it back. Ids are owned by one client each, so
 * within an id everything is sequential and the expected state is exact.
 */

export const ABSENT = -1;

export class Model {
  /** id -> possible versions (ABSENT = not stored). One element = certain. */
  private readonly states = new Map<string, Set<number>>();
  /** The next version to write per id: every write attempt gets fresh content. */
  private readonly nextVersion = new Map<string, number>();

  possible(id: string): Set<number> {
    return this.states.get(id) ?? new Set([ABSENT]);
  }

  certain(id: string): number | undefined {
    const s = this.possible(id);
    return s.size === 1 ? [...s][0] : undefined;
  }

  isUncertain(id: string): boolean {
    return this.possible(id).size > 1;
  }

  uncertainIds(): string[] {
    return [...this.states.entries()].filter(([, s]) => s.size > 1).map(([id]) => id);
  }

  version(id: string): number {
    const v = (this.nextVersion.get(id) ?? 0) + 1;
    this.nextVersion.set(id, v);
    return v;
  }

  /** The write was acknowledged: the id is now exactly `state`. */
  set(id: string, state: number): void {
    this.states.set(id, new Set([state]));
  }

  /** The write's outcome is unknown: the id is either what it was or `state`. */
  maybe(id: string, state: number): void {
    const s = new Set(this.possible(id));
    s.add(state);
    this.states.set(id, s);
  }

  ids(): string[] {
    return [...this.states.keys()];
  }
}
