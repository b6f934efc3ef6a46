/**
 * Server settings: one table (SETTINGS) says, for each setting, its config-file key (upstream
 * Chroma's key where upstream has one: rust/frontend/src/config.rs, FrontendServerConfig), its
 * command-line flag, its environment variables (upstream's `CHROMA_<KEY>` first, then the names
 * older chromadb servers and earlier chromaspec releases read), its default and its parser.
 *
 * Precedence: flag > environment > config file > default. (Upstream lets the environment override
 * the file too; flags are ours, since upstream refuses flags next to a config file.)
 * Every invalid value is refused with one line naming the setting and where the value came from.
 */
import { Option } from "commander";
import { readFileSync, statSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { MAINTENANCE_DEFAULTS } from "./storage/lance/database.js";
import { LANCE_CACHE_DEFAULTS } from "./storage/lance/session.js";

export type LogFormat = "auto" | "pretty" | "json";

export interface ServerConfig {
  /** Local directory or LanceDB object-store URI (s3://, gs://, az://). */
  path: string;
  host: string;
  port: number;
  allowReset: boolean;
  /** Level of the server's own log (start-up, errors, shutdown). */
  logLevel: string;
  /** Level of the request log: every request at info, refused logins at warn, 5xx at error. */
  requestLogLevel: string;
  /** pretty = human-readable (pino-pretty), json = one JSON object per line, auto = pretty on a terminal. */
  logFormat: LogFormat;
  maxBatchSize: number;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  /** Origins a browser may call from (CORS); empty = none, "*" = any. */
  corsAllowOrigins: string[];
  /** GET /metrics (Prometheus). With authentication on, it needs an admin token. */
  metrics: boolean;
  /** Token credentials file (YAML/JSON); authentication is off without one. */
  authCredentialsFile?: string;
  /** Bind a non-loopback address without authentication (refused otherwise). */
  allowUnauthenticated: boolean;
  /** LanceDB table maintenance (compaction + version cleanup): writes to a table between runs. */
  optimizeEvery: number;
  /** How long superseded table versions stay readable (ms) before maintenance deletes them. */
  retainVersionsMs: number;
  /** After a maintenance run of d ms the table's next run waits d x this. */
  optimizeIdleFactor: number;
  /** Bound of LanceDB's index cache (scalar index pages), bytes. */
  lanceIndexCacheBytes: number;
  /** Bound of LanceDB's metadata cache (table manifests, file and fragment metadata), bytes. */
  lanceMetadataCacheBytes: number;
  /**
   * Replicas (docs/scaling.md): reads see what other processes serving the same path committed
   * at least this long ago (ms); 0 checks on every read.
   */
  readConsistencyIntervalMs: number;
  /**
   * Graph searches traverse int8 copies of the vectors and re-rank their best candidates with the
   * exact distance: about half the CPU per search, for dim + 8 bytes more memory per graph node.
   */
  quantizedSearch: boolean;
  /**
   * Warm the query route once, while the server is quiet, by querying a scratch instance of
   * itself (startup/warm-up.ts), so the first real queries after a load or a restart do not run
   * cold JavaScript.
   */
  warmUp: boolean;
}

/** Upstream's limit: 5461 records per request (pre-flight max_batch_size). */
export const DEFAULT_MAX_BATCH_SIZE = 5461;

/**
 * Big enough for max_batch_size records of 4096-dimensional embeddings: as JSON numbers a float32
 * takes ~20 bytes (5461 x 4096 x 20 B is ~442 MB), as base64 (what chromadb@3 sends) ~119 MB.
 * 500 MiB stays under V8's longest string, which the JSON text must fit in. (Upstream's default
 * max_payload_size_bytes is 40 MB, which a full batch of large embeddings exceeds.)
 */
export const DEFAULT_BODY_LIMIT = 500 * 1024 * 1024;

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** A value that cannot be used: the message is the whole line the CLI prints. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Where a value came from, for error messages and `chromaspec config`. */
export type Source = { kind: "flag"; name: string } | { kind: "env"; name: string } | { kind: "file"; name: string } | { kind: "default" };

export function describeSource(source: Source): string {
  switch (source.kind) {
    case "flag":
      return `flag ${source.name}`;
    case "env":
      return `environment variable ${source.name}`;
    case "file":
      return `config file ${source.name}`;
    case "default":
      return "default";
  }
}

interface SettingSpec<K extends keyof ServerConfig> {
  /** Key in the config file (upstream's key where it has one). */
  key: string;
  field: K;
  /** Commander flag, e.g. "--port <port>"; a boolean setting's flag takes no value and has a --no- twin. */
  flag: string;
  env: string[];
  default: ServerConfig[K];
  help: string;
  /** File values arrive typed (YAML); flag and environment values as strings. Throws with the reason. */
  parse(value: unknown): ServerConfig[K];
  show?(value: ServerConfig[K]): string;
}

interface Setting<K extends keyof ServerConfig> extends SettingSpec<K> {
  /** Commander's camelCase name of the flag's value, as `flag` gives it. */
  flagName: string;
}

function fail(reason: string): never {
  throw new Error(reason);
}

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return fail(`expected a string, got ${JSON.stringify(value)}`);
}

function nonEmpty(value: unknown): string {
  const s = text(value).trim();
  return s === "" ? fail("must not be empty") : s;
}

function bool(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  const s = text(value).trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(s)) return true;
  if (["0", "false", "no", "off"].includes(s)) return false;
  return fail(`${JSON.stringify(value)} is not a boolean (true/false, yes/no, on/off, 1/0)`);
}

function integer(min: number, max: number, what: string): (value: unknown) => number {
  return (value) => {
    const s = typeof value === "number" ? String(value) : text(value).trim();
    const n = /^\d+$/.test(s) ? Number(s) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) fail(`${JSON.stringify(value)} is not ${what} (an integer from ${min} to ${max})`);
    return n;
  };
}

/** Reads check for other replicas' commits at most once a second (LanceDB's own default for shared tables is similar). */
export const DEFAULT_READ_CONSISTENCY_INTERVAL_S = 1;

function atLeast(min: number): (value: unknown) => number {
  return (value) => {
    const s = typeof value === "number" ? String(value) : text(value).trim();
    const n = s === "" ? NaN : Number(s);
    return Number.isFinite(n) && n >= min ? n : fail(`${JSON.stringify(value)} is not a number >= ${min}`);
  };
}

function oneOf<T extends string>(choices: readonly T[]): (value: unknown) => T {
  return (value) => {
    const s = text(value).trim().toLowerCase() as T;
    return choices.includes(s) ? s : fail(`${JSON.stringify(value)} is not one of ${choices.join(", ")}`);
  };
}

/** A list: a YAML sequence, a JSON array (upstream's env form), or comma-separated text. */
function origins(value: unknown): string[] {
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else {
    const s = text(value).trim();
    if (s.startsWith("[")) {
      try {
        items = JSON.parse(s) as unknown[];
      } catch {
        return fail(`${s} is not a JSON list of origins`);
      }
      if (!Array.isArray(items)) fail(`${s} is not a JSON list of origins`);
    } else items = s === "" ? [] : s.split(",");
  }
  const given = items.map((item) => text(item).trim()).filter((o) => o !== "");
  return given.map((origin) => {
    if (origin === "*") return origin;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return fail(`${JSON.stringify(origin)} is not an origin (scheme://host[:port], or *)`);
    }
    if (url.origin !== origin.replace(/\/$/, "")) fail(`${JSON.stringify(origin)} is not an origin (scheme://host[:port] only, no path), did you mean ${url.origin}?`);
    return url.origin;
  });
}

const setting = <K extends keyof ServerConfig>(s: SettingSpec<K>) =>
  ({ ...s, flagName: new Option(s.flag).attributeName() }) as unknown as Setting<keyof ServerConfig>;

/** Every setting, in the order `--help` lists them. */
export const SETTINGS: Setting<keyof ServerConfig>[] = [
  setting({
    key: "persist_path", field: "path", flag: "--path <path>", env: ["CHROMA_PERSIST_PATH", "PERSIST_DIRECTORY"],
    default: "./chroma_data", help: "data directory, or a LanceDB object-store URI (s3://, gs://, az://)", parse: nonEmpty,
  }),
  setting({
    key: "listen_address", field: "host", flag: "--host <address>", env: ["CHROMA_LISTEN_ADDRESS", "CHROMA_HOST"],
    default: "127.0.0.1", help: "address to listen on (a non-loopback one needs authentication or --allow-unauthenticated)", parse: nonEmpty,
  }),
  setting({
    key: "port", field: "port", flag: "--port <port>", env: ["CHROMA_PORT"],
    default: 8000, help: "TCP port (0 = any free port)", parse: integer(0, 65535, "a port number"),
  }),
  setting({
    key: "allow_reset", field: "allowReset", flag: "--allow-reset", env: ["CHROMA_ALLOW_RESET", "ALLOW_RESET"],
    default: false, help: "allow POST /api/v2/reset, which deletes everything", parse: bool,
  }),
  setting({
    key: "cors_allow_origins", field: "corsAllowOrigins", flag: "--cors-allow-origins <origins>",
    env: ["CHROMA_CORS_ALLOW_ORIGINS", "CHROMA_SERVER_CORS_ALLOW_ORIGINS"],
    default: [], help: "origins browsers may call from, comma-separated (or a JSON list); * allows any", parse: origins,
    show: (v) => (v.length === 0 ? "none" : v.join(",")),
  }),
  setting({
    key: "max_payload_size_bytes", field: "bodyLimit", flag: "--max-payload-size-bytes <bytes>",
    env: ["CHROMA_MAX_PAYLOAD_SIZE_BYTES", "CHROMA_MAX_BODY_BYTES"],
    default: DEFAULT_BODY_LIMIT, help: "largest request body; bigger ones get 413", parse: integer(1, DEFAULT_BODY_LIMIT, "a size in bytes"),
  }),
  setting({
    key: "max_batch_size", field: "maxBatchSize", flag: "--max-batch-size <records>", env: ["CHROMA_MAX_BATCH_SIZE"],
    default: DEFAULT_MAX_BATCH_SIZE, help: "most records per write, advertised by pre-flight-checks", parse: integer(1, 1_000_000, "a record count"),
  }),
  setting({
    key: "log_level", field: "logLevel", flag: "--log-level <level>", env: ["CHROMA_LOG_LEVEL", "LOG_LEVEL"],
    default: "info", help: `server log level: ${LOG_LEVELS.join(", ")}`, parse: oneOf(LOG_LEVELS),
  }),
  setting({
    key: "request_log_level", field: "requestLogLevel", flag: "--request-log-level <level>", env: ["CHROMA_REQUEST_LOG_LEVEL"],
    default: "info", help: "request log level: info logs every request, warn only refused logins and errors, silent none", parse: oneOf(LOG_LEVELS),
  }),
  setting({
    key: "log_format", field: "logFormat", flag: "--log-format <format>", env: ["CHROMA_LOG_FORMAT"],
    default: "auto", help: "pretty, json, or auto (pretty when stdout is a terminal)", parse: oneOf(["auto", "pretty", "json"] as const),
  }),
  setting({
    key: "metrics", field: "metrics", flag: "--metrics", env: ["CHROMA_METRICS"],
    default: true, help: "serve GET /metrics (Prometheus); with authentication on it needs an admin token", parse: bool,
    show: (v) => (v ? "on" : "off"),
  }),
  setting({
    key: "auth_credentials_file", field: "authCredentialsFile", flag: "--auth-credentials <file>",
    env: ["CHROMA_AUTH_CREDENTIALS_FILE", "CHROMA_SERVER_AUTHN_CREDENTIALS_FILE"],
    default: undefined, help: "token credentials file (YAML or JSON); authentication is off without one", parse: nonEmpty,
    show: (v) => v ?? "none (authentication off)",
  }),
  setting({
    key: "allow_unauthenticated", field: "allowUnauthenticated", flag: "--allow-unauthenticated",
    env: ["CHROMA_ALLOW_UNAUTHENTICATED"],
    default: false, help: "allow a non-loopback --host without authentication", parse: bool,
  }),
  // Storage tuning (docs/architecture.md, maintenance): tests run maintenance after every write.
  setting({
    key: "optimize_every", field: "optimizeEvery", flag: "--optimize-every <writes>", env: ["CHROMASPEC_OPTIMIZE_EVERY"],
    default: MAINTENANCE_DEFAULTS.optimizeEvery, help: "versions of a LanceDB table (by any replica) between its maintenance runs (compaction, old versions removed)",
    parse: integer(1, 1_000_000_000, "a write count"),
  }),
  setting({
    key: "retain_versions_ms", field: "retainVersionsMs", flag: "--retain-versions-ms <ms>", env: ["CHROMASPEC_RETAIN_VERSIONS_MS"],
    default: MAINTENANCE_DEFAULTS.retainVersionsMs, help: "how long superseded table versions stay readable before maintenance removes them",
    parse: integer(0, Number.MAX_SAFE_INTEGER, "a duration in milliseconds"),
  }),
  setting({
    key: "optimize_idle_factor", field: "optimizeIdleFactor", flag: "--optimize-idle-factor <factor>", env: ["CHROMASPEC_OPTIMIZE_IDLE_FACTOR"],
    default: MAINTENANCE_DEFAULTS.optimizeIdleFactor, help: "after a maintenance run of d ms a table waits d x factor before the next", parse: atLeast(0),
  }),
  setting({
    key: "lance_index_cache_bytes", field: "lanceIndexCacheBytes", flag: "--lance-index-cache-bytes <bytes>", env: ["CHROMASPEC_LANCE_INDEX_CACHE_BYTES"],
    default: LANCE_CACHE_DEFAULTS.indexCacheBytes, help: "most memory LanceDB's index cache (scalar index pages of every table) holds",
    parse: integer(0, Number.MAX_SAFE_INTEGER, "a size in bytes"),
  }),
  setting({
    key: "lance_metadata_cache_bytes", field: "lanceMetadataCacheBytes", flag: "--lance-metadata-cache-bytes <bytes>", env: ["CHROMASPEC_LANCE_METADATA_CACHE_BYTES"],
    default: LANCE_CACHE_DEFAULTS.metadataCacheBytes, help: "most memory LanceDB's metadata cache (table versions' manifests, file and fragment metadata) holds",
    parse: integer(0, Number.MAX_SAFE_INTEGER, "a size in bytes"),
  }),
  setting({
    key: "read_consistency_interval", field: "readConsistencyIntervalMs", flag: "--read-consistency-interval <seconds>",
    env: ["CHROMA_READ_CONSISTENCY_INTERVAL"], default: DEFAULT_READ_CONSISTENCY_INTERVAL_S * 1000,
    help: "replicas on one path: reads see other processes' writes made at least this long ago, in seconds; 0 = check on every read",
    parse: (value) => atLeast(0)(value) * 1000, show: (ms) => `${ms / 1000}`,
  }),
  setting({
    key: "quantized_search", field: "quantizedSearch", flag: "--quantized-search", env: ["CHROMASPEC_QUANTIZED_SEARCH"],
    // On by default: a search's CPU is 0.34-0.7x of the float traversal's at the same recall and
    // exact returned distances (docs/performance.md), for ~25 % more memory than the vectors at
    // 384-d; --no-quantized-search gives the memory back where memory binds.
    default: true, help: "graph searches traverse int8 copies of the vectors, then re-rank exactly: ~half the CPU per search, dim + 8 bytes more memory per record (--no-quantized-search: off)",
    parse: bool, show: (v) => (v ? "on" : "off"),
  }),
  setting({
    key: "warm_up", field: "warmUp", flag: "--warm-up", env: ["CHROMASPEC_WARM_UP"],
    // On by default: the first ~2 s of queries after a bulk load ran ~2x the steady p50 without
    // it (issue 18); it costs ~2-3 s of one core once, in the server's first quiet period.
    default: true, help: "once, while no request is under way, query a scratch instance of the server (temporary directory, loopback port) so the first real queries run warm code (--no-warm-up: off)",
    parse: bool, show: (v) => (v ? "on" : "off"),
  }),
];

/**
 * Keys of upstream's config file (FrontendServerConfig) that have no meaning here: a config written
 * for upstream Chroma still loads, and the server warns that these were ignored.
 */
export const UPSTREAM_KEYS_IGNORED = [
  "sqlitedb", "segment_manager", "sysdb", "collections_with_segments_provider", "log", "executor", "default_knn_index",
  "tenants_to_migrate_immediately", "tenants_to_migrate_immediately_threshold", "enable_schema", "min_records_for_invocation",
  "circuit_breaker", "scorecard_enabled", "scorecard", "open_telemetry", "sqlite_filename", "enable_span_indexing",
];

export interface ResolvedConfig {
  config: ServerConfig;
  sources: Record<keyof ServerConfig, Source>;
  /** The config file read, if any. */
  file?: string;
  /** Keys of the file that were ignored (upstream settings that do not apply here). */
  ignored: string[];
}

/**
 * Why a file a setting names (the config file, the credentials file) cannot be read, as the end of
 * the one-line refusal; undefined for an error that is not the file system's (it has no code).
 */
export function unreadableFile(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === undefined) return undefined;
  return code === "ENOENT" ? "does not exist" : code === "EACCES" ? "cannot be read (permission denied)" : `cannot be read (${code})`;
}

/** The config file's settings: a YAML (or JSON) mapping of SETTINGS keys. */
export function readConfigFile(file: string): { values: Record<string, unknown>; ignored: string[] } {
  let textContent: string;
  try {
    if (statSync(file).isDirectory()) throw new ConfigError(`config file ${file} is a directory, not a file`);
    textContent = readFileSync(file, "utf8");
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`config file ${file} ${unreadableFile(err) ?? `cannot be read (${(err as Error).message})`}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(textContent);
  } catch (err) {
    const first = ((err as Error).message ?? "").split("\n")[0];
    throw new ConfigError(`config file ${file} is not valid YAML: ${first}`);
  }
  if (doc === null || doc === undefined) return { values: {}, ignored: [] };
  if (typeof doc !== "object" || Array.isArray(doc)) throw new ConfigError(`config file ${file} must be a mapping of settings (key: value)`);
  const known = new Set(SETTINGS.map((s) => s.key));
  const values: Record<string, unknown> = {};
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (known.has(key)) values[key] = value;
    else if (UPSTREAM_KEYS_IGNORED.includes(key)) ignored.push(key);
    else throw new ConfigError(`config file ${file}: unknown setting "${key}" (settings: ${[...known].join(", ")})`);
  }
  return { values, ignored };
}

export interface ConfigInputs {
  /** Flag values as commander parsed them (camelCase names); undefined = not given. */
  flags?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  /** The config file: `chromaspec run <file>`, --config-path, or CONFIG_PATH. */
  configFile?: string;
}

/** Merges flags, environment, config file and defaults; throws ConfigError on any invalid value. */
export function resolveConfig(inputs: ConfigInputs = {}): ResolvedConfig {
  const flags = inputs.flags ?? {};
  const env = inputs.env ?? process.env;
  const configFile = inputs.configFile ?? (env.CONFIG_PATH ? env.CONFIG_PATH : undefined);
  const fromFile = configFile ? readConfigFile(configFile) : { values: {}, ignored: [] };

  const config = {} as Record<keyof ServerConfig, unknown>;
  const sources = {} as Record<keyof ServerConfig, Source>;
  for (const s of SETTINGS) {
    let raw: unknown;
    let source: Source = { kind: "default" };
    const flagValue = flags[s.flagName];
    const envName = s.env.find((name) => env[name] !== undefined && env[name] !== "");
    if (flagValue !== undefined) {
      // Boolean flags arrive as true (--allow-reset) or false (--no-allow-reset).
      raw = flagValue;
      const name = s.flag.split(" ")[0];
      source = { kind: "flag", name: flagValue === false ? name.replace(/^--/, "--no-") : name };
    } else if (envName !== undefined) {
      raw = env[envName];
      source = { kind: "env", name: envName };
    } else if (s.key in fromFile.values) {
      raw = fromFile.values[s.key];
      source = { kind: "file", name: configFile! };
    }
    if (source.kind === "default") {
      config[s.field] = s.default;
    } else {
      try {
        config[s.field] = s.parse(raw);
      } catch (err) {
        throw new ConfigError(`invalid setting ${s.key} (${describeSource(source)}): ${(err as Error).message}`);
      }
    }
    sources[s.field] = source;
  }
  return { config: config as unknown as ServerConfig, sources, file: configFile, ignored: fromFile.ignored };
}

/** The value as `--help` and `chromaspec config` print it. */
export function showValue(s: Setting<keyof ServerConfig>, value: unknown): string {
  if (s.show) return s.show(value as never);
  return value === undefined ? "none" : String(value);
}

/** Loopback addresses: the only ones a server without authentication may bind by default. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}
