/**
 * @chromaspec/server as a library (package.json `main`): start the server from code — in a test
 * harness, or embedded in another process — with the same settings the `chromaspec` CLI takes.
 *
 *   import { resolveConfig, startServer } from "@chromaspec/server";
 *   const server = await startServer(resolveConfig({ flags: { path: "./chroma_data", port: 8000 } }));
 *   // server.url, e.g. "http://127.0.0.1:8000"; await server.close() stops it gracefully.
 *
 * `flags` use the CLI's option names in camelCase (`allowReset`, `readConsistencyInterval`, ...);
 * values are checked as on the command line, a bad one throws ConfigError (one line). Like the CLI
 * it reads CHROMA_* variables and CONFIG_PATH from process.env (pass `env: {}` not to). A failed
 * start-up check (port taken, data path unusable, non-loopback bind without auth) throws
 * StartupError.
 */
export { ConfigError, resolveConfig, type ConfigInputs, type ResolvedConfig, type ServerConfig } from "./config.js";
export { startServer, type RunningServer } from "./server.js";
export { StartupError } from "./startup/preflight.js";
export { API_VERSION, PACKAGE_VERSION } from "./version.js";
