/** Every HTTP request counts as foreground activity while it is handled, and until quietMs after. */
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { registerForeground } from "../../src/http/foreground.js";
import { ForegroundActivity } from "../../src/util/foreground.js";

describe("registerForeground", () => {
  it("counts a request from its arrival to its answer; background work then waits quietMs", async () => {
    const activity = new ForegroundActivity({ quietMs: 60_000, maxDeferMs: 3_600_000 });
    const app = Fastify();
    registerForeground(app, activity);
    let release!: () => void;
    let seen = -1;
    app.get("/slow", async () => {
      seen = activity.active;
      await new Promise<void>((r) => (release = r));
      return { ok: true };
    });
    await app.ready();
    expect(activity.deferral(Date.now())).toBe(0);
    const answer = app.inject({ method: "GET", url: "/slow" });
    while (seen < 0) await new Promise((r) => setImmediate(r));
    expect(seen).toBe(1);
    release();
    expect((await answer).statusCode).toBe(200);
    expect(activity.active).toBe(0);
    expect(activity.deferral(Date.now())).toBeGreaterThan(0);
    // Errors and unknown routes are requests too, and end as well.
    expect((await app.inject({ method: "GET", url: "/nowhere" })).statusCode).toBe(404);
    expect(activity.active).toBe(0);
    await app.close();
  });
});
