/**
 * The reused request-body buffer (http/body-buffer.ts): a body lent to one request is never
 * overwritten by another while that request still needs it, the buffer is taken again once
 * released, and fastify's own body errors (413, bad Content-Length) are kept.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { bufferedBody, isPooled, POOL_LIMIT, releaseBody } from "../../src/http/body-buffer.js";

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** An app whose POST /echo answers its body's text; `hold` runs between the parse and the handler. */
async function build(limit: number, hold?: (text: string) => Promise<void>) {
  const seen: { text: string; pooled: boolean }[] = [];
  app = Fastify();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { bodyLimit: limit }, bufferedBody(limit));
  app.post("/echo", { bodyLimit: limit }, async (request) => {
    const body = request.body as Buffer;
    // What the handler still reads after another request may have come in.
    if (hold) await hold(body.toString("latin1"));
    const text = body.toString("latin1");
    seen.push({ text, pooled: isPooled(body) });
    releaseBody(body);
    return text;
  });
  await app.ready();
  return { app, seen };
}

describe("reused body buffer", () => {
  it("takes the buffer again for each body once the previous one is released", async () => {
    const { app, seen } = await build(1 << 20);
    for (const payload of ["first body", "second, longer body", "3rd"]) {
      const res = await app.inject({ method: "POST", url: "/echo", payload, headers: { "content-type": "application/json" } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(payload);
    }
    expect(seen.map((s) => s.pooled)).toEqual([true, true, true]);
  });

  it("gives a body that arrives while the buffer is lent its own bytes, and keeps the first one's intact", async () => {
    let secondArrived!: () => void;
    const arrived = new Promise<void>((r) => (secondArrived = r));
    const { app, seen } = await build(1 << 20, async (text) => {
      if (text.startsWith("A")) await arrived; // the first request waits until the second is parsed
      else secondArrived();
    });
    const a = "A".repeat(5000);
    const b = "B".repeat(5000);
    const [ra, rb] = await Promise.all([
      app.inject({ method: "POST", url: "/echo", payload: a }),
      app.inject({ method: "POST", url: "/echo", payload: b }),
    ]);
    expect(ra.body).toBe(a);
    expect(rb.body).toBe(b);
    expect(seen.find((s) => s.text === a)?.pooled).toBe(true);
    expect(seen.find((s) => s.text === b)?.pooled).toBe(false);
  });

  it("reads a body above POOL_LIMIT into a buffer of its own", async () => {
    const { app, seen } = await build(POOL_LIMIT * 2);
    const payload = "x".repeat(POOL_LIMIT + 1);
    const res = await app.inject({ method: "POST", url: "/echo", payload });
    expect(res.body.length).toBe(payload.length);
    expect(seen[0].pooled).toBe(false);
  });

  it("keeps fastify's errors: 413 above the limit, 400 for a wrong Content-Length, and frees the buffer after them", async () => {
    const { app, seen } = await build(100);
    const big = await app.inject({ method: "POST", url: "/echo", payload: "y".repeat(101) });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe("FST_ERR_CTP_BODY_TOO_LARGE");
    const wrong = await app.inject({ method: "POST", url: "/echo", payload: "short", headers: { "content-length": "50" } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe("FST_ERR_CTP_INVALID_CONTENT_LENGTH");
    const ok = await app.inject({ method: "POST", url: "/echo", payload: "fine" });
    expect(ok.body).toBe("fine");
    expect(seen.at(-1)?.pooled).toBe(true);
  });
});
