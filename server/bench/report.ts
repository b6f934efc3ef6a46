/** The side-by-side table (markdown) and the targets, judged at N = 100k. */
import { READY_FACTOR, type CaseResult, type RestartResult } from "./measure.js";

type Better = "higher" | "lower" | "none";

interface Row {
  label: string;
  better: Better;
  value: (r: CaseResult) => number | string | null;
  digits?: number;
}

/** Memory figures are in MiB (2^20 bytes), as every RSS figure the benches print. */
const MiB = 1024 * 1024;

const ROWS: Row[] = [
  { label: "add throughput (vectors/s, batches of 1000)", better: "higher", value: (r) => r.addPerSec, digits: 0 },
  { label: "ingest wall time (s)", better: "lower", value: (r) => r.addSeconds, digits: 1 },
  { label: "query right after add sees it", better: "none", value: (r) => (r.visibleAtOnce ? "yes" : "no") },
  { label: "first add -> all indexed (s)", better: "lower", value: (r) => r.indexedSeconds, digits: 1 },
  { label: "query k=10 p50 (ms)", better: "lower", value: (r) => r.query.p50, digits: 2 },
  { label: "query k=10 p99 (ms)", better: "lower", value: (r) => r.query.p99, digits: 2 },
  { label: "query QPS, 1 client", better: "higher", value: (r) => r.query.qps1, digits: 0 },
  { label: "query QPS, 8 clients", better: "higher", value: (r) => r.query.qpsN, digits: 0 },
  { label: "recall@10", better: "higher", value: (r) => r.recall, digits: 4 },
  { label: "filtered (10%) query p50 (ms)", better: "lower", value: (r) => r.filtered.p50, digits: 2 },
  { label: "filtered (10%) query p99 (ms)", better: "lower", value: (r) => r.filtered.p99, digits: 2 },
  { label: "filtered QPS, 1 client", better: "higher", value: (r) => r.filtered.qps1, digits: 0 },
  { label: "filtered QPS, 8 clients", better: "higher", value: (r) => r.filtered.qpsN, digits: 0 },
  { label: "filtered recall@10", better: "higher", value: (r) => r.recallFiltered, digits: 4 },
  { label: "get by id p50 (ms)", better: "lower", value: (r) => r.get.p50, digits: 2 },
  { label: "get by id p99 (ms)", better: "lower", value: (r) => r.get.p99, digits: 2 },
  { label: "server RSS after (MiB)", better: "lower", value: (r) => (r.rssAfter === null ? null : r.rssAfter / MiB), digits: 0 },
  {
    label: "server RSS growth in this case (MiB)",
    better: "lower",
    value: (r) => (r.rssAfter === null || r.rssBefore === null ? null : (r.rssAfter - r.rssBefore) / MiB),
    digits: 0,
  },
];

function fmt(v: number | string | null, digits = 2): string {
  if (v === null) return "n/a";
  if (typeof v === "string") return v;
  if (!Number.isFinite(v)) return String(v);
  return v.toFixed(digits);
}

function ratio(ours: number | string | null, ref: number | string | null): string {
  if (typeof ours !== "number" || typeof ref !== "number" || ref === 0) return "";
  return `${(ours / ref).toFixed(2)}x`;
}

/** One markdown table for a case: each figure for both servers and ours / reference. */
export function caseTable(ours: CaseResult, ref: CaseResult | undefined): string {
  const lines = [`| N=${ours.n}, space=${ours.space} | chromaspec | reference | chromaspec / reference |`, "|---|---:|---:|---:|"];
  for (const row of ROWS) {
    const a = row.value(ours);
    const b = ref ? row.value(ref) : null;
    lines.push(`| ${row.label} | ${fmt(a, row.digits)} | ${ref ? fmt(b, row.digits) : "-"} | ${ratio(a, b)} |`);
  }
  return lines.join("\n");
}

export interface TargetCheck {
  target: string;
  met: boolean;
  detail: string;
}

/** The targets for one case (they are stated for N = 100k). */
export function checkTargets(ours: CaseResult, ref: CaseResult): TargetCheck[] {
  const out: TargetCheck[] = [];
  const add = (target: string, met: boolean, detail: string) => out.push({ target, met, detail });
  add("add throughput >= 10x", ours.addPerSec >= 10 * ref.addPerSec, `${(ours.addPerSec / ref.addPerSec).toFixed(1)}x`);
  add("acknowledged add visible at once", ours.visibleAtOnce, ours.visibleAtOnce ? "yes" : "no");
  add("first add -> indexed <= 0.5x", ours.indexedSeconds <= 0.5 * ref.indexedSeconds, `${(ours.indexedSeconds / ref.indexedSeconds).toFixed(2)}x`);
  add("query p50 <= 0.5x", ours.query.p50 <= 0.5 * ref.query.p50, `${(ours.query.p50 / ref.query.p50).toFixed(2)}x`);
  add("recall@10 >= 0.99", ours.recall >= 0.99, ours.recall.toFixed(4));
  add("QPS at 8 clients >= 2x", ours.query.qpsN >= 2 * ref.query.qpsN, `${(ours.query.qpsN / ref.query.qpsN).toFixed(2)}x`);
  add("filtered p50 <= 0.25x", ours.filtered.p50 <= 0.25 * ref.filtered.p50, `${(ours.filtered.p50 / ref.filtered.p50).toFixed(2)}x`);
  add("filtered recall@10 >= 0.99", ours.recallFiltered >= 0.99, ours.recallFiltered.toFixed(4));
  if (ours.rssAfter !== null && ref.rssAfter !== null) {
    add("RSS <= reference", ours.rssAfter <= ref.rssAfter, `${(ours.rssAfter / MiB).toFixed(0)} vs ${(ref.rssAfter / MiB).toFixed(0)} MiB`);
  }
  return out;
}

/** The restart targets, by record count (issue 14): seconds from process start to ready. */
export const RESTART_TARGETS: Record<number, number> = { 100_000: 3, 1_000_000: 20 };

/** The restart figures of one case (chromaspec only: the reference is a shared process). */
export function restartTable(r: RestartResult): string {
  const s = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "not reached");
  const lines = [
    `| restart, N=${r.n}, space=${r.space} | chromaspec |`,
    "|---|---:|",
    `| graceful stop, SIGTERM -> exit (s) | ${s(r.stopSeconds)} |`,
    `| process start -> heartbeat (s) | ${s(r.upSeconds)} |`,
    `| process start -> first query answered (s) | ${s(r.firstQuerySeconds)} |`,
    `| process start -> query p50 within ${READY_FACTOR}x of steady state (s) | ${s(r.readySeconds)} |`,
    `| query p50 before / after restart (ms) | ${r.steadyP50.toFixed(2)} / ${r.p50After.toFixed(2)} |`,
    `| recall@10 after restart | ${r.recallAfter.toFixed(4)} |`,
    `| server RSS after restart (MiB) | ${r.rssAfter === null ? "n/a" : (r.rssAfter / MiB).toFixed(0)} |`,
    `| memory per record: RSS growth / N (bytes) | ${r.memoryPerRecord === null ? "n/a" : r.memoryPerRecord.toFixed(0)} |`,
    `| vector (${r.dim} x 4) + saved graph per record (bytes) | ${vectorAndGraph(r) === null ? "n/a" : vectorAndGraph(r)!.toFixed(0)} |`,
  ];
  return lines.join("\n");
}

function vectorAndGraph(r: RestartResult): number | null {
  return r.graphBytesPerRecord === null ? null : r.dim * 4 + r.graphBytesPerRecord;
}

/** Memory per record may be at most this multiple of its vector's bytes plus its share of the graph (wide vectors). */
export const MEMORY_FACTOR = 1.2;
/** The memory target is judged from this dimension up (with narrow vectors ids and payloads dominate). */
export const MEMORY_TARGET_MIN_DIM = 1024;

/** The restart target for this case's size, and the memory target for wide vectors. */
export function checkRestart(r: RestartResult): TargetCheck[] {
  const out: TargetCheck[] = [];
  const limit = RESTART_TARGETS[r.n];
  if (limit !== undefined) {
    const met = Number.isFinite(r.readySeconds) && r.readySeconds <= limit;
    out.push({ target: `restart: start -> p50 within ${READY_FACTOR}x in <= ${limit} s`, met, detail: Number.isFinite(r.readySeconds) ? `${r.readySeconds.toFixed(1)} s` : "not reached" });
  }
  const budget = vectorAndGraph(r);
  if (r.dim >= MEMORY_TARGET_MIN_DIM && r.memoryPerRecord !== null && budget !== null) {
    out.push({ target: `memory per record <= ${MEMORY_FACTOR}x (vector + graph)`, met: r.memoryPerRecord <= MEMORY_FACTOR * budget, detail: `${(r.memoryPerRecord / budget).toFixed(2)}x` });
  }
  return out;
}

export function targetsTable(checks: { n: number; space: string; checks: TargetCheck[] }[]): string {
  if (checks.length === 0) return "";
  const names = checks[0].checks.map((c) => c.target);
  const lines = [`| target (N=${checks[0].n}) | ${checks.map((c) => c.space).join(" | ")} |`, `|---|${checks.map(() => "---").join("|")}|`];
  for (const name of names) {
    const cells = checks.map((c) => {
      const t = c.checks.find((x) => x.target === name);
      return t ? `${t.met ? "met" : "NOT met"} (${t.detail})` : "-";
    });
    lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
