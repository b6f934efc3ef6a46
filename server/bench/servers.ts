/**
 * The two servers under test: a chromaspec started here (the built dist/cli.js, a temporary
 * data directory, a free port) and the upstream reference, already running, whose process is
 * found from its listening port so its memory can be read from /proc.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdtemp, readFile, readdir, readlink, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { waitUntilUp } from "./client.js";
import { processStat } from "./proc-stat.js";
import { sleep } from "./timing.js";

export interface Target {
  name: string;
  url: string;
  /** The server's process id, for its memory; null if unknown. */
  pid: number | null;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** A chromaspec the bench started: it can also be restarted on the same data. */
export interface Chromaspec extends Target {
  /** Where its data directory and log are. */
  dir: string;
  /**
   * Stops it gracefully (SIGTERM: it finishes what it does and saves its graphs), then starts
   * it again on the same data and port without waiting for it. Resolves with how long the stop
   * took and when (performance.now()) the new process was spawned.
   */
  restart(): Promise<{ stopSeconds: number; spawnedAt: number }>;
}

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
}

/**
 * `args`: more `chromaspec run` flags (they come last, so they win over the defaults above);
 * `nodeArgs`: flags for node itself (a profiler, a preload), before the script.
 */
export async function startChromaspec(args: string[] = [], nodeArgs: string[] = []): Promise<Chromaspec> {
  const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli.js");
  const dir = await mkdtemp(join(tmpdir(), "chromaspec-bench-"));
  const port = await freePort();
  // The server writes its output (the request log: a line per request) straight into the file. Piped
  // through this process instead, every few requests would wake the bench, which is also the
  // client being timed: work for one server only that no real client does (the reference's output
  // never passes through the bench either).
  const log = openSync(join(dir, "server.log"), "a");
  const spawnServer = (): Running => {
    const child: ChildProcess = spawn(
      process.execPath,
      [...nodeArgs, cli, "run", "--path", join(dir, "data"), "--host", "127.0.0.1", "--port", String(port), "--log-level", "warn", ...args],
      { stdio: ["ignore", log, log] },
    );
    return { child, exited: new Promise<void>((resolve) => child.once("exit", () => resolve())) };
  };
  const stopServer = async ({ child, exited }: Running) => {
    child.kill("SIGTERM");
    // A graceful stop saves the graphs: a million records' take a few seconds.
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    await exited;
    clearTimeout(timer);
  };
  let running = spawnServer();
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(url, 30_000);
  } catch (err) {
    running.child.kill("SIGKILL");
    closeSync(log);
    throw new Error(`chromaspec did not start (log: ${join(dir, "server.log")}): ${String(err)}`);
  }
  const target: Chromaspec = {
    name: "chromaspec",
    url,
    dir,
    pid: running.child.pid ?? null,
    async restart() {
      const t = performance.now();
      await stopServer(running);
      const stopSeconds = (performance.now() - t) / 1000;
      const spawnedAt = performance.now();
      running = spawnServer();
      target.pid = running.child.pid ?? null;
      return { stopSeconds, spawnedAt };
    },
    async stop() {
      await stopServer(running);
      closeSync(log);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return target;
}

/** The pid listening on a loopback TCP port, from /proc/net/tcp{,6} and the fds in /proc. */
export async function pidListeningOn(port: number): Promise<number | null> {
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const localPort = parseInt(cols[1].split(":")[1], 16);
      // State 0A is LISTEN.
      if (localPort === port && cols[3] === "0A") inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = await readdir(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const link = await readlink(`/proc/${entry}/fd/${fd}`);
        const m = /^socket:\[(\d+)\]$/.exec(link);
        if (m && inodes.has(m[1])) return Number(entry);
      } catch {
        // fd closed meanwhile
      }
    }
  }
  return null;
}

export async function reference(url: string, pid: number | null): Promise<Target> {
  await waitUntilUp(url, 5_000);
  const port = Number(new URL(url).port || 80);
  return { name: "reference", url, pid: pid ?? (await pidListeningOn(port)), stop: async () => undefined };
}

/** Resident set size of a process in bytes (VmRSS), or null. */
export async function rss(pid: number | null): Promise<number | null> {
  if (pid === null) return null;
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** A bare server answering `body` with `headers` to any request, once the request body is read. */
export function bareServer(kind: "node:http" | "fastify", port: number, headers: Record<string, string>, body: string): ChildProcess {
  const h = JSON.stringify(headers);
  const b = JSON.stringify(body);
  const source =
    kind === "node:http"
      ? `const http = require("node:http"); const headers = ${h}; const body = Buffer.from(${b});
         http.createServer((req, res) => { req.resume(); req.on("end", () => { res.writeHead(200, headers); res.end(body); }); }).listen(${port}, "127.0.0.1");`
      : `const Fastify = require("fastify"); const headers = ${h}; const body = ${b}; const app = Fastify();
         app.removeAllContentTypeParsers(); app.addContentTypeParser("*", { parseAs: "buffer" }, (_r, raw, done) => done(null, raw));
         app.all("/*", (req, reply) => { reply.headers(headers).send(body); });
         app.listen({ port: ${port}, host: "127.0.0.1" });`;
  const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..");
  return spawn(process.execPath, ["-e", source], { cwd: serverDir, stdio: ["ignore", "inherit", "inherit"] });
}

/** Where a bench starts its fresh reference unless told otherwise (not 8100, so a shared reference there is left alone). */
export const FRESH_REFERENCE_PORT = 8190;

/** The upstream server's launcher (shared/reference-chroma: the pinned chromadb release). */
const REFERENCE_CLI = "/work/shared/reference-chroma/chroma-ref";

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "inherit"] });
    child.once("error", rej);
    child.once("exit", (code) => (code === 0 ? res() : rej(new Error(`${cmd} ${args.join(" ")} exited with ${code}`))));
  });
}

/**
 * A fresh reference process on `port` with a data directory of its own (a temp dir, removed on
 * stop); whatever the launcher had on that port is stopped first. Its stop() returns once the
 * process is gone, not only signalled.
 */
export async function startFreshReference(port: number): Promise<Target> {
  const dir = await mkdtemp(join(tmpdir(), "chroma-ref-bench-"));
  await run(REFERENCE_CLI, ["stop", "--port", String(port)]).catch(() => undefined);
  await run(REFERENCE_CLI, ["start", "--port", String(port), "--path", dir]);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, 60_000);
  const pid = await pidListeningOn(port);
  return {
    name: "reference",
    url,
    pid,
    async stop() {
      await run(REFERENCE_CLI, ["stop", "--port", String(port)]).catch(() => undefined);
      // `chroma-ref stop` returns once it has sent SIGKILL; the process then still tears down
      // (~2 s and half a core for a 100k reference): not beside the next measurements.
      if (pid !== null) await gone(pid, 30_000);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves once process `pid` no longer exists (or after `ms`). */
async function gone(pid: number, ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // A zombie still answers signal 0 but has no running threads left: its stat says Z.
    const stat = processStat(pid);
    if (stat === null || stat.state === "Z") return;
    await sleep(100);
  }
}
