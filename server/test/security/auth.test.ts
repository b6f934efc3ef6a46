/**
 * Token authentication over HTTP against the real server: both header forms, 401 for missing or
 * unknown tokens on every non-public operation of openapi.yaml, what /auth/identity reports, and
 * that the public endpoints stay open.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminOps, startAuthServer, seedRecords, type AuthServer, type TestUser } from "./support/cluster.js";
import { call, isErrorBody, send } from "./support/http.js";
import { buildRequest, type Target } from "./support/requests.js";
import { snapshotTenant } from "./support/snapshot.js";
import { loadSpec } from "./support/spec.js";

const USERS: TestUser[] = [
  { id: "root", tenant: "*", databases: ["*"], tokens: ["root-token"] },
  { id: "alice", tenant: "acme", databases: ["main", "extra"], tokens: ["alice-token-1", "alice-token-2"] },
  { id: "solo", tenant: "acme", databases: ["main"], tokens: ["solo-token"] },
];

/** Operations any caller may use without a token: liveness, version and limits. */
const PUBLIC = ["v1Root", "v2Root", "v1Heartbeat", "v2Heartbeat", "v1Version", "v2Version", "v1PreFlightChecks", "v2PreFlightChecks", "v2Healthcheck"];

let server: AuthServer;
let target: Target;

beforeAll(async () => {
  server = await startAuthServer(USERS);
  const admin = adminOps(server.url, "root-token");
  await admin.tenant("acme");
  await admin.database("acme", "main");
  await admin.database("acme", "extra");
  const seed = seedRecords("doc", 6);
  const id = await admin.collection("acme", "main", "docs");
  await admin.add("acme", "main", id, seed);
  target = { tenant: "acme", database: "main", collectionId: id, collectionName: "docs", recordIds: seed.ids, dim: 3, v1Scope: true };
}, 60_000);

afterAll(async () => {
  await server?.dispose();
});

describe("token in the request", () => {
  it("is read from Authorization: Bearer and from X-Chroma-Token", async () => {
    const bearer = await send(server.url, { method: "GET", path: "/api/v2/auth/identity", headers: { authorization: "Bearer alice-token-1" } });
    const lower = await send(server.url, { method: "GET", path: "/api/v2/auth/identity", headers: { authorization: "bearer alice-token-2" } });
    const chroma = await send(server.url, { method: "GET", path: "/api/v2/auth/identity", headers: { "x-chroma-token": "alice-token-1" } });
    for (const res of [bearer, lower, chroma]) {
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ user_id: "alice", tenant: "acme", databases: ["main", "extra"] });
    }
    // And it opens a scoped operation, not only the identity endpoint.
    const listed = await send(server.url, { method: "GET", path: "/api/v2/tenants/acme/databases/main/collections", headers: { "x-chroma-token": "alice-token-2" } });
    expect(listed.status).toBe(200);
    expect((listed.json as { name: string }[]).map((c) => c.name)).toEqual(["docs"]);
  });

  it("answers 401 with an error body when the token is missing, unknown or not a bearer token", async () => {
    const cases: Record<string, string>[] = [
      {},
      { authorization: "Bearer not-a-token" },
      { "x-chroma-token": "not-a-token" },
      { authorization: "Basic cm9vdDpyb290LXRva2Vu" },
      { authorization: "Bearer" },
      { authorization: "root-token" },
      { "x-chroma-token": "" },
      { authorization: "Bearer root-token-but-longer" },
      { authorization: "Bearer ROOT-TOKEN" },
    ];
    for (const headers of cases) {
      const res = await send(server.url, { method: "GET", path: "/api/v2/auth/identity", headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(isErrorBody(res.json), res.text).toBe(true);
      expect((res.json as { error: string }).error).toBe("AuthError");
    }
  });
});

describe("/api/v2/auth/identity", () => {
  it("reports the caller's user, tenant and databases", async () => {
    const ids = await Promise.all(
      ["root-token", "alice-token-2", "solo-token"].map(async (token) => (await call(server.url, "GET", "/api/v2/auth/identity", { token })).json),
    );
    expect(ids).toEqual([
      { user_id: "root", tenant: "*", databases: ["*"] },
      { user_id: "alice", tenant: "acme", databases: ["main", "extra"] },
      { user_id: "solo", tenant: "acme", databases: ["main"] },
    ]);
  });
});

describe("public and protected operations", () => {
  it("serves every public operation without a token", async () => {
    const { operations } = loadSpec();
    for (const id of PUBLIC) {
      const op = operations.find((o) => o.operationId === id);
      expect(op, `${id} is in openapi.yaml`).toBeDefined();
      const res = await send(server.url, { method: op!.method, path: op!.path });
      expect(res.status, `${id}: ${res.text}`).toBe(200);
    }
  });

  it("refuses every other operation of openapi.yaml with 401 without a token or with a wrong one, and changes nothing", async () => {
    const before = await snapshotTenant(server.url, "root-token", "acme");
    const { operations } = loadSpec();
    const protectedOps = operations.filter((o) => !PUBLIC.includes(o.operationId));
    expect(protectedOps.length).toBe(operations.length - PUBLIC.length);
    for (const op of protectedOps) {
      const req = buildRequest(op, target);
      for (const headers of [{}, { authorization: "Bearer wrong" }, { "x-chroma-token": "wrong" }] as Record<string, string>[]) {
        const res = await send(server.url, {
          method: req.method,
          path: req.path,
          headers: { ...headers, ...(req.body === undefined ? {} : { "content-type": "application/json" }) },
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
        });
        expect(res.status, `${op.operationId} ${JSON.stringify(headers)}: ${res.text}`).toBe(401);
        expect(isErrorBody(res.json), res.text).toBe(true);
      }
    }
    expect(await snapshotTenant(server.url, "root-token", "acme")).toEqual(before);
  });
});
