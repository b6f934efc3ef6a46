/**
 * The request log: one line per answered request, written after the answer is sent (fastify's
 * onResponse), so logging never delays a reply. A line holds the method, the route template (never
 * the concrete URL: names there are the user's data), the operationId, the status, the duration in
 * milliseconds, the collection id when the route has one, and the trace id (also sent back as the
 * chroma-trace-id header). Never bodies, query strings or headers, so never tokens.
 *
 * Levels: 5xx at error, refused logins and forbidden requests (401/403) at warn, everything else at
 * info; the request log's own level (request_log_level) picks which appear.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Logger } from "pino";
import type { InternalRequests } from "./internal.js";
import type { AnyFastifyInstance } from "./router.js";

export interface RequestLine {
  trace_id: string;
  method: string;
  route: string;
  op?: string;
  status: number;
  ms: number;
  collection_id?: string;
}

/**
 * The matched route's config (operationId, template, and fastify's url). Read once per use:
 * fastify's `request.routeOptions` getter builds a new object (and checks the router's constraint
 * strategies) on every access, which showed in the per-request profile (issue 18).
 */
export function routeConfigOf(request: FastifyRequest): FastifyRequest["routeOptions"]["config"] | undefined {
  return request.routeOptions.config;
}

/** The route a request matched, as a template: the spec's for operations, fastify's for the rest. */
export function routeTemplateOf(request: FastifyRequest, config = routeConfigOf(request)): string {
  // fastify keeps the route's url in its config too (routeOptions.url is config.url).
  return config?.template ?? config?.url ?? "(no route)";
}

export function requestLine(request: FastifyRequest, reply: FastifyReply): RequestLine {
  const params = request.params as { collection_id?: unknown } | undefined;
  const config = routeConfigOf(request);
  const line: RequestLine = {
    trace_id: request.id,
    method: request.method,
    route: routeTemplateOf(request, config),
    status: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 100) / 100,
  };
  const op = config?.operationId;
  if (op) line.op = op;
  if (typeof params?.collection_id === "string") line.collection_id = params.collection_id;
  return line;
}

export function levelOf(status: number): "error" | "warn" | "info" {
  return status >= 500 ? "error" : status === 401 || status === 403 ? "warn" : "info";
}

/** Records one answered request (the request log's line, the metrics' counts). */
export type AnswerRecorder = (request: FastifyRequest, reply: FastifyReply) => void;

/**
 * One line per answered request, at the answer (onResponse). `unrouted` gets the recorder for
 * the answers no hook sees (app.ts frameworkErrors).
 */
export function registerAccessLog(app: AnyFastifyInstance, log: Logger, unrouted?: AnswerRecorder[], internal?: InternalRequests): void {
  if (log.level === "silent") return; // not even the hook
  const record: AnswerRecorder = (request, reply) => {
    const level = levelOf(reply.statusCode);
    if (log.isLevelEnabled(level)) log[level](requestLine(request, reply), "request");
  };
  app.addHook("onResponse", (request, reply, done) => {
    // The server's own requests (http/internal.ts) are not the operator's traffic.
    if (!internal?.has(request)) record(request, reply);
    done();
  });
  unrouted?.push(record);
}
