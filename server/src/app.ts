/** Builds the fastify app: the generated route table bound to the v1 and v2 faces of one core. */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import type { Logger } from "pino";
import type { Credentials } from "./auth/credentials.js";
import { guardHandlers } from "./auth/guard.js";
import type { Chroma } from "./core/chroma.js";
import type { Handlers } from "./generated/handlers.js";
import { registerRoutes } from "./http/router.js";
import { withV1ErrorNames } from "./http/v1-errors.js";
import { v1Handlers } from "./http/v1.js";
import { v2Handlers } from "./http/v2.js";

export interface AppOptions {
  logger: Logger;
  bodyLimit: number;
  /** When given, every non-public operation needs a token that covers its tenant/database. */
  credentials?: Credentials;
}

export function createHandlers(chroma: Chroma): Handlers {
  return { ...v1Handlers(chroma), ...v2Handlers(chroma) };
}

export async function buildApp(chroma: Chroma, options: AppOptions): Promise<FastifyInstance> {
  // Per-request access logs cost more than a small request itself; errors are still logged.
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimit,
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: false, // answered below, in upstream's error shape
    // Names may be 512 characters (more once percent-encoded); fastify's default is 100.
    routerOptions: { maxParamLength: 4096 },
    // Requests fastify itself cannot route (e.g. a malformed percent-encoding) get the usual shape.
    frameworkErrors: (error: FastifyError, _request: unknown, reply: FastifyReply) => {
      void reply.code(400).send({ error: "InvalidArgumentError", message: `Invalid request: ${error.message}` });
    },
  });
  drainOnClose(app);
  const handlers = createHandlers(chroma);
  const guarded = options.credentials ? guardHandlers(handlers, options.credentials, (id) => chroma.scopeOfCollection(id)) : handlers;
  await registerRoutes(app, withV1ErrorNames(guarded), { bodyLimit: options.bodyLimit });
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
  app.addHook("onRequest", async (_request, reply) => {
    if (!closing) return;
    reply.header("connection", "close");
    await reply.code(503).send({ error: "ChromaError", message: "The server is shutting down" });
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    if (closing) reply.header("connection", "close");
    return payload;
  });
}
