/**
 * A parsed search (upstream `SearchPayload`, rust/types/src/execution/plan.rs + operator.rs), as the
 * core executes it. Produced only by payload.ts, which applies upstream's defaults and checks.
 */
import type { MetadataFilter } from "../filter.js";
import type { SparseVector } from "../sparse-vector.js";

/** A `$knn` query vector: dense (float32) or sparse. */
export type QueryVector = { kind: "dense"; vector: Float32Array } | { kind: "sparse"; vector: SparseVector };

/** `$knn`: the `limit` nearest records on `key`; `default` scores the others (none: they drop out). */
export interface KnnRank {
  kind: "knn";
  query: QueryVector;
  key: string;
  limit: number;
  default: number | null;
  returnRank: boolean;
}

/** Upstream `RankExpr`; numbers are float32 values. */
export type RankExpr =
  | KnnRank
  | { kind: "val"; value: number }
  | { kind: "sum" | "mul" | "max" | "min"; terms: RankExpr[] }
  | { kind: "sub" | "div"; left: RankExpr; right: RankExpr }
  | { kind: "abs" | "exp" | "log"; term: RankExpr };

/** The predefined keys (upstream `Key::{Document, Embedding, Metadata, Score}`); anything else names a metadata key. */
export const DOCUMENT = "#document";
export const EMBEDDING = "#embedding";
export const METADATA = "#metadata";
export const SCORE = "#score";
const PREDEFINED = [DOCUMENT, EMBEDDING, METADATA, SCORE];

/** A key is a metadata field unless it is one of the four predefined names (so `#id` is a field, as upstream). */
export function isMetadataField(key: string): boolean {
  return !PREDEFINED.includes(key);
}

/** Rust's `str` order: by UTF-8 bytes, i.e. by code point (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate unit starts a code point above U+FFFF, above every other BMP unit.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Upstream's `Key` order (derived `Ord`): the predefined keys in declaration order, then fields. */
export function compareKeys(a: string, b: string): number {
  const i = PREDEFINED.indexOf(a);
  const j = PREDEFINED.indexOf(b);
  if (i >= 0 || j >= 0) return (i < 0 ? PREDEFINED.length : i) - (j < 0 ? PREDEFINED.length : j);
  return compareCodePoints(a, b);
}

export interface GroupBy {
  /** Metadata keys whose values form the group. */
  keys: string[];
  aggregate: { kind: "min_k" | "max_k"; keys: string[]; k: number };
}

export interface SearchPlan {
  filter?: MetadataFilter;
  rank?: RankExpr;
  groupBy?: GroupBy;
  offset: number;
  /** Absent: every ranked record. */
  limit?: number;
  /** Selected keys, de-duplicated, in upstream's key order. */
  select: string[];
}

/** The `$knn` leaves of a rank expression in evaluation order (upstream `RankExpr::knn_queries`). */
export function knnQueries(expr: RankExpr | undefined): KnnRank[] {
  const out: KnnRank[] = [];
  const walk = (e: RankExpr): void => {
    switch (e.kind) {
      case "knn":
        out.push(e);
        break;
      case "val":
        break;
      case "sum":
      case "mul":
      case "max":
      case "min":
        e.terms.forEach(walk);
        break;
      case "sub":
      case "div":
        walk(e.left);
        walk(e.right);
        break;
      case "abs":
      case "exp":
      case "log":
        walk(e.term);
        break;
    }
  };
  if (expr) walk(expr);
  return out;
}
