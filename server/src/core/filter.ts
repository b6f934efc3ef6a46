/**
 * The typed filter tree the core parses `where` / `where_document` JSON into (core/where.ts).
 * Its shapes are the storage port's (storage/storage.ts), which compiles them into its own query
 * language; nothing below the core ever sees raw filter JSON.
 */
export type {
  ComparisonOp,
  ContainsOp,
  DocumentFilter,
  MembershipOp,
  MetadataFilter,
  MetadataScalar,
  RecordFilter,
} from "../storage/storage.js";
