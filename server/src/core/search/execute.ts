/**
 * Runs one parsed search against a collection, as upstream's search orchestration does
 * (rust/worker/src/server.rs `orchestrate_search`, orchestration/rank.rs):
 *   filter -> mask shared by every `$knn` leaf -> one knn per leaf (dense: `#embedding` in the
 *   collection's space; sparse: the key's inverted index, `1 - q·d`) -> rank -> group_by ->
 *   offset/limit -> select.
 * Without a rank the filtered records come in storage order, paged, scored by their position in
 * the page (0, 1, ...), as upstream's Limit operator. Storage is reached only through `SearchReader`,
 * so this module is pure given the reader (tests drive it with an in-memory model).
 */
import { copyFloatKey } from "../../util/floats.js";
import { DimensionMismatchError } from "../errors.js";
import type { RecordFilter } from "../filter.js";
import type { Metadata } from "../model.js";
import type { SparseVector } from "../sparse-vector.js";
import type { Projection, RecordView } from "../../storage/storage.js";
import { groupRecords } from "./group-by.js";
import { DOCUMENT, EMBEDDING, isMetadataField, knnQueries, METADATA, SCORE, type SearchPlan } from "./plan.js";
import { evaluateRank, type RecordMeasure } from "./rank.js";
import { checkFilterIndexes, checkSparseKnnIndex, sparseVectorIndex, type Schema } from "../schema.js";

/**
 * What a search reads from one collection. Records are named by their ordinal: their position in
 * storage order (upstream's offset id), which also breaks score ties. `Mask` is the reader's own
 * representation of the records a filter admits; null admits every record.
 */
export interface SearchReader<Mask> {
  mask(filter: RecordFilter): Promise<Mask>;
  /** Ordinals of admitted records in storage order, from `offset`, at most `limit`. */
  inOrder(mask: Mask | null, offset: number, limit: number | undefined): Promise<number[]>;
  /** The `k` admitted records nearest to `query` (distance in the collection's space), nearest first. */
  dense(query: Float32Array, k: number, mask: Mask | null): Promise<RecordMeasure[]>;
  /**
   * The `k` admitted records with the largest dot product with `query` on the sparse-vector
   * metadata key `key` (only records sharing a dimension with the query), measure `1 - dot`,
   * best first. With `bm25`, each query value is first multiplied by its dimension's IDF.
   */
  sparse(key: string, query: SparseVector, k: number, mask: Mask | null, bm25: boolean): Promise<RecordMeasure[]>;
  /** Metadata of records, for group_by. */
  metadata(ordinals: number[]): Promise<Map<number, Metadata | null>>;
  /** Ids and the projected columns of records, for the answer. */
  records(ordinals: number[], projection: Projection): Promise<Map<number, RecordView>>;
}

export interface CollectionFacts {
  /** Fixed by the first embeddings; null while the collection never had a record. */
  dimension: number | null;
  /** The collection's resolved schema: which keys are indexed, and how. */
  schema: Schema;
}

/** One row of a search answer, before it is laid out in columns. */
export interface SearchRow {
  id: string;
  document?: string | null;
  embedding?: Float32Array | null;
  metadata?: Metadata | null;
  score?: number;
}

/**
 * Checks that need the collection (upstream's frontend, before execution): indexed where keys,
 * sparse `$knn` keys with an enabled index, dense query dimensions.
 */
export function checkAgainstCollection(plan: SearchPlan, facts: CollectionFacts): void {
  if (plan.filter) checkFilterIndexes(facts.schema, { where: plan.filter });
  for (const knn of knnQueries(plan.rank)) {
    if (knn.query.kind === "sparse") checkSparseKnnIndex(facts.schema, knn.key);
    else if (facts.dimension !== null && knn.query.vector.length !== facts.dimension) {
      throw new DimensionMismatchError(facts.dimension, knn.query.vector.length);
    }
  }
}

export function projectionOfSelect(select: string[]): Projection {
  return {
    documents: select.includes(DOCUMENT),
    embeddings: select.includes(EMBEDDING),
    metadatas: select.includes(METADATA) || select.some(isMetadataField),
    uris: false,
  };
}

export async function executeSearch<Mask>(plan: SearchPlan, facts: CollectionFacts, reader: SearchReader<Mask>): Promise<SearchRow[]> {
  // A collection that never held a record answers nothing (upstream: uninitialized collection).
  if (facts.dimension === null) return [];
  const mask = plan.filter ? await reader.mask({ where: plan.filter }) : null;
  let page: RecordMeasure[];
  if (!plan.rank) {
    const ordinals = await reader.inOrder(mask, plan.offset, plan.limit);
    page = ordinals.map((ordinal, position) => ({ ordinal, measure: position }));
  } else {
    const results: RecordMeasure[][] = [];
    const sparseIndex = sparseVectorIndex(facts.schema);
    for (const knn of knnQueries(plan.rank)) {
      if (knn.query.kind === "dense") results.push(await reader.dense(knn.query.vector, knn.limit, mask));
      else results.push(await reader.sparse(knn.key, knn.query.vector, knn.limit, mask, sparseIndex?.key === knn.key && sparseIndex.config.bm25 === true));
    }
    let ranked = evaluateRank(plan.rank, results);
    if (plan.groupBy) {
      const metadata = await reader.metadata(ranked.map((r) => r.ordinal));
      ranked = groupRecords(ranked, plan.groupBy, (ordinal) => metadata.get(ordinal));
    }
    page = ranked.slice(plan.offset, plan.limit === undefined ? undefined : plan.offset + plan.limit);
  }
  return select(page, plan.select, reader);
}

async function select<Mask>(page: RecordMeasure[], keys: string[], reader: SearchReader<Mask>): Promise<SearchRow[]> {
  if (page.length === 0) return [];
  const projection = projectionOfSelect(keys);
  const views = await reader.records(
    page.map((r) => r.ordinal),
    projection,
  );
  const allMetadata = keys.includes(METADATA);
  const fields = keys.filter(isMetadataField);
  const withScore = keys.includes(SCORE);
  const rows: SearchRow[] = [];
  for (const { ordinal, measure } of page) {
    const view = views.get(ordinal);
    // A record deleted between ranking and reading is left out rather than answered half-empty.
    if (!view) continue;
    const row: SearchRow = { id: view.id };
    if (projection.documents) row.document = view.document ?? null;
    if (projection.embeddings) row.embedding = view.embedding ?? null;
    if (projection.metadatas) row.metadata = selectMetadata(view.metadata ?? null, allMetadata, fields);
    if (withScore) row.score = measure;
    rows.push(row);
  }
  return rows;
}

/** upstream Select: all keys with `#metadata`, else only the named ones; empty becomes null. */
function selectMetadata(metadata: Metadata | null, all: boolean, fields: string[]): Metadata | null {
  if (!metadata) return null;
  if (all) return Object.keys(metadata).length === 0 ? null : metadata;
  const out: Metadata = {};
  let any = false;
  for (const key of fields) {
    if (Object.prototype.hasOwnProperty.call(metadata, key)) {
      copyFloatKey(metadata, key, out);
      any = true;
    }
  }
  return any ? out : null;
}
