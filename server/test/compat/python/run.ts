/**
 * Runs the Python compatibility suite (this folder, pytest) with the official Python client
 * (chromadb 1.3.5) against a chromaspec server it starts itself, or against COMPAT_URL (e.g. the
 * upstream reference, started with --allow-reset), like the JS compat suites (../target.ts).
 *
 *   npx tsx server/test/compat/python/run.ts [pytest args...]
 *
 * The client runs through shared/python-client/py (a Debian 13 root; see shared/README.md):
 * CHROMA_PY names that script, otherwise the nearest `shared/python-client/py` beside the
 * repository or one of its parent folders (CI's clone sits beside shared/, a worktree under
 * /work/wt/<name> finds /work/shared). Without it the run FAILS: this suite is part of
 * `make test`, and a missing client must not pass as "no Python tests".
 *
 * When it started the server itself it also checks that the server is still alive afterwards:
 * a server that died under the suite fails the run even if pytest somehow passed.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, type RunningServer } from "../../helpers/server.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, "../../../..");

function findPy(): string {
  const explicit = process.env.CHROMA_PY;
  if (explicit) {
    if (!existsSync(explicit)) fail(`CHROMA_PY=${explicit} does not exist`);
    return explicit;
  }
  for (let dir = dirname(REPO); ; dir = dirname(dir)) {
    const candidate = join(dir, "shared", "python-client", "py");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  fail(
    `the official Python client runner (shared/python-client/py) was not found beside ${REPO} or any parent;` +
      " set CHROMA_PY=/path/to/python-client/py",
  );
}

function fail(message: string): never {
  console.error(`python compat suite: ${message}`);
  process.exit(1);
}

function run(cmd: string, args: string[], cwd: string): Promise<number> {
  return new Promise((done, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

async function main(): Promise<void> {
  const py = findPy();
  const external = process.env.COMPAT_URL?.replace(/\/+$/, "");
  let server: RunningServer | undefined;
  const url = external ?? (server = await startServer({ allowReset: true })).url;
  let code = 1;
  try {
    const args = ["pytest", "--chroma-url", url, ...(external ? ["--external"] : []), ...process.argv.slice(2)];
    code = await run(py, args, HERE);
    if (server && (server.proc.exitCode !== null || server.proc.signalCode !== null)) {
      console.error(
        `python compat suite: the chromaspec server died during the run (exit ${server.proc.exitCode}, signal ${server.proc.signalCode})`,
      );
      code = code || 1;
    }
    if (server && code !== 0) console.error(`chromaspec server output:\n${server.output.join("").slice(-20_000)}`);
  } finally {
    await server?.dispose();
  }
  // pytest's 5 ("no tests collected") is a failure here too.
  process.exit(code);
}

await main();
