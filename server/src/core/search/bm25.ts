/**
 * BM25's IDF weighting of a sparse query, as upstream's Idf operator applies it when a sparse index
 * has `bm25` enabled (rust/worker/src/execution/operators/idf.rs):
 *   idf(t) = ln(1 + (n - n_t + 0.5) / (n_t + 0.5))
 * with n the number of records in the collection and n_t the number of records whose vector on
 * the indexed key has dimension t; each query value is multiplied by its dimension's idf. The
 * documents carry BM25's term-frequency part (the clients' BM25 embedding functions write it), so
 * the dot product of the weighted query with a document is that document's BM25 score.
 * Arithmetic is float32, as upstream's.
 */
import type { SparseVector } from "../sparse-vector.js";

export function idf(n: number, nt: number): number {
  const f = Math.fround;
  return f(Math.log1p(f(f(f(n) - f(nt) + 0.5) / f(f(nt) + 0.5))));
}

export function idfWeighted(query: SparseVector, n: number, documentFrequency: (dimension: number) => number): SparseVector {
  return {
    indices: query.indices,
    values: query.values.map((v, i) => Math.fround(idf(n, documentFrequency(query.indices[i])) * v)),
    ...(query.tokens ? { tokens: query.tokens } : {}),
  };
}
