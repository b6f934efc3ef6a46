/**
 * The SearchReader over a collection's resident copy (storage's ResidentSearchView): records are
 * named by seq, filters narrow to seqs once per search, dense k-NN runs on the in-memory HNSW index
 * (exact below its thresholds), sparse k-NN on the in-memory inverted index, BM25's IDF weights
 * come from the index's document frequencies and the live record count.
 */
import type { MetadataFilter, RecordFilter } from "../filter.js";
import type { Metadata } from "../model.js";
import type { SparseVector } from "../sparse-vector.js";
import type { Projection, RecordView, ResidentSearchView, SeqMeasure } from "../../storage/storage.js";
import { idfWeighted } from "./bm25.js";
import type { SearchReader } from "./execute.js";
import type { RecordMeasure } from "./rank.js";

const METADATA: Projection = { embeddings: false, documents: false, uris: false, metadatas: true };

const measures = (hits: SeqMeasure[]): RecordMeasure[] => hits.map((h) => ({ ordinal: h.seq, measure: h.measure }));

/** A where that is only `#id $in [...]` is an ids filter, which memory answers without LanceDB. */
function recordFilter(filter: RecordFilter): RecordFilter {
  const where: MetadataFilter | undefined = filter.where;
  if (filter.ids === undefined && filter.whereDocument === undefined && where?.kind === "id" && where.op === "$in") return { ids: where.ids };
  return filter;
}

export class ResidentReader implements SearchReader<Float64Array> {
  constructor(private readonly view: ResidentSearchView) {}

  mask(filter: RecordFilter): Promise<Float64Array> {
    return this.view.matching(recordFilter(filter));
  }

  async inOrder(mask: Float64Array | null, offset: number, limit: number | undefined): Promise<number[]> {
    return Array.from(this.view.inOrder(mask, offset, limit));
  }

  async dense(query: Float32Array, k: number, mask: Float64Array | null): Promise<RecordMeasure[]> {
    return measures(await this.view.dense(query, k, mask));
  }

  async sparse(key: string, query: SparseVector, k: number, mask: Float64Array | null, bm25: boolean): Promise<RecordMeasure[]> {
    const weighted = bm25 ? idfWeighted(query, this.view.count, (d) => this.view.documentFrequency(key, d)) : query;
    return measures(this.view.sparse(key, weighted, k, mask));
  }

  async metadata(ordinals: number[]): Promise<Map<number, Metadata | null>> {
    const views = await this.view.records(ordinals, METADATA);
    return new Map([...views].map(([seq, v]) => [seq, v.metadata ?? null]));
  }

  records(ordinals: number[], projection: Projection): Promise<Map<number, RecordView>> {
    return this.view.records(ordinals, projection);
  }
}
