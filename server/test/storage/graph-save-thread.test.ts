/**
 * The graph save thread's lifecycle (lance/graph-store.ts SaveThread, graph-store-worker.ts): a
 * save or a close under way keeps the process alive until it ends, an idle thread does not; a
 * close lets the saves under way finish; a thread that dies fails the saves it had (rejected, not
 * hung) and the next save starts another; two stores in one process each have their own thread;
 * a shutdown's close bounded in time gives up a thread that does not finish.
 */
import * as lancedb from "@lancedb/lancedb";
import type { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runFixture } from "../helpers/fixture.js";
import { GraphStore } from "../../src/storage/lance/graph-store.js";
import { tempDir } from "./helpers.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/graph-save-exit.ts", import.meta.url));
const ID = "00000001-aaaa-4bbb-8ccc-000000000001";

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function dir(): Promise<string> {
  const d = await tempDir();
  cleanup.push(() => d.dispose());
  return d.path;
}

/** Runs the fixture; its output lines, and whether it ended by itself within `ms`. */
async function run(mode: string, ms = 60_000): Promise<{ lines: string[]; code: number | null; ended: boolean }> {
  return runFixture(FIXTURE, [await dir(), mode], ms);
}

describe("the save thread and the process", () => {
  it("a close under way keeps the process alive until the thread has exited", async () => {
    expect(await run("close-after")).toEqual({ lines: ["saved", "closed", "end"], code: 0, ended: true });
  }, 90_000);

  it("a close lets the save under way finish: it resolves, then the close does", async () => {
    expect(await run("close-during")).toEqual({ lines: ["saved", "closed", "end"], code: 0, ended: true });
  }, 90_000);

  it("an idle thread does not keep the process alive", async () => {
    // 30 s is ample for one 4 MB save; a process held open by its idle thread is killed then.
    expect(await run("no-close", 30_000)).toEqual({ lines: ["saved", "end"], code: 0, ended: true });
  }, 90_000);
});

describe("the save thread in this process", () => {
  const bytes = (n: number, fill: number) => new Uint8Array(new SharedArrayBuffer(n)).fill(fill);

  async function store(path: string): Promise<GraphStore> {
    const db = await lancedb.connect(path);
    const s = new GraphStore(db, 0, undefined, { uri: path });
    cleanup.push(async () => {
      await s.close();
      db.close();
    });
    return s;
  }

  it("a thread that dies fails the saves under way (rejected, not hung); the next save starts another thread", async () => {
    const s = await store(await dir());
    await s.save(ID, [bytes(1000, 1)]);
    const pending = s.save(ID, [bytes(8 << 20, 2)]);
    // The thread as a crash would end it (the store's private thread: nothing public kills it).
    const thread = (s as unknown as { thread: { worker: Worker | null } }).thread;
    await thread.worker!.terminate();
    await expect(pending).rejects.toThrow(/graph save thread exited/);
    await s.save(ID, [bytes(3000, 3)]);
    expect(await s.read(ID)).toEqual(bytes(3000, 3));
  }, 60_000);

  it("a close bounded by waitMs gives up a thread that does not finish (its saves rejected), and returns", async () => {
    const s = await store(await dir());
    await s.save(ID, [bytes(1000, 1)]);
    // A thread stuck in a save (an object store that stopped answering) as the storage sees it:
    // the save, and the close after it, reach a thread that never answers.
    const thread = (s as unknown as { thread: { worker: Worker | null } }).thread;
    const worker = thread.worker!;
    vi.spyOn(worker, "postMessage").mockImplementation(() => undefined);
    const pending = s.save(ID, [bytes(2000, 2)]);
    const t0 = performance.now();
    const outcome = await Promise.race([s.close(500).then(() => "closed"), new Promise((r) => setTimeout(() => r("still waiting"), 30_000))]);
    expect(outcome).toBe("closed");
    expect(performance.now() - t0).toBeGreaterThanOrEqual(450);
    await expect(pending).rejects.toThrow(/graph save thread exited/);
    // The save given up was never written: the last one that finished is what is read.
    expect(await s.read(ID)).toEqual(bytes(1000, 1));
  }, 60_000);

  it("two stores in one process (two storages) save on their own threads; closing one leaves the other saving", async () => {
    const [a, b] = [await store(await dir()), await store(await dir())];
    await Promise.all([a.save(ID, [bytes(5000, 4)]), b.save(ID, [bytes(6000, 5)])]);
    await a.close();
    await b.save(ID, [bytes(7000, 6)]);
    expect(await a.read(ID)).toEqual(bytes(5000, 4));
    expect(await b.read(ID)).toEqual(bytes(7000, 6));
  }, 60_000);
});
