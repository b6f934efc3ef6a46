/**
 * The Chroma 1.x collection schema: which index each value type gets, by default and per metadata
 * key, with the two system keys `#document` (full-text index) and `#embedding` (the vector index,
 * which carries the collection's space, HNSW parameters and embedding function).
 *
 * Follows upstream rust/types/src/collection_schema.rs (1.5.9, the reference server): the default
 * schema (`new_default(Hnsw)`), field-by-field merge of a user schema into it
 * (`reconcile_with_defaults`), the validation rules (`validators.rs validate_schema`), `is_default`,
 * the conversions to and from the collection configuration, the updates a modify applies, the
 * keys a write adds (`ensure_key_from_metadata`), and the filter check
 * (`is_metadata_where_indexing_enabled`). A single node always indexes with HNSW, so SPANN settings
 * in a schema are dropped by the merge, as upstream's single-node server does.
 *
 * Deliberate difference: upstream's single-node server refuses a sparse-vector index ("Sparse
 * vector indexing is not enabled in local"); chromaspec serves sparse vectors and accepts one.
 */
import { isFloatArray, isFloatKey } from "../util/floats.js";
import { availableParallelism } from "node:os";
import { InvalidArgumentError } from "./errors.js";
import type { MetadataFilter, RecordFilter } from "./filter.js";
import type { components } from "../generated/openapi.js";
import { isSparseVector, type DistanceSpace, type Metadata, type MetadataValue } from "./model.js";

export const DOCUMENT_KEY = "#document";
export const EMBEDDING_KEY = "#embedding";
/** Metadata keys with this prefix are Chroma's own and never enter the schema. */
const CHROMA_KEY = "chroma:";

export type Space = DistanceSpace;

// The schema's shapes are the spec's (openapi.yaml, components/schemas): one definition for the
// wire, the request validators and the core.
type Schemas = components["schemas"];

export type EmbeddingFunctionConfiguration = Schemas["EmbeddingFunctionConfiguration"];

/** The config of an index without parameters (full-text, the inverted indexes): always `{}`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type EmptyConfig = {};

export interface IndexType<C> {
  enabled: boolean;
  config: C;
}

export type HnswIndexConfig = Schemas["HnswIndexConfig"];
export type VectorIndexConfig = Schemas["VectorIndexConfig"];
export type SparseVectorIndexConfig = Schemas["SparseVectorIndexConfig"];
export type ValueTypes = Schemas["ValueTypes"];
export type Schema = Schemas["Schema"];

/** The value types a where filter or a sparse knn can ask an index for (upstream's MetadataValueType names). */
export type IndexedValueType = "Str" | "Int" | "Float" | "Bool" | "SparseVector";

// ---- defaults (hnsw_configuration.rs) -----------------------------------------------------------

export const HNSW_DEFAULTS = {
  ef_construction: 100,
  max_neighbors: 16,
  ef_search: 100,
  batch_size: 100,
  sync_threshold: 1000,
  resize_factor: 1.2,
} as const;

/** Upstream's default_num_threads: the machine's available parallelism. */
export const DEFAULT_NUM_THREADS = availableParallelism();

export function defaultHnswIndexConfig(): Required<HnswIndexConfig> {
  const d = HNSW_DEFAULTS;
  return {
    ef_construction: d.ef_construction,
    max_neighbors: d.max_neighbors,
    ef_search: d.ef_search,
    num_threads: DEFAULT_NUM_THREADS,
    batch_size: d.batch_size,
    sync_threshold: d.sync_threshold,
    resize_factor: d.resize_factor,
  };
}

const on = (): IndexType<EmptyConfig> => ({ enabled: true, config: {} });
const off = (): IndexType<EmptyConfig> => ({ enabled: false, config: {} });

/** Upstream's `Schema::new_default(KnnIndex::Hnsw)`. */
export function defaultSchema(): Schema {
  return {
    defaults: {
      string: { fts_index: off(), string_inverted_index: on() },
      float_list: { vector_index: { enabled: false, config: { space: "l2", hnsw: defaultHnswIndexConfig() } } },
      sparse_vector: { sparse_vector_index: { enabled: false, config: { embedding_function: { type: "unknown" }, bm25: false } } },
      int: { int_inverted_index: on() },
      float: { float_inverted_index: on() },
      bool: { bool_inverted_index: on() },
    },
    keys: {
      [EMBEDDING_KEY]: {
        float_list: { vector_index: { enabled: true, config: { space: "l2", source_key: DOCUMENT_KEY, hnsw: defaultHnswIndexConfig() } } },
      },
      [DOCUMENT_KEY]: { string: { fts_index: on(), string_inverted_index: off() } },
    },
  };
}

// ---- parsing user input ---------------------------------------------------------------------------

/** A structural problem in a user schema: 422 upstream (serde); the router's validator catches most. */
function shapeError(path: string, message: string): InvalidArgumentError {
  return new InvalidArgumentError(`Invalid schema: ${path}: ${message}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function onlyKnownFields(raw: Record<string, unknown>, known: readonly string[], path: string): void {
  for (const k of Object.keys(raw)) if (!known.includes(k)) throw shapeError(`${path}.${k}`, `unknown field, expected one of ${known.join(", ")}`);
}

function nonNegativeInteger(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw shapeError(path, `expected a non-negative integer, got ${JSON.stringify(v)}`);
  return v;
}

const SPACES: readonly Space[] = ["l2", "cosine", "ip"];

export function isSpace(v: unknown): v is Space {
  return SPACES.includes(v as Space);
}

export function parseSpace(v: unknown, path: string): Space {
  if (!isSpace(v)) throw shapeError(path, `expected one of l2, cosine, ip, got ${JSON.stringify(v)}`);
  return v;
}

/** An embedding function descriptor (upstream `EmbeddingFunctionConfiguration`, tagged by `type`). */
export function parseEmbeddingFunction(v: unknown, path: string): EmbeddingFunctionConfiguration {
  if (!isObject(v)) throw shapeError(path, `expected an embedding function configuration, got ${JSON.stringify(v)}`);
  switch (v.type) {
    case "legacy":
      return { type: "legacy" };
    case "unknown":
      return { type: "unknown" };
    case "known": {
      if (typeof v.name !== "string") throw shapeError(`${path}.name`, "expected a string");
      if (!("config" in v)) throw shapeError(`${path}.config`, "missing field");
      return { type: "known", name: v.name, config: structuredClone(v.config) };
    }
    default:
      throw shapeError(`${path}.type`, `expected one of legacy, known, unknown, got ${JSON.stringify(v.type)}`);
  }
}

const HNSW_FIELDS = ["ef_construction", "max_neighbors", "ef_search", "num_threads", "batch_size", "sync_threshold", "resize_factor"] as const satisfies readonly (keyof HnswIndexConfig)[];

function parseHnswIndexConfig(v: unknown, path: string): HnswIndexConfig {
  if (!isObject(v)) throw shapeError(path, "expected an object");
  onlyKnownFields(v, HNSW_FIELDS, path);
  const out: HnswIndexConfig = {};
  for (const f of HNSW_FIELDS) {
    const x = v[f];
    if (x === undefined || x === null) continue;
    if (f === "resize_factor") {
      if (typeof x !== "number" || !Number.isFinite(x)) throw shapeError(`${path}.${f}`, `expected a number, got ${JSON.stringify(x)}`);
      out[f] = x;
    } else {
      out[f] = nonNegativeInteger(x, `${path}.${f}`);
    }
  }
  return out;
}

function parseIndexType<C>(v: unknown, path: string, parseConfig: (c: unknown, path: string) => C): IndexType<C> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw shapeError(path, "expected an object with enabled and config");
  if (typeof v.enabled !== "boolean") throw shapeError(`${path}.enabled`, "missing or not a boolean");
  if (!("config" in v)) throw shapeError(`${path}.config`, "missing field");
  return { enabled: v.enabled, config: parseConfig(v.config, `${path}.config`) };
}

function emptyConfig(v: unknown, path: string): EmptyConfig {
  if (!isObject(v)) throw shapeError(path, "expected an object");
  onlyKnownFields(v, [], path);
  return {};
}

function parseVectorIndexConfig(v: unknown, path: string): VectorIndexConfig {
  if (!isObject(v)) throw shapeError(path, "expected an object");
  onlyKnownFields(v, ["space", "embedding_function", "source_key", "hnsw", "spann"], path);
  const out: VectorIndexConfig = {};
  if (v.space !== undefined && v.space !== null) out.space = parseSpace(v.space, `${path}.space`);
  if (v.embedding_function !== undefined && v.embedding_function !== null) {
    out.embedding_function = parseEmbeddingFunction(v.embedding_function, `${path}.embedding_function`);
  }
  if (v.source_key !== undefined && v.source_key !== null) {
    if (typeof v.source_key !== "string") throw shapeError(`${path}.source_key`, "expected a string");
    out.source_key = v.source_key;
  }
  if (v.hnsw !== undefined && v.hnsw !== null) out.hnsw = parseHnswIndexConfig(v.hnsw, `${path}.hnsw`);
  if (v.spann !== undefined && v.spann !== null) {
    if (!isObject(v.spann)) throw shapeError(`${path}.spann`, "expected an object");
    out.spann = structuredClone(v.spann);
  }
  return out;
}

function parseSparseVectorIndexConfig(v: unknown, path: string): SparseVectorIndexConfig {
  if (!isObject(v)) throw shapeError(path, "expected an object");
  onlyKnownFields(v, ["embedding_function", "source_key", "bm25", "algorithm"], path);
  const out: SparseVectorIndexConfig = {};
  if (v.embedding_function !== undefined && v.embedding_function !== null) {
    out.embedding_function = parseEmbeddingFunction(v.embedding_function, `${path}.embedding_function`);
  }
  if (v.source_key !== undefined && v.source_key !== null) {
    if (typeof v.source_key !== "string") throw shapeError(`${path}.source_key`, "expected a string");
    out.source_key = v.source_key;
  }
  if (v.bm25 !== undefined && v.bm25 !== null) {
    if (typeof v.bm25 !== "boolean") throw shapeError(`${path}.bm25`, "expected a boolean");
    out.bm25 = v.bm25;
  }
  if (v.algorithm !== undefined && v.algorithm !== null) {
    if (v.algorithm !== "wand" && v.algorithm !== "max_score") throw shapeError(`${path}.algorithm`, "expected wand or max_score");
    if (v.algorithm === "max_score") out.algorithm = v.algorithm;
  }
  return out;
}

/** A value type's object under its canonical name or upstream's older `#name` alias. */
function aliased(raw: Record<string, unknown>, name: string, alias: string): unknown {
  return raw[name] ?? raw[alias];
}

function parseValueTypes(v: unknown, path: string): ValueTypes {
  if (!isObject(v)) throw shapeError(path, "expected an object of value types");
  const out: ValueTypes = {};
  // Upstream ignores unknown value types and index names (no deny_unknown_fields there).
  const group = (name: string, alias: string): Record<string, unknown> | undefined => {
    const g = aliased(v, name, alias);
    if (g === undefined || g === null) return undefined;
    if (!isObject(g)) throw shapeError(`${path}.${name}`, "expected an object");
    return g;
  };
  const index = <C>(g: Record<string, unknown>, name: string, p: string, parse: (c: unknown, path: string) => C) =>
    parseIndexType(aliased(g, name, `$${name}`), `${p}.${name}`, parse);
  const s = group("string", "#string");
  if (s) out.string = prune({ fts_index: index(s, "fts_index", `${path}.string`, emptyConfig), string_inverted_index: index(s, "string_inverted_index", `${path}.string`, emptyConfig) });
  const fl = group("float_list", "#float_list");
  if (fl) out.float_list = prune({ vector_index: index(fl, "vector_index", `${path}.float_list`, parseVectorIndexConfig) });
  const sv = group("sparse_vector", "#sparse_vector");
  if (sv) out.sparse_vector = prune({ sparse_vector_index: index(sv, "sparse_vector_index", `${path}.sparse_vector`, parseSparseVectorIndexConfig) });
  const i = group("int", "#int");
  if (i) out.int = prune({ int_inverted_index: index(i, "int_inverted_index", `${path}.int`, emptyConfig) });
  const f = group("float", "#float");
  if (f) out.float = prune({ float_inverted_index: index(f, "float_inverted_index", `${path}.float`, emptyConfig) });
  const b = group("bool", "#bool");
  if (b) out.bool = prune({ bool_inverted_index: index(b, "bool_inverted_index", `${path}.bool`, emptyConfig) });
  return out;
}

function prune<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/**
 * A user's schema from the create request: structure and types checked (400 with the path), the
 * older `#string` / `$fts_index` names read as their current ones, then upstream's rules
 * (validateSchema).
 */
export function parseSchema(raw: unknown): Schema {
  if (!isObject(raw)) throw shapeError("schema", "expected an object with defaults and keys");
  if (!("defaults" in raw)) throw shapeError("schema.defaults", "missing field");
  const keysRaw = raw.keys ?? raw.key_overrides;
  if (keysRaw === undefined) throw shapeError("schema.keys", "missing field");
  if (!isObject(keysRaw)) throw shapeError("schema.keys", "expected an object");
  if (raw.source_attached_function_id !== undefined && raw.source_attached_function_id !== null) {
    throw new InvalidArgumentError("Validation error: schema: Cannot set source_attached_function_id. This field is reserved for system use.");
  }
  const schema: Schema = { defaults: parseValueTypes(raw.defaults, "schema.defaults"), keys: {} };
  for (const [key, vt] of Object.entries(keysRaw)) schema.keys[key] = parseValueTypes(vt, `schema.keys.${key}`);
  validateSchema(schema);
  return schema;
}

/** Upstream's validate_schema, with its messages. */
export function validateSchema(schema: Schema): void {
  const fail = (message: string): never => {
    throw new InvalidArgumentError(`Validation error: schema: ${message}`);
  };
  const d = schema.defaults;
  if (d.float_list?.vector_index?.enabled) fail("Vector index cannot be enabled by default. It can only be enabled on #embedding field.");
  if (d.float_list?.vector_index?.config.hnsw && d.float_list.vector_index.config.spann) fail("Both spann and hnsw config cannot be present at the same time.");
  if (d.sparse_vector?.sparse_vector_index?.enabled) {
    fail("Sparse vector index cannot be enabled by default. Please enable sparse vector index on specific keys. At most one sparse vector index is allowed for the collection.");
  }
  if (d.string?.fts_index?.enabled) fail("Full text search / regular expression index cannot be enabled by default. It can only be enabled on #document field.");
  const sparseKeys: string[] = [];
  for (const [key, vt] of Object.entries(schema.keys)) {
    if (key.startsWith("#") && key !== DOCUMENT_KEY && key !== EMBEDDING_KEY) {
      fail(`key cannot begin with '#'. Keys starting with '#' are reserved for system use: ${key}`);
    }
    if (key === DOCUMENT_KEY && (vt.bool || vt.float || vt.int || vt.float_list || vt.sparse_vector)) {
      fail(`Document field cannot have any value types other than string: ${key}`);
    }
    if (key === EMBEDDING_KEY && (vt.bool || vt.float || vt.int || vt.string || vt.sparse_vector)) {
      fail(`Embedding field cannot have any value types other than float_list: ${key}`);
    }
    const vi = vt.float_list?.vector_index;
    if (vi) {
      if (vi.enabled && key !== EMBEDDING_KEY) fail(`Vector index can only be enabled on #embedding field: ${key}`);
      if (vi.config.source_key !== undefined && vi.config.source_key !== DOCUMENT_KEY) fail("Vector index can only source from #document");
    }
    const svi = vt.sparse_vector?.sparse_vector_index;
    if (svi) {
      if (svi.enabled) {
        sparseKeys.push(key);
        if (sparseKeys.length > 1) fail(`At most one sparse vector index is allowed for the collection: ${JSON.stringify(sparseKeys)}`);
        if (svi.config.source_key !== undefined && svi.config.embedding_function === undefined) {
          fail("If source_key is provided then embedding_function must also be provided since there is no default embedding function.");
        }
      }
      const source = svi.config.source_key;
      if (source !== undefined && source.startsWith("#") && source !== DOCUMENT_KEY) {
        fail("source_key cannot begin with '#'. The only valid key starting with '#' is Key.DOCUMENT or '#document'.");
      }
    }
    if (vt.string?.fts_index?.enabled && key !== DOCUMENT_KEY) {
      fail(`Full text search / regular expression index can only be enabled on #document field: ${key}`);
    }
    if (vt.string?.string_inverted_index?.enabled && key === DOCUMENT_KEY) {
      fail(`String inverted index can not be enabled on #document key: ${key}`);
    }
  }
}

// ---- is_default ------------------------------------------------------------------------------------

/** None, `unknown`, or the known function named "default" (upstream's is_embedding_function_default). */
export function isDefaultEmbeddingFunction(ef: EmbeddingFunctionConfiguration | null | undefined): boolean {
  if (ef === null || ef === undefined) return true;
  if (ef.type === "legacy") return false;
  if (ef.type === "unknown") return true;
  return ef.name === "default";
}

/** Unset fields count as default; num_threads is machine-dependent and not compared (upstream). */
function isDefaultHnswIndexConfig(h: HnswIndexConfig): boolean {
  const d = HNSW_DEFAULTS;
  return (
    (h.ef_construction === undefined || h.ef_construction === d.ef_construction) &&
    (h.max_neighbors === undefined || h.max_neighbors === d.max_neighbors) &&
    (h.ef_search === undefined || h.ef_search === d.ef_search) &&
    (h.batch_size === undefined || h.batch_size === d.batch_size) &&
    (h.sync_threshold === undefined || h.sync_threshold === d.sync_threshold) &&
    (h.resize_factor === undefined || h.resize_factor === d.resize_factor)
  );
}

function isDefaultVectorConfig(c: VectorIndexConfig, sourceKey: string | undefined): boolean {
  if (!isDefaultEmbeddingFunction(c.embedding_function)) return false;
  if (c.space !== undefined && c.space !== "l2") return false;
  if (c.source_key !== sourceKey) return false;
  if (c.hnsw && c.spann) return false;
  // Upstream's SPANN is_default compares against SPANN defaults; a single node never keeps SPANN,
  // so any SPANN settings given make the schema non-default.
  if (c.spann && Object.values(c.spann).some((v) => v !== undefined && v !== null)) return false;
  return c.hnsw === undefined || isDefaultHnswIndexConfig(c.hnsw);
}

function isDefaultValueTypes(vt: ValueTypes): boolean {
  if (vt.string?.string_inverted_index && !vt.string.string_inverted_index.enabled) return false;
  if (vt.string?.fts_index?.enabled) return false;
  if (vt.float?.float_inverted_index && !vt.float.float_inverted_index.enabled) return false;
  if (vt.int?.int_inverted_index && !vt.int.int_inverted_index.enabled) return false;
  if (vt.bool?.bool_inverted_index && !vt.bool.bool_inverted_index.enabled) return false;
  const vi = vt.float_list?.vector_index;
  if (vi && (vi.enabled || !isDefaultVectorConfig(vi.config, undefined))) return false;
  const svi = vt.sparse_vector?.sparse_vector_index;
  if (svi) {
    if (svi.enabled || !isDefaultEmbeddingFunction(svi.config.embedding_function) || svi.config.source_key !== undefined) return false;
    if (svi.config.bm25 !== undefined && svi.config.bm25 !== false) return false;
  }
  return true;
}

/** Upstream's `Schema::is_default`: nothing a user changed from the defaults. */
export function isDefaultSchema(schema: Schema): boolean {
  if (!isDefaultValueTypes(schema.defaults)) return false;
  for (const key of Object.keys(schema.keys)) if (key !== EMBEDDING_KEY && key !== DOCUMENT_KEY) return false;
  const emb = schema.keys[EMBEDDING_KEY];
  if (emb) {
    if (emb.string || emb.float || emb.int || emb.bool || emb.sparse_vector) return false;
    const vi = emb.float_list?.vector_index;
    if (vi && (!vi.enabled || !isDefaultVectorConfig(vi.config, DOCUMENT_KEY))) return false;
  }
  const doc = schema.keys[DOCUMENT_KEY];
  if (doc) {
    if (doc.float_list || doc.float || doc.int || doc.bool || doc.sparse_vector) return false;
    if (doc.string?.fts_index && !doc.string.fts_index.enabled) return false;
    if (doc.string?.string_inverted_index?.enabled) return false;
  }
  return true;
}

// ---- merge with the defaults ------------------------------------------------------------------------

function mergeIndex<C>(base: IndexType<C> | undefined, user: IndexType<C> | undefined, mergeConfig?: (a: C, b: C) => C): IndexType<C> | undefined {
  if (!user) return base === undefined ? undefined : structuredClone(base);
  if (!base) return structuredClone(user);
  return { enabled: user.enabled, config: mergeConfig ? mergeConfig(base.config, user.config) : structuredClone(user.config) };
}

function mergeGroup<G extends object>(base: G | undefined, user: G | undefined, merge: (a: G, b: G) => G): G | undefined {
  if (!user) return base === undefined ? undefined : structuredClone(base);
  if (!base) return structuredClone(user);
  return merge(base, user);
}

/** Upstream's merge_vector_index_config for KnnIndex::Hnsw: field by field, SPANN dropped. */
function mergeVectorConfig(base: VectorIndexConfig, user: VectorIndexConfig): VectorIndexConfig {
  const out: VectorIndexConfig = {};
  const space = user.space ?? base.space;
  if (space !== undefined) out.space = space;
  const ef = user.embedding_function ?? base.embedding_function;
  if (ef !== undefined) out.embedding_function = structuredClone(ef);
  const source = user.source_key ?? base.source_key;
  if (source !== undefined) out.source_key = source;
  const hnsw = base.hnsw && user.hnsw ? { ...base.hnsw, ...prune({ ...user.hnsw }) } : (user.hnsw ?? base.hnsw);
  if (hnsw !== undefined) out.hnsw = { ...hnsw };
  return out;
}

function mergeSparseConfig(base: SparseVectorIndexConfig, user: SparseVectorIndexConfig): SparseVectorIndexConfig {
  return prune({
    embedding_function: structuredClone(user.embedding_function ?? base.embedding_function),
    source_key: user.source_key ?? base.source_key,
    bm25: user.bm25 ?? base.bm25,
    algorithm: user.algorithm ?? base.algorithm,
  });
}

function mergeValueTypes(base: ValueTypes, user: ValueTypes): ValueTypes {
  const out: ValueTypes = prune({
    string: mergeGroup(base.string, user.string, (a, b) =>
      prune({ fts_index: mergeIndex(a.fts_index, b.fts_index), string_inverted_index: mergeIndex(a.string_inverted_index, b.string_inverted_index) }),
    ),
    float_list: mergeGroup(base.float_list, user.float_list, (a, b) => prune({ vector_index: mergeIndex(a.vector_index, b.vector_index, mergeVectorConfig) })),
    sparse_vector: mergeGroup(base.sparse_vector, user.sparse_vector, (a, b) =>
      prune({ sparse_vector_index: mergeIndex(a.sparse_vector_index, b.sparse_vector_index, mergeSparseConfig) }),
    ),
    int: mergeGroup(base.int, user.int, (a, b) => prune({ int_inverted_index: mergeIndex(a.int_inverted_index, b.int_inverted_index) })),
    float: mergeGroup(base.float, user.float, (a, b) => prune({ float_inverted_index: mergeIndex(a.float_inverted_index, b.float_inverted_index) })),
    bool: mergeGroup(base.bool, user.bool, (a, b) => prune({ bool_inverted_index: mergeIndex(a.bool_inverted_index, b.bool_inverted_index) })),
  });
  // A single node keeps no SPANN settings (merge with KnnIndex::Hnsw), wherever they came from.
  const vi = out.float_list?.vector_index;
  if (vi?.config.spann) delete vi.config.spann;
  // Upstream validates the merged HNSW settings (validator ranges on HnswIndexConfig).
  const problem = vi?.config.hnsw && hnswBoundsProblem(vi.config.hnsw);
  if (problem) throw new InvalidArgumentError(`Failed to reconcile schema: Invalid HNSW configuration: ${problem}`);
  return out;
}

/**
 * The first HNSW bound `h` breaks, as "field: reason", or undefined; schemas, configurations and
 * legacy metadata alike. Upstream's own minimum of 2 for batch_size and sync_threshold (the
 * validator ranges on its HnswIndexConfig), and, beyond upstream (which stores such values and then
 * crashes or answers short results), the two neighbors and the positive resize_factor an HNSW graph
 * needs.
 */
export function hnswBoundsProblem(h: HnswIndexConfig): string | undefined {
  for (const f of ["batch_size", "sync_threshold"] as const) {
    const v = h[f];
    if (v !== undefined && v < 2) return `${f}: Validation error: range [{"value": Number(${v}), "min": Number(2)}]`;
  }
  if (h.max_neighbors !== undefined && h.max_neighbors < 2) return `max_neighbors: must be at least 2, got ${h.max_neighbors}`;
  if (h.resize_factor !== undefined && !(h.resize_factor > 0)) return `resize_factor: must be positive, got ${h.resize_factor}`;
  return undefined;
}

/** Upstream's reconcile_with_defaults: the user's schema merged field by field into the default one. */
export function mergeWithDefaults(user: Schema | null): Schema {
  const base = defaultSchema();
  if (!user) return base;
  const keys: Record<string, ValueTypes> = { ...base.keys };
  for (const [key, vt] of Object.entries(user.keys)) {
    keys[key] = key in base.keys ? mergeValueTypes(base.keys[key], vt) : structuredClone(vt);
  }
  return { defaults: mergeValueTypes(base.defaults, user.defaults), keys };
}

// ---- the vector index and its configuration ----------------------------------------------------

/** The vector index settings the collection runs with: `#embedding`'s, else the defaults'. */
export function vectorIndexConfig(schema: Schema): VectorIndexConfig {
  return schema.keys[EMBEDDING_KEY]?.float_list?.vector_index?.config ?? schema.defaults.float_list?.vector_index?.config ?? {};
}

/** Sets the vector index config in the defaults (index off) and on `#embedding` (index on, sourced from #document). */
export function withVectorIndexConfig(schema: Schema, config: VectorIndexConfig): Schema {
  const out = structuredClone(schema);
  const defaults = out.defaults.float_list?.vector_index;
  if (defaults) defaults.config = structuredClone({ ...config, source_key: undefined });
  const emb = out.keys[EMBEDDING_KEY]?.float_list?.vector_index;
  if (emb) emb.config = structuredClone({ ...config, source_key: DOCUMENT_KEY });
  for (const c of [defaults?.config, emb?.config]) if (c) prune(c);
  return out;
}

/** Applies `update` to the vector index config of both the defaults and `#embedding` (upstream's Schema::update). */
export function updateVectorIndex(schema: Schema, update: (config: VectorIndexConfig) => void): Schema {
  const out = structuredClone(schema);
  for (const vi of [out.defaults.float_list?.vector_index, out.keys[EMBEDDING_KEY]?.float_list?.vector_index]) {
    if (vi) update(vi.config);
  }
  return out;
}

// ---- keys written by records -----------------------------------------------------------------

/**
 * Upstream's value type of `metadata[key]`: a number written as a float (`2.0`, util/floats.ts) is a
 * float; a number list is a FloatArray as soon as one element is a float.
 */
function valueTypeOf(metadata: object, key: string, value: MetadataValue): keyof ValueTypes {
  if (isSparseVector(value)) return "sparse_vector";
  const scalar = Array.isArray(value) ? value[0] : value;
  if (typeof scalar === "string") return "string";
  if (typeof scalar === "boolean") return "bool";
  if (Array.isArray(value)) return isFloatArray(value) || !(value as unknown as number[]).every(Number.isInteger) ? "float" : "int";
  return isFloatKey(metadata, key) || !Number.isInteger(value) ? "float" : "int";
}

/**
 * Upstream's ensure_key_from_metadata for every key of every record written: a key/type seen for
 * the first time gets the defaults' settings for that type (arrays share their element type's
 * index). Returns the same schema object when nothing is new.
 */
export function withMetadataKeys(schema: Schema, metadatas: readonly (Metadata | Record<string, MetadataValue | null> | null | undefined)[]): Schema {
  let out: Schema | null = null;
  for (const m of metadatas) {
    if (!m) continue;
    for (const [key, value] of Object.entries(m)) {
      if (value === null || key.startsWith(CHROMA_KEY)) continue;
      const type = valueTypeOf(m, key, value);
      const current = (out ?? schema).keys[key];
      if (current?.[type] !== undefined) continue;
      out ??= structuredClone(schema);
      const defaults = out.defaults[type];
      if (defaults === undefined) continue;
      out.keys[key] = { ...(out.keys[key] ?? {}), [type]: structuredClone(defaults) };
    }
  }
  return out ?? schema;
}

// ---- what the indexes allow -------------------------------------------------------------------

/** Upstream's is_metadata_type_index_enabled: the key's own setting, else the defaults'. */
export function isIndexEnabled(schema: Schema, key: string, type: IndexedValueType): boolean {
  const own = schema.keys[key];
  const pick = (vt: ValueTypes | undefined): boolean | undefined => {
    switch (type) {
      case "Str":
        return vt?.string?.string_inverted_index?.enabled;
      case "Int":
        return vt?.int?.int_inverted_index?.enabled;
      case "Float":
        return vt?.float?.float_inverted_index?.enabled;
      case "Bool":
        return vt?.bool?.bool_inverted_index?.enabled;
      case "SparseVector":
        return vt?.sparse_vector?.sparse_vector_index?.enabled;
    }
  };
  return pick(own) ?? pick(schema.defaults) ?? true;
}

/** Upstream's is_fts_enabled: `#document`'s full-text index, else the defaults'. */
export function isFtsEnabled(schema: Schema): boolean {
  return schema.keys[DOCUMENT_KEY]?.string?.fts_index?.enabled ?? schema.defaults.string?.fts_index?.enabled ?? true;
}

function operandType(value: unknown): IndexedValueType {
  if (typeof value === "string") return "Str";
  if (typeof value === "boolean") return "Bool";
  return Number.isInteger(value) ? "Int" : "Float";
}

function indexingDisabled(key: string, type: IndexedValueType): InvalidArgumentError {
  return new InvalidArgumentError(`Cannot filter using metadata key '${key}' with type '${type}' because indexing is disabled`);
}

const FTS_DISABLED = "Cannot filter using full-text search because FTS indexing is disabled";

function checkWhere(schema: Schema, filter: MetadataFilter): void {
  switch (filter.kind) {
    case "and":
    case "or":
      for (const child of filter.children) checkWhere(schema, child);
      return;
    case "compare":
    case "contains": {
      const type = operandType(filter.value);
      if (!isIndexEnabled(schema, filter.key, type)) throw indexingDisabled(filter.key, type);
      return;
    }
    case "member": {
      const type = operandType(filter.values[0]);
      if (!isIndexEnabled(schema, filter.key, type)) throw indexingDisabled(filter.key, type);
      return;
    }
    default: {
      // Document conditions inside a where tree need the full-text index.
      if ((filter as { kind: string }).kind === "document" && !isFtsEnabled(schema)) throw new InvalidArgumentError(FTS_DISABLED);
    }
  }
}

/**
 * Refuses (400, upstream's message) a filter on a key and type whose inverted index the schema
 * disables, or a document filter when `#document`'s full-text index is off (upstream's
 * is_metadata_where_indexing_enabled, which get, query, delete and search all go through).
 */
export function checkFilterIndexes(schema: Schema, filter: RecordFilter): void {
  if (filter.where) checkWhere(schema, filter.where);
  if (filter.whereDocument && !isFtsEnabled(schema)) throw new InvalidArgumentError(FTS_DISABLED);
}

/** Refuses (400) a sparse `$knn` on a key without a sparse-vector index (upstream's is_knn_key_indexing_enabled). */
export function checkSparseKnnIndex(schema: Schema, key: string): void {
  if (!isIndexEnabled(schema, key, "SparseVector")) throw indexingDisabled(key, "SparseVector");
}

/** The one key with an enabled sparse-vector index (upstream allows at most one) and its settings, read-only. */
export function sparseVectorIndex(schema: Schema): { key: string; config: Readonly<SparseVectorIndexConfig> } | null {
  for (const [key, vt] of Object.entries(schema.keys)) {
    const svi = vt.sparse_vector?.sparse_vector_index;
    if (svi?.enabled) return { key, config: svi.config };
  }
  return null;
}

// ---- wire order ---------------------------------------------------------------------------------------

function ordered<T extends object>(o: T | undefined, order: readonly string[]): T | undefined {
  if (o === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of order) if ((o as Record<string, unknown>)[k] !== undefined) out[k] = (o as Record<string, unknown>)[k];
  return out as T;
}

function orderedValueTypes(vt: ValueTypes): ValueTypes {
  const index = <C>(i: IndexType<C> | undefined, orderConfig?: (c: C) => C) =>
    i === undefined ? undefined : { enabled: i.enabled, config: orderConfig ? orderConfig(i.config) : i.config };
  const vectorConfig = (c: VectorIndexConfig): VectorIndexConfig =>
    ordered({ ...c, hnsw: ordered(c.hnsw, HNSW_FIELDS) }, ["space", "embedding_function", "source_key", "hnsw", "spann"])!;
  const sparseConfig = (c: SparseVectorIndexConfig) => ordered(c, ["embedding_function", "source_key", "bm25", "algorithm"])!;
  return prune({
    string: vt.string && prune({ fts_index: index(vt.string.fts_index), string_inverted_index: index(vt.string.string_inverted_index) }),
    float_list: vt.float_list && prune({ vector_index: index(vt.float_list.vector_index, vectorConfig) }),
    sparse_vector: vt.sparse_vector && prune({ sparse_vector_index: index(vt.sparse_vector.sparse_vector_index, sparseConfig) }),
    int: vt.int && prune({ int_inverted_index: index(vt.int.int_inverted_index) }),
    float: vt.float && prune({ float_inverted_index: index(vt.float.float_inverted_index) }),
    bool: vt.bool && prune({ bool_inverted_index: index(vt.bool.bool_inverted_index) }),
  });
}

/** The schema with upstream's field order (serde declaration order), for answers. */
export function schemaToWire(schema: Schema): Schema {
  const keys: Record<string, ValueTypes> = {};
  for (const [k, vt] of Object.entries(schema.keys)) keys[k] = orderedValueTypes(vt);
  return { defaults: orderedValueTypes(schema.defaults), keys };
}
