/**
 * One benchmark case (N records of one space) against one server, over the v2 HTTP API:
 * ingest, visibility, time until indexed, unfiltered and filtered k-NN latency / throughput /
 * recall, get-by-id latency, and the server's memory.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { Client, warmClient, waitUntilUp } from "./client.js";
import { rss, type Chromaspec, type Target } from "./servers.js";
import { concurrently, median, sleep, stats, timed } from "./timing.js";
import { recall, type Space } from "./truth.js";

export interface Workload {
  n: number;
  dim: number;
  space: Space;
  /** Add request bodies (batches of 1000, UTF-8 bytes), or a function building batch b on demand. */
  addBody: (batch: number) => Buffer;
  batches: number;
  /** The id and vector of the last record added (visibility check). */
  last: { id: string; vector: number[] };
  /** Query request bodies (k = 10), unfiltered and with the 10% filter. */
  queries: string[];
  filtered: string[];
  /** The true 10 nearest ids of the first `truth.length` queries. */
  truth: string[][];
  truthFiltered: string[][];
  /** Get-by-id request bodies. */
  gets: string[];
  /** Probe queries whose answers settle once the server has indexed everything. */
  probes: string[];
  /** Concurrent clients for the throughput runs and the number of queries they send in total. */
  clients: number;
  concurrentQueries: number;
}

export interface LatencyStats {
  p50: number;
  p99: number;
  mean: number;
  /** Queries per second with one client (sequential). */
  qps1: number;
  /** Queries per second with `clients` concurrent clients. */
  qpsN: number;
}

export interface CaseResult {
  target: string;
  n: number;
  space: Space;
  /** The collection measured (kept on the server when runCase was asked to keep it). */
  collectionId: string;
  collectionName: string;
  /** Records per second over the summed add request times. */
  addPerSec: number;
  /** Wall time of the whole ingest, first request to last answer. */
  addSeconds: number;
  /** A query right after the last add returned that record at distance ~0. */
  visibleAtOnce: boolean;
  /** From the first add until everything is indexed. */
  indexedSeconds: number;
  indexedBy: "indexing_status" | "settled probe queries";
  query: LatencyStats;
  filtered: LatencyStats;
  get: { p50: number; p99: number; mean: number };
  recall: number;
  recallFiltered: number;
  rssBefore: number | null;
  rssAfter: number | null;
}

interface QueryAnswer {
  ids: string[][];
  distances: (number | null)[][] | null;
}

/**
 * One case on one server: ingest, visibility, indexing, queries, gets, memory. The collection is
 * deleted afterwards unless `keep` (the restart case measures it again after a restart).
 */
export async function runCase(target: Target, w: Workload, runId: string, log: (m: string) => void, keep = false): Promise<CaseResult> {
  // The same client state for every server (client.ts warmClient): warmed before its adds.
  await warmClient(w.queries);
  const c = new Client(target.url);
  const name = `bench-${runId}-${w.n}-${w.space}`;
  const rssBefore = await rss(target.pid);
  const coll = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name, configuration: { hnsw: { space: w.space } } });
  let kept = false;
  try {
    // ---- ingest ----
    log(`${target.name}: adding ${w.n} records`);
    let requestMs = 0;
    const t0 = performance.now();
    for (let b = 0; b < w.batches; b++) {
      const body = w.addBody(b);
      const { ms } = await timed(() => c.json("POST", c.collectionPath(coll.id, "add"), body));
      requestMs += ms;
      if ((b + 1) % 20 === 0) log(`${target.name}: ${(b + 1) * 1000} added, ${Math.round(((b + 1) * 1000) / (requestMs / 1000))}/s`);
    }
    const tAdded = performance.now();

    // ---- visible at once ----
    const seen = await c.json<QueryAnswer>("POST", c.collectionPath(coll.id, "query"), {
      query_embeddings: [w.last.vector],
      n_results: 1,
      include: ["distances"],
    });
    const visibleAtOnce = seen.ids[0]?.[0] === w.last.id && Math.abs(seen.distances?.[0]?.[0] ?? 1) < 1e-4;

    // ---- until indexed ----
    let indexedBy: CaseResult["indexedBy"] = "indexing_status";
    let tIndexed: number;
    const status = await c.request("GET", c.collectionPath(coll.id, "indexing_status"));
    if (status.status === 200) {
      await c.untilIndexed(coll.id, 100);
      tIndexed = performance.now();
    } else {
      // No progress endpoint (the reference answers 500): the index has caught up once the
      // probe queries' answers stop changing; it is dated by the first of two equal rounds.
      indexedBy = "settled probe queries";
      let previous = "";
      let previousAt = 0;
      for (;;) {
        const answers: string[] = [];
        for (const p of w.probes) answers.push(JSON.stringify((await c.json<QueryAnswer>("POST", c.collectionPath(coll.id, "query"), p)).ids));
        const now = performance.now();
        const joined = answers.join("|");
        if (joined === previous) {
          tIndexed = previousAt;
          break;
        }
        previous = joined;
        previousAt = now;
        await sleep(250);
      }
    }
    log(`${target.name}: ingest ${((tAdded - t0) / 1000).toFixed(1)} s, indexed after ${((tIndexed - t0) / 1000).toFixed(1)} s`);

    const query = async (body: string) => c.json<QueryAnswer>("POST", c.collectionPath(coll.id, "query"), body);
    const latency = async (bodies: string[], truth: string[][]) => {
      // Warm-up (JIT, caches: both servers get the same), then one client: latencies and the
      // answers recall is measured on.
      for (let i = 0; i < 100; i++) await query(bodies[i % bodies.length]);
      const ms: number[] = [];
      const returned: string[][] = [];
      const t = performance.now();
      for (let i = 0; i < bodies.length; i++) {
        const r = await timed(() => query(bodies[i]));
        ms.push(r.ms);
        if (i < truth.length) returned.push(r.value.ids[0] ?? []);
      }
      const qps1 = bodies.length / ((performance.now() - t) / 1000);
      const wall = await concurrently(w.clients, w.concurrentQueries, async (i) => {
        await query(bodies[i % bodies.length]);
      });
      return { stats: { ...stats(ms), qps1, qpsN: w.concurrentQueries / (wall / 1000) }, recall: recall(returned, truth) };
    };

    log(`${target.name}: queries`);
    const q = await latency(w.queries, w.truth);
    log(`${target.name}: filtered queries`);
    const f = await latency(w.filtered, w.truthFiltered);
    log(`${target.name}: gets`);
    const getMs: number[] = [];
    for (const body of w.gets) getMs.push((await timed(() => c.json("POST", c.collectionPath(coll.id, "get"), body))).ms);
    const rssAfter = await rss(target.pid);
    kept = keep;
    return {
      target: target.name,
      n: w.n,
      space: w.space,
      collectionId: coll.id,
      collectionName: name,
      addPerSec: w.n / (requestMs / 1000),
      addSeconds: (tAdded - t0) / 1000,
      visibleAtOnce,
      indexedSeconds: (tIndexed - t0) / 1000,
      indexedBy,
      query: q.stats,
      filtered: f.stats,
      get: stats(getMs),
      recall: q.recall,
      recallFiltered: f.recall,
      rssBefore,
      rssAfter,
    };
  } finally {
    if (!kept) await c.request("DELETE", `${c.db}/collections/${encodeURIComponent(name)}`).catch(() => undefined);
    c.close();
  }
}

export interface RestartResult {
  target: string;
  n: number;
  space: Space;
  /** SIGTERM to exit: the graceful stop, which saves the graphs. */
  stopSeconds: number;
  /** From spawning the new process until it answers a heartbeat. */
  upSeconds: number;
  /** ... until it answers a query (whatever the latency). */
  firstQuerySeconds: number;
  /**
   * ... until the p50 of the last WINDOW queries is within 1.2x of the steady state's (the case's
   * query p50 before the restart); NaN if that did not happen within the time limit.
   */
  readySeconds: number;
  steadyP50: number;
  /** Query p50 and recall@10 once ready. */
  p50After: number;
  recallAfter: number;
  rssAfter: number | null;
  dim: number;
  /** Server RSS growth per record: after the restart's queries, less the fresh server's before the case. */
  memoryPerRecord: number | null;
  /** The saved graph's size on disk (LanceDB table), per record. */
  graphBytesPerRecord: number | null;
}

/** Total size of the files under a directory (0 if it does not exist). */
export async function du(path: string): Promise<number> {
  let total = 0;
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(path, e.name);
    total += e.isDirectory() ? await du(p) : (await stat(p)).size;
  }
  return total;
}

/** Queries in the sliding window the restart's readiness is judged on. */
const WINDOW = 20;
/** How close to the steady state's p50 counts as ready. */
export const READY_FACTOR = 1.2;
const RESTART_LIMIT_MS = 15 * 60_000;

/**
 * The restart case: the collection of a finished case is still on the server; stop the server
 * gracefully, start it again on the same data, and time how long until queries are as fast as
 * before (sequential queries from the moment it answers; readiness = the median of the last
 * WINDOW within READY_FACTOR of the steady p50), then measure p50 and recall once more.
 */
export async function restartCase(target: Chromaspec, w: Workload, before: CaseResult, log: (m: string) => void): Promise<RestartResult> {
  log(`${target.name}: restarting (graceful stop, start on the same data)`);
  const { stopSeconds, spawnedAt } = await target.restart();
  const since = () => (performance.now() - spawnedAt) / 1000;
  await waitUntilUp(target.url, 120_000);
  const upSeconds = since();
  const c = new Client(target.url);
  try {
    const path = c.collectionPath(before.collectionId, "query");
    const steadyP50 = before.query.p50;
    let firstQuerySeconds = NaN;
    let readySeconds = NaN;
    const window: number[] = [];
    for (let i = 0; since() * 1000 < RESTART_LIMIT_MS; i++) {
      const { ms } = await timed(() => c.json("POST", path, w.queries[i % w.queries.length]));
      if (Number.isNaN(firstQuerySeconds)) firstQuerySeconds = since();
      window.push(ms);
      if (window.length > WINDOW) window.shift();
      if (window.length === WINDOW && median(window) <= READY_FACTOR * steadyP50) {
        readySeconds = since();
        break;
      }
    }
    log(`${target.name}: up after ${upSeconds.toFixed(1)} s, first query ${firstQuerySeconds.toFixed(1)} s, p50 within ${READY_FACTOR}x of steady after ${readySeconds.toFixed(1)} s`);
    const ms: number[] = [];
    const returned: string[][] = [];
    for (let i = 0; i < w.queries.length; i++) {
      const r = await timed(() => c.json<QueryAnswer>("POST", path, w.queries[i]));
      ms.push(r.ms);
      if (i < w.truth.length) returned.push(r.value.ids[0] ?? []);
    }
    const rssAfter = await rss(target.pid);
    // The saved graph: a file on a local data directory (memory/graph-file.ts), a table where an earlier version kept it.
    const graphFile = await stat(join(target.dir, "data", "saved-graphs", `${before.collectionId}.hnsw`)).then((s) => s.size, () => 0);
    const graphBytes = graphFile || (await du(join(target.dir, "data", `${before.collectionId}-hnsw.lance`)));
    return {
      target: target.name,
      n: w.n,
      space: w.space,
      stopSeconds,
      upSeconds,
      firstQuerySeconds,
      readySeconds,
      steadyP50,
      p50After: median(ms),
      recallAfter: recall(returned, w.truth),
      rssAfter,
      dim: w.dim,
      memoryPerRecord: rssAfter === null || before.rssBefore === null ? null : (rssAfter - before.rssBefore) / w.n,
      graphBytesPerRecord: graphBytes > 0 ? graphBytes / w.n : null,
    };
  } finally {
    await c.request("DELETE", `${c.db}/collections/${encodeURIComponent(before.collectionName)}`).catch(() => undefined);
    c.close();
  }
}
