/**
 * Every HTTP request but a status poll counts as foreground activity while it is handled, and until quietMs after;
 * background work told "quiet" asks again after an I/O poll (afterIoPoll), which counts requests
 * that arrived while the event loop was blocked.
 */
import Fastify from "fastify";
import { connect, type AddressInfo, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { registerForeground } from "../../src/http/foreground.js";
import { routes } from "../../src/generated/routes.js";
import { afterIoPoll, ForegroundActivity } from "../../src/util/foreground.js";

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
    // Work due for longer than quietMs on a server that has seen no request: start now.
    expect(activity.deferral(Date.now() - 60_000)).toBe(0);
    const answer = app.inject({ method: "GET", url: "/slow" });
    while (seen < 0) await new Promise((r) => setImmediate(r));
    expect(seen).toBe(1);
    release();
    expect((await answer).statusCode).toBe(200);
    expect(activity.active).toBe(0);
    expect(activity.deferral(Date.now() - 60_000)).toBeGreaterThan(0);
    // Errors and unknown routes are requests too, and end as well.
    expect((await app.inject({ method: "GET", url: "/nowhere" })).statusCode).toBe(404);
    expect(activity.active).toBe(0);
    await app.close();
  });
});

/** Background work due now, started the way process-memory.ts starts its GC: nextLook until it says go. */
function backgroundWork(activity: ForegroundActivity): { started: Promise<number>; cancel: () => void } {
  const due = Date.now();
  let timer: NodeJS.Timeout | null = null;
  let cancelled = false;
  const started = new Promise<number>((resolve) => {
    const look = (confirmed: boolean) => {
      if (cancelled) return;
      timer = activity.nextLook(due, confirmed, look);
      if (timer === null) resolve(Date.now() - due);
    };
    look(false);
  });
  return { started, cancel: () => ((cancelled = true), timer && clearTimeout(timer)) };
}

describe("status polls", () => {
  it("a client polling a status route every 50 ms does not hold background work back; one querying does", async () => {
    const activity = new ForegroundActivity({ quietMs: 150, maxDeferMs: 3_600_000 });
    const app = Fastify();
    registerForeground(app, activity);
    app.get("/indexing_status", { config: { statusPoll: true } }, async () => ({ op_indexing_progress: 0.5 }));
    app.post("/query", async () => ({ ids: [[]] }));
    await app.ready();
    const poll = (method: "GET" | "POST", url: string) => {
      const timer = setInterval(() => void app.inject({ method, url }), 50);
      return () => clearInterval(timer);
    };
    try {
      // Polls: the work starts after about quietMs from the start (nothing else ever ran), while they go on.
      const stopPolls = poll("GET", "/indexing_status");
      const work = backgroundWork(activity);
      const waited = await Promise.race([work.started, new Promise<null>((r) => setTimeout(() => r(null), 1_000))]);
      stopPolls();
      work.cancel();
      expect(waited).not.toBeNull();
      expect(activity.active).toBe(0);
      // Queries at the same rate: never quiet for 150 ms, so the work is still waiting after 1 s.
      const stopQueries = poll("POST", "/query");
      await app.inject({ method: "POST", url: "/query" });
      const held = backgroundWork(activity);
      const outcome = await Promise.race([held.started, new Promise<null>((r) => setTimeout(() => r(null), 1_000))]);
      stopQueries();
      held.cancel();
      expect(outcome).toBeNull();
      // Work that becomes due while only polls come in (the graph save at "all indexed"), with the
      // polling client's first query one poll interval later: the query is seen before the work starts.
      await new Promise((r) => setTimeout(r, 300));
      const stopWaiting = poll("GET", "/indexing_status");
      const atHandoff = backgroundWork(activity);
      await new Promise((r) => setTimeout(r, 60));
      stopWaiting();
      const stopFirstQueries = poll("POST", "/query");
      await app.inject({ method: "POST", url: "/query" });
      const first = await Promise.race([atHandoff.started, new Promise<null>((r) => setTimeout(() => r(null), 1_000))]);
      stopFirstQueries();
      atHandoff.cancel();
      expect(first).toBeNull();
    } finally {
      await app.close();
    }
  });

  it("the route table marks exactly the cheap status reads as status polls", () => {
    const polls = routes.filter((r) => r.statusPoll).map((r) => r.operationId).sort();
    expect(polls).toEqual(
      ["v1Heartbeat", "v1PreFlightChecks", "v1Root", "v1Version", "v2Healthcheck", "v2Heartbeat", "v2IndexingStatus", "v2PreFlightChecks", "v2Root", "v2Version"],
    );
  });
});

describe("nextLook", () => {
  it("starts work only at a second quiet look an I/O poll after the first", async () => {
    const activity = new ForegroundActivity({ quietMs: 20, maxDeferMs: 3_600_000 });
    const due = Date.now() - 20;
    // Quiet from the start (no request ever): the first look asks for the second, which starts.
    const second = await new Promise<boolean>((resolve) => expect(activity.nextLook(due, false, resolve)).not.toBeNull());
    expect(second).toBe(true);
    expect(activity.nextLook(due, true, () => undefined)).toBeNull();
    // A request in flight: a wait of quietMs, then a first (unconfirmed) look again.
    activity.begin();
    const t0 = Date.now();
    const after = await new Promise<boolean>((resolve) => expect(activity.nextLook(due, true, resolve)).not.toBeNull());
    expect(after).toBe(false);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(15);
    activity.end();
    // Past maxDeferMs the busy server no longer holds the work back (the second look still comes).
    const bounded = new ForegroundActivity({ quietMs: 60_000, maxDeferMs: 10 });
    bounded.begin();
    const late = Date.now() - 11;
    expect(await new Promise<boolean>((resolve) => bounded.nextLook(late, false, resolve))).toBe(true);
    expect(bounded.nextLook(late, true, () => undefined)).toBeNull();
  });
});

describe("afterIoPoll", () => {
  it("counts a request that arrived while the event loop was blocked before background work asks again", async () => {
    const activity = new ForegroundActivity({ quietMs: 50, maxDeferMs: 3_600_000 });
    const app = Fastify();
    registerForeground(app, activity);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    app.get("/slow", async () => {
      await released;
      return { ok: true };
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as AddressInfo;
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect(port, "127.0.0.1", () => resolve(s));
      s.once("error", reject);
    });
    try {
      const due = Date.now();
      // Quiet: nothing in flight for longer than quietMs.
      await new Promise((r) => setTimeout(r, 80));
      expect(activity.deferral(due)).toBe(0);
      // A request reaches the server's socket while its event loop is blocked (a long GC, a
      // synchronous task) for longer than quietMs: unread, so uncounted.
      socket.write(`GET /slow HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      const blockedUntil = Date.now() + 120;
      while (Date.now() < blockedUntil) {
        // busy
      }
      // By the counts alone the server looks quiet right after the stall: the case afterIoPoll is for.
      expect(activity.deferral(due)).toBe(0);
      // nextLook does not start the work on that: its second look, after the poll, sees the request.
      const looks: boolean[] = [];
      const second = await new Promise<number>((resolve) => {
        const first = activity.nextLook(due, false, (confirmed) => {
          looks.push(confirmed);
          resolve(activity.deferral(due));
        });
        expect(first).not.toBeNull();
      });
      expect(looks).toEqual([true]);
      expect(activity.active).toBe(1);
      expect(second).toBeGreaterThan(0);
      // Busy at the second look: no start, a wait for quiet again (not a confirmed look).
      const again = await new Promise<boolean>((resolve) => {
        const timer = activity.nextLook(due, true, resolve);
        expect(timer).not.toBeNull();
        release();
      });
      expect(again).toBe(false);
    } finally {
      release();
      socket.destroy();
      await app.close();
    }
  });
});
