/**
 * Loads openapi.yaml and flattens it into the list of operations every generator works from.
 * All $refs to components (parameters, request bodies, responses) are resolved here so the
 * generators only ever see schema-level $refs (#/components/schemas/...).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export type JsonSchema = Record<string, unknown> | boolean;

export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, unknown>>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    parameters?: Record<string, unknown>;
    requestBodies?: Record<string, unknown>;
    responses?: Record<string, unknown>;
  };
  [key: string]: unknown;
}

export interface ParameterInfo {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: JsonSchema;
}

export interface ResponseInfo {
  /** "200", "201", "4XX", "default", ... exactly as the spec writes it */
  code: string;
  /** application/json when offered, else the first declared media type; null when there is no body */
  mediaType: string | null;
  schema: JsonSchema | null;
}

export interface OperationInfo {
  operationId: string;
  /** Upper-case HTTP method */
  method: HttpMethod;
  /** OpenAPI path template, e.g. /api/v2/tenants/{tenant} */
  path: string;
  /** Same path in fastify/find-my-way syntax, e.g. /api/v2/tenants/:tenant */
  fastifyPath: string;
  summary: string | undefined;
  parameters: ParameterInfo[];
  /** application/json request body schema, null when the operation takes no body */
  body: JsonSchema | null;
  bodyRequired: boolean;
  responses: ResponseInfo[];
  /** Numeric 2xx codes, ascending */
  successStatus: number[];
  /** `x-chromaspec-status-poll: true`: a cheap status read clients repeat while they wait; it does not hold background work back. */
  statusPoll: boolean;
}

/** Operation extension marking a status poll (see OperationInfo.statusPoll). */
export const STATUS_POLL = "x-chromaspec-status-poll";

export const HTTP_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function loadSpec(file: string): OpenApiDocument {
  const doc = parse(readFileSync(file, "utf8")) as OpenApiDocument;
  if (!doc || typeof doc !== "object" || typeof doc.openapi !== "string") {
    throw new Error(`${file}: not an OpenAPI document (no "openapi" field)`);
  }
  if (!doc.openapi.startsWith("3.1")) {
    // The validators rely on schemas being JSON Schema 2020-12, which only 3.1 guarantees.
    throw new Error(`${file}: OpenAPI ${doc.openapi} is not supported, codegen needs 3.1.x`);
  }
  if (!doc.paths || typeof doc.paths !== "object") throw new Error(`${file}: no paths`);
  return doc;
}

/** Follows a local "#/a/b/c" reference inside the document. */
export function resolvePointer(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported, got ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object" || !(key in (node as object))) {
      throw new Error(`unresolvable $ref ${ref}`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Resolves a component-level $ref (parameter, requestBody, response), possibly chained. */
function deref<T>(doc: OpenApiDocument, value: unknown): T {
  let node = value;
  for (let hops = 0; node && typeof node === "object" && "$ref" in node; hops++) {
    if (hops > 20) throw new Error("$ref cycle");
    node = resolvePointer(doc, String((node as { $ref: unknown }).$ref));
  }
  return node as T;
}

export function toFastifyPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => `:${name}`);
}

function jsonSchemaOf(content: unknown, where: string): JsonSchema | null {
  if (!content || typeof content !== "object") return null;
  const media = content as Record<string, { schema?: JsonSchema }>;
  const json = media["application/json"];
  if (!json) {
    const types = Object.keys(media);
    if (types.length > 0) throw new Error(`${where}: only application/json content is supported, got ${types.join(", ")}`);
    return null;
  }
  return json.schema ?? {};
}

export function collectOperations(doc: OpenApiDocument): OperationInfo[] {
  const ops: OperationInfo[] = [];
  const seen = new Map<string, string>();
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = deref<Record<string, unknown>>(doc, rawItem);
    const shared = (item.parameters as unknown[] | undefined) ?? [];
    for (const method of HTTP_METHODS) {
      const op = item[method.toLowerCase()] as Record<string, unknown> | undefined;
      if (!op) continue;
      const where = `${method} ${path}`;
      const operationId = op.operationId;
      if (typeof operationId !== "string" || !/^[A-Za-z_$][\w$]*$/.test(operationId)) {
        throw new Error(`${where}: operationId must be a valid identifier, got ${JSON.stringify(operationId)}`);
      }
      if (seen.has(operationId)) throw new Error(`${where}: duplicate operationId ${operationId} (also ${seen.get(operationId)})`);
      seen.set(operationId, where);

      // Operation-level parameters override path-level ones with the same name+location.
      const byKey = new Map<string, ParameterInfo>();
      for (const raw of [...shared, ...((op.parameters as unknown[] | undefined) ?? [])]) {
        const p = deref<Record<string, unknown>>(doc, raw);
        const info: ParameterInfo = {
          name: String(p.name),
          in: p.in as ParameterInfo["in"],
          required: p.in === "path" ? true : p.required === true,
          schema: (p.schema as JsonSchema | undefined) ?? {},
        };
        byKey.set(`${info.in}:${info.name}`, info);
      }
      const parameters = [...byKey.values()];
      const templateNames = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = parameters.filter((p) => p.in === "path").map((p) => p.name);
      for (const name of templateNames) {
        if (!declared.includes(name)) throw new Error(`${where}: path parameter {${name}} is not declared`);
      }
      for (const name of declared) {
        if (!templateNames.includes(name)) throw new Error(`${where}: path parameter ${name} is not in the path template`);
      }

      let body: JsonSchema | null = null;
      let bodyRequired = false;
      if (op.requestBody) {
        const rb = deref<Record<string, unknown>>(doc, op.requestBody);
        body = jsonSchemaOf(rb.content, `${where} requestBody`);
        bodyRequired = body !== null && rb.required === true;
      }

      const responses: ResponseInfo[] = [];
      for (const [code, rawResp] of Object.entries((op.responses as Record<string, unknown> | undefined) ?? {})) {
        const resp = deref<Record<string, unknown>>(doc, rawResp);
        const content = (resp.content as Record<string, { schema?: JsonSchema }> | undefined) ?? {};
        const mediaType = "application/json" in content ? "application/json" : (Object.keys(content)[0] ?? null);
        responses.push({ code, mediaType, schema: mediaType ? (content[mediaType].schema ?? {}) : null });
      }
      const successStatus = responses
        .map((r) => r.code)
        .filter((c) => /^2\d\d$/.test(c))
        .map(Number)
        .sort((a, b) => a - b);
      if (successStatus.length === 0) throw new Error(`${where}: no 2xx response declared`);

      ops.push({
        operationId,
        method,
        path,
        fastifyPath: toFastifyPath(path),
        summary: typeof op.summary === "string" ? op.summary : undefined,
        parameters,
        body,
        bodyRequired,
        responses,
        successStatus,
        statusPoll: op[STATUS_POLL] === true,
      });
    }
  }
  return ops;
}
