/**
 * Sparse vectors (upstream `chroma_types::SparseVector`, rust/types/src/metadata.rs): parallel
 * `indices` (unsigned 32-bit dimension ids, strictly ascending) and `values` (float32), plus the
 * optional `tokens` the BM25 embedding functions attach. They appear as metadata values (tagged
 * `"#type": "sparse_vector"` on the wire) and as sparse `$knn` queries of the Search API.
 */

export interface SparseVector {
  indices: number[];
  values: number[];
  tokens?: string[] | null;
}

/** The wire tag upstream writes on sparse-vector metadata values. */
export const SPARSE_VECTOR_TYPE = "sparse_vector";

/** The largest dimension id (u32). */
export const MAX_SPARSE_INDEX = 4294967295;

/** Whether `i` is a dimension id: an integer in [0, MAX_SPARSE_INDEX] (upstream's Vec<u32>). */
export function isSparseIndex(i: unknown): boolean {
  return Number.isInteger(i) && (i as number) >= 0 && (i as number) <= MAX_SPARSE_INDEX;
}

/** Upstream's `SparseVector::validate` messages, in its order of checks. */
export const SPARSE_LENGTH_MISMATCH = "Sparse vector indices, values, and tokens (when present) must have the same length";
export const SPARSE_NOT_SORTED = "Sparse vector indices must be sorted in strictly ascending order (no duplicates)";

/** The first rule a sparse vector breaks, or undefined when it is valid. */
export function sparseVectorProblem(v: SparseVector): string | undefined {
  if (v.indices.length !== v.values.length) return SPARSE_LENGTH_MISMATCH;
  if (v.tokens !== undefined && v.tokens !== null && v.tokens.length !== v.indices.length) return SPARSE_LENGTH_MISMATCH;
  for (let i = 1; i < v.indices.length; i++) {
    if (v.indices[i] <= v.indices[i - 1]) return SPARSE_NOT_SORTED;
  }
  return undefined;
}

/** Dot product of two valid sparse vectors (merge of the sorted index lists), in float64. */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const x = a.indices[i];
    const y = b.indices[j];
    if (x === y) sum += a.values[i++] * b.values[j++];
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
