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
import { readFileSync } from "node:fs";
import { Command, Option } from "commander";
import { buildReport, formatTable, specOperations, writeReport } from "./report.js";
import { DEFAULT_SPEC, startChromaspec, startPrism, stopAll } from "./processes.js";
import { runSuite } from "./run-vitest.js";

const KNOWN_DIFFERENCES = new URL("../../known-differences.json", import.meta.url);
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
 * Runs the main phase, then (when the target allows reset) the reset tests alone, and merges them.
 * @param {TargetConfig} target
 * @param {{ filter?: string, verbose?: boolean, bail?: number, quiet?: boolean }} options
 * @returns {Promise<TestResult[]>}
 */
export async function runPhases(target, options) {
  const main = await runSuite({ target, ...options });
  if (!target.resetAllowed || target.kind === "mock") return main;
  const reset = await runSuite({ target: { ...target, phase: "reset" }, files: ["src/cases/reset.ts"], ...options });
  const ran = new Map(reset.filter((t) => t.group === "reset").map((t) => [t.id, t]));
  return main.map((t) => ran.get(t.id) ?? t);
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
    .option("--spec <file>", "openapi.yaml for mock/proxy targets", DEFAULT_SPEC)
    .option("-t, --filter <pattern>", "only tests whose name matches")
    .option("--verbose", "list every test as it runs", false)
    .showHelpAfterError();
  program.parse(argv);
  const opts = program.opts();
  if (!opts.url === !opts.target) {
    program.error("give exactly one of --url <url> or --target <mock|live|proxy|reference>");
  }

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

    const all = await runPhases(target, { filter: opts.filter, verbose: opts.verbose });
    // Tests of an API this target does not speak are not part of its report.
    const tests = all.filter((t) => t.api === "" || target.apis.includes(/** @type {any} */ (t.api)));
    const ids = new Set(all.map((t) => t.id));
    for (const id of target.knownDifferences) if (!ids.has(id) && !opts.filter) console.warn(`warning: known difference matches no test: ${id}`);
    const report = buildReport(tests, target, specOperations(opts.spec, target.apis), startedAt);
    console.log("\n" + formatTable(report));
    if (opts.report) {
      await writeReport(report, opts.report);
      console.log(`report written to ${opts.report}`);
    }
    exitCode = report.totals.failed === 0 && report.totals.passed > 0 ? 0 : 1;
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
