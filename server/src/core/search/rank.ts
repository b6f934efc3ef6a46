/**
 * Evaluates a rank expression over the results of its `$knn` leaves, as upstream's Rank operator
 * does (rust/worker/src/execution/operators/rank.rs). Each sub-expression denotes a "domain": scores
 * on a support set of records plus an optional default for every other record. A `$knn` leaf's
 * support is its result list (scored by measure, or by position with `return_rank`), its default
 * the leaf's `default`; a constant has empty support and itself as default. Combining two domains:
 *   both defaults  -> union of supports, missing sides take their default;
 *   one default    -> the support of the side without one (the other side filled in);
 *   no defaults    -> intersection of supports.
 * So a record missing from a `$knn` without `default` drops out of every expression above it.
 * The result is the support, sorted by score (float32 total order, NaN last) then by record order.
 * Arithmetic is float32, as upstream's f32.
 */
import type { KnnRank, RankExpr } from "./plan.js";

/** A scored record: `ordinal` is the record's storage order (upstream's offset id). */
export interface RecordMeasure {
  ordinal: number;
  measure: number;
}

interface Domain {
  support: Map<number, number>;
  default: number | null;
}

const F32_MAX = 3.4028234663852886e38;
const f = Math.fround;

/**
 * Rust f32::max / f32::min: a NaN operand yields the other operand. (Rust leaves the sign of
 * max(-0, +0) open; we take +0, and -0 for min, as Math.max / Math.min do.)
 */
function max(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.max(a, b);
}
function min(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.min(a, b);
}

const BINARY: Record<"sum" | "mul" | "max" | "min" | "sub" | "div", (a: number, b: number) => number> = {
  sum: (a, b) => f(a + b),
  mul: (a, b) => f(a * b),
  max,
  min,
  sub: (a, b) => f(a - b),
  div: (a, b) => f(a / b),
};
const UNARY: Record<"abs" | "exp" | "log", (a: number) => number> = {
  abs: Math.abs,
  exp: (a) => f(Math.exp(a)),
  log: (a) => f(Math.log(a)),
};
/** The fold seeds upstream uses for the list operators. */
const SEED: Record<"sum" | "mul" | "max" | "min", number> = { sum: 0, mul: 1, max: -F32_MAX, min: F32_MAX };

function flat(value: number): Domain {
  return { support: new Map(), default: value };
}

function map(d: Domain, op: (x: number) => number): Domain {
  const support = new Map<number, number>();
  for (const [k, v] of d.support) support.set(k, op(v));
  return { support, default: d.default === null ? null : op(d.default) };
}

function merge(left: Domain, right: Domain, op: (a: number, b: number) => number): Domain {
  const support = new Map<number, number>();
  if (left.default !== null && right.default !== null) {
    for (const [k, v] of left.support) support.set(k, op(v, right.support.get(k) ?? right.default));
    for (const [k, v] of right.support) if (!left.support.has(k)) support.set(k, op(left.default, v));
    return { support, default: op(left.default, right.default) };
  }
  if (left.default !== null) {
    for (const [k, v] of right.support) support.set(k, op(left.support.get(k) ?? left.default, v));
    return { support, default: null };
  }
  if (right.default !== null) {
    for (const [k, v] of left.support) support.set(k, op(v, right.support.get(k) ?? right.default));
    return { support, default: null };
  }
  for (const [k, v] of left.support) {
    const w = right.support.get(k);
    if (w !== undefined) support.set(k, op(v, w));
  }
  return { support, default: null };
}

/** Rust `f32::total_cmp` for the values we produce: -0 before +0, NaN after +inf. */
export function totalCompare(x: number, y: number): number {
  const xn = Number.isNaN(x);
  const yn = Number.isNaN(y);
  if (xn || yn) return xn === yn ? 0 : xn ? 1 : -1;
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === 0) {
    const xz = Object.is(x, -0);
    return xz === Object.is(y, -0) ? 0 : xz ? -1 : 1;
  }
  return 0;
}

/** Upstream's `RecordMeasure` order: by measure (total order), then by record order. */
export function compareMeasures(a: RecordMeasure, b: RecordMeasure): number {
  return totalCompare(a.measure, b.measure) || a.ordinal - b.ordinal;
}

/**
 * Scores the records of a search. `knnResults[i]` is the result of the i-th `$knn` leaf in
 * `knnQueries` order, best first.
 */
export function evaluateRank(expr: RankExpr, knnResults: RecordMeasure[][]): RecordMeasure[] {
  let next = 0;
  const leaf = (knn: KnnRank): Domain => {
    const results = knnResults[next++] ?? [];
    const support = new Map<number, number>();
    results.forEach((r, position) => support.set(r.ordinal, knn.returnRank ? position : r.measure));
    return { support, default: knn.default };
  };
  const evaluate = (e: RankExpr): Domain => {
    switch (e.kind) {
      case "knn":
        return leaf(e);
      case "val":
        return flat(e.value);
      case "abs":
      case "exp":
      case "log":
        return map(evaluate(e.term), UNARY[e.kind]);
      case "sub":
      case "div": {
        const left = evaluate(e.left);
        return merge(left, evaluate(e.right), BINARY[e.kind]);
      }
      default: {
        let acc = flat(SEED[e.kind]);
        for (const term of e.terms) acc = merge(acc, evaluate(term), BINARY[e.kind]);
        return acc;
      }
    }
  };
  const domain = evaluate(expr);
  const out: RecordMeasure[] = [];
  for (const [ordinal, measure] of domain.support) out.push({ ordinal, measure });
  return out.sort(compareMeasures);
}
