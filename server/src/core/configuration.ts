/**
 * A collection's configuration (Chroma 1.x `CollectionConfiguration`) and how it meets the schema.
 *
 * Creation follows upstream (rust/types/src/collection_configuration.rs try_from_config,
 * collection_schema.rs reconcile_schema_and_config), as the reference server runs it:
 * - `hnsw` and `spann` together: 400 "Multiple vector index configurations provided";
 * - neither: the legacy `hnsw:*` collection metadata keys give the HNSW parameters (an unknown
 *   `hnsw:` key or a wrong type: 400 "Failed to parse hnsw parameters from segment metadata");
 *   with `hnsw`, they still apply when the given HNSW settings are all defaults;
 * - `spann` on a single node: an HNSW index with the SPANN space and default parameters;
 * - a non-default schema with a non-default configuration: 400 "Cannot set both collection config
 *   and schema simultaneously" (an embedding function given in both is the common case);
 * - the configuration then lives in the schema: `configuration_json` is always derived from the
 *   schema's vector index (`Collection::reconcile_schema_for_read`).
 * A modify changes ef_search / num_threads / batch_size / sync_threshold / resize_factor and the
 * embedding function, in the schema, and `configuration_json` follows.
 *
 * Beyond upstream (which stores such values and then crashes the server or answers short results):
 * max_neighbors below 2, sync_threshold / batch_size below 2 (upstream's own declared minimum,
 * which only its schema path checks) and a non-positive resize_factor answer 400.
 */
import type { components } from "../generated/openapi.js";
import { InvalidArgumentError } from "./errors.js";
import type { Metadata } from "./model.js";
import {
  defaultHnswIndexConfig,
  defaultSchema,
  hnswBoundsProblem,
  isDefaultEmbeddingFunction,
  isDefaultSchema,
  isSpace,
  mergeWithDefaults,
  parseEmbeddingFunction,
  parseSchema,
  parseSpace,
  updateVectorIndex,
  vectorIndexConfig,
  withVectorIndexConfig,
  type EmbeddingFunctionConfiguration,
  type Schema,
} from "./schema.js";

type Schemas = components["schemas"];

/**
 * The HNSW index a collection runs with, every field resolved (upstream InternalHnswConfiguration):
 * the spec's HnswConfiguration with each field present.
 */
export type HnswParams = { [K in keyof Schemas["HnswConfiguration"]]-?: NonNullable<Schemas["HnswConfiguration"][K]> };

export interface ResolvedConfiguration {
  hnsw: HnswParams;
  embedding_function: EmbeddingFunctionConfiguration | null;
}

export function defaultHnswParams(): HnswParams {
  return { space: "l2", ...defaultHnswIndexConfig() };
}

/** Upstream's InternalCollectionConfiguration::is_default (num_threads compared too, against this machine's). */
export function isDefaultConfiguration(c: ResolvedConfiguration): boolean {
  return isDefaultEmbeddingFunction(c.embedding_function) && sameHnsw(c.hnsw, defaultHnswParams());
}

function sameHnsw(a: HnswParams, b: HnswParams): boolean {
  return (Object.keys(a) as (keyof HnswParams)[]).every((k) => a[k] === b[k]);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A field's problem at `path`: the router's schema validation answers these with 422 first. */
function fieldError(path: string, message: string): InvalidArgumentError {
  return new InvalidArgumentError(`Invalid configuration: ${path}: ${message}`);
}

function integerField(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw fieldError(path, `expected a non-negative integer, got ${JSON.stringify(v)}`);
  return v;
}

function numberField(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw fieldError(path, `expected a number, got ${JSON.stringify(v)}`);
  return v;
}

// The fields each part of a configuration takes: the spec's names (typed against its schemas).
const CREATE_HNSW_FIELDS: readonly (keyof Schemas["HnswConfiguration"])[] = [
  "space", "ef_construction", "ef_search", "max_neighbors", "num_threads", "resize_factor", "sync_threshold", "batch_size",
];
const UPDATE_HNSW_FIELDS: readonly (keyof Schemas["UpdateHnswConfiguration"])[] = ["ef_search", "num_threads", "resize_factor", "sync_threshold", "batch_size"];
const SPANN_FIELDS: readonly (keyof Schemas["SpannConfiguration"])[] = [
  "search_nprobe", "write_nprobe", "space", "ef_construction", "ef_search", "max_neighbors", "reassign_neighbor_count", "split_threshold", "merge_threshold",
];
const UPDATE_SPANN_FIELDS: readonly (keyof Schemas["UpdateSpannConfiguration"])[] = ["search_nprobe", "ef_search"];

function knownFields(raw: Record<string, unknown>, known: readonly string[], path: string): void {
  for (const k of Object.keys(raw)) if (!known.includes(k)) throw fieldError(`${path}.${k}`, `unknown field, expected one of ${known.join(", ")}`);
}

/** The HNSW fields given (null = absent), checked for type. */
function hnswFields(raw: Record<string, unknown>, path: string): Partial<HnswParams> {
  const out: Partial<HnswParams> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === null || v === undefined) continue;
    if (k === "space") out.space = parseSpace(v, `${path}.space`);
    else if (k === "resize_factor") out.resize_factor = numberField(v, `${path}.${k}`);
    else (out as Record<string, number>)[k] = integerField(v, `${path}.${k}`);
  }
  return out;
}

/** The bounds an HNSW graph needs: the schema path's own (schema.ts hnswBoundsProblem; see the module comment). */
function checkHnswParams(h: Partial<HnswParams>): void {
  const problem = hnswBoundsProblem(h);
  if (problem) throw new InvalidArgumentError(`Invalid HNSW configuration: ${problem}`);
}

const LEGACY_KEYS: Record<string, keyof HnswParams> = {
  "hnsw:space": "space",
  "hnsw:construction_ef": "ef_construction",
  "hnsw:search_ef": "ef_search",
  "hnsw:M": "max_neighbors",
  "hnsw:num_threads": "num_threads",
  "hnsw:resize_factor": "resize_factor",
  "hnsw:sync_threshold": "sync_threshold",
  "hnsw:batch_size": "batch_size",
};

const LEGACY_ERROR = "Failed to parse hnsw parameters from segment metadata";

/**
 * Upstream's from_legacy_segment_metadata: every `hnsw:` key must be one of the eight it knows,
 * with the right type, and the result must pass its bounds.
 */
function hnswFromLegacyMetadata(metadata: Metadata | null): HnswParams {
  const out = defaultHnswParams();
  for (const [key, value] of Object.entries(metadata ?? {})) {
    if (!key.startsWith("hnsw:")) continue;
    const field = LEGACY_KEYS[key];
    if (field === undefined) throw new InvalidArgumentError(LEGACY_ERROR);
    if (field === "space") {
      if (!isSpace(value)) throw new InvalidArgumentError(LEGACY_ERROR);
      out.space = value;
    } else if (field === "resize_factor") {
      if (typeof value !== "number") throw new InvalidArgumentError(LEGACY_ERROR);
      out.resize_factor = value;
    } else {
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new InvalidArgumentError(LEGACY_ERROR);
      out[field] = value;
    }
  }
  if (out.sync_threshold < 2 || out.batch_size < 2) throw new InvalidArgumentError(LEGACY_ERROR);
  checkHnswParams(out);
  return out;
}

/**
 * The configuration a create request asks for (upstream's try_from_config with the server's
 * default index, HNSW): from `configuration`, falling back to the legacy metadata keys.
 */
export function configurationFromRequest(raw: unknown, metadata: Metadata | null): ResolvedConfiguration {
  const config = raw === null || raw === undefined ? {} : raw;
  if (!isObject(config)) throw fieldError("configuration", "expected an object");
  const hnswRaw = config.hnsw ?? null;
  const spannRaw = config.spann ?? null;
  if (hnswRaw !== null && spannRaw !== null) throw new InvalidArgumentError("Multiple vector index configurations provided");
  const efRaw = config.embedding_function ?? null;
  const embedding_function = efRaw === null ? null : parseEmbeddingFunction(efRaw, "configuration.embedding_function");
  if (spannRaw !== null) {
    if (!isObject(spannRaw)) throw fieldError("configuration.spann", "expected an object");
    knownFields(spannRaw, SPANN_FIELDS, "configuration.spann");
    const fields = hnswFields({ space: spannRaw.space }, "configuration.spann");
    for (const k of SPANN_FIELDS) if (k !== "space" && spannRaw[k] !== undefined && spannRaw[k] !== null) integerField(spannRaw[k], `configuration.spann.${k}`);
    return { hnsw: { ...defaultHnswParams(), ...fields }, embedding_function };
  }
  const fromMetadata = hnswFromLegacyMetadata(metadata);
  if (hnswRaw === null) return { hnsw: fromMetadata, embedding_function };
  if (!isObject(hnswRaw)) throw fieldError("configuration.hnsw", "expected an object");
  knownFields(hnswRaw, CREATE_HNSW_FIELDS, "configuration.hnsw");
  const fields = hnswFields(hnswRaw, "configuration.hnsw");
  checkHnswParams(fields);
  const hnsw = { ...defaultHnswParams(), ...fields };
  // Upstream: legacy metadata still applies when the given HNSW settings are all defaults.
  return { hnsw: sameHnsw(hnsw, defaultHnswParams()) ? fromMetadata : hnsw, embedding_function };
}

/** Upstream's Schema::try_from(&InternalCollectionConfiguration). */
export function schemaFromConfiguration(c: ResolvedConfiguration): Schema {
  const { space, ...params } = c.hnsw;
  return withVectorIndexConfig(defaultSchema(), {
    space,
    ...(c.embedding_function ? { embedding_function: c.embedding_function } : {}),
    hnsw: {
      ef_construction: params.ef_construction,
      max_neighbors: params.max_neighbors,
      ef_search: params.ef_search,
      num_threads: params.num_threads,
      batch_size: params.batch_size,
      sync_threshold: params.sync_threshold,
      resize_factor: params.resize_factor,
    },
  });
}

/** Upstream's InternalCollectionConfiguration::try_from(&Schema): the vector index's settings, defaults filled in. */
export function configurationFromSchema(schema: Schema): ResolvedConfiguration {
  const vc = vectorIndexConfig(schema);
  const h = vc.hnsw ?? {};
  const d = defaultHnswParams();
  return {
    hnsw: {
      space: vc.space ?? d.space,
      ef_construction: h.ef_construction ?? d.ef_construction,
      ef_search: h.ef_search ?? d.ef_search,
      max_neighbors: h.max_neighbors ?? d.max_neighbors,
      num_threads: h.num_threads ?? d.num_threads,
      resize_factor: h.resize_factor ?? d.resize_factor,
      sync_threshold: h.sync_threshold ?? d.sync_threshold,
      batch_size: h.batch_size ?? d.batch_size,
    },
    embedding_function: vc.embedding_function ?? null,
  };
}

/**
 * The schema a new collection gets (upstream's reconcile_schema_and_config): the user's schema
 * merged into the defaults, or, when the configuration is the non-default part, the schema the
 * configuration describes.
 */
export function resolveSchema(rawSchema: unknown, configuration: ResolvedConfiguration): Schema {
  const user = rawSchema === null || rawSchema === undefined ? null : parseSchema(rawSchema);
  const configIsDefault = isDefaultConfiguration(configuration);
  if (user && !isDefaultSchema(user) && !configIsDefault) {
    throw new InvalidArgumentError("Failed to reconcile schema: Cannot set both collection config and schema simultaneously");
  }
  const merged = mergeWithDefaults(user);
  if (!configIsDefault) return schemaFromConfiguration(configuration);
  if (!isDefaultSchema(merged)) return merged;
  const ef = configuration.embedding_function;
  return ef ? updateVectorIndex(defaultSchema(), (c) => (c.embedding_function = structuredClone(ef))) : defaultSchema();
}

type CollectionConfigurationJson = Schemas["CollectionConfigurationJson"];

/**
 * `configuration_json` as upstream answers it (Chroma 1.x CollectionConfiguration serialisation):
 * the spec's CollectionConfigurationJson, with the fields a single node always answers.
 */
export interface ConfigurationJson extends CollectionConfigurationJson {
  hnsw: Omit<HnswParams, "num_threads" | "batch_size">;
  spann: null;
  embedding_function: EmbeddingFunctionConfiguration | null;
}

/** `configuration_json` as upstream answers it (field order kept: space first, num_threads / batch_size left out). */
export function configurationJson(c: ResolvedConfiguration): ConfigurationJson {
  const h = c.hnsw;
  return {
    hnsw: {
      space: h.space,
      ef_construction: h.ef_construction,
      ef_search: h.ef_search,
      max_neighbors: h.max_neighbors,
      resize_factor: h.resize_factor,
      sync_threshold: h.sync_threshold,
    },
    spann: null,
    embedding_function: c.embedding_function ? structuredClone(c.embedding_function) : null,
  };
}

/**
 * A stored `configuration_json` read back (rows from before schemas were kept): lenient, defaults
 * for anything missing or unreadable, since these were validated when written.
 */
export function configurationFromJson(json: Record<string, unknown>): ResolvedConfiguration {
  const raw = (json.hnsw ?? json.hnsw_configuration) as Record<string, unknown> | null | undefined;
  const d = defaultHnswParams();
  const out: HnswParams = { ...d };
  if (isObject(raw)) {
    if (isSpace(raw.space)) out.space = raw.space;
    for (const k of ["ef_construction", "ef_search", "max_neighbors", "num_threads", "sync_threshold", "batch_size"] as const) {
      const v = raw[k];
      if (typeof v === "number" && Number.isInteger(v) && v >= 0) out[k] = v;
    }
    if (typeof raw.resize_factor === "number" && raw.resize_factor > 0) out.resize_factor = raw.resize_factor;
  }
  let ef: EmbeddingFunctionConfiguration | null = null;
  try {
    if (json.embedding_function !== null && json.embedding_function !== undefined) ef = parseEmbeddingFunction(json.embedding_function, "embedding_function");
  } catch {
    ef = null;
  }
  return { hnsw: out, embedding_function: ef };
}

/** The changes a modify asks for. */
export interface ConfigurationUpdate {
  /** The fields of the spec's UpdateHnswConfiguration. */
  hnsw?: Partial<Pick<HnswParams, keyof Schemas["UpdateHnswConfiguration"]>>;
  embedding_function?: EmbeddingFunctionConfiguration;
}

/** A modify's `new_configuration` (upstream UpdateCollectionConfiguration). */
export function parseConfigurationUpdate(raw: unknown): ConfigurationUpdate {
  if (!isObject(raw)) throw fieldError("new_configuration", "expected an object");
  const hnswRaw = raw.hnsw ?? null;
  const spannRaw = raw.spann ?? null;
  if (hnswRaw !== null && spannRaw !== null) throw new InvalidArgumentError("Multiple vector index configurations provided");
  const out: ConfigurationUpdate = {};
  if (hnswRaw !== null) {
    if (!isObject(hnswRaw)) throw fieldError("new_configuration.hnsw", "expected an object");
    knownFields(hnswRaw, UPDATE_HNSW_FIELDS, "new_configuration.hnsw");
    const fields = hnswFields(hnswRaw, "new_configuration.hnsw");
    checkHnswParams(fields);
    out.hnsw = fields;
  }
  if (spannRaw !== null) {
    // A single node indexes with HNSW: SPANN knobs are checked and have nothing to change (upstream).
    if (!isObject(spannRaw)) throw fieldError("new_configuration.spann", "expected an object");
    knownFields(spannRaw, UPDATE_SPANN_FIELDS, "new_configuration.spann");
    for (const [k, v] of Object.entries(spannRaw)) if (v !== null && v !== undefined) integerField(v, `new_configuration.spann.${k}`);
  }
  const ef = raw.embedding_function ?? null;
  if (ef !== null) out.embedding_function = parseEmbeddingFunction(ef, "new_configuration.embedding_function");
  return out;
}

const LEGACY_UPDATE_KEYS = ["hnsw:search_ef", "hnsw:num_threads", "hnsw:batch_size", "hnsw:sync_threshold", "hnsw:resize_factor"];

/**
 * The legacy keys of a modify's `new_metadata` that change the configuration, as upstream's
 * Python sysdb maps them (update_collection_configuration_from_legacy_update_metadata) when no
 * `new_configuration` is given; null when there are none. `hnsw:space` cannot change (the caller
 * checks it); the graph-shape keys (`hnsw:M`, `hnsw:construction_ef`) stay plain metadata.
 */
export function legacyConfigurationUpdate(metadata: Metadata | null): ConfigurationUpdate | null {
  if (!metadata || !LEGACY_UPDATE_KEYS.some((k) => k in metadata)) return null;
  const hnsw: Record<string, number> = {};
  for (const key of LEGACY_UPDATE_KEYS) {
    if (!(key in metadata)) continue;
    const value = metadata[key];
    const field = LEGACY_KEYS[key];
    const ok = field === "resize_factor" ? typeof value === "number" : typeof value === "number" && Number.isInteger(value) && value >= 0;
    if (!ok) throw new InvalidArgumentError(LEGACY_ERROR);
    hnsw[field] = value as number;
  }
  checkHnswParams(hnsw);
  return { hnsw };
}

/** Upstream's Schema::update: the changes applied to the vector index of the defaults and of `#embedding`. */
export function applyConfigurationUpdate(schema: Schema, update: ConfigurationUpdate): Schema {
  return updateVectorIndex(schema, (config) => {
    if (update.hnsw && config.hnsw) {
      for (const [k, v] of Object.entries(update.hnsw)) if (v !== undefined) (config.hnsw as Record<string, number>)[k] = v;
    }
    if (update.embedding_function) config.embedding_function = structuredClone(update.embedding_function);
  });
}
