/**
 * The ANN worker and the process (memory/ann-worker-host.ts): indexing in the background keeps
 * nothing alive, so a script that forgets storage.close() still ends; a search under way, or the
 * host's close, does keep the process alive until the worker answers or exits (a server whose
 * sockets are closed would otherwise end inside storage.close(), the graph-save-thread kind).
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runFixture } from "../helpers/fixture.js";

const FIXTURE = fileURLToPath(new URL("./fixtures/ann-worker-exit.ts", import.meta.url));

/** Runs the fixture; its output lines, and whether it ended by itself within `ms`. */
async function run(mode: string, ms: number): Promise<{ lines: string[]; code: number | null; ended: boolean }> {
  return runFixture(FIXTURE, [mode], ms);
}

describe("the ANN worker and the process", () => {
  it("a search under way keeps the process alive; an idle worker does not", async () => {
    // 30 s is ample for 100 vectors (tsx start-up included, on a loaded machine); a process
    // held open by its idle worker is killed then.
    expect(await run("idle", 30_000)).toEqual({ lines: ["searched 5", "end"], code: 0, ended: true });
  }, 60_000);

  it("a close under way keeps the process alive until the worker has exited", async () => {
    expect(await run("close", 30_000)).toEqual({ lines: ["searched 5", "closed", "end"], code: 0, ended: true });
  }, 60_000);

  it("a close while a bulk is being indexed waits for the worker's memory trim: the worker exits, the process does not abort", async () => {
    // The worker's last slice of a bulk starts an asynchronous malloc_trim; a worker that exited
    // before it completed made the addon's promise settle into a torn-down thread: "FATAL ERROR"
    // and the whole process aborted (a server stopped during a bulk load).
    expect(await run("bulk-close", 60_000)).toEqual({ lines: ["searched 5", "closed", "end"], code: 0, ended: true });
  }, 90_000);
});
