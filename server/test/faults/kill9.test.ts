/**
 * kill -9 under load: while soak clients write and read, the server is SIGKILLed at random moments
 * and restarted on the same data directory (new port). Writes whose answer never came may or may
 * not have happened (each is read back and must be one of the two); every ACKNOWLEDGED write must
 * survive with its exact content and every acknowledged delete must stay deleted, including after
 * a final kill right at the end. KILL_CLIENTS / KILL_SECONDS / KILL_COUNT lengthen it
 * (defaults 8, 12, 3).
 */
import { afterAll, expect, it } from "vitest";
import { formatReport, runSoak, type Target } from "../../scripts/soak/run.js";
import { startServer, type RunningServer } from "../helpers/server.js";
import { rm } from "node:fs/promises";

const CLIENTS = Number(process.env.KILL_CLIENTS ?? 8);
const SECONDS = Number(process.env.KILL_SECONDS ?? 12);
const KILLS = Number(process.env.KILL_COUNT ?? 3);

let server: RunningServer | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it(`${KILLS} kill -9 during ${SECONDS} s of ${CLIENTS} clients: no acknowledged write lost, no acknowledged delete undone`, async () => {
  server = await startServer();
  dataDir = server.dataDir;
  const target: Target = { url: server.url, tenant: "default_tenant", database: "default_database" };
  const report = await runSoak({
    target,
    clients: CLIENTS,
    durationMs: SECONDS * 1000,
    seed: process.env.KILL_SEED ? Number(process.env.KILL_SEED) : undefined,
    faults: {
      kills: KILLS,
      killAndRestart: async () => {
        await server!.kill();
        server = await startServer({ dataDir });
        target.url = server.url;
      },
    },
  });
  console.log(formatReport(report));
  expect(report.errors).toEqual([]);
  expect(report.kills).toBe(KILLS + 1);
  expect(report.ackedWrites).toBeGreaterThan(0);
  expect(report.verifiedPresent).toBeGreaterThan(0);
  expect(report.verifiedPresent + report.verifiedAbsent).toBe(CLIENTS * 120);
}, (SECONDS + 180) * 1000);
