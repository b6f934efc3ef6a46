/**
 * Classification of failures that are not the request's fault, and the router's answer to them:
 * storage conditions (as Node's fs and LanceDB's Rust layers word them) are 503 ChromaError,
 * anything else 500 InternalError; neither answer carries the error's own text, and the detail is
 * logged once per condition and minute.
 */
import Fastify from "fastify";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { classifyFailure, FailureLog } from "../../src/http/failures.js";
import { registerRoutes } from "../../src/http/router.js";
import { createHandlers } from "../../src/app.js";
import type { Chroma } from "../../src/core/chroma.js";

const errno = (code: string, message = `${code}: something, open '/var/lib/data/x.lance'`) => Object.assign(new Error(message), { code });
const native = (message: string) => new Error(message);

describe("classifyFailure", () => {
  it.each([
    [errno("EACCES"), "permission denied on the data directory"],
    [errno("EROFS"), "the data directory is on a read-only file system"],
    [errno("ENOSPC"), "no space left on the data directory's device"],
    [errno("EIO"), "I/O error on the data directory's device"],
    [errno("EMFILE"), "too many open files"],
    [native('lance error: LanceError(IO): Read-only file system (os error 30) at path "/d/x.lance/data/.tmp1", /usr/local/cargo/registry/src/lance-io/src/object_store.rs:800:21'), "the data directory is on a read-only file system"],
    [native("lance error: LanceError(IO): Permission denied (os error 13) at path /d"), "permission denied on the data directory"],
    [native("No space left on device (os error 28)"), "no space left on the data directory's device"],
    [native("Generic S3 error: error sending request for url (http://127.0.0.1:9/bucket)"), "the object store failed"],
    [native("Generic S3 error: error sending request: client error (Connect): tcp connect error: Connection refused (os error 111)"), "the object store refused the connection"],
    [Object.assign(new Error("wrapped"), { cause: errno("ENOSPC") }), "no space left on the data directory's device"],
  ])("%s -> 503", (err, condition) => {
    const f = classifyFailure(err, "t".repeat(32));
    expect(f).toEqual({
      status: 503,
      error: "ChromaError",
      message: `Storage unavailable: ${condition}. The server log has the details under trace id ${"t".repeat(32)}.`,
      kind: `storage: ${condition}`,
    });
  });

  it("anything else is a 500 InternalError that says nothing of the error", () => {
    const f = classifyFailure(new TypeError("Cannot read properties of undefined (reading 'x') at /srv/app/dist/core.js:10"), "abc");
    expect(f).toEqual({ status: 500, error: "InternalError", message: "Internal error. The server log has the details under trace id abc.", kind: "internal" });
  });
});

describe("FailureLog", () => {
  function capture() {
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: "info" }, { write: (s: string) => lines.push(JSON.parse(s) as Record<string, unknown>) });
    let now = 0;
    return { lines, failures: new FailureLog(log, 60_000, () => now), advance: (ms: number) => (now += ms) };
  }
  const ctx = { trace_id: "t", method: "POST", route: "/r" };

  it("logs a storage condition once per minute, then how many followed", () => {
    const { lines, failures, advance } = capture();
    for (let i = 0; i < 5; i++) failures.record(classifyFailure(errno("EROFS", `EROFS: file ${i}`), "t"), errno("EROFS", `EROFS: file ${i}`), ctx);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: "storage: the data directory is on a read-only file system", status: 503, trace_id: "t" });
    expect((lines[0].err as { message: string }).message).toBe("EROFS: file 0");
    advance(60_000);
    failures.record(classifyFailure(errno("EROFS"), "u"), errno("EROFS"), { ...ctx, trace_id: "u" });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ trace_id: "u", repeats_since_last_logged: 4 });
  });

  it("logs distinct bugs separately, each once per minute", () => {
    const { lines, failures } = capture();
    for (const m of ["a", "b", "a"]) failures.record(classifyFailure(new Error(m), "t"), new Error(m), ctx);
    expect(lines.map((l) => (l.err as { message: string }).message)).toEqual(["a", "b"]);
  });
});

describe("the router's answer", () => {
  async function app(thrown: unknown) {
    const handlers = createHandlers({} as Chroma);
    const failing = { ...handlers, v2Heartbeat: async () => Promise.reject(thrown) };
    const lines: string[] = [];
    const a = Fastify({ loggerInstance: pino({ level: "info" }, { write: (s: string) => lines.push(s) }) });
    registerRoutes(a, failing);
    await a.ready();
    return { a, lines };
  }

  it("503 for storage, 500 otherwise, neither with the error's text; the detail in the log", async () => {
    for (const [thrown, status, error] of [
      [native('LanceError(IO): Read-only file system (os error 30) at path "/secret/data/x.lance"'), 503, "ChromaError"],
      [new Error("bug at /secret/src/thing.ts:10"), 500, "InternalError"],
    ] as [Error, number, string][]) {
      const { a, lines } = await app(thrown);
      const res = await a.inject({ method: "GET", url: "/api/v2/heartbeat" });
      expect(res.statusCode).toBe(status);
      expect(res.json().error).toBe(error);
      expect(res.body).not.toContain("/secret");
      expect(lines.join("")).toContain("/secret");
      await a.close();
    }
  });
});
