/**
 * `group_by` over ranked records, as upstream's RankedGroupBy operator
 * (rust/worker/src/execution/operators/ranked_group_by.rs): records are partitioned by the values
 * of the group keys (a missing key is a value of its own, "none", which sorts first); within each
 * group the records are ordered by the aggregate keys (`#score` is the record's score) ascending
 * for `$min_k` or descending for `$max_k` (stable, so ties keep rank order) and the first `k`
 * survive; the survivors of all groups are ordered by score, then record order.
 *
 * Values compare as upstream's `MetadataValue` does: first by type (bool < int < float < string <
 * sparse vector < bool list < int list < float list < string list), then by value (floats by total
 * order, strings by code point, lists and sparse vectors lexicographically). A JSON number that is
 * integral plays upstream's int, any other its float, as everywhere else in chromaspec.
 */
import { compareCodePoints, SCORE, type GroupBy } from "./plan.js";
import { compareMeasures, totalCompare, type RecordMeasure } from "./rank.js";

/** What group_by reads of each record: its metadata (null when it has none). */
export type MetadataOf = (ordinal: number) => Readonly<Record<string, unknown>> | null | undefined;

type Value = unknown;

/** A score: upstream reads it as `MetadataValue::Float` even when it is integral (a rank position). */
class Score {
  constructor(readonly value: number) {}
}

function typeOrder(v: Value): number {
  if (v instanceof Score) return 2;
  if (typeof v === "boolean") return 0;
  if (typeof v === "number") return Number.isInteger(v) ? 1 : 2;
  if (typeof v === "string") return 3;
  if (Array.isArray(v)) {
    const first = v[0];
    if (typeof first === "boolean") return 5;
    if (typeof first === "string") return 8;
    return v.every((x) => Number.isInteger(x)) ? 6 : 7;
  }
  return 4; // sparse vector
}

function compareLists(a: readonly Value[], b: readonly Value[], item: (x: Value, y: Value) => number): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = item(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function compareScalars(a: Value, b: Value): number {
  if (a instanceof Score || b instanceof Score) return totalCompare(a instanceof Score ? a.value : (a as number), b instanceof Score ? b.value : (b as number));
  if (typeof a === "boolean") return Number(a) - Number(b as boolean);
  if (typeof a === "number") return totalCompare(a, b as number);
  return compareCodePoints(a as string, b as string);
}

/** Upstream `MetadataValue` order. */
export function compareMetadataValues(a: Value, b: Value): number {
  const ta = typeOrder(a);
  const tb = typeOrder(b);
  if (ta !== tb) return ta - tb;
  if (Array.isArray(a)) return compareLists(a, b as Value[], compareScalars);
  if (ta === 4) {
    const x = a as { indices: number[]; values: number[] };
    const y = b as { indices: number[]; values: number[] };
    return compareLists(x.indices, y.indices, (p, q) => (p as number) - (q as number)) || compareLists(x.values, y.values, compareScalars);
  }
  return compareScalars(a, b);
}

/** `Option<MetadataValue>` order: none first. */
function compareOptional(a: Value | undefined, b: Value | undefined): number {
  if (a === undefined || b === undefined) return a === undefined ? (b === undefined ? 0 : -1) : 1;
  return compareMetadataValues(a, b);
}

function compareTuples(a: (Value | undefined)[], b: (Value | undefined)[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareOptional(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/** Stable sort by a key computed once per element (Rust `sort_by_cached_key`). */
function sortByKey<T, K>(items: T[], key: (t: T) => K, compare: (a: K, b: K) => number): T[] {
  const keyed = items.map((item, index) => ({ item, index, key: key(item) }));
  keyed.sort((x, y) => compare(x.key, y.key) || x.index - y.index);
  return keyed.map((k) => k.item);
}

export function groupRecords(records: RecordMeasure[], groupBy: GroupBy, metadataOf: MetadataOf): RecordMeasure[] {
  if (records.length === 0) return records;
  const extract = (record: RecordMeasure, keys: string[]): (Value | undefined)[] => {
    const metadata = metadataOf(record.ordinal) ?? {};
    return keys.map((key) =>
      key === SCORE ? new Score(record.measure) : Object.prototype.hasOwnProperty.call(metadata, key) ? metadata[key] : undefined,
    );
  };
  const grouped = sortByKey(
    records.map((record) => ({ record, group: extract(record, groupBy.keys) })),
    (r) => r.group,
    compareTuples,
  );
  const { kind, keys, k } = groupBy.aggregate;
  const order = kind === "min_k" ? compareTuples : (a: (Value | undefined)[], b: (Value | undefined)[]) => compareTuples(b, a);
  const survivors: RecordMeasure[] = [];
  for (let start = 0; start < grouped.length; ) {
    let end = start + 1;
    while (end < grouped.length && compareTuples(grouped[end].group, grouped[start].group) === 0) end++;
    const members = grouped.slice(start, end).map((g) => g.record);
    survivors.push(...sortByKey(members, (r) => extract(r, keys), order).slice(0, k));
    start = end;
  }
  return survivors.sort(compareMeasures);
}
