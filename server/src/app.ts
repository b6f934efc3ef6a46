/**
 * Builds the fastify app: the generated route table bound to the v1 and v2 faces of one core, and
 * around it what an operator needs: trace ids, the request log, CORS, metrics, the API reference.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import type { Logger } from "pino";
import type { Credentials } from "./auth/credentials.js";
import { guardHandlers } from "./auth/guard.js";
import type { Chroma } from "./core/chroma.js";
import type { Handlers } from "./generated/handlers.js";
import { registerAccessLog, type AnswerRecorder } from "./http/access-log.js";
import { registerCors } from "./http/cors.js";
import { registerForeground } from "./http/foreground.js";
import { registerDocs } from "./http/docs.js";
import { registerLingeringClose } from "./http/lingering-close.js";
import { registerMetrics } from "./http/metrics.js";
import { lazyChildLoggerFactory } from "./http/request-logger.js";
import { registerRoutes } from "./http/router.js";
import { TRACE_HEADER, traceIdOf } from "./http/trace.js";
import { withV1ErrorNames } from "./http/v1-errors.js";
import { foreground, type ForegroundActivity } from "./util/foreground.js";
import type { InternalRequests } from "./http/internal.js";
import { v1Handlers } from "./http/v1.js";
import { v2Handlers } from "./http/v2.js";

export interface AppOptions {
  logger: Logger;
  bodyLimit: number;
  /** When given, every non-public operation needs a token that covers its tenant/database. */
  credentials?: Credentials;
  /** The request log (one line per request); none when absent. */
  requestLog?: Logger;
  /** Origins browsers may call from; none when empty or absent. */
  corsAllowOrigins?: string[];
  /** Serve GET /metrics; versions for its chromaspec_info. */
  metrics?: { version: string; apiVersion: string };
  /** Where requests are counted so background work waits for quiet; the process's `foreground` by default. */
  foreground?: ForegroundActivity;
  /** Requests the server sends itself (the query warm-up): answered by their own handlers, left out of the log, metrics and foreground. */
  internal?: InternalRequests;
}

export function createHandlers(chroma: Chroma): Handlers {
  return { ...v1Handlers(chroma), ...v2Handlers(chroma) };
}

/** A core's handlers as the router calls them (v1 error names), without the auth guard: what internal requests are answered by. */
export function internalHandlers(chroma: Chroma): Handlers {
  return withV1ErrorNames(createHandlers(chroma));
}

export async function buildApp(chroma: Chroma, options: AppOptions): Promise<FastifyInstance> {
  // Requests fastify cannot route (below) run no hook at all: the request log and the metrics
  // record them when their answer is sent.
  const unrouted: AnswerRecorder[] = [];
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimit,
    // fastify's own two lines per request are replaced by http/access-log.ts (one line, after the answer).
    // The request id is the trace id: it is on every log line of the request and in chroma-trace-id.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: "trace_id" }),
    genReqId: traceIdOf,
    // request.log is made when a request first logs (most never do): http/request-logger.ts.
    childLoggerFactory: lazyChildLoggerFactory,
    return503OnClosing: false, // answered below, in upstream's error shape
    // Names may be 512 characters (more once percent-encoded); fastify's default is 100.
    routerOptions: { maxParamLength: 4096 },
    // Requests fastify itself cannot route (e.g. a malformed percent-encoding) get the usual shape.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      reply.raw.once("finish", () => {
        for (const record of unrouted) record(request, reply);
      });
      void reply.code(400).header(TRACE_HEADER, request.id).send({ error: "InvalidArgumentError", message: `Invalid request: ${error.message}` });
    },
  });
  app.addHook("onRequest", (request, reply, done) => {
    reply.header(TRACE_HEADER, request.id);
    done();
  });
  registerForeground(app, options.foreground ?? foreground, options.internal);
  drainOnClose(app);
  registerLingeringClose(app);
  await registerCors(app, options.corsAllowOrigins ?? []);
  if (options.requestLog) registerAccessLog(app, options.requestLog, unrouted, options.internal);

  const handlers = createHandlers(chroma);
  const guarded = options.credentials ? guardHandlers(handlers, options.credentials, (id) => chroma.scopeOfCollection(id)) : handlers;
  await registerRoutes(app, withV1ErrorNames(guarded), { bodyLimit: options.bodyLimit, internal: options.internal });
  // After the API routes: these use the router's error handler (error shape, 401/403 for /metrics).
  if (options.metrics) registerMetrics(app, { chroma, credentials: options.credentials, ...options.metrics, unrouted, internal: options.internal });
  await registerDocs(app);
  return app;
}

/**
 * Graceful shutdown at the HTTP level: once closing, requests already being handled finish and
 * their answers close the connection (a keep-alive connection left open would hold close() up
 * until its timeout); requests that arrive later get a 503 in the usual error shape.
 */
function drainOnClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  // Callback hooks, not async ones: they run on every request, and an async hook costs a promise
  // and a microtask hop each time (issue 18: per-request overhead).
  app.addHook("onRequest", (_request, reply, done) => {
    if (!closing) return done();
    reply.header("connection", "close");
    // Answering from a hook ends the request here; done() is not called after a reply was sent.
    reply.code(503).send({ error: "ChromaError", message: "The server is shutting down" });
  });
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });
}
