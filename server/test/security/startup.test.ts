/**
 * Start-up policy: an open (token-less) server binds loopback only. Binding any other address
 * needs a credentials file or an explicit --allow-unauthenticated; otherwise the CLI exits 1 with
 * a message saying how to proceed, before opening storage or a socket.
 *
 * The "allowed" cases bind ::ffff:127.0.0.1, an IPv4-mapped loopback address: not loopback by the
 * server's rule (so the policy applies) yet reachable from this machine only, so no test ever
 * exposes a server.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/server.js";
import { credentialsYaml } from "./support/cluster.js";

const CLI = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../dist/cli.js");
const MAPPED_LOOPBACK = "::ffff:127.0.0.1";

let dir: string;
let credentials: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "chromaspec-startup-"));
  credentials = join(dir, "credentials.yaml");
  await writeFile(credentials, credentialsYaml([{ id: "ops", tenant: "*", databases: ["*"], tokens: ["ops-token"] }]));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Outcome {
  /** Exit code when the process ended by itself; null when it was listening and we stopped it. */
  code: number | null;
  listened: boolean;
  output: string;
}

/** Runs `chromaspec run`, stopping it (SIGTERM) as soon as it reports listening. */
async function run(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  const port = await freePort();
  const proc = spawn(process.execPath, [CLI, "run", "--path", join(dir, `data-${port}`), "--port", String(port), ...args], {
    env: { ...(process.env as Record<string, string>), LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let listened = false;
  const onData = (chunk: Buffer) => {
    output += String(chunk);
    if (!listened && output.includes("chromaspec listening")) {
      listened = true;
      proc.kill("SIGTERM");
    }
  };
  proc.stdout.on("data", onData);
  proc.stderr.on("data", onData);
  const code = await new Promise<number | null>((done) => proc.once("exit", (c) => done(c)));
  return { code: listened ? null : code, listened, output };
}

describe("binding a non-loopback address", () => {
  it("is refused without credentials (flag and environment forms)", async () => {
    for (const [args, env] of [
      [["--host", "0.0.0.0"], {}],
      [["--host", "::"], {}],
      [["--host", MAPPED_LOOPBACK], {}],
      [[], { CHROMA_HOST: "0.0.0.0" }],
    ] as [string[], Record<string, string>][]) {
      const out = await run(args, env);
      expect(out.listened, out.output).toBe(false);
      expect(out.code).toBe(1);
      expect(out.output).toMatch(/refusing to listen on \S+ without authentication: pass --auth-credentials <file>, or --allow-unauthenticated/);
    }
  }, 60_000);

  it("is allowed with --allow-unauthenticated or CHROMA_ALLOW_UNAUTHENTICATED", async () => {
    for (const [args, env] of [
      [["--host", MAPPED_LOOPBACK, "--allow-unauthenticated"], {}],
      [["--host", MAPPED_LOOPBACK], { CHROMA_ALLOW_UNAUTHENTICATED: "true" }],
    ] as [string[], Record<string, string>][]) {
      const out = await run(args, env);
      expect(out.listened, out.output).toBe(true);
      expect(out.output).toMatch(/"auth":"off"/);
    }
  }, 60_000);

  it("is allowed with --auth-credentials or CHROMA_SERVER_AUTHN_CREDENTIALS_FILE, with token auth on", async () => {
    for (const [args, env] of [
      [["--host", MAPPED_LOOPBACK, "--auth-credentials", credentials], {}],
      [["--host", MAPPED_LOOPBACK], { CHROMA_SERVER_AUTHN_CREDENTIALS_FILE: credentials }],
    ] as [string[], Record<string, string>][]) {
      const out = await run(args, env);
      expect(out.listened, out.output).toBe(true);
      expect(out.output).toMatch(/"auth":"token"/);
    }
  }, 60_000);
});

describe("credentials files", () => {
  it("a missing or malformed file stops start-up with exit code 1 and says why", async () => {
    const bad = join(dir, "bad.yaml");
    const shared = join(dir, "shared.yaml");
    await writeFile(bad, "users: not-a-list\n");
    await writeFile(shared, credentialsYaml([
      { id: "a", tenant: "t1", databases: ["*"], tokens: ["same"] },
      { id: "b", tenant: "t2", databases: ["*"], tokens: ["same"] },
    ]));
    const cases: [string, RegExp][] = [
      [join(dir, "does-not-exist.yaml"), /^chromaspec: auth credentials file \S+does-not-exist.yaml: does not exist \(--auth-credentials, auth_credentials_file\)$/m],
      [bad, /^chromaspec: auth credentials file \S+bad.yaml: expected a non-empty `users` list/m],
      // One token for two users would make the caller's identity ambiguous.
      [shared, /^chromaspec: auth credentials file \S+shared.yaml: token of user b is also given to another user/m],
    ];
    for (const [file, message] of cases) {
      const out = await run(["--host", "127.0.0.1", "--auth-credentials", file]);
      expect(out.listened, out.output).toBe(false);
      expect(out.code).toBe(1);
      expect(out.output).toMatch(message);
    }
  }, 60_000);
});
