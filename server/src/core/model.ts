/** Plain data shapes shared by the core and storage. */
export type Metadata = Record<string, string | number | boolean>;

export type DistanceSpace = "l2" | "cosine" | "ip";

export interface TenantInfo {
  name: string;
}

export interface DatabaseInfo {
  id: string;
  name: string;
  tenant: string;
}

export interface CollectionInfo {
  id: string;
  name: string;
  tenant: string;
  database: string;
  metadata: Metadata | null;
  /** Upstream's `configuration_json`, stored verbatim apart from the fields we interpret. */
  configuration: Record<string, unknown>;
  /** Fixed by the first write that carries embeddings; null until then. */
  dimension: number | null;
  /** Monotonic counter bumped on every modification of the collection row (upstream's `version`). */
  version: number;
  /** Count of record operations applied (upstream's `log_position`). */
  logPosition: number;
}

/** One record as storage keeps it. */
export interface StoredRecord {
  id: string;
  embedding: Float32Array;
  document: string | null;
  uri: string | null;
  metadata: Metadata | null;
}

export type IncludeField = "documents" | "embeddings" | "metadatas" | "distances" | "uris";
