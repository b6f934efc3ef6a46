/**
 * The three packages as a user gets them (issue 16 item 8): `npm pack` each, install the tarballs
 * into an empty directory (the server's install script compiles the HNSW addon there), then run
 * the server's CLI, the SDK's quickstart against it, and the contract kit against it. Also: what
 * each tarball holds (what the install script needs, the sources the source maps name; no tests,
 * benchmarks or build output), that the SDK loads with require() and import, and that the kit
 * leaves nothing behind (listing before and after) and reports vitest's own totals.
 *
 * Slow (one addon compile, one full kit run): `make test-packaging`, part of `make test`.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/server.js";

const REPO = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
const work = mkdtempSync(join(tmpdir(), "chromaspec-packages-"));
const packs = join(work, "packs");
const app = join(work, "app");
const data = join(work, "data");
const TSX = join(REPO, "node_modules/tsx/dist/esm/index.mjs");

interface Packed {
  name: string;
  filename: string;
  files: { path: string }[];
}
let packed: Record<string, Packed>;
let server: ChildProcess;
let serverOutput = "";
let url: string;

/** Asynchronous on purpose: a worker blocked for minutes (npm install) misses vitest's RPC deadlines. */
async function run(cmd: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<string> {
  const { stdout } = await promisify(execFile)(cmd, args, { cwd: options.cwd ?? app, env: { ...process.env, ...options.env }, encoding: "utf8", maxBuffer: 64 << 20 });
  return stdout;
}

beforeAll(async () => {
  mkdirSync(packs, { recursive: true });
  mkdirSync(app, { recursive: true });
  const out = await run("npm", ["pack", "--json", "--pack-destination", packs, "-w", "sdk", "-w", "server", "-w", "contract-tests"], { cwd: REPO });
  packed = Object.fromEntries((JSON.parse(out.slice(out.indexOf("["))) as Packed[]).map((p) => [p.name, p]));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "empty", private: true }));
  // From the tarballs only: no workspace, no lockfile, dependencies from the registry.
  await run("npm", ["install", "--no-audit", "--no-fund", ...Object.values(packed).map((p) => join(packs, p.filename))]);

  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  server = spawn(join(app, "node_modules/.bin/chromaspec"), ["run", "--path", data, "--port", String(port), "--log-format", "json", "--request-log-level", "warn"], {
    cwd: app,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (c) => (serverOutput += c));
  server.stderr!.on("data", (c) => (serverOutput += c));
  for (let i = 0; i < 300 && !serverOutput.includes("chromaspec listening"); i++) {
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(serverOutput).toContain("chromaspec listening");
}, 15 * 60_000);

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  rmSync(work, { recursive: true, force: true });
});

describe("tarball contents", () => {
  const paths = (name: string) => packed[name].files.map((f) => f.path);
  const forbidden = /(^|\/)(test|tests|bench|scripts|coverage)\/|\.o$|\.node$|\.test\.|vitest\.config|tsconfig|native\/build\//;

  it("@chromaspec/server: built code, its sources, and what its install script compiles; no tests, benches or objects", () => {
    const files = paths("@chromaspec/server");
    for (const f of ["dist/cli.js", "dist/index.js", "dist/index.d.ts", "dist/config.js", "native/build.mjs", "native/binding.gyp", "native/src/hnsw.cc", "native/hnswlib/hnswlib.h", "src/cli.ts", "package.json"]) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => forbidden.test(f))).toEqual([]);
    expect(files.some((f) => f.startsWith("dist/storage/vector-index/"))).toBe(false); // nothing stale from older builds
  });

  it("@chromaspec/sdk: dist, the sources its maps name, the example", () => {
    const files = paths("@chromaspec/sdk");
    for (const f of ["dist/index.js", "dist/index.d.ts", "src/index.ts", "examples/quickstart.ts", "README.md"]) expect(files, f).toContain(f);
    expect(files.filter((f) => forbidden.test(f))).toEqual([]);
    const installed = join(app, "node_modules/@chromaspec/sdk");
    const maps = files.filter((f) => f.endsWith(".js.map"));
    expect(maps.length).toBeGreaterThan(5);
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(join(installed, map), "utf8")) as { sources: string[] };
      for (const source of sources) expect(existsSync(resolve(dirname(join(installed, map)), source)), `${map} names ${source}`).toBe(true);
    }
  });

  it("@chromaspec/contract-tests: the CLI, the cases and openapi.yaml", () => {
    const files = paths("@chromaspec/contract-tests");
    for (const f of ["bin/contract-tests.js", "openapi.yaml", "src/cases/records.ts", "src/runner/cli.js", "known-differences.json"]) expect(files, f).toContain(f);
    expect(files.filter((f) => /^test\//.test(f))).toEqual([]);
    expect(readFileSync(join(app, "node_modules/@chromaspec/contract-tests/openapi.yaml"), "utf8")).toBe(readFileSync(join(REPO, "openapi.yaml"), "utf8"));
    // The monorepo's copy exists only while packing.
    expect(existsSync(join(REPO, "contract-tests/openapi.yaml"))).toBe(false);
  });
});

describe("installed from the tarballs", () => {
  it("the server CLI: --version, and it serves", async () => {
    const version = (JSON.parse(readFileSync(join(REPO, "server/package.json"), "utf8")) as { version: string }).version;
    expect((await run(join(app, "node_modules/.bin/chromaspec"), ["--version"])).trim()).toBe(version);
    expect(existsSync(join(app, "node_modules/@chromaspec/server/native/build/Release/hnsw_portable.node"))).toBe(true);
    const res = await fetch(`${url}/api/v2/heartbeat`);
    expect(res.status).toBe(200);
    expect((await fetch(`${url}/docs`)).status).toBe(200);
  });

  it("the server as a library: package.json main starts it from code, and a bad setting throws ConfigError", async () => {
    const script = join(app, "embedded.mjs");
    writeFileSync(
      script,
      `import { ConfigError, resolveConfig, startServer } from "@chromaspec/server";
const server = await startServer(resolveConfig({ flags: { path: ${JSON.stringify(join(work, "embedded-data"))}, port: 0, logLevel: "warn", requestLogLevel: "warn" }, env: {} }));
const res = await fetch(server.url + "/api/v2/heartbeat");
console.log("heartbeat", res.status, Object.keys(await res.json()).join(","));
await server.close();
try { resolveConfig({ flags: { port: "eighty" }, env: {} }); } catch (err) { console.log("refused", err instanceof ConfigError, err.message); }
`,
    );
    const out = await run("node", [script]);
    expect(out).toMatch(/^heartbeat 200 nanosecond heartbeat$/m);
    expect(out).toMatch(/^refused true invalid setting port \(flag --port\): "eighty" is not/m);
  }, 60_000);

  it("the SDK loads with require() and with import", async () => {
    writeFileSync(join(app, "cjs.cjs"), 'const sdk = require("@chromaspec/sdk"); console.log(typeof sdk.ChromaClient, typeof sdk.NotFoundError);');
    expect((await run("node", ["cjs.cjs"])).trim()).toBe("function function");
    writeFileSync(join(app, "esm.mjs"), 'import { ChromaClient } from "@chromaspec/sdk"; console.log(typeof ChromaClient);');
    expect((await run("node", ["esm.mjs"])).trim()).toBe("function");
  });

  it("the SDK quickstart runs against it, its URL from CHROMA_URL", async () => {
    const example = join(app, "quickstart.mts"); // an ES module (top-level await) in a package without "type"
    writeFileSync(example, readFileSync(join(app, "node_modules/@chromaspec/sdk/examples/quickstart.ts")));
    const out = await run("node", ["--import", TSX, example], { env: { CHROMA_URL: url } });
    expect(out).toMatch(/^heartbeat \d+/m);
    expect(out).toMatch(/^nearest \[ 'cat', 'dog' \]/m);
    expect(out).toMatch(/^swimmers \[ 'eel' \] count 3$/m);
    expect(out).toMatch(/^gone: /m);
  }, 120_000);

  it("the contract kit passes against it, reports vitest's totals, and leaves nothing behind", async () => {
    const list = async (path: string) => ((await (await fetch(`${url}${path}`)).json()) as { name: string }[]).map((x) => x.name).sort();
    const before = { databases: await list("/api/v2/tenants/default_tenant/databases"), collections: await list("/api/v2/tenants/default_tenant/databases/default_database/collections") };

    const report = join(app, "report.json");
    const proc = spawn(join(app, "node_modules/.bin/chromaspec-contract-tests"), ["--url", url, "--api", "all", "--report", report], { cwd: app, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    proc.stdout!.on("data", (c) => (out += c));
    proc.stderr!.on("data", (c) => (out += c));
    const code = await new Promise<number | null>((done) => proc.once("exit", done));
    expect(code, out.slice(-4000)).toBe(0);

    const r = JSON.parse(readFileSync(report, "utf8")) as {
      totals: { passed: number; failed: number; skipped: number; total: number };
      cleanup: { problems: string[]; tenantsLeft: string[]; deletedDatabases: number };
    };
    expect(r.totals.failed).toBe(0);
    expect(r.totals.passed).toBeGreaterThan(400);
    // vitest's own summary lines ("Tests  N passed | M skipped (T)"), summed over its runs.
    const clean = out.replace(/\x1b\[[0-9;]*m/g, "");
    const sum = { passed: 0, skipped: 0, total: 0 };
    for (const m of clean.matchAll(/^\s*Tests\s+(.*)\((\d+)\)\s*$/gm)) {
      sum.passed += Number(/(\d+) passed/.exec(m[1])?.[1] ?? 0);
      sum.skipped += Number(/(\d+) skipped/.exec(m[1])?.[1] ?? 0);
      sum.total += Number(m[2]);
    }
    expect(sum).toEqual({ passed: r.totals.passed, skipped: r.totals.skipped, total: r.totals.total });

    expect(r.cleanup.problems).toEqual([]);
    expect(r.cleanup.deletedDatabases).toBeGreaterThan(0);
    expect(await list("/api/v2/tenants/default_tenant/databases")).toEqual(before.databases);
    expect(await list("/api/v2/tenants/default_tenant/databases/default_database/collections")).toEqual(before.collections);
    // Tenants cannot be deleted; every one the kit made is left without a database. A database
    // created under an unknown tenant creates that tenant (1.x, since the data model landed), so a
    // few cases leave one more each: the bound only catches a kit that mints tenants per record.
    expect(r.cleanup.tenantsLeft).toContain("chromaspec-contract-tests");
    expect(r.cleanup.tenantsLeft.length).toBeLessThanOrEqual(16);
    for (const tenant of r.cleanup.tenantsLeft) expect(await list(`/api/v2/tenants/${encodeURIComponent(tenant)}/databases`), tenant).toEqual([]);
  }, 20 * 60_000);

  it("the contract kit reads the OpenAPI document given with --spec, and refuses a missing one by name", async () => {
    // The report's operation table comes from the spec the kit reads: an operation only in this copy shows up.
    const spec = join(app, "custom-openapi.yaml");
    const original = readFileSync(join(app, "node_modules/@chromaspec/contract-tests/openapi.yaml"), "utf8");
    const probe = "  /api/v2/packaging-probe:\n    get:\n      operationId: v2PackagingProbe\n      responses:\n        '200':\n          description: ok\n";
    writeFileSync(spec, original.replace(/^paths:\n/m, `paths:\n${probe}`));
    const report = join(app, "spec-report.json");
    const kit = join(app, "node_modules/.bin/chromaspec-contract-tests");
    await run(kit, ["--url", url, "--spec", spec, "--filter", "heartbeat", "--report", report]);
    const r = JSON.parse(readFileSync(report, "utf8")) as { totals: { passed: number; failed: number }; operations: { operationId: string; passed: number }[] };
    expect(r.totals.failed).toBe(0);
    expect(r.totals.passed).toBeGreaterThan(0);
    expect(r.operations.find((o) => o.operationId === "v2PackagingProbe")).toMatchObject({ passed: 0 });
    expect(r.operations.find((o) => o.operationId === "v2Heartbeat")?.passed).toBeGreaterThan(0);

    const missing = join(app, "no-such-openapi.yaml");
    const refused = await run(kit, ["--url", url, "--spec", missing]).then(
      () => "exit 0",
      (err: { stderr: string; code: number }) => `exit ${err.code}: ${err.stderr}`,
    );
    expect(refused).toMatch(/^exit [1-9]\d*: .*--spec .*no-such-openapi\.yaml: no such file/s);
  }, 10 * 60_000);
});
