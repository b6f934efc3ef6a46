/**
 * The query route, run before the first real query (issue 18).
 *
 * V8 compiles a function to optimized code only after it has run a while. A bulk load runs the
 * add route only, so the first queries after "all indexed" (or after a restart) run the query
 * route's ~200 functions (node's HTTP server, fastify, the validators, the core, the search and
 * its merge, the result shaping, the reply) as baseline code while TurboFan compiles them on
 * threads that take the second core: at 100k x 384, p50 0.91-0.96 ms in the first 0.5 s after
 * indexed, 0.61-0.64 ms at 1-2 s, 0.42 steady; 3000 queries sent to another collection before the
 * load took that to 0.56-0.57 / 0.43-0.45 ms (`bench/postindex.ts --prewarm`, docs/performance.md).
 *
 * So the server sends itself such queries, once, when nobody is waiting for it, through its own
 * HTTP port and app: the same fastify instance (whose request and reply objects have their own
 * hidden classes: a second app instance warmed fastify's code for its objects, not the real
 * app's, and measured about half the gain), hooks, router, validators and reply. Only the core
 * behind them is a scratch one: its own storage in a temporary directory, holding three small
 * collections (l2, cosine, ip; above the graph threshold, so searches take the graph), queried
 * with the include sets and filters the clients send. The real app tells these requests by their
 * connection (http/internal.ts) and leaves them out of its request log, metrics and foreground
 * count, so the catalog, data, logs and numbers an operator sees never show them, and deferred
 * graph saves and maintenance still see a quiet server.
 *
 * It runs only while the real server is quiet by that same measure (no request in flight, none
 * ended within quietMs): a real request pauses it, between two of its ~1 ms requests, until the
 * server is quiet again. A bulk load keeps it paused; the wait for indexing after it (status polls
 * only) is where it usually runs. Then the scratch core is closed and its directory removed.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "pino";
import { internalHandlers } from "../app.js";
import type { InternalRequests } from "../http/internal.js";
import { Chroma } from "../core/chroma.js";
import { DEFAULT_MAX_BATCH_SIZE } from "../config.js";
import { openStorage } from "../storage/open.js";
import { trimSoon } from "../storage/memory/process-memory.js";
import type { MemoryOptions } from "../storage/memory/resident.js";
import { ForegroundActivity, foreground as processForeground } from "../util/foreground.js";
import { errorText } from "../storage/error-text.js";
import { deadLocalProcess, processTag } from "../util/local-process.js";
import { mulberry32 } from "../util/random.js";
import { API_VERSION } from "../version.js";
import { LoopbackClient, type Answer } from "./loopback-client.js";

/** Queries the warm-up sends (over all its shapes); 3000 to another collection were enough at 100k (above). */
export const WARM_UP_QUERIES = 2400;

/** Records per scratch collection: above the memory store's graph threshold (2048), so searches take the graph. */
const RECORDS = 2400;
const DIMENSION = 64;
const SPACES = ["l2", "cosine", "ip"] as const;
/**
 * The scratch store's prefiltered searches over at most this many candidates are exact scans:
 * its 10 % filter (240 candidates) is one, its 50 % filter (1200) searches the graph, as the real
 * store's (16,384) splits 100k records' 10 % and 50 % filters.
 */
const SCRATCH_EXACT_LIMIT = 500;

export interface WarmUpOptions {
  /** The real app's internal requests (buildApp's `internal`): the warm-up's connection is admitted there. */
  internal: InternalRequests;
  /** The real server's port, and a host it listens on (a wildcard address is reached over 127.0.0.1). */
  port: number;
  host?: string;
  /** Queries to send (WARM_UP_QUERIES by default). */
  queries?: number;
  /** The real server's requests: the warm-up runs only while these are quiet; the process's by default. */
  foreground?: ForegroundActivity;
  /** The real store's memory settings (quantized search...), so the scratch store searches the same way. */
  memory?: MemoryOptions;
  /** Where the outcome is logged (one line); none when absent. */
  log?: Pick<Logger, "debug" | "info">;
  /** Where the scratch directory is made (os.tmpdir() by default). */
  tmpRoot?: string;
  /** Observer: called just before each request to the scratch instance (tests check when they are sent). */
  onRequest?: (method: string, path: string) => void;
}

export interface WarmUpOutcome {
  /** Queries the scratch instance answered (2xx). */
  queries: number;
  /** From the first step to the last (ms), pauses included. */
  ms: number;
  /** Of which paused for the real server's requests (ms). */
  pausedMs: number;
  /** Why it ended early (stopped, or what failed); null when it sent every query. */
  incomplete: string | null;
}

/** A running warm-up: `done` settles (never rejects) when it has ended; `stop()` ends it early and waits for its cleanup. */
export interface QueryWarmUp {
  readonly done: Promise<WarmUpOutcome>;
  stop(): Promise<WarmUpOutcome>;
}

class Stopped extends Error {}

/** Starts the warm-up in the background (its first step waits for quiet). */
export function startQueryWarmUp(options: WarmUpOptions): QueryWarmUp {
  const activity = options.foreground ?? processForeground;
  const total = options.queries ?? WARM_UP_QUERIES;
  const dueSince = activity.now();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  let pausedMs = 0;
  let started = 0;

  /** Resolves once the real server is quiet (looked at after an I/O poll, so requests read meanwhile are counted); rejects with Stopped. */
  const quiet = () =>
    new Promise<void>((resolve, reject) => {
      // When this wait began, once the warm-up is under way (pausedMs is the time actually waited, not the deferrals asked for).
      let pausedAt: number | null = null;
      const look = () => {
        timer = null;
        wake = null;
        if (stopped) return reject(new Stopped());
        const wait = activity.deferral(dueSince, Number.POSITIVE_INFINITY);
        if (wait === 0) {
          if (pausedAt !== null) pausedMs += performance.now() - pausedAt;
          return resolve();
        }
        if (started > 0) pausedAt ??= performance.now();
        timer = setTimeout(look, wait);
        timer.unref();
        wake = look;
      };
      setImmediate(look);
    });

  const run = async (): Promise<WarmUpOutcome> => {
    let scratch: Scratch | null = null;
    let answered = 0;
    let incomplete: string | null = null;
    try {
      await quiet();
      started = performance.now();
      scratch = await Scratch.open(options, quiet);
      const bodies = scratch.queryRequests();
      for (let i = 0; i < total; i++) {
        await quiet();
        const request = bodies[i % bodies.length];
        options.onRequest?.("POST", request.path);
        expectOk(await scratch.client.request("POST", request.path, request.body), request.path);
        answered++;
      }
    } catch (err) {
      incomplete = err instanceof Stopped ? "stopped" : errorText(err);
    } finally {
      if (scratch) {
        await scratch.close();
        // Memory-heavy work just ended (as after writes: storage/memory/process-memory.ts).
        trimSoon(true);
      }
    }
    const outcome: WarmUpOutcome = { queries: answered, ms: started ? Math.round(performance.now() - started) : 0, pausedMs: Math.round(pausedMs), incomplete };
    if (incomplete === null || incomplete === "stopped") options.log?.debug({ ...outcome }, "query route warm-up ended");
    else options.log?.info({ ...outcome }, "query route warm-up gave up (the first real queries run colder)");
    return outcome;
  };

  const done = run();
  return {
    done,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      return done;
    },
  };
}

function expectOk(answer: Answer, path: string): void {
  if (answer.status < 200 || answer.status > 299) throw new Error(`the scratch instance answered ${answer.status} to ${path}: ${answer.body.toString("utf8").slice(0, 200)}`);
}

/** A deterministic stream of floats in [-1, 1) (mulberry32): the same scratch data every start. */
function floats(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() * 2 - 1;
}

/** The scratch instance: storage in a temporary directory, a core, an app on a loopback port, a client, three indexed collections. */
class Scratch {
  private constructor(
    private readonly closeAll: () => Promise<void>,
    readonly client: LoopbackClient,
    private readonly collections: string[],
  ) {}

  static async open(options: WarmUpOptions, quiet: () => Promise<void>): Promise<Scratch> {
    const root = options.tmpRoot ?? tmpdir();
    await removeStaleDirs(root);
    // Named after this process (host:pid:), so a later start can tell a dir whose process is gone (kill -9).
    const dir = await mkdtemp(join(root, `${DIR_PREFIX}${processTag("")}`));
    const closers: (() => Promise<void>)[] = [];
    const closeAll = async () => {
      for (const close of closers.reverse()) await close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    };
    try {
      const storage = await openStorage(dir, {
        saveGraphs: false,
        optimizeEvery: Number.MAX_SAFE_INTEGER, // a few small tables for a few seconds: no maintenance
        foreground: new ForegroundActivity(),
        memory: { ...options.memory, exactLimit: SCRATCH_EXACT_LIMIT, onWarning: () => undefined },
        closeSaveWaitMs: 1000,
      });
      closers.push(() => storage.close());
      const chroma = new Chroma(storage, { allowReset: false, maxBatchSize: DEFAULT_MAX_BATCH_SIZE, version: API_VERSION });
      await chroma.init();
      closers.push(() => chroma.drain());
      const host = !options.host || options.host === "0.0.0.0" || options.host === "localhost" ? "127.0.0.1" : options.host === "::" ? "::1" : options.host;
      const client = await LoopbackClient.connect(options.port, host);
      const { address, port } = client.local;
      options.internal.admit(address, port, internalHandlers(chroma));
      closers.push(async () => {
        client.close();
        options.internal.dismiss(port);
      });
      const request = (method: string, path: string, body?: Buffer) => {
        options.onRequest?.(method, path);
        return client.request(method, path, body);
      };

      const collections: string[] = [];
      const next = floats(1);
      for (const space of SPACES) {
        await quiet();
        const created = await request("POST", `${V2_COLLECTIONS}`, json({ name: `warm-up-${space}`, configuration: { hnsw: { space } } }));
        expectOk(created, V2_COLLECTIONS);
        const id = (JSON.parse(created.body.toString("utf8")) as { id: string }).id;
        for (let start = 0; start < RECORDS; start += 800) {
          await quiet();
          const ids: string[] = [];
          const embeddings: number[][] = [];
          const documents: string[] = [];
          const metadatas: Record<string, number | boolean | string>[] = [];
          for (let i = start; i < Math.min(RECORDS, start + 800); i++) {
            ids.push(`r${i}`);
            embeddings.push(Array.from({ length: DIMENSION }, next));
            documents.push(`warm-up record ${i}`);
            metadatas.push({ bucket: i % 10, even: i % 2 === 0, source: "warm-up" });
          }
          expectOk(await request("POST", `${V2_COLLECTIONS}/${id}/add`, json({ ids, embeddings, documents, metadatas })), "add");
        }
        collections.push(id);
      }
      // Searches take the graph once it holds every record (until then they scan what it lacks).
      for (const id of collections) {
        for (;;) {
          await quiet();
          const status = await request("GET", `${V2_COLLECTIONS}/${id}/indexing_status`);
          expectOk(status, "indexing_status");
          if ((JSON.parse(status.body.toString("utf8")) as { num_unindexed_ops: number }).num_unindexed_ops === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20).unref());
        }
      }
      return new Scratch(closeAll, client, collections);
    } catch (err) {
      await closeAll();
      throw err;
    }
  }

  /**
   * The queries, one per (shape, collection), cycled through: k = 10, one query embedding sent as
   * JSON numbers (what every official client sends for queries), the v2 include sets the clients
   * send (distances only; documents, metadatas and distances), a 10 % and a 50 % metadata filter,
   * and the v1 route (chromadb@1.x).
   */
  queryRequests(): { path: string; body: Buffer }[] {
    const next = floats(2);
    const shapes: { v1?: true; include: string[]; where?: object }[] = [
      { include: ["distances"] },
      { include: ["metadatas", "documents", "distances"] },
      { include: ["distances"] },
      { include: ["distances"], where: { bucket: 3 } },
      { include: ["metadatas", "documents", "distances"], where: { even: true } },
      { v1: true, include: ["metadatas", "documents", "distances"] },
    ];
    const out: { path: string; body: Buffer }[] = [];
    for (let round = 0; round < 4; round++) {
      for (const shape of shapes) {
        for (const id of this.collections) {
          const query = Array.from({ length: DIMENSION }, next);
          const body = { query_embeddings: [query], n_results: 10, include: shape.include, ...(shape.where ? { where: shape.where } : {}) };
          out.push({ path: shape.v1 ? `/api/v1/collections/${id}/query` : `${V2_COLLECTIONS}/${id}/query`, body: json(body) });
        }
      }
    }
    return out;
  }

  close(): Promise<void> {
    return this.closeAll();
  }
}

const DIR_PREFIX = "chromaspec-warm-up-";

/** Removes scratch directories of this host's processes that have exited (killed before their cleanup). */
async function removeStaleDirs(root: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(DIR_PREFIX) && deadLocalProcess(name.slice(DIR_PREFIX.length))) await rm(join(root, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

const V2_COLLECTIONS = "/api/v2/tenants/default_tenant/databases/default_database/collections";

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), "utf8");
}
