/**
 * GET /metrics (issue 16 item 5): Prometheus text with requests by operation and status, latency
 * histograms, records and unindexed writes per collection, process memory; off with --no-metrics;
 * with authentication on, an admin token is needed (401 without a token, 403 with a scoped one).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { startAuthServer, type AuthServer } from "../security/support/cluster.js";
import { call, send } from "../security/support/http.js";

const BASE = "/api/v2/tenants/default_tenant/databases/default_database";
let open: RunningServer;
let off: RunningServer;
let auth: AuthServer;

beforeAll(async () => {
  [open, off, auth] = await Promise.all([
    startServer(),
    startServer({ args: ["--no-metrics"] }),
    startAuthServer([
      { id: "admin", tenant: "*", databases: ["*"], tokens: ["admin-token"] },
      { id: "scoped", tenant: "default_tenant", databases: ["*"], tokens: ["scoped-token"] },
    ]),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([open?.dispose(), off?.dispose(), auth?.dispose()]);
});

/** `name{labels} value` lines of a Prometheus text answer, as [name, labels, value]. */
function samples(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  const out = [];
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v;
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  return samples(text).find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe("GET /metrics", () => {
  it("counts requests by operation and status, with latency histograms", async () => {
    const before = (await send(open.url, { method: "GET", path: "/metrics" })).text;
    const heartbeats = (value(before, "chromaspec_http_requests_total", { operation: "v2Heartbeat", status: "200" }) ?? 0) + 3;
    for (let i = 0; i < 3; i++) await send(open.url, { method: "GET", path: "/api/v2/heartbeat" });
    await send(open.url, { method: "GET", path: `${BASE}/collections/missing-one` });
    await send(open.url, { method: "GET", path: "/nothing/here" });
    const res = await send(open.url, { method: "GET", path: "/metrics" });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(value(res.text, "chromaspec_http_requests_total", { operation: "v2Heartbeat", status: "200" })).toBe(heartbeats);
    expect(value(res.text, "chromaspec_http_requests_total", { operation: "v2GetCollection", status: "404" })).toBe(1);
    expect(value(res.text, "chromaspec_http_requests_total", { operation: "unmatched", status: "404" })).toBe(1);
    expect(value(res.text, "chromaspec_http_request_duration_seconds_count", { operation: "v2Heartbeat" })).toBe(heartbeats);
    expect(value(res.text, "chromaspec_http_request_duration_seconds_bucket", { operation: "v2Heartbeat", le: "+Inf" })).toBe(heartbeats);
    expect(value(res.text, "chromaspec_http_request_duration_seconds_sum", { operation: "v2Heartbeat" })).toBeGreaterThan(0);
    expect(res.text).toContain("# TYPE chromaspec_http_request_duration_seconds histogram");
    expect(value(res.text, "process_resident_memory_bytes")).toBeGreaterThan(10 * 1024 * 1024);
    expect(value(res.text, "nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
    const version = (await send(open.url, { method: "GET", path: "/metrics" })).text.match(/chromaspec_info\{version="([^"]+)",api_version="1\.0\.0"\} 1/);
    expect(version?.[1]).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("reports records and unindexed writes per collection, and drops deleted collections", async () => {
    const created = await call(open.url, "POST", `${BASE}/collections`, { body: { name: "metered" } });
    const id = (created.json as { id: string }).id;
    const ids = Array.from({ length: 25 }, (_, i) => `r${i}`);
    expect((await call(open.url, "POST", `${BASE}/collections/${id}/add`, { body: { ids, embeddings: ids.map((_, i) => [i, 1]) } })).status).toBe(201);
    const labels = { tenant: "default_tenant", database: "default_database", collection: "metered", collection_id: id };
    const text = (await send(open.url, { method: "GET", path: "/metrics" })).text;
    expect(value(text, "chromaspec_collection_records", labels)).toBe(25);
    // Whatever the index has not taken in yet, as indexing_status reports it.
    const status = (await send(open.url, { method: "GET", path: `${BASE}/collections/${id}/indexing_status` })).json as { num_unindexed_ops: number };
    const unindexed = value(text, "chromaspec_collection_unindexed_ops", labels);
    expect(unindexed).toBeGreaterThanOrEqual(status.num_unindexed_ops);
    expect(unindexed).toBeLessThanOrEqual(25);
    await send(open.url, { method: "DELETE", path: `${BASE}/collections/metered` });
    const after = (await send(open.url, { method: "GET", path: "/metrics" })).text;
    expect(value(after, "chromaspec_collection_records", labels)).toBeUndefined();
  });

  it("is off with --no-metrics", async () => {
    const res = await send(off.url, { method: "GET", path: "/metrics" });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error: "NotFoundError" });
  });

  it("needs an admin token when authentication is on", async () => {
    const none = await send(auth.url, { method: "GET", path: "/metrics" });
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ error: "AuthError", message: "Unauthorized: missing token" });
    const scoped = await send(auth.url, { method: "GET", path: "/metrics", headers: { authorization: "Bearer scoped-token" } });
    expect(scoped.status).toBe(403);
    expect((scoped.json as { error: string }).error).toBe("AuthorizationError");
    const admin = await send(auth.url, { method: "GET", path: "/metrics", headers: { "x-chroma-token": "admin-token" } });
    expect(admin.status).toBe(200);
    expect(admin.text).toContain("chromaspec_http_requests_total");
  });
});
