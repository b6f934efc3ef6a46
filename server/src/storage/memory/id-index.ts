/**
 * A collection's ids both ways: slot -> id and id -> slot, without a JS string or a Map entry
 * per record (issue 14 item 6). The ids' bytes live in one buffer (SlotStrings); id -> slot is an
 * open-addressing hash table of slot numbers (Int32Array, linear probing, at most half full)
 * whose keys are compared against those bytes in place.
 *
 * At 1M ids of the bench's form ("rec-123456") this is ~35 MB (bytes ~10, per-slot arrays 13,
 * table 8 at 2^21 entries, all off V8's heap) where a Map plus a string per id and an array of
 * them took ~70 MB of V8 heap. It also has no entry limit of its own (V8's Map stops at 2^24
 * entries); the ids' bytes are bounded by Node's largest buffer (4 GiB on Node 20).
 */
import { SlotStrings } from "./slot-strings.js";

/** FNV-1a over UTF-16 units, then a final mix so the low bits (the table index) depend on every unit. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return finish(h);
}

export class IdIndex {
  private readonly ids = new SlotStrings();
  /** Slot + 1 of an id hashing near each entry (0: empty); its length a power of two, at least twice `count`. */
  private table = new Int32Array(16);
  private count = 0;

  /** Ids held. */
  get size(): number {
    return this.count;
  }

  /** The slot holding `id`, or undefined. */
  get(id: string): number | undefined {
    const mask = this.table.length - 1;
    for (let i = hashOf(id) & mask; ; i = (i + 1) & mask) {
      const e = this.table[i];
      if (e === 0) return undefined;
      if (this.ids.equals(e - 1, id)) return e - 1;
    }
  }

  /** The id in `slot`, or undefined when the slot holds none. */
  idOf(slot: number): string | undefined {
    return this.ids.get(slot);
  }

  /**
   * Puts `id` in `slot`. Throws (changing nothing) when the id is held already or the slot
   * holds an id: a record keeps its slot until `remove`, so either means a caller's bug.
   */
  add(id: string, slot: number): void {
    if (!(slot >= 0 && slot < 0x7fffffff && Number.isInteger(slot))) throw new RangeError(`slot ${slot} out of range`);
    if (this.ids.has(slot)) throw new Error(`slot ${slot} holds an id already`);
    if (2 * (this.count + 1) > this.table.length) this.rehash(2 * this.table.length);
    const mask = this.table.length - 1;
    // One probe both checks that the id is new and finds its place (the run ends at an empty entry).
    let i = hashOf(id) & mask;
    for (let e = this.table[i]; e !== 0; e = this.table[i]) {
      if (this.ids.equals(e - 1, id)) throw new Error(`id ${JSON.stringify(id)} is held already`);
      i = (i + 1) & mask;
    }
    this.ids.set(slot, id);
    this.table[i] = slot + 1;
    this.count++;
  }

  /** Forgets the id in `slot`; returns it (undefined: the slot held none). */
  remove(slot: number): string | undefined {
    const id = this.ids.get(slot);
    if (id === undefined) return undefined;
    const table = this.table;
    const mask = table.length - 1;
    let i = hashOf(id) & mask;
    while (table[i] !== slot + 1) i = (i + 1) & mask;
    // Backward-shift deletion: move up each later entry of the run whose home is not in (i, j],
    // so every remaining id stays reachable from its home without tombstones.
    for (let j = (i + 1) & mask; table[j] !== 0; j = (j + 1) & mask) {
      const home = this.slotHash(table[j] - 1) & mask;
      if (i <= j ? home <= i || home > j : home <= i && home > j) {
        table[i] = table[j];
        i = j;
      }
    }
    table[i] = 0;
    this.ids.delete(slot);
    this.count--;
    return id;
  }

  /** hashOf of the id in `slot`, read from its bytes (no string made). */
  private slotHash(slot: number): number {
    const n = this.ids.length(slot);
    let h = 0x811c9dc5;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ this.ids.unitAt(slot, i), 0x01000193);
    return finish(h);
  }

  private rehash(size: number): void {
    const old = this.table;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < old.length; k++) {
      const e = old[k];
      if (e === 0) continue;
      let i = this.slotHash(e - 1) & mask;
      while (table[i] !== 0) i = (i + 1) & mask;
      table[i] = e;
    }
    this.table = table;
  }
}
