// @ts-check
/**
 * The command line: pick (or start) a target, run the suite, print the conformance table,
 * write a report. Targets of this repository (--target) start what they need and stop it again:
 *   mock       prism mock openapi.yaml --errors        (requests checked against the spec)
 *   live       a freshly started chromaspec server     (server/dist/cli.js, temp data dir)
 *   proxy      live, through prism proxy --errors      (answers checked against the spec)
 *   reference  the upstream Chroma server on http://127.0.0.1:8100 (v2; known differences skipped)
 * Any other implementation: --url http://host:port.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { Command, Option } from "commander";
import { buildReport, formatTable, specOperations, writeReport } from "./report.js";
import { DEFAULT_SPEC, SPEC_ENV, startChromaspec, startPrism, stopAll } from "./processes.js";
import { runSuite } from "./run-vitest.js";
import { cleanUp, formatCleanup } from "./cleanup.js";
import { LEDGER_ENV } from "./ledger.js";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const KNOWN_DIFFERENCES = new URL("../../known-differences.json", import.meta.url);
const RESET_FILE = "src/cases/reset.ts";
export const REFERENCE_URL = process.env.CHROMA_REFERENCE_URL ?? "http://127.0.0.1:8100";

/** @typedef {import("./policy.js").TargetConfig} TargetConfig */
/** @typedef {import("./run-vitest.js").TestResult} TestResult */

/** @param {string | URL} file @returns {string[]} */
export function readKnownDifferences(file) {
  const list = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of {id, reason}`);
  return list.map((/** @type {{ id: string }} */ d) => d.id);
}

/** @param {string | undefined} api @param {TargetConfig["apis"]} fallback @returns {TargetConfig["apis"]} */
function apisOf(api, fallback) {
  if (!api) return fallback;
  if (api === "all") return ["v1", "v2"];
  if (api === "v1" || api === "v2") return [api];
  throw new Error(`--api must be v1, v2 or all, got ${api}`);
}

/**
 * Runs the main phase, then (when the target allows reset) the reset tests alone. The reset file is
 * left out of the main phase then, so every test runs in exactly one vitest run and the report's
 * totals are the sums of what vitest printed for the phases.
 * @param {TargetConfig} target
 * @param {{ filter?: string, verbose?: boolean, bail?: number, quiet?: boolean }} options
 * @returns {Promise<TestResult[]>}
 */
export async function runPhases(target, options) {
  const separateReset = target.resetAllowed && target.kind !== "mock";
  const main = await runSuite({ target, ...options, ...(separateReset ? { exclude: [RESET_FILE] } : {}) });
  if (!separateReset) return main;
  const reset = await runSuite({ target: { ...target, phase: "reset" }, files: [RESET_FILE], ...options });
  return [...main, ...reset];
}

/** @param {string[]} argv */
export async function main(argv) {
  const program = new Command()
    .name("contract-tests")
    .description("Conformance suite for Chroma-compatible HTTP servers (v1 and v2 APIs)")
    .option("--url <url>", "server to test, e.g. http://localhost:8000")
    .addOption(new Option("--target <target>", "a target of this repository that the runner starts itself").choices(["mock", "live", "proxy", "reference"]))
    .option("--api <api>", "v1, v2 or all (default: v2 for --url and reference, all for mock/live/proxy)")
    .option("--tenant <name>", "use this tenant instead of creating one per test file")
    .option("--database <name>", "use this database instead of creating one per test file")
    .option("--token <token>", "send Authorization: Bearer <token>")
    .option("--report <file>", "write the report to a .json or .html file")
    .option("--allow-reset", "let the reset tests wipe the server (run alone, last)", false)
    .option("--known-differences <file>", "JSON list of {id, reason} of tests to skip on this server")
    .option("--spec <file>", "the OpenAPI document: operations for the report, examples and Prism's spec for mock/proxy (default: the copy shipped with this package)", DEFAULT_SPEC)
    .option("-t, --filter <pattern>", "only tests whose name matches")
    .option("--verbose", "list every test as it runs", false)
    .showHelpAfterError();
  program.parse(argv);
  const opts = program.opts();
  if (!opts.url === !opts.target) {
    program.error("give exactly one of --url <url> or --target <mock|live|proxy|reference>");
  }

  // The workers read the same spec as the runner.
  const spec = resolvePath(String(opts.spec));
  if (!existsSync(spec)) program.error(`--spec ${opts.spec}: no such file`);
  process.env[SPEC_ENV] = spec;
  opts.spec = spec;

  const startedAt = Date.now();
  let exitCode = 1;
  const onSignal = () => {
    void stopAll().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    /** @type {TargetConfig} */
    const target = {
      kind: "external",
      url: "",
      apis: apisOf(opts.api, ["v2"]),
      ...(opts.tenant ? { tenant: opts.tenant } : {}),
      ...(opts.database ? { database: opts.database } : {}),
      ...(opts.token ? { token: opts.token } : {}),
      phase: "main",
      resetAllowed: Boolean(opts.allowReset),
      knownDifferences: opts.knownDifferences ? readKnownDifferences(opts.knownDifferences) : [],
    };
    if (opts.url) {
      target.url = String(opts.url).replace(/\/+$/, "");
    } else if (opts.target === "reference") {
      Object.assign(target, { kind: "reference", url: REFERENCE_URL, resetAllowed: false });
      if (!opts.knownDifferences) target.knownDifferences = readKnownDifferences(KNOWN_DIFFERENCES);
    } else {
      target.apis = apisOf(opts.api, ["v1", "v2"]);
      target.kind = opts.target;
      if (opts.target === "mock") {
        target.url = (await startPrism(opts.spec)).url;
      } else {
        // Our own fresh server: nobody else uses it, so the reset tests may run (alone, last).
        const server = await startChromaspec();
        target.resetAllowed = true;
        target.url = opts.target === "proxy" ? (await startPrism(opts.spec, server.url)).url : server.url;
      }
    }
    console.log(`contract-tests: ${target.kind} target ${target.url} (${target.apis.join(", ")})`);

    const ledger = await mkdtemp(join(tmpdir(), "contract-tests-ledger-"));
    process.env[LEDGER_ENV] = ledger;
    let all;
    /** @type {import("./cleanup.js").CleanupReport | undefined} */
    let cleanup;
    try {
      all = await runPhases(target, { filter: opts.filter, verbose: opts.verbose });
      if (target.kind !== "mock") cleanup = await cleanUp(target, ledger);
    } finally {
      await rm(ledger, { recursive: true, force: true });
    }
    // Tests of an API this target does not speak are not part of its report.
    const tests = all.filter((t) => t.api === "" || target.apis.includes(/** @type {any} */ (t.api)));
    const ids = new Set(all.map((t) => t.id));
    for (const id of target.knownDifferences) if (!ids.has(id) && !opts.filter) console.warn(`warning: known difference matches no test: ${id}`);
    const report = { ...buildReport(tests, target, specOperations(opts.spec, target.apis), startedAt), ...(cleanup ? { cleanup } : {}) };
    console.log("\n" + formatTable(report));
    if (cleanup) console.log(formatCleanup(cleanup));
    if (opts.report) {
      await writeReport(report, opts.report);
      console.log(`report written to ${opts.report}`);
    }
    // Leaving the target cluttered is a failure too: the suite promises to clean up after itself.
    exitCode = report.totals.failed === 0 && report.totals.passed > 0 && (cleanup?.problems.length ?? 0) === 0 ? 0 : 1;
  } catch (err) {
    console.error(`contract-tests: ${err instanceof Error ? err.message : String(err)}`);
    exitCode = 1;
  } finally {
    await stopAll();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  return exitCode;
}
