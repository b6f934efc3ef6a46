/**
 * The matrix's machine-speed gate (bench/machine-gate.ts, issue 18): from probe times it decides
 * whether a phase waits, is kept, repeated or flagged, and which attempt's figures the report
 * uses. A wrong rule silently reports a phase measured on a 1.6-1.8x slower machine (or repeats
 * forever), so each branch is pinned here.
 */
import { describe, expect, it } from "vitest";
import { afterDecision, baselineOf, beforeDecision, calibrateSteady, chooseAttempt, DEFAULT_RULE, isSlow, waitForNormal } from "../../bench/machine-gate.js";
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

describe("calibration", () => {
  /** A fake probe answering `ms` in order, and the sleeps asked for. */
  function fakes(ms: number[]) {
    const queue = [...ms];
    const slept: number[] = [];
    return {
      probe: async () => {
        if (queue.length === 0) throw new Error("probed more often than the test expects");
        return queue.shift()!;
      },
      sleep: async (t: number) => slept.push(t),
      slept,
      left: () => queue.length,
    };
  }

  it("keeps the first round in which the machine held still: one round of 7, 0.5 s apart", async () => {
    const f = fakes([58, 61, 60, 57, 63, 59, 62, /* never probed: */ 100]);
    const c = await calibrateSteady(f.probe, f.sleep);
    expect(c.baselineMs).toBe(60);
    expect(c).toMatchObject({ kept: 0, steady: true });
    expect(c.rounds).toHaveLength(1);
    expect(f.slept).toEqual([500, 500, 500, 500, 500, 500]);
    expect(f.left()).toBe(1);
  });

  it("measures again when the machine drifted during a round (session 18's probes), and keeps the steady round", async () => {
    const drifted = [70.5, 80.5, 54.3, 57.7, 69.3, 81.3, 73.1]; // median 70.5, spread 1.50x
    const f = fakes([...drifted, 58, 57, 60, 59, 61, 58, 62]);
    const c = await calibrateSteady(f.probe, f.sleep);
    expect(c.rounds.map((r) => r.probesMs.length)).toEqual([7, 7]);
    expect(c.rounds[0].spread).toBeCloseTo(81.3 / 54.3, 6);
    expect(c).toMatchObject({ kept: 1, steady: true, baselineMs: 59 });
    expect(f.slept).toHaveLength(13); // 0.5 s between every two probes, across rounds too
  });

  it("after 3 noisy rounds takes the median of all 21 probes and says it was not steady", async () => {
    const f = fakes([
      ...[64.6, 58.9, 72.9, 65.2, 63.9, 91.1, 74.8], // 2026-12-02 16:19, medians 65.2 / 72.9 / 79.1
      ...[74.9, 59.9, 93.4, 64.6, 80.6, 70.8, 72.9],
      ...[92.2, 66.2, 60.4, 88.6, 85.0, 79.1, 62.4],
    ]);
    const c = await calibrateSteady(f.probe, f.sleep);
    expect(c).toMatchObject({ kept: -1, steady: false, baselineMs: 72.9 });
    expect(c.rounds).toHaveLength(3);
    expect(f.left()).toBe(0);
  });

  it("takes the steadiness bar from the rule's ratio", async () => {
    const round = [60, 70, 62, 61, 63, 64, 65]; // spread 1.17
    const strict = await calibrateSteady(fakes([...round, ...round, ...round]).probe, async () => undefined, { ...DEFAULT_RULE, ratio: 1.1 });
    expect(strict).toMatchObject({ steady: false, kept: -1, baselineMs: 63 });
    expect(strict.rounds).toHaveLength(3);
    const loose = await calibrateSteady(fakes(round).probe, async () => undefined);
    expect(loose).toMatchObject({ steady: true, kept: 0, baselineMs: 63 });
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
