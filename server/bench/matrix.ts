/**
 * `make bench` (= `npm run bench -w server`, after `npm run build`): issue 18's targets measured
 * over every workload shape, chromaspec beside a fresh reference in the same run, so one lucky
 * shape cannot hide a regression.
 *
 * A case is one data shape x one space. For each case both servers are started fresh (chromaspec:
 * built dist/cli.js on a temp directory; the reference: `chroma-ref start` on --reference-port and
 * a temp --path, stopped afterwards), one client adds N records in base64 batches of 1000, and the
 * query figures are taken twice: right after the server reports everything indexed (the reference
 * indexes synchronously: right after its last add), and again after a pause. Each phase also
 * records the machine's load from its first timed query to its last (window-load.ts: the server's
 * CPU per query, and the cores anything else took), and the run lists the phases that shared the
 * machine with other work, whose figures may be that work's and not the server's.
 *
 *   --quick                 20k records, fewer queries, 5 s pause (about 6 min for the full matrix)
 *   --n 100000              records per case (multiple of 1000)
 *   --data subspace,full,uniform   data shapes (bench/shapes.ts)
 *   --spaces l2,cosine,ip
 *   --include distances,default    include sets of the unfiltered queries
 *   --filters 1,10,50       filter selectivities in percent
 *   --phases indexed,paused measurement points; --pause 15 seconds between them
 *   --queries 200 --filtered-queries 100 --concurrent-queries 200 --clients 8 --warmup 100
 *   --recall-queries 200    queries whose recall@10 is measured (the first of the timed sequential
 *                           ones; both servers get the same, so the comparison is paired). Each
 *                           recall figure is printed with its standard error over queries, and the
 *                           reference's figure with ours minus it, paired, ± its standard error:
 *                           at recall ~0.13 (uniform ip), 50 queries gave ± ~0.02 per figure.
 *   --reference fresh|URL|none   fresh (default): a new reference process per case on
 *                           --reference-port (default 8190, so a shared reference on 8100 is left alone); URL: an already running one
 *   --out FILE              JSON (default bench/results/matrix.json)
 *   --no-gate               no machine-speed gate (the behaviour before session 16; see below)
 *   --gate-ratio 1.25       the gate's slow bar (x the calibrated baseline; a low one, e.g. 0.5,
 *                           makes every probe slow: to see the waits, repeats and flags)
 *
 * The machine-speed gate (issue 18; machine-gate.ts has the rule, machine-speed.ts the probe):
 * this VM runs 1.6-1.8x slower for a few seconds at a time (one server process's five identical
 * paused phases: distances-only p50 1.23-2.02 ms; a fresh fixed-work probe after a slow phase
 * 96-116 ms of CPU instead of 58-66: notes spread--18--process-spread.md r5), so one phase would
 * decide a 0.5x target by the machine's luck. So, for both servers alike: the run first calibrates
 * the machine's speed (median of 7 probes in a round where they agree within 1.25x, each a fresh
 * process, ~60 ms of compute; machine-gate.ts calibrateSteady); before each
 * phase it probes and, while a probe is > 1.25x that, waits 1 s and probes again (at most 20 s);
 * after each phase it probes again, and a paused phase whose after-probe is > 1.25x is measured
 * again (pause, queries) at most twice, keeping the first attempt with a normal after-probe (else
 * the median attempt by distances-only p50). An indexed phase cannot be repeated (its server is
 * no longer fresh from indexing): its before-probe runs before the adds (a probe between
 * "indexed" and the queries would let the deferred graph save start, changing what the phase
 * measures), and a slow after-probe flags it. Every attempt's figures and probes go into the
 * JSON (phases.<phase>.gate); the log says which attempt was kept and why; the tables mark with †
 * the figures of a phase kept from a slow machine.
 *
 * The per-case suite (restart, Search API, gets, memory, 10k/1M sizes) is `make bench-cases`
 * (bench/main.ts).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Client, warmClient, waitUntilUp } from "./client.js";
import { addBody, idOf, inMemory, row, type Dataset } from "./data.js";
import { FRESH_REFERENCE_PORT, startChromaspec, startFreshReference, type Target } from "./servers.js";
import {
  DATA_SHAPES,
  filterFor,
  generateShape,
  includeOf,
  INCLUDE_SHAPES,
  metadataFor,
  passes,
  SELECTIVITIES,
  type DataShape,
  type IncludeShape,
  type Selectivity,
} from "./shapes.js";
import { concurrently, log, sleep, stats } from "./timing.js";
import { exactTopKSets, type Space } from "./truth.js";
import { formatLoad, loadMark, windowLoad, type WindowLoad } from "./window-load.js";
import { cpuMsOf, processStat } from "./proc-stat.js";
import { afterDecision, calibrateSteady, chooseAttempt, DEFAULT_RULE, waitForNormal, type GateRule } from "./machine-gate.js";
import { formatProbe, probeMachine, type Probe } from "./machine-speed.js";

const BATCH = 1000;
const K = 10;
const DIM = 384;

type Phase = "indexed" | "paused";

interface Options {
  n: number;
  data: DataShape[];
  spaces: Space[];
  includes: IncludeShape[];
  filters: Selectivity[];
  phases: Phase[];
  pause: number;
  queries: number;
  filteredQueries: number;
  concurrentQueries: number;
  clients: number;
  warmup: number;
  recallQueries: number;
  reference: string;
  referencePort: number;
  out: string;
  /** The machine-speed gate (false: --no-gate). */
  gate: boolean;
  /** The gate's slow bar, x the calibrated baseline (--gate-ratio; 1.25). */
  gateRatio: number;
}

function options(argv: string[]): Options {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      n: { type: "string" },
      data: { type: "string", default: DATA_SHAPES.join(",") },
      spaces: { type: "string", default: "l2,cosine,ip" },
      include: { type: "string", default: INCLUDE_SHAPES.join(",") },
      filters: { type: "string", default: SELECTIVITIES.join(",") },
      phases: { type: "string", default: "indexed,paused" },
      pause: { type: "string" },
      queries: { type: "string" },
      "filtered-queries": { type: "string" },
      "concurrent-queries": { type: "string" },
      clients: { type: "string", default: "8" },
      warmup: { type: "string" },
      "recall-queries": { type: "string" },
      reference: { type: "string", default: "fresh" },
      "no-reference": { type: "boolean", default: false },
      "reference-port": { type: "string", default: String(FRESH_REFERENCE_PORT) },
      out: { type: "string" },
      "no-gate": { type: "boolean", default: false },
      "gate-ratio": { type: "string" },
    },
  });
  const list = <T extends string>(text: string, allowed: readonly T[], what: string): T[] => {
    const xs = text.split(",") as T[];
    for (const x of xs) if (!allowed.includes(x)) throw new Error(`unknown ${what} ${x} (one of ${allowed.join(", ")})`);
    return xs;
  };
  // --quick: 20k records, fewer queries, a short pause (about 6 min for the whole matrix).
  const d = v.quick
    ? { n: 20_000, queries: 100, filteredQueries: 40, concurrentQueries: 100, warmup: 50, recallQueries: 100, pause: 5 }
    : { n: 100_000, queries: 200, filteredQueries: 100, concurrentQueries: 200, warmup: 100, recallQueries: 200, pause: 15 };
  const num = (text: string | undefined, fallback: number) => (text === undefined ? fallback : Number(text));
  const o: Options = {
    n: num(v.n, d.n),
    data: list(v.data!, DATA_SHAPES, "data shape"),
    spaces: list(v.spaces!, ["l2", "cosine", "ip"] as const, "space"),
    includes: list(v.include!, INCLUDE_SHAPES, "include set"),
    filters: list(v.filters!, SELECTIVITIES, "selectivity"),
    phases: list(v.phases!, ["indexed", "paused"] as const, "phase"),
    pause: num(v.pause, d.pause),
    queries: num(v.queries, d.queries),
    filteredQueries: num(v["filtered-queries"], d.filteredQueries),
    concurrentQueries: num(v["concurrent-queries"], d.concurrentQueries),
    clients: Number(v.clients),
    warmup: num(v.warmup, d.warmup),
    recallQueries: num(v["recall-queries"], d.recallQueries),
    reference: v["no-reference"] ? "none" : v.reference!,
    referencePort: Number(v["reference-port"]),
    out: v.out ? resolve(v.out) : join(dirname(fileURLToPath(import.meta.url)), "results", "matrix.json"),
    gate: !v["no-gate"],
    gateRatio: num(v["gate-ratio"], DEFAULT_RULE.ratio),
  };
  if (!(o.gateRatio > 0)) throw new Error("--gate-ratio must be a positive number");
  if (!Number.isInteger(o.n) || o.n <= 0 || o.n % BATCH !== 0) throw new Error(`--n must be a positive multiple of ${BATCH}`);
  return o;
}

// ---- the reference ---------------------------------------------------------------------------

/** A reference process of its own for one case (fresh: nothing else in it), or the one at a URL. */
async function startReference(o: Options): Promise<Target | null> {
  if (o.reference === "none") return null;
  if (o.reference === "fresh") return startFreshReference(o.referencePort);
  await waitUntilUp(o.reference, 5_000);
  return { name: "reference", url: o.reference, pid: null, stop: async () => undefined };
}

// ---- one case's workload -----------------------------------------------------------------------

interface Workload {
  space: Space;
  addBodies: Buffer[];
  /** Unfiltered query bodies per include set. */
  queries: Map<IncludeShape, string[]>;
  /** Filtered query bodies per selectivity (the clients' default include). */
  filtered: Map<Selectivity, string[]>;
  truth: string[][];
  truthFiltered: Map<Selectivity, string[][]>;
}

function addBodies(data: Dataset): Buffer[] {
  const records = inMemory(data, BATCH);
  return Array.from({ length: data.n / BATCH }, (_, b) => addBody(records.batch(b), b * BATCH, metadataFor));
}

/**
 * Exact top-k of each query, unfiltered and per selectivity (ties: the earlier record first), in
 * one pass of the addon's float64 scan (truth.ts): 200 queries x 100k x 384 take seconds, where
 * the JS sort per query took ~0.3 s a query.
 */
function groundTruth(space: Space, data: Dataset, queries: Float32Array[], filters: Selectivity[]) {
  const keeps = [() => true, ...filters.map((s) => (i: number) => passes(s, i))];
  const [all, ...perFilter] = exactTopKSets(space, inMemory(data, 10_000), queries, K, keeps).map((perQuery) => perQuery.map((ids) => ids.map(idOf)));
  return { all, filtered: new Map<Selectivity, string[][]>(filters.map((s, f) => [s, perFilter[f]])) };
}

function workload(o: Options, data: Dataset, queries: Dataset, space: Space, bodies: Buffer[]): Workload {
  const vectors = Array.from({ length: queries.n }, (_, i) => Array.from(row(queries, i)));
  const q = new Map<IncludeShape, string[]>();
  for (const inc of o.includes) q.set(inc, vectors.map((v) => JSON.stringify({ query_embeddings: [v], n_results: K, include: includeOf(inc) })));
  const f = new Map<Selectivity, string[]>();
  for (const s of o.filters) f.set(s, vectors.map((v) => JSON.stringify({ query_embeddings: [v], n_results: K, include: includeOf("default"), where: filterFor(s) })));
  const recallQueries = Array.from({ length: Math.min(o.recallQueries, queries.n) }, (_, i) => row(queries, i));
  const truth = groundTruth(space, data, recallQueries, o.filters);
  return { space, addBodies: bodies, queries: q, filtered: f, truth: truth.all, truthFiltered: truth.filtered };
}

// ---- measuring one server ----------------------------------------------------------------------

interface Latency {
  p50: number;
  p99: number;
  recall: number;
  /** Hits (0-k) of each recall query, in query order: the same queries for both servers. */
  hits: number[];
}

interface PhaseResult {
  query: Partial<Record<IncludeShape, Latency>>;
  qps: number;
  filtered: Partial<Record<Selectivity, Latency>>;
  /** The machine's load from the first timed query to the last (window-load.ts). */
  load: WindowLoad;
  /** The paused phase: the load during the pause before it (what the idle server did). */
  pause?: WindowLoad;
  /** The machine-speed gate's record (absent with --no-gate): every attempt, which was kept, why. */
  gate?: PhaseGate;
}

/** One probe of the gate, with the server's CPU while it ran (busy server: the probe may read slow for that). */
export interface GateProbe extends Probe {
  serverCpuMs: number | null;
}

/** One measurement of a phase under the gate. */
export interface GateAttempt {
  /** The before-phase probes (in order), how long the gate slept (waitedMs) and took in all with its probes (wallMs), whether it gave up still slow. */
  before: { probes: GateProbe[]; waitedMs: number; wallMs: number; stillSlow: boolean };
  /** The probe right after the phase's last query. */
  after: GateProbe;
  /** After this attempt: keep, repeat (paused only) or flag. */
  decision: "keep" | "repeat" | "flag";
  /** This attempt's figures (the kept one's are also the phase's own). */
  result: Omit<PhaseResult, "gate">;
}

export interface PhaseGate {
  /** The run's calibrated compute ms and the slow bar (ratio x baseline). */
  baselineMs: number;
  ratio: number;
  attempts: GateAttempt[];
  /** Index into attempts. */
  kept: number;
  /** True: the kept attempt's after-probe was slow (no attempt ran on a machine at normal speed). */
  flagged: boolean;
  reason: string;
}

/** The run's calibration, or null with --no-gate. */
interface Gate {
  baselineMs: number;
  calibration: Probe[];
  rule: GateRule;
}

/** A probe, with the server's CPU ms (utime + stime, 10 ms ticks) over it. */
async function gateProbe(pid: number | null): Promise<GateProbe> {
  const cpu = () => {
    const st = pid === null ? null : processStat(pid);
    return st === null ? null : cpuMsOf(st);
  };
  const c0 = cpu();
  const p = await probeMachine();
  const c1 = cpu();
  return { ...p, serverCpuMs: c0 === null || c1 === null ? null : c1 - c0 };
}

/** The before-phase gate (machine-gate.ts waitForNormal) with real probes, logged. */
async function gateBefore(g: Gate, pid: number | null, label: string): Promise<GateAttempt["before"]> {
  const probes: GateProbe[] = [];
  const t0 = performance.now();
  const w = await waitForNormal(
    async () => {
      const p = await gateProbe(pid);
      probes.push(p);
      return p.computeMs;
    },
    sleep,
    g.baselineMs,
    g.rule,
  );
  log(
    `${label}: machine gate before: ${w.waitedMs > 0 ? `waited ${(w.waitedMs / 1000).toFixed(0)} s (${((performance.now() - t0) / 1000).toFixed(1)} s with the probes), ` : ""}probe${probes.length > 1 ? "s" : ""} ${probes.map((p) => p.computeMs.toFixed(1)).join(", ")} ms (baseline ${g.baselineMs.toFixed(1)}, slow > ${(g.rule.ratio * g.baselineMs).toFixed(1)})${w.stillSlow ? `; still slow after ${g.rule.maxWaitMs / 1000} s, measuring anyway` : ""}`,
  );
  return { probes, waitedMs: w.waitedMs, wallMs: performance.now() - t0, stillSlow: w.stillSlow };
}

/**
 * The run's baseline: the median compute ms of 7 probes 0.5 s apart, from the first round in which
 * the machine held still (machine-gate.ts calibrateSteady; every probe of every round is kept in
 * the JSON's calibration, in order).
 */
async function calibrate(rule: GateRule): Promise<Gate> {
  const calibration: Probe[] = [];
  const c = await calibrateSteady(
    async () => {
      const p = await probeMachine();
      calibration.push(p);
      return p.computeMs;
    },
    sleep,
    rule,
  );
  const rounds = c.rounds.map((r, i) => `${i === c.kept ? "kept " : ""}round ${i + 1}: ${r.probesMs.map((x) => x.toFixed(1)).join(", ")} (spread ${r.spread.toFixed(2)}x)`).join("; ");
  log(
    `machine gate: baseline ${c.baselineMs.toFixed(1)} ms compute (${c.steady ? "median of the kept round" : "median of every probe"}; ${rounds}; memory ${calibration.map((p) => p.memoryMs.toFixed(0)).join(", ")}); slow > ${(rule.ratio * c.baselineMs).toFixed(1)} ms${c.steady ? "" : `; no round within ${rule.ratio}x: the machine was noisy throughout`}`,
  );
  return { baselineMs: c.baselineMs, calibration, rule };
}

export interface ServerResult {
  target: string;
  addPerSec: number;
  indexedSeconds: number;
  /** The load from the first add until everything was indexed (window-load.ts). */
  addLoad: WindowLoad;
  phases: Partial<Record<Phase, PhaseResult>>;
}

async function measureServer(target: Target, w: Workload, o: Options, name: string, gate: Gate | null): Promise<ServerResult> {
  // The indexed phase's before-gate runs before the adds: between "indexed" and the phase's first
  // query no gap may be added (>= 250 ms of quiet lets the deferred graph save start).
  const indexedBefore = gate && o.phases.includes("indexed") ? await gateBefore(gate, target.pid, `${target.name} indexed (before the adds)`) : null;
  // The same client state for every server (client.ts warmClient): warmed before its adds.
  await warmClient(w.queries.get(o.includes[0])!);
  const c = new Client(target.url);
  try {
    const coll = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name, configuration: { hnsw: { space: w.space } } });
    const path = (op: string) => c.collectionPath(coll.id, op);
    log(`${target.name}: adding ${w.addBodies.length * BATCH} records`);
    let requestMs = 0;
    const addStart = await loadMark(target.pid);
    const t0 = performance.now();
    for (const body of w.addBodies) {
      const t = performance.now();
      await c.json("POST", path("add"), body);
      requestMs += performance.now() - t;
    }
    // The reference indexes as it adds (its indexing_status answers 500); chromaspec says when.
    const status = await c.request("GET", path("indexing_status"));
    if (status.status === 200) await c.untilIndexed(coll.id, 50);
    const indexedSeconds = (performance.now() - t0) / 1000;
    const addLoad = windowLoad(addStart, await loadMark(target.pid, "end"), 0);
    log(`${target.name}: ${Math.round((w.addBodies.length * BATCH) / (requestMs / 1000))} records/s, indexed after ${indexedSeconds.toFixed(1)} s; server ${addLoad.serverCores?.toFixed(2) ?? "?"} cores, others ${addLoad.otherCores?.toFixed(2) ?? "?"}`);

    let sent = 0;
    const query = (body: string) => {
      sent++;
      return c.json<{ ids: string[][] }>("POST", path("query"), body);
    };
    const sequential = async (bodies: string[], count: number, truth: string[][]): Promise<Latency> => {
      const ms: number[] = [];
      const hits: number[] = [];
      for (let i = 0; i < count; i++) {
        const t = performance.now();
        const a = await query(bodies[i % bodies.length]);
        ms.push(performance.now() - t);
        if (i < truth.length) {
          const got = new Set(a.ids[0] ?? []);
          hits.push(truth[i].filter((id) => got.has(id)).length);
        }
      }
      const { p50, p99 } = stats(ms);
      return { p50, p99, recall: hits.reduce((a, h) => a + h, 0) / Math.max(1, hits.length * K), hits };
    };
    const phases: ServerResult["phases"] = {};
    /** One measurement of a phase: the pause first (paused), then every query kind. */
    const measurePhase = async (phase: Phase, gateLabel: string | null): Promise<{ result: PhaseResult; before: GateAttempt["before"] | null }> => {
      let pause: WindowLoad | undefined;
      let before: GateAttempt["before"] | null = null;
      if (phase === "paused") {
        log(`${target.name}: pausing ${o.pause} s`);
        const start = await loadMark(target.pid);
        await sleep(o.pause * 1000);
        pause = windowLoad(start, await loadMark(target.pid, "end"), 0);
        log(`${target.name} pause: server ${pause.serverCores?.toFixed(2) ?? "?"} cores${pause.others?.length ? `; others ${pause.others.slice(0, 3).map((x) => `${x.name} ${x.cores.toFixed(2)}`).join(", ")}` : ""}`);
        // After the pause (a probe before it says nothing about the machine 15 s later).
        if (gate) before = await gateBefore(gate, target.pid, gateLabel!);
      }
      const first = w.queries.get(o.includes[0])!;
      for (let i = 0; i < o.warmup; i++) await query(first[i % first.length]);
      const sentBefore = sent;
      const start = await loadMark(target.pid);
      const result: Omit<PhaseResult, "load"> = { query: {}, qps: 0, filtered: {} };
      for (const [inc, bodies] of w.queries) result.query[inc] = await sequential(bodies, o.queries, w.truth);
      // The same queries over concurrent clients (the first include set: distances only by default).
      const wall = await concurrently(o.clients, o.concurrentQueries, async (i) => {
        await query(first[i % first.length]);
      });
      result.qps = o.concurrentQueries / (wall / 1000);
      for (const [s, bodies] of w.filtered) {
        for (let i = 0; i < Math.min(10, o.warmup); i++) await query(bodies[i % bodies.length]);
        result.filtered[s] = await sequential(bodies, o.filteredQueries, w.truthFiltered.get(s)!);
      }
      const load = windowLoad(start, await loadMark(target.pid, "end"), sent - sentBefore);
      log(`${target.name} ${phase}: p50 ${Object.entries(result.query).map(([k, v]) => `${k} ${v!.p50.toFixed(2)}`).join(", ")} ms, ${result.qps.toFixed(0)} QPS, filtered p50 ${Object.entries(result.filtered).map(([k, v]) => `${k}% ${v!.p50.toFixed(2)}`).join(", ")} ms; ${formatLoad(load)}`);
      return { result: { ...result, load, ...(pause ? { pause } : {}) }, before };
    };
    for (const phase of o.phases) {
      if (!gate) {
        phases[phase] = (await measurePhase(phase, null)).result;
        continue;
      }
      const attempts: GateAttempt[] = [];
      for (let attempt = 0; ; attempt++) {
        const label = `${target.name} ${phase}${attempt > 0 ? ` (attempt ${attempt + 1})` : ""}`;
        const m = await measurePhase(phase, label);
        const after = await gateProbe(target.pid);
        const decision = afterDecision(phase, after.computeMs, gate.baselineMs, attempt, gate.rule);
        attempts.push({ before: m.before ?? indexedBefore!, after, decision, result: m.result });
        const slow = decision !== "keep"; // afterDecision keeps exactly the attempts whose after-probe is not slow
        log(
          `${label}: machine gate after: probe ${formatProbe(after)}${after.serverCpuMs !== null ? `, server ${after.serverCpuMs} ms CPU meanwhile` : ""}: ${slow ? `slow (> ${(gate.rule.ratio * gate.baselineMs).toFixed(1)})` : "normal"} -> ${decision === "repeat" ? "measure it again" : decision === "flag" ? (phase === "indexed" ? "kept, flagged (an indexed phase cannot be repeated)" : "no repeats left") : "keep"}`,
        );
        if (decision !== "repeat") break;
      }
      const distancesP50 = (r: Omit<PhaseResult, "gate">) => (r.query.distances ?? Object.values(r.query)[0])?.p50 ?? Number.NaN;
      const choice = chooseAttempt(attempts.map((a) => ({ afterProbeMs: a.after.computeMs, p50: distancesP50(a.result) })), gate.baselineMs, gate.rule);
      if (attempts.length > 1 || choice.flagged) log(`${target.name} ${phase}: kept ${choice.reason}`);
      phases[phase] = { ...attempts[choice.index].result, gate: { baselineMs: gate.baselineMs, ratio: gate.rule.ratio, attempts, kept: choice.index, flagged: choice.flagged, reason: choice.reason } };
    }
    await c.request("DELETE", `${c.db}/collections/${encodeURIComponent(name)}`).catch(() => undefined);
    return { target: target.name, addPerSec: (w.addBodies.length * BATCH) / (requestMs / 1000), indexedSeconds, addLoad, phases };
  } finally {
    c.close();
  }
}

// ---- targets and tables ------------------------------------------------------------------------

interface Figure {
  figure: string;
  ours: number;
  ref: number | null;
  /** "ratio": ours/ref against `bound`; "recall": ours >= min(bound, ref). */
  kind: "higher" | "lower" | "recall";
  bound: number;
  target: string;
  met: boolean | null;
  /** Recall figures: the standard errors over queries, and ours minus the reference's, paired by query. */
  spread?: RecallSpread;
  /** The servers whose phase this figure comes from was kept from a slow machine (machine gate): marked † in the tables. */
  slow?: string[];
}

export interface RecallSpread {
  queries: number;
  se: number;
  refSe: number | null;
  /** Mean over queries of (our recall - the reference's), and its standard error. */
  diff: number | null;
  diffSe: number | null;
}

/** Mean and standard error of the mean of xs. */
function meanSe(xs: number[]): { mean: number; se: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1);
  return { mean, se: Math.sqrt(variance / Math.max(1, xs.length)) };
}

/**
 * The spread of a recall figure: per-query recall varies a lot where few of the 10 are found
 * (uniform data: 0-6 of 10), so a figure over 50 queries moved by ± ~0.02 from query set to
 * query set. Both servers answer the same queries: the difference is taken query by query.
 */
export function recallSpread(ours: number[], ref: number[] | undefined): RecallSpread {
  const a = ours.map((h) => h / K);
  const spread: RecallSpread = { queries: a.length, se: meanSe(a).se, refSe: null, diff: null, diffSe: null };
  if (ref && ref.length === ours.length) {
    const d = meanSe(a.map((x, i) => x - ref[i] / K));
    spread.refSe = meanSe(ref.map((h) => h / K)).se;
    spread.diff = d.mean;
    spread.diffSe = d.se;
  }
  return spread;
}

function figures(ours: ServerResult, ref: ServerResult | null): Figure[] {
  const out: Figure[] = [];
  const ratio = (figure: string, a: number, b: number | undefined, kind: "higher" | "lower", bound: number) => {
    const r = b === undefined ? null : a / b;
    out.push({
      figure,
      ours: a,
      ref: b ?? null,
      kind,
      bound,
      target: `${kind === "higher" ? ">=" : "<="} ${bound}x`,
      met: r === null ? null : kind === "higher" ? r >= bound : r <= bound,
    });
  };
  const recallFigure = (figure: string, a: Latency, b: Latency | undefined) => {
    const bar = Math.min(0.99, b?.recall ?? 0.99);
    out.push({ figure, ours: a.recall, ref: b?.recall ?? null, kind: "recall", bound: bar, target: `>= ${bar.toFixed(3)}`, met: a.recall >= bar, spread: recallSpread(a.hits, b?.hits) });
  };
  ratio("add throughput (records/s, base64 batches of 1000)", ours.addPerSec, ref?.addPerSec, "higher", 10);
  ratio("first add -> all indexed (s)", ours.indexedSeconds, ref?.indexedSeconds, "lower", 0.5);
  for (const [phase, p] of Object.entries(ours.phases) as [Phase, PhaseResult][]) {
    const rp = ref?.phases[phase];
    const from = out.length;
    for (const [inc, l] of Object.entries(p.query) as [IncludeShape, Latency][]) {
      ratio(`${phase}: query p50 (ms), include ${inc}`, l.p50, rp?.query[inc]?.p50, "lower", 0.5);
    }
    ratio(`${phase}: QPS, ${"8"} clients`, p.qps, rp?.qps, "higher", 2);
    for (const [s, l] of Object.entries(p.filtered) as [Selectivity, Latency][]) {
      ratio(`${phase}: filtered ${s}% p50 (ms)`, l.p50, rp?.filtered[s]?.p50, "lower", 0.25);
    }
    const first = Object.values(p.query)[0];
    if (first) recallFigure(`${phase}: recall@10`, first, rp ? Object.values(rp.query)[0] : undefined);
    for (const [s, l] of Object.entries(p.filtered) as [Selectivity, Latency][]) recallFigure(`${phase}: filtered ${s}% recall@10`, l, rp?.filtered[s]);
    const slow = [...(p.gate?.flagged ? [ours.target] : []), ...(rp?.gate?.flagged && ref ? [ref.target] : [])];
    if (slow.length > 0) for (const f of out.slice(from)) f.slow = slow;
  }
  return out;
}

function fmt(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "-";
  return v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toFixed(4);
}

/** The tables' † footnote (case table and summary table add what differs). */
const SLOW_NOTE = "† from a phase kept from a slow machine";
/** " †" when the figure's phase was kept from a slow machine for `server` (machine gate). */
function dagger(f: Figure, server: string): string {
  return f.slow?.includes(server) ? " †" : "";
}

function caseTable(label: string, figs: Figure[]): string {
  const lines = [`| ${label} | chromaspec | reference | ratio | target | |`, "|---|---:|---:|---:|---|---|"];
  for (const f of figs) {
    if (f.spread) {
      // Recall: each figure ± its standard error over the queries; the ratio column holds ours
      // minus the reference's, paired by query, ± its standard error.
      const s = f.spread;
      const sign = (x: number) => (x >= 0 ? "+" : "") + x.toFixed(4);
      const diff = s.diff === null ? "" : `${sign(s.diff)} ± ${s.diffSe!.toFixed(4)}`;
      const refCell = f.ref === null ? "-" : `${fmt(f.ref)} ± ${s.refSe!.toFixed(4)}${dagger(f, "reference")}`;
      lines.push(`| ${f.figure} (${s.queries} queries) | ${fmt(f.ours)} ± ${s.se.toFixed(4)}${dagger(f, "chromaspec")} | ${refCell} | ${diff} | ${f.target} | ${f.met === null ? "" : f.met ? "met" : "**NOT met**"} |`);
      continue;
    }
    const r = f.ref === null ? "" : `${(f.ours / f.ref).toFixed(2)}x`;
    lines.push(`| ${f.figure} | ${fmt(f.ours)}${dagger(f, "chromaspec")} | ${fmt(f.ref)}${f.ref === null ? "" : dagger(f, "reference")} | ${r} | ${f.target} | ${f.met === null ? "" : f.met ? "met" : "**NOT met**"} |`);
  }
  if (figs.some((f) => f.slow)) lines.push("", `${SLOW_NOTE} (machine gate: every attempt's after-probe above the slow bar, --gate-ratio x the calibrated baseline; the JSON has each attempt).`);
  return lines.join("\n");
}

/** One row per figure, one column per case: the ratio (or recall) and whether it is met. */
function summaryTable(cases: { label: string; figs: Figure[] }[]): string {
  const names = [...new Set(cases.flatMap((c) => c.figs.map((f) => f.figure)))];
  const lines = [`| figure (target) | ${cases.map((c) => c.label).join(" | ")} |`, `|---|${cases.map(() => "---").join("|")}|`];
  for (const name of names) {
    const target = cases.flatMap((c) => c.figs).find((f) => f.figure === name)!;
    const cells = cases.map((c) => {
      const f = c.figs.find((x) => x.figure === name);
      if (!f) return "-";
      const v = f.kind === "recall" ? fmt(f.ours) : f.ref === null ? fmt(f.ours) : `${(f.ours / f.ref).toFixed(2)}x`;
      const mark = f.slow ? " †" : "";
      return f.met === null ? v + mark : f.met ? v + mark : `**${v}**${mark} NOT met`;
    });
    lines.push(`| ${name} (${target.kind === "recall" ? ">= min(0.99, reference)" : target.target}) | ${cells.join(" | ")} |`);
  }
  if (cases.some((c) => c.figs.some((f) => f.slow))) lines.push("", `${SLOW_NOTE} (either server's; see the list below).`);
  return lines.join("\n");
}

/** Cores other work may take during a phase before the phase is called out (of 2 on the bench machine). */
const OTHER_CORES_BAR = 0.25;

/** "subspace cosine, chromaspec paused: others 0.61 cores" for each phase above the bar. */
function busyPhases(results: { data: DataShape; space: Space; ours: ServerResult; ref: ServerResult | null }[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    for (const s of [r.ours, r.ref]) {
      for (const [phase, p] of Object.entries(s?.phases ?? {}) as [Phase, PhaseResult][]) {
        const other = p.load.otherCores;
        if (other !== null && other > OTHER_CORES_BAR) out.push(`${r.data} ${r.space}, ${s!.target} ${phase}: others ${other.toFixed(2)} cores`);
      }
    }
  }
  return out;
}

/** "uniform cosine, chromaspec paused: 3 attempts, kept 2 (...)" for each phase the gate repeated or flagged. */
function gateSummary(results: { data: DataShape; space: Space; ours: ServerResult; ref: ServerResult | null }[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    for (const s of [r.ours, r.ref]) {
      for (const [phase, p] of Object.entries(s?.phases ?? {}) as [Phase, PhaseResult][]) {
        const g = p.gate;
        if (!g || (g.attempts.length === 1 && !g.flagged)) continue;
        out.push(`${r.data} ${r.space}, ${s!.target} ${phase}: ${g.attempts.length} attempt(s), after-probes ${g.attempts.map((a) => a.after.computeMs.toFixed(1)).join(" / ")} ms; kept ${g.reason}`);
      }
    }
  }
  return out;
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const results: { data: DataShape; space: Space; ours: ServerResult; ref: ServerResult | null; figures: Figure[] }[] = [];
  log(`matrix: ${o.data.length} data shapes x ${o.spaces.length} spaces, N=${o.n}, reference ${o.reference}, machine gate ${o.gate ? "on" : "off (--no-gate)"}`);
  const gate = o.gate ? await calibrate({ ...DEFAULT_RULE, ratio: o.gateRatio }) : null;
  const save = async () => {
    await mkdir(dirname(o.out), { recursive: true });
    const machineGate = gate ? { ...gate.rule, baselineMs: gate.baselineMs, calibration: gate.calibration } : null;
    await writeFile(o.out, JSON.stringify({ when: new Date().toISOString(), options: { ...o, out: undefined }, k: K, dim: DIM, batch: BATCH, machineGate, results }, null, 2) + "\n");
  };
  for (const shape of o.data) {
    log(`${shape}: generating ${o.n} records`);
    const data = generateShape(shape, DIM, o.n, 1);
    const queries = generateShape(shape, DIM, Math.max(o.queries, o.filteredQueries), 1_000_003);
    const bodies = addBodies(data);
    for (const space of o.spaces) {
      log(`${shape} ${space}: ground truth`);
      const w = workload(o, data, queries, space, bodies);
      const label = `${shape} ${space}`;
      const ours = await startChromaspec();
      let mine: ServerResult;
      try {
        mine = await measureServer(ours, w, o, `bench-${runId}-${shape}-${space}`, gate);
      } finally {
        await ours.stop();
      }
      let theirs: ServerResult | null = null;
      const ref = await startReference(o);
      if (ref) {
        try {
          theirs = await measureServer(ref, w, o, `bench-${runId}-${shape}-${space}`, gate);
        } finally {
          await ref.stop();
        }
      }
      const figs = figures(mine, theirs);
      results.push({ data: shape, space, ours: mine, ref: theirs, figures: figs });
      process.stdout.write(`\n${caseTable(`N=${o.n}, ${label}`, figs)}\n`);
      await save();
    }
  }
  const summary = summaryTable(results.map((r) => ({ label: `${r.data} ${r.space}`, figs: r.figures })));
  process.stdout.write(`\n## Targets per shape (N=${o.n}; ratio = chromaspec / reference)\n\n${summary}\n`);
  const missed = results.flatMap((r) => r.figures.filter((f) => f.met === false).map((f) => `${r.data} ${r.space}: ${f.figure}`));
  const unjudged = results.some((r) => r.figures.some((f) => f.met === null));
  if (missed.length > 0) process.stdout.write(`\n${missed.length} target(s) not met:\n${missed.map((m) => `- ${m}`).join("\n")}\n`);
  const loaded = busyPhases(results);
  if (loaded.length > 0) {
    process.stdout.write(
      `\nMeasured beside other work on the machine (> ${OTHER_CORES_BAR} cores busy with neither server nor this client; their figures may be that, not the server):\n${loaded.map((m) => `- ${m}`).join("\n")}\n`,
    );
  }
  const gated = gateSummary(results);
  if (gated.length > 0) process.stdout.write(`\nMachine gate (after-probe > ${o.gateRatio}x the calibrated baseline; repeated or flagged):\n${gated.map((m) => `- ${m}`).join("\n")}\n`);
  if (unjudged) process.stdout.write("\nWithout a reference the ratio targets are not judged.\n");
  else if (missed.length === 0) process.stdout.write("\nEvery target met in every shape.\n");
  await save();
  log(`results written to ${o.out}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
