/**
 * The suite's test DSL. Every test sits at `<api> > <area> > <group> > <name> [<operationIds>]`
 * so that the runner can map results to operationIds (the bracket) and explain skips (the group;
 * see runner/policy.js). Context is passed explicitly (Area, Group) rather than kept in module
 * state, because vitest runs describe factories during collection, not at registration.
 */
import { afterAll, describe, test } from "vitest";
import { skipReason, testId, type Api, type Group as GroupName } from "../runner/policy.js";
import { cleanupScopes } from "./scope.js";
import { target } from "./target.js";

export type { Api };

export interface Area {
  api: Api;
  area: string;
}

export interface Group extends Area {
  group: GroupName;
}

/** One `describe(api) > describe(area)` per API version; v2-only areas pass `["v2"]`. */
export function forEachApi(area: string, body: (a: Area) => void, apis: Api[] = ["v1", "v2"]): void {
  // An API the target does not speak is not collected at all (not even as skipped tests), so the
  // runner's totals are vitest's.
  for (const api of apis.filter((x) => target.apis.includes(x))) {
    describe(api, () => {
      describe(area, () => {
        body({ api, area });
        afterAll(() => cleanupScopes(api));
      });
    });
  }
}

/**
 * A group of tests of one kind. The whole group is skipped statically when its kind does not
 * run on this target, so its beforeAll fixtures never reach the server either.
 */
export function group(a: Area, name: GroupName, body: (g: Group) => void): void {
  const reason = skipReason(target, { api: a.api, group: name, id: "" });
  describe.skipIf(reason !== null)(name, () => body({ ...a, group: name }));
}

/**
 * One test. `operations` are operationIds without the version prefix ("CollectionGet"); the
 * name must be unique in its group (known-differences.json refers to tests by path).
 */
export function it(g: Group, operations: string[], name: string, fn: () => Promise<void>, timeout?: number): void {
  const reason = skipReason(target, { api: g.api, group: g.group, id: testId(g.api, g.area, g.group, name) });
  const full = `${name} [${operations.map((op) => g.api + op).join(" ")}]`;
  test.skipIf(reason !== null)(full, fn, timeout);
}
