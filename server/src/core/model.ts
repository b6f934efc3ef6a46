/**
 * Plain data shapes the core works with. Records, metadata and collection rows are the storage
 * port's own types (storage/storage.ts): the core imports them, storage never imports the core.
 */
import type { CollectionInfo as StoredCollectionInfo } from "../storage/storage.js";
import type { Schema } from "./schema.js";

export type {
  CollectionPatch,
  DatabaseInfo,
  DistanceSpace,
  IndexParams,
  Metadata,
  MetadataScalar,
  MetadataValue,
  SparseVector,
  StoredRecord,
  TenantInfo,
} from "../storage/storage.js";
export { isSparseVector } from "../storage/storage.js";

/** A collection row as the catalog stores it (its schema opaque). */
export type { StoredCollectionInfo };

/** A collection row as the core reads it: its schema typed (null only on rows read raw from the catalog). */
export interface CollectionInfo extends Omit<StoredCollectionInfo, "schema"> {
  schema: Schema | null;
}

export type IncludeField = "documents" | "embeddings" | "metadatas" | "distances" | "uris";
