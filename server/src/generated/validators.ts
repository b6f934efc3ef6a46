// generated from openapi.yaml by codegen — do not edit.
// Regenerate with `make codegen` (npm run generate -w codegen) after changing openapi.yaml.
// Typed request validation per operation, over the ajv code in validators.ajv.ts.

import * as compiled from "./validators.ajv.js";
import type { OperationId } from "./routes.js";

/** One problem with a request, in the shape of a FastAPI "detail" entry. */
export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export type ValidationResult<T = unknown> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export interface OperationValidators {
  /** Path parameters as strings from the URL: coerced per schema, then validated. */
  params(raw: Record<string, string | undefined>): ValidationResult<Record<string, unknown>>;
  /** Query parameters as strings (or repeated strings): coerced, defaults applied, validated. Unknown keys are dropped. */
  query(raw: Record<string, string | string[] | undefined>): ValidationResult<Record<string, unknown>>;
  /** Validates an already parsed JSON body (no coercion); null when the operation takes no body. */
  body: ((parsed: unknown) => ValidationResult) | null;
  /** Whether the operation requires a body (an empty one is then an error). */
  bodyRequired: boolean;
}

type Primitive = "string" | "integer" | "number" | "boolean" | "null" | "array" | "object";

interface ParamRule {
  types: Primitive[];
  items?: Primitive[];
  default?: unknown;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A query/path string as the schema wants it; left a string when it does not parse (ajv then reports it). */
function coerceScalar(value: string, types: Primitive[]): unknown {
  if (types.length === 0 || types.includes("string")) return value;
  if (types.includes("integer") && INTEGER.test(value)) return Number(value);
  if (types.includes("number") && NUMBER.test(value)) return Number(value);
  if (types.includes("boolean")) {
    const lower = value.toLowerCase();
    if (lower === "true" || lower === "1") return true;
    if (lower === "false" || lower === "0") return false;
  }
  if (types.includes("null") && value === "null") return null;
  return value;
}

function coerceParameters(raw: Record<string, string | string[] | undefined>, rules: Record<string, ParamRule>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name in rules) {
    const rule = rules[name];
    const value = raw[name];
    if (value === undefined) {
      if ("default" in rule) out[name] = structuredClone(rule.default);
      continue;
    }
    if (rule.types.includes("array")) {
      const list = Array.isArray(value) ? value : [value];
      out[name] = rule.items ? list.map((v) => coerceScalar(v, rule.items!)) : list;
    } else {
      // A repeated scalar parameter: the last one wins, as in FastAPI.
      out[name] = coerceScalar(Array.isArray(value) ? value[value.length - 1] : value, rule.types);
    }
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  integer: "int", number: "float", string: "string", boolean: "bool", array: "list", object: "dict", null: "none",
};

function pointerToLoc(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** The value at a location of the validated input (for messages that quote what was sent). */
function valueAt(root: unknown, path: (string | number)[]): unknown {
  let node = root;
  for (const part of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** A sent value quoted in a message: JSON, cut at 100 characters. */
function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 100 ? text.slice(0, 100) + "..." : text;
}

function toIssue(e: AjvError, location: string, root: unknown): ValidationIssue {
  const path = pointerToLoc(e.instancePath);
  const loc: (string | number)[] = [location, ...path];
  switch (e.keyword) {
    case "required":
      return { loc: [...loc, String(e.params.missingProperty)], msg: "Field required", type: "missing" };
    case "additionalProperties":
      return { loc: [...loc, String(e.params.additionalProperty)], msg: "Extra inputs are not permitted", type: "extra_forbidden" };
    case "type": {
      const wanted = String(e.params.type).split(",");
      return {
        loc,
        msg: "must be " + wanted.join(" or "),
        type: wanted.length === 1 ? (TYPE_NAMES[wanted[0]] ?? wanted[0]) + "_type" : "type_error",
      };
    }
    case "enum":
      return {
        loc,
        msg: "must be one of " + (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ") + ", got " + quote(valueAt(root, path)),
        type: "enum",
      };
    case "oneOf":
      if (Array.isArray(e.params.passingSchemas)) {
        return { loc, msg: "matches more than one allowed shape (oneOf)", type: "union_ambiguous" };
      }
      return { loc, msg: "does not match any allowed shape", type: "union" };
    case "anyOf":
      return { loc, msg: "does not match any allowed shape", type: "union" };
    default:
      return { loc, msg: e.message ?? "is invalid", type: e.keyword };
  }
}

function toIssues(errors: AjvError[] | null | undefined, location: string, root: unknown): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const e of errors ?? []) {
    const issue = toIssue(e, location, root);
    const key = JSON.stringify(issue);
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues.length ? issues : [{ loc: [location], msg: "is invalid", type: "value_error" }];
}

const NO_PARAMETERS = (): ValidationResult<Record<string, unknown>> => ({ ok: true, value: {} });

function parameters(location: "path" | "query", rules: Record<string, ParamRule>, compiled: CompiledValidator | null) {
  if (compiled === null) return NO_PARAMETERS;
  return (raw: Record<string, string | string[] | undefined>): ValidationResult<Record<string, unknown>> => {
    const value = coerceParameters(raw ?? {}, rules);
    return compiled(value) ? { ok: true, value } : { ok: false, issues: toIssues(compiled.errors, location, value) };
  };
}

function body(compiled: CompiledValidator) {
  return (parsed: unknown): ValidationResult =>
    compiled(parsed) ? { ok: true, value: parsed } : { ok: false, issues: toIssues(compiled.errors, "body", parsed) };
}

export const validators: { readonly [K in OperationId]: OperationValidators } = {
  v2Root: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2Reset: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2Version: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2Heartbeat: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2PreFlightChecks: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2GetUserIdentity: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2Healthcheck: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2CreateTenant: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: body(compiled.v2CreateTenant_body as CompiledValidator),
    bodyRequired: true,
  },
  v2GetTenant: {
    params: parameters("path", {"tenant":{"types":["string"]}}, compiled.v2GetTenant_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2UpdateTenant: {
    params: parameters("path", {"tenant":{"types":["string"]}}, compiled.v2UpdateTenant_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v2UpdateTenant_body as CompiledValidator),
    bodyRequired: true,
  },
  v2ListDatabases: {
    params: parameters("path", {"tenant":{"types":["string"]}}, compiled.v2ListDatabases_params as CompiledValidator),
    query: parameters("query", {"limit":{"types":["integer"]},"offset":{"types":["integer"]}}, compiled.v2ListDatabases_query as CompiledValidator),
    body: null,
    bodyRequired: false,
  },
  v2CreateDatabase: {
    params: parameters("path", {"tenant":{"types":["string"]}}, compiled.v2CreateDatabase_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v2CreateDatabase_body as CompiledValidator),
    bodyRequired: true,
  },
  v2GetDatabase: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]}}, compiled.v2GetDatabase_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2DeleteDatabase: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]}}, compiled.v2DeleteDatabase_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2GetCollectionByCrn: {
    params: parameters("path", {"crn":{"types":["string"]}}, compiled.v2GetCollectionByCrn_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2ListCollections: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]}}, compiled.v2ListCollections_params as CompiledValidator),
    query: parameters("query", {"limit":{"types":["integer"]},"offset":{"types":["integer"]}}, compiled.v2ListCollections_query as CompiledValidator),
    body: null,
    bodyRequired: false,
  },
  v2CreateCollection: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]}}, compiled.v2CreateCollection_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v2CreateCollection_body as CompiledValidator),
    bodyRequired: true,
  },
  v2CountCollections: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]}}, compiled.v2CountCollections_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2GetCollection: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2GetCollection_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2UpdateCollection: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2UpdateCollection_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v2UpdateCollection_body as CompiledValidator),
    bodyRequired: true,
  },
  v2DeleteCollection: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2DeleteCollection_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2GetCollectionById: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2GetCollectionById_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2CollectionAdd: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2CollectionAdd_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v2CollectionAdd_body as CompiledValidator),
    bodyRequired: true,
  },
  v2CollectionUpdate: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2CollectionUpdate_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v2CollectionUpdate_body as CompiledValidator),
    bodyRequired: true,
  },
  v2CollectionUpsert: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2CollectionUpsert_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v2CollectionUpsert_body as CompiledValidator),
    bodyRequired: true,
  },
  v2CollectionGet: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2CollectionGet_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v2CollectionGet_body as CompiledValidator),
    bodyRequired: true,
  },
  v2CollectionDelete: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2CollectionDelete_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v2CollectionDelete_body as CompiledValidator),
    bodyRequired: true,
  },
  v2CollectionQuery: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2CollectionQuery_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v2CollectionQuery_body as CompiledValidator),
    bodyRequired: true,
  },
  v2CollectionCount: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2CollectionCount_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2IndexingStatus: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2IndexingStatus_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v2CollectionSearch: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2CollectionSearch_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v2CollectionSearch_body as CompiledValidator),
    bodyRequired: true,
  },
  v2ForkCollection: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2ForkCollection_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v2ForkCollection_body as CompiledValidator),
    bodyRequired: true,
  },
  v2ForkCount: {
    params: parameters("path", {"tenant":{"types":["string"]},"database":{"types":["string"]},"collection_id":{"types":["string"]}}, compiled.v2ForkCount_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v1Root: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v1Reset: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v1Version: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v1Heartbeat: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v1PreFlightChecks: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v1CreateDatabase: {
    params: parameters("path", {}, null),
    query: parameters("query", {"tenant":{"types":["string"],"default":"default_tenant"}}, compiled.v1CreateDatabase_query as CompiledValidator),
    body: body(compiled.v1CreateDatabase_body as CompiledValidator),
    bodyRequired: true,
  },
  v1GetDatabase: {
    params: parameters("path", {"database":{"types":["string"]}}, compiled.v1GetDatabase_params as CompiledValidator),
    query: parameters("query", {"tenant":{"types":["string"],"default":"default_tenant"}}, compiled.v1GetDatabase_query as CompiledValidator),
    body: null,
    bodyRequired: false,
  },
  v1CreateTenant: {
    params: parameters("path", {}, null),
    query: parameters("query", {}, null),
    body: body(compiled.v1CreateTenant_body as CompiledValidator),
    bodyRequired: true,
  },
  v1GetTenant: {
    params: parameters("path", {"tenant":{"types":["string"]}}, compiled.v1GetTenant_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v1ListCollections: {
    params: parameters("path", {}, null),
    query: parameters("query", {"tenant":{"types":["string"],"default":"default_tenant"},"database":{"types":["string"],"default":"default_database"},"limit":{"types":["integer"]},"offset":{"types":["integer"]}}, compiled.v1ListCollections_query as CompiledValidator),
    body: null,
    bodyRequired: false,
  },
  v1CreateCollection: {
    params: parameters("path", {}, null),
    query: parameters("query", {"tenant":{"types":["string"],"default":"default_tenant"},"database":{"types":["string"],"default":"default_database"}}, compiled.v1CreateCollection_query as CompiledValidator),
    body: body(compiled.v1CreateCollection_body as CompiledValidator),
    bodyRequired: true,
  },
  v1CountCollections: {
    params: parameters("path", {}, null),
    query: parameters("query", {"tenant":{"types":["string"],"default":"default_tenant"},"database":{"types":["string"],"default":"default_database"}}, compiled.v1CountCollections_query as CompiledValidator),
    body: null,
    bodyRequired: false,
  },
  v1GetCollection: {
    params: parameters("path", {"collection_id":{"types":["string"]}}, compiled.v1GetCollection_params as CompiledValidator),
    query: parameters("query", {"tenant":{"types":["string"],"default":"default_tenant"},"database":{"types":["string"],"default":"default_database"}}, compiled.v1GetCollection_query as CompiledValidator),
    body: null,
    bodyRequired: false,
  },
  v1UpdateCollection: {
    params: parameters("path", {"collection_id":{"types":["string"]}}, compiled.v1UpdateCollection_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v1UpdateCollection_body as CompiledValidator),
    bodyRequired: true,
  },
  v1DeleteCollection: {
    params: parameters("path", {"collection_id":{"types":["string"]}}, compiled.v1DeleteCollection_params as CompiledValidator),
    query: parameters("query", {"tenant":{"types":["string"],"default":"default_tenant"},"database":{"types":["string"],"default":"default_database"}}, compiled.v1DeleteCollection_query as CompiledValidator),
    body: null,
    bodyRequired: false,
  },
  v1CollectionAdd: {
    params: parameters("path", {"collection_id":{"types":["string"]}}, compiled.v1CollectionAdd_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v1CollectionAdd_body as CompiledValidator),
    bodyRequired: true,
  },
  v1CollectionUpdate: {
    params: parameters("path", {"collection_id":{"types":["string"]}}, compiled.v1CollectionUpdate_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v1CollectionUpdate_body as CompiledValidator),
    bodyRequired: true,
  },
  v1CollectionUpsert: {
    params: parameters("path", {"collection_id":{"types":["string"]}}, compiled.v1CollectionUpsert_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v1CollectionUpsert_body as CompiledValidator),
    bodyRequired: true,
  },
  v1CollectionGet: {
    params: parameters("path", {"collection_id":{"types":["string"]}}, compiled.v1CollectionGet_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v1CollectionGet_body as CompiledValidator),
    bodyRequired: true,
  },
  v1CollectionDelete: {
    params: parameters("path", {"collection_id":{"types":["string"]}}, compiled.v1CollectionDelete_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v1CollectionDelete_body as CompiledValidator),
    bodyRequired: true,
  },
  v1CollectionCount: {
    params: parameters("path", {"collection_id":{"types":["string"]}}, compiled.v1CollectionCount_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: null,
    bodyRequired: false,
  },
  v1CollectionQuery: {
    params: parameters("path", {"collection_id":{"types":["string"]}}, compiled.v1CollectionQuery_params as CompiledValidator),
    query: parameters("query", {}, null),
    body: body(compiled.v1CollectionQuery_body as CompiledValidator),
    bodyRequired: true,
  },
};
