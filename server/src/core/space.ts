/**
 * Distance space and the stored configuration of a collection. Upstream takes the space from
 * `configuration.hnsw.space` (1.x) or the legacy metadata key `hnsw:space` (0.x), default l2, and
 * echoes a full `configuration_json`; we store the same shape.
 */
import { InvalidArgumentError } from "./errors.js";
import type { DistanceSpace, IndexParams, Metadata } from "./model.js";

const SPACES = new Set<string>(["l2", "cosine", "ip"]);

function asSpace(value: unknown, where: string): DistanceSpace {
  if (typeof value !== "string" || !SPACES.has(value)) {
    throw new InvalidArgumentError(`Invalid ${where}: expected one of l2, cosine, ip, got ${JSON.stringify(value)}`);
  }
  return value as DistanceSpace;
}

function hnswOf(configuration: Record<string, unknown> | null | undefined): Record<string, unknown> | undefined {
  const hnsw = configuration?.hnsw ?? configuration?.hnsw_configuration;
  return typeof hnsw === "object" && hnsw !== null ? (hnsw as Record<string, unknown>) : undefined;
}

export function spaceFromRequest(metadata: Metadata | null | undefined, configuration: Record<string, unknown> | null | undefined): DistanceSpace {
  const fromConfig = hnswOf(configuration)?.space;
  if (fromConfig !== undefined && fromConfig !== null) return asSpace(fromConfig, "hnsw space");
  const fromMetadata = metadata?.["hnsw:space"];
  if (fromMetadata !== undefined) return asSpace(fromMetadata, "metadata hnsw:space");
  return "l2";
}

export function spaceOf(configuration: Record<string, unknown>): DistanceSpace {
  const space = hnswOf(configuration)?.space;
  return typeof space === "string" && SPACES.has(space) ? (space as DistanceSpace) : "l2";
}

const HNSW_DEFAULTS = { ef_construction: 100, ef_search: 100, max_neighbors: 16, resize_factor: 1.2, sync_threshold: 1000 };

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

/** The configuration_json stored for a new collection: 1.x's shape with the resolved space. */
export function buildConfiguration(space: DistanceSpace, requested: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const hnsw = { space, ...HNSW_DEFAULTS, ...pickNumbers(hnswOf(requested)) };
  return {
    hnsw,
    spann: null,
    embedding_function: requested?.embedding_function ?? null,
  };
}

function pickNumbers(source: Record<string, unknown> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(HNSW_DEFAULTS)) {
    const value = source?.[key];
    if (typeof value === "number" && Number.isFinite(value) && value > 0) out[key] = value;
  }
  return out;
}

/** A modify may tune search parameters and the embedding function, never the space. */
export function mergeConfiguration(current: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const requestedSpace = hnswOf(update)?.space;
  if (requestedSpace !== undefined && requestedSpace !== null && requestedSpace !== spaceOf(current)) {
    throw new InvalidArgumentError("Changing the distance function of a collection once it is created is not supported currently.");
  }
  const hnsw = { ...(hnswOf(current) ?? {}), ...pickNumbers(hnswOf(update)) };
  return {
    ...current,
    hnsw,
    ...(update.embedding_function !== undefined ? { embedding_function: update.embedding_function } : {}),
  };
}
