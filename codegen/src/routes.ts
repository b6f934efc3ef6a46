/**
 * The route table: one entry per operation of openapi.yaml with everything the router needs to
 * register it on fastify and everything a test needs to reason about it (schemas as in the spec,
 * component $refs intact; `componentSchemas` resolves them).
 */
import type { OpenApiDocument, OperationInfo } from "./spec.js";
import { generatedHeader } from "./header.js";

function json(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

export function renderRoutes(doc: OpenApiDocument, ops: OperationInfo[]): string {
  const lines: string[] = [
    generatedHeader(["Route table: one entry per operation, in spec order."]),
    "export type HttpMethod = \"GET\" | \"PUT\" | \"POST\" | \"DELETE\" | \"OPTIONS\" | \"HEAD\" | \"PATCH\" | \"TRACE\";",
    "",
    "/** A JSON Schema (OpenAPI 3.1 dialect) exactly as written in openapi.yaml. */",
    "export type JsonSchema = { [key: string]: unknown } | boolean;",
    "",
    "export type OperationId =",
    ...ops.map((op, i) => `  | ${JSON.stringify(op.operationId)}${i === ops.length - 1 ? ";" : ""}`),
    "",
    "export interface RouteDefinition {",
    "  operationId: OperationId;",
    "  method: HttpMethod;",
    "  /** OpenAPI path template, e.g. /api/v2/tenants/{tenant} */",
    "  path: string;",
    "  /** The same path in fastify syntax, e.g. /api/v2/tenants/:tenant */",
    "  fastifyPath: string;",
    "  summary: string | null;",
    "  /** The operation's 2xx status codes, ascending. */",
    "  successStatus: readonly number[];",
    "  request: {",
    "    /** Object schema of the path parameters, null when there are none. */",
    "    params: JsonSchema | null;",
    "    /** Object schema of the query parameters, null when there are none. */",
    "    querystring: JsonSchema | null;",
    "    /** application/json request body schema, null when the operation takes no body. */",
    "    body: JsonSchema | null;",
    "    bodyRequired: boolean;",
    "  };",
    "  /** Response schemas by status code as written in the spec (\"200\", \"404\", \"default\"). */",
    "  responses: { readonly [status: string]: { mediaType: string | null; schema: JsonSchema | null } };",
    "}",
    "",
    "export const routes: readonly RouteDefinition[] = [",
  ];
  const ind = "    ";
  for (const op of ops) {
    const pieces = (where: "path" | "query") => {
      const ps = op.parameters.filter((p) => p.in === where);
      if (ps.length === 0) return null;
      const required = ps.filter((p) => p.required).map((p) => p.name);
      return {
        type: "object",
        properties: Object.fromEntries(ps.map((p) => [p.name, p.schema])),
        ...(required.length ? { required } : {}),
      };
    };
    const responses = Object.fromEntries(op.responses.map((r) => [r.code, { mediaType: r.mediaType, schema: r.schema }]));
    lines.push(
      "  {",
      `${ind}operationId: ${JSON.stringify(op.operationId)},`,
      `${ind}method: ${JSON.stringify(op.method)},`,
      `${ind}path: ${JSON.stringify(op.path)},`,
      `${ind}fastifyPath: ${JSON.stringify(op.fastifyPath)},`,
      `${ind}summary: ${JSON.stringify(op.summary ?? null)},`,
      `${ind}successStatus: ${JSON.stringify(op.successStatus)},`,
      `${ind}request: {`,
      `${ind}  params: ${json(pieces("path"), ind + "  ")},`,
      `${ind}  querystring: ${json(pieces("query"), ind + "  ")},`,
      `${ind}  body: ${json(op.body, ind + "  ")},`,
      `${ind}  bodyRequired: ${op.bodyRequired},`,
      `${ind}},`,
      `${ind}responses: ${json(responses, ind)},`,
      "  },",
    );
  }
  lines.push(
    "];",
    "",
    "/** components/schemas of openapi.yaml, for resolving the `#/components/schemas/...` refs above. */",
    `export const componentSchemas: { readonly [name: string]: JsonSchema } = ${json(doc.components?.schemas ?? {}, "")};`,
    "",
  );
  return lines.join("\n");
}
