/**
 * The Search API over one collection: every search of a request runs against the same reader (one
 * consistent view per request where the reader offers one), after the checks upstream's frontend
 * makes against the collection (indexed where keys, sparse index on `$knn` keys, dimensions).
 */
import type { CollectionInfo } from "../model.js";
import type { SearchReader } from "./execute.js";
import { checkAgainstCollection, executeSearch } from "./execute.js";
import type { SearchRequest } from "./payload.js";
import { toSearchResponse, type SearchResponse } from "./response.js";
import { SchemaView } from "./schema-view.js";

export async function runSearches<Mask>(request: SearchRequest, collection: CollectionInfo, reader: SearchReader<Mask>): Promise<SearchResponse> {
  const facts = { dimension: collection.dimension, schema: new SchemaView((collection as { schema?: unknown }).schema) };
  for (const plan of request.searches) checkAgainstCollection(plan, facts);
  const results = [];
  for (const plan of request.searches) results.push({ select: plan.select, rows: await executeSearch(plan, facts, reader) });
  return toSearchResponse(results);
}
