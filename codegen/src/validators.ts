/**
 * Request validators compiled at codegen time: ajv (JSON Schema 2020-12 dialect) standalone code,
 * one function per operation and request piece (path params, querystring, body), plus a typed
 * wrapper that coerces query/path strings per schema and turns ajv errors into FastAPI-style
 * `detail` entries. Nothing is compiled when the server starts.
 */
import { createRequire } from "node:module";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { JsonSchema, OpenApiDocument, OperationInfo, ParameterInfo } from "./spec.js";
import { admittedTypes, componentsDocument, formatsUsed, itemsSchema, toJsonSchema, type PrimitiveType } from "./json-schema.js";
import { generatedHeader } from "./header.js";

const require = createRequire(import.meta.url);
// CommonJS packages whose default export NodeNext typing cannot see through; require() is exact.
const standaloneCode = require("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js").default;
const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;

export interface RenderedValidators {
  /** validators.ajv.ts: the raw ajv standalone module */
  compiled: string;
  /** validators.ts: typed per-operation wrapper */
  wrapper: string;
}

type Location = "params" | "query" | "body";

function exportName(op: OperationInfo, piece: Location): string {
  return `${op.operationId}_${piece}`;
}

function parametersSchema(params: ParameterInfo[], additional: boolean): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const p of params) properties[p.name] = toJsonSchema(p.schema);
  const required = params.filter((p) => p.required).map((p) => p.name);
  return {
    type: "object",
    properties,
    ...(required.length ? { required } : {}),
    // Unknown query parameters are ignored (as FastAPI and axum do); path params are exact anyway.
    ...(additional ? {} : { additionalProperties: false }),
  };
}

function buildAjv(doc: OpenApiDocument, ops: OperationInfo[]): { code: string; unknownFormats: string[] } {
  const ajv = new Ajv2020({
    code: { source: true, esm: true, lines: true },
    // strictSchema catches typos and stray OpenAPI keywords in openapi.yaml at codegen time;
    // the type/tuple/required checks are off because valid OpenAPI 3.1 schemas trip them.
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: false,
    coerceTypes: false,
    useDefaults: false,
  });
  addFormats(ajv);
  // Formats ajv-formats does not know are annotations only (OpenAPI allows any format string).
  const unknownFormats = [...formatsUsed(doc.components ?? {}), ...formatsUsed(doc.paths)]
    .filter((f) => !ajv.formats[f])
    .sort();
  for (const f of new Set(unknownFormats)) ajv.addFormat(f, true);

  ajv.addSchema(componentsDocument(doc));
  const exports: Record<string, string> = {};
  for (const op of ops) {
    const path = op.parameters.filter((p) => p.in === "path");
    const query = op.parameters.filter((p) => p.in === "query");
    const pieces: [Location, JsonSchema | null][] = [
      ["params", path.length ? parametersSchema(path, false) : null],
      ["query", query.length ? parametersSchema(query, true) : null],
      ["body", op.body === null ? null : toJsonSchema(op.body)],
    ];
    for (const [piece, schema] of pieces) {
      if (schema === null) continue;
      const id = `/op/${op.operationId}/${piece}`;
      const wrapped = typeof schema === "boolean" ? { $id: id, ...(schema ? {} : { not: {} }) } : { $id: id, ...schema };
      ajv.addSchema(wrapped);
      exports[exportName(op, piece)] = id;
    }
  }
  let code = standaloneCode(ajv, exports);
  // ESM standalone output still require()s ajv's runtime helpers and the format functions;
  // createRequire keeps exactly those semantics inside an ES module.
  code = code.replace(/\brequire\(/g, "__require(");
  return { code, unknownFormats: [...new Set(unknownFormats)] };
}

interface ParamRule {
  types: PrimitiveType[];
  items?: PrimitiveType[];
  default?: unknown;
}

function paramRules(doc: OpenApiDocument, params: ParameterInfo[]): Record<string, ParamRule> {
  const rules: Record<string, ParamRule> = {};
  for (const p of params) {
    const types = admittedTypes(doc, p.schema);
    const rule: ParamRule = { types };
    if (types.includes("array")) {
      const items = itemsSchema(doc, p.schema);
      if (items !== undefined) rule.items = admittedTypes(doc, items);
    }
    const schema = p.schema;
    if (typeof schema === "object" && "default" in schema) rule.default = schema.default;
    rules[p.name] = rule;
  }
  return rules;
}

const RUNTIME = String.raw`
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
`;

export function renderValidators(doc: OpenApiDocument, ops: OperationInfo[]): RenderedValidators {
  const { code, unknownFormats } = buildAjv(doc, ops);
  const compiled = [
    "// @ts-nocheck",
    generatedHeader([
      "ajv standalone validators (JSON Schema 2020-12), one per operation and request piece.",
      ...(unknownFormats.length ? [`formats treated as annotations only: ${unknownFormats.join(", ")}`] : []),
    ]),
    'import { createRequire } from "node:module";',
    "const __require = createRequire(import.meta.url);",
    code,
    "",
  ].join("\n");

  const entries = ops.map((op) => {
    const path = op.parameters.filter((p) => p.in === "path");
    const query = op.parameters.filter((p) => p.in === "query");
    const fn = (piece: Location) => `compiled.${exportName(op, piece)} as CompiledValidator`;
    return [
      `  ${op.operationId}: {`,
      `    params: parameters("path", ${JSON.stringify(paramRules(doc, path))}, ${path.length ? fn("params") : "null"}),`,
      `    query: parameters("query", ${JSON.stringify(paramRules(doc, query))}, ${query.length ? fn("query") : "null"}),`,
      `    body: ${op.body === null ? "null" : `body(${fn("body")})`},`,
      `    bodyRequired: ${op.bodyRequired},`,
      `  },`,
    ].join("\n");
  });

  const wrapper = [
    generatedHeader(["Typed request validation per operation, over the ajv code in validators.ajv.ts."]),
    'import * as compiled from "./validators.ajv.js";',
    'import type { OperationId } from "./routes.js";',
    RUNTIME,
    "export const validators: { readonly [K in OperationId]: OperationValidators } = {",
    ...entries,
    "};",
    "",
  ].join("\n");
  return { compiled, wrapper };
}
