/**
 * A shortened soak (server/scripts/soak.ts) against a real server with token auth: concurrent
 * clients mixing every write and read, zero errors allowed, then every acknowledged write read
 * back with its exact content. SOAK_CLIENTS / SOAK_SECONDS lengthen it (defaults 8 and 10).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { formatReport, runSoak, type Target } from "../../scripts/soak/run.js";
import { adminOps, startAuthServer, type AuthServer } from "../security/support/cluster.js";

const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 8);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 10);

let server: AuthServer;

beforeAll(async () => {
  server = await startAuthServer([
    { id: "root", tenant: "*", databases: ["*"], tokens: ["root-token"] },
    { id: "loader", tenant: "soak", databases: ["load"], tokens: ["loader-token"] },
  ]);
  const admin = adminOps(server.url, "root-token");
  await admin.tenant("soak");
  await admin.database("soak", "load");
}, 60_000);

afterAll(async () => {
  await server?.dispose();
});

it(`${CLIENTS} clients for ${SECONDS} s: no errors, every acknowledged write read back exactly`, async () => {
  const target: Target = { url: server.url, token: "loader-token", tenant: "soak", database: "load" };
  const report = await runSoak({ target, clients: CLIENTS, durationMs: SECONDS * 1000, seed: process.env.SOAK_SEED ? Number(process.env.SOAK_SEED) : undefined });
  console.log(formatReport(report));
  expect(report.errors).toEqual([]);
  expect(report.ackedWrites).toBeGreaterThan(0);
  expect(report.readsChecked).toBeGreaterThan(0);
  expect(report.queriesChecked).toBeGreaterThan(0);
  expect(report.verifiedPresent).toBeGreaterThan(0);
  expect(report.verifiedPresent + report.verifiedAbsent).toBe(CLIENTS * 120);
}, (SECONDS + 120) * 1000);

it("the read-back itself catches a lost write, an undone delete and changed content", async () => {
  const target: Target = { url: server.url, token: "loader-token", tenant: "soak", database: "load" };
  const base = `${server.url}/api/v2/tenants/soak/databases/load/collections`;
  const post = (path: string, body: unknown) =>
    fetch(`${base}/${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer loader-token" }, body: JSON.stringify(body) });
  let tampered: string[] = [];
  const report = await runSoak({
    target,
    clients: 2,
    durationMs: 1500,
    beforeVerify: async ({ present, absent, collectionOf }) => {
      const [lost, changed] = present;
      const [revived] = absent;
      tampered = [lost, changed, revived];
      // Behind the soak's back: lose one acknowledged write, alter another, bring back a deleted id.
      expect((await post(`${collectionOf(lost).id}/delete`, { ids: [lost] })).status).toBe(200);
      expect((await post(`${collectionOf(changed).id}/update`, { ids: [changed], documents: ["tampered"] })).status).toBe(200);
      expect((await post(`${collectionOf(revived).id}/upsert`, { ids: [revived], embeddings: [Array(8).fill(0)], metadatas: [{ v: 1 }] })).status).toBe(200);
    },
  });
  expect(tampered.every((id) => typeof id === "string")).toBe(true);
  const [lost, changed, revived] = tampered;
  expect(report.errors.find((e) => e.includes(`${lost} expected v`) && e.includes("found absent"))).toBeDefined();
  expect(report.errors.find((e) => e.includes(changed) && e.includes("document"))).toBeDefined();
  expect(report.errors.find((e) => e.includes(revived))).toBeDefined();
}, 60_000);
