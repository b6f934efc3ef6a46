/**
 * The distance space and index parameters of a stored collection, read from its
 * `configuration_json` (1.x `hnsw`, or 0.6.3's `hnsw_configuration` on rows written long ago). The
 * configuration itself is derived from the collection's schema (core/configuration.ts).
 */
import type { DistanceSpace, IndexParams } from "./model.js";
import { HNSW_DEFAULTS, isSpace } from "./schema.js";

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
 * How storage indexes a collection, resolved once here from its stored configuration: the
 * space and upstream's HNSW knobs (max_neighbors, ef_construction, ef_search), upstream's
 * defaults where absent, bounded so a configuration cannot make a graph unbuildable.
 */
export function indexParams(configuration: Record<string, unknown>): IndexParams {
  const hnsw = hnswOf(configuration) ?? {};
  return {
    space: spaceOf(configuration),
    m: positiveInt(hnsw.max_neighbors, HNSW_DEFAULTS.max_neighbors, 128),
    efConstruction: positiveInt(hnsw.ef_construction, HNSW_DEFAULTS.ef_construction, 2000),
    efSearch: positiveInt(hnsw.ef_search, HNSW_DEFAULTS.ef_search, 10_000),
  };
}
