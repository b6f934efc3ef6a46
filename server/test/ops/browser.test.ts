/**
 * What a person with a browser sees (issue 16 items 1, 2, 8): headless Chromium (Debian's, which CI
 * installs; driven by playwright-core)
 * - opens /docs and finds every operation of openapi.yaml listed, with every asset served by the
 *   server itself (any request to another host fails the test: no CDN);
 * - loads a page from another origin that imports the built @chromaspec/sdk (ES modules with an
 *   import map, as a bundler-free page would) and uses it against servers that allow that origin
 *   (CORS preflights and all), allow only another one, or allow none (the default).
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startServer, type RunningServer } from "../helpers/server.js";

const REPO = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// CI installs Chromium (.ci/run): there these tests must run; elsewhere they may be skipped.
const run = Boolean(CHROMIUM || process.env.CI);

let browser: Browser;
beforeAll(async () => {
  if (!run) return;
  expect(CHROMIUM, "chromium is not installed (apt-get install chromium)").toBeDefined();
  // playwright gives the browser a fresh profile directory of its own.
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

function specOperationIds(): string[] {
  const doc = parse(readFileSync(join(REPO, "openapi.yaml"), "utf8")) as { paths: Record<string, Record<string, { operationId?: string }>> };
  return Object.values(doc.paths).flatMap((item) => Object.values(item).flatMap((op) => (typeof op?.operationId === "string" ? [op.operationId] : []))).sort();
}

describe.runIf(run)("/docs in Chromium", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  }, 60_000);
  afterAll(() => server?.dispose());

  it("lists every operation of the spec, with every asset from the server itself", async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.origin === server.url || url.protocol === "data:") return route.continue();
      foreign.push(url.href);
      return route.abort();
    });
    await page.goto(`${server.url}/docs`);
    const expected = specOperationIds();
    await page.waitForFunction((n) => new Set([...document.querySelectorAll(".opblock-summary-operation-id")].map((e) => e.textContent)).size >= n, expected.length, { timeout: 30_000 });
    const listed = await page.$$eval(".opblock-summary-operation-id", (els) => [...new Set(els.map((e) => (e.textContent ?? "").trim()))]);
    expect(listed.sort()).toEqual(expected);
    expect(await page.textContent(".info .title")).toContain("chromaspec");
    expect(foreign).toEqual([]);
    await page.close();
  });
});

const MIME: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".map": "application/json" };

/** A web page on its own origin: index.html, the built SDK under /sdk/, openapi-fetch under /openapi-fetch/. */
async function pageServer(): Promise<{ origin: string; server: Server }> {
  const roots: Record<string, string> = {
    "/sdk/": join(REPO, "sdk/dist/"),
    "/openapi-fetch/": resolve(REPO, "node_modules/openapi-fetch/dist/"),
  };
  const html = `<!doctype html><html><head><script type="importmap">
{"imports": {"@chromaspec/sdk": "/sdk/index.js", "openapi-fetch": "/openapi-fetch/index.mjs"}}
</script></head><body><script type="module">
import { ChromaClient } from "@chromaspec/sdk";
window.tryServer = async (url) => {
  const client = new ChromaClient({ path: url });
  try {
    const beat = await client.heartbeat();
    const collection = await client.getOrCreateCollection({ name: "from-a-browser" });
    await collection.upsert({ ids: ["a", "b"], embeddings: [[1, 0], [0, 1]], documents: ["cat", "dog"] });
    const found = await collection.query({ queryEmbeddings: [[1, 0.1]], nResults: 1, include: ["documents"] });
    const res = await fetch(url + "/api/v2/version");
    return { ok: true, beat: typeof beat, documents: found.documents, trace: res.headers.get("chroma-trace-id") };
  } catch (err) {
    return { ok: false, error: err.constructor.name + ": " + err.message };
  }
};
window.sdkReady = true;
</script></body></html>`;
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/" || path === "/index.html") return void res.writeHead(200, { "content-type": "text/html" }).end(html);
    const prefix = Object.keys(roots).find((p) => path.startsWith(p));
    const file = prefix ? resolve(roots[prefix], path.slice(prefix.length)) : "";
    if (!prefix || !file.startsWith(roots[prefix]) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  const port = await freePort();
  await new Promise<void>((done) => server.listen(port, "127.0.0.1", () => done()));
  return { origin: `http://127.0.0.1:${port}`, server };
}

describe.runIf(run)("@chromaspec/sdk on a web page of another origin (CORS)", () => {
  let site: { origin: string; server: Server };
  let allowed: RunningServer;
  let other: RunningServer;
  let closed: RunningServer;
  let any: RunningServer;

  beforeAll(async () => {
    site = await pageServer();
    [allowed, other, closed, any] = await Promise.all([
      startServer({ args: ["--cors-allow-origins", `http://example.test,${site.origin}`] }),
      startServer({ env: { CHROMA_CORS_ALLOW_ORIGINS: '["http://example.test"]' } }),
      startServer(),
      startServer({ args: ["--cors-allow-origins", "*"] }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([allowed?.dispose(), other?.dispose(), closed?.dispose(), any?.dispose()]);
    await new Promise((done) => site?.server.close(done));
  });

  async function fromPage(url: string): Promise<{ ok: boolean; error?: string; documents?: unknown; trace?: string }> {
    const page = await browser.newPage();
    try {
      await page.goto(site.origin);
      await page.waitForFunction(() => (window as unknown as { sdkReady?: boolean }).sdkReady === true);
      return await page.evaluate((u) => (window as unknown as { tryServer(u: string): Promise<never> }).tryServer(u), url);
    } finally {
      await page.close();
    }
  }

  it("works against a server that allows the page's origin, chroma-trace-id readable", async () => {
    const result = await fromPage(allowed.url);
    expect(result).toMatchObject({ ok: true, documents: [["cat"]] });
    expect(result.trace).toMatch(/^[0-9a-f]{32}$/);
  });

  it("works against a server that allows any origin", async () => {
    expect(await fromPage(any.url)).toMatchObject({ ok: true, documents: [["cat"]] });
  });

  it("is refused by a server that allows only other origins, and by one without CORS (the default)", async () => {
    for (const server of [other, closed]) {
      const result = await fromPage(server.url);
      expect(result.ok).toBe(false);
      expect(result.error).toMatch(/^ChromaConnectionError: /);
    }
  });
});
