/**
 * The app's per-request hooks (app.ts drain-on-close, http/foreground.ts, lingering-close.ts,
 * the request log and metrics), as callback hooks: every answer — a success, an unmatched route's
 * 404, a validation 422, a handler's error, the 503 given by the drain hook to a request that
 * arrives while the server closes, and the 400 for a path fastify cannot route (which runs no
 * hook) — is in upstream's error shape where it is an error, is logged once with its route and
 * status, is counted by /metrics, and ends its foreground activity.
 */
import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import type { Chroma } from "../../src/core/chroma.js";
import { ForegroundActivity } from "../../src/util/foreground.js";

type Line = { trace_id: string; route: string; op?: string; status: number; msg: string };

/** A core with only what these requests reach (the router validates before any handler runs). */
const chroma = {
  options: { version: "0.0.0-test", allowReset: false, maxBatchSize: 10 },
  heartbeat: () => ({ "nanosecond heartbeat": 1 }),
  getTenant: async () => {
    throw new Error("a bug in a handler");
  },
  listAllCollections: async () => [],
} as unknown as Chroma;

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function start() {
  const lines: Line[] = [];
  const requestLog = pino({ level: "info" }, { write: (s: string) => lines.push(JSON.parse(s) as Line) });
  const activity = new ForegroundActivity();
  const app = await buildApp(chroma, {
    logger: pino({ level: "silent" }),
    bodyLimit: 1 << 20,
    requestLog,
    metrics: { version: "0.0.0-test", apiVersion: "1.0.0" },
    foreground: activity,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  apps.push(app);
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { app, url, lines, activity };
}

/** One raw HTTP exchange: `head` first, `rest` once `between` has resolved; the whole answer. */
async function raw(url: string, head: string, between: () => Promise<void>, rest: string): Promise<string> {
  const { port } = new URL(url);
  const socket = connect(Number(port), "127.0.0.1");
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  let answer = "";
  socket.on("data", (c: Buffer) => (answer += String(c)));
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.write(head);
  await between();
  socket.write(rest);
  await closed;
  return answer;
}

function metric(text: string, operation: string, status: number): number | undefined {
  const m = new RegExp(`^chromaspec_http_requests_total\\{operation="${operation}",status="${status}"\\} (\\d+)$`, "m").exec(text);
  return m ? Number(m[1]) : undefined;
}

describe("per-request hooks", () => {
  it("successes, 404s, 422s, a handler's 500 and an unroutable path's 400 are answered in upstream's shape, logged and counted", async () => {
    const { url, lines, activity } = await start();
    const ok = await fetch(`${url}/api/v2/heartbeat`);
    const missing = await fetch(`${url}/no/such/route`);
    const invalid = await fetch(`${url}/api/v2/tenants`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: 5 }) });
    const failed = await fetch(`${url}/api/v2/tenants/acme`);
    const unroutable = await fetch(`${url}/api/v2/tenants/%E0%A4%A`);
    expect([ok.status, missing.status, invalid.status, failed.status, unroutable.status]).toEqual([200, 404, 422, 500, 400]);
    expect(await unroutable.json()).toMatchObject({ error: "InvalidArgumentError" });
    expect(await missing.json()).toEqual({ error: "NotFoundError", message: "No route for GET /no/such/route" });
    expect(await invalid.json()).toMatchObject({ error: "InvalidArgumentError", message: expect.stringContaining("body.name") });
    expect(await failed.json()).toMatchObject({ error: "InternalError", message: expect.stringContaining("trace id") });
    const text = await (await fetch(`${url}/metrics`)).text();
    expect([metric(text, "v2Heartbeat", 200), metric(text, "unmatched", 404), metric(text, "v2CreateTenant", 422), metric(text, "v2GetTenant", 500), metric(text, "unmatched", 400)]).toEqual([1, 1, 1, 1, 1]);
    const byTrace = new Map(lines.filter((l) => l.msg === "request").map((l) => [l.trace_id, l]));
    const lineOf = (r: Response) => byTrace.get(r.headers.get("chroma-trace-id")!);
    expect(lineOf(ok)).toMatchObject({ route: "/api/v2/heartbeat", op: "v2Heartbeat", status: 200 });
    expect(lineOf(missing)).toMatchObject({ route: "(no route)", status: 404 });
    expect(lineOf(missing)?.op).toBeUndefined();
    expect(lineOf(invalid)).toMatchObject({ route: "/api/v2/tenants", op: "v2CreateTenant", status: 422 });
    expect(lineOf(failed)).toMatchObject({ route: "/api/v2/tenants/{tenant}", op: "v2GetTenant", status: 500 });
    expect(lineOf(unroutable)).toMatchObject({ route: "(no route)", status: 400 });
    expect(activity.active).toBe(0);
  });

  it("a request arriving while the server closes gets a 503 in upstream's shape, closing its connection; logged", async () => {
    const { app, url, lines, activity } = await start();
    let closing: Promise<unknown> = Promise.resolve();
    // Its headers begin before the close (the connection is not idle, so the close waits for it)
    // and end after: the drain hook answers it.
    const answer = await raw(
      url,
      "GET /api/v2/heartbeat HTTP/1.1\r\nHost: 127.0.0.1\r\n",
      async () => {
        closing = app.close();
        await new Promise((r) => setTimeout(r, 100));
      },
      "\r\n",
    );
    await closing;
    const [head, body] = answer.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 503 /);
    expect(head.toLowerCase()).toContain("connection: close");
    expect(JSON.parse(body)).toEqual({ error: "ChromaError", message: "The server is shutting down" });
    const trace = /chroma-trace-id: (\w+)/i.exec(head)![1];
    expect(lines.find((l) => l.trace_id === trace)).toMatchObject({ route: "/api/v2/heartbeat", op: "v2Heartbeat", status: 503 });
    expect(activity.active).toBe(0);
  });
});
