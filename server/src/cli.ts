#!/usr/bin/env node
/** The `chromaspec` command: `chromaspec run [--path] [--host] [--port]`, like upstream `chroma run`. */
import { Command } from "commander";
import { resolveConfig } from "./config.js";
import { startServer } from "./server.js";

const program = new Command()
  .name("chromaspec")
  .description("Chroma-compatible vector database server on LanceDB");

program
  .command("run")
  .description("start the server")
  .option("--path <path>", "data directory or LanceDB object-store URI (env PERSIST_DIRECTORY)")
  .option("--host <host>", "address to bind (env CHROMA_HOST)")
  .option("--port <port>", "port to listen on (env CHROMA_PORT)")
  .option("--log-level <level>", "pino log level (env LOG_LEVEL)")
  .option("--auth-credentials <file>", "token credentials file, YAML or JSON (env CHROMA_SERVER_AUTHN_CREDENTIALS_FILE)")
  .option("--allow-unauthenticated", "allow binding a non-loopback address without authentication")
  .option(
    "--read-consistency-interval <seconds>",
    "replicas on one path: reads see other processes' writes made at least this long ago; 0 = check on every read (env CHROMA_READ_CONSISTENCY_INTERVAL, default 1)",
  )
  .action(async (flags) => {
    const config = resolveConfig(flags);
    await startServer(config);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
