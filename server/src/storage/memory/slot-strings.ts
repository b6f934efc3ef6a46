/**
 * Strings by slot, kept as bytes in one buffer instead of one V8 string each (issue 14 item 6:
 * at 1M records a JS string per id cost ~32 bytes of heap plus 8 for the array slot pointing at
 * it; its bytes here cost its length plus 13 bytes of per-slot arrays).
 *
 * Exact for every JS string, lone surrogates included: a string whose UTF-16 units all fit in
 * a byte is stored one byte per unit (latin1), any other as its UTF-16 units (utf16le). UTF-8
 * is not used because it cannot carry a lone surrogate, so two different ids would become one.
 *
 * The buffer is append-only: a removed or replaced string's bytes stay until the buffer runs
 * out of room, when it is rebuilt with the live strings only if at least a quarter of it is
 * dead, else grown by copying it whole.
 */
import { constants } from "node:buffer";
import { grown } from "./typed-arrays.js";

/** What a string of `units` UTF-16 units takes in the buffer. */
const byteLength = (units: number, wide: boolean) => (wide ? 2 * units : units);

/** Whether every UTF-16 unit of `s` fits in one byte. */
export function oneByte(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

export class SlotStrings {
  private bytes: Buffer = Buffer.allocUnsafeSlow(0);
  /** Bytes written so far (live and dead). */
  private used = 0;
  /** Bytes of strings removed or replaced since the last rebuild. */
  private dead = 0;
  /**
   * Where each slot's string starts in `bytes`: 4 bytes a slot where Node's largest buffer is
   * 4 GiB (Node 20), doubles where it is larger.
   */
  private start: Uint32Array | Float64Array = constants.MAX_LENGTH <= 2 ** 32 ? new Uint32Array(0) : new Float64Array(0);
  /** Each slot's length in UTF-16 units plus one; 0: the slot holds no string. */
  private lengthPlusOne = new Int32Array(0);
  /** 1: the slot's string is stored as UTF-16 units (two bytes each); 0: one byte per unit. */
  private wide = new Uint8Array(0);

  /** Whether `slot` holds a string. */
  has(slot: number): boolean {
    return slot < this.lengthPlusOne.length && this.lengthPlusOne[slot] !== 0;
  }

  /** The length in UTF-16 units of the slot's string (-1: none). */
  length(slot: number): number {
    return slot < this.lengthPlusOne.length ? this.lengthPlusOne[slot] - 1 : -1;
  }

  /**
   * The slot's string, or its UTF-16 units [from, to) (clamped to its length); undefined when the
   * slot holds none.
   */
  get(slot: number, from = 0, to = Infinity): string | undefined {
    const n = this.length(slot);
    if (n < 0) return undefined;
    const a = Math.min(Math.max(0, from), n);
    const b = Math.min(Math.max(a, to), n);
    const at = this.start[slot];
    return this.wide[slot] === 1 ? this.bytes.toString("utf16le", at + 2 * a, at + 2 * b) : this.bytes.toString("latin1", at + a, at + b);
  }

  /** Whether the slot holds exactly `s`, compared in place (no string made). */
  equals(slot: number, s: string): boolean {
    if (this.length(slot) !== s.length) return false;
    const bytes = this.bytes;
    const at = this.start[slot];
    if (this.wide[slot] === 1) {
      for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== (bytes[at + 2 * i] | (bytes[at + 2 * i + 1] << 8))) return false;
    } else {
      for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== bytes[at + i]) return false;
    }
    return true;
  }

  /** The slot's UTF-16 unit `i` (the slot must hold a string longer than i). */
  unitAt(slot: number, i: number): number {
    const at = this.start[slot];
    return this.wide[slot] === 1 ? this.bytes[at + 2 * i] | (this.bytes[at + 2 * i + 1] << 8) : this.bytes[at + i];
  }

  /**
   * Stores `s` for `slot`, replacing what it held. Throws a RangeError, changing nothing, when
   * the live strings would exceed the largest buffer Node allows (buffer.constants.MAX_LENGTH:
   * 4 GiB on Node 20).
   */
  set(slot: number, s: string): void {
    const wide = !oneByte(s);
    const size = byteLength(s.length, wide);
    if (this.used + size > this.bytes.length) this.makeRoom(size, slot);
    this.delete(slot);
    if (slot >= this.lengthPlusOne.length) {
      this.start = grown(this.start, slot + 1);
      this.lengthPlusOne = grown(this.lengthPlusOne, slot + 1);
      this.wide = grown(this.wide, slot + 1);
    }
    // Short one-byte strings (ids) by a JS loop: a write() call into C++ costs more than it.
    if (!wide && size <= 64) {
      const bytes = this.bytes;
      const at = this.used;
      for (let i = 0; i < size; i++) bytes[at + i] = s.charCodeAt(i);
    } else if (size > 0) this.bytes.write(s, this.used, size, wide ? "utf16le" : "latin1");
    this.start[slot] = this.used;
    this.lengthPlusOne[slot] = s.length + 1;
    this.wide[slot] = wide ? 1 : 0;
    this.used += size;
  }

  /** Forgets the slot's string (nothing if it holds none). */
  delete(slot: number): void {
    const n = this.length(slot);
    if (n < 0) return;
    this.dead += byteLength(n, this.wide[slot] === 1);
    this.lengthPlusOne[slot] = 0;
  }

  /**
   * A buffer with room for `size` more bytes: the live strings repacked when a quarter or more
   * of the buffer is dead, else the whole buffer copied into one twice the size. `replacing`:
   * the slot about to be rewritten (its bytes count as dead).
   */
  private makeRoom(size: number, replacing: number): void {
    const n = this.length(replacing);
    const dead = this.dead + (n < 0 ? 0 : byteLength(n, this.wide[replacing] === 1));
    const live = this.used - dead;
    if (live + size > constants.MAX_LENGTH) throw new RangeError(`ids/payload bytes past ${constants.MAX_LENGTH} bytes (Node's largest buffer)`);
    // Growing by a copy must also fit under the cap; a repack always does (live + size fits).
    const repack = dead * 4 >= this.used || this.used + size > constants.MAX_LENGTH;
    const cap = Math.min(constants.MAX_LENGTH, Math.max(256, 2 * ((repack ? live : this.used) + size)));
    const next = Buffer.allocUnsafeSlow(cap);
    if (!repack) {
      this.bytes.copy(next, 0, 0, this.used);
      this.bytes = next;
      return;
    }
    let at = 0;
    const old = this.bytes;
    for (let slot = 0; slot < this.lengthPlusOne.length; slot++) {
      const units = this.lengthPlusOne[slot] - 1;
      if (units < 0 || slot === replacing) continue;
      const from = this.start[slot];
      const len = byteLength(units, this.wide[slot] === 1);
      // Ids are short: a byte loop beats a copy() call per string for them.
      if (len <= 32) for (let i = 0; i < len; i++) next[at + i] = old[from + i];
      else old.copy(next, at, from, from + len);
      this.start[slot] = at;
      at += len;
    }
    if (n >= 0) this.lengthPlusOne[replacing] = 0;
    this.bytes = next;
    this.used = at;
    this.dead = 0;
  }
}
