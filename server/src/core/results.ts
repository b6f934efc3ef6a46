/**
 * Shapes storage rows into upstream's column-array results. Every column outside `include`
 * comes back as null; inside it, one entry per record (null where the record has no value).
 */
import { float32ToJson } from "./float32.js";
import { asFloats, copyFloatKey } from "../util/floats.js";
import { isSparseVector, type IncludeField, type Metadata } from "./model.js";
import type { Neighbor, RecordView } from "../storage/storage.js";

export interface GetResult {
  ids: string[];
  embeddings: number[][] | null;
  documents: (string | null)[] | null;
  uris: (string | null)[] | null;
  metadatas: (Metadata | null)[] | null;
  include: IncludeField[];
}

export interface QueryResult {
  ids: string[][];
  embeddings: number[][][] | null;
  documents: (string | null)[][] | null;
  uris: (string | null)[][] | null;
  metadatas: (Metadata | null)[][] | null;
  distances: number[][] | null;
  include: IncludeField[];
}

/** An embedding as wire numbers (float32's shortest decimals), written as floats (util/floats.ts). */
export function embeddingToJson(e: Float32Array | undefined): number[] {
  if (!e) return asFloats([]);
  const out = new Array<number>(e.length);
  for (let i = 0; i < e.length; i++) out[i] = float32ToJson(e[i]);
  return asFloats(out);
}

/** Upstream returns metadata keys in sorted order; a sparse vector's values are floats on the wire. */
export function sortedMetadata(m: Metadata | null | undefined): Metadata | null {
  if (!m) return null;
  const keys = Object.keys(m).sort();
  const out: Metadata = {};
  for (const k of keys) {
    const v = m[k];
    if (isSparseVector(v)) out[k] = { ...v, values: asFloats([...v.values]) };
    else copyFloatKey(m, k, out);
  }
  return out;
}

export function toGetResult(rows: RecordView[], include: IncludeField[]): GetResult {
  const has = (f: IncludeField) => include.includes(f);
  return {
    ids: rows.map((r) => r.id),
    embeddings: has("embeddings") ? rows.map((r) => embeddingToJson(r.embedding)) : null,
    documents: has("documents") ? rows.map((r) => r.document ?? null) : null,
    uris: has("uris") ? rows.map((r) => r.uri ?? null) : null,
    metadatas: has("metadatas") ? rows.map((r) => sortedMetadata(r.metadata)) : null,
    include,
  };
}

export function toQueryResult(lists: Neighbor[][], include: IncludeField[]): QueryResult {
  const has = (f: IncludeField) => include.includes(f);
  return {
    ids: lists.map((l) => l.map((n) => n.id)),
    embeddings: has("embeddings") ? lists.map((l) => l.map((n) => embeddingToJson(n.embedding))) : null,
    documents: has("documents") ? lists.map((l) => l.map((n) => n.document ?? null)) : null,
    uris: has("uris") ? lists.map((l) => l.map((n) => n.uri ?? null)) : null,
    metadatas: has("metadatas") ? lists.map((l) => l.map((n) => sortedMetadata(n.metadata))) : null,
    distances: has("distances") ? lists.map((l) => asFloats(l.map((n) => float32ToJson(Math.fround(n.distance))))) : null,
    include,
  };
}
