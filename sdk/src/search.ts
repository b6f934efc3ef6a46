/**
 * The Search API's request and answer (Chroma 1.x `collection_search`), typed from openapi.yaml, plus
 * the two builders the official clients offer for ranking: `knn` and `rrf` (reciprocal rank fusion,
 * built exactly as chromadb@3's `Rrf` builds it, so both send the same expression).
 */
import type { components } from "./generated/openapi.js";
import type { Metadata } from "./types.js";

type Schemas = components["schemas"];

export type SearchPayload = Schemas["SearchPayload"];
export type SearchWhere = Schemas["SearchWhere"];
export type RankExpression = Schemas["RankExpression"];
export type SparseVector = Schemas["SparseVector"];
export type ReadLevel = Schemas["ReadLevel"];
export type SearchResponse = Schemas["SearchResponse"];

export interface KnnOptions {
  /** A dense vector (searches `#embedding`) or a sparse one (searches `key`). */
  query: number[] | Float32Array | SparseVector;
  /** Metadata key of a sparse-vector index; default `#embedding`. */
  key?: string;
  /** How many nearest records the term scores; default 16 on the server. */
  limit?: number;
  /** Score of records outside the `limit` nearest; without one they drop out of the result. */
  default?: number;
  /** Score by position (0, 1, ...) instead of distance: what rank fusion needs. */
  returnRank?: boolean;
}

export function knn(options: KnnOptions): RankExpression {
  const query = options.query instanceof Float32Array ? Array.from(options.query) : options.query;
  return {
    $knn: {
      query,
      ...(options.key !== undefined ? { key: options.key } : {}),
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
      ...(options.default !== undefined ? { default: options.default } : {}),
      ...(options.returnRank ? { return_rank: true } : {}),
    },
  };
}

export interface RrfOptions {
  /** Rankings to fuse, usually `knn({..., returnRank: true})` terms. */
  ranks: RankExpression[];
  /** Smoothing constant; default 60. */
  k?: number;
  /** One weight per ranking; default 1 each. */
  weights?: number[];
  /** Scale the weights to sum to 1. */
  normalize?: boolean;
}

/**
 * Reciprocal rank fusion: `-(Σ wᵢ / (k + rankᵢ))`, lower is better.
 * @throws RangeError on no ranks, a weight count that differs from the ranks, negative weights or a
 *   non-positive integer k (the official clients refuse the same).
 */
export function rrf({ ranks, k = 60, weights, normalize = false }: RrfOptions): RankExpression {
  if (!Number.isInteger(k) || k <= 0) throw new RangeError("rrf: k must be a positive integer");
  if (ranks.length === 0) throw new RangeError("rrf: at least one rank expression is required");
  let w = weights ? [...weights] : ranks.map(() => 1);
  if (w.length !== ranks.length) throw new RangeError("rrf: the number of weights must match the number of ranks");
  if (w.some((x) => typeof x !== "number" || x < 0)) throw new RangeError("rrf: weights must be non-negative numbers");
  if (normalize) {
    const total = w.reduce((a, b) => a + b, 0);
    if (total <= 0) throw new RangeError("rrf: weights must sum to a positive value when normalize is set");
    w = w.map((x) => x / total);
  }
  const terms: RankExpression[] = ranks.map((rank, i) => ({ $div: { left: { $val: w[i] }, right: { $sum: [rank, { $val: k }] } } }));
  const sum: RankExpression = terms.length === 1 ? terms[0] : { $sum: terms };
  return { $mul: [sum, { $val: -1 }] };
}

/** One record of one search's answer (fields the search did not select are absent). */
export interface SearchRow {
  id: string;
  document?: string | null;
  embedding?: number[] | null;
  metadata?: Metadata | null;
  score?: number | null;
}

/** A search answer: one column entry per search, plus `rows()` per search as chromadb@3 offers. */
export class SearchResult {
  readonly ids: string[][];
  readonly documents: SearchResponse["documents"];
  readonly embeddings: SearchResponse["embeddings"];
  readonly metadatas: SearchResponse["metadatas"];
  readonly scores: SearchResponse["scores"];
  readonly select: string[][];

  constructor(response: SearchResponse) {
    this.ids = response.ids;
    this.documents = response.documents;
    this.embeddings = response.embeddings;
    this.metadatas = response.metadatas;
    this.scores = response.scores;
    this.select = response.select;
  }

  rows(): SearchRow[][] {
    return this.ids.map((ids, s) =>
      ids.map((id, i) => {
        const row: SearchRow = { id };
        if (this.documents[s]) row.document = this.documents[s]![i];
        if (this.embeddings[s]) row.embedding = this.embeddings[s]![i];
        if (this.metadatas[s]) row.metadata = this.metadatas[s]![i];
        if (this.scores[s]) row.score = this.scores[s]![i];
        return row;
      }),
    );
  }
}
