/**
 * The request log and the trace id (issue 16 item 4, issue 17 item 4), on real servers:
 * - one line per request after its answer: method, route template (never the concrete path),
 *   operationId, status, duration, collection id, and the trace id the answer carried in its
 *   chroma-trace-id header; never a body, query string or token;
 * - every answer carries chroma-trace-id (32 hex digits, unique), 404/405/422/400 framework errors
 *   and successes alike; a W3C traceparent's trace id is reused;
 * - levels: 401/403 at warn, 5xx at error, the rest at info; request_log_level picks which appear;
 * - the start-up banner (version, data path, auth mode, /docs URL); pretty output when asked for
 *   (and on a terminal: log.test of createLoggers).
 */
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createLoggers } from "../../src/log.js";
import { logLines, startServer, type RunningServer } from "../helpers/server.js";
import { startAuthServer, type AuthServer } from "../security/support/cluster.js";
import { call, send } from "../security/support/http.js";

const BASE = "/api/v2/tenants/default_tenant/databases/default_database";
const SECRET_TOKEN = "tok-admin-very-secret";
const SECRET_DOC = "the-document-text-that-must-not-be-logged";

let server: RunningServer;
let auth: AuthServer;

beforeAll(async () => {
  [server, auth] = await Promise.all([
    startServer({ args: ["--log-format", "json", "--log-level", "info", "--request-log-level", "info"] }),
    startAuthServer([{ id: "admin", tenant: "*", databases: ["*"], tokens: [SECRET_TOKEN] }], { args: ["--log-format", "json", "--log-level", "info", "--request-log-level", "warn"] }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([server?.dispose(), auth?.dispose()]);
});

/** Request log lines reach stdout in batches, within a second: polled for up to 5 s. */
const LOG_LINES = { timeout: 5000, interval: 50 };
const requestLines = (s: RunningServer) => logLines(s).filter((l) => l.msg === "request");

describe("trace ids", () => {
  it("every answer carries a fresh chroma-trace-id: successes, 404, 405, 422 and fastify's own 400", async () => {
    const answers = await Promise.all([
      send(server.url, { method: "GET", path: "/api/v2/heartbeat" }),
      send(server.url, { method: "GET", path: `${BASE}/collections/nope` }),
      send(server.url, { method: "GET", path: "/no/such/route" }),
      send(server.url, { method: "DELETE", path: "/api/v2/heartbeat" }),
      call(server.url, "POST", `${BASE}/collections`, { body: { name: 7 } }),
      send(server.url, { method: "GET", path: "/api/v2/tenants/%E0%A4%A" }),
      send(server.url, { method: "GET", path: "/openapi.json" }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 404, 404, 405, 422, 400, 200]);
    const ids = answers.map((a) => a.headers["chroma-trace-id"]);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("reuses the trace id of a W3C traceparent header, ignores an invalid one", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const res = await send(server.url, { method: "GET", path: "/api/v2/version", headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    expect(res.headers["chroma-trace-id"]).toBe(traceId);
    const zero = await send(server.url, { method: "GET", path: "/api/v2/version", headers: { traceparent: `00-${"0".repeat(32)}-00f067aa0ba902b7-01` } });
    expect(zero.headers["chroma-trace-id"]).not.toBe("0".repeat(32));
  });
});

describe("the request log", () => {
  it("has one line per request with route template, op, status, duration, collection id and the answer's trace id; no bodies", async () => {
    const created = await call(server.url, "POST", `${BASE}/collections`, { body: { name: "logged-collection" } });
    const id = (created.json as { id: string }).id;
    const added = await call(server.url, "POST", `${BASE}/collections/${id}/add?unused=query-string-value`, { body: { ids: ["x"], embeddings: [[1, 2]], documents: [SECRET_DOC] } });
    const missing = await call(server.url, "POST", `${BASE}/collections/${id}/get`, { body: { where: { $bad: 1 } } });
    const trace = (r: typeof added) => r.headers["chroma-trace-id"] as string;
    await vi.waitUntil(() => requestLines(server).some((l) => l.trace_id === trace(missing)), LOG_LINES);
    const byTrace = new Map(requestLines(server).map((l) => [l.trace_id, l]));

    expect(byTrace.get(trace(created))).toMatchObject({ level: 30, method: "POST", route: "/api/v2/tenants/{tenant}/databases/{database}/collections", op: "v2CreateCollection", status: 200 });
    const add = byTrace.get(trace(added))!;
    expect(add).toMatchObject({
      level: 30,
      method: "POST",
      route: "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/add",
      op: "v2CollectionAdd",
      status: 201,
      collection_id: id,
    });
    expect(typeof add.ms).toBe("number");
    expect(Object.keys(add).sort()).toEqual(["collection_id", "hostname", "level", "method", "ms", "msg", "name", "op", "pid", "route", "status", "time", "trace_id"]);
    expect(byTrace.get(trace(missing))).toMatchObject({ status: missing.status, level: 30 });
    const all = server.output.join("");
    expect(all).not.toContain(SECRET_DOC);
    expect(all).not.toContain("query-string-value");
    expect(all).not.toContain("logged-collection"); // names are data: only templates are logged
  });

  it("with request_log_level warn: refused logins (warn) and errors only, never the token", async () => {
    const bad = await send(auth.url, { method: "GET", path: `${BASE}/collections`, headers: { authorization: `Bearer ${SECRET_TOKEN}-wrong` } });
    const missing = await send(auth.url, { method: "GET", path: `${BASE}/collections` });
    const fine = await send(auth.url, { method: "GET", path: `${BASE}/collections`, headers: { authorization: `Bearer ${SECRET_TOKEN}` } });
    expect([bad.status, missing.status, fine.status]).toEqual([401, 401, 200]);
    await vi.waitUntil(() => requestLines(auth).length >= 2, LOG_LINES);
    await new Promise((r) => setTimeout(r, 1200)); // one flush interval: the 200's line would be there by now
    const lines = requestLines(auth);
    expect(lines.map((l) => [l.trace_id, l.status, l.level])).toEqual([
      [bad.headers["chroma-trace-id"], 401, 40],
      [missing.headers["chroma-trace-id"], 401, 40],
    ]);
    expect(auth.output.join("")).not.toContain(SECRET_TOKEN);
  });

  it("the start-up banner says version, data path, auth mode and where /docs is", () => {
    const banner = logLines(server).find((l) => String(l.msg).startsWith("chromaspec listening on"))!;
    expect(banner).toMatchObject({ level: 30, version: expect.stringMatching(/^\d+\.\d+\.\d+/), path: server.dataDir, auth: "off", url: server.url, docs: `${server.url}/docs` });
    expect(banner.msg).toBe(`chromaspec listening on ${server.url} — API reference: ${server.url}/docs`);
    const authBanner = logLines(auth).find((l) => String(l.msg).startsWith("chromaspec listening on"))!;
    expect(authBanner).toMatchObject({ auth: "token", metrics: `${auth.url}/metrics (admin token)` });
  });
});

describe("log output formats", () => {
  function capture(format: "auto" | "pretty" | "json", isTTY: boolean) {
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    return { chunks, loggers: createLoggers({ level: "info", requestLevel: "info", format, isTTY, destination }) };
  }
  const line = { trace_id: "ab".repeat(16), method: "GET", route: "/api/v2/heartbeat", op: "v2Heartbeat", status: 200, ms: 0.42 };

  it("pretty on a terminal (auto) or when asked: request lines read as METHOD route status duration", async () => {
    for (const [format, tty] of [["auto", true], ["pretty", false]] as const) {
      const { chunks, loggers } = capture(format, tty);
      const { requestLog, logger } = await loggers;
      requestLog.info(line, "request");
      logger.info({ url: "http://x" }, "chromaspec listening on http://x");
      const text = chunks.join("");
      expect(text).toMatch(/INFO.*: GET \/api\/v2\/heartbeat 200 0\.42ms/);
      expect(text).toContain(`trace_id: "${line.trace_id}"`);
      expect(text).toMatch(/chromaspec listening on http:\/\/x/);
      expect(text).not.toMatch(/^\{/m);
    }
  });

  it("JSON otherwise (auto without a terminal, or json)", async () => {
    for (const [format, tty] of [["auto", false], ["json", true]] as const) {
      const { chunks, loggers } = capture(format, tty);
      (await loggers).requestLog.info(line, "request");
      expect(JSON.parse(chunks.join(""))).toMatchObject({ ...line, msg: "request", level: 30 });
    }
  });

  it("the request log's level is its own", async () => {
    const chunks: string[] = [];
    const { logger, requestLog } = await createLoggers({ level: "info", requestLevel: "warn", format: "json", destination: { write: (s: string) => void chunks.push(s) } });
    requestLog.info(line, "request");
    logger.info("server line");
    requestLog.warn({ ...line, status: 401 }, "request");
    expect(chunks.map((c) => JSON.parse(c).msg)).toEqual(["server line", "request"]);
  });
});
