/**
 * The `Handlers` interface: one method per operationId, its input and reply typed from the
 * openapi-typescript `operations` type, so a handler that drifts from openapi.yaml (or one that is
 * missing) fails `tsc`.
 */
import type { OperationInfo } from "./spec.js";
import { generatedHeader } from "./header.js";

function opRef(op: OperationInfo): string {
  return `operations[${JSON.stringify(op.operationId)}]`;
}

function queryType(op: OperationInfo): string {
  const query = op.parameters.filter((p) => p.in === "query");
  if (query.length === 0) return "EmptyObject";
  const base = `NonNullable<${opRef(op)}["parameters"]["query"]>`;
  // The router fills in schema defaults, so those keys are always present for the handler.
  const defaulted = query.filter((p) => typeof p.schema === "object" && "default" in p.schema).map((p) => JSON.stringify(p.name));
  return defaulted.length ? `WithDefaults<${base}, ${defaulted.join(" | ")}>` : base;
}

function bodyType(op: OperationInfo): string {
  if (op.body === null) return "undefined";
  if (op.bodyRequired) return `${opRef(op)}["requestBody"]["content"]["application/json"]`;
  return `NonNullable<${opRef(op)}["requestBody"]>["content"]["application/json"] | undefined`;
}

function replyType(op: OperationInfo): string {
  const variants = op.successStatus.map((status) => {
    const response = op.responses.find((r) => r.code === String(status))!;
    if (response.mediaType === null) return `{ status: ${status}; body?: undefined }`;
    return `{ status: ${status}; body: ${opRef(op)}["responses"][${status}]["content"][${JSON.stringify(response.mediaType)}] }`;
  });
  return variants.join(" | ");
}

export function renderHandlers(ops: OperationInfo[]): string {
  const lines: string[] = [
    generatedHeader(["Handlers interface: implement one method per operation; the router calls them."]),
    'import type { operations } from "./openapi.js";',
    'import type { OperationId } from "./routes.js";',
    "",
    "/** Credentials the router extracted from the request (Authorization: Bearer <t> or X-Chroma-Token). */",
    "export interface RequestAuth {",
    "  token?: string;",
    "}",
    "",
    "/**",
    " * What handlers throw for an error answer: the router sends `status` with",
    " * {\"error\": name, \"message\": message}. Anything thrown without a numeric 4xx/5xx `status` is a 500.",
    " */",
    "export interface HandlerError extends Error {",
    "  status: number;",
    "}",
    "",
    "export type EmptyObject = Record<string, never>;",
    "",
    "/** T with the keys K made required (the router applied their schema defaults). */",
    "export type WithDefaults<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: Exclude<T[P], undefined> };",
    "",
    "/** Per operation: its path params, query, body and the union of its 2xx replies. */",
    "export interface OperationTypes {",
  ];
  for (const op of ops) {
    const hasPath = op.parameters.some((p) => p.in === "path");
    lines.push(
      `  ${op.operationId}: {`,
      `    params: ${hasPath ? `${opRef(op)}["parameters"]["path"]` : "EmptyObject"};`,
      `    query: ${queryType(op)};`,
      `    body: ${bodyType(op)};`,
      `    reply: ${replyType(op)};`,
      "  };",
    );
  }
  lines.push(
    "}",
    "",
    "export interface HandlerInput<K extends OperationId> {",
    '  params: OperationTypes[K]["params"];',
    '  query: OperationTypes[K]["query"];',
    '  body: OperationTypes[K]["body"];',
    "  auth: RequestAuth;",
    "}",
    "",
    'export type HandlerReply<K extends OperationId> = OperationTypes[K]["reply"];',
    "",
    "/** One method per operationId of openapi.yaml; errors are thrown (see HandlerError), not returned. */",
    "export interface Handlers {",
  );
  for (const op of ops) {
    lines.push(
      `  /** ${op.method} ${op.path}${op.summary ? ` — ${op.summary.replace(/\*\//g, "*\\/")}` : ""} */`,
      `  ${op.operationId}(input: HandlerInput<${JSON.stringify(op.operationId)}>): Promise<HandlerReply<${JSON.stringify(op.operationId)}>>;`,
    );
  }
  lines.push("}", "");
  return lines.join("\n");
}
