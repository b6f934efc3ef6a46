/**
 * Run-time storage failures that are not the request's fault (issue 16, item 7): the data directory
 * turns read-only under a running server. Writes answer 503 {"error": "ChromaError"} (upstream's
 * status and name for Unavailable) with a message free of internal paths, carrying the trace id;
 * reads keep working; the detail (LanceDB's error with its paths) is logged once per minute, not
 * once per request, while the request log keeps one line per failed request.
 * Read-only: a tmpfs remounted read-only as root (CI), a chmod-ed tree otherwise.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { logLines, startServer, type RunningServer } from "../helpers/server.js";

const isRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), "chromaspec-storage-failures-"));
const mountPoint = join(dir, "mnt");
const data = join(mountPoint, "data");
const BASE = "/api/v2/tenants/default_tenant/databases/default_database";
let server: RunningServer;
let collectionId: string;

function chmodTree(path: string, mode: number): void {
  chmodSync(path, mode);
  for (const name of readdirSync(path)) {
    const child = join(path, name);
    if (statSync(child).isDirectory()) chmodTree(child, mode);
  }
}

/** Files under the mount point that some process holds open (from /proc: no lsof in CI's image). */
function openFilesUnder(path: string): string[] {
  const held: string[] = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // exited, or not ours to read
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.startsWith(path)) held.push(`pid ${pid}: ${target}`);
      } catch {
        // closed meanwhile
      }
    }
  }
  return held;
}

/**
 * A remount to read-only fails ("mount point is busy") while a file on it is open for writing:
 * a background write of the server's (LanceDB maintenance, a save) can be in flight right after
 * an acknowledged add on a loaded machine. Those end on their own, so the remount is retried
 * for up to 20 s; past that the error names the files still held.
 */
async function makeReadOnly(readOnly: boolean): Promise<void> {
  if (!isRoot) {
    chmodTree(data, readOnly ? 0o555 : 0o755);
    return;
  }
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      execFileSync("mount", ["-o", `remount,${readOnly ? "ro" : "rw"}`, mountPoint], { stdio: "pipe" });
      return;
    } catch (e) {
      if (Date.now() > deadline || !String((e as { stderr?: Buffer }).stderr ?? e).includes("busy")) {
        throw new Error(`${String(e)}\nopen under ${mountPoint}:\n${openFilesUnder(mountPoint).join("\n")}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function post(path: string, body: unknown) {
  const res = await fetch(`${server.url}${BASE}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, trace: res.headers.get("chroma-trace-id"), body: (await res.json()) as { error?: string; message?: string } };
}

beforeAll(async () => {
  mkdirSync(mountPoint);
  if (isRoot) execFileSync("mount", ["-t", "tmpfs", "-o", "size=256m", "tmpfs", mountPoint]);
  server = await startServer({ dataDir: data, args: ["--log-format", "json", "--log-level", "info"], env: { CHROMA_REQUEST_LOG_LEVEL: "info" } });
  const created = await post("/collections", { name: "survives-read-only" });
  collectionId = (created.body as { id: string }).id;
  expect((await post(`/collections/${collectionId}/add`, { ids: ["a", "b"], embeddings: [[1, 0], [0, 1]] })).status).toBe(201);
}, 60_000);

afterAll(async () => {
  try {
    await makeReadOnly(false);
  } finally {
    await server?.stop();
    if (isRoot) execFileSync("umount", [mountPoint]);
    rmSync(dir, { recursive: true, force: true });
  }
});

describe("a data directory that turns read-only", () => {
  it("answers writes with 503 ChromaError, no internal paths, the trace id in message and header; reads still work", async () => {
    await makeReadOnly(true);
    const failures = [
      await post(`/collections/${collectionId}/add`, { ids: ["c"], embeddings: [[1, 1]] }),
      await post(`/collections/${collectionId}/upsert`, { ids: ["d"], embeddings: [[1, 1]] }),
      await post(`/collections/${collectionId}/add`, { ids: ["e"], embeddings: [[1, 1]] }),
      await post("/collections", { name: "created-while-read-only" }),
    ];
    for (const res of failures) {
      expect(res.status, JSON.stringify(res.body)).toBe(503);
      expect(res.body.error).toBe("ChromaError");
      const reason = isRoot ? "the data directory is on a read-only file system" : "permission denied on the data directory";
      expect(res.body.message).toBe(`Storage unavailable: ${reason}. The server log has the details under trace id ${res.trace}.`);
      expect(res.trace).toMatch(/^[0-9a-f]{32}$/);
      expect(res.body.message).not.toContain(dir);
    }
    // Nothing acknowledged was lost, nothing refused was written.
    const got = await post(`/collections/${collectionId}/get`, {});
    expect(got.status).toBe(200);
    expect((got.body as unknown as { ids: string[] }).ids.sort()).toEqual(["a", "b"]);

    // Log lines reach stdout in batches, within a second (polled for up to 5 s).
    const failedLines = () => logLines(server).filter((l) => l.msg === "request" && l.status === 503);
    await vi.waitUntil(() => failedLines().length >= failures.length, { timeout: 5000, interval: 50 });
    const lines = logLines(server);
    const failed = failedLines();
    expect(failed.map((l) => l.trace_id)).toEqual(failures.map((f) => f.trace));
    const details = lines.filter((l) => typeof l.msg === "string" && (l.msg as string).startsWith("storage: "));
    // The same condition from four requests: its detail logged once, with LanceDB's own text.
    expect(details).toHaveLength(1);
    expect(details[0].trace_id).toBe(failures[0].trace);
    expect(JSON.stringify(details[0].err)).toContain(data);

    await makeReadOnly(false);
    expect((await post(`/collections/${collectionId}/add`, { ids: ["f"], embeddings: [[1, 1]] })).status).toBe(201);
  });
});
