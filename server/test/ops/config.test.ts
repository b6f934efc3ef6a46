/**
 * Settings: precedence flag > environment > config file > default for every setting, upstream's
 * config keys and environment names (and the older names still read), the reference's own config
 * file, upstream keys that do not apply (ignored with a warning), and the one-line refusal of every
 * invalid value, naming the setting and where the value came from.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_BODY_LIMIT, DEFAULT_MAX_BATCH_SIZE, resolveConfig, SETTINGS } from "../../src/config.js";

const dir = mkdtempSync(join(tmpdir(), "chromaspec-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(text: string): string {
  const path = join(dir, `config-${++n}.yaml`);
  writeFileSync(path, text);
  return path;
}

/** One value per setting for each source, distinct per source, as the user would write it. */
const VALUES: Record<string, { flag: unknown; env: string; file: string; expect: Record<string, unknown> }> = {
  persist_path: { flag: "/f", env: "/e", file: "/y", expect: { flag: "/f", env: "/e", file: "/y" } },
  listen_address: { flag: "10.0.0.1", env: "10.0.0.2", file: "10.0.0.3", expect: { flag: "10.0.0.1", env: "10.0.0.2", file: "10.0.0.3" } },
  port: { flag: "1001", env: "1002", file: "1003", expect: { flag: 1001, env: 1002, file: 1003 } },
  allow_reset: { flag: true, env: "false", file: "true", expect: { flag: true, env: false, file: true } },
  cors_allow_origins: {
    flag: "http://a.test",
    env: '["http://b.test","http://c.test:8080"]',
    file: '["*"]',
    expect: { flag: ["http://a.test"], env: ["http://b.test", "http://c.test:8080"], file: ["*"] },
  },
  max_payload_size_bytes: { flag: "1000", env: "2000", file: "3000", expect: { flag: 1000, env: 2000, file: 3000 } },
  max_batch_size: { flag: "10", env: "20", file: "30", expect: { flag: 10, env: 20, file: 30 } },
  log_level: { flag: "debug", env: "warn", file: "error", expect: { flag: "debug", env: "warn", file: "error" } },
  request_log_level: { flag: "silent", env: "warn", file: "error", expect: { flag: "silent", env: "warn", file: "error" } },
  log_format: { flag: "json", env: "pretty", file: "json", expect: { flag: "json", env: "pretty", file: "json" } },
  metrics: { flag: false, env: "on", file: "false", expect: { flag: false, env: true, file: false } },
  auth_credentials_file: { flag: "/f.yaml", env: "/e.yaml", file: "/y.yaml", expect: { flag: "/f.yaml", env: "/e.yaml", file: "/y.yaml" } },
  allow_unauthenticated: { flag: true, env: "no", file: "true", expect: { flag: true, env: false, file: true } },
  optimize_every: { flag: "1", env: "2", file: "3", expect: { flag: 1, env: 2, file: 3 } },
  retain_versions_ms: { flag: "0", env: "1000", file: "2000", expect: { flag: 0, env: 1000, file: 2000 } },
  optimize_idle_factor: { flag: "0", env: "0.5", file: "2.5", expect: { flag: 0, env: 0.5, file: 2.5 } },
  read_consistency_interval: { flag: "0", env: "0.25", file: "2", expect: { flag: 0, env: 250, file: 2000 } },
  quantized_search: { flag: true, env: "off", file: "true", expect: { flag: true, env: false, file: true } },
  warm_up: { flag: true, env: "0", file: "false", expect: { flag: true, env: false, file: false } },
  lance_index_cache_bytes: { flag: "0", env: "1048576", file: "2097152", expect: { flag: 0, env: 1048576, file: 2097152 } },
  lance_metadata_cache_bytes: { flag: "4096", env: "0", file: "8589934592", expect: { flag: 4096, env: 0, file: 8589934592 } },
};

describe("precedence: flag > environment > config file > default", () => {
  it("covers every setting", () => {
    expect(Object.keys(VALUES).sort()).toEqual(SETTINGS.map((s) => s.key).sort());
  });

  for (const s of SETTINGS) {
    const v = VALUES[s.key];
    it(`${s.key}`, () => {
      const cfg = file(`${s.key}: ${v.file}\n`);
      const flags = { [s.flagName]: v.flag };
      const env = { [s.env[0]]: v.env };
      const pick = (r: ReturnType<typeof resolveConfig>) => ({ value: r.config[s.field], source: r.sources[s.field].kind });
      expect(pick(resolveConfig({ flags, env, configFile: cfg }))).toEqual({ value: v.expect.flag, source: "flag" });
      expect(pick(resolveConfig({ env, configFile: cfg }))).toEqual({ value: v.expect.env, source: "env" });
      expect(pick(resolveConfig({ env: {}, configFile: cfg }))).toEqual({ value: v.expect.file, source: "file" });
      expect(pick(resolveConfig({ env: {} }))).toEqual({ value: s.default, source: "default" });
      // Every other environment name of the setting is read too, after the first.
      for (const alias of s.env.slice(1)) {
        expect(pick(resolveConfig({ env: { [alias]: v.env } }))).toEqual({ value: v.expect.env, source: "env" });
        expect(resolveConfig({ env: { [alias]: v.env, [s.env[0]]: v.env } }).sources[s.field]).toEqual({ kind: "env", name: s.env[0] });
      }
    });
  }

  it("has the documented defaults", () => {
    const { config } = resolveConfig({ env: {} });
    expect(config).toEqual({
      path: "./chroma_data",
      host: "127.0.0.1",
      port: 8000,
      allowReset: false,
      logLevel: "info",
      requestLogLevel: "info",
      logFormat: "auto",
      maxBatchSize: DEFAULT_MAX_BATCH_SIZE,
      bodyLimit: DEFAULT_BODY_LIMIT,
      corsAllowOrigins: [],
      metrics: true,
      authCredentialsFile: undefined,
      allowUnauthenticated: false,
      optimizeEvery: 20,
      retainVersionsMs: 60_000,
      optimizeIdleFactor: 4,
      lanceIndexCacheBytes: 64 * 1024 * 1024,
      lanceMetadataCacheBytes: 16 * 1024 * 1024,
      readConsistencyIntervalMs: 1000,
      quantizedSearch: true,
      warmUp: true,
    });
  });

  it("reads the config file from CONFIG_PATH (upstream's variable) when none is given", () => {
    const cfg = file("port: 4321\n");
    expect(resolveConfig({ env: { CONFIG_PATH: cfg } }).config.port).toBe(4321);
    expect(resolveConfig({ env: { CONFIG_PATH: cfg }, configFile: file("port: 1234\n") }).config.port).toBe(1234);
  });
});

describe("config files written for upstream Chroma", () => {
  it("loads the reference server's own config (as ../shared/reference-chroma/chroma-ref writes it)", () => {
    const cfg = file('port: 8104\nlisten_address: "127.0.0.1"\nallow_reset: true\npersist_path: "/tmp/ref-data"\n');
    const { config, ignored } = resolveConfig({ env: {}, configFile: cfg });
    expect(config).toMatchObject({ port: 8104, host: "127.0.0.1", allowReset: true, path: "/tmp/ref-data" });
    expect(ignored).toEqual([]);
  });

  it("ignores upstream settings that do not apply here, and says which", () => {
    const cfg = file(
      [
        "open_telemetry:",
        '  service_name: "chroma"',
        '  endpoint: "http://otel-collector:4317"',
        "port: 8000",
        'listen_address: "0.0.0.0"',
        "max_payload_size_bytes: 41943040",
        'cors_allow_origins: ["*"]',
        'persist_path: "./chroma"',
        "allow_reset: false",
        "sqlitedb:",
        '  hash_type: "md5"',
        "sysdb:",
        "  sqlite:",
        '    log_tenant: "default"',
      ].join("\n"),
    );
    const { config, ignored } = resolveConfig({ env: {}, configFile: cfg });
    expect(config).toMatchObject({ host: "0.0.0.0", bodyLimit: 41943040, corsAllowOrigins: ["*"], path: "./chroma" });
    expect(ignored).toEqual(["open_telemetry", "sqlitedb", "sysdb"]);
  });

  it("an empty file is no settings", () => {
    expect(resolveConfig({ env: {}, configFile: file("") }).config.port).toBe(8000);
  });
});

describe("invalid values: one line naming the setting and the source", () => {
  const refused = (inputs: Parameters<typeof resolveConfig>[0]) => {
    try {
      resolveConfig(inputs);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).not.toContain("\n");
      return message;
    }
    throw new Error("accepted");
  };

  it.each([
    [{ flags: { logLevel: "verbose" } }, 'invalid setting log_level (flag --log-level): "verbose" is not one of fatal, error, warn, info, debug, trace, silent'],
    [{ env: { LOG_LEVEL: "loud" } }, 'invalid setting log_level (environment variable LOG_LEVEL): "loud" is not one of'],
    [{ flags: { port: "80a" } }, 'invalid setting port (flag --port): "80a" is not a port number (an integer from 0 to 65535)'],
    [{ env: { CHROMA_PORT: "70000" } }, "invalid setting port (environment variable CHROMA_PORT)"],
    [{ env: { ALLOW_RESET: "maybe" } }, 'invalid setting allow_reset (environment variable ALLOW_RESET): "maybe" is not a boolean'],
    [{ flags: { corsAllowOrigins: "http://a.test/path" } }, "invalid setting cors_allow_origins (flag --cors-allow-origins): \"http://a.test/path\" is not an origin"],
    [{ flags: { corsAllowOrigins: "a.test" } }, 'invalid setting cors_allow_origins (flag --cors-allow-origins): "a.test" is not an origin'],
    [{ env: { CHROMA_CORS_ALLOW_ORIGINS: "[oops" } }, "invalid setting cors_allow_origins (environment variable CHROMA_CORS_ALLOW_ORIGINS): [oops is not a JSON list"],
    [{ flags: { maxPayloadSizeBytes: "0" } }, "invalid setting max_payload_size_bytes (flag --max-payload-size-bytes)"],
    [{ flags: { maxBatchSize: "-1" } }, "invalid setting max_batch_size (flag --max-batch-size)"],
    [{ flags: { logFormat: "xml" } }, 'invalid setting log_format (flag --log-format): "xml" is not one of auto, pretty, json'],
    [{ flags: { path: " " } }, "invalid setting persist_path (flag --path): must not be empty"],
    [{ flags: { lanceIndexCacheBytes: "64MB" } }, 'invalid setting lance_index_cache_bytes (flag --lance-index-cache-bytes): "64MB" is not a size in bytes'],
    [{ env: { CHROMASPEC_LANCE_METADATA_CACHE_BYTES: "-1" } }, "invalid setting lance_metadata_cache_bytes (environment variable CHROMASPEC_LANCE_METADATA_CACHE_BYTES)"],
  ] as [Parameters<typeof resolveConfig>[0], string][])("%j", (inputs, expected) => {
    expect(refused({ env: {}, ...inputs })).toContain(expected);
  });

  it("a bad value under a flag that wins is never read", () => {
    expect(resolveConfig({ env: { CHROMA_METRICS: "sometimes" }, flags: { metrics: false } }).config.metrics).toBe(false);
  });

  it("names the config file and the key for values read from a file", () => {
    const cfg = file("port: eighty\n");
    expect(refused({ env: {}, configFile: cfg })).toBe(`invalid setting port (config file ${cfg}): "eighty" is not a port number (an integer from 0 to 65535)`);
  });

  it("refuses unknown keys (typos), a missing file, a directory, invalid YAML and a non-mapping", () => {
    expect(refused({ env: {}, configFile: file("prot: 8000\n") })).toMatch(/unknown setting "prot" \(settings: persist_path, listen_address, port,/);
    expect(refused({ env: {}, configFile: join(dir, "missing.yaml") })).toBe(`config file ${join(dir, "missing.yaml")} does not exist`);
    expect(refused({ env: {}, configFile: dir })).toBe(`config file ${dir} is a directory, not a file`);
    expect(refused({ env: {}, configFile: file("port: [8000\n") })).toMatch(/is not valid YAML: /);
    expect(refused({ env: {}, configFile: file("- port\n") })).toMatch(/must be a mapping of settings/);
  });
});
