/**
 * The matrix's machine-speed gate (bench/machine-gate.ts, issue 18): from probe times it decides
 * whether a phase waits, is kept, repeated or flagged, and which attempt's figures the report
 * uses. A wrong rule silently reports a phase measured on a 1.6-1.8x slower machine (or repeats
 * forever), so each branch is pinned here.
 */
import { describe, expect, it } from "vitest";
import { afterDecision, baselineOf, beforeDecision, chooseAttempt, DEFAULT_RULE, isSlow, waitForNormal } from "../../bench/machine-gate.js";
import { probeMachine } from "../../bench/machine-speed.js";

const BASE = 60;

describe("isSlow / baselineOf", () => {
  it("calls a probe slow only above 1.25x the baseline", () => {
    expect(isSlow(75, BASE)).toBe(false); // exactly 1.25x: normal
    expect(isSlow(75.1, BASE)).toBe(true);
    expect(isSlow(100, BASE)).toBe(true); // spread's slow stretch: 96-116 against 58-66
    expect(isSlow(40, BASE)).toBe(false);
  });

  it("takes the median of the calibration probes, so one slow probe does not move it", () => {
    expect(baselineOf([60, 110, 58, 62, 61])).toBe(61);
    expect(baselineOf([60])).toBe(60);
    expect(() => baselineOf([])).toThrow();
  });
});

describe("before a phase", () => {
  it("goes at once on a normal probe, waits on a slow one until 20 s are spent", () => {
    expect(beforeDecision(62, BASE, 0)).toBe("go");
    expect(beforeDecision(100, BASE, 0)).toBe("wait");
    expect(beforeDecision(100, BASE, 19_000)).toBe("wait"); // one more 1 s step fits in 20 s
    expect(beforeDecision(100, BASE, 20_000)).toBe("go"); // gives up: measures anyway
  });

  it("probes until the machine is back to normal, sleeping 1 s between probes", async () => {
    const probes = [110, 104, 98, 63, 61];
    const slept: number[] = [];
    const w = await waitForNormal(
      async () => probes.shift()!,
      async (ms) => slept.push(ms),
      BASE,
    );
    expect(w).toEqual({ probesMs: [110, 104, 98, 63], waitedMs: 3000, stillSlow: false });
    expect(slept).toEqual([1000, 1000, 1000]);
  });

  it("gives up after 20 s of a slow machine and says so", async () => {
    let n = 0;
    const w = await waitForNormal(
      async () => {
        n++;
        return 100;
      },
      async () => undefined,
      BASE,
    );
    expect(w.waitedMs).toBe(DEFAULT_RULE.maxWaitMs);
    expect(n).toBe(21); // one probe at 0 s and one after each of the 20 waits
    expect(w.stillSlow).toBe(true);
  });
});

describe("after a phase", () => {
  it("keeps a phase whose after-probe is normal, in either phase", () => {
    expect(afterDecision("paused", 70, BASE, 0)).toBe("keep");
    expect(afterDecision("indexed", 70, BASE, 0)).toBe("keep");
  });

  it("repeats a slow paused phase at most twice, then stops", () => {
    expect(afterDecision("paused", 100, BASE, 0)).toBe("repeat");
    expect(afterDecision("paused", 100, BASE, 1)).toBe("repeat");
    expect(afterDecision("paused", 100, BASE, 2)).toBe("flag");
  });

  it("never repeats an indexed phase (no longer fresh from indexing): flags it", () => {
    expect(afterDecision("indexed", 100, BASE, 0)).toBe("flag");
  });
});

describe("which attempt is kept", () => {
  it("keeps the first attempt measured at normal speed, even if a slow one had a lower p50", () => {
    const c = chooseAttempt(
      [
        { afterProbeMs: 110, p50: 1.2 },
        { afterProbeMs: 64, p50: 1.5 },
      ],
      BASE,
    );
    expect(c.index).toBe(1);
    expect(c.flagged).toBe(false);
  });

  it("without a normal attempt keeps the median by distances-only p50, flagged", () => {
    const c = chooseAttempt(
      [
        { afterProbeMs: 110, p50: 2.02 },
        { afterProbeMs: 100, p50: 1.23 },
        { afterProbeMs: 98, p50: 1.92 },
      ],
      BASE,
    );
    expect(c.index).toBe(2); // 1.23 < 1.92 < 2.02
    expect(c.flagged).toBe(true);
    expect(c.reason).toContain("median");
  });

  it("flags a single slow attempt (the indexed phase) and keeps it", () => {
    const c = chooseAttempt([{ afterProbeMs: 100, p50: 1.4 }], BASE);
    expect(c).toMatchObject({ index: 0, flagged: true });
    expect(() => chooseAttempt([], BASE)).toThrow();
  });

  it("keeps a normal first attempt without looking further", () => {
    expect(chooseAttempt([{ afterProbeMs: 60, p50: 3 }], BASE)).toMatchObject({ index: 0, flagged: false });
  });
});

describe("probeMachine", () => {
  it("answers both halves' CPU ms from a fresh process", async () => {
    const p = await probeMachine();
    expect(p.computeMs).toBeGreaterThan(1);
    expect(p.memoryMs).toBeGreaterThan(1);
    expect(Number.isNaN(Date.parse(p.at))).toBe(false);
  }, 30_000);
});
