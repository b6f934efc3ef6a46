/** Shared setup for the storage tests: temp directories, collections, upstream filter JSON. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DocumentFilter, MetadataFilter, MetadataScalar, RecordFilter } from "../../src/core/filter.js";
import type { CollectionInfo, DistanceSpace, Metadata, StoredRecord } from "../../src/core/model.js";
import { indexParams } from "../../src/core/space.js";
import type { CollectionStore } from "../../src/storage/collection.js";
import type { OpenedStorage } from "../../src/storage/open.js";
import type { Projection } from "../../src/storage/storage.js";
import { mulberry32 as rng } from "../helpers/random.js";

export async function tempDir(): Promise<{ path: string; dispose(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), "chromaspec-storage-"));
  return { path, dispose: () => rm(path, { recursive: true, force: true }) };
}

let n = 0;
export function collection(over: Partial<CollectionInfo> = {}): CollectionInfo {
  n++;
  return {
    id: `0000000${n}-aaaa-4bbb-8ccc-${String(Date.now()).padStart(12, "0")}`,
    name: `coll-${n}`,
    tenant: "default_tenant",
    database: "default_database",
    metadata: null,
    configuration: {},
    schema: null,
    dimension: null,
    version: 0,
    logPosition: 0,
    ...over,
  };
}

/**
 * The records of a collection, as the core opens them: its catalog row is created first if the
 * test has not (storage only keeps records of collections its catalog knows).
 */
export async function recordsOf(storage: OpenedStorage, coll: CollectionInfo): Promise<CollectionStore> {
  if (!storage.catalog.hasCollection(coll.id)) await storage.catalog.createCollection(coll);
  return storage.collection(coll.id, indexParams(coll));
}

export function rec(id: string, embedding: number[], document: string | null = null, metadata: Metadata | null = null, uri: string | null = null): StoredRecord {
  return { id, embedding: Float32Array.from(embedding), document, uri, metadata };
}

export const IDS_ONLY: Projection = { embeddings: false, documents: false, uris: false, metadatas: false };
export const EVERYTHING: Projection = { embeddings: true, documents: true, uris: true, metadatas: true };

/** Upstream's where JSON as the core's filter tree (the subset the fixtures use). */
export function whereFromJson(json: Record<string, unknown>): MetadataFilter {
  const entries = Object.entries(json);
  if (entries.length === 1 && (entries[0][0] === "$and" || entries[0][0] === "$or")) {
    const [op, children] = entries[0];
    return { kind: op === "$and" ? "and" : "or", children: (children as Record<string, unknown>[]).map(whereFromJson) };
  }
  if (entries.length !== 1) throw new Error(`fixture where with ${entries.length} keys`);
  const [key, cond] = entries[0];
  if (cond === null || typeof cond !== "object") return { kind: "compare", key, op: "$eq", value: cond as MetadataScalar };
  const [[op, value]] = Object.entries(cond);
  if (op === "$in" || op === "$nin") return { kind: "member", key, op, values: value as MetadataScalar[] };
  return { kind: "compare", key, op: op as "$eq", value: value as MetadataScalar };
}

export function documentFromJson(json: Record<string, unknown>): DocumentFilter {
  const [[op, value]] = Object.entries(json);
  switch (op) {
    case "$and":
    case "$or":
      return { kind: op === "$and" ? "and" : "or", children: (value as Record<string, unknown>[]).map(documentFromJson) };
    case "$contains":
      return { kind: "contains", text: value as string };
    case "$not_contains":
      return { kind: "not_contains", text: value as string };
    case "$regex":
      return { kind: "regex", pattern: value as string };
    case "$not_regex":
      return { kind: "not_regex", pattern: value as string };
  }
  throw new Error(`fixture document operator ${op}`);
}

export function filterFromJson(c: { where?: Record<string, unknown>; where_document?: Record<string, unknown> }): RecordFilter {
  const f: RecordFilter = {};
  if (c.where) f.where = whereFromJson(c.where);
  if (c.where_document) f.whereDocument = documentFromJson(c.where_document);
  return f;
}

export { rng }; // seedable PRNG, shared with the other test tools

/**
 * The brute-force distance the storage tests check answers against, in upstream's spaces: l2 is
 * squared euclidean, ip is 1 - a.b, cosine is 1 - cos (upstream normalizes, and a zero vector
 * stays zero, so cos with a zero vector is 0: distance 1).
 */
export function referenceDistance(space: DistanceSpace, a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  let l2 = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
    l2 += (a[i] - b[i]) ** 2;
  }
  if (space === "l2") return l2;
  if (space === "ip") return 1 - dot;
  return aa === 0 || bb === 0 ? 1 : 1 - dot / Math.sqrt(aa * bb);
}
