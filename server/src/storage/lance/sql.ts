/**
 * Compiles the core's typed filter tree into a LanceDB (DataFusion) SQL predicate, so every
 * filter runs inside LanceDB. Values only ever appear as escaped SQL literals and metadata keys
 * only as hex-encoded column names, so nothing a client sends can change the predicate's shape.
 *
 * Semantics follow upstream Chroma 1.3.x (checked against the reference server):
 * - a key holds one value type per record; each type has its own column, so a comparison only
 *   sees records whose value has the operand's type (booleans are never numbers; 5 ≠ "5");
 * - $eq/$gt/$gte/$lt/$lte/$in match only records that have the key with that type;
 *   $ne/$nin are the complement ("id NOT IN (matches)"): records missing the key, or holding
 *   another type, match them;
 * - numbers compare by value, exactly: {"$eq": 2.5} never matches a stored 2. Upstream compares
 *   an int-stored value with the operand truncated toward zero (Rust `f as i64`, so 2.5 matches
 *   2: chroma-core/chroma#7491); chromaspec does not (contract-tests/KNOWN_DIFFERENCES.md);
 * - array values (Chroma 1.x) live in list columns ls_/ln_/lb_; only $contains / $not_contains
 *   look at them (array_has), and comparisons only at the scalar columns, as upstream;
 * - where_document: case-sensitive substring / Rust-regex (DataFusion's regexp_like uses the
 *   same `regex` crate, see regexMatch); records without a document never match $contains/$regex and always
 *   match $not_contains/$not_regex;
 * - empty $and is true, empty $or is false;
 * - `#id` conditions are `id IN (...)` / its negation; `#document` conditions inside a where tree
 *   compile exactly as where_document does.
 */
import { isSparseVector, type DocumentFilter, type MetadataFilter, type MetadataScalar, type MetadataValue, type RecordFilter } from "../storage.js";

/** Scalar columns s_/n_/b_, list columns ls_/ln_/lb_ (array values, by element type). */
export type MetadataKind = "s" | "n" | "b" | "ls" | "ln" | "lb";

/** Names of the typed filter columns present in a table. */
export type ColumnSet = ReadonlySet<string>;

const SAFE_IDENT = /^[A-Za-z0-9_]+$/;

/** Backtick-quoted identifier; our column names are all [A-Za-z0-9_] by construction. */
export function ident(name: string): string {
  if (!SAFE_IDENT.test(name)) throw new Error(`unsafe column name ${JSON.stringify(name)}`);
  return "`" + name + "`";
}

/**
 * Column holding `key`'s values of one kind: s_ string, n_ number (float64), b_ bool (int8 0/1). The key is
 * hex-encoded per UTF-16 code unit, which is injective for every JS string (lone surrogates
 * included) and needs no case or character rules from the SQL dialect.
 */
export function metadataColumn(kind: MetadataKind, key: string): string {
  let hex = "";
  for (let i = 0; i < key.length; i++) hex += key.charCodeAt(i).toString(16).padStart(4, "0");
  return `${kind}_${hex}`;
}

/** The kind of scalar column a scalar lives in. */
export function kindOf(value: MetadataScalar): "s" | "n" | "b" {
  if (typeof value === "string") return "s";
  if (typeof value === "boolean") return "b";
  return "n";
}

/** The kind of column a metadata value lives in; null for sparse vectors, which are not filtered on. */
export function columnKindOf(value: MetadataValue): MetadataKind | null {
  if (Array.isArray(value)) return value.length === 0 ? null : (`l${kindOf(value[0])}` as MetadataKind);
  if (isSparseVector(value)) return null;
  return kindOf(value as MetadataScalar);
}

/** SQL string literal: the dialect has no backslash escapes, so doubling quotes is complete. */
export function sqlString(value: string): string {
  return "'" + value.replace(/'/g, "''") + "'";
}

/** A Float64 SQL literal (an integer literal would be typed Int64 and not compare with float64). */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot compare with non-finite number ${value}`);
  const text = String(value === 0 ? 0 : value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function literal(value: MetadataScalar): string {
  if (typeof value === "string") return sqlString(value);
  // Booleans live in Int8 0/1 columns (see arrow.ts boolAsInt8Data).
  if (typeof value === "boolean") return value ? "1" : "0";
  return sqlNumber(value);
}

const TRUE = "true";
const FALSE = "false";

const SQL_OP = { $eq: "=", $ne: "<>", $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" } as const;

/**
 * Joins as a balanced tree: a flat `a OR b OR c ...` is a left-deep expression that DataFusion
 * recurses into once per term (tens of thousands of terms overflow its stack and kill the
 * process), while balanced parentheses nest only log2(n) deep.
 */
function joinAll(parts: string[], op: "AND" | "OR"): string {
  if (parts.length === 0) return op === "AND" ? TRUE : FALSE;
  if (parts.length === 1) return parts[0];
  const middle = parts.length >> 1;
  return `(${joinAll(parts.slice(0, middle), op)} ${op} ${joinAll(parts.slice(middle), op)})`;
}

function compileMetadata(filter: MetadataFilter, columns: ColumnSet): string {
  switch (filter.kind) {
    case "and":
      return joinAll(filter.children.map((c) => compileMetadata(c, columns)), "AND");
    case "or":
      return joinAll(filter.children.map((c) => compileMetadata(c, columns)), "OR");
    case "compare": {
      const name = metadataColumn(kindOf(filter.value), filter.key);
      // A column that was never created means no record ever had this key with this type.
      if (!columns.has(name)) return filter.op === "$ne" ? TRUE : FALSE;
      // Numbers compare by value (float64 column, float64 literal); $ne also matches records
      // without a value in this column.
      const col = ident(name);
      const lit = literal(filter.value);
      return filter.op === "$ne" ? `(${col} IS NULL OR ${col} <> ${lit})` : `${col} ${SQL_OP[filter.op]} ${lit}`;
    }
    case "member": {
      // Upstream rejects mixed-type lists; grouping by type keeps storage total anyway.
      const byKind = new Map<MetadataKind, MetadataScalar[]>();
      for (const v of filter.values) {
        const k = kindOf(v);
        const list = byKind.get(k);
        if (list) list.push(v);
        else byKind.set(k, [v]);
      }
      const parts: string[] = [];
      for (const [kind, values] of byKind) {
        const name = metadataColumn(kind, filter.key);
        if (!columns.has(name)) continue;
        const col = ident(name);
        const list = values.map(literal).join(", ");
        parts.push(filter.op === "$in" ? `${col} IN (${list})` : `(${col} IS NULL OR ${col} NOT IN (${list}))`);
      }
      return joinAll(parts, filter.op === "$in" ? "OR" : "AND");
    }
    case "id":
      return filter.op === "$in" ? compileIds(filter.ids) : `NOT (${compileIds(filter.ids)})`;
    case "document":
      return compileDocument(filter.filter);
    case "contains": {
      const name = metadataColumn(`l${kindOf(filter.value)}` as MetadataKind, filter.key);
      const negate = filter.op === "$not_contains";
      // No such list column: no record ever had an array of this type under the key.
      if (!columns.has(name)) return negate ? TRUE : FALSE;
      const col = ident(name);
      const has = `array_has(${col}, ${literal(filter.value)})`;
      return negate ? `(${col} IS NULL OR NOT ${has})` : has;
    }
  }
}

const DOC = ident("document");

/**
 * regexp_like with the 'U' (swap greedy) flag. The flag cannot change whether a string matches,
 * but it keeps DataFusion from rewriting a literal-only pattern into LIKE, a rewrite that does
 * not escape backslashes: regexp_like(d, '\\d') (a backslash then "d") would become
 * d LIKE '%\d%' and match every document containing "d". Patterns are validated unmodified
 * beforehand (see LanceStorage.validatePatterns), so error messages show the client's pattern.
 */
function regexMatch(pattern: string): string {
  return `regexp_like(${DOC}, ${sqlString(pattern)}, 'U')`;
}

function compileDocument(filter: DocumentFilter): string {
  switch (filter.kind) {
    case "and":
      return joinAll(filter.children.map(compileDocument), "AND");
    case "or":
      return joinAll(filter.children.map(compileDocument), "OR");
    case "contains":
      return `contains(${DOC}, ${sqlString(filter.text)})`;
    case "not_contains":
      return `(${DOC} IS NULL OR NOT contains(${DOC}, ${sqlString(filter.text)}))`;
    case "regex":
      return regexMatch(filter.pattern);
    case "not_regex":
      return `(${DOC} IS NULL OR NOT ${regexMatch(filter.pattern)})`;
  }
}

export function compileIds(ids: readonly string[]): string {
  if (ids.length === 0) return FALSE;
  return `${ident("id")} IN (${ids.map(sqlString).join(", ")})`;
}

/**
 * The predicate for a RecordFilter, or undefined when nothing narrows (no WHERE at all).
 * `columns` is the set of typed metadata columns the table has.
 */
export function compileFilter(filter: RecordFilter, columns: ColumnSet): string | undefined {
  return andPredicates(
    filter.ids && compileIds(filter.ids),
    filter.where && compileMetadata(filter.where, columns),
    filter.whereDocument && compileDocument(filter.whereDocument),
  );
}

/** `base AND extra`, either side optional. */
export function andPredicates(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : present.map((p) => `(${p})`).join(" AND ");
}
