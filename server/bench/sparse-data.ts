/**
 * Sparse vectors for the search benchmark, shaped like what the clients' BM25 embedding function
 * writes: each record is a "document" of tokens drawn from a Zipf-distributed vocabulary, encoded
 * as (token id, BM25 term-frequency weight tf·(k+1) / (tf + k·(1 − b + b·len/avglen))), with
 * k = 1.2, b = 0.75 as the clients use. Document lengths are chosen so a record has about 40
 * distinct tokens. Queries are short token lists encoded the same way; the server weights them by
 * IDF (the index's `bm25` option), so a record's score is its BM25 score for the query.
 */
import { rng } from "./data.js";

export interface SparseRow {
  indices: number[];
  values: number[];
}

export interface SparseSet {
  rows: SparseRow[];
  /** Mean number of non-zeros per row. */
  meanNonZeros: number;
}

/** BM25's k1 and b, as the clients' BM25 embedding functions use them. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
/** Vocabulary size and Zipf exponent: a few very common tokens, a long tail of rare ones. */
export const VOCABULARY = 50_000;
const ZIPF_S = 1.0;
/** Token ids are spread over u32 as hashes would be (the clients hash tokens with murmur3). */
const tokenId = (rank: number) => (Math.imul(rank + 1, 2654435761) >>> 1) & 0x7fffffff;

/** Inverse-CDF table of the Zipf distribution over VOCABULARY ranks. */
function zipfSampler(r: () => number): () => number {
  const cdf = new Float64Array(VOCABULARY);
  let total = 0;
  for (let i = 0; i < VOCABULARY; i++) {
    total += 1 / Math.pow(i + 1, ZIPF_S);
    cdf[i] = total;
  }
  return () => {
    const x = r() * total;
    let lo = 0;
    let hi = VOCABULARY - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * A document given as token ids, as the clients' BM25 embedding functions encode it: each distinct
 * id once, ascending, valued BM25's term-frequency part tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen))
 * (float64).
 */
export function bm25Vector(tokenIds: number[], avgLength: number): SparseRow {
  const counts = new Map<number, number>();
  for (const t of tokenIds) counts.set(t, (counts.get(t) ?? 0) + 1);
  const indices = [...counts.keys()].sort((a, b) => a - b);
  const norm = BM25_K1 * (1 - BM25_B + (BM25_B * tokenIds.length) / avgLength);
  return { indices, values: indices.map((i) => (counts.get(i)! * (BM25_K1 + 1)) / (counts.get(i)! + norm)) };
}

/** Zipf ranks as a float32 BM25 vector (the server keeps float32). */
function encode(tokens: number[], avgLength: number): SparseRow {
  const row = bm25Vector(tokens.map(tokenId), avgLength);
  return { indices: row.indices, values: row.values.map(Math.fround) };
}

/** `n` records of about 40 distinct tokens each. */
export function sparseRecords(n: number, seed: number): SparseSet {
  const r = rng(seed ^ 0x51a7);
  const zipf = zipfSampler(r);
  const lengths = Array.from({ length: n }, () => 45 + Math.floor(r() * 40));
  const avg = lengths.reduce((a, b) => a + b, 0) / n;
  let nonZeros = 0;
  const rows = lengths.map((len) => {
    const row = encode(Array.from({ length: len }, () => zipf()), avg);
    nonZeros += row.indices.length;
    return row;
  });
  return { rows, meanNonZeros: nonZeros / n };
}

/** `n` queries of 3 to 6 tokens, skipping the 30 most common (stopword-like) ranks. */
export function sparseQueries(n: number, seed: number): SparseRow[] {
  const r = rng(seed ^ 0x9e37);
  const zipf = zipfSampler(r);
  return Array.from({ length: n }, () => {
    const len = 3 + Math.floor(r() * 4);
    const tokens: number[] = [];
    while (tokens.length < len) {
      const t = zipf();
      if (t >= 30) tokens.push(t);
    }
    return encode(tokens, len);
  });
}

/**
 * Exact sparse ranking as the server defines it: the rows `keep` accepts (undefined: a record
 * without a vector) that share a dimension with the query, by measure float32(1 − float32(dot))
 * ascending, ties in insertion order. The dot product is summed in float64 in query order, as the
 * index accumulates posting lists query term by query term.
 */
export function sparseRanked(query: SparseRow, rows: readonly (SparseRow | undefined)[], keep: (i: number) => boolean = () => true): { i: number; measure: number }[] {
  const position = new Map(query.indices.map((d, j) => [d, j]));
  const hits: { i: number; measure: number }[] = [];
  rows.forEach((row, i) => {
    if (!row || !keep(i)) return;
    const terms: [number, number][] = [];
    row.indices.forEach((d, j) => {
      const p = position.get(d);
      if (p !== undefined) terms.push([p, query.values[p] * row.values[j]]);
    });
    if (terms.length === 0) return;
    terms.sort((a, b) => a[0] - b[0]);
    let dot = 0;
    for (const [, v] of terms) dot += v;
    hits.push({ i, measure: Math.fround(1 - Math.fround(dot)) });
  });
  return hits.sort((a, b) => a.measure - b.measure || a.i - b.i);
}

/**
 * Exact sparse top-k (sparseRanked) with the query weighted by BM25 IDF over the whole set: the
 * ground truth for "sparse exact".
 */
export function exactSparseTopK(set: SparseSet, query: SparseRow, k: number): { i: number; measure: number }[] {
  const f = Math.fround;
  const n = set.rows.length;
  const df = new Map<number, number>();
  for (const d of query.indices) df.set(d, 0);
  for (const row of set.rows) for (const d of row.indices) if (df.has(d)) df.set(d, df.get(d)! + 1);
  const weights = query.indices.map((d, j) => {
    const nt = df.get(d)!;
    const idf = f(Math.log1p(f(f(f(n) - f(nt) + 0.5) / f(f(nt) + 0.5))));
    return f(idf * query.values[j]);
  });
  return sparseRanked({ indices: query.indices, values: weights }, set.rows).slice(0, k);
}
