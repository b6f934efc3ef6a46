/**
 * Start-up refusals (issue 16, item 7): the data path and the port are checked before anything is
 * created; each failure is one line naming the path or port and the fix, with exit code 1, and
 * leaves nothing behind. A read-only directory cannot be made by chmod for root (CI runs as root,
 * and root writes anyway), so it is a read-only tmpfs mount there, a chmod-ed directory otherwise.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/server.js";
import { runCli } from "./support.js";

const dir = mkdtempSync(join(tmpdir(), "chromaspec-startup-errors-"));
const isRoot = process.getuid?.() === 0;
let readOnly: string;

beforeAll(() => {
  readOnly = join(dir, "read-only");
  mkdirSync(readOnly);
  writeFileSync(join(readOnly, "keep"), "");
  if (isRoot) execFileSync("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", readOnly]);
  else chmodSync(readOnly, 0o555);
});

afterAll(() => {
  if (isRoot) execFileSync("umount", [readOnly]);
  else chmodSync(readOnly, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

async function refused(args: string[]): Promise<string> {
  const out = await runCli(["run", "--log-format", "json", ...args], { until: /chromaspec listening/, env: { CHROMA_PORT: undefined } });
  expect(out.matched, out.output).toBe(false);
  expect(out.code, out.output).toBe(1);
  // One line on stderr, nothing else: no stack, no native dump.
  expect(out.stderr.trim().split("\n"), out.stderr).toHaveLength(1);
  expect(out.stderr).not.toMatch(/\.rs:\d+|cargo|at async|node:internal/);
  return out.stderr.trim();
}

describe("the data path", () => {
  it("with a missing parent: names the parent and how to create it, creates nothing", async () => {
    const path = join(dir, "no", "such", "parent", "data");
    const line = await refused(["--path", path, "--port", String(await freePort())]);
    expect(line).toBe(
      `chromaspec: data path ${path} cannot be created: its parent directory ${join(dir, "no", "such", "parent")} does not exist; create it (mkdir -p ${join(dir, "no", "such", "parent")}) or choose another --path (persist_path)`,
    );
    expect(existsSync(join(dir, "no"))).toBe(false);
  });

  it("that is a file: says so", async () => {
    const path = join(dir, "a-file");
    writeFileSync(path, "not a directory");
    expect(await refused(["--path", path, "--port", String(await freePort())])).toBe(
      `chromaspec: data path ${path} is a file, not a directory: choose another --path (persist_path)`,
    );
  });

  it("whose parent is a file: says so", async () => {
    const parent = join(dir, "file-parent");
    writeFileSync(parent, "");
    expect(await refused(["--path", join(parent, "data"), "--port", String(await freePort())])).toBe(
      `chromaspec: data path ${join(parent, "data")} cannot be created: its parent ${parent} is a file, not a directory; choose another --path (persist_path)`,
    );
  });

  it("that exists but is not writable: refused before serving (it used to start and answer every write with a 500)", async () => {
    const reason = isRoot ? "read-only file system" : "permission denied";
    expect(await refused(["--path", readOnly, "--port", String(await freePort())])).toBe(
      `chromaspec: data directory ${readOnly} is not writable (${reason}): fix its permissions or choose another --path (persist_path)`,
    );
  });

  it("that cannot be created in a read-only parent: refused, nothing created", async () => {
    const path = join(readOnly, "data");
    const reason = isRoot ? "read-only file system" : "permission denied";
    expect(await refused(["--path", path, "--port", String(await freePort())])).toBe(
      `chromaspec: data path ${path} cannot be created: its parent directory ${readOnly} is not writable (${reason}); fix its permissions or choose another --path (persist_path)`,
    );
    expect(readdirSync(readOnly)).toEqual(isRoot ? [] : ["keep"]);
  });
});

describe("the port", () => {
  let holder: Server;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    holder = createServer();
    await new Promise<void>((done) => holder.listen(port, "127.0.0.1", () => done()));
  });
  afterAll(() => new Promise<void>((done) => holder.close(() => done())));

  it("in use: refused before the data directory is created", async () => {
    const path = join(dir, "data-port-in-use");
    expect(await refused(["--path", path, "--port", String(port)])).toBe(
      `chromaspec: port ${port} is already in use on 127.0.0.1: stop the process using it or choose another --port (port)`,
    );
    expect(existsSync(path)).toBe(false);
  });

  it("on an address this machine does not have: names the address", async () => {
    expect(await refused(["--path", join(dir, "data-addr"), "--host", "192.0.2.1", "--port", String(await freePort()), "--allow-unauthenticated"])).toBe(
      "chromaspec: address 192.0.2.1 is not an address of this machine: choose another --host (listen_address), e.g. 127.0.0.1 or 0.0.0.0",
    );
    expect(existsSync(join(dir, "data-addr"))).toBe(false);
  });

  it.runIf(!isRoot)("below 1024 without privileges: says why", async () => {
    expect(await refused(["--path", join(dir, "data-low"), "--port", "80"])).toMatch(/not allowed to listen on 127\.0\.0\.1:80 .*choose a port above 1023/);
  });
});
