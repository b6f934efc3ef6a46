/**
 * The thread graph saves are written on (GraphStore): LanceDB's `add` encodes its input as one
 * Arrow IPC buffer in JavaScript and copies it once more into a Node Buffer, both on the thread
 * that calls it: for a 100k-record graph (~20 MB) that held the server's event loop ~120 ms per
 * save, in the middle of queries (issue 18). Here those copies hold only this thread. The
 * snapshot's parts arrive over SharedArrayBuffers where they can (no copy to get here).
 */
import { parentPort, workerData } from "node:worker_threads";
import * as lancedb from "@lancedb/lancedb";
import { writeGraphTable, type GraphWorkerStart, type ToGraphWorker, type FromGraphWorker } from "./graph-store.js";
import { lanceSession } from "./session.js";

const start = workerData as GraphWorkerStart;
// Its own session: LanceDB's caches are per connection, and this one's are bounded as the main one's.
const connection = lancedb.connect(start.uri, { ...(start.storageOptions ? { storageOptions: start.storageOptions } : {}), session: lanceSession(start) });
// A connection that fails fails each save that awaits it, with its reason; not the thread.
connection.catch(() => undefined);

/** Saves under way: a close lets them finish (their callers wait for the answer). */
const saving = new Set<Promise<void>>();

parentPort!.on("message", (msg: ToGraphWorker) => {
  if (msg.t === "close") {
    void Promise.allSettled(saving)
      .then(() => connection)
      .then((db) => db.close())
      .finally(() => process.exit(0));
    return;
  }
  const save = (async () => {
    let reply: FromGraphWorker;
    try {
      await writeGraphTable(await connection, msg.name, msg.parts, msg.retainMs, msg.partBytes);
      reply = { t: "saved", req: msg.req };
    } catch (err) {
      reply = { t: "failed", req: msg.req, message: err instanceof Error ? err.message : String(err) };
    }
    parentPort!.postMessage(reply);
  })();
  saving.add(save);
  void save.finally(() => saving.delete(save));
});
