/** Builds the fastify app: the generated route table bound to the v1 and v2 faces of one core. */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from "fastify";
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
  });
  const handlers = createHandlers(chroma);
  const guarded = options.credentials ? guardHandlers(handlers, options.credentials, (id) => chroma.scopeOfCollection(id)) : handlers;
  await registerRoutes(app, withV1ErrorNames(guarded), { bodyLimit: options.bodyLimit });
  return app;
}
