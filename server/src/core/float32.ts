/**
 * Float32 values printed the way upstream prints them: the shortest decimal that reads back to
 * the same float32 (0.1, not 0.10000000149011612). Embeddings, distances and sparse-vector values
 * all go through it.
 */
export function float32ToJson(x: number): number {
  for (let precision = 6; precision < 9; precision++) {
    const candidate = Number(x.toPrecision(precision));
    if (Math.fround(candidate) === x) return candidate;
  }
  return Number(x.toPrecision(9));
}
