/**
 * The matrix's machine-speed gate (issue 18): the rules that decide, from fixed-work probe times
 * (machine-speed.ts), whether to start a phase now or wait, and whether a measured phase is kept,
 * repeated or kept-and-flagged. Pure functions plus one loop with its probe and clock injected, so
 * the rules are tested without a machine (test/bench/machine-gate.test.ts).
 *
 * Why: on this VM one process's five identical paused phases gave distances-only p50 1.23 / 2.02 /
 * 1.92 / 1.44 / 1.48 ms, and a fresh probe right after a slow phase took 96-116 ms of CPU instead
 * of 58-66 (notes spread--18--process-spread.md, r5): a single phase decides a 0.5x target by
 * the machine's luck, for either server. The gate makes both servers' phases run on a machine at
 * its calibrated speed, or says in the results that they did not.
 *
 * The baseline: the median of 7 probes 0.5 s apart, from the first such round whose probes lie
 * within `ratio` of each other (at most 3 rounds; else the median of all 21, logged).
 *
 * The rule, with SLOW = a probe's compute ms above `ratio` (1.25) x the calibrated baseline:
 * - before a phase: probe; while SLOW and less than `maxWaitMs` (20 s) waited, wait `stepMs`
 *   (1 s) and probe again; then start the phase either way (the wait is logged);
 * - after a phase: probe; not SLOW: keep it. SLOW: a paused phase is repeated (pause and query
 *   again) at most `maxRepeats` (2) times; an indexed phase cannot be (its server is no longer
 *   fresh from indexing), it is kept and flagged;
 * - which attempt is kept: the first whose after-probe was not SLOW (the loop stops there); if
 *   none, the median attempt by distances-only p50 (the upper median of an even count, as
 *   timing.ts takes p50), flagged.
 */

/** The gate's knobs; the defaults are the brief's (spread's slow stretches were 1.6-1.8x). */
export interface GateRule {
  /** A probe above ratio x baseline is SLOW. */
  ratio: number;
  /** The most the before-phase gate waits, ms. */
  maxWaitMs: number;
  /** Wait between two before-phase probes, ms. */
  stepMs: number;
  /** Repeats of a paused phase measured on a slow machine (attempts = 1 + repeats). */
  maxRepeats: number;
}

export const DEFAULT_RULE: GateRule = { ratio: 1.25, maxWaitMs: 20_000, stepMs: 1_000, maxRepeats: 2 };

/** True when a probe's compute ms says the machine is slow against the baseline. */
export function isSlow(probeMs: number, baselineMs: number, rule: GateRule = DEFAULT_RULE): boolean {
  return probeMs > rule.ratio * baselineMs;
}

/**
 * The calibrated baseline: the median of the calibration probes' compute ms (a slow stretch
 * during part of the calibration moves the median less than the mean). Throws on no probes.
 */
export function baselineOf(probesMs: number[]): number {
  if (probesMs.length === 0) throw new Error("baselineOf: no calibration probes");
  const s = [...probesMs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** One round of calibration probes and whether the machine held still during it. */
export interface CalibrationRound {
  probesMs: number[];
  /** Slowest / fastest probe of the round. */
  spread: number;
}

/** What calibrateSteady settled on: the baseline, every round in order, which one it kept. */
export interface Calibration {
  baselineMs: number;
  rounds: CalibrationRound[];
  /** The round whose median is the baseline; -1 when none held still (the median of all probes). */
  kept: number;
  /** False when no round's spread was within `rule.ratio`. */
  steady: boolean;
}

/**
 * The run's baseline from rounds of `perRound` probes: the first round whose slowest probe is
 * within `rule.ratio` of its fastest (the machine held still: no probe of it would be SLOW against
 * another), its median; else, after `maxRounds`, the median of every probe of every round. Why: a round taken while
 * the VM drifted into a slow stretch for part of it gave a median of 70.5 ms where the same
 * machine's steady rounds gave 58-60 (session 18's matrix: probes 54-81 ms, spread 1.50x), and
 * a baseline 20 % high makes the slow bar lenient for the whole run. `probe` answers a probe's
 * compute ms, `sleep` waits between probes (both injected: the tests pass fakes).
 */
export async function calibrateSteady(
  probe: () => Promise<number>,
  sleep: (ms: number) => Promise<unknown>,
  rule: GateRule = DEFAULT_RULE,
  perRound = 7,
  maxRounds = 3,
  gapMs = 500,
): Promise<Calibration> {
  if (perRound < 1 || maxRounds < 1) throw new Error("calibrateSteady: needs at least one probe and one round");
  const rounds: CalibrationRound[] = [];
  for (let r = 0; r < maxRounds; r++) {
    const probesMs: number[] = [];
    for (let i = 0; i < perRound; i++) {
      if (r > 0 || i > 0) await sleep(gapMs);
      probesMs.push(await probe());
    }
    rounds.push({ probesMs, spread: Math.max(...probesMs) / Math.min(...probesMs) });
    if (rounds[r].spread <= rule.ratio) return { baselineMs: baselineOf(probesMs), rounds, kept: r, steady: true };
  }
  // No round held still: the machine's noise is wider than the bar right now, not one slow
  // stretch, so the median of every probe is the steadiest estimate of its typical speed (on
  // 2026-12-02 three rounds 4 s apart spread 1.53-1.56x each, round medians 65.2 / 72.9 / 79.1).
  return { baselineMs: baselineOf(rounds.flatMap((r) => r.probesMs)), rounds, kept: -1, steady: false };
}

/** Before a phase, after a probe and `waitedMs` of waiting so far: start now, or wait `stepMs` more. */
export function beforeDecision(probeMs: number, baselineMs: number, waitedMs: number, rule: GateRule = DEFAULT_RULE): "go" | "wait" {
  if (!isSlow(probeMs, baselineMs, rule)) return "go";
  return waitedMs + rule.stepMs <= rule.maxWaitMs ? "wait" : "go";
}

/** What the before-phase gate did: its probes in order, how long it waited, whether the last was still slow. */
export interface GateWait {
  probesMs: number[];
  waitedMs: number;
  /** True when it gave up after maxWaitMs with the machine still slow. */
  stillSlow: boolean;
}

/**
 * The before-phase gate: probes until the machine is not slow or maxWaitMs is spent. `probe`
 * answers a probe's compute ms; `sleep` waits (both injected: the tests pass fakes).
 */
export async function waitForNormal(probe: () => Promise<number>, sleep: (ms: number) => Promise<unknown>, baselineMs: number, rule: GateRule = DEFAULT_RULE): Promise<GateWait> {
  const probesMs: number[] = [];
  let waitedMs = 0;
  for (;;) {
    const ms = await probe();
    probesMs.push(ms);
    if (beforeDecision(ms, baselineMs, waitedMs, rule) === "go") return { probesMs, waitedMs, stillSlow: isSlow(ms, baselineMs, rule) };
    await sleep(rule.stepMs);
    waitedMs += rule.stepMs;
  }
}

/**
 * After attempt number `attempt` (0-based) of a phase, from its after-probe: keep it, measure the
 * phase again (paused only, while repeats are left), or keep the attempts so far and flag the phase.
 */
export function afterDecision(phase: "indexed" | "paused", afterProbeMs: number, baselineMs: number, attempt: number, rule: GateRule = DEFAULT_RULE): "keep" | "repeat" | "flag" {
  if (!isSlow(afterProbeMs, baselineMs, rule)) return "keep";
  if (phase === "paused" && attempt < rule.maxRepeats) return "repeat";
  return "flag";
}

/** One attempt as the choice needs it: its after-probe's compute ms and its distances-only p50. */
export interface AttemptSummary {
  afterProbeMs: number;
  p50: number;
}

/**
 * Which attempt of a phase to keep: the first measured on a machine at normal speed (after-probe
 * not slow); if there is none, the median attempt by p50 (upper median for an even count), and
 * the phase is flagged. Throws on no attempts.
 */
export function chooseAttempt(attempts: AttemptSummary[], baselineMs: number, rule: GateRule = DEFAULT_RULE): { index: number; flagged: boolean; reason: string } {
  if (attempts.length === 0) throw new Error("chooseAttempt: no attempts");
  const normal = attempts.findIndex((a) => !isSlow(a.afterProbeMs, baselineMs, rule));
  if (normal >= 0) {
    return { index: normal, flagged: false, reason: `attempt ${normal + 1}: its after-probe ${attempts[normal].afterProbeMs.toFixed(1)} ms <= ${rule.ratio}x baseline ${baselineMs.toFixed(1)} ms` };
  }
  const order = attempts.map((a, i) => ({ i, p50: a.p50 })).sort((a, b) => a.p50 - b.p50 || a.i - b.i);
  const index = order[Math.floor(order.length / 2)].i;
  return {
    index,
    flagged: true,
    reason:
      attempts.length === 1
        ? `the only attempt, its after-probe ${attempts[0].afterProbeMs.toFixed(1)} ms > ${rule.ratio}x baseline ${baselineMs.toFixed(1)} ms: flagged`
        : `every attempt's after-probe > ${rule.ratio}x baseline ${baselineMs.toFixed(1)} ms; attempt ${index + 1} is the median by distances-only p50 (${attempts.map((a) => a.p50.toFixed(2)).join(" / ")} ms): flagged`,
  };
}
