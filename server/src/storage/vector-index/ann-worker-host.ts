/**
 * The main thread's handle on the ANN worker: starts it on first use, numbers indexes and
 * search requests, and routes the worker's answers. If the worker dies, every index it held is
 * told (they fall back to exact search) and the next index created starts a new worker.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FromWorker, ToWorker } from "./protocol.js";

/** What an index hears from the worker. */
export interface AnnListener {
  applied(op: number): void;
  /** The worker lost this index (it failed or the worker died): stop using it. */
  failed(reason: string): void;
}

interface PendingSearch {
  ix: number;
  resolve: (r: { applied: number; labels: Int32Array }) => void;
  reject: (err: Error) => void;
}

/**
 * The worker's module: the compiled .js next to this file, or, when running from TypeScript
 * sources (the test suite), the .ts through tsx's loader.
 */
function workerEntry(): { url: URL; execArgv: string[] } {
  const js = new URL("./ann-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(js))) return { url: js, execArgv: [] };
  return { url: new URL("./ann-worker.ts", import.meta.url), execArgv: ["--import", "tsx"] };
}

export class AnnWorkerHost {
  private worker: Worker | null = null;
  private nextIx = 1;
  private nextReq = 1;
  private readonly listeners = new Map<number, AnnListener>();
  private readonly searches = new Map<number, PendingSearch>();
  private closed = false;

  /** Registers an index; the caller then sends its `create` message. */
  register(listener: AnnListener): number {
    if (this.closed) throw new Error("ANN worker host is closed");
    const ix = this.nextIx++;
    this.listeners.set(ix, listener);
    return ix;
  }

  send(msg: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.ensure().postMessage(msg, transfer);
  }

  search(msg: Omit<Extract<ToWorker, { t: "search" }>, "req">, transfer: ArrayBuffer[] = []): Promise<{ applied: number; labels: Int32Array }> {
    const req = this.nextReq++;
    return new Promise((resolve, reject) => {
      this.searches.set(req, { ix: msg.ix, resolve, reject });
      try {
        this.ensure().postMessage({ ...msg, req }, transfer);
      } catch (err) {
        this.searches.delete(req);
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  drop(ix: number): void {
    if (!this.listeners.delete(ix)) return;
    if (this.worker) this.worker.postMessage({ t: "drop", ix } satisfies ToWorker);
    if (this.listeners.size === 0) this.stop();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.stop();
  }

  private stop(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
    for (const [req, s] of this.searches) {
      this.searches.delete(req);
      s.reject(new Error("ANN worker stopped"));
    }
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const { url, execArgv } = workerEntry();
    const worker = new Worker(url, { execArgv });
    // Background work must not keep the process alive on its own.
    worker.unref();
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
    this.worker = worker;
    return worker;
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
        s.resolve({ applied: msg.applied, labels: msg.labels });
        return;
      }
      case "error": {
        if (msg.req !== undefined) {
          const s = this.searches.get(msg.req);
          this.searches.delete(msg.req);
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
