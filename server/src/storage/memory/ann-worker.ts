/**
 * The ANN worker thread: builds collections' HNSW graphs off the main thread, so indexing a
 * bulk of records (hundreds of microseconds per vector) never blocks the server's event loop.
 *
 * Ops are queued and applied in order in slices of a few milliseconds; between slices the
 * thread takes messages, so a search waits at most one slice. Once a graph has caught up, the
 * main thread asks for it (`export`): the worker detaches it and the main thread adopts it (the
 * same memory, no copy), and from then on searches it without a cross-thread round trip.
 *
 * Inserts run on several threads (the addon's own) when the main thread is not writing.
 */
import { availableParallelism } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { Graph } from "./hnsw-graph.js";
import { trimMemoryNow } from "./native.js";
import type { FromWorker, OpsMessage, ToWorker, WorkerStart } from "./protocol.js";

const SLICE_MS = 8;
/** Ops handed to the graph per thread between two clock reads (a few ms of inserts). */
const STEP_PER_THREAD = 16;
/** The main thread counts as busy this long after its latest write. */
const BUSY_MS = 200;
/** While it is busy, rest this many times as long as each slice took. */
const BUSY_REST = 3;
const CORES = availableParallelism();
/**
 * Once this many ops were applied since the last trim and the queue is empty (a bulk indexed),
 * the allocator is trimmed before the last of them is reported.
 */
const TRIM_AFTER_OPS = 10_000;
const activity = new Float64Array((workerData as WorkerStart).activity);

function writesComingIn(): boolean {
  return Date.now() - activity[0] <= BUSY_MS;
}

/** Insert threads: every core once writes have stopped, all but one while they come in. */
function threads(): number {
  return writesComingIn() ? Math.max(1, CORES - 1) : CORES;
}

interface Home {
  ix: number;
  graph: Graph;
  chunks: Float32Array[];
  /** The chunks' norms (slots.ts normChunks): these views, as the chunks', keep the memory the graph reads alive on this thread. */
  norms: Float32Array[];
  applied: number;
}

interface QueuedOps {
  msg: OpsMessage;
  /** Next op of the message to apply. */
  at: number;
}

const homes = new Map<number, Home>();
const queue: QueuedOps[] = [];
let draining = false;
let closing = false;
let opsSinceTrim = 0;

/** The memory trim under way (an asynchronous native call), or null. */
let trimming: Promise<void> | null = null;

function exitIfIdle(): void {
  // Not while the trim runs: the addon settles its promise on this thread when it completes, and
  // settling it into a thread already torn down aborts the whole process ("FATAL ERROR:
  // Error::ThrowAsJavaScriptException napi_throw": a server stopped during a bulk load).
  if (closing && !draining && trimming === null) process.exit(0);
}

function post(msg: FromWorker, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(msg, transfer);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function fail(home: Home, err: unknown): void {
  post({ t: "error", ix: home.ix, message: errorText(err) });
  homes.delete(home.ix);
}

/** Applies queued ops for one slice, reports progress, and comes back if more are queued. */
function drain(): void {
  const started = performance.now();
  const deadline = started + SLICE_MS;
  const touched = new Set<Home>();
  while (queue.length > 0 && performance.now() < deadline) {
    const head = queue[0];
    const home = homes.get(head.msg.ix);
    if (!home) {
      queue.shift();
      continue;
    }
    const { kinds, slots, first } = head.msg;
    const n = threads();
    const end = Math.min(slots.length, head.at + STEP_PER_THREAD * n);
    try {
      home.graph.applyRun(kinds, slots, head.at, end, n);
      opsSinceTrim += end - head.at;
      head.at = end;
      home.applied = first + end - 1;
    } catch (err) {
      fail(home, err);
      queue.shift();
      continue;
    }
    touched.add(home);
    if (head.at >= slots.length) queue.shift();
  }
  const report = () => {
    for (const h of touched) if (homes.get(h.ix) === h) post({ t: "applied", ix: h.ix, op: h.applied });
  };
  if (queue.length === 0 && opsSinceTrim >= TRIM_AFTER_OPS) {
    // A bulk is indexed: what its inserts freed (the graph's grown buffers, search scratch) is
    // handed back now, before the graph is reported caught up and queries come to it. Trimmed
    // later (it was, a second after the graph moved to the main thread), malloc_trim held the
    // main thread's arena while the first queries allocated: ~200 ms stalls in that second.
    opsSinceTrim = 0;
    trimming = trimMemoryNow().then(() => {
      trimming = null;
      report();
      exitIfIdle();
    });
  } else {
    report();
  }
  // While writes come in, index at a quarter duty (rest three times as long as the slice took):
  // acknowledging writes comes first (they are searchable exactly meanwhile), and on a small
  // machine this thread would otherwise take the core the writes need.
  if (queue.length > 0) {
    if (writesComingIn()) setTimeout(drain, BUSY_REST * (performance.now() - started));
    else setImmediate(drain);
  }
  else {
    draining = false;
    exitIfIdle();
  }
}

function schedule(): void {
  if (draining) return;
  draining = true;
  setImmediate(drain);
}

parentPort!.on("message", (msg: ToWorker) => {
  switch (msg.t) {
    case "create":
      try {
        // The views keep the shared memory alive on this thread while the graph reads it.
        const chunks = msg.chunks.map((buffer) => new Float32Array(buffer));
        const norms = msg.norms.map((buffer) => new Float32Array(buffer));
        const { space, dim, m, efConstruction, seed, chunkBits, quantized, saved } = msg;
        let graph: Graph;
        if (saved) {
          graph = Graph.restore(space, dim, m, efConstruction, seed, chunkBits, quantized ?? false, chunks, saved.graph, saved.present, norms);
        } else {
          graph = Graph.create(space, dim, m, efConstruction, seed, chunkBits, quantized);
          chunks.forEach((rows, i) => graph.setChunk(i, rows, norms[i]));
        }
        homes.set(msg.ix, { ix: msg.ix, graph, chunks, norms, applied: 0 });
        // A loaded graph is ready as it stands: the main thread may take it even if no op follows.
        if (saved) post({ t: "applied", ix: msg.ix, op: 0 });
      } catch (err) {
        post({ t: "error", ix: msg.ix, message: errorText(err) });
      }
      return;
    case "chunk": {
      const home = homes.get(msg.ix);
      if (home) {
        home.chunks[msg.index] = new Float32Array(msg.buffer);
        home.norms[msg.index] = new Float32Array(msg.norms);
        home.graph.setChunk(msg.index, home.chunks[msg.index], home.norms[msg.index]);
      }
      return;
    }
    case "ops": {
      const home = homes.get(msg.ix);
      if (!home) return;
      home.graph.enqueue(msg.slots);
      queue.push({ msg, at: 0 });
      schedule();
      return;
    }
    case "search": {
      const home = homes.get(msg.ix);
      if (!home) {
        post({ t: "error", ix: msg.ix, req: msg.req, message: "no such graph" });
        return;
      }
      try {
        const labels = home.graph.search(msg.queries, msg.n, msg.k, msg.ef, msg.allowed);
        post({ t: "result", ix: msg.ix, req: msg.req, applied: home.applied, labels }, [labels.buffer as ArrayBuffer]);
      } catch (err) {
        post({ t: "error", ix: msg.ix, req: msg.req, message: errorText(err) });
      }
      return;
    }
    case "export": {
      const home = homes.get(msg.ix);
      if (!home) {
        post({ t: "error", ix: msg.ix, req: msg.req, message: "no such graph" });
        return;
      }
      // The main thread sends no ops for this graph while it waits, so `applied` is all of them.
      try {
        const { handle, state } = home.graph.detach();
        homes.delete(msg.ix);
        post({ t: "exported", ix: msg.ix, req: msg.req, applied: home.applied, handle, state });
      } catch (err) {
        post({ t: "error", ix: msg.ix, req: msg.req, message: errorText(err) });
      }
      return;
    }
    case "close":
      closing = true;
      queue.length = 0;
      homes.clear();
      exitIfIdle();
      return;
    case "drop":
      homes.delete(msg.ix);
      return;
  }
});
