/**
 * The main thread's handle on the ANN worker: starts it on first use, numbers indexes and
 * search requests, and routes the worker's answers. If the worker dies, every index it held is
 * told (they fall back to exact search) and the next index created starts a new worker.
 */
import type { Worker } from "node:worker_threads";
import { startWorkerModule } from "../../util/worker.js";
import type { GraphState } from "./hnsw-graph.js";
import { hnsw } from "./native.js";
import type { FromWorker, SearchMessage, ToWorker, WorkerStart } from "./protocol.js";

/** What an index hears from the worker. */
export interface AnnListener {
  applied(op: number): void;
  /** The worker lost this index (it failed or the worker died): stop using it. */
  failed(reason: string): void;
}

interface Pending {
  ix: number;
  resolve: (r: { applied: number; labels?: Int32Array; handle?: number; state?: GraphState }) => void;
  reject: (err: Error) => void;
}

/** What a VectorIndex needs from wherever its graph is built (tests substitute their own). */
export interface AnnHost {
  register(listener: AnnListener): number;
  send(msg: ToWorker, transfer?: ArrayBuffer[]): void;
  search(msg: Omit<SearchMessage, "req">, transfer?: ArrayBuffer[]): Promise<{ applied: number; labels: Int32Array }>;
  /** Detaches the graph in the worker; resolves with the ops it holds, its handle and labels. */
  exportGraph(ix: number): Promise<{ applied: number; handle: number; state: GraphState }>;
  drop(ix: number): void;
}

export class AnnWorkerHost implements AnnHost {
  private worker: Worker | null = null;
  private nextIx = 1;
  private nextReq = 1;
  private readonly listeners = new Map<number, AnnListener>();
  private readonly searches = new Map<number, Pending>();
  private closed = false;
  /** When the main thread last wrote (see WorkerStart): a plain store, a stale read is harmless. */
  private readonly activity = new Float64Array(new SharedArrayBuffer(8));

  /** Registers an index; the caller then sends its `create` message. */
  register(listener: AnnListener): number {
    if (this.closed) throw new Error("ANN worker host is closed");
    const ix = this.nextIx++;
    this.listeners.set(ix, listener);
    return ix;
  }

  send(msg: ToWorker, transfer: ArrayBuffer[] = []): void {
    if (msg.t === "ops") this.activity[0] = Date.now();
    this.ensure().postMessage(msg, transfer);
  }

  search(msg: Omit<SearchMessage, "req">, transfer: ArrayBuffer[] = []): Promise<{ applied: number; labels: Int32Array }> {
    return this.ask({ ...msg, req: 0 }, transfer) as Promise<{ applied: number; labels: Int32Array }>;
  }

  exportGraph(ix: number): Promise<{ applied: number; handle: number; state: GraphState }> {
    return this.ask({ t: "export", ix, req: 0 }) as Promise<{ applied: number; handle: number; state: GraphState }>;
  }

  private ask(msg: Extract<ToWorker, { req: number }>, transfer: ArrayBuffer[] = []): Promise<{ applied: number; labels?: Int32Array; handle?: number; state?: GraphState }> {
    const req = this.nextReq++;
    return new Promise((resolve, reject) => {
      try {
        const worker = this.ensure();
        this.searches.set(req, { ix: msg.ix, resolve, reject });
        // A question under way keeps the process alive (see ensure).
        if (this.searches.size === 1) worker.ref();
        worker.postMessage({ ...msg, req }, transfer);
      } catch (err) {
        this.searches.delete(req);
        this.idle();
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  /** Forgets a graph; the worker stops when it holds none (it starts again when needed). */
  drop(ix: number): void {
    if (!this.listeners.delete(ix)) return;
    if (this.worker) this.worker.postMessage({ t: "drop", ix } satisfies ToWorker);
    if (this.listeners.size === 0) void this.stop();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    await this.stop();
  }

  /** Asks the worker to exit and waits for it (pending requests fail at once). */
  private stop(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    for (const [req, s] of this.searches) {
      this.searches.delete(req);
      s.reject(new Error("ANN worker stopped"));
    }
    if (!w) return Promise.resolve();
    const exited = new Promise<void>((resolve) => w.once("exit", () => resolve()));
    // Held until the worker has exited: a process with nothing else left to do (a server
    // shutting down, its sockets closed) would otherwise end here, inside storage.close().
    w.ref();
    w.postMessage({ t: "close" } satisfies ToWorker);
    return exited;
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    // The addon is loaded here first: a detached graph lives in the addon's memory, which a
    // worker that loaded it alone would unload on exit (dlclose), graphs and all.
    hnsw();
    const worker = startWorkerModule(import.meta.url, "ann-worker", { activity: this.activity.buffer as SharedArrayBuffer } satisfies WorkerStart);
    worker.on("message", (msg: FromWorker) => this.onMessage(msg));
    const lost = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const [req, s] of this.searches) {
        this.searches.delete(req);
        s.reject(new Error(reason));
      }
      const listeners = [...this.listeners.values()];
      this.listeners.clear();
      for (const l of listeners) l.failed(reason);
    };
    worker.on("error", (err) => lost(`ANN worker failed: ${err.message}`));
    worker.on("exit", (code) => lost(`ANN worker exited with code ${code}`));
    // Indexing in the background keeps nothing alive (a script that forgets storage.close()
    // still ends: what the worker has not indexed yet is in LanceDB and the log). A question
    // (ask) or a stop under way does: its caller awaits an answer only this worker gives. After
    // the listeners: on Node 20 attaching a 'message' listener refs the worker's port again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** No question is waiting for the worker: it keeps the process alive no longer. */
  private idle(): void {
    if (this.searches.size === 0) this.worker?.unref();
  }

  private onMessage(msg: FromWorker): void {
    switch (msg.t) {
      case "applied":
        this.listeners.get(msg.ix)?.applied(msg.op);
        return;
      case "result": {
        const s = this.searches.get(msg.req);
        if (!s) return;
        this.searches.delete(msg.req);
        this.idle();
        s.resolve({ applied: msg.applied, labels: msg.labels });
        return;
      }
      case "exported": {
        const s = this.searches.get(msg.req);
        // Nobody waits for this graph any more: free it.
        if (!s) {
          hnsw().HnswIndex.release(msg.handle);
          return;
        }
        this.searches.delete(msg.req);
        this.idle();
        s.resolve({ applied: msg.applied, handle: msg.handle, state: msg.state });
        return;
      }
      case "error": {
        if (msg.req !== undefined) {
          const s = this.searches.get(msg.req);
          this.searches.delete(msg.req);
          this.idle();
          s?.reject(new Error(msg.message));
          return;
        }
        const l = this.listeners.get(msg.ix);
        this.listeners.delete(msg.ix);
        l?.failed(msg.message);
        return;
      }
    }
  }
}
