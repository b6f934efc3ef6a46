/**
 * Starts the real, built chromaspec server (server/dist/cli.js) as a child process on a free
 * loopback port with its own temporary data directory, for tests that must see the server as a
 * user does: over HTTP, across restarts and kill -9.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The server under test: this checkout's build, or another one (CHROMASPEC_CLI) to compare. */
export const CLI = process.env.CHROMASPEC_CLI ?? resolve(fileURLToPath(new URL(".", import.meta.url)), "../../dist/cli.js");

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  /** Log lines the server wrote so far (stdout and stderr). */
  output: string[];
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait for exit: no chance to flush anything. */
  kill(): Promise<void>;
  /** Stop (if running) and delete the data directory. */
  dispose(): Promise<void>;
}

export interface StartOptions {
  /** Reuse a data directory (e.g. after a restart); a fresh temporary one otherwise. */
  dataDir?: string;
  env?: Record<string, string>;
  args?: string[];
  allowReset?: boolean;
  /** How long to wait for the first heartbeat (default 30 s). */
  readyTimeoutMs?: number;
}

/** The JSON lines of a process's output (pino's), in order; other and partial lines are skipped. */
export function jsonLines(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      out.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      /* a partial line */
    }
  }
  return out;
}

/** A pino line: its level (30 info, 40 warn, ...), message and fields. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** The JSON log lines a started server wrote so far (stdout and stderr). */
export function logLines(server: Pick<RunningServer, "output">): LogLine[] {
  return jsonLines(server.output.join("")) as LogLine[];
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "chromaspec-test-")));
  const port = await freePort();
  const args = [CLI, "run", "--path", dataDir, "--host", "127.0.0.1", "--port", String(port), ...(options.args ?? [])];
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: "warn", CHROMA_REQUEST_LOG_LEVEL: "warn", ...(options.env ?? {}) };
  if (options.allowReset) env.ALLOW_RESET = "TRUE";
  const proc = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  proc.stdout!.on("data", (chunk) => output.push(String(chunk)));
  proc.stderr!.on("data", (chunk) => output.push(String(chunk)));
  const exited = new Promise<void>((done) => proc.once("exit", () => done()));
  const url = `http://127.0.0.1:${port}`;

  const readyMs = options.readyTimeoutMs ?? 30_000;
  const deadline = Date.now() + readyMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}) before answering:\n${output.join("")}`);
    try {
      const res = await fetch(`${url}/api/v2/heartbeat`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`server did not answer within ${readyMs / 1000} s:\n${output.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  const signal = async (sig: NodeJS.Signals) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(sig);
    await exited;
  };
  return {
    url,
    port,
    dataDir,
    proc,
    output,
    stop: () => signal("SIGTERM"),
    kill: () => signal("SIGKILL"),
    dispose: async () => {
      await signal("SIGTERM");
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
