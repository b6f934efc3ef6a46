import { spawn } from "node:child_process";

/**
 * Runs a fixture script (through tsx) in a child process with `args`; its stdout lines, its exit
 * code, and whether it ended by itself within `ms` (past that it is killed: code null).
 * For tests about what keeps a process alive or lets it end.
 */
export async function runFixture(fixture: string, args: string[], ms: number): Promise<{ lines: string[]; code: number | null; ended: boolean }> {
  const child = spawn(process.execPath, ["--import", "tsx", fixture, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += String(c)));
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  clearTimeout(timer);
  return { lines: out.trim().split("\n"), code, ended: code !== null };
}
