/**
 * Lays search rows out in upstream's `SearchResponse` columns (rust/types/src/api_types.rs): one
 * entry per search in every column; `documents` / `embeddings` / `scores` are null for a search
 * that did not select them, `metadatas` unless it selected `#metadata` or a metadata key; `select`
 * echoes each search's keys in upstream's key order. Scores are float32; one that is not finite
 * (NaN from the log of a negative, an overflow) is null, as serde_json writes it.
 */
import type { Metadata } from "../model.js";
import { asFloats } from "../../util/floats.js";
import { float32ToJson } from "../float32.js";
import { embeddingToJson, sortedMetadata } from "../results.js";
import type { SearchRow } from "./execute.js";
import { DOCUMENT, EMBEDDING, isMetadataField, METADATA, SCORE } from "./plan.js";

export interface SearchResponse {
  ids: string[][];
  documents: ((string | null)[] | null)[];
  embeddings: ((number[] | null)[] | null)[];
  metadatas: ((Metadata | null)[] | null)[];
  scores: ((number | null)[] | null)[];
  select: string[][];
}

function scoreToJson(score: number | undefined): number | null {
  return score === undefined || !Number.isFinite(score) ? null : float32ToJson(Math.fround(score));
}

export function toSearchResponse(searches: { select: string[]; rows: SearchRow[] }[]): SearchResponse {
  const out: SearchResponse = { ids: [], documents: [], embeddings: [], metadatas: [], scores: [], select: [] };
  for (const { select, rows } of searches) {
    out.ids.push(rows.map((r) => r.id));
    out.documents.push(select.includes(DOCUMENT) ? rows.map((r) => r.document ?? null) : null);
    out.embeddings.push(select.includes(EMBEDDING) ? rows.map((r) => (r.embedding ? embeddingToJson(r.embedding) : null)) : null);
    out.metadatas.push(select.includes(METADATA) || select.some(isMetadataField) ? rows.map((r) => sortedMetadata(r.metadata)) : null);
    out.scores.push(select.includes(SCORE) ? asFloats(rows.map((r) => scoreToJson(r.score))) : null);
    out.select.push(select);
  }
  return out;
}
