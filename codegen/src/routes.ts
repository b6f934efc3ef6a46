/**
 * The route table: one entry per operation of openapi.yaml with exactly what the router reads
 * to register it on fastify and answer it (method, path, success statuses, each declared
 * status's media type). Request and response schemas live in the compiled validators and the
 * generated types, not here.
 */
import type { OperationInfo } from "./spec.js";
import { generatedHeader } from "./header.js";

export function renderRoutes(ops: OperationInfo[]): string {
  const lines: string[] = [
    generatedHeader(["Route table: one entry per operation, in spec order."]),
    "export type HttpMethod = \"GET\" | \"PUT\" | \"POST\" | \"DELETE\" | \"OPTIONS\" | \"HEAD\" | \"PATCH\" | \"TRACE\";",
    "",
    "export type OperationId =",
    ...ops.map((op, i) => `  | ${JSON.stringify(op.operationId)}${i === ops.length - 1 ? ";" : ""}`),
    "",
    "export interface RouteDefinition {",
    "  operationId: OperationId;",
    "  method: HttpMethod;",
    "  /** The OpenAPI path in fastify syntax, e.g. /api/v2/tenants/:tenant */",
    "  fastifyPath: string;",
    "  /** The operation's 2xx status codes, ascending. */",
    "  successStatus: readonly number[];",
    "  /** Media type of each declared response by status code (\"200\", \"404\", \"default\"); null: no body. */",
    "  responses: { readonly [status: string]: string | null };",
    "  /** A cheap status read clients repeat while they wait (x-chromaspec-status-poll): not foreground activity, so it does not hold background work back. */",
    "  statusPoll: boolean;",
    "}",
    "",
    "export const routes: readonly RouteDefinition[] = [",
  ];
  for (const op of ops) {
    const responses = Object.fromEntries(op.responses.map((r) => [r.code, r.mediaType]));
    lines.push(
      `  { operationId: ${JSON.stringify(op.operationId)}, method: ${JSON.stringify(op.method)}, fastifyPath: ${JSON.stringify(op.fastifyPath)}, ` +
        `successStatus: ${JSON.stringify(op.successStatus)}, responses: ${JSON.stringify(responses)}, statusPoll: ${op.statusPoll} },`,
    );
  }
  lines.push("];", "");
  return lines.join("\n");
}
