// @ts-check
/**
 * Runs the suite with vitest's Node API against one target and turns vitest's task tree into
 * flat results: one per test, with its operationIds, outcome, skip reason and first error.
 */
import { fileURLToPath } from "node:url";
import { configDefaults } from "vitest/config";
import { startVitest } from "vitest/node";
import { parseTestName, skipReason, TARGET_ENV, testId } from "./policy.js";

const PACKAGE_DIR = fileURLToPath(new URL("../../", import.meta.url));

/** @typedef {import("./policy.js").TargetConfig} TargetConfig */
/**
 * @typedef {object} TestResult
 * @property {string} id
 * @property {string} file
 * @property {string} api
 * @property {string} area
 * @property {string} group
 * @property {string} name
 * @property {string[]} operations
 * @property {"passed" | "failed" | "skipped"} state
 * @property {string} [skipReason]
 * @property {number} durationMs
 * @property {{ message: string, expected?: string, actual?: string }} [error]
 */

/**
 * @param {any} task
 * @param {string[]} path
 * @param {string} file
 * @param {TargetConfig} target
 * @param {TestResult[]} out
 * @param {any} [suiteError] the first error of a failed enclosing suite (e.g. its beforeAll)
 */
function walk(task, path, file, target, out, suiteError) {
  if (task.type === "suite") {
    const failed = task.result?.state === "fail" ? task.result?.errors?.[0] : undefined;
    for (const child of task.tasks) walk(child, [...path, task.name], file, target, out, suiteError ?? failed);
    // A suite that failed with no test inside (e.g. vitest's "No test found in suite") still fails the run.
    if (failed && task.tasks.length === 0) {
      const [api = "", area = "", group = ""] = [...path, task.name];
      out.push({ id: [...path, task.name].join(" > "), file, api, area, group, name: "suite failed", operations: [], state: "failed", durationMs: 0,
        error: { message: String(failed.message ?? failed) } });
    }
    return;
  }
  if (task.type !== "test") return;
  const [api = "", area = "", group = ""] = path;
  const { name, operations } = parseTestName(task.name);
  const id = testId(/** @type {any} */ (api), area, group, name);
  const own = task.result?.state;
  // A test that did not run because its suite's hook failed counts as failed, with that error.
  const state = own === "pass" ? "passed" : own === "fail" || (suiteError && task.mode === "run") ? "failed" : "skipped";
  /** @type {TestResult} */
  const result = { id, file, api, area, group, name, operations, state, durationMs: Math.round(task.result?.duration ?? 0) };
  if (state === "skipped") {
    result.skipReason = skipReason(target, { api: /** @type {any} */ (api), group, id }) ?? (task.mode === "todo" ? "todo" : "skipped");
  }
  const error = task.result?.errors?.[0] ?? suiteError;
  if (state === "failed") {
    // expect.fail() and thrown errors carry no comparison (vitest serialises it as "undefined").
    const compared = error && error.expected !== undefined && !(String(error.expected) === "undefined" && String(error.actual) === "undefined");
    result.error = error
      ? { message: String(error.message ?? error), ...(compared ? { expected: String(error.expected), actual: String(error.actual) } : {}) }
      : { message: "failed (no error recorded; a hook may have failed)" };
  }
  out.push(result);
}

/**
 * @param {any[]} files vitest File tasks
 * @param {TargetConfig} target
 * @returns {TestResult[]}
 */
export function flatten(files, target) {
  /** @type {TestResult[]} */
  const out = [];
  for (const f of files) {
    const rel = f.name;
    // A file that failed to load (syntax error, failing beforeAll) reports its error on the file.
    if (f.result?.state === "fail" && (!f.tasks || f.tasks.length === 0)) {
      out.push({ id: rel, file: rel, api: "", area: rel, group: "", name: "file failed to load", operations: [], state: "failed", durationMs: 0,
        error: { message: String(f.result.errors?.[0]?.message ?? "file failed") } });
    }
    for (const t of f.tasks ?? []) walk(t, [], rel, target, out);
  }
  return out;
}

/**
 * @param {{ target: TargetConfig, files?: string[], exclude?: string[], filter?: string, verbose?: boolean, bail?: number, quiet?: boolean }} options
 * @returns {Promise<TestResult[]>}
 */
export async function runSuite(options) {
  process.env[TARGET_ENV] = JSON.stringify(options.target);
  const vitest = await startVitest(
    "test",
    options.files ?? [],
    {
      root: PACKAGE_DIR,
      config: fileURLToPath(new URL("vitest.config.ts", `file://${PACKAGE_DIR}`)),
      run: true,
      watch: false,
      // An empty list would bring back the default reporter; a reporter without hooks prints nothing.
      reporters: options.quiet ? [{}] : [options.verbose ? "verbose" : "dot"],
      ...(options.filter ? { testNamePattern: options.filter } : {}),
      ...(options.bail ? { bail: options.bail } : {}),
      ...(options.exclude ? { exclude: [...configDefaults.exclude, ...options.exclude] } : {}),
    },
  );
  try {
    return flatten(vitest.state.getFiles(), options.target);
  } finally {
    await vitest.close();
  }
}
