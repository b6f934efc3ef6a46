/**
 * The typed filter tree. The core parses upstream's `where` / `where_document` JSON into these
 * shapes (rejecting bad operators with upstream's messages); storage compiles them into its own
 * query language. Nothing below the core ever sees raw filter JSON.
 */
export type MetadataScalar = string | number | boolean;

export type ComparisonOp = "$eq" | "$ne" | "$gt" | "$gte" | "$lt" | "$lte";
export type MembershipOp = "$in" | "$nin";

export type MetadataFilter =
  | { kind: "and"; children: MetadataFilter[] }
  | { kind: "or"; children: MetadataFilter[] }
  | { kind: "compare"; key: string; op: ComparisonOp; value: MetadataScalar }
  | { kind: "member"; key: string; op: MembershipOp; values: MetadataScalar[] };

export type DocumentFilter =
  | { kind: "and"; children: DocumentFilter[] }
  | { kind: "or"; children: DocumentFilter[] }
  | { kind: "contains" | "not_contains"; text: string }
  | { kind: "regex" | "not_regex"; pattern: string };

/** Everything a get / delete / query can be narrowed by; absent parts do not narrow. */
export interface RecordFilter {
  ids?: string[];
  where?: MetadataFilter;
  whereDocument?: DocumentFilter;
}
