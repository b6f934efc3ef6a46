// @ts-check
/**
 * The conformance report: per operationId how many tests passed, failed and were skipped, with
 * the first failure's expected vs actual; as a console table, JSON, or one self-contained HTML page.
 */
import { writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";

/** @typedef {import("./run-vitest.js").TestResult} TestResult */
/** @typedef {import("./policy.js").TargetConfig} TargetConfig */
/**
 * @typedef {object} OperationRow
 * @property {string} operationId
 * @property {number} passed
 * @property {number} failed
 * @property {number} skipped
 * @property {TestResult | undefined} firstFailure
 */
/**
 * @typedef {object} Report
 * @property {{ kind: string, url: string, apis: string[] }} target
 * @property {string} startedAt
 * @property {number} durationMs
 * @property {{ passed: number, failed: number, skipped: number, total: number }} totals
 * @property {OperationRow[]} operations
 * @property {Record<string, number>} skipReasons
 * @property {TestResult[]} tests
 */

/**
 * The operationIds of the spec for the chosen APIs, in spec order (empty when it is not readable).
 * @param {string} specPath
 * @param {string[]} apis
 */
export function specOperations(specPath, apis) {
  try {
    const text = readFileSync(specPath, "utf8");
    return [...text.matchAll(/^\s+operationId:\s*([A-Za-z0-9]+)\s*$/gm)].map((m) => m[1]).filter((op) => apis.some((a) => op.startsWith(a)));
  } catch {
    return [];
  }
}

/**
 * @param {TestResult[]} tests
 * @param {TargetConfig} target
 * @param {string[]} knownOperations
 * @param {number} startedAt
 * @returns {Report}
 */
export function buildReport(tests, target, knownOperations, startedAt) {
  /** @type {Map<string, OperationRow>} */
  const rows = new Map(knownOperations.map((op) => [op, { operationId: op, passed: 0, failed: 0, skipped: 0, firstFailure: undefined }]));
  for (const t of tests) {
    for (const op of t.operations) {
      if (!target.apis.some((api) => op.startsWith(api))) continue;
      const row = rows.get(op) ?? { operationId: op, passed: 0, failed: 0, skipped: 0, firstFailure: undefined };
      rows.set(op, row);
      row[t.state] += 1;
      if (t.state === "failed" && !row.firstFailure) row.firstFailure = t;
    }
  }
  /** @type {Record<string, number>} */
  const skipReasons = {};
  for (const t of tests) if (t.state === "skipped") skipReasons[t.skipReason ?? "skipped"] = (skipReasons[t.skipReason ?? "skipped"] ?? 0) + 1;
  const count = (/** @type {string} */ s) => tests.filter((t) => t.state === s).length;
  return {
    target: { kind: target.kind, url: target.url, apis: target.apis },
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Date.now() - startedAt,
    totals: { passed: count("passed"), failed: count("failed"), skipped: count("skipped"), total: tests.length },
    operations: [...rows.values()],
    skipReasons,
    tests,
  };
}

/** @param {string} s @param {number} n */
const cut = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
/** @param {string | undefined} s */
const oneLine = (s) => (s ?? "").replace(/\s+/g, " ").trim();

/** @param {TestResult} t */
export function failureSummary(t) {
  const e = t.error;
  if (!e) return "";
  if (e.expected !== undefined || e.actual !== undefined) return `${t.name}: expected ${oneLine(e.expected)}, got ${oneLine(e.actual)}`;
  return `${t.name}: ${oneLine(e.message)}`;
}

/** @param {Report} report */
export function formatTable(report) {
  const width = Math.max(11, ...report.operations.map((r) => r.operationId.length));
  const lines = [];
  lines.push(`${"operationId".padEnd(width)}  pass  fail  skip  first failure (expected vs actual)`);
  lines.push(`${"-".repeat(width)}  ----  ----  ----  ${"-".repeat(40)}`);
  for (const r of report.operations) {
    const note = r.firstFailure ? cut(failureSummary(r.firstFailure), 160) : r.passed + r.failed + r.skipped === 0 ? "(no tests)" : r.passed === 0 && r.failed === 0 ? "(all skipped)" : "";
    lines.push(`${r.operationId.padEnd(width)}  ${String(r.passed).padStart(4)}  ${String(r.failed).padStart(4)}  ${String(r.skipped).padStart(4)}  ${note}`);
  }
  const t = report.totals;
  lines.push("");
  lines.push(`target ${report.target.kind} ${report.target.url} (${report.target.apis.join(", ")}): ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped of ${t.total} tests`);
  for (const [reason, n] of Object.entries(report.skipReasons).sort((a, b) => b[1] - a[1])) lines.push(`  skipped ${String(n).padStart(4)}: ${reason}`);
  return lines.join("\n");
}

/** @param {unknown} s */
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** @param {Report} report */
export function formatHtml(report) {
  const t = report.totals;
  const byOp = new Map(report.operations.map((r) => [r.operationId, /** @type {TestResult[]} */ ([])]));
  for (const test of report.tests) for (const op of test.operations) byOp.get(op)?.push(test);
  const status = (/** @type {OperationRow} */ r) => (r.failed > 0 ? "fail" : r.passed > 0 ? "pass" : "skip");
  const rows = report.operations
    .map((r) => {
      const tests = byOp.get(r.operationId) ?? [];
      const items = tests
        .map((x) => {
          const detail = x.state === "failed" && x.error
            ? `<div class="err"><div>${esc(x.error.message)}</div>${x.error.expected !== undefined ? `<div><b>expected</b> <code>${esc(x.error.expected)}</code></div><div><b>actual</b> <code>${esc(x.error.actual)}</code></div>` : ""}</div>`
            : x.state === "skipped" ? `<span class="why">${esc(x.skipReason)}</span>` : "";
          return `<li class="${x.state}"><span class="badge ${x.state}">${x.state}</span> ${esc(`${x.api} › ${x.area} › ${x.group} › ${x.name}`)} ${detail}</li>`;
        })
        .join("");
      const first = r.firstFailure ? `<div class="first">${esc(cut(failureSummary(r.firstFailure), 300))}</div>` : "";
      return `<tr class="${status(r)}"><td><details><summary><code>${esc(r.operationId)}</code></summary><ul>${items || "<li>no tests</li>"}</ul></details>${first}</td><td class="n pass">${r.passed}</td><td class="n${r.failed > 0 ? " failc" : ""}">${r.failed}</td><td class="n skipc">${r.skipped}</td></tr>`;
    })
    .join("\n");
  const reasons = Object.entries(report.skipReasons)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `<li>${n} × ${esc(reason)}</li>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chroma API conformance: ${esc(report.target.url)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1d2430;background:#fff}
h1{font-size:20px;margin:0 0 4px} .meta{color:#5b6472;margin-bottom:16px}
.totals span{display:inline-block;padding:4px 10px;border-radius:6px;margin-right:8px;font-weight:600}
.totals .p{background:#e3f6e8;color:#17692f}.totals .f{background:#fde5e5;color:#a11d1d}.totals .s{background:#eef0f3;color:#4a5360}
table{border-collapse:collapse;width:100%;margin-top:16px} th,td{border-bottom:1px solid #e4e7ec;padding:6px 8px;vertical-align:top;text-align:left}
th{background:#f6f7f9;position:sticky;top:0} td.n{text-align:right;width:56px;font-variant-numeric:tabular-nums}
tr.fail td:first-child{border-left:4px solid #d93030} tr.pass td:first-child{border-left:4px solid #2e9d4d} tr.skip td:first-child{border-left:4px solid #b7bdc6}
td.failc{color:#a11d1d;font-weight:600} td.skipc{color:#6b7380}
summary{cursor:pointer} ul{margin:6px 0 4px 0;padding-left:18px} li{margin:2px 0}
.badge{display:inline-block;min-width:52px;text-align:center;font-size:11px;border-radius:4px;padding:0 4px;text-transform:uppercase}
.badge.passed{background:#e3f6e8;color:#17692f}.badge.failed{background:#fde5e5;color:#a11d1d}.badge.skipped{background:#eef0f3;color:#4a5360}
.err{margin:4px 0 6px 58px;padding:6px 8px;background:#fff6f6;border:1px solid #f3c9c9;border-radius:4px;white-space:pre-wrap;font-size:12px}
.first{color:#a11d1d;font-size:12px;margin-top:2px} .why{color:#6b7380;font-size:12px} code{font-family:ui-monospace,Menlo,Consolas,monospace}
</style></head><body>
<h1>Chroma API conformance</h1>
<div class="meta">${esc(report.target.kind)} · <code>${esc(report.target.url)}</code> · APIs ${esc(report.target.apis.join(", "))} · ${esc(report.startedAt)} · ${(report.durationMs / 1000).toFixed(1)} s</div>
<div class="totals"><span class="p">${t.passed} passed</span><span class="f">${t.failed} failed</span><span class="s">${t.skipped} skipped</span> of ${t.total} tests</div>
${reasons ? `<details><summary>Why tests were skipped</summary><ul>${reasons}</ul></details>` : ""}
<table><thead><tr><th>operationId (click for its tests)</th><th>pass</th><th>fail</th><th>skip</th></tr></thead><tbody>
${rows}
</tbody></table>
</body></html>
`;
}

/**
 * Writes JSON or HTML, chosen by the file's extension.
 * @param {Report} report @param {string} file
 */
export async function writeReport(report, file) {
  if (/\.html?$/i.test(file)) await writeFile(file, formatHtml(report));
  else if (/\.json$/i.test(file)) await writeFile(file, JSON.stringify(report, null, 2) + "\n");
  else throw new Error(`--report must end in .json or .html, got ${file}`);
}
