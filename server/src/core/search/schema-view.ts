/**
 * What search reads from a collection's resolved `schema` (upstream's JSON shape,
 * rust/types/src/collection_schema.rs): which metadata key carries a sparse-vector index (and its
 * `bm25` option), and upstream's `is_metadata_type_index_enabled` check that refuses filters and
 * sparse `$knn` on keys whose index is off:
 *   "Cannot filter using metadata key 'k' with type 'SparseVector' because indexing is disabled".
 * A collection without a schema (created before schemas were stored) has upstream's defaults:
 * inverted indexes on for scalars, no sparse-vector index, `#document` not a string-index key.
 */
import { InvalidArgumentError } from "../errors.js";
import type { MetadataFilter } from "../filter.js";

/** upstream `MetadataValueType`, as its Debug formatting names it in messages. */
export type ValueType = "Bool" | "Int" | "Float" | "Str" | "SparseVector";

const INDEX_OF: Record<ValueType, [valueType: string, index: string]> = {
  Bool: ["bool", "bool_inverted_index"],
  Int: ["int", "int_inverted_index"],
  Float: ["float", "float_inverted_index"],
  Str: ["string", "string_inverted_index"],
  SparseVector: ["sparse_vector", "sparse_vector_index"],
};

type Json = Record<string, unknown>;

const obj = (v: unknown): Json | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined);

/** upstream's defaults for a collection created without a schema. */
const DEFAULT_SCHEMA: Json = {
  defaults: {
    string: { string_inverted_index: { enabled: true } },
    int: { int_inverted_index: { enabled: true } },
    float: { float_inverted_index: { enabled: true } },
    bool: { bool_inverted_index: { enabled: true } },
    sparse_vector: { sparse_vector_index: { enabled: false, config: { bm25: false } } },
  },
  keys: {
    "#document": { string: { string_inverted_index: { enabled: false } } },
  },
};

export class SchemaView {
  private readonly schema: Json;

  constructor(schema: unknown) {
    this.schema = obj(schema) ?? DEFAULT_SCHEMA;
  }

  /** The index entry for (key, type): the key's own, else the defaults' (upstream's lookup order). */
  private index(key: string, type: ValueType): Json | undefined {
    const [valueType, index] = INDEX_OF[type];
    const own = obj(obj(obj(this.schema.keys)?.[key])?.[valueType]);
    const entry = own ?? obj(obj(this.schema.defaults)?.[valueType]);
    return obj(entry?.[index]);
  }

  isIndexed(key: string, type: ValueType): boolean {
    return this.index(key, type)?.enabled === true;
  }

  /** The sparse-vector index on `key`, when enabled. */
  sparseIndex(key: string): { bm25: boolean } | null {
    const index = this.index(key, "SparseVector");
    if (index?.enabled !== true) return null;
    return { bm25: obj(index.config)?.bm25 === true };
  }

  /** The metadata keys with an enabled sparse-vector index (upstream allows at most one). */
  sparseKeys(): string[] {
    const keys = obj(this.schema.keys) ?? {};
    return Object.keys(keys).filter((k) => this.sparseIndex(k) !== null);
  }

  requireIndexed(key: string, type: ValueType): void {
    if (!this.isIndexed(key, type)) {
      throw new InvalidArgumentError(`Cannot filter using metadata key '${key}' with type '${type}' because indexing is disabled`);
    }
  }

  /** upstream `is_metadata_where_indexing_enabled`: every metadata comparison's key must be indexed for its type. */
  requireWhereIndexed(filter: MetadataFilter): void {
    switch (filter.kind) {
      case "and":
      case "or":
        filter.children.forEach((c) => this.requireWhereIndexed(c));
        return;
      case "compare":
        this.requireIndexed(filter.key, valueType(filter.value));
        return;
      case "member":
        if (filter.values.length > 0) this.requireIndexed(filter.key, valueType(filter.values[0]));
        return;
      default:
        return;
    }
  }
}

function valueType(value: string | number | boolean): ValueType {
  if (typeof value === "string") return "Str";
  if (typeof value === "boolean") return "Bool";
  return Number.isInteger(value) ? "Int" : "Float";
}
