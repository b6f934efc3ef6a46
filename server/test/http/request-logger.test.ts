/**
 * request.log made on first use (http/request-logger.ts): a request that never logs makes no pino
 * child; one that does writes the same line an eager child would (its trace id, its level), and a
 * named 5xx from a handler, logged through request.log by the router, carries the trace id the
 * answer's chroma-trace-id header names.
 */
import type { AddressInfo } from "node:net";
import type { FastifyBaseLogger } from "fastify";
import { pino, type Bindings, type ChildLoggerOptions, type Logger } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import type { Chroma } from "../../src/core/chroma.js";
import { LazyChildLogger } from "../../src/http/request-logger.js";

type Line = Record<string, unknown> & { msg: string; level: number };

function capture(level = "info"): { logger: Logger; lines: Line[] } {
  const lines: Line[] = [];
  const logger = pino({ level, base: undefined, timestamp: false }, { write: (s: string) => lines.push(JSON.parse(s) as Line) });
  return { logger, lines };
}

describe("LazyChildLogger", () => {
  it("makes no child until it logs, then writes what logger.child(bindings, options) writes", () => {
    const eager = capture();
    const lazy = capture();
    let children = 0;
    const childOf = lazy.logger.child.bind(lazy.logger);
    lazy.logger.child = ((bindings: Bindings, options?: ChildLoggerOptions) => {
      children++;
      return childOf(bindings, options);
    }) as unknown as typeof lazy.logger.child;

    const log = new LazyChildLogger(lazy.logger as unknown as FastifyBaseLogger, { trace_id: "abc" }, { level: "warn" });
    expect(log.level).toBe("warn");
    expect(children).toBe(0);

    const child = eager.logger.child({ trace_id: "abc" }, { level: "warn" });
    for (const l of [child, log]) {
      l.info("below the child's level");
      l.warn({ n: 1 }, "a warning");
      l.error(new Error("boom"), "failed");
    }
    expect(children).toBe(1);
    expect(lazy.lines.length).toBe(2);
    expect(lazy.lines).toEqual(eager.lines);
    expect(lazy.lines[0]).toMatchObject({ trace_id: "abc", n: 1, msg: "a warning" });
  });

  it("reads its parent's level until made, and its own after", () => {
    const { logger } = capture("debug");
    const log = new LazyChildLogger(logger as unknown as FastifyBaseLogger, { trace_id: "x" }, {});
    expect(log.level).toBe("debug");
    log.level = "error";
    expect(log.level).toBe("error");
    expect(logger.level).toBe("debug");
  });
});

describe("request.log in the app", () => {
  const apps: { close(): Promise<unknown> }[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });

  it("logs a handler's named 5xx with the request's trace id", async () => {
    const { logger, lines } = capture();
    const chroma = {
      options: { version: "0.0.0-test", allowReset: false, maxBatchSize: 10 },
      heartbeat: () => ({ "nanosecond heartbeat": 1 }),
      getTenant: async () => {
        throw Object.assign(new Error("storage is unavailable"), { name: "ChromaError", status: 503 });
      },
    } as unknown as Chroma;
    const app = await buildApp(chroma, { logger, bodyLimit: 1 << 20 });
    await app.listen({ port: 0, host: "127.0.0.1" });
    apps.push(app);
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    expect((await fetch(`${url}/api/v2/heartbeat`)).status).toBe(200);
    const failed = await fetch(`${url}/api/v2/tenants/acme`);
    expect(failed.status).toBe(503);
    const trace = failed.headers.get("chroma-trace-id");
    expect(trace).toMatch(/^\w+$/);
    const errors = lines.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ trace_id: trace, msg: "GET /api/v2/tenants/{tenant} failed" });
  });
});
