// @ts-check
/**
 * Which tests run against which target, and why the others are skipped. Shared by the test files
 * (which skip statically, so skipped fixtures never touch the server) and by the runner (which
 * prints the reason for every skipped test). Plain JS so the CLI needs no build step.
 *
 * Every test lives at `<api> > <area> > <group> > <name> [<operationIds>]`; the group says what
 * kind of test it is:
 *   requests          sends a request and checks the answer's shape: runs everywhere (on the mock
 *                     this proves the SDK's request is valid per openapi.yaml)
 *   behaviour         checks state and semantics: needs a real server
 *   isolation         behaviour that needs databases of its own (empty ones, or a second one):
 *                     not possible when --database pins the suite to one database
 *   invalid requests  sends a body the schema rejects (raw fetch): Prism answers those itself
 *   spec examples     asks Prism for every example response: mock only
 *   reset             wipes the server: mock, or a separate last phase when reset is allowed
 */

/** @typedef {"v1" | "v2"} Api */
/** @typedef {"requests" | "behaviour" | "isolation" | "invalid requests" | "spec examples" | "reset"} Group */
/**
 * @typedef {object} TargetConfig
 * @property {"mock" | "live" | "proxy" | "reference" | "external"} kind
 * @property {string} url
 * @property {Api[]} apis
 * @property {string} [tenant] use this tenant instead of creating one per test file
 * @property {string} [database] use this database instead of creating one per test file
 * @property {string} [token] sent as `Authorization: Bearer <token>`
 * @property {"main" | "reset"} phase
 * @property {boolean} resetAllowed
 * @property {string[]} knownDifferences test ids skipped on this target
 */

export const GROUPS = /** @type {const} */ (["requests", "behaviour", "isolation", "invalid requests", "spec examples", "reset"]);

/** The env variable that carries the TargetConfig (JSON) from the runner to the test workers. */
export const TARGET_ENV = "CONTRACT_TARGET";

/**
 * The stable id of a test (used by known-differences.json): its path without the operation list.
 * @param {Api} api @param {string} area @param {string} group @param {string} name
 */
export function testId(api, area, group, name) {
  return `${api} > ${area} > ${group} > ${name}`;
}

/**
 * Why this test does not run against the target, or null when it runs.
 * @param {TargetConfig} target
 * @param {{ api: Api, group: string, id: string }} test
 * @returns {string | null}
 */
export function skipReason(target, test) {
  if (!target.apis.includes(test.api)) return `API ${test.api} not selected for this target`;
  const mock = target.kind === "mock";
  if (test.group === "reset") {
    if (mock) return null;
    if (target.phase === "reset") return null;
    return target.resetAllowed ? "destructive: runs alone in the reset phase" : "destructive: reset not allowed on this target (--allow-reset)";
  }
  if (target.phase === "reset") return "reset phase runs only the reset tests";
  if ((test.group === "behaviour" || test.group === "isolation") && mock) return "behaviour: a mock answers spec examples, not state";
  if (test.group === "isolation" && target.database) return "needs databases of its own, but --database pins one";
  if (test.group === "invalid requests" && (mock || target.kind === "proxy")) return "violates the request schema: Prism answers it itself";
  if (test.group === "spec examples" && !mock) return "spec examples are served by the mock only";
  if (target.knownDifferences.includes(test.id)) return "known difference (KNOWN_DIFFERENCES.md)";
  return null;
}

/**
 * Splits a test's name into the readable part and the operationIds it exercises.
 * @param {string} name e.g. "where $gt on int [v2CollectionGet v2CollectionAdd]"
 * @returns {{ name: string, operations: string[] }}
 */
export function parseTestName(name) {
  const m = /^(.*?)\s*\[([A-Za-z0-9 ]+)\]$/.exec(name);
  if (!m) return { name, operations: [] };
  return { name: m[1], operations: m[2].split(" ").filter(Boolean) };
}
