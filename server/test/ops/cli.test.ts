/**
 * The command line as a user meets it: --version, --help listing every setting with its default,
 * environment names and config key, `chromaspec config` showing where each value comes from, a
 * config file given positionally (as `chroma run config.yaml`) or with --config-path, and one clear
 * line (exit 1) for a bad value, where pino used to print its internal message.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SETTINGS, showValue } from "../../src/config.js";
import { freePort, jsonLines } from "../helpers/server.js";
import { runCli } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "chromaspec-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
/** No setting from the test runner's environment leaks into these runs. */
const cleanEnv = Object.fromEntries(SETTINGS.flatMap((s) => s.env).concat("CONFIG_PATH").map((name) => [name, undefined]));

describe("chromaspec --version and --help", () => {
  it("--version prints the package version", async () => {
    for (const flag of ["--version", "-v"]) {
      const out = await runCli([flag]);
      expect(out.code).toBe(0);
      expect(out.stdout.trim()).toBe(version);
    }
  });

  it("run --help lists every setting with its default, environment variables and config key", async () => {
    const out = await runCli(["run", "--help"], { env: { COLUMNS: "400" } });
    expect(out.code).toBe(0);
    const help = out.stdout.replace(/\s+/g, " ");
    for (const s of SETTINGS) {
      expect(help).toContain(s.flag);
      expect(help).toContain(`[default: ${showValue(s, s.default)}] (env: ${s.env.join(", ")}; file: ${s.key})`);
    }
    expect(help).toContain("Precedence: flag > environment > config file > default.");
    expect(help).toContain("Usage: chromaspec run [options] [config]");
    expect(help).toContain("--config-path <file>");
  });
});

describe("bad values", () => {
  it("a bad --log-level is one line naming the setting, exit code 1", async () => {
    const out = await runCli(["run", "--path", join(dir, "never"), "--log-level", "verbose"], { env: cleanEnv });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe("");
    expect(out.stderr).toBe(
      'chromaspec: invalid setting log_level (flag --log-level): "verbose" is not one of fatal, error, warn, info, debug, trace, silent\n',
    );
  });

  it("a bad value from the environment or a config file names that source", async () => {
    const env = await runCli(["run", "--path", join(dir, "never")], { env: { ...cleanEnv, CHROMA_PORT: "http" } });
    expect(env.code).toBe(1);
    expect(env.stderr).toBe('chromaspec: invalid setting port (environment variable CHROMA_PORT): "http" is not a port number (an integer from 0 to 65535)\n');
    const cfg = join(dir, "bad.yaml");
    writeFileSync(cfg, "allow_reset: perhaps\n");
    const file = await runCli(["run", cfg], { env: cleanEnv });
    expect(file.code).toBe(1);
    expect(file.stderr).toBe(`chromaspec: invalid setting allow_reset (config file ${cfg}): "perhaps" is not a boolean (true/false, yes/no, on/off, 1/0)\n`);
  });

  it("two different config files are refused", async () => {
    const out = await runCli(["run", "a.yaml", "--config-path", "b.yaml"], { env: cleanEnv });
    expect(out.code).toBe(1);
    expect(out.stderr).toBe("chromaspec: two config files given (a.yaml and --config-path b.yaml): give one\n");
  });
});

describe("chromaspec config", () => {
  it("prints each setting's effective value and its source", async () => {
    const cfg = join(dir, "show.yaml");
    writeFileSync(cfg, "port: 9001\nmax_batch_size: 100\nsqlitedb:\n  hash_type: md5\n");
    const out = await runCli(["config", cfg, "--port", "9002", "--no-metrics"], { env: { ...cleanEnv, CHROMA_MAX_BATCH_SIZE: "50" } });
    expect(out.code).toBe(0);
    const rows = Object.fromEntries(out.stdout.trim().split("\n").map((line) => [line.split(/\s+/)[0], line.replace(/^\S+\s+/, "").replace(/\s+/g, " ")]));
    expect(rows.port).toBe("9002 (flag --port)");
    expect(rows.max_batch_size).toBe("50 (environment variable CHROMA_MAX_BATCH_SIZE)");
    expect(rows.metrics).toBe("off (flag --no-metrics)");
    expect(rows.persist_path).toBe("./chroma_data (default)");
    expect(rows.sqlitedb).toBe("ignored (an upstream setting that does not apply here)");
  });
});

describe("chromaspec run with a config file", () => {
  for (const form of ["positional", "--config-path", "CONFIG_PATH"] as const) {
    it(`reads it (${form}), with flags over it, and warns about upstream keys it ignores`, async () => {
      const port = await freePort();
      const data = join(dir, `data-${form}`);
      const cfg = join(dir, `run-${form}.yaml`);
      // A flag overrides the file's log level; everything else comes from the file.
      writeFileSync(cfg, `port: ${port}\npersist_path: ${JSON.stringify(data)}\nallow_reset: true\nlog_level: error\nlog_format: json\nsysdb:\n  sqlite: {}\n`);
      const args = form === "positional" ? ["run", cfg] : form === "--config-path" ? ["run", "--config-path", cfg] : ["run"];
      const env = { ...cleanEnv, ...(form === "CONFIG_PATH" ? { CONFIG_PATH: cfg } : {}) };
      const out = await runCli([...args, "--log-level", "info"], { env, until: /chromaspec listening/ });
      expect(out.matched, out.output).toBe(true);
      const lines = jsonLines(out.stdout);
      const banner = lines.find((l) => String(l.msg).startsWith("chromaspec listening"));
      expect(banner).toMatchObject({ url: `http://127.0.0.1:${port}`, path: data, allow_reset: true, config: cfg });
      expect(lines.find((l) => l.level === 40)?.msg).toBe("config file settings that do not apply to chromaspec were ignored: sysdb");
    });
  }
});
