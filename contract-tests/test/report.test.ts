/**
 * The conformance report: counts per operation, the first failure's expected vs actual, escaping,
 * and that the HTML page really renders in headless Chromium (Debian's `chromium`, which CI installs).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildReport, formatHtml, formatTable } from "../src/runner/report.js";
import type { TestResult } from "../src/runner/run-vitest.js";

const target = { kind: "live", url: "http://127.0.0.1:8000", apis: ["v2"] } as Parameters<typeof buildReport>[1];
const base = { file: "src/cases/x.ts", api: "v2", area: "records", group: "behaviour", durationMs: 1 };
const tests: TestResult[] = [
  { ...base, id: "a", name: "adds", operations: ["v2CollectionAdd"], state: "passed" },
  { ...base, id: "b", name: "gets <b>bold</b>", operations: ["v2CollectionGet"], state: "failed", error: { message: "wrong ids", expected: '["a"]', actual: '["b"]' } },
  { ...base, id: "c", name: "counts", operations: ["v2CollectionCount", "v2CollectionAdd"], state: "skipped", skipReason: "behaviour: a mock answers spec examples" },
  { ...base, id: "d", name: "v1 only", operations: ["v1Heartbeat"], state: "passed" },
] as TestResult[];
const report = buildReport(tests, target, ["v2CollectionAdd", "v2CollectionGet", "v2CollectionCount", "v2Heartbeat"], Date.now() - 1500);

const dir = mkdtempSync(join(tmpdir(), "report-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("report", () => {
  it("counts per operation of the target's APIs, keeping the first failure", () => {
    const row = (op: string) => report.operations.find((r) => r.operationId === op)!;
    expect(row("v2CollectionAdd")).toMatchObject({ passed: 1, failed: 0, skipped: 1 });
    expect(row("v2CollectionGet")).toMatchObject({ passed: 0, failed: 1, skipped: 0 });
    expect(row("v2CollectionGet").firstFailure?.id).toBe("b");
    expect(row("v2Heartbeat")).toMatchObject({ passed: 0, failed: 0, skipped: 0 });
    expect(report.operations.some((r) => r.operationId === "v1Heartbeat")).toBe(false); // not an API of this target
    expect(report.totals).toEqual({ passed: 2, failed: 1, skipped: 1, total: 4 });
  });

  it("prints a table with expected vs actual and the skip reasons", () => {
    const table = formatTable(report);
    expect(table).toMatch(/v2CollectionGet\s+0\s+1\s+0\s+gets <b>bold<\/b>: expected \["a"\], got \["b"\]/);
    expect(table).toMatch(/v2Heartbeat\s+0\s+0\s+0\s+\(no tests\)/);
    expect(table).toContain("2 passed, 1 failed, 1 skipped of 4 tests");
    expect(table).toContain("skipped    1: behaviour: a mock answers spec examples");
  });

  it("escapes test text in the HTML page", () => {
    const html = formatHtml(report);
    expect(html).toContain("gets &lt;b&gt;bold&lt;/b&gt;");
    expect(html).not.toContain("<b>bold</b>");
  });

  const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  // CI installs Debian's chromium (.ci/run), so there the check must run; elsewhere it may be absent.
  it.runIf(chromium || process.env.CI)("renders in headless Chromium: totals, one row per operation, failure details", () => {
    expect(chromium, "chromium is not installed (apt-get install chromium)").toBeDefined();
    const page = join(dir, "report.html");
    writeFileSync(page, formatHtml(report));
    const flags = [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic", `--user-data-dir=${mkdtempSync(join(dir, "profile-"))}`,
    ];
    const dom = execFileSync(chromium!, [...flags, "--dump-dom", `file://${page}`], { encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "ignore"] });
    expect(dom).toContain("2 passed");
    expect(dom).toContain("1 failed");
    expect((dom.match(/<tr class="(pass|fail|skip)">/g) ?? []).length).toBe(4);
    expect(dom).toMatch(/<b>expected<\/b> <code>\["a"\]<\/code>/);
    const shot = join(dir, "report.png");
    execFileSync(chromium!, [...flags, "--window-size=1200,800", `--screenshot=${shot}`, `file://${page}`], { timeout: 60_000, stdio: "ignore" });
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(statSync(shot).size).toBeGreaterThan(10_000); // a rendered page, not a blank one
  });
});
