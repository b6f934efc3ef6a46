/**
 * The distance space and index parameters of a stored collection, read from its
 * `configuration_json` (1.x `hnsw`, or 0.6.3's `hnsw_configuration` on rows written long ago) and
 * its schema (the sparse-vector index). The configuration itself is derived from the collection's
 * schema (core/configuration.ts).
 */
import type { DistanceSpace, IndexParams, StoredCollectionInfo } from "./model.js";
import { HNSW_DEFAULTS, isSpace, sparseVectorIndex, type Schema } from "./schema.js";

function hnswOf(configuration: Record<string, unknown> | null | undefined): Record<string, unknown> | undefined {
  const hnsw = configuration?.hnsw ?? configuration?.hnsw_configuration;
  return typeof hnsw === "object" && hnsw !== null ? (hnsw as Record<string, unknown>) : undefined;
}

export function spaceOf(configuration: Record<string, unknown>): DistanceSpace {
  const space = hnswOf(configuration)?.space;
  return isSpace(space) ? space : "l2";
}

function positiveInt(v: unknown, fallback: number, max: number): number {
  return typeof v === "number" && Number.isInteger(v) && v > 0 ? Math.min(v, max) : fallback;
}

/**
 * How storage indexes a collection, resolved here from its catalog row for every opening of its
 * records (each request, and the start-up preload: storage keeps what the first opening gives
 * it). From the stored configuration the space and upstream's HNSW knobs (max_neighbors,
 * ef_construction, ef_search), upstream's defaults where absent, bounded so a configuration cannot
 * make a graph unbuildable; from the schema the key with a sparse-vector index (none on rows
 * without a schema, which predate sparse vectors).
 */
export function indexParams(collection: Pick<StoredCollectionInfo, "configuration" | "schema">): IndexParams {
  const { configuration } = collection;
  const hnsw = hnswOf(configuration) ?? {};
  const sparse = collection.schema ? sparseVectorIndex(collection.schema as Schema) : null;
  return {
    space: spaceOf(configuration),
    m: positiveInt(hnsw.max_neighbors, HNSW_DEFAULTS.max_neighbors, 128),
    efConstruction: positiveInt(hnsw.ef_construction, HNSW_DEFAULTS.ef_construction, 2000),
    efSearch: positiveInt(hnsw.ef_search, HNSW_DEFAULTS.ef_search, 10_000),
    sparseKeys: sparse ? [sparse.key] : [],
  };
}
