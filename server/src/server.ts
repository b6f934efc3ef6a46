/**
 * Assembles and runs the server: checks -> storage -> core -> HTTP, plus graceful shutdown that
 * stops accepting requests, lets in-flight ones (and their writes) finish, then closes storage.
 *
 * Nothing is created before every check passed (settings, credentials, the bind policy, the data
 * path, the port); each failed check is a StartupError, one line for the CLI to print.
 */
import type { Logger } from "pino";
import { buildApp } from "./app.js";
import { loadCredentials, type Credentials } from "./auth/credentials.js";
import { isLoopback, unreadableFile, type ResolvedConfig } from "./config.js";
import { Chroma } from "./core/chroma.js";
import { preloadCollections } from "./core/preload.js";
import { createLoggers } from "./log.js";
import { checkDataPath, checkPort, listenFailure, localPathOf, StartupError } from "./startup/preflight.js";
import { openStorage } from "./storage/open.js";
import { API_VERSION, PACKAGE_VERSION } from "./version.js";
import { errorText } from "./storage/error-text.js";
import { startQueryWarmUp } from "./startup/warm-up.js";
import { InternalRequests } from "./http/internal.js";

export { API_VERSION } from "./version.js";

export interface RunningServer {
  close(): Promise<void>;
  url: string;
  logger: Logger;
}

async function credentialsFrom(file: string): Promise<Credentials> {
  try {
    return await loadCredentials(file);
  } catch (err) {
    const why = unreadableFile(err) ?? (err as Error).message.split("\n")[0].replace(/^credentials: /, "");
    throw new StartupError(`auth credentials file ${file}: ${why} (--auth-credentials, auth_credentials_file)`);
  }
}

/** Native (LanceDB) open errors carry Rust source paths and debug dumps: one line, without them. */
function openFailure(path: string, err: unknown): StartupError {
  return new StartupError(`cannot open the data at ${path}: ${errorText(err)}`);
}

/** The URL a person on this machine would open (wildcard addresses are not browsable). */
function browsableUrl(host: string, port: number): string {
  const name = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

export async function startServer(resolved: ResolvedConfig): Promise<RunningServer> {
  const { config } = resolved;
  const { logger, requestLog } = await createLoggers({ level: config.logLevel, requestLevel: config.requestLogLevel, format: config.logFormat });
  if (resolved.ignored.length > 0) {
    logger.warn({ file: resolved.file, ignored: resolved.ignored }, `config file settings that do not apply to chromaspec were ignored: ${resolved.ignored.join(", ")}`);
  }
  const credentials = config.authCredentialsFile ? await credentialsFrom(config.authCredentialsFile) : undefined;
  if (!credentials && !isLoopback(config.host) && !config.allowUnauthenticated) {
    throw new StartupError(
      `refusing to listen on ${config.host} without authentication: pass --auth-credentials <file>, or --allow-unauthenticated to expose an open server`,
    );
  }
  await checkDataPath(config.path);
  await checkPort(config.host, config.port);

  const storageLog = logger.child({ component: "storage" });
  const memoryOptions = { quantized: config.quantizedSearch, onWarning: (message: string) => storageLog.warn(message) };
  let storage;
  try {
    // Storage's own warnings (a failed background optimize, an ANN index fallback) go to the log too.
    storage = await openStorage(config.path, {
      optimizeEvery: config.optimizeEvery,
      retainVersionsMs: config.retainVersionsMs,
      optimizeIdleFactor: config.optimizeIdleFactor,
      indexCacheBytes: config.lanceIndexCacheBytes,
      metadataCacheBytes: config.lanceMetadataCacheBytes,
      logger: storageLog,
      replication: { readConsistencyIntervalMs: config.readConsistencyIntervalMs },
      onBackgroundError: (error, table) => storageLog.warn({ table, error }, `background maintenance of LanceDB table ${table} failed (requests are not affected)`),
      onBackgroundRun: (table, run) => storageLog.debug({ table, ...run }, "background maintenance of a LanceDB table ran"),
      memory: memoryOptions,
    });
  } catch (err) {
    logger.debug({ err }, "opening storage failed");
    throw openFailure(config.path, err);
  }
  const chroma = new Chroma(storage, { allowReset: config.allowReset, maxBatchSize: config.maxBatchSize, version: API_VERSION });
  await chroma.init();
  const internal = new InternalRequests();
  const app = await buildApp(chroma, {
    internal,
    logger,
    requestLog,
    bodyLimit: config.bodyLimit,
    credentials,
    corsAllowOrigins: config.corsAllowOrigins,
    metrics: config.metrics ? { version: PACKAGE_VERSION, apiVersion: API_VERSION } : undefined,
  });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    // The port was free a moment ago; someone took it since.
    await storage.close();
    throw listenFailure(err, config.host, config.port);
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = browsableUrl(config.host, port);

  logger.info(
    {
      version: PACKAGE_VERSION,
      api: API_VERSION,
      url,
      listen: `${config.host}:${port}`,
      path: localPathOf(config.path) ?? config.path,
      auth: credentials ? "token" : "off",
      allow_reset: config.allowReset,
      cors: config.corsAllowOrigins.length > 0 ? config.corsAllowOrigins.join(",") : "off",
      metrics: config.metrics ? `${url}/metrics${credentials ? " (admin token)" : ""}` : "off",
      docs: `${url}/docs`,
      config: resolved.file,
    },
    `chromaspec listening on ${url} — API reference: ${url}/docs`,
  );
  logger.flush(); // the banner now, not with the next batch of request lines
  // Collections load into memory in the background (logged), one at a time.
  const preloaded = await preloadCollections(storage, storageLog);
  storageLog.info({ collections: preloaded }, "loading collections into memory in the background");
  // Once, in the first quiet period (the wait through a load's indexing, or right after a restart).
  const warmUp = config.warmUp ? startQueryWarmUp({ internal, port, host: config.host, memory: { quantized: memoryOptions.quantized }, log: logger.child({ component: "warm-up" }) }) : null;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await warmUp?.stop();
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
  return { close, url, logger };
}
