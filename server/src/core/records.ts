/**
 * Validation of record batches (add / upsert / update), in upstream's order and with its
 * messages, turning wire JSON into typed columns once.
 */
import { decodeEmbeddings, type WireEmbedding } from "./embeddings.js";
import { BatchSizeExceededError, DuplicateIdError, InvalidArgumentError } from "./errors.js";
import type { Metadata } from "./model.js";

export interface WriteBatch {
  ids: string[];
  embeddings?: WireEmbedding[] | null;
  metadatas?: (Record<string, unknown> | null)[] | null;
  documents?: (string | null)[] | null;
  uris?: (string | null)[] | null;
}

/** Metadata of an update: a null value deletes the key. */
export type MetadataPatch = Record<string, string | number | boolean | null>;

export interface ValidatedBatch {
  ids: string[];
  embeddings?: Float32Array[];
  metadatas?: (MetadataPatch | null)[];
  documents?: (string | null)[];
  uris?: (string | null)[];
}

export const RESERVED_METADATA_KEY = "chroma:document";

export function validateBatch(batch: WriteBatch, options: { maxBatchSize: number; allowNullValues: boolean }): ValidatedBatch {
  const { ids } = batch;
  if (!Array.isArray(ids)) throw new InvalidArgumentError(`Expected IDs to be a list, got ${JSON.stringify(ids)}`);
  for (const id of ids) {
    if (typeof id !== "string") throw new InvalidArgumentError(`Expected ID to be a str, got ${JSON.stringify(id)}`);
    if (id.length === 0) throw new InvalidArgumentError("Empty ID, ID must have at least one character");
  }
  if (ids.length > options.maxBatchSize) {
    throw new BatchSizeExceededError(`Cannot submit more than ${options.maxBatchSize} records in one request, got ${ids.length}; see max_batch_size in /pre-flight-checks`);
  }
  const columns = [batch.embeddings, batch.metadatas, batch.documents, batch.uris];
  if (columns.some((c) => c !== undefined && c !== null && (!Array.isArray(c) || c.length !== ids.length))) {
    throw new InvalidArgumentError("Inconsistent number of IDs, embeddings, documents, URIs and metadatas");
  }
  checkUnique(ids);
  const out: ValidatedBatch = { ids };
  if (batch.embeddings) out.embeddings = decodeEmbeddings(batch.embeddings);
  if (batch.metadatas) out.metadatas = batch.metadatas.map((m) => validateMetadata(m, options.allowNullValues));
  if (batch.documents) out.documents = batch.documents.map((d) => checkText(d, "document"));
  if (batch.uris) out.uris = batch.uris.map((u) => checkText(u, "URI"));
  return out;
}

function checkText(value: unknown, what: string): string | null {
  if (value === null || typeof value === "string") return value;
  throw new InvalidArgumentError(`Expected ${what} to be a str or null, got ${JSON.stringify(value)}`);
}

function checkUnique(ids: string[]): void {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) duplicates.add(id);
    else seen.add(id);
  }
  if (duplicates.size === 0) return;
  const list = [...duplicates];
  const message =
    list.length < 10
      ? `Expected IDs to be unique, found duplicates of: ${list.join(", ")}`
      : `Expected IDs to be unique, found ${list.length} duplicated IDs: ${list.slice(0, 5).join(", ")}, ..., ${list.slice(-5).join(", ")}`;
  throw new DuplicateIdError(message);
}

export function validateMetadata(raw: unknown, allowNullValues: boolean): MetadataPatch | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new InvalidArgumentError(`Expected metadata to be a dict or None, got ${JSON.stringify(raw)}`);
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (key === RESERVED_METADATA_KEY) throw new InvalidArgumentError(`Expected metadata to not contain the reserved key ${RESERVED_METADATA_KEY}`);
    if (key.length === 0) throw new InvalidArgumentError("Expected metadata keys to be non-empty strings");
    const ok =
      typeof value === "string" ||
      typeof value === "boolean" ||
      (typeof value === "number" && Number.isFinite(value)) ||
      (allowNullValues && value === null);
    if (!ok) {
      throw new InvalidArgumentError(
        `Expected metadata value to be a str, int, float${allowNullValues ? ", bool or None" : " or bool"}, got ${JSON.stringify(value)} for key ${JSON.stringify(key)}`,
      );
    }
  }
  return raw as MetadataPatch;
}

/** Applies an update's metadata patch: keys are merged, a null value removes the key. */
export function mergeMetadata(current: Metadata | null, patch: MetadataPatch | null | undefined): Metadata | null {
  if (patch === undefined || patch === null) return current;
  const merged: Record<string, string | number | boolean> = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return Object.keys(merged).length === 0 ? null : merged;
}

/** A metadata without null values (add / a new record of upsert): empty means none. */
export function asMetadata(patch: MetadataPatch | null | undefined): Metadata | null {
  return mergeMetadata(null, patch);
}
