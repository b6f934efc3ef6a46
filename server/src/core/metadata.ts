/**
 * Metadata values and keys, for records and collections alike: what is accepted, how it is
 * normalised, and upstream's wording when it is not (Chroma 1.x rust/types/src/metadata.rs and
 * validators.rs).
 *
 * Values: string, finite number, boolean; a non-empty list of strings, numbers or booleans (one
 * type; a list mixing integers and floats is a list of numbers, as upstream infers FloatArray); a
 * sparse vector `{"#type"?: "sparse_vector", indices, values, tokens?}`. Keys: non-empty, not
 * starting with `#` or `$`, not `chroma:document` (0.6.3's reserved key; upstream 1.x answers 500).
 * In an update, a null value removes the key.
 *
 * Upstream answers a record's bad metadata with "Validation error: metadatas: Invalid metadata at
 * index i" and drops the reason; chromaspec keeps that text and appends the reason after a colon.
 * An empty list is refused (both official clients refuse it; upstream's HTTP server silently drops
 * the key instead, see contract-tests/KNOWN_DIFFERENCES.md).
 */
import { InvalidArgumentError } from "./errors.js";
import { asFloats, copyFloatKey, isFloatKey } from "../util/floats.js";
import { float32ToJson } from "./float32.js";
import type { Metadata, MetadataValue, SparseVector } from "./model.js";
import { isSparseIndex, MAX_SPARSE_INDEX, sparseVectorProblem } from "./sparse-vector.js";

export const RESERVED_METADATA_KEY = "chroma:document";

/** Metadata of an update / upsert: a null value deletes the key. */
export type MetadataPatch = Record<string, MetadataValue | null>;

/** A reason a metadata map is refused, in upstream's words where upstream has words for it. */
class MetadataProblem extends Error {}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text !== undefined && text.length > 100 ? `${text.slice(0, 100)}...` : String(text);
}

function checkKey(key: string): void {
  if (key.length === 0) throw new MetadataProblem("Metadata key cannot be empty");
  if (key.startsWith("#") || key.startsWith("$")) throw new MetadataProblem(`Metadata key cannot start with '#' or '$': ${key}`);
  if (key === RESERVED_METADATA_KEY) throw new MetadataProblem(`Metadata key ${RESERVED_METADATA_KEY} is reserved`);
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

function sparseProblem(reason: string): MetadataProblem {
  return new MetadataProblem(`Invalid sparse vector: ${reason}`);
}

/** An object value as a sparse vector (upstream's SparseVector deserialiser: unknown fields ignored). */
function toSparseVector(key: string, raw: Record<string, unknown>): SparseVector {
  const type = raw["#type"];
  const { indices, values, tokens } = raw;
  if (type !== undefined && type !== "sparse_vector") {
    throw new MetadataProblem(`Expected #type='sparse_vector', got ${describe(type)} for key ${key}`);
  }
  if (!Array.isArray(indices) || !Array.isArray(values)) {
    throw new MetadataProblem(`Expected metadata value for key ${key} to be a str, int, float, bool, list or sparse vector, got ${describe(raw)}`);
  }
  if (!indices.every(isSparseIndex)) {
    throw sparseProblem(`Sparse vector indices must be integers in [0, ${MAX_SPARSE_INDEX}], got ${describe(indices)}`);
  }
  if (!values.every(isFiniteNumber)) throw sparseProblem(`Sparse vector values must be finite numbers, got ${describe(values)}`);
  const hasTokens = tokens !== undefined && tokens !== null;
  if (hasTokens && (!Array.isArray(tokens) || !tokens.every((t) => typeof t === "string"))) {
    throw sparseProblem(`Sparse vector tokens must be a list of strings, got ${describe(tokens)}`);
  }
  // Upstream's SparseVector::validate, in its order (shared with the Search API's sparse queries).
  const problem = sparseVectorProblem({ indices: indices as number[], values: values as number[], tokens: hasTokens ? (tokens as string[]) : undefined });
  if (problem !== undefined) throw sparseProblem(problem);
  const out: SparseVector = {
    "#type": "sparse_vector",
    indices: indices as number[],
    // Upstream keeps f32; the shortest decimal of the float32 is what both faces print back.
    values: asFloats((values as number[]).map((v) => float32ToJson(Math.fround(v)))),
  };
  if (hasTokens) out.tokens = [...(tokens as string[])];
  return out;
}

function toList(key: string, list: unknown[]): MetadataValue {
  if (list.length === 0) throw new MetadataProblem(`Expected metadata list value for key ${key} to be non-empty`);
  const first = list[0];
  const kind = typeof first === "number" ? "number" : typeof first === "string" ? "string" : typeof first === "boolean" ? "boolean" : null;
  if (kind === null || !list.every((v) => typeof v === kind) || (kind === "number" && !list.every(isFiniteNumber))) {
    throw new MetadataProblem(
      `Expected metadata list value for key ${key} to contain only strings, only numbers or only booleans, got ${describe(list)}`,
    );
  }
  // A list with a float in it is a list of floats (upstream's FloatArray): `[1, 2.5]` reads back `[1.0, 2.5]`.
  if (kind === "number" && list.some((v, i) => !Number.isInteger(v) || isFloatKey(list, i))) return asFloats([...(list as number[])]);
  return [...list] as MetadataValue;
}

function toValue(key: string, value: unknown): MetadataValue {
  if (typeof value === "string" || typeof value === "boolean" || isFiniteNumber(value)) return value;
  if (Array.isArray(value)) return toList(key, value);
  if (typeof value === "object" && value !== null) return toSparseVector(key, value as Record<string, unknown>);
  throw new MetadataProblem(
    `Expected metadata value for key ${key} to be a str, int, float, bool, non-empty list of one of those, or sparse vector, got ${describe(value)}`,
  );
}

/** Checks and normalises one metadata map; `allowNull`: null values (deletions) are kept. */
function normalise(raw: unknown, allowNull: boolean): MetadataPatch {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new MetadataProblem(`Expected metadata to be a dict, got ${describe(raw)}`);
  }
  const out: MetadataPatch = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    checkKey(key);
    if (value === null && allowNull) out[key] = null;
    else if (typeof value === "number" && Number.isFinite(value)) copyFloatKey(raw, key, out); // `2.0` stays a float
    else out[key] = toValue(key, value);
  }
  return out;
}

/**
 * The metadata of record `index` of a write batch. `allowNull` for update and upsert (a null
 * value deletes the key); add refuses nulls.
 */
export function recordMetadata(raw: unknown, index: number, allowNull: boolean): MetadataPatch | null {
  if (raw === null || raw === undefined) return null;
  try {
    return normalise(raw, allowNull);
  } catch (err) {
    if (err instanceof MetadataProblem) {
      throw new InvalidArgumentError(`Validation error: metadatas: Invalid metadata at index ${index}: ${err.message}`);
    }
    throw err;
  }
}

/**
 * A collection's metadata on create (`field` "metadata") or modify ("new_metadata"): absent, or a
 * non-empty map (upstream refuses `{}`). On modify, null values are accepted and dropped (the whole
 * metadata is replaced), as upstream; nothing left means no metadata.
 */
export function collectionMetadata(raw: unknown, field: "metadata" | "new_metadata"): Metadata | null {
  if (raw === null || raw === undefined) return null;
  try {
    if (typeof raw === "object" && !Array.isArray(raw) && Object.keys(raw).length === 0) throw new MetadataProblem("Metadata cannot be empty");
    return asMetadata(normalise(raw, field === "new_metadata"));
  } catch (err) {
    if (err instanceof MetadataProblem) throw new InvalidArgumentError(`Validation error: ${field}: ${err.message}`);
    throw err;
  }
}

/** Applies an update's metadata patch: keys are merged, a null value removes the key. */
export function mergeMetadata(current: Metadata | null, patch: MetadataPatch | null | undefined): Metadata | null {
  if (patch === undefined || patch === null) return current;
  const merged: Metadata = {};
  for (const key of Object.keys(current ?? {})) copyFloatKey(current!, key, merged);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else copyFloatKey(patch, key, merged);
  }
  return Object.keys(merged).length === 0 ? null : merged;
}

/** A metadata without null values (add / a new record of upsert): empty means none. */
export function asMetadata(patch: MetadataPatch | null | undefined): Metadata | null {
  return mergeMetadata(null, patch);
}
