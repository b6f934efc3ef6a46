/**
 * A soak run: N clients for D seconds against one server, optionally with SIGKILLs at random
 * moments (the caller kills and restarts the server), then a full read-back that every
 * acknowledged write is there with exactly its content and every acknowledged delete stays deleted.
 */
import { ABSENT } from "./model.js";
import { prng, versionOf } from "./records.js";
import { SoakClient, type ClientStats, type SoakCollection, type Target } from "./client.js";

export type { SoakCollection, Target } from "./client.js";

export interface SoakOptions {
  target: Target;
  clients: number;
  durationMs: number;
  /** Embedding dimension (default 8), ids per client (120), records per write (8), collections (2). */
  dim?: number;
  idsPerClient?: number;
  maxBatch?: number;
  collections?: number;
  seed?: number;
  /** Kill test: `kills` times, at random moments, kill the server and bring it back (updating target.url). */
  faults?: { kills: number; killAndRestart: () => Promise<void> };
  log?: (line: string) => void;
  /** Test hook: runs just before the final read-back (to prove the read-back catches tampering). */
  beforeVerify?: (state: { collections: SoakCollection[]; present: string[]; absent: string[]; collectionOf: (id: string) => SoakCollection }) => Promise<void>;
}

export interface SoakReport {
  clients: number;
  durationMs: number;
  seed: number;
  ops: Record<string, number>;
  ackedWrites: number;
  ackedRecordWrites: number;
  readsChecked: number;
  queriesChecked: number;
  kills: number;
  connectionErrors: number;
  resolvedAfterKills: number;
  /** Final read-back: records present as expected, ids verified absent (deleted or never written). */
  verifiedPresent: number;
  verifiedAbsent: number;
  errors: string[];
}

async function api(target: Target, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; text: string }> {
  const headers: Record<string, string> = body === undefined ? {} : { "content-type": "application/json" };
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  const res = await fetch(`${target.url}/api/v2/tenants/${encodeURIComponent(target.tenant)}/databases/${encodeURIComponent(target.database)}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(300_000),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

async function createCollections(o: SoakOptions, seed: number): Promise<SoakCollection[]> {
  const out: SoakCollection[] = [];
  for (let i = 0; i < (o.collections ?? 2); i++) {
    const name = `soak-${seed}-${i}`;
    const res = await api(o.target, "POST", "/collections", { name, get_or_create: true, metadata: { purpose: "soak" } });
    if (res.status !== 200) throw new Error(`creating ${name}: ${res.status} ${res.text}`);
    out.push({ name, id: (res.json as { id: string }).id });
  }
  return out;
}

/** Kills at evenly spread moments, each jittered by up to ±40% of the spacing. */
async function killLoop(o: SoakOptions, start: number, rnd: () => number, done: () => boolean): Promise<number> {
  if (!o.faults) return 0;
  const spacing = o.durationMs / (o.faults.kills + 1);
  let kills = 0;
  for (let i = 1; i <= o.faults.kills && !done(); i++) {
    const at = start + spacing * i + (rnd() - 0.5) * 0.8 * spacing;
    await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
    if (done()) break;
    await o.faults.killAndRestart();
    kills++;
    o.log?.(`[soak] kill ${kills}/${o.faults.kills} at ${((Date.now() - start) / 1000).toFixed(1)} s; server back at ${o.target.url}`);
  }
  return kills;
}

/** Reads every record back and compares with every client's model. */
async function verify(o: SoakOptions, clients: SoakClient[], collections: SoakCollection[], dim: number): Promise<{ present: number; absent: number; errors: string[] }> {
  const errors: string[] = [];
  const stored = new Map<string, number>();
  for (const c of collections) {
    const res = await api(o.target, "POST", `/collections/${c.id}/get`, { include: ["embeddings", "documents", "metadatas"] });
    if (res.status !== 200) return { present: 0, absent: 0, errors: [`final get of ${c.name}: ${res.status} ${res.text.slice(0, 300)}`] };
    const got = res.json as { ids: string[]; embeddings: number[][]; documents: string[]; metadatas: Record<string, unknown>[] };
    got.ids.forEach((id, i) => {
      const owner = clients[Number(/^c(\d+)-/.exec(id)?.[1] ?? -1)];
      if (!owner) return errors.push(`final read: record ${id} that no client wrote`);
      if (owner.collectionOf(id) !== c) return errors.push(`final read: ${id} found in ${c.name}, written to ${owner.collectionOf(id).name}`);
      const v = versionOf(id, { embedding: got.embeddings[i], document: got.documents[i], metadata: got.metadatas[i] }, owner.o.index, owner.slotOf(id), dim);
      if ("corrupt" in v) errors.push(`final read: ${v.corrupt}`);
      else stored.set(id, v.version);
    });
  }
  let present = 0;
  let absent = 0;
  for (const client of clients) {
    for (let n = 0; n < client.o.idsPerClient; n++) {
      const id = client.idOf(n);
      const want = client.model.certain(id);
      const have = stored.get(id) ?? ABSENT;
      if (want === undefined) errors.push(`final read: ${id} still uncertain`);
      else if (want !== have) errors.push(`final read: ${id} expected ${want === ABSENT ? "absent (deleted or never written)" : `v${want}`}, found ${have === ABSENT ? "absent" : `v${have}`}`);
      else if (have === ABSENT) absent++;
      else present++;
    }
  }
  return { present, absent, errors };
}

export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const seed = o.seed ?? Math.floor(Math.random() * 1e9);
  const dim = o.dim ?? 8;
  const collections = await createCollections(o, seed);
  const clients = Array.from(
    { length: o.clients },
    (_, index) =>
      new SoakClient({
        index,
        target: o.target,
        collections,
        dim,
        idsPerClient: o.idsPerClient ?? 120,
        maxBatch: o.maxBatch ?? 8,
        seed,
        tolerateConnectionErrors: o.faults !== undefined,
      }),
  );
  o.log?.(`[soak] seed ${seed}: ${o.clients} clients for ${(o.durationMs / 1000).toFixed(0)} s on ${o.target.url}${o.faults ? `, ${o.faults.kills} kills` : ""}`);

  const start = Date.now();
  const until = start + o.durationMs;
  let finished = false;
  const killing = killLoop(o, start, prng(seed ^ 0x5bd1e995), () => finished);
  await Promise.all(clients.map((c) => c.run(until)));
  finished = true;
  let kills = await killing;

  // Settle every write whose answer never came, then (kill test) one last kill -9 right after the
  // final acknowledged writes, so the read-back also covers writes that were never compacted.
  for (const c of clients) await c.resolveUncertain(Date.now() + 60_000);
  if (o.faults) {
    await o.faults.killAndRestart();
    kills++;
    o.log?.(`[soak] final kill; server back at ${o.target.url}`);
  }
  if (o.beforeVerify) {
    const all = clients.flatMap((c) => Array.from({ length: c.o.idsPerClient }, (_, n) => ({ id: c.idOf(n), c })));
    await o.beforeVerify({
      collections,
      present: all.filter(({ id, c }) => (c.model.certain(id) ?? ABSENT) !== ABSENT).map(({ id }) => id),
      absent: all.filter(({ id, c }) => c.model.certain(id) === ABSENT).map(({ id }) => id),
      collectionOf: (id) => clients[Number(/^c(\d+)-/.exec(id)![1])].collectionOf(id),
    });
  }
  // Every replica must read back the same, exact state (one read-back per replica).
  const readers = o.target.urls && o.target.urls.length > 0 ? [...o.target.urls] : [o.target.url];
  const final = { present: 0, absent: 0, errors: [] as string[] };
  for (const url of readers) {
    const one = await verify({ ...o, target: { ...o.target, url, urls: undefined } }, clients, collections, dim);
    final.present = one.present;
    final.absent = one.absent;
    final.errors.push(...one.errors.map((e) => (readers.length > 1 ? `${url}: ${e}` : e)));
  }

  const sum = (f: (s: ClientStats) => number) => clients.reduce((n, c) => n + f(c.stats), 0);
  const ops: Record<string, number> = {};
  for (const c of clients) for (const [k, v] of Object.entries(c.stats.ops)) ops[k] = (ops[k] ?? 0) + v;
  return {
    clients: o.clients,
    durationMs: Date.now() - start,
    seed,
    ops,
    ackedWrites: sum((s) => s.ackedWrites),
    ackedRecordWrites: sum((s) => s.ackedRecordWrites),
    readsChecked: sum((s) => s.readsChecked),
    queriesChecked: sum((s) => s.queriesChecked),
    kills,
    connectionErrors: sum((s) => s.connectionErrors),
    resolvedAfterKills: sum((s) => s.resolved),
    verifiedPresent: final.present,
    verifiedAbsent: final.absent,
    errors: [...clients.flatMap((c) => c.stats.errors), ...final.errors],
  };
}

export function formatReport(r: SoakReport): string {
  const ops = Object.entries(r.ops).sort().map(([k, v]) => `${k} ${v}`).join(", ");
  return [
    `soak: ${r.clients} clients, ${(r.durationMs / 1000).toFixed(1)} s, seed ${r.seed}`,
    `  operations: ${ops}`,
    `  acknowledged writes: ${r.ackedWrites} requests (${r.ackedRecordWrites} record writes); reads checked ${r.readsChecked}, queries checked ${r.queriesChecked}`,
    `  faults: ${r.kills} kill -9, ${r.connectionErrors} requests without an answer, ${r.resolvedAfterKills} uncertain outcomes resolved`,
    `  final read-back: ${r.verifiedPresent} records present with the expected content, ${r.verifiedAbsent} ids verified absent`,
    `  errors: ${r.errors.length}${r.errors.length ? "\n    " + r.errors.slice(0, 20).join("\n    ") : ""}`,
  ].join("\n");
}
