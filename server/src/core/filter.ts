/**
 * The typed filter tree. The core parses upstream's `where` / `where_document` JSON into these
 * shapes (rejecting bad operators with upstream's messages); storage compiles them into its own
 * query language. Nothing below the core ever sees raw filter JSON.
 */
export type MetadataScalar = string | number | boolean;

export type ComparisonOp = "$eq" | "$ne" | "$gt" | "$gte" | "$lt" | "$lte";
export type MembershipOp = "$in" | "$nin";

/**
 * One where tree. Besides metadata keys it may test the record's id (`#id`) and document
 * (`#document`), as upstream's where grammar does: the Search API's filter mixes all three freely
 * (`{"$or": [{"#id": "a"}, {"#document": {"$contains": "x"}}]}`).
 */
export type MetadataFilter =
  | { kind: "and"; children: MetadataFilter[] }
  | { kind: "or"; children: MetadataFilter[] }
  | { kind: "compare"; key: string; op: ComparisonOp; value: MetadataScalar }
  | { kind: "member"; key: string; op: MembershipOp; values: MetadataScalar[] }
  /** `{"#id": x}`, `{"#id": {"$eq"|"$ne": x}}`, `{"#id": {"$in"|"$nin": [...]}}`; $eq/$ne arrive as one-id lists. */
  | { kind: "id"; op: MembershipOp; ids: string[] }
  /** `{"#document": {"$contains"|"$not_contains"|"$regex"|"$not_regex": text}}`. */
  | { kind: "document"; filter: DocumentFilter };

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

/** Every $regex / $not_regex pattern of a filter, in where_document and inside where alike. */
export function regexPatterns(filter: RecordFilter): string[] {
  const out: string[] = [];
  const document = (f: DocumentFilter): void => {
    if (f.kind === "and" || f.kind === "or") f.children.forEach(document);
    else if (f.kind === "regex" || f.kind === "not_regex") out.push(f.pattern);
  };
  const where = (f: MetadataFilter): void => {
    if (f.kind === "and" || f.kind === "or") f.children.forEach(where);
    else if (f.kind === "document") document(f.filter);
  };
  if (filter.where) where(filter.where);
  if (filter.whereDocument) document(filter.whereDocument);
  return out;
}
