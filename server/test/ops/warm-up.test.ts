/**
 * The query-route warm-up (src/startup/warm-up.ts, http/internal.ts): it runs the real app's
 * query route against a scratch core, only while the real server is quiet, and leaves nothing
 * behind: not in the real catalog, request log, metrics or foreground count, not on disk.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import fc from "fast-check";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { Chroma } from "../../src/core/chroma.js";
import { InternalRequests } from "../../src/http/internal.js";
import { parseCredentials, type Credentials } from "../../src/auth/credentials.js";
import { openStorage } from "../../src/storage/open.js";
import { parseBody } from "../../src/http/router.js";
import { parseJson } from "../../src/util/json.js";
import { startQueryWarmUp, WARM_UP_QUERIES, type WarmUpOptions } from "../../src/startup/warm-up.js";
import { ForegroundActivity } from "../../src/util/foreground.js";
import { localHost } from "../../src/util/local-process.js";
import { logLines, startServer } from "../helpers/server.js";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "chromaspec-warm-up-test-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function freshRoot(): Promise<string> {
  return mkdtemp(join(root, "r-"));
}

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** The real server: its own storage, core and app (request log, metrics, foreground) on a loopback port. */
async function realServer(quietMs = 0, host = "127.0.0.1", credentials?: Credentials) {
  const storage = await openStorage(join(await freshRoot(), "data"));
  closers.push(() => storage.close());
  const chroma = new Chroma(storage, { allowReset: false, maxBatchSize: 5461, version: "1.0.0" });
  await chroma.init();
  const lines: { msg: string; route?: string }[] = [];
  const activity = new ForegroundActivity({ quietMs, maxDeferMs: 30_000 });
  const internal = new InternalRequests();
  const app = await buildApp(chroma, {
    logger: pino({ level: "silent" }),
    requestLog: pino({ level: "info" }, { write: (s: string) => lines.push(JSON.parse(s) as { msg: string }) }),
    bodyLimit: 1 << 26,
    metrics: { version: "0.0.0-test", apiVersion: "1.0.0" },
    foreground: activity,
    internal,
    credentials,
  });
  await app.listen({ port: 0, host });
  closers.push(() => app.close());
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  /** Warm-up options aimed at this server (and its foreground), with `more`. */
  const warm = (more: Partial<WarmUpOptions> = {}): WarmUpOptions => ({ internal, port, host, foreground: activity, ...more });
  return { url, lines, activity, internal, warm };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/*
 * V8's view of a function: %GetOptimizationStatus (natives syntax, allowed from here on for code
 * compiled after this line). Bits (V8 11, node 20): 16 optimized (TurboFan), 256 marked for
 * optimization, 512 marked for concurrent optimization, 1024 being optimized concurrently.
 */
setFlagsFromString("--allow-natives-syntax");
const optimizationStatus = new Function("f", "return %GetOptimizationStatus(f)") as (f: unknown) => number;
const TURBOFAN = 16 | 256 | 512 | 1024;

describe("the query warm-up", () => {
  it("gets TurboFan to the query route's shared functions, which had not run before", async () => {
    const route = { parseBody, parseJson, query: Chroma.prototype.query };
    for (const [name, f] of Object.entries(route)) expect(optimizationStatus(f) & TURBOFAN, `${name} before`).toBe(0);
    const server = await realServer();
    const outcome = await startQueryWarmUp(server.warm({ tmpRoot: await freshRoot() })).done;
    expect(outcome).toMatchObject({ queries: WARM_UP_QUERIES, incomplete: null });
    for (const [name, f] of Object.entries(route)) expect(optimizationStatus(f) & TURBOFAN, `${name} after`).not.toBe(0);
  });

  it("sends every query through the real app, answered 2xx by the scratch core, and leaves nothing behind", async () => {
    const server = await realServer();
    const tmpRoot = await freshRoot();
    const paths: string[] = [];
    let counted = 0;
    const begin = server.activity.begin.bind(server.activity);
    server.activity.begin = () => {
      counted++;
      begin();
    };
    const outcome = await startQueryWarmUp(server.warm({ queries: 120, tmpRoot, onRequest: (method, path) => paths.push(`${method} ${path}`) })).done;
    expect(outcome).toMatchObject({ queries: 120, incomplete: null });
    // Not the real server's traffic: no request-log line, no metric, no foreground activity.
    expect(server.lines).toEqual([]);
    expect(counted).toBe(0);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).not.toMatch(/chromaspec_http_requests_total\{operation="(v2CollectionQuery|v1CollectionQuery|v2CollectionAdd|v2CreateCollection)"/);
    // Not in the real catalog: the real server has no collection.
    const listed = (await (await fetch(`${server.url}/api/v2/tenants/default_tenant/databases/default_database/collections`)).json()) as unknown[];
    expect(listed).toEqual([]);
    // The scratch collections' ids are unknown to the real server.
    const scratchId = /collections\/([^/]+)\/query/.exec(paths.find((p) => p.endsWith("/query"))!)![1];
    expect((await fetch(`${server.url}/api/v2/tenants/default_tenant/databases/default_database/collections/${scratchId}/count`)).status).toBe(404);
    // A request log line and a count for the real requests just made, as ever.
    expect(server.lines.length).toBeGreaterThan(0);
    const queries = paths.filter((p) => p.endsWith("/query"));
    expect(queries).toHaveLength(120);
    // Both faces, three collections (one per space).
    expect(queries.some((p) => p.includes("/api/v1/collections/"))).toBe(true);
    expect(new Set(queries.map((p) => /collections\/([^/]+)\/query/.exec(p)?.[1])).size).toBe(3);
    expect(await readdir(tmpRoot)).toEqual([]);
  });

  // A server bound to a LAN address sees its own connection come from that address (not 127.0.0.1);
  // bound to "::" it sees IPv4 clients as ::ffff:127.0.0.1. Either way the warm-up's requests stay its own.
  const lan = Object.values(networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal)?.address;
  for (const host of [lan, "::"]) {
    it.skipIf(host === undefined)(`keeps its requests out of the real catalog on a server bound to ${host}`, async () => {
      const server = await realServer(0, host!);
      const outcome = await startQueryWarmUp(server.warm({ queries: 30, tmpRoot: await freshRoot() })).done;
      expect(outcome).toMatchObject({ queries: 30, incomplete: null });
      expect(server.lines).toEqual([]);
      const url = host === "::" ? server.url.replace("[::]", "127.0.0.1") : server.url;
      expect(await (await fetch(`${url}/api/v2/tenants/default_tenant/databases/default_database/collections`)).json()).toEqual([]);
    });
  }

  it("works on a server with authentication, whose other clients still need a token", async () => {
    const credentials = parseCredentials(JSON.stringify({ users: [{ id: "admin", tenant: "*", databases: ["*"], tokens: ["t0k3n"] }] }));
    const server = await realServer(0, "127.0.0.1", credentials);
    const outcome = await startQueryWarmUp(server.warm({ queries: 30, tmpRoot: await freshRoot() })).done;
    expect(outcome).toMatchObject({ queries: 30, incomplete: null });
    const list = `${server.url}/api/v2/tenants/default_tenant/databases/default_database/collections`;
    expect((await fetch(list)).status).toBe(401);
    expect(await (await fetch(list, { headers: { authorization: "Bearer t0k3n" } })).json()).toEqual([]);
  });

  it("does not start while a real request is in flight, and starts quietMs after it ended", async () => {
    const tmpRoot = await freshRoot();
    const server = await realServer(200);
    const activity = server.activity;
    activity.begin();
    let first = 0;
    const warmUp = startQueryWarmUp(server.warm({ queries: 10, tmpRoot, onRequest: () => (first ||= Date.now()) }));
    // Longer than maxDeferMs: deferred background work would have started by now; the warm-up waits.
    await sleep(1500);
    expect(first).toBe(0);
    expect(await readdir(tmpRoot)).toEqual([]);
    const ended = Date.now();
    activity.end();
    expect(await warmUp.done).toMatchObject({ queries: 10, incomplete: null });
    expect(first - ended).toBeGreaterThanOrEqual(200 - 5);
  });

  it("pausedMs is the time it actually waited for real requests, also when the event loop ran late", async () => {
    const quietMs = 150;
    const server = await realServer(quietMs);
    const activity = server.activity;
    let sent = 0;
    let pauseStart = 0;
    let pauseEnd = 0;
    const warmUp = startQueryWarmUp(
      server.warm({
        queries: 20,
        tmpRoot: await freshRoot(),
        onRequest: () => {
          if (++sent !== 5) return;
          // A real request arrives now; 50 ms later the event loop is blocked for 300 ms (a long
          // synchronous task), and the request ends with it: the warm-up's quietMs timer fires
          // ~200 ms late, so the deferrals it asked for (2 x quietMs) fall short of its real wait.
          activity.begin();
          pauseStart = performance.now();
          setTimeout(() => {
            const until = performance.now() + 300;
            while (performance.now() < until);
            activity.end();
          }, 50);
        },
      }),
    );
    const outcome = await warmUp.done;
    expect(outcome).toMatchObject({ queries: 20, incomplete: null });
    pauseEnd = performance.now();
    // Paused from (about) request 5's answer until quietMs after the blocked task: ~350 + quietMs
    // (the deferrals asked for come to 2 x quietMs = 300); 100 ms of slack for a slow request 5.
    expect(outcome.pausedMs).toBeGreaterThanOrEqual(350 + quietMs - 100);
    expect(outcome.pausedMs).toBeLessThanOrEqual(pauseEnd - pauseStart + 1);
  });

  it("never sends a request while a real one is in flight or within quietMs of one ending (random real traffic)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ gap: fc.integer({ min: 0, max: 120 }), length: fc.integer({ min: 1, max: 80 }) }), { minLength: 3, maxLength: 12 }), async (traffic) => {
        const quietMs = 40;
        const server = await realServer(quietMs);
        const activity = server.activity;
        const violations: string[] = [];
        let lastEnd = Number.NEGATIVE_INFINITY;
        const warmUp = startQueryWarmUp({
          ...server.warm(),
          queries: 100_000, // more than the traffic lasts: stopped below
          tmpRoot: await freshRoot(),
          onRequest: (method, path) => {
            const since = Date.now() - lastEnd;
            // 2 ms of slack: Date.now() is read on both sides at ms resolution.
            if (activity.active > 0 || since < quietMs - 2) violations.push(`${method} ${path}: ${activity.active} in flight, ${since} ms after the last`);
          },
        });
        for (const { gap, length } of traffic) {
          await sleep(gap);
          activity.begin();
          await sleep(length);
          activity.end();
          lastEnd = Date.now();
        }
        const outcome = await warmUp.stop();
        for (const close of closers.splice(0).reverse()) await close();
        expect(outcome.incomplete).toBe("stopped");
        expect(violations).toEqual([]);
      }),
      { numRuns: 4 },
    );
  });

  it("stop() ends it between two requests, closes the scratch instance and removes its directory", async () => {
    const tmpRoot = await freshRoot();
    let sent = 0;
    const server = await realServer();
    const warmUp = startQueryWarmUp(server.warm({ queries: 100_000, tmpRoot, onRequest: () => sent++ }));
    while (sent < 50) await sleep(10);
    const outcome = await warmUp.stop();
    expect(outcome.incomplete).toBe("stopped");
    expect(outcome.queries).toBeGreaterThan(0);
    expect(outcome.queries).toBeLessThan(100_000);
    expect(await readdir(tmpRoot)).toEqual([]);
    // Its connection is no longer admitted: nothing is answered by the scratch core any more.
    expect(server.internal.admitted).toBe(0);
  });

  it("gives up with the reason, without throwing, when it cannot make its scratch directory", async () => {
    const notADir = join(await freshRoot(), "file");
    await writeFile(notADir, "x");
    const server = await realServer();
    const outcome = await startQueryWarmUp(server.warm({ queries: 10, tmpRoot: notADir })).done;
    expect(outcome.queries).toBe(0);
    expect(outcome.incomplete).toMatch(/ENOTDIR|not a directory/i);
  });

  it("removes scratch directories of exited processes of this host, and keeps live ones", async () => {
    const tmpRoot = await freshRoot();
    // A pid that is not running: the largest pid Linux hands out, or one above it.
    const dead = join(tmpRoot, `chromaspec-warm-up-${localHost()}:4194303:abc123`);
    const live = join(tmpRoot, `chromaspec-warm-up-${localHost()}:${process.ppid}:def456`);
    const other = join(tmpRoot, "chromaspec-warm-up-otherhost:4194303:ghi789");
    for (const dir of [dead, live, other]) await mkdir(dir);
    const server = await realServer();
    await startQueryWarmUp(server.warm({ queries: 1, tmpRoot })).done;
    expect((await readdir(tmpRoot)).sort()).toEqual([live, other].map((d) => d.slice(tmpRoot.length + 1)).sort());
  });
});

describe("the command's warm-up (warm_up setting)", () => {

  async function warmUpLine(args: string[], waitMs: number) {
    const server = await startServer({ args, env: { LOG_LEVEL: "debug", CHROMA_REQUEST_LOG_LEVEL: "info" } });
    try {
      const deadline = Date.now() + waitMs;
      let line;
      while (!(line = logLines(server).find((l) => l.component === "warm-up")) && Date.now() < deadline) await sleep(100);
      // The request log (info) holds no line of the warm-up's thousands of requests.
      const requests = logLines(server).filter((l) => l.msg === "request");
      return { line, requests };
    } finally {
      await server.dispose();
    }
  }

  it("runs once by default, in the first quiet period, and the request log shows none of it", async () => {
    const { line, requests } = await warmUpLine([], 45_000);
    expect(line).toMatchObject({ msg: "query route warm-up ended", queries: WARM_UP_QUERIES, incomplete: null });
    // Only the helper's heartbeat polls.
    expect(requests.every((l) => String(l.route).includes("heartbeat")), JSON.stringify(requests.slice(0, 3))).toBe(true);
  });

  it("--no-warm-up: none", async () => {
    const { line } = await warmUpLine(["--no-warm-up"], 3000);
    expect(line).toBeUndefined();
  });
});
