/**
 * The metadata of a resident collection's records, kept for evaluating filters in memory
 * (record-filter.ts): every live record's metadata object by slot, and, for the keys filters
 * actually use, typed columns by slot. A filter scans columns, not objects: at 100k records,
 * reading one key from 100k objects scattered over the heap took 3-5 ms (a cache miss each),
 * the same test over a typed column well under 1 ms.
 *
 * Columns are built on a key's first use and kept in step with every put and remove from then
 * on; at most MAX_COLUMNS per collection (the least recently used is dropped), so memory is
 * bounded by the keys filtered on, not by how many keys the records carry.
 *
 * A record whose metadata JSON the payload cache holds (slots.ts) keeps no object here: a column
 * built later parses that JSON. An object per record beside the same JSON was ~50 MB of V8 heap
 * at 1M records of the bench's two-key metadata (issue 14 item 6); the price is a slower first
 * use of a key (parsing 1M small JSON texts: ~0.6 s instead of ~0.25 s reading objects).
 */
import type { Metadata } from "../storage.js";
import { grown } from "./typed-arrays.js";

/** What a slot holds under a key (scalars only: arrays and sparse vectors are OTHER). */
export const ABSENT = 0;
export const NUMBER = 1;
export const STRING = 2;
export const FALSE = 3;
export const TRUE = 4;

/** Columns kept per collection; ~13 bytes per record each. */
const MAX_COLUMNS = 16;

/** ES2024 string methods (V8 11.1+, so every Node 20); the compile target's lib predates them. */
type WellFormed = { isWellFormed(): boolean; toWellFormed(): string };

/** A string as LanceDB stores and compares it: UTF-8, so a lone surrogate is U+FFFD. */
export function asStored(s: string): string {
  const w = s as unknown as WellFormed;
  return w.isWellFormed() ? s : w.toWellFormed();
}

/** One key's values by slot. `num` is valid where tag is NUMBER, `code` (a string's number in the collection's dictionary) where STRING. */
export interface KeyColumn {
  readonly tag: Uint8Array;
  readonly num: Float64Array;
  readonly code: Int32Array;
}

/** Stands for "the metadata is the payload cache's JSON" in FilterColumns' objects. */
const IN_PAYLOAD: Metadata = Object.freeze({}) as Metadata;

export class FilterColumns {
  private readonly objects: (Metadata | null)[] = [];
  /** In least-recently-used order (a use moves a key to the end). */
  private readonly columns = new Map<string, { tag: Uint8Array; num: Float64Array; code: Int32Array }>();
  /** Every string value seen under a column's key, numbered (never shrinks; a column of strings compares numbers). */
  private readonly dictionary = new Map<string, number>();

  /**
   * `cached`: a slot's metadata JSON as the payload cache holds it (null: none; undefined: not
   * cached). `held`: whether the payload cache holds a slot's metadata now (a cheaper test than
   * `cached`, same answer).
   */
  constructor(
    private readonly cached: (slot: number) => string | null | undefined = () => undefined,
    private readonly parse: (json: string) => Metadata = (json) => JSON.parse(json) as Metadata,
    private readonly held: (slot: number) => boolean = (slot) => cached(slot) !== undefined,
  ) {}

  /** The metadata stored for a slot (null: none or not live). */
  metadata(slot: number): Metadata | null {
    const m = this.objects[slot] ?? null;
    return m === IN_PAYLOAD ? this.fromPayload(slot) : m;
  }

  /**
   * A record's metadata, after its write reached the payload cache. When the cache holds the
   * record's metadata JSON no object is kept here (it is read back from the cache), and a
   * function `metadata` is called only if a column needs the value now: a load need not parse
   * what no filter has asked for yet. A record beyond the payload budget keeps its object.
   */
  put(slot: number, metadata: Metadata | null | (() => Metadata | null)): void {
    while (this.objects.length < slot) this.objects.push(null);
    const inPayload = this.held(slot);
    const lazy = typeof metadata === "function";
    const value = lazy ? (this.columns.size > 0 || !inPayload ? metadata() : null) : metadata;
    this.objects[slot] = inPayload ? IN_PAYLOAD : value;
    for (const [key, column] of this.columns) this.fill(key, column, slot, value);
  }

  private fromPayload(slot: number): Metadata | null {
    const json = this.cached(slot);
    // The payload cache changes only with the record's own writes, each of which puts here too.
    if (json === undefined) throw new Error(`slot ${slot}: metadata marked as cached is not in the payload cache`);
    return json === null ? null : this.parse(json);
  }

  remove(slot: number): void {
    if (slot >= this.objects.length) return;
    this.objects[slot] = null;
    for (const column of this.columns.values()) if (slot < column.tag.length) column.tag[slot] = ABSENT;
  }

  /** The number of a string in the dictionary (as stored), or -1 if no record ever held it under a column's key. */
  codeOf(value: string): number {
    return this.dictionary.get(asStored(value)) ?? -1;
  }

  /** `key`'s column over every slot, built now if it is not kept yet. */
  column(key: string): KeyColumn {
    let column = this.columns.get(key);
    if (column) {
      this.columns.delete(key);
      this.columns.set(key, column);
      return column;
    }
    if (this.columns.size >= MAX_COLUMNS) this.columns.delete(this.columns.keys().next().value!);
    const n = this.objects.length;
    column = { tag: new Uint8Array(n), num: new Float64Array(n), code: new Int32Array(n) };
    for (let slot = 0; slot < n; slot++) this.fill(key, column, slot, this.metadata(slot));
    this.columns.set(key, column);
    return column;
  }

  private fill(key: string, column: { tag: Uint8Array; num: Float64Array; code: Int32Array }, slot: number, m: Metadata | null): void {
    if (slot >= column.tag.length) {
      column.tag = grown(column.tag, slot + 1);
      column.num = grown(column.num, slot + 1);
      column.code = grown(column.code, slot + 1);
    }
    // A key named like an Object.prototype member is only a key when the record has it as its own.
    const v: unknown = m === null || (key in Object.prototype && !Object.hasOwn(m, key)) ? undefined : m[key];
    switch (typeof v) {
      case "number":
        column.tag[slot] = NUMBER;
        column.num[slot] = v;
        break;
      case "string": {
        const s = asStored(v);
        let code = this.dictionary.get(s);
        if (code === undefined) this.dictionary.set(s, (code = this.dictionary.size));
        column.tag[slot] = STRING;
        column.code[slot] = code;
        break;
      }
      case "boolean":
        column.tag[slot] = v ? TRUE : FALSE;
        break;
      default:
        column.tag[slot] = ABSENT;
    }
  }
}
