// @ts-check
/**
 * The processes a target needs: Prism (mock, or proxy in front of a server) and our own built
 * server on a free port with a temporary data directory. Each is stopped by its own pid; the
 * runner stops them on exit, on failure and on Ctrl-C.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root when this package runs inside the chromaspec monorepo. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/**
 * The spec the suite reads (operations for the report, examples for the mock): the copy packed into
 * this package (`npm pack` copies it, see package.json), else the monorepo's. `--spec` overrides.
 */
const PACKED_SPEC = fileURLToPath(new URL("../../openapi.yaml", import.meta.url));
export const DEFAULT_SPEC = existsSync(PACKED_SPEC) ? PACKED_SPEC : join(REPO_ROOT, "openapi.yaml");
/** How the runner hands the spec's path to the test workers (src/support/spec.ts). */
export const SPEC_ENV = "CONTRACT_SPEC";
export const SERVER_CLI = join(REPO_ROOT, "server", "dist", "cli.js");

/** @typedef {{ url: string, name: string, output: string[], stop: () => Promise<void> }} Started */

/** @type {Set<Started>} */
const running = new Set();

/** Stops everything still running (used on failures and signals). */
export async function stopAll() {
  await Promise.all([...running].map((p) => p.stop()));
}

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * @param {string} name
 * @param {string[]} args node arguments
 * @param {string} url where it will answer
 * @param {Record<string, string>} [env]
 * @param {() => Promise<void>} [cleanup]
 * @returns {Promise<Started>}
 */
async function startNode(name, args, url, env = {}, cleanup = async () => {}) {
  const proc = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  /** @type {string[]} */
  const output = [];
  // Keep the tail only: Prism logs every request.
  const keep = (/** @type {unknown} */ chunk) => {
    output.push(String(chunk));
    if (output.length > 400) output.splice(0, output.length - 400);
  };
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  const exited = new Promise((done) => proc.once("exit", done));
  /** @type {Started} */
  const started = {
    url,
    name,
    output,
    stop: async () => {
      running.delete(started);
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill("SIGTERM");
        const timer = setTimeout(() => proc.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await cleanup();
    },
  };
  running.add(started);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) {
      running.delete(started);
      await cleanup();
      throw new Error(`${name} exited (${proc.exitCode}) before answering:\n${output.join("")}`);
    }
    try {
      const res = await fetch(`${url}/api/v2/heartbeat`);
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await started.stop();
      throw new Error(`${name} did not answer within 60 s:\n${output.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return started;
}

/**
 * Our server, built (server/dist/cli.js), with reset allowed so the reset phase can run.
 * @returns {Promise<Started>}
 */
export async function startChromaspec() {
  if (!existsSync(SERVER_CLI)) throw new Error(`${SERVER_CLI} is missing: build the server first (npm run build -w server)`);
  const dataDir = await mkdtemp(join(tmpdir(), "chromaspec-contract-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  return startNode(
    "chromaspec server",
    [SERVER_CLI, "run", "--path", dataDir, "--host", "127.0.0.1", "--port", String(port)],
    url,
    { ALLOW_RESET: "TRUE", LOG_LEVEL: "warn" },
    () => rm(dataDir, { recursive: true, force: true }),
  );
}

function prismBin() {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js");
}

/**
 * `prism mock <spec> --errors`, or `prism proxy <spec> <upstream> --errors` when upstream is given.
 * @param {string} spec
 * @param {string} [upstream]
 * @returns {Promise<Started>}
 */
export async function startPrism(spec, upstream) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const mode = upstream ? ["proxy", spec, upstream] : ["mock", spec];
  return startNode(`prism ${mode[0]}`, [prismBin(), ...mode, "--errors", "--host", "127.0.0.1", "--port", String(port)], url);
}
