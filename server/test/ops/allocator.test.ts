/**
 * startup/allocator.ts: the command caps glibc's arenas before anything starts a thread, so the
 * threads that come later (LanceDB's runtime, libuv's pool, the ANN worker, V8's helpers) share
 * 2 arenas instead of taking up to 8 per core, each keeping what its threads freed (issue 14
 * item 6). Checked in a child process: the module, then six worker threads that allocate, then
 * glibc's own count of arenas (malloc_info, through the addon). Without the cap the same
 * threads make more arenas, so the check can tell the two apart.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const DIST = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../dist");
const glibc = process.platform === "linux" && Boolean((process.report?.getReport() as { header?: { glibcVersionRuntime?: string } })?.header?.glibcVersionRuntime);
const dir = mkdtempSync(join(tmpdir(), "chromaspec-arenas-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const probe = join(dir, "probe.mjs");
writeFileSync(
  probe,
  [
    `const [allocator, native] = process.argv.slice(2);`,
    `if (allocator !== "-") await import(allocator);`,
    `const { Worker } = await import("node:worker_threads");`,
    `const work = "const kept = []; for (let i = 0; i < 200; i++) kept.push(Buffer.alloc(4096, i).toString('hex'));";`,
    `await Promise.all(Array.from({ length: 6 }, () => new Promise((done, fail) => new Worker(work, { eval: true }).once("exit", done).once("error", fail))));`,
    `console.log((await import(native)).hnsw().mallocArenas().length);`,
  ].join("\n"),
);

// Preloaded into the command: glibc's arena count as the process exits.
const atExit = join(dir, "at-exit.mjs");
writeFileSync(atExit, `const { hnsw } = await import(${JSON.stringify(join(DIST, "storage/memory/native.js"))});\nprocess.on("exit", () => console.error("arenas " + hnsw().mallocArenas().length));\n`);

/** The command run with `args`, and how many arenas it had at exit. */
async function commandArenas(args: string[], env: Record<string, string> = {}): Promise<number> {
  const { stderr } = await promisify(execFile)(process.execPath, ["--import", atExit, join(DIST, "cli.js"), ...args], { env: { ...process.env, MALLOC_ARENA_MAX: "", ...env } });
  return Number(/arenas (\d+)/.exec(stderr)?.[1]);
}

async function arenasAfterThreads(allocator: string, env: Record<string, string> = {}): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, [probe, allocator, join(DIST, "storage/memory/native.js")], { env: { ...process.env, MALLOC_ARENA_MAX: "", ...env } });
  return Number(stdout.trim());
}

describe.runIf(glibc)("startup/allocator.ts", () => {
  it("holds glibc to 2 arenas for every thread started after it", async () => {
    expect(await arenasAfterThreads(join(DIST, "startup/allocator.js"))).toBeLessThanOrEqual(2);
  });

  it("the command caps them before its modules load: loading the server (its files read on libuv's pool) leaves 2", async () => {
    // `config` loads the whole server, as `run` does, and prints the settings.
    expect(await commandArenas(["config"])).toBeLessThanOrEqual(2);
    expect(await commandArenas(["config"], { CHROMASPEC_MALLOC_ARENAS: "0" })).toBeGreaterThan(2);
  });

  it("without it (or with CHROMASPEC_MALLOC_ARENAS=0) the same threads take more", async () => {
    expect(await arenasAfterThreads("-")).toBeGreaterThan(2);
    expect(await arenasAfterThreads(join(DIST, "startup/allocator.js"), { CHROMASPEC_MALLOC_ARENAS: "0" })).toBeGreaterThan(2);
  });
});
