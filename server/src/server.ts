/**
 * Assembles and runs the server: storage -> core -> HTTP, plus graceful shutdown that stops
 * accepting requests, lets in-flight ones (and their writes) finish, then closes storage.
 */
import { pino } from "pino";
import { buildApp } from "./app.js";
import { loadCredentials } from "./auth/credentials.js";
import { isLoopback, type ServerConfig } from "./config.js";
import { Chroma } from "./core/chroma.js";
import { preloadCollections } from "./core/preload.js";
import { openStorage } from "./storage/open.js";

/** The upstream server version whose API we implement (what /version answers). */
export const API_VERSION = "1.0.0";

export async function startServer(config: ServerConfig): Promise<{ close(): Promise<void>; url: string }> {
  const logger = pino({ level: config.logLevel, name: "chromaspec" });
  const credentials = config.authCredentialsFile ? await loadCredentials(config.authCredentialsFile) : undefined;
  if (!credentials && !isLoopback(config.host) && !config.allowUnauthenticated) {
    throw new Error(
      `refusing to listen on ${config.host} without authentication: pass --auth-credentials <file>, or --allow-unauthenticated to expose an open server`,
    );
  }
  const storage = await openStorage(config.path, {
    ...config.maintenance,
    logger: logger.child({ component: "storage" }),
    replication: { readConsistencyIntervalMs: config.readConsistencyIntervalMs },
  });
  const chroma = new Chroma(storage, { allowReset: config.allowReset, maxBatchSize: config.maxBatchSize, version: API_VERSION });
  await chroma.init();
  const app = await buildApp(chroma, { logger, bodyLimit: config.bodyLimit, credentials });
  const url = await app.listen({ host: config.host, port: config.port });
  logger.info({ url, path: config.path, allowReset: config.allowReset, auth: credentials ? "token" : "off" }, "chromaspec listening");
  // Collections load into memory in the background (logged), one at a time.
  const preloaded = await preloadCollections(storage, logger.child({ component: "storage" }));
  logger.info({ collections: preloaded }, "loading collections into memory in the background");

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await app.close(); // stops accepting, waits for in-flight requests
      logger.debug("http closed");
      await chroma.drain();
      logger.debug("writes drained");
      await storage.close();
      logger.info("chromaspec stopped");
    })());

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      logger.info({ signal }, "shutting down");
      close().then(
        () => process.exit(0),
        (err) => {
          logger.error({ err }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
  return { close, url };
}
