/**
 * Never crash (issue 17): table maintenance (compaction + version cleanup) runs after every write
 * with no spacing and no retention, while soak clients add / upsert / update / delete / get /
 * query, chaos clients create collections, write to them, query them and drop them, and the store
 * is reset between rounds (with maintenance of the last round's writes still running) and under
 * the chaos clients' feet. The process must survive, every answer must be a success or, for a
 * collection a reset or drop removed, a 404, and each round's soak read-back must find every
 * acknowledged write.
 *
 * What it guards against: closing or dropping a LanceDB table while an optimize runs on it
 * (SIGSEGV in cleanup_old_versions with @lancedb/lancedb 0.37; see
 * docs/upstream/lancedb-close-during-optimize.md).
 *
 * Short by default (make test); STRESS_MINUTES=10 for the long form, STRESS_CLIENTS / STRESS_SEED.
 */
import { afterAll, expect, it } from "vitest";
import { formatReport, runSoak, type Target } from "../../scripts/soak/run.js";
import { startServer, type RunningServer } from "../helpers/server.js";

const MINUTES = Number(process.env.STRESS_MINUTES ?? 0);
const DURATION_MS = MINUTES > 0 ? MINUTES * 60_000 : 24_000;
const ROUND_MS = MINUTES > 0 ? 20_000 : 6_000;
const CLIENTS = Number(process.env.STRESS_CLIENTS ?? 6);
const CHAOS = 2;
const BASE = "/api/v2/tenants/default_tenant/databases/default_database";

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.dispose();
});

/** One request; no answer at all (the process died) is status 0. */
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string; json: any }> {
  try {
    const res = await fetch(server!.url + path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : null };
  } catch (err) {
    return { status: 0, text: `no answer: ${String(err)}`, json: null };
  }
}

const dead = () => server!.proc.exitCode !== null || server!.proc.signalCode !== null;

/**
 * Creates a collection, writes to it in several requests (each one a maintenance run), reads it,
 * deletes from it, drops it; again and again. A reset may remove it at any point: then a 404.
 */
async function chaos(worker: number, until: number, errors: string[], counts: Record<string, number>): Promise<void> {
  const dim = 8;
  const vec = (i: number) => Array.from({ length: dim }, (_, d) => Math.sin(i * 7 + d + worker));
  for (let k = 0; Date.now() < until && !dead(); k++) {
    const name = `chaos-${worker}-${k}`;
    const ok = (what: string, r: { status: number; text: string }, ...allowed: number[]) => {
      counts[what] = (counts[what] ?? 0) + 1;
      if (r.status >= 200 && r.status < 300) return true;
      if (r.status !== 404 && !allowed.includes(r.status)) errors.push(`chaos ${what} ${name}: ${r.status} ${r.text.slice(0, 200)}`);
      return false;
    };
    const created = await call("POST", `${BASE}/collections`, { name, get_or_create: true });
    if (!ok("create", created)) continue;
    const at = `${BASE}/collections/${created.json.id}`;
    let alive = true;
    for (let b = 0; b < 4 && alive; b++) {
      const ids = Array.from({ length: 16 }, (_, i) => `${b}-${i}`);
      const body = { ids, embeddings: ids.map((_, i) => vec(b * 16 + i)), documents: ids.map((id) => `doc ${id}`), metadatas: ids.map((_, i) => ({ b, i })) };
      alive = ok(b % 2 ? "upsert" : "add", await call("POST", `${at}/${b % 2 ? "upsert" : "add"}`, body));
      if (alive) alive = ok("query", await call("POST", `${at}/query`, { query_embeddings: [vec(1)], n_results: 5, where: { b: { $gte: 0 } } }));
    }
    if (alive) alive = ok("delete", await call("POST", `${at}/delete`, { where: { i: { $lt: 4 } } }));
    if (alive) alive = ok("get", await call("POST", `${at}/get`, { limit: 10 }));
    // The name may be gone already (a reset), which is a 404 too.
    ok("drop", await call("DELETE", `${BASE}/collections/${name}`));
  }
}

it(`maintenance after every write, drops and resets under ${CLIENTS} soak + ${CHAOS} chaos clients for ${DURATION_MS / 1000} s: the process survives, no acknowledged write is lost`, async () => {
  server = await startServer({
    allowReset: true,
    env: { CHROMASPEC_OPTIMIZE_EVERY: "1", CHROMASPEC_RETAIN_VERSIONS_MS: "1000", CHROMASPEC_OPTIMIZE_IDLE_FACTOR: "0" },
  });
  const until = Date.now() + DURATION_MS;
  const errors: string[] = [];
  const counts: Record<string, number> = {};
  const chaosDone = Promise.all(Array.from({ length: CHAOS }, (_, w) => chaos(w, until, errors, counts)));
  const target: Target = { url: server.url, tenant: "default_tenant", database: "default_database" };
  let rounds = 0;
  let acked = 0;
  const seed = process.env.STRESS_SEED ? Number(process.env.STRESS_SEED) : Math.floor(Math.random() * 1e9);
  while (Date.now() + ROUND_MS / 2 < until) {
    // Reset while the last round's maintenance (and the chaos clients) are busy.
    const reset = await call("POST", "/api/v2/reset");
    if (reset.status !== 200) errors.push(`reset: ${reset.status} ${reset.text.slice(0, 200)}`);
    rounds++;
    try {
      const report = await runSoak({ target, clients: CLIENTS, durationMs: Math.min(ROUND_MS, until - Date.now()), seed: seed + rounds, idsPerClient: 60 });
      acked += report.ackedWrites;
      if (report.errors.length > 0) errors.push(`round ${rounds}:\n${formatReport(report)}`);
    } catch (err) {
      errors.push(`round ${rounds}: ${String(err)}`);
    }
    if (dead()) break;
  }
  await chaosDone;
  const alive = !dead();
  console.log(
    `maintenance stress: ${rounds} rounds (resets), ${acked} acknowledged soak writes, chaos ${JSON.stringify(counts)}, ` +
      `server ${alive ? "alive" : `died (${server.proc.signalCode ?? server.proc.exitCode})`}, seed ${seed}`,
  );
  const panics = server.output.filter((l) => /panic/i.test(l));
  if (panics.length) console.log(panics.slice(0, 5).join("\n"));
  expect(alive ? "alive" : `died (${server.proc.signalCode ?? server.proc.exitCode}): ${server.output.slice(-5).join("\n")}`).toBe("alive");
  expect(errors).toEqual([]);
  expect((await call("GET", "/api/v2/heartbeat")).status).toBe(200);
  expect(rounds).toBeGreaterThanOrEqual(2);
  expect(counts.drop ?? 0).toBeGreaterThan(0);
}, DURATION_MS + 300_000);
