#!/usr/bin/env -S npx tsx
/**
 * Soak and kill -9 tool. N concurrent clients mix add / upsert / update / delete / get / query on
 * their own ids for D seconds, checking reads as they go; afterwards every acknowledged write must
 * be present with exactly its content and every acknowledged delete must stay deleted. Zero errors
 * allowed (exit code 1 otherwise).
 *
 *   npx tsx server/scripts/soak.ts                                   # own server, 16 clients, 60 s
 *   npx tsx server/scripts/soak.ts --url http://127.0.0.1:8000       # a live server
 *   npx tsx server/scripts/soak.ts --kills 5 --duration 60           # own server, SIGKILLed 5 times
 *
 * Options: --url, --token, --tenant, --database, --clients (16), --duration seconds (60), --kills (0),
 * --seed, --dim (8), --ids-per-client (120), --batch (8). --kills needs the script's own server
 * (`npm run build -w server` first): it is killed with SIGKILL and restarted on the same data directory.
 */
import { rm } from "node:fs/promises";
import { parseArgs } from "node:util";
import { startServer, type RunningServer } from "../test/helpers/server.js";
import { formatReport, runSoak, type Target } from "./soak/run.js";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    token: { type: "string" },
    tenant: { type: "string", default: "default_tenant" },
    database: { type: "string", default: "default_database" },
    clients: { type: "string", default: "16" },
    duration: { type: "string", default: "60" },
    kills: { type: "string", default: "0" },
    seed: { type: "string" },
    dim: { type: "string", default: "8" },
    "ids-per-client": { type: "string", default: "120" },
    batch: { type: "string", default: "8" },
  },
});

const kills = Number(values.kills);
if (kills > 0 && values.url) {
  console.error("--kills needs the script's own server (it kills and restarts it): drop --url");
  process.exit(2);
}

let server: RunningServer | undefined;
if (!values.url) server = await startServer();
const target: Target = { url: values.url ?? server!.url, token: values.token, tenant: values.tenant!, database: values.database! };

try {
  const report = await runSoak({
    target,
    clients: Number(values.clients),
    durationMs: Number(values.duration) * 1000,
    seed: values.seed === undefined ? undefined : Number(values.seed),
    dim: Number(values.dim),
    idsPerClient: Number(values["ids-per-client"]),
    maxBatch: Number(values.batch),
    faults:
      kills > 0
        ? {
            kills,
            killAndRestart: async () => {
              await server!.kill();
              server = await startServer({ dataDir: server!.dataDir });
              target.url = server.url;
            },
          }
        : undefined,
    log: (line) => console.log(line),
  });
  console.log(formatReport(report));
  process.exitCode = report.errors.length === 0 ? 0 : 1;
} finally {
  if (server) {
    const dir = server.dataDir;
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
