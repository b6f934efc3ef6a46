/**
 * Saved HNSW graphs, kept in LanceDB beside the collection's record table: one table per
 * collection (`<collection id>-hnsw`), whose rows are the snapshot's bytes in order (`part`,
 * `data`: at most PART_BYTES each).
 *
 * Why LanceDB and not a file next to the table: the data directory may be an object-store URI
 * (s3://, gs://, az://...), which only LanceDB's connection (with its storage options and
 * credentials) knows how to reach; keeping the bytes in a table works for every URI the records
 * work for, with nothing else to configure. The cost is LanceDB's per-byte overhead, measured
 * at 15-20 ns/byte on this 2-core VM (a 1M-record graph, ~150 MB, reads in ~3 s of CPU), about
 * a tenth of what a restart reads from LanceDB for the records themselves.
 *
 * A save replaces the whole table in one commit (`add` in overwrite mode): a reader sees the
 * old snapshot or the new one, never a mix; a crash mid-save leaves the old one. Older versions
 * are removed after each save (beyond `retainMs`, so a read that started on one keeps its files).
 *
 * The server's saves are written on a thread of their own (graph-store-worker.ts, its own
 * connection to the same URI): LanceDB's `add` copies its input twice in JavaScript (Arrow IPC
 * encoding, then into a Buffer) on the calling thread, which for a 100k-record graph held the
 * event loop ~120 ms per save, between queries. The snapshot's parts reach that thread over
 * SharedArrayBuffers, without a copy. Reads (at a collection's open) and drops stay here.
 */
import type { Worker } from "node:worker_threads";
import type { Connection, Table } from "@lancedb/lancedb";
import { arrow, type ArrowModule } from "./arrow.js";
import { isNotFound } from "./errors.js";
import { startWorkerModule } from "../../util/worker.js";
import { settlesWithin } from "../../util/settles-within.js";

/** Bytes per row: big enough for few rows, small enough for LanceDB's page buffers. */
export const PART_BYTES = 8 * 1024 * 1024;

const SCHEMA = new arrow.Schema([new arrow.Field("part", new arrow.Int32(), false), new arrow.Field("data", new arrow.LargeBinary(), false)]);

const GRAPH_SUFFIX = "-hnsw";

/** The name of a collection's graph table. */
export function graphTableName(collectionId: string): string {
  return `${collectionId}${GRAPH_SUFFIX}`;
}

/** The collection whose graph table `tableName` is, or null when it is not a graph table. */
export function collectionOfGraphTable(tableName: string): string | null {
  return tableName.endsWith(GRAPH_SUFFIX) ? tableName.slice(0, -GRAPH_SUFFIX.length) : null;
}

/**
 * Drops a collection's saved graph, if it has one. The caller makes sure no save of it is under
 * way: dropping a table while a save overwrites and cleans it up fails ("Directory not empty")
 * and lets the save write the table again.
 */
export async function dropSavedGraph(db: Connection, collectionId: string): Promise<void> {
  try {
    await db.dropTable(graphTableName(collectionId));
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/** `bytes` as rows of at most `partBytes`, numbered from `first`, in one batch (no copy). */
function batchOf(bytes: Uint8Array, first: number, partBytes: number): ArrowModule.RecordBatch {
  const rows = Math.max(1, Math.ceil(bytes.length / partBytes));
  const offsets = new BigInt64Array(rows + 1);
  for (let i = 0; i <= rows; i++) offsets[i] = BigInt(Math.min(bytes.length, i * partBytes));
  const data = arrow.makeData({ type: new arrow.LargeBinary(), length: rows, nullCount: 0, valueOffsets: offsets, data: bytes });
  const part = arrow.makeData({ type: new arrow.Int32(), length: rows, nullCount: 0, data: Int32Array.from({ length: rows }, (_, i) => first + i) });
  return new arrow.RecordBatch(SCHEMA, arrow.makeData({ type: new arrow.Struct(SCHEMA.fields), length: rows, nullCount: 0, children: [part, data] }));
}

/**
 * Replaces the graph table `name` by `parts`, concatenated, in one commit (the table is created
 * if it does not exist), then removes versions older than `retainMs`.
 */
export async function writeGraphTable(db: Connection, name: string, parts: Uint8Array[], retainMs: number, partBytes: number): Promise<void> {
  let next = 0;
  const batches: ArrowModule.RecordBatch[] = [];
  for (const p of parts) {
    if (p.length === 0) continue;
    const batch = batchOf(p, next, partBytes);
    next += batch.numRows;
    batches.push(batch);
  }
  if (batches.length === 0) batches.push(batchOf(new Uint8Array(0), 0, partBytes));
  const data = new arrow.Table(batches);
  let table: Table;
  try {
    table = await db.openTable(name);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    table = await db.createTable(name, data, { mode: "create", existOk: false });
    table.close();
    return;
  }
  try {
    await table.add(data, { mode: "overwrite" });
    await table.optimize({ cleanupOlderThan: new Date(Date.now() - retainMs) });
  } finally {
    table.close();
  }
}

/** Where the save thread connects (the storage's own URI and options). */
export interface GraphWorkerStart {
  uri: string;
  storageOptions?: Record<string, string>;
  /** Bounds of the thread's own LanceDB caches (database.ts lanceSession), bytes. */
  indexCacheBytes?: number;
  metadataCacheBytes?: number;
}

export type ToGraphWorker = { t: "save"; req: number; name: string; parts: Uint8Array[]; retainMs: number; partBytes: number } | { t: "close" };
export type FromGraphWorker = { t: "saved"; req: number } | { t: "failed"; req: number; message: string };

/**
 * Saves written on a thread of their own (graph-store-worker.ts), started at the first save; if
 * it dies, the saves under way fail (the index retries later) and the next save starts another.
 */
class SaveThread {
  private worker: Worker | null = null;
  private nextReq = 1;
  private readonly pending = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();

  constructor(private readonly start: GraphWorkerStart) {}

  save(name: string, parts: Uint8Array[], retainMs: number, partBytes: number): Promise<void> {
    const worker = this.ensure();
    const req = this.nextReq++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(req, { resolve, reject });
      // A save under way keeps the process alive (see ensure).
      if (this.pending.size === 1) worker.ref();
      // Parts over a SharedArrayBuffer cross without a copy; others are copied (structured clone).
      worker.postMessage({ t: "save", req, name, parts, retainMs, partBytes } satisfies ToGraphWorker);
    });
  }

  /**
   * Lets the thread finish the saves it was given, then stop; resolves once it has exited, or
   * after `waitMs` (then the saves still under way are given up: the thread is terminated).
   */
  async close(waitMs = Infinity): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    const exited = new Promise<void>((resolve) => w.once("exit", () => resolve()));
    // Held until the thread has exited: a process with nothing else left to do (a server
    // shutting down, its sockets closed) would otherwise end here, mid-close.
    w.ref();
    w.postMessage({ t: "close" } satisfies ToGraphWorker);
    if (waitMs === Infinity || (await settlesWithin(exited, waitMs))) return exited;
    // A save that hangs (the object store stopped answering) hangs the thread's close. Its
    // callers gave it up already (CollectionStore.close warned, naming the collection); it is
    // no acknowledged write (the records are in LanceDB), and a table version is written whole
    // or not at all. The thread no longer keeps the process alive; its saves are rejected.
    w.unref();
    void w.terminate();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorkerModule(import.meta.url, "graph-store-worker", this.start);
    worker.on("message", (msg: FromGraphWorker) => {
      const p = this.pending.get(msg.req);
      if (!p) return;
      this.pending.delete(msg.req);
      this.idle(worker);
      if (msg.t === "saved") p.resolve();
      else p.reject(new Error(msg.message));
    });
    const lost = (reason: string) => {
      if (this.worker === worker) this.worker = null;
      for (const [req, p] of this.pending) {
        this.pending.delete(req);
        p.reject(new Error(reason));
      }
    };
    worker.on("error", (err) => lost(`the graph save thread failed: ${err.message}`));
    worker.on("exit", (code) => lost(`the graph save thread exited (code ${code})`));
    // An idle thread keeps nothing alive; a save (save) or a close (close) under way does: its
    // caller awaits an answer that only this thread gives, and an unref'd thread lets the process
    // end first. After the listeners: attaching a 'message' listener refs the worker's port again.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private idle(worker: Worker): void {
    if (this.pending.size === 0 && this.worker === worker) worker.unref();
  }
}

export class GraphStore {
  private readonly thread: SaveThread | null;

  constructor(
    private readonly db: Connection,
    /** Old versions stay readable this long (as for record tables). */
    private readonly retainMs = 60_000,
    private readonly partBytes = PART_BYTES,
    /** Where a thread of its own connects to write saves; none: saves are written on this thread. */
    saveThread?: GraphWorkerStart,
  ) {
    this.thread = saveThread ? new SaveThread(saveThread) : null;
  }

  /** Replaces the collection's saved graph by `parts`, concatenated. */
  save(collectionId: string, parts: Uint8Array[]): Promise<void> {
    const name = graphTableName(collectionId);
    if (this.thread) return this.thread.save(name, parts, this.retainMs, this.partBytes);
    return writeGraphTable(this.db, name, parts, this.retainMs, this.partBytes);
  }

  /**
   * Stops the save thread, if one runs, after the saves under way (the caller waited for them);
   * `waitMs`: at most this long (ms), then the saves still under way are given up.
   */
  close(waitMs?: number): Promise<void> {
    return this.thread?.close(waitMs) ?? Promise.resolve();
  }

  /**
   * The saved graph's bytes, or null if there is none. Rows missing in the middle or at the end
   * are not detected here: the snapshot's own sizes and checksums catch them.
   */
  async read(collectionId: string): Promise<Uint8Array | null> {
    let table: Table;
    try {
      table = await this.db.openTable(graphTableName(collectionId));
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
    try {
      const rows: { part: number; data: Uint8Array }[] = [];
      for await (const batch of table.query().select(["part", "data"]) as AsyncIterable<ArrowModule.RecordBatch>) {
        const part = batch.getChild("part")!;
        const data = batch.getChild("data")!;
        for (let i = 0; i < batch.numRows; i++) rows.push({ part: part.get(i) as number, data: data.get(i) as Uint8Array });
      }
      if (rows.length === 0) return null;
      rows.sort((a, b) => a.part - b.part);
      // One buffer of its own (the index may transfer it to the worker thread).
      const out = new Uint8Array(rows.reduce((n, r) => n + r.data.length, 0));
      let at = 0;
      for (const r of rows) {
        out.set(r.data, at);
        at += r.data.length;
      }
      return out;
    } finally {
      table.close();
    }
  }

  /** Forgets the collection's saved graph (the collection is dropped). */
  drop(collectionId: string): Promise<void> {
    return dropSavedGraph(this.db, collectionId);
  }
}
