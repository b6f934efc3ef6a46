/**
 * The suite's ledger: which requests create (or delete) a tenant, database or collection, and what
 * is left to clean up once the suite ran.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { entryOf, LEDGER_ENV, outstanding, record } from "../src/runner/ledger.js";

const u = (path: string) => new URL(`http://h:1${path}`);
const V2 = "/api/v2/tenants/t1/databases/d1";

describe("entryOf", () => {
  it.each([
    ["POST", "/api/v2/tenants", 200, { name: "t1" }, undefined, { op: "create", kind: "tenant", api: "v2", tenant: "t1" }],
    ["POST", "/api/v2/tenants/t1/databases", 200, { name: "d1" }, undefined, { op: "create", kind: "database", api: "v2", tenant: "t1", database: "d1" }],
    ["DELETE", V2, 200, undefined, undefined, { op: "delete", kind: "database", api: "v2", tenant: "t1", database: "d1" }],
    ["POST", `${V2}/collections`, 200, { name: "c" }, { id: "i1" }, { op: "create", kind: "collection", api: "v2", tenant: "t1", database: "d1", id: "i1" }],
    ["POST", "/api/v1/tenants", 200, { name: "t2" }, undefined, { op: "create", kind: "tenant", api: "v1", tenant: "t2" }],
    ["POST", "/api/v1/databases?tenant=t2", 200, { name: "d2" }, undefined, { op: "create", kind: "database", api: "v1", tenant: "t2", database: "d2" }],
    ["POST", "/api/v1/collections", 200, { name: "c" }, { id: "i2" }, { op: "create", kind: "collection", api: "v1", tenant: "default_tenant", database: "default_database", id: "i2" }],
    ["POST", "/api/v2/tenants/a%20b/databases", 200, { name: "d" }, undefined, { op: "create", kind: "database", api: "v2", tenant: "a b", database: "d" }],
  ])("%s %s -> %j", (method, path, status, body, answer, expected) => {
    expect(entryOf(method, u(path), status, body, answer)).toEqual(expected);
  });

  it.each([
    ["POST", "/api/v2/tenants", 409, { name: "t1" }, undefined],
    ["POST", `${V2}/collections/i1/add`, 201, { ids: [] }, true],
    ["GET", "/api/v2/tenants/t1", 200, undefined, { name: "t1" }],
    ["POST", `${V2}/collections`, 200, { name: "users-own", get_or_create: true }, { id: "found" }],
  ])("%s %s (%i) records nothing", (method, path, status, body, answer) => {
    expect(entryOf(method, u(path), status, body, answer)).toBeNull();
  });

  it("records a get_or_create of the suite's own names", () => {
    expect(entryOf("POST", u(`${V2}/collections`), 200, { name: "ct-c-x", get_or_create: true }, { id: "i" })).toMatchObject({ kind: "collection", id: "i" });
  });
});

describe("outstanding", () => {
  const dir = mkdtempSync(join(tmpdir(), "ledger-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves out deleted databases and collections inside the suite's own databases", () => {
    process.env[LEDGER_ENV] = dir;
    try {
      record({ op: "create", kind: "tenant", api: "v2", tenant: "t1" });
      record({ op: "create", kind: "database", api: "v2", tenant: "t1", database: "own" });
      record({ op: "create", kind: "database", api: "v2", tenant: "t1", database: "gone" });
      record({ op: "create", kind: "collection", api: "v2", tenant: "t1", database: "own", id: "in-own" });
      record({ op: "create", kind: "collection", api: "v2", tenant: "t1", database: "gone", id: "in-gone" });
      record({ op: "create", kind: "collection", api: "v1", tenant: "default_tenant", database: "default_database", id: "in-default" });
      record({ op: "delete", kind: "database", api: "v2", tenant: "t1", database: "gone" });
    } finally {
      delete process.env[LEDGER_ENV];
    }
    const o = outstanding(dir);
    expect(o.created).toBe(6);
    expect(o.tenants.map((t) => t.tenant)).toEqual(["t1"]);
    expect(o.databases.map((d) => d.database)).toEqual(["own"]);
    expect(o.collections.map((c) => c.id)).toEqual(["in-default"]);
  });
});
