/**
 * The ANN worker thread: one hnswlib HNSW graph per collection, built here so that inserting
 * (hundreds of microseconds per vector) never blocks the server's event loop.
 *
 * Ops are queued and applied in order in slices of a few milliseconds; between slices the
 * thread takes messages, so a search waits at most one slice. A search answers with the number
 * of ops applied when it ran. Labels with an op still queued are stale in the graph (an old
 * vector, or a record since deleted): searches skip them, and the main thread scores those
 * records exactly instead.
 */
import { parentPort } from "node:worker_threads";
import hnswlib from "hnswlib-node";
import { OP_DELETE, type FromWorker, type OpsMessage, type SearchMessage, type ToWorker } from "./protocol.js";

const SLICE_MS = 8;
const INITIAL_CAPACITY = 1024;

interface QueuedOps {
  msg: OpsMessage;
  /** Next op of the message to apply, and where its vector starts. */
  at: number;
  vectorAt: number;
}

function grown<T extends Uint8Array | Int32Array>(a: T, min: number): T {
  if (a.length >= min) return a;
  let n = Math.max(64, a.length);
  while (n < min) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

class Graph {
  readonly index: hnswlib.HierarchicalNSW;
  private capacity = INITIAL_CAPACITY;
  /** Labels in the graph and not marked deleted. */
  private present = new Uint8Array(0);
  /** Labels added to the graph at some point (markDelete / re-add need that). */
  private known = new Uint8Array(0);
  /** Queued ops per label. */
  private queued = new Int32Array(0);
  /** Labels that are present and have queued ops: stale, to be skipped by searches. */
  private stale = 0;
  applied = 0;
  private readonly point: number[];

  constructor(
    readonly ix: number,
    readonly dim: number,
    space: "l2" | "ip" | "cosine",
    m: number,
    efConstruction: number,
    seed: number,
  ) {
    this.index = new hnswlib.HierarchicalNSW(space, dim);
    this.index.initIndex(this.capacity, m, efConstruction, seed);
    this.point = new Array<number>(dim).fill(0);
  }

  private isPresent(label: number): boolean {
    return label < this.present.length && this.present[label] === 1;
  }

  enqueue(slots: Int32Array): void {
    let max = -1;
    for (let i = 0; i < slots.length; i++) if (slots[i] > max) max = slots[i];
    this.queued = grown(this.queued, max + 1);
    for (let i = 0; i < slots.length; i++) {
      const label = slots[i];
      if (this.queued[label]++ === 0 && this.isPresent(label)) this.stale++;
    }
  }

  apply(kind: number, label: number, vectors: Float32Array, at: number): void {
    const wasStale = this.isPresent(label);
    if (kind === OP_DELETE) {
      if (this.isPresent(label)) {
        this.index.markDelete(label);
        this.present[label] = 0;
      }
    } else {
      const p = this.point;
      for (let d = 0; d < this.dim; d++) p[d] = vectors[at + d];
      if (this.index.getCurrentCount() >= this.capacity && !(label < this.known.length && this.known[label] === 1)) {
        this.capacity *= 2;
        this.index.resizeIndex(this.capacity);
      }
      // On a label the graph has (deleted or not) this replaces the vector and un-deletes it.
      this.index.addPoint(p, label);
      this.known = grown(this.known, label + 1);
      this.present = grown(this.present, label + 1);
      this.known[label] = 1;
      this.present[label] = 1;
    }
    this.queued[label]--;
    const isStale = this.queued[label] > 0 && this.isPresent(label);
    this.stale += (isStale ? 1 : 0) - (wasStale ? 1 : 0);
  }

  search(msg: SearchMessage): Int32Array {
    const { k, n, queries, allowed } = msg;
    const out = new Int32Array(n * k).fill(-1);
    const count = this.index.getCurrentCount();
    if (count === 0 || k === 0) return out;
    const kk = Math.min(k, this.index.getMaxElements());
    this.index.setEf(Math.max(msg.ef, kk));
    const queued = this.queued;
    const skipStale = this.stale > 0;
    let filter: ((label: number) => boolean) | undefined;
    if (allowed && skipStale) filter = (l) => (allowed[l >> 3] & (1 << (l & 7))) !== 0 && !(l < queued.length && queued[l] > 0);
    else if (allowed) filter = (l) => (allowed[l >> 3] & (1 << (l & 7))) !== 0;
    else if (skipStale) filter = (l) => !(l < queued.length && queued[l] > 0);
    const q = this.point.slice();
    for (let i = 0; i < n; i++) {
      for (let d = 0; d < this.dim; d++) q[d] = queries[i * this.dim + d];
      const found = this.index.searchKnn(q, kk, filter).neighbors;
      for (let j = 0; j < found.length; j++) out[i * k + j] = found[j];
    }
    return out;
  }
}

const graphs = new Map<number, Graph>();
const queue: QueuedOps[] = [];
let draining = false;

function post(msg: FromWorker, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(msg, transfer);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Applies queued ops for one slice, reports progress, and comes back if more are queued. */
function drain(): void {
  const deadline = performance.now() + SLICE_MS;
  const touched = new Set<Graph>();
  while (queue.length > 0 && performance.now() < deadline) {
    const head = queue[0];
    const graph = graphs.get(head.msg.ix);
    if (!graph) {
      queue.shift();
      continue;
    }
    const { kinds, slots, vectors, first } = head.msg;
    // A small batch of ops between clock reads keeps the check cheap.
    const end = Math.min(slots.length, head.at + 16);
    try {
      for (; head.at < end; head.at++) {
        graph.apply(kinds[head.at], slots[head.at], vectors, head.vectorAt);
        if (kinds[head.at] !== OP_DELETE) head.vectorAt += graph.dim;
        graph.applied = first + head.at;
      }
    } catch (err) {
      post({ t: "error", ix: graph.ix, message: errorText(err) });
      graphs.delete(graph.ix);
      queue.shift();
      continue;
    }
    touched.add(graph);
    if (head.at >= slots.length) queue.shift();
  }
  for (const g of touched) if (graphs.get(g.ix) === g) post({ t: "applied", ix: g.ix, op: g.applied });
  if (queue.length > 0) setImmediate(drain);
  else draining = false;
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
        graphs.set(msg.ix, new Graph(msg.ix, msg.dim, msg.space, msg.m, msg.efConstruction, msg.seed));
      } catch (err) {
        post({ t: "error", ix: msg.ix, message: errorText(err) });
      }
      return;
    case "ops": {
      const graph = graphs.get(msg.ix);
      if (!graph) return;
      graph.enqueue(msg.slots);
      queue.push({ msg, at: 0, vectorAt: 0 });
      schedule();
      return;
    }
    case "search": {
      const graph = graphs.get(msg.ix);
      if (!graph) {
        post({ t: "error", ix: msg.ix, req: msg.req, message: "no such index" });
        return;
      }
      try {
        const labels = graph.search(msg);
        post({ t: "result", ix: msg.ix, req: msg.req, applied: graph.applied, labels }, [labels.buffer as ArrayBuffer]);
      } catch (err) {
        post({ t: "error", ix: msg.ix, req: msg.req, message: errorText(err) });
      }
      return;
    }
    case "drop":
      graphs.delete(msg.ix);
      return;
  }
});
