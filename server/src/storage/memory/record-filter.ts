/**
 * The port's filter tree (storage.ts RecordFilter) evaluated over the resident copy, so a filtered
 * query, get or search never waits for LanceDB to evaluate its where clause (at 100k records that
 * was ~10 of a filtered query's ~12 ms).
 *
 * The semantics are LanceDB's, as lance/sql.ts compiles them (upstream Chroma 1.3.x), and the
 * property test (test/storage/record-filter.test.ts) holds the two to the same answers:
 * - a comparison sees only values of its operand's type (booleans are never numbers, 5 ≠ "5");
 *   $ne / $nin are complements of $eq / $in: records lacking the key or holding another type
 *   match them; empty $and is true, empty $or false;
 * - numbers compare by value, exactly: {"$eq": 2.5} never matches a stored 2 (upstream truncates
 *   the operand for int-stored values, chroma-core/chroma#7491; chromaspec does not, see
 *   contract-tests/KNOWN_DIFFERENCES.md; numberMatches is the one place this rule lives on this side);
 * - array metadata values are seen only by $contains / $not_contains, which this side declines;
 * - strings compare as LanceDB stores them: UTF-8, so a lone surrogate is U+FFFD on both sides;
 * - documents: case-sensitive substring; records without a document never match $contains and
 *   always match $not_contains;
 * - `#id` / `ids`: membership of the record's id.
 * What this side cannot answer exactly it declines (compile() returns null) and LanceDB answers:
 * $regex / $not_regex (Rust's regex dialect is not JavaScript's), an order comparison on a
 * non-number, and any filter kind it does not know.
 */
import type { ComparisonOp, DocumentFilter, MetadataFilter, RecordFilter } from "../storage.js";
import { asStored, FALSE, NUMBER, STRING, TRUE, type KeyColumn } from "./filter-columns.js";

/** What the evaluator reads of the resident records, by slot. */
export interface FilterSource {
  /** A metadata key's values by slot (see FilterColumns). */
  column(key: string): KeyColumn;
  /** A string's number in the columns' dictionary, -1 when no column holds it. */
  codeOf(value: string): number;
  /** A record's document (null: none; undefined: not held in memory, so the filter cannot be answered here). */
  document(slot: number): string | null | undefined;
  /** The live slot holding a record's id, or undefined. */
  slotOfId(id: string): number | undefined;
}

/** A compiled filter: true when the record in `slot` matches; throws NotResident when it cannot tell. */
export type SlotPredicate = (slot: number) => boolean;

/** A document a filter needs is not in memory (its payload did not fit the budget). */
export class NotResident extends Error {
  constructor() {
    super("a document the filter needs is not held in memory");
    this.name = "NotResident";
  }
}

/** `value OP q` for a stored number, by value (as lance/sql.ts compiles a comparison). */
export function numberMatches(value: number, op: ComparisonOp, q: number): boolean {
  switch (op) {
    case "$eq":
      return value === q;
    case "$ne":
      return value !== q;
    case "$gt":
      return value > q;
    case "$gte":
      return value >= q;
    case "$lt":
      return value < q;
    case "$lte":
      return value <= q;
  }
}

type Leaf = (slot: number) => boolean;

/**
 * A number comparison over a column. Integral operands (the common case) get a closure per
 * operator, with no switch per slot; others go through numberMatches.
 */
function numberLeaf(c: KeyColumn, op: ComparisonOp, q: number): Leaf {
  const { tag, num } = c;
  if (!Number.isInteger(q)) return (s) => tag[s] === NUMBER && numberMatches(num[s], op, q);
  switch (op) {
    case "$eq":
      return (s) => tag[s] === NUMBER && num[s] === q;
    case "$ne":
      return (s) => !(tag[s] === NUMBER && num[s] === q);
    case "$gt":
      return (s) => tag[s] === NUMBER && num[s] > q;
    case "$gte":
      return (s) => tag[s] === NUMBER && num[s] >= q;
    case "$lt":
      return (s) => tag[s] === NUMBER && num[s] < q;
    case "$lte":
      return (s) => tag[s] === NUMBER && num[s] <= q;
  }
}

function not(leaf: Leaf): Leaf {
  return (s) => !leaf(s);
}

/**
 * $and / $or over compiled children (each compiled by `compile`; null if memory declines any).
 * Empty $and is true, empty $or false.
 */
function combine<F>(kind: "and" | "or", filters: readonly F[], compile: (f: F) => Leaf | null): Leaf | null {
  const children: Leaf[] = [];
  for (const f of filters) {
    const leaf = compile(f);
    if (!leaf) return null;
    children.push(leaf);
  }
  if (children.length === 0) return () => kind === "and";
  if (children.length === 1) return children[0];
  if (children.length === 2) {
    const [a, b] = children;
    return kind === "and" ? (s) => a(s) && b(s) : (s) => a(s) || b(s);
  }
  return kind === "and" ? (s) => children.every((c) => c(s)) : (s) => children.some((c) => c(s));
}

function compileWhere(f: MetadataFilter, src: FilterSource): Leaf | null {
  switch (f.kind) {
    case "and":
    case "or":
      return combine(f.kind, f.children, (c) => compileWhere(c, src));
    case "compare": {
      const { key, op, value } = f;
      if (typeof value === "number") {
        // $ne is the complement of $eq: records lacking the key or of another type match it.
        const leaf = numberLeaf(src.column(key), op === "$ne" ? "$eq" : op, value);
        return op === "$ne" ? not(leaf) : leaf;
      }
      // Order comparisons take numbers only (core/where.ts); anything else is LanceDB's to answer.
      if (op !== "$eq" && op !== "$ne") return null;
      const { tag, code } = src.column(key);
      let leaf: Leaf;
      if (typeof value === "boolean") {
        const want = value ? TRUE : FALSE;
        leaf = (s) => tag[s] === want;
      } else {
        const c = src.codeOf(value);
        leaf = c < 0 ? () => false : (s) => tag[s] === STRING && code[s] === c;
      }
      return op === "$ne" ? not(leaf) : leaf;
    }
    case "member": {
      const { tag, num, code } = src.column(f.key);
      const codes = new Set<number>();
      const numbers = new Set<number>();
      let withFalse = false;
      let withTrue = false;
      for (const v of f.values) {
        if (typeof v === "string") codes.add(src.codeOf(v));
        else if (typeof v === "boolean") v ? (withTrue = true) : (withFalse = true);
        else numbers.add(v); // by value, exactly (see numberMatches)
      }
      // A short list (the usual $in) is compared element by element over typed arrays: a Set of
      // doubles boxes every value it is asked about (an allocation per record scanned).
      const numberList = Float64Array.from(numbers);
      const codeList = Int32Array.from(codes);
      const short = numberList.length <= 8 && codeList.length <= 8;
      const leaf: Leaf = short
        ? (s) => {
            const t = tag[s];
            if (t === NUMBER) {
              const v = num[s];
              for (let i = 0; i < numberList.length; i++) if (numberList[i] === v) return true;
              return false;
            }
            if (t === STRING) {
              const c = code[s];
              for (let i = 0; i < codeList.length; i++) if (codeList[i] === c) return true;
              return false;
            }
            return t === TRUE ? withTrue : t === FALSE && withFalse;
          }
        : (s) => {
            const t = tag[s];
            if (t === NUMBER) return numbers.has(num[s]);
            if (t === STRING) return codes.has(code[s]);
            return t === TRUE ? withTrue : t === FALSE && withFalse;
          };
      return f.op === "$nin" ? not(leaf) : leaf;
    }
    case "id": {
      // The ids' slots, looked up once: testing a slot's id would make a string of it per slot
      // (ids are kept as bytes, id-index.ts). Only live slots are tested, and a live slot holds
      // one of these ids exactly when it is one of their slots.
      const slots = new Set<number>();
      for (const id of f.ids) {
        const slot = src.slotOfId(id);
        if (slot !== undefined) slots.add(slot);
      }
      return f.op === "$in" ? (s) => slots.has(s) : (s) => !slots.has(s);
    }
    case "document":
      return compileDocument(f.filter, src);
    default:
      // A filter kind added to the port after this evaluator: LanceDB answers it.
      return null;
  }
}

function compileDocument(f: DocumentFilter, src: FilterSource): Leaf | null {
  switch (f.kind) {
    case "and":
    case "or":
      return combine(f.kind, f.children, (c) => compileDocument(c, src));
    case "contains":
    case "not_contains": {
      const text = asStored(f.text);
      const contains = (s: number) => {
        const doc = src.document(s);
        if (doc === undefined) throw new NotResident();
        return doc !== null && asStored(doc).includes(text);
      };
      return f.kind === "contains" ? contains : (s) => !contains(s);
    }
    default:
      // $regex / $not_regex: Rust's regex dialect, evaluated by LanceDB.
      return null;
  }
}

/**
 * The filter as a predicate over resident slots, or null when this side declines it (LanceDB
 * answers). `ids`, `where` and `whereDocument` are ANDed, as the port says.
 */
export function compileRecordFilter(filter: RecordFilter, src: FilterSource): SlotPredicate | null {
  const parts: MetadataFilter[] = [];
  if (filter.ids !== undefined) parts.push({ kind: "id", op: "$in", ids: filter.ids });
  if (filter.where !== undefined) parts.push(filter.where);
  if (filter.whereDocument !== undefined) parts.push({ kind: "document", filter: filter.whereDocument });
  return compileWhere({ kind: "and", children: parts }, src);
}
