/**
 * The API reference and CORS over plain HTTP (the browser tests in browser.test.ts show the same
 * through Chromium): /openapi.json is openapi.yaml as JSON with `servers` pointing at the server
 * that answers; /docs is Swagger UI whose assets reference nothing outside the server; CORS
 * preflights are answered for allowed origins only, as upstream's CorsLayer does.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { send } from "../security/support/http.js";

const SPEC = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../openapi.yaml");
const PAGE_ORIGIN = "http://app.example.test:3000";
let plain: RunningServer;
let cors: RunningServer;

beforeAll(async () => {
  [plain, cors] = await Promise.all([startServer(), startServer({ args: ["--cors-allow-origins", `${PAGE_ORIGIN},http://other.test`] })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([plain?.dispose(), cors?.dispose()]);
});

describe("GET /openapi.json", () => {
  it("is openapi.yaml as JSON, with servers pointing at this server", async () => {
    const res = await send(plain.url, { method: "GET", path: "/openapi.json" });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const spec = parse(readFileSync(SPEC, "utf8")) as Record<string, unknown>;
    expect(res.json).toEqual({ ...spec, servers: [{ url: "/", description: "this server" }] });
  });
});

describe("/docs", () => {
  it("serves Swagger UI and all its assets from the server, pointing at the spec", async () => {
    const page = await send(plain.url, { method: "GET", path: "/docs" });
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect(asset, "no asset from another host").not.toMatch(/^(https?:)?\/\//);
      const res = await send(plain.url, { method: "GET", path: new URL(asset, `${plain.url}/docs/`).pathname });
      expect(res.status, asset).toBe(200);
    }
    const init = await send(plain.url, { method: "GET", path: "/docs/static/swagger-initializer.js" });
    expect(init.text).toContain("resolveUrl('./json')");
    const json = await send(plain.url, { method: "GET", path: "/docs/json" });
    expect((json.json as { info: { title: string } }).info.title).toMatch(/chromaspec/);
  });
});

describe("CORS", () => {
  const preflight = (url: string, origin: string) =>
    send(url, {
      method: "OPTIONS",
      path: "/api/v2/tenants/default_tenant/databases/default_database/collections",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,x-chroma-token" },
    });

  it("answers a preflight from an allowed origin: that origin, any method and the asked headers", async () => {
    const res = await preflight(cors.url, PAGE_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers["access-control-allow-origin"]).toBe(PAGE_ORIGIN);
    expect(String(res.headers["access-control-allow-methods"])).toMatch(/POST/);
    expect(String(res.headers["access-control-allow-methods"])).toMatch(/DELETE/);
    expect(res.headers["access-control-allow-headers"]).toBe("content-type,x-chroma-token");
    const get = await send(cors.url, { method: "GET", path: "/api/v2/heartbeat", headers: { origin: PAGE_ORIGIN } });
    expect(get.headers["access-control-allow-origin"]).toBe(PAGE_ORIGIN);
    expect(get.headers["access-control-expose-headers"]).toBe("chroma-trace-id");
  });

  it("gives nothing to an origin not on the list, nor to anyone by default", async () => {
    for (const [url, origin] of [
      [cors.url, "http://evil.test"],
      [plain.url, PAGE_ORIGIN],
    ]) {
      const res = await preflight(url, origin);
      expect(res.headers["access-control-allow-origin"]).toBeUndefined();
      const get = await send(url, { method: "GET", path: "/api/v2/heartbeat", headers: { origin } });
      expect(get.headers["access-control-allow-origin"]).toBeUndefined();
    }
  });
});
