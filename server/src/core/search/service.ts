/**
 * The Search API over one collection: the checks upstream's frontend makes against the collection
 * (indexed where keys, a sparse index on sparse `$knn` keys, dimensions), then every search of the
 * request against one reader: the resident copy's when the collection is in memory (and indexes
 * every sparse key the request uses), else the generic reader that scans through LanceDB. If the
 * resident copy is replaced mid-request (a reload after a failed write), the request starts over
 * on the generic reader, so an answer never mixes two states.
 */
import type { CollectionInfo } from "../model.js";
import { ResidentChangedError, type CollectionRecords } from "../../storage/storage.js";
import type { SearchReader } from "./execute.js";
import { checkAgainstCollection, executeSearch, type CollectionFacts } from "./execute.js";
import type { SearchRequest } from "./payload.js";
import { knnQueries } from "./plan.js";
import { ResidentReader } from "./resident-reader.js";
import { toSearchResponse, type SearchResponse } from "./response.js";
import { TableSearchReader } from "./table-reader.js";

async function runAll<Mask>(request: SearchRequest, facts: CollectionFacts, reader: SearchReader<Mask>): Promise<SearchResponse> {
  const results = [];
  for (const plan of request.searches) results.push({ select: plan.select, rows: await executeSearch(plan, facts, reader) });
  return toSearchResponse(results);
}

/** `collection` as the core looks it up (getCollectionById): its schema is always resolved. */
export async function runSearches(request: SearchRequest, collection: CollectionInfo, records: CollectionRecords): Promise<SearchResponse> {
  const facts = { dimension: collection.dimension, schema: collection.schema! };
  for (const plan of request.searches) checkAgainstCollection(plan, facts);
  await records.loaded();
  const view = records.searchView();
  const sparseKeys = request.searches.flatMap((plan) => knnQueries(plan.rank).filter((k) => k.query.kind === "sparse").map((k) => k.key));
  if (view && sparseKeys.every((key) => view.hasSparseIndex(key))) {
    try {
      return await runAll(request, facts, new ResidentReader(view));
    } catch (err) {
      if (!(err instanceof ResidentChangedError)) throw err;
    }
  }
  return runAll(request, facts, new TableSearchReader(records));
}
