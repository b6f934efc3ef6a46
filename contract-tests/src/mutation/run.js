#!/usr/bin/env node
// @ts-check
/**
 * Mutation check: runs the live suite against a real chromaspec server through a fault-injecting
 * proxy, one deliberate fault at a time, and reports which faults the suite catches. A fault is
 * caught when at least one test that passes without faults fails with it. Exits non-zero when a
 * fault survives (or was never exercised).
 *
 *   npm run mutation -w contract-tests [-- --fault <name>] [-- --list]
 */
import { startChromaspec, stopAll } from "../runner/processes.js";
import { runSuite } from "../runner/run-vitest.js";
import { startFaultProxy } from "./fault-proxy.js";
import { FAULTS } from "./faults.js";

/** @typedef {import("../runner/policy.js").TargetConfig} TargetConfig */

/** @param {string} url @returns {TargetConfig} */
const liveTarget = (url) => ({ kind: "live", url, apis: ["v1", "v2"], phase: "main", resetAllowed: false, knownDifferences: [] });

/** @param {string} upstream @param {import("./fault-proxy.js").Fault | null} fault */
async function runThrough(upstream, fault) {
  const proxy = await startFaultProxy(upstream, fault);
  try {
    const tests = await runSuite({ target: liveTarget(proxy.url), quiet: true });
    return { tests, hits: proxy.hits() };
  } finally {
    await proxy.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args.includes("--list")) {
    for (const f of FAULTS) console.log(`${f.name.padEnd(28)} ${f.description}`);
    return 0;
  }
  const only = args.includes("--fault") ? args[args.indexOf("--fault") + 1] : undefined;
  const faults = only ? FAULTS.filter((f) => f.name === only) : FAULTS;
  if (faults.length === 0) throw new Error(`no fault named ${only}; --list shows them`);

  const started = Date.now();
  const server = await startChromaspec();
  try {
    const baseline = await runThrough(server.url, null);
    const passing = new Set(baseline.tests.filter((t) => t.state === "passed").map((t) => t.id));
    const failing = baseline.tests.filter((t) => t.state === "failed");
    console.log(`baseline (no fault): ${passing.size} passed, ${failing.length} failed`);
    for (const t of failing) console.log(`  baseline failure (ignored when judging faults): ${t.id}`);

    /** @type {{ name: string, description: string, caught: boolean, killers: string[], hits: number }[]} */
    const rows = [];
    for (const fault of faults) {
      const run = await runThrough(server.url, fault);
      const killers = run.tests.filter((t) => t.state === "failed" && passing.has(t.id)).map((t) => t.id);
      rows.push({ name: fault.name, description: fault.description, caught: killers.length > 0, killers, hits: run.hits });
      console.log(`${killers.length > 0 ? "caught  " : "SURVIVED"} ${fault.name} (${killers.length} tests failed, ${run.hits} exchanges rewritten)`);
    }

    const w = Math.max(...rows.map((r) => r.name.length));
    console.log(`\n${"fault".padEnd(w)}  caught  failing tests  first test that caught it`);
    console.log(`${"-".repeat(w)}  ------  -------------  ${"-".repeat(40)}`);
    for (const r of rows) {
      const note = r.caught ? r.killers[0] : r.hits === 0 ? "(never exercised: the suite sends nothing this fault rewrites)" : "(survived)";
      console.log(`${r.name.padEnd(w)}  ${(r.caught ? "yes" : "NO").padEnd(6)}  ${String(r.killers.length).padStart(13)}  ${note}`);
    }
    const caught = rows.filter((r) => r.caught).length;
    console.log(`\n${caught}/${rows.length} faults caught in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return caught === rows.length && passing.size > 0 ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch(async (err) => {
    console.error(`mutation: ${err instanceof Error ? err.stack : String(err)}`);
    await stopAll();
    process.exitCode = 1;
  });
