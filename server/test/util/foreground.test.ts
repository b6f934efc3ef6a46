/**
 * When background work may start: after quietMs with no request in flight, or once it has waited
 * maxDeferMs since it became due, whatever the traffic.
 */
import { describe, expect, it } from "vitest";
import { ForegroundActivity } from "../../src/util/foreground.js";

describe("ForegroundActivity.deferral", () => {
  const clock = () => {
    const c = { t: 1_000_000, now: () => c.t };
    return c;
  };

  it("on a server that has seen no request, starts quietMs after the work became due", () => {
    const c = clock();
    const a = new ForegroundActivity({ quietMs: 250, maxDeferMs: 30_000 }, c.now);
    // Uncounted status polls may be waiting for the news that made the work due (all indexed):
    // a quietMs look lets their clients' first requests be seen first.
    expect(a.deferral(c.t)).toBe(250);
    expect(a.deferral(c.t - 100)).toBe(150);
    expect(a.deferral(c.t - 250)).toBe(0);
  });

  it("waits while a request is in flight, and quietMs after the last one ends", () => {
    const c = clock();
    const a = new ForegroundActivity({ quietMs: 250, maxDeferMs: 30_000 }, c.now);
    const due = c.t;
    a.begin();
    a.begin();
    expect(a.active).toBe(2);
    c.t += 5_000;
    expect(a.deferral(due)).toBe(250);
    a.end();
    // One still in flight.
    expect(a.deferral(due)).toBe(250);
    c.t += 100;
    a.end();
    expect(a.active).toBe(0);
    c.t += 100;
    expect(a.deferral(due)).toBe(150);
    c.t += 150;
    expect(a.deferral(due)).toBe(0);
  });

  it("never waits past maxDeferMs after the work became due, however busy", () => {
    const c = clock();
    const a = new ForegroundActivity({ quietMs: 250, maxDeferMs: 1_000 }, c.now);
    const due = c.t;
    a.begin();
    c.t += 900;
    // Asked again no later than the bound.
    expect(a.deferral(due)).toBe(100);
    c.t += 100;
    expect(a.deferral(due)).toBe(0);
  });

  it("an unpaired end() does not make the count negative", () => {
    const c = clock();
    const a = new ForegroundActivity({ quietMs: 250, maxDeferMs: 30_000 }, c.now);
    a.end();
    a.begin();
    expect(a.active).toBe(1);
  });
});
