/**
 * Validation of record batches (add / upsert / update), in upstream's order and with its
 * messages, turning wire JSON into typed columns once.
 */
import { checkBatchEmbeddings, decodeEmbeddings, type WireEmbedding } from "./embeddings.js";
import { BatchSizeExceededError, DuplicateIdError, InvalidArgumentError } from "./errors.js";
import { recordMetadata, type MetadataPatch } from "./metadata.js";

export interface WriteBatch {
  ids: string[];
  embeddings?: WireEmbedding[] | null;
  metadatas?: (Record<string, unknown> | null)[] | null;
  documents?: (string | null)[] | null;
  uris?: (string | null)[] | null;
}

export interface ValidatedBatch {
  ids: string[];
  embeddings?: Float32Array[];
  metadatas?: (MetadataPatch | null)[];
  documents?: (string | null)[];
  uris?: (string | null)[];
}

/** `allowNullValues`: metadata values may be null (update and upsert: the key is removed). */
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
  if (batch.embeddings) out.embeddings = checkBatchEmbeddings(decodeEmbeddings(batch.embeddings));
  if (batch.metadatas) out.metadatas = batch.metadatas.map((m, i) => recordMetadata(m, i, options.allowNullValues));
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
