/** `include` handling with upstream's defaults; unrequested columns come back as null. */
import { InvalidArgumentError } from "./errors.js";
import type { IncludeField } from "./model.js";
import type { Projection } from "../storage/storage.js";

const FIELDS = new Set<string>(["documents", "embeddings", "metadatas", "distances", "uris"]);

// Upstream 1.x echoes these defaults in this order.
export const GET_DEFAULT_INCLUDE: IncludeField[] = ["documents", "metadatas"];
export const QUERY_DEFAULT_INCLUDE: IncludeField[] = ["documents", "metadatas", "distances"];

export function parseInclude(raw: unknown, defaults: IncludeField[]): IncludeField[] {
  if (raw === undefined || raw === null) return [...defaults];
  if (!Array.isArray(raw)) throw new InvalidArgumentError(`Expected include to be a list, got ${JSON.stringify(raw)}`);
  for (const item of raw) {
    if (typeof item !== "string" || !FIELDS.has(item)) {
      throw new InvalidArgumentError(`Expected include item to be one of documents, embeddings, metadatas, distances, uris, got ${JSON.stringify(item)}`);
    }
  }
  return raw as IncludeField[];
}

export function projectionOf(include: IncludeField[]): Projection {
  return {
    embeddings: include.includes("embeddings"),
    documents: include.includes("documents"),
    uris: include.includes("uris"),
    metadatas: include.includes("metadatas"),
  };
}
