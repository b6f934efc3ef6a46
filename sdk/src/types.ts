/** Public data types of the high-level client, taken from the generated wire schemas where they match. */
import type { components } from "./generated/openapi.js";

type Schemas = components["schemas"];

export type Metadata = Schemas["Metadata"];
/** Metadata in `update`/`upsert`: a key set to null is removed. */
export type UpdateMetadata = Schemas["UpdateMetadata"];
export type MetadataValue = Schemas["MetadataValue"];
export type Where = Schemas["Where"];
export type WhereDocument = Schemas["WhereDocument"];
export type IncludeEnum = Schemas["IncludeEnum"];
export type Include = IncludeEnum;
export type Tenant = Schemas["Tenant"];
export type Database = Schemas["Database"];
export type UserIdentity = Schemas["UserIdentity"];
export type PreFlightChecks = Schemas["PreFlightChecks"];
export type HealthcheckResponse = Schemas["HealthcheckResponse"];
export type IndexingStatus = Schemas["IndexingStatusResponse"];
/** A collection as the server describes it (snake_case wire form, v2; the v1 adapter maps 0.6.3's onto it). */
export type CollectionModel = Schemas["Collection"];
/** Configuration given at creation (`hnsw` or `spann`, `embedding_function`). */
export type CollectionConfiguration = Schemas["CollectionConfiguration"];
/** Configuration changes of a modify (HNSW search/write knobs, embedding function). */
export type UpdateCollectionConfiguration = Schemas["UpdateCollectionConfiguration"];
/** A collection's effective configuration, as answered in `configuration_json`. */
export type CollectionConfigurationJson = Schemas["CollectionConfigurationJson"];
/** The Chroma 1.x index schema of a collection. */
export type Schema = Schemas["Schema"];
export type EmbeddingFunctionConfiguration = Schemas["EmbeddingFunctionConfiguration"];
/** A sparse vector metadata value (`{"#type": "sparse_vector", indices, values}`). */
export type SparseVector = Schemas["SparseVector"];

/** An embedding as the caller gives it: numbers or a Float32Array (sent as JSON numbers). */
export type EmbeddingInput = number[] | Float32Array;

/** Records of a get, in parallel arrays (fields not included are null). */
export interface GetResult {
  ids: string[];
  embeddings: number[][] | null;
  documents: (string | null)[] | null;
  metadatas: (Metadata | null)[] | null;
  uris: (string | null)[] | null;
  include: Include[];
}

/** Results of a query: one list per query embedding, nearest first. */
export interface QueryResult {
  ids: string[][];
  embeddings: number[][][] | null;
  documents: (string | null)[][] | null;
  metadatas: (Metadata | null)[][] | null;
  uris: (string | null)[][] | null;
  distances: number[][] | null;
  include: Include[];
}

export interface DeleteResult {
  /** Records removed; null when the server does not say (the v1 API answers null). */
  deleted: number | null;
}
