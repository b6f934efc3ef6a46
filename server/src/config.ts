/**
 * Server settings from flags and upstream's environment variables. Flags win over the
 * environment, which wins over defaults — the same precedence as upstream `chroma run`.
 */
export interface ServerConfig {
  /** Local directory or LanceDB object-store URI (s3://, gs://, az://). */
  path: string;
  host: string;
  port: number;
  allowReset: boolean;
  logLevel: string;
  maxBatchSize: number;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Token credentials file (YAML/JSON); authentication is off without one. */
  authCredentialsFile?: string;
  /** Bind a non-loopback address without authentication (refused otherwise). */
  allowUnauthenticated: boolean;
  /**
   * Replicas (docs/scaling.md): reads see what other processes serving the same path committed
   * at least this long ago (ms); 0 checks on every read.
   */
  readConsistencyIntervalMs: number;
  /** LanceDB table maintenance (compaction + version cleanup); storage defaults where absent. */
  maintenance: MaintenanceConfig;
}

/**
 * Tuning knobs of background table maintenance, from CHROMASPEC_OPTIMIZE_EVERY (writes between
 * runs), CHROMASPEC_RETAIN_VERSIONS_MS (how long old versions stay readable) and
 * CHROMASPEC_OPTIMIZE_IDLE_FACTOR (idle time after a run, as a multiple of its duration).
 */
export interface MaintenanceConfig {
  optimizeEvery?: number;
  retainVersionsMs?: number;
  optimizeIdleFactor?: number;
}

function maintenanceFrom(env: NodeJS.ProcessEnv): MaintenanceConfig {
  const out: MaintenanceConfig = {};
  const read = (name: string, key: keyof MaintenanceConfig, min: number) => {
    const text = env[name];
    if (text === undefined || text.trim() === "") return;
    const value = Number(text);
    if (!Number.isFinite(value) || value < min) throw new Error(`invalid ${name}: ${text} (a number >= ${min})`);
    out[key] = value;
  };
  read("CHROMASPEC_OPTIMIZE_EVERY", "optimizeEvery", 1);
  read("CHROMASPEC_RETAIN_VERSIONS_MS", "retainVersionsMs", 0);
  read("CHROMASPEC_OPTIMIZE_IDLE_FACTOR", "optimizeIdleFactor", 0);
  return out;
}

export interface FlagValues {
  path?: string;
  host?: string;
  port?: string | number;
  logLevel?: string;
  authCredentials?: string;
  allowUnauthenticated?: boolean;
  /** Seconds (decimals allowed). */
  readConsistencyInterval?: string | number;
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && ["1", "true", "yes", "on"].includes(value.trim().toLowerCase());
}

/** Upstream's limit: 5461 records per request (pre-flight max_batch_size). */
export const DEFAULT_MAX_BATCH_SIZE = 5461;

/**
 * Big enough for max_batch_size records of 4096-dimensional embeddings: as JSON numbers a float32
 * takes ~20 bytes (5461 x 4096 x 20 B is ~442 MB), as base64 (what chromadb@3 sends) ~119 MB.
 * 500 MiB stays under V8's longest string, which the JSON text must fit in.
 */
export const DEFAULT_BODY_LIMIT = 500 * 1024 * 1024;

/** Reads check for other replicas' commits at most once a second (LanceDB's own default for shared tables is similar). */
export const DEFAULT_READ_CONSISTENCY_INTERVAL_S = 1;

function seconds(text: string | number, what: string): number {
  const value = Number(text);
  if (String(text).trim() === "" || !Number.isFinite(value) || value < 0) throw new Error(`invalid ${what}: ${text} (seconds, 0 or more)`);
  return value;
}

export function resolveConfig(flags: FlagValues, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const portText = flags.port ?? env.CHROMA_PORT ?? "8000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${portText}`);
  return {
    path: flags.path ?? env.PERSIST_DIRECTORY ?? "./chroma_data",
    host: flags.host ?? env.CHROMA_HOST ?? "127.0.0.1",
    port,
    allowReset: truthy(env.ALLOW_RESET),
    logLevel: flags.logLevel ?? env.LOG_LEVEL ?? "info",
    maxBatchSize: Number(env.CHROMA_MAX_BATCH_SIZE ?? DEFAULT_MAX_BATCH_SIZE),
    bodyLimit: Number(env.CHROMA_MAX_BODY_BYTES ?? DEFAULT_BODY_LIMIT),
    authCredentialsFile: flags.authCredentials ?? env.CHROMA_SERVER_AUTHN_CREDENTIALS_FILE ?? undefined,
    allowUnauthenticated: flags.allowUnauthenticated ?? truthy(env.CHROMA_ALLOW_UNAUTHENTICATED),
    maintenance: maintenanceFrom(env),
    readConsistencyIntervalMs:
      seconds(flags.readConsistencyInterval ?? env.CHROMA_READ_CONSISTENCY_INTERVAL ?? DEFAULT_READ_CONSISTENCY_INTERVAL_S, "read consistency interval") * 1000,
  };
}

/** Loopback addresses: the only ones a server without authentication may bind by default. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
