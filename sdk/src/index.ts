/**
 * @chromaspec/sdk: a typed client for the Chroma HTTP API, generated from openapi.yaml.
 * High level: ChromaClient / Collection (shaped like the official `chromadb` client).
 * Low level: createApiClient(), openapi-fetch over the generated `paths`.
 */
export { ChromaClient, DEFAULT_DATABASE, DEFAULT_TENANT, type ChromaClientOptions, type CreateCollectionArgs } from "./client.js";
export { Collection, type DeleteArgs, type GetArgs, type ModifyArgs, type QueryArgs, type RecordsArgs, type UpdateArgs } from "./collection.js";
export {
  knn,
  rrf,
  SearchResult,
  type KnnOptions,
  type RankExpression,
  type ReadLevel,
  type RrfOptions,
  type SearchPayload,
  type SearchResponse,
  type SearchRow,
  type SearchWhere,
  type SparseVector,
} from "./search.js";
export { createApiClient, baseUrlOf, type ApiClient, type AuthOptions, type ConnectionOptions } from "./api-client.js";
export {
  ChromaClientError,
  ChromaConnectionError,
  ChromaError,
  ForbiddenError,
  InvalidArgumentError,
  NotFoundError,
  ServerError,
  UnauthorizedError,
  UniqueConstraintError,
  ValidationError,
  errorFromResponse,
} from "./errors.js";
export type * from "./types.js";
export type { components, operations, paths } from "./generated/openapi.js";
