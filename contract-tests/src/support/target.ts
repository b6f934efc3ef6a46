/**
 * The server under test, as the runner (bin/contract-tests.js) describes it in the CONTRACT_TARGET
 * env variable. Running vitest directly works too: CONTRACT_URL (default http://127.0.0.1:8000)
 * and CONTRACT_APIS (default "v1,v2") describe an already running server.
 */
import { TARGET_ENV, type TargetConfig } from "../runner/policy.js";

function load(): TargetConfig {
  const json = process.env[TARGET_ENV];
  if (json) return JSON.parse(json) as TargetConfig;
  return {
    kind: "external",
    url: (process.env.CONTRACT_URL ?? "http://127.0.0.1:8000").replace(/\/+$/, ""),
    apis: (process.env.CONTRACT_APIS ?? "v1,v2").split(",").map((a) => a.trim()) as TargetConfig["apis"],
    tenant: process.env.CONTRACT_TENANT,
    database: process.env.CONTRACT_DATABASE,
    token: process.env.CONTRACT_TOKEN,
    phase: "main",
    resetAllowed: false,
    knownDifferences: [],
  };
}

export const target: TargetConfig = load();

/** True when Prism sits in front of the target and reports spec violations in `sl-violations`. */
export const behindPrism = target.kind === "mock" || target.kind === "proxy";
