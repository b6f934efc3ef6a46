/**
 * Runs the built CLI (server/dist/cli.js, or CHROMASPEC_CLI as for startServer) as a user would,
 * for the operability tests: its exit code and everything it printed, stopping it (SIGTERM) once
 * it printed a line matching `until`.
 */
import { spawn } from "node:child_process";
import { CLI } from "../helpers/server.js";

export interface CliOutcome {
  /** Exit code when the process ended by itself; null when we stopped it after `until` matched. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout + stderr as they arrived. */
  output: string;
  matched: boolean;
}

export async function runCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; until?: RegExp; timeoutMs?: number; cwd?: string } = {},
): Promise<CliOutcome> {
  const env = { ...(process.env as Record<string, string>), ...options.env };
  for (const [k, v] of Object.entries(options.env ?? {})) if (v === undefined) delete env[k];
  const proc = spawn(process.execPath, [CLI, ...args], { env, cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let output = "";
  let matched = false;
  const check = () => {
    if (!matched && options.until?.test(output)) {
      matched = true;
      proc.kill("SIGTERM");
    }
  };
  proc.stdout.on("data", (c: Buffer) => {
    stdout += c;
    output += c;
    check();
  });
  proc.stderr.on("data", (c: Buffer) => {
    stderr += c;
    output += c;
    check();
  });
  const timer = setTimeout(() => proc.kill("SIGKILL"), options.timeoutMs ?? 30_000);
  const code = await new Promise<number | null>((done) => proc.once("exit", (c) => done(c)));
  clearTimeout(timer);
  return { code: matched ? null : code, stdout, stderr, output, matched };
}
