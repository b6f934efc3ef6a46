/** The side-by-side table (markdown) and the targets, judged at N = 100k. */
import type { CaseResult } from "./measure.js";

type Better = "higher" | "lower" | "none";

interface Row {
  label: string;
  better: Better;
  value: (r: CaseResult) => number | string | null;
  digits?: number;
}

const MB = 1024 * 1024;

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
  { label: "server RSS after (MB)", better: "lower", value: (r) => (r.rssAfter === null ? null : r.rssAfter / MB), digits: 0 },
  {
    label: "server RSS growth in this case (MB)",
    better: "lower",
    value: (r) => (r.rssAfter === null || r.rssBefore === null ? null : (r.rssAfter - r.rssBefore) / MB),
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
    add("RSS <= reference", ours.rssAfter <= ref.rssAfter, `${(ours.rssAfter / MB).toFixed(0)} vs ${(ref.rssAfter / MB).toFixed(0)} MB`);
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
