/**
 * Plain data shapes the core works with. Records, metadata and collection rows are the storage
 * port's own types (storage/storage.ts): the core imports them, storage never imports the core.
 */
export type {
  CollectionInfo,
  CollectionPatch,
  DatabaseInfo,
  DistanceSpace,
  IndexParams,
  Metadata,
  StoredRecord,
  TenantInfo,
} from "../storage/storage.js";

export type IncludeField = "documents" | "embeddings" | "metadatas" | "distances" | "uris";
