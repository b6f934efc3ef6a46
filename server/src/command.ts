/**
 * The `chromaspec` command, shaped like upstream's `chroma run`:
 *   chromaspec run [config.yaml] [--config-path file] [--port 8000] [--path ./chroma_data] ...
 *   chromaspec config [config.yaml] [...]   the effective settings and where each comes from
 *   chromaspec --version
 * Every setting also has a config-file key and environment variables (see config.ts);
 * `chromaspec run --help` lists them with their defaults. Any start-up failure prints one line
 * saying what is wrong and how to fix it, and exits 1.
 *
 * Loaded by the executable (cli.ts) once the process is set up for it (V8 flags, allocator).
 */
import { Command, Option } from "commander";
import { ConfigError, describeSource, resolveConfig, SETTINGS, showValue, type ResolvedConfig } from "./config.js";
import { StartupError } from "./startup/preflight.js";
import { startServer } from "./server.js";
import { PACKAGE_VERSION } from "./version.js";

const program = new Command()
  .name("chromaspec")
  .description("Chroma-compatible vector database server (HTTP API v1 and v2) on LanceDB")
  .version(PACKAGE_VERSION, "-v, --version", "print the version and exit")
  .showHelpAfterError("(run with --help for usage)");

/** The options every settings-taking command shares, generated from the settings table. */
function withSettings(command: Command): Command {
  command
    .argument("[config]", "config file (YAML, upstream's keys; env CONFIG_PATH)")
    .option("--config-path <file>", "config file, as the positional argument");
  for (const s of SETTINGS) {
    const file = `file: ${s.key}`;
    const env = `env: ${s.env.join(", ")}`;
    command.addOption(new Option(s.flag, `${s.help} [default: ${showValue(s, s.default)}] (${env}; ${file})`));
    if (typeof s.default === "boolean") command.addOption(new Option(s.flag.replace(/^--/, "--no-"), `turn ${s.flag} off`).hideHelp(s.default === false));
  }
  command.addHelpText(
    "after",
    "\nPrecedence: flag > environment > config file > default. Keys a config file written for upstream\n" +
      "Chroma may also hold (sqlitedb, sysdb, open_telemetry, ...) are ignored with a warning.",
  );
  return command;
}

function resolve(positional: string | undefined, flags: Record<string, unknown>): ResolvedConfig {
  const { configPath, ...settings } = flags as { configPath?: string } & Record<string, unknown>;
  if (positional && configPath && positional !== configPath) {
    throw new ConfigError(`two config files given (${positional} and --config-path ${configPath}): give one`);
  }
  return resolveConfig({ flags: settings, configFile: positional ?? configPath });
}

withSettings(program.command("run").description("start the server")).action(async (positional: string | undefined, flags: Record<string, unknown>) => {
  await startServer(resolve(positional, flags));
});

withSettings(program.command("config").description("print the effective settings and where each one comes from")).action(
  (positional: string | undefined, flags: Record<string, unknown>) => {
    const resolved = resolve(positional, flags);
    const rows = SETTINGS.map((s) => [s.key, showValue(s, resolved.config[s.field]), describeSource(resolved.sources[s.field])]);
    const width = Math.max(...rows.map((r) => r[0].length));
    const valueWidth = Math.max(...rows.map((r) => r[1].length));
    for (const [key, value, source] of rows) console.log(`${key.padEnd(width)}  ${value.padEnd(valueWidth)}  (${source})`);
    for (const key of resolved.ignored) console.log(`${key.padEnd(width)}  ignored (an upstream setting that does not apply here)`);
  },
);

program.parseAsync(process.argv).catch((err: unknown) => {
  // Expected failures are one line; anything else is a bug worth its stack trace.
  if (err instanceof ConfigError || err instanceof StartupError) console.error(`chromaspec: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
