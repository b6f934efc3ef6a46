/**
 * Turns OpenAPI 3.1 schema objects into plain JSON Schema 2020-12 that ajv compiles in strict mode:
 * drops the OpenAPI-only keywords and moves component references into one `$defs` document.
 * The walk knows which keywords hold subschemas, so a *property* called "example" survives.
 */
import type { JsonSchema, OpenApiDocument } from "./spec.js";
import { resolvePointer } from "./spec.js";

/** $id of the document that holds every components/schemas entry under $defs. */
export const COMPONENTS_ID = "/components.json";

/** OpenAPI keywords that are not JSON Schema 2020-12 (annotations for docs and generators). */
const OPENAPI_ONLY = new Set(["example", "discriminator", "xml", "externalDocs"]);

const SUBSCHEMA = new Set([
  "items", "additionalItems", "contains", "not", "if", "then", "else", "propertyNames",
  "additionalProperties", "unevaluatedItems", "unevaluatedProperties", "contentSchema",
]);
const SUBSCHEMA_LIST = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const SUBSCHEMA_MAP = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);

const COMPONENT_REF = /^#\/components\/schemas\//;

/**
 * A schema may name a looser schema for the server's request validation. The spec documents the
 * exact grammar (e.g. the where-filter operators, metadata value types), while upstream answers
 * those mistakes with a 400 and a specific message from its semantic layer rather than a 422
 * from the schema layer; the core owns those checks, so the router only checks the outline.
 */
export const RUNTIME_SCHEMA = "x-chromaspec-runtime-schema";

export function toJsonSchema(schema: JsonSchema): JsonSchema {
  if (typeof schema === "boolean") return schema;
  const runtime = (schema as Record<string, unknown>)[RUNTIME_SCHEMA];
  if (runtime !== undefined) return toJsonSchema(runtime as JsonSchema);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (OPENAPI_ONLY.has(key) || key.startsWith("x-")) continue;
    if (key === "nullable") {
      // OpenAPI 3.0 leftover; in 3.1 it means nothing and ajv strict mode would reject it.
      continue;
    }
    if (key === "$ref" && typeof value === "string") {
      out.$ref = COMPONENT_REF.test(value) ? value.replace(COMPONENT_REF, `${COMPONENTS_ID}#/$defs/`) : value;
    } else if (SUBSCHEMA.has(key) && value !== null && typeof value === "object" && !Array.isArray(value)) {
      out[key] = toJsonSchema(value as JsonSchema);
    } else if (SUBSCHEMA.has(key) && typeof value === "boolean") {
      out[key] = value;
    } else if ((SUBSCHEMA_LIST.has(key) || key === "items") && Array.isArray(value)) {
      out[key] = value.map((s) => toJsonSchema(s as JsonSchema));
    } else if (SUBSCHEMA_MAP.has(key) && value !== null && typeof value === "object") {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([name, s]) => [name, toJsonSchema(s)]),
      );
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The components document ajv resolves `components.json#/$defs/X` against. */
export function componentsDocument(doc: OpenApiDocument): Record<string, unknown> {
  const schemas = doc.components?.schemas ?? {};
  return {
    $id: COMPONENTS_ID,
    $defs: Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, toJsonSchema(s)])),
  };
}

/** Every `format` value used anywhere in the document's schemas. */
export function formatsUsed(value: unknown, acc = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) formatsUsed(v, acc);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "format" && typeof v === "string") acc.add(v);
      else formatsUsed(v, acc);
    }
  }
  return acc;
}

export type PrimitiveType = "string" | "integer" | "number" | "boolean" | "null" | "array" | "object";

/**
 * The JSON types a schema admits, as far as can be told without evaluating it (follows $ref,
 * type, const/enum, and the union of allOf/anyOf/oneOf branches). Empty means "anything".
 * Used to decide how to coerce query/path strings.
 */
export function admittedTypes(doc: OpenApiDocument, schema: JsonSchema, depth = 0): PrimitiveType[] {
  if (typeof schema === "boolean" || depth > 20) return [];
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === "string") return admittedTypes(doc, resolvePointer(doc, s.$ref) as JsonSchema, depth + 1);
  const found = new Set<PrimitiveType>();
  if (typeof s.type === "string") found.add(s.type as PrimitiveType);
  if (Array.isArray(s.type)) for (const t of s.type) found.add(t as PrimitiveType);
  const literals = "const" in s ? [s.const] : Array.isArray(s.enum) ? s.enum : [];
  for (const v of literals) {
    found.add(v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : (typeof v as PrimitiveType));
  }
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    if (Array.isArray(s[key])) {
      for (const sub of s[key] as JsonSchema[]) for (const t of admittedTypes(doc, sub, depth + 1)) found.add(t);
    }
  }
  const order: PrimitiveType[] = ["string", "integer", "number", "boolean", "null", "array", "object"];
  return order.filter((t) => found.has(t));
}

/** The items schema of an array-typed schema (after following $ref), if any. */
export function itemsSchema(doc: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema | undefined {
  if (typeof schema === "boolean" || depth > 20) return undefined;
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === "string") return itemsSchema(doc, resolvePointer(doc, s.$ref) as JsonSchema, depth + 1);
  return s.items as JsonSchema | undefined;
}
