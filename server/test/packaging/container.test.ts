/**
 * The container image (issue 16 item 6) without a container engine: server/container/Dockerfile
 * is interpreted step by step on plain Debian roots. A stage's FROM node:20-bookworm-slim becomes a
 * fresh copy of a debootstrap'ed Debian 12 (minbase) root with this machine's Node installed as the
 * official image has it (/usr/local); COPY copies from the build context (the repository, minus
 * Dockerfile.dockerignore) or from an earlier stage; RUN runs in the root (chroot) with the stage's
 * ENV; the runtime stage's ENTRYPOINT + CMD then start the server as its USER, with its ENV, in its
 * WORKDIR, and its HEALTHCHECK command is run as the engine would. So the build scripts CI runs are
 * the Dockerfile's own, and the test checks what the image does: a non-root server on 0.0.0.0:8000
 * keeping its data in the /data volume, healthy once it answers.
 *
 * Needs root (chroot, mounts) and debootstrap, as CI has; the Debian root is cached in
 * ~/.cache/chromaspec-container (rebuilt when missing). Slow: `make test-packaging`.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/server.js";

const REPO = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
const DOCKERFILE = join(REPO, "server/container/Dockerfile");
const isRoot = process.getuid?.() === 0;
const hasDebootstrap = spawnSync("sh", ["-c", "command -v debootstrap"]).status === 0;
// CI runs as root with debootstrap at hand: there the test must run.
const runIt = (isRoot && hasDebootstrap) || Boolean(process.env.CI);

const CACHE = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "chromaspec-container");
const BASE = join(CACHE, "bookworm-minbase");
const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

interface Stage {
  name?: string;
  root: string;
  env: Record<string, string>;
  workdir: string;
  user?: string;
  entrypoint: string[];
  cmd: string[];
  healthcheck: string[];
  volumes: string[];
  exposed: string[];
}

const work = mkdtempSync(join(tmpdir(), "chromaspec-container-"));
const mounted: string[] = [];
let server: ChildProcess | undefined;
let output = "";
let runtime: Stage;
let port: number;
let uid: number;
let unhealthyBeforeStart: number;

/** Asynchronous on purpose: a worker blocked for minutes misses vitest's RPC deadlines. */
async function sh(cmd: string, args: string[]): Promise<string> {
  try {
    return (await promisify(execFile)(cmd, args, { encoding: "utf8", maxBuffer: 256 << 20 })).stdout;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ").slice(0, 300)} failed: ${e.message.split("\n")[0]}\n${(e.stdout ?? "").slice(-3000)}\n${(e.stderr ?? "").slice(-5000)}`);
  }
}

/** The Debian root an image starts from (cached: it never changes). */
async function baseRoot(): Promise<string> {
  if (!existsSync(join(BASE, ".complete"))) {
    rmSync(BASE, { recursive: true, force: true });
    mkdirSync(CACHE, { recursive: true });
    await sh("debootstrap", ["--variant=minbase", "bookworm", BASE, "http://deb.debian.org/debian"]);
    writeFileSync(join(BASE, ".complete"), "");
  }
  return BASE;
}

/** FROM node:20-bookworm-slim: Debian 12 plus Node and npm in /usr/local, as the official image. */
async function fromNodeImage(name: string): Promise<string> {
  const root = join(work, name);
  await sh("cp", ["-a", await baseRoot(), root]); // device nodes and all, as the image layer holds them
  const node = realpathSync(process.execPath);
  const prefix = dirname(dirname(node));
  const npmCli = realpathSync((await sh("sh", ["-c", "command -v npm"])).trim());
  const npmDir = dirname(dirname(npmCli));
  mkdirSync(join(root, "usr/local/lib/node_modules"), { recursive: true });
  cpSync(node, join(root, "usr/local/bin/node"));
  cpSync(npmDir, join(root, "usr/local/lib/node_modules/npm"), { recursive: true, verbatimSymlinks: true });
  symlinkSync("../lib/node_modules/npm/bin/npm-cli.js", join(root, "usr/local/bin/npm"));
  symlinkSync("../lib/node_modules/npm/bin/npx-cli.js", join(root, "usr/local/bin/npx"));
  if (existsSync(join(prefix, "include/node"))) cpSync(join(prefix, "include/node"), join(root, "usr/local/include/node"), { recursive: true });
  cpSync("/etc/resolv.conf", join(root, "etc/resolv.conf"));
  return root;
}

async function mountInto(root: string): Promise<void> {
  for (const [what, args] of [
    ["proc", ["-t", "proc", "proc", join(root, "proc")]],
    ["dev", ["--bind", "/dev", join(root, "dev")]],
  ] as [string, string[]][]) {
    const target = join(root, what);
    if (mounted.includes(target)) continue;
    await sh("mount", args);
    mounted.push(target);
  }
}

function unmountAll(): void {
  for (const target of mounted.splice(0).reverse()) spawnSync("umount", ["-l", target]);
}

/** Files of the build context: the repository's (tracked or not, minus .gitignore), minus .dockerignore. */
async function contextFiles(): Promise<string[]> {
  const ignore = readFileSync(`${DOCKERFILE}.dockerignore`, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const ignored = (path: string) =>
    ignore.some((p) => {
      const name = p.replace(/^\*\*\//, "");
      const segments = path.split("/");
      if (p.startsWith("**/")) return name.startsWith("*.") ? path.endsWith(name.slice(1)) : segments.includes(name);
      return path === p || path.startsWith(`${p}/`);
    });
  return (await sh("git", ["-C", REPO, "ls-files", "--cached", "--others", "--exclude-standard"]))
    .split("\n")
    .filter((f) => f && !ignored(f) && existsSync(join(REPO, f)));
}

/** Docker's instruction lines: continuations joined, comments dropped. */
function instructions(text: string): { op: string; rest: string }[] {
  const out: { op: string; rest: string }[] = [];
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (current === "" && (line === "" || line.startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      current += line.slice(0, -1) + " ";
      continue;
    }
    current += line;
    const m = /^(\w+)\s+(.*)$/.exec(current);
    if (m) out.push({ op: m[1].toUpperCase(), rest: m[2] });
    current = "";
  }
  return out;
}

function envPairs(rest: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const m of rest.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g)) env[m[1]] = m[2].startsWith('"') ? (JSON.parse(m[2]) as string) : m[2];
  return env;
}

function envArgs(env: Record<string, string>): string[] {
  return Object.entries({ PATH: DEFAULT_PATH, HOME: "/root", ...env }).map(([k, v]) => `${k}=${v}`);
}

/**
 * What a build step gets from the machine it builds on, not from the Dockerfile: when this host
 * reaches the npm registry through a TLS-inspecting proxy whose CA it trusts (NODE_EXTRA_CA_CERTS),
 * the step trusts it too, as a build on this host would have to.
 */
function buildHostEnv(root: string): Record<string, string> {
  const ca = process.env.NODE_EXTRA_CA_CERTS;
  if (!ca || !existsSync(ca)) return {};
  mkdirSync(join(root, "run"), { recursive: true });
  cpSync(ca, join(root, "run/build-host-ca.crt"));
  return { NODE_EXTRA_CA_CERTS: "/run/build-host-ca.crt" };
}

async function runIn(stage: Stage, command: string): Promise<void> {
  await mountInto(stage.root);
  const env = { ...stage.env, ...buildHostEnv(stage.root) };
  await sh("chroot", [stage.root, "/usr/bin/env", "-i", ...envArgs(env), "/bin/sh", "-c", `cd ${stage.workdir} && ${command}`]);
}

/** Builds every stage of the Dockerfile; returns the last one. */
async function build(): Promise<Stage> {
  const text = readFileSync(DOCKERFILE, "utf8");
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  let stage: Stage | undefined;
  let context: string[] | undefined;
  for (const { op, rest } of instructions(text)) {
    const started = Date.now();
    if (op === "ARG") {
      const [k, v] = rest.split("=");
      args[k] = v ?? "";
    } else if (op === "FROM") {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest)!;
      const image = m[1].replace(/\$\{(\w+)\}/g, (_, k: string) => args[k]);
      expect(image).toBe("node:20-bookworm-slim"); // what fromNodeImage() stands in for
      stage = { name: m[2], root: await fromNodeImage(`stage-${stages.length}`), env: {}, workdir: "/", entrypoint: [], cmd: [], healthcheck: [], volumes: [], exposed: [] };
      stages.push(stage);
    } else if (!stage) {
      throw new Error(`${op} before FROM`);
    } else if (op === "COPY") {
      const from = /^--from=(\S+)\s+/.exec(rest);
      const [src, dst] = rest.replace(/^--from=\S+\s+/, "").split(/\s+/);
      if (from) {
        const source = stages.find((s) => s.name === from[1])!;
        cpSync(join(source.root, src), join(stage.root, dst), { recursive: true, verbatimSymlinks: true });
      } else if (src === ".") {
        context ??= await contextFiles();
        for (const f of context) {
          mkdirSync(dirname(join(stage.root, dst, f)), { recursive: true });
          cpSync(join(REPO, f), join(stage.root, dst, f));
        }
      } else {
        mkdirSync(dirname(join(stage.root, dst)), { recursive: true });
        cpSync(join(REPO, src), join(stage.root, dst));
      }
    } else if (op === "RUN") {
      await runIn(stage, rest);
    } else if (op === "ENV") {
      Object.assign(stage.env, envPairs(rest));
    } else if (op === "WORKDIR") {
      stage.workdir = rest;
      mkdirSync(join(stage.root, rest), { recursive: true });
    } else if (op === "USER") {
      stage.user = rest;
    } else if (op === "VOLUME") {
      stage.volumes.push(...rest.split(/\s+/));
    } else if (op === "EXPOSE") {
      stage.exposed.push(...rest.split(/\s+/));
    } else if (op === "ENTRYPOINT") {
      stage.entrypoint = JSON.parse(rest) as string[];
    } else if (op === "CMD") {
      stage.cmd = JSON.parse(rest) as string[];
    } else if (op === "HEALTHCHECK") {
      stage.healthcheck = JSON.parse(rest.slice(rest.indexOf("CMD") + 3).trim()) as string[];
    } else {
      throw new Error(`Dockerfile instruction this test does not interpret: ${op}`);
    }
    // What each step costs (the CI budget): printed with the test output.
    if (Date.now() - started > 1000) console.log(`container: ${op} ${rest.slice(0, 60)}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  unmountAll();
  return stage!;
}

/** `docker run -e` overrides on top of the image's ENV. */
function asUser(stage: Stage, argv: string[], extraEnv: Record<string, string>): string[] {
  return ["--userspec", `${uid}:${uid}`, stage.root, "/usr/bin/env", "-i", ...envArgs({ ...stage.env, HOME: "/data", ...extraEnv }), "/bin/sh", "-c", `cd ${stage.workdir} && exec "$@"`, "sh", ...argv];
}

/** The HEALTHCHECK command's exit code (asynchronous: the server's output keeps flowing meanwhile). */
function healthcheck(): Promise<number> {
  return new Promise((done) => {
    const proc = spawn("chroot", asUser(runtime, runtime.healthcheck, { CHROMA_PORT: String(port) }), { stdio: "ignore" });
    proc.once("exit", (code) => done(code ?? -1));
  });
}

beforeAll(async () => {
  if (!runIt) return;
  expect(isRoot, "the container test needs root (chroot, mounts), as CI has").toBe(true);
  expect(hasDebootstrap, "the container test needs debootstrap (apt-get install debootstrap)").toBe(true);
  runtime = await build();
  const passwd = readFileSync(join(runtime.root, "etc/passwd"), "utf8");
  const user = passwd.split("\n").find((l) => l.startsWith(`${runtime.user}:`));
  expect(user, `USER ${runtime.user} exists in the image`).toBeDefined();
  uid = Number(user!.split(":")[2]);
  await mountInto(runtime.root);
  port = await freePort(); // the engine would publish 8000; here the port is shared with the host
  unhealthyBeforeStart = await healthcheck();
  server = spawn("chroot", asUser(runtime, [...runtime.entrypoint, ...runtime.cmd], { CHROMA_PORT: String(port) }), { stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (c) => (output += c));
  server.stderr!.on("data", (c) => (output += c));
}, 30 * 60_000);

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  }
  unmountAll();
  // Two Debian roots and an installed package: removed by rm(1), so the worker is not blocked
  // (a synchronous rmSync of this tree outlasted vitest's RPC and hook deadlines on a loaded machine).
  await sh("rm", ["-rf", "--one-file-system", work]);
}, 10 * 60_000);

describe.runIf(runIt)("the image, built by its Dockerfile on plain Debian roots", () => {
  it("its health check fails while no server answers", () => {
    expect(unhealthyBeforeStart).toBe(1);
  });

  it("is unhealthy until the server answers, then healthy", async () => {
    let healthy = false;
    for (let i = 0; i < 600 && !healthy; i++) {
      if (server!.exitCode !== null || server!.signalCode !== null) throw new Error(`server exited ${server!.exitCode ?? server!.signalCode}:\n${output}`);
      healthy = (await healthcheck()) === 0;
      if (!healthy) await new Promise((r) => setTimeout(r, 100));
    }
    expect(healthy, output).toBe(true);
    for (let i = 0; i < 100 && !output.includes("chromaspec listening"); i++) await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain("chromaspec listening");
  }, 120_000);

  it("runs as a non-root user, on every address, with its data in the /data volume", async () => {
    expect(runtime.user).not.toBe("root");
    expect(uid).toBeGreaterThan(0);
    expect(runtime.volumes).toContain("/data");
    expect(runtime.exposed).toContain("8000");
    const banner = JSON.parse(output.split("\n").find((l) => l.includes("chromaspec listening"))!) as Record<string, unknown>;
    expect(banner).toMatchObject({ listen: `0.0.0.0:${port}`, path: "/data", auth: "off" });
    const pid = server!.pid!;
    // chroot execs the shell, which execs node: the server is the spawned process itself.
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    expect(/^Uid:\s+(\d+)/m.exec(status)?.[1]).toBe(String(uid));

    const base = `http://127.0.0.1:${port}/api/v2/tenants/default_tenant/databases/default_database`;
    const created = await fetch(`${base}/collections`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "in-the-volume" }) });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    const add = await fetch(`${base}/collections/${id}/add`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ids: ["a"], embeddings: [[1, 2]] }) });
    expect(add.status).toBe(201);
    const table = join(runtime.root, "data", `${id}.lance`);
    expect(existsSync(table), "records are written under /data").toBe(true);
    expect(statSync(table).uid).toBe(uid);
  });

  it("holds no compiler and no sources, only the installed package with its portable addon", () => {
    expect(existsSync(join(runtime.root, "usr/bin/g++"))).toBe(false);
    expect(existsSync(join(runtime.root, "src"))).toBe(false);
    const pkg = join(runtime.root, "app/node_modules/@chromaspec/server");
    expect(existsSync(join(pkg, "native/build/Release/hnsw_portable.node"))).toBe(true);
    expect((JSON.parse(readFileSync(join(pkg, "native/build/Release/cpu.json"), "utf8")) as { tuned: boolean }).tuned).toBe(false);
    expect(existsSync(join(pkg, "test"))).toBe(false);
  });
});
