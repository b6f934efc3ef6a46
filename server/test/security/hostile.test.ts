/**
 * Hostile input, property-based: for EVERY operation of openapi.yaml, fast-check generates
 * requests from the operation's own parameters and body schema — valid ones and mutated ones
 * (see support/generators.ts) — and sends them to a real server started with small limits
 * (body size, batch size) and token auth. Every answer must be a 2xx or a 4xx; a 4xx must carry
 * the {error, message} body with string fields; the server must never answer 5xx or die; and
 * data stored beforehand must be exactly as it was at the end.
 *
 * HOSTILE_RUNS (requests per operation, default 100) and HOSTILE_SEED tune the run:
 *   HOSTILE_RUNS=400 npx vitest run --root server test/security/hostile.test.ts
 */
import * as fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminOps, ok, seedRecords, startAuthServer, v2db, type AuthServer } from "./support/cluster.js";
import { requestArb, MAIN_ID, MAIN_NAME, type GenContext, type HostileRequest } from "./support/generators.js";
import { call, isErrorBody, send } from "./support/http.js";
import { recordCount, snapshotDatabase, type DatabaseSnapshot } from "./support/snapshot.js";
import { loadSpec } from "./support/spec.js";
import { MAX_FILTER_DEPTH } from "../../src/core/where.js";

const RUNS = Number(process.env.HOSTILE_RUNS ?? 100);
const SEED = process.env.HOSTILE_SEED === undefined ? undefined : Number(process.env.HOSTILE_SEED);
const BODY_LIMIT = 256 * 1024;
const MAX_BATCH = 50;

const ctx: GenContext = {
  tenant: "play",
  database: "pdb",
  token: "player-token",
  adminToken: "root-token",
  maxBatchSize: MAX_BATCH,
  bodyLimit: BODY_LIMIT,
  dim: 3,
  maxFilterDepth: MAX_FILTER_DEPTH,
};

/** Data nobody in the generated requests can name; compared before and after. */
const SEEDED: [string, string][] = [
  ["vault", "vault-db"],
  ["play", "play-seeded"],
];

let server: AuthServer;
let before: DatabaseSnapshot[];
const state = { mainId: "" };
const stats = { requests: 0, byStatus: new Map<number, number>(), byOperation: new Map<string, number>() };

async function restorePlayground(): Promise<void> {
  const admin = "root-token";
  const base = v2db(ctx.tenant, ctx.database);
  // Idempotent creation: 409 means it is already there.
  for (const [method, path, body] of [
    ["POST", "/api/v2/tenants", { name: ctx.tenant }],
    ["POST", `/api/v2/tenants/${ctx.tenant}/databases`, { name: ctx.database }],
    ["POST", `/api/v2/tenants/${ctx.tenant}/databases`, { name: "default_database" }],
  ] as const) {
    const res = await call(server.url, method, path, { token: admin, body });
    if (res.status !== 409) ok(res, `${method} ${path}`);
  }
  // A fresh playground collection of dimension 3 with a few records, whatever the last operation did to it.
  await call(server.url, "DELETE", `${base}/collections/play-main`, { token: admin });
  const created = ok(await call(server.url, "POST", `${base}/collections`, { token: admin, body: { name: "play-main", metadata: { kind: "playground" } } }), "create play-main");
  state.mainId = (created.json as { id: string }).id;
  const seed = seedRecords("r", 6);
  seed.ids = ["r1", "r2", "r3", "r4", "r5", "r6"];
  ok(await call(server.url, "POST", `${base}/collections/${state.mainId}/upsert`, { token: admin, body: seed }), "seed play-main");
}

beforeAll(async () => {
  server = await startAuthServer(
    [
      { id: "root", tenant: "*", databases: ["*"], tokens: ["root-token"] },
      { id: "player", tenant: "play", databases: ["*"], tokens: ["player-token"] },
    ],
    { env: { CHROMA_MAX_BODY_BYTES: String(BODY_LIMIT), CHROMA_MAX_BATCH_SIZE: String(MAX_BATCH) } },
  );
  await restorePlayground();
  const admin = adminOps(server.url, "root-token");
  await admin.tenant("vault");
  await admin.database("vault", "vault-db");
  await admin.database("play", "play-seeded");
  for (const [tenant, db] of SEEDED) {
    const id = await admin.collection(tenant, db, `jewels-${tenant}`, { sealed: true });
    await admin.add(tenant, db, id, seedRecords(`${tenant}-jewel`, 25));
  }
  before = await Promise.all(SEEDED.map(([t, d]) => snapshotDatabase(server.url, "root-token", t, d)));
}, 60_000);

afterAll(async () => {
  await server?.dispose();
});

function describeRequest(req: HostileRequest): string {
  const body = req.body === undefined ? "(none)" : Buffer.isBuffer(req.body) ? `<${req.body.length} bytes: ${req.body.subarray(0, 60).toString("hex")}>` : `${req.body.length} chars: ${req.body.slice(0, 400)}`;
  return `${req.method} ${req.path.slice(0, 300)}\n  notes: ${req.notes.join("; ") || "(valid)"}\n  headers: ${JSON.stringify(req.headers).slice(0, 200)}\n  body: ${body}`;
}

async function check(operationId: string, generated: HostileRequest): Promise<void> {
  const req = { ...generated, path: generated.path.split(MAIN_ID).join(state.mainId).split(MAIN_NAME).join("play-main") };
  let res;
  try {
    res = await send(server.url, req, 120_000);
  } catch (err) {
    const dead = server.proc.exitCode !== null || server.proc.signalCode !== null;
    throw new Error(`${dead ? `SERVER DIED (exit ${server.proc.exitCode}, signal ${server.proc.signalCode})` : "no answer"}: ${(err as Error).message}\n${describeRequest(req)}\n${dead ? server.output.join("").slice(-2000) : ""}`);
  }
  stats.requests++;
  stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
  stats.byOperation.set(operationId, (stats.byOperation.get(operationId) ?? 0) + 1);
  const where = `${res.status} ${res.text.slice(0, 300)}\n${describeRequest(req)}`;
  if (res.status >= 500 || res.status < 200 || (res.status >= 300 && res.status < 400)) throw new Error(`answered ${where}`);
  if (res.status >= 400 && !isErrorBody(res.json)) throw new Error(`error answer without {error, message}: ${where}`);
  if (res.status < 300 && res.json === undefined) throw new Error(`success answer that is not JSON: ${where}`);
}

describe("hostile requests to every operation of openapi.yaml", () => {
  const { operations } = loadSpec();

  for (const op of operations) {
    it(`${op.operationId} (${op.method} ${op.path})`, async () => {
      await restorePlayground();
      await fc.assert(
        fc.asyncProperty(requestArb(op, ctx), (req) => check(op.operationId, req)),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      // Still alive and answering after the run.
      expect(server.proc.exitCode).toBeNull();
      expect((await call(server.url, "GET", "/api/v2/heartbeat")).status).toBe(200);
    }, 30_000 + RUNS * 1_000);
  }

  it("left the data stored beforehand exactly as it was", async () => {
    const after = await Promise.all(SEEDED.map(([t, d]) => snapshotDatabase(server.url, "root-token", t, d)));
    expect(after).toEqual(before);
    const statuses = [...stats.byStatus.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}:${n}`).join(" ");
    console.log(
      `[hostile] ${stats.requests} requests over ${stats.byOperation.size} operations (${RUNS} runs each); statuses ${statuses}; ` +
        `${after.reduce((n, s) => n + recordCount(s), 0)} seeded records verified unchanged`,
    );
    expect(stats.byOperation.size).toBe(operations.length);
  });
});
