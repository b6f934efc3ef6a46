/**
 * Record writes through the SDK's low-level client (openapi-fetch over the generated paths), for
 * the tests that need the exact HTTP status and body (201 on add) or send what the high-level
 * client does not (base64 embeddings).
 */
import type { components } from "@chromaspec/sdk";
import type { Opened } from "./scope.js";

type AddBody = components["schemas"]["AddEmbedding"];
type UpdateBody = components["schemas"]["UpdateEmbedding"];
type QueryBody = components["schemas"]["QueryEmbedding"];

export interface LowLevelAnswer {
  status: number;
  data: unknown;
  error: unknown;
}

const answer = async (p: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<LowLevelAnswer> => {
  const r = await p;
  return { status: r.response.status, data: r.data, error: r.error };
};

export function addLow(o: Opened, id: string, body: AddBody): Promise<LowLevelAnswer> {
  const { api } = o.client;
  if (o.api === "v2") {
    return answer(api.POST("/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/add", { params: { path: { ...o.scope, collection_id: id } }, body }));
  }
  return answer(api.POST("/api/v1/collections/{collection_id}/add", { params: { path: { collection_id: id } }, body }));
}

export function upsertLow(o: Opened, id: string, body: AddBody): Promise<LowLevelAnswer> {
  const { api } = o.client;
  if (o.api === "v2") {
    return answer(api.POST("/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/upsert", { params: { path: { ...o.scope, collection_id: id } }, body }));
  }
  return answer(api.POST("/api/v1/collections/{collection_id}/upsert", { params: { path: { collection_id: id } }, body }));
}

export function updateLow(o: Opened, id: string, body: UpdateBody): Promise<LowLevelAnswer> {
  const { api } = o.client;
  if (o.api === "v2") {
    return answer(api.POST("/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/update", { params: { path: { ...o.scope, collection_id: id } }, body }));
  }
  return answer(api.POST("/api/v1/collections/{collection_id}/update", { params: { path: { collection_id: id } }, body }));
}

export function queryLow(o: Opened, id: string, body: QueryBody): Promise<LowLevelAnswer> {
  const { api } = o.client;
  if (o.api === "v2") {
    return answer(api.POST("/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/query", { params: { path: { ...o.scope, collection_id: id } }, body }));
  }
  return answer(api.POST("/api/v1/collections/{collection_id}/query", { params: { path: { collection_id: id } }, body }));
}
