/**
 * The operations of openapi.yaml as data: method, path template, parameters and request body
 * schema, with every $ref resolved. The security suites walk this list, so an operation added to
 * the spec is attacked (or the suite fails until someone says how) without editing the tests.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const SPEC_PATH = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../../openapi.yaml");

export type Schema = Record<string, unknown>;

export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: Schema;
  description: string;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  /** Path template, e.g. /api/v2/tenants/{tenant}. */
  path: string;
  parameters: SpecParameter[];
  /** Request body schema (application/json), or null when the operation takes none. */
  body: { required: boolean; schema: Schema } | null;
}

interface Doc {
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
}

/** Operations whose {collection_id} segment is a collection NAME (upstream reuses the template). */
export function addressesByName(op: SpecOperation): boolean {
  // A CRN (`tenant:database:collection`) names the collection too.
  return op.parameters.some((p) => (p.name === "collection_id" && /\bNAME\b/.test(p.description)) || p.name === "crn");
}

let cached: { doc: Doc; operations: SpecOperation[] } | undefined;

export function loadSpec(): { doc: Doc; operations: SpecOperation[] } {
  if (cached) return cached;
  const doc = parse(readFileSync(SPEC_PATH, "utf8")) as Doc;
  const operations: SpecOperation[] = [];
  const methods = ["get", "put", "post", "delete", "patch"];
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared = ((item.parameters as unknown[]) ?? []).map((p) => deref(doc, p) as Record<string, unknown>);
    for (const method of methods) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const own = ((op.parameters as unknown[]) ?? []).map((p) => deref(doc, p) as Record<string, unknown>);
      const byKey = new Map<string, Record<string, unknown>>();
      for (const p of [...shared, ...own]) byKey.set(`${p.in}:${p.name}`, p);
      const parameters = [...byKey.values()].map((p) => ({
        name: p.name as string,
        in: p.in as SpecParameter["in"],
        required: p.required === true,
        schema: resolveSchema(doc, p.schema ?? {}) as Schema,
        description: typeof p.description === "string" ? p.description : "",
      }));
      let body: SpecOperation["body"] = null;
      if (op.requestBody) {
        const rb = deref(doc, op.requestBody) as { required?: boolean; content?: Record<string, { schema?: unknown }> };
        const schema = rb.content?.["application/json"]?.schema;
        if (schema !== undefined) body = { required: rb.required === true, schema: resolveSchema(doc, schema) as Schema };
      }
      operations.push({ operationId: op.operationId as string, method: method.toUpperCase(), path, parameters, body });
    }
  }
  cached = { doc, operations };
  return cached;
}

function lookup(doc: Doc, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`external $ref not supported: ${ref}`);
  let node: unknown = doc;
  for (const part of ref.slice(2).split("/")) node = (node as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  return node;
}

function deref(doc: Doc, node: unknown): unknown {
  let n = node;
  while (n && typeof n === "object" && typeof (n as { $ref?: unknown }).$ref === "string") n = lookup(doc, (n as { $ref: string }).$ref);
  return n;
}

/**
 * Resolves $refs inside a schema. Recursive schemas (Where refers to itself) become cyclic object
 * graphs: one shared object per $ref target, so walkers must bound their depth.
 */
function resolveSchema(doc: Doc, schema: unknown, memo = new Map<string, unknown>()): unknown {
  if (Array.isArray(schema)) return schema.map((s) => resolveSchema(doc, s, memo));
  if (!schema || typeof schema !== "object") return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === "string") {
    const hit = memo.get(ref);
    if (hit) return hit;
    const target: Record<string, unknown> = {};
    memo.set(ref, target);
    Object.assign(target, resolveSchema(doc, lookup(doc, ref), memo));
    return target;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === "example" || k === "examples" ? v : resolveSchema(doc, v, memo);
  return out;
}
