/**
 * The server's buffered stdout (src/log.ts) with stdout redirected to a file: request lines reach
 * the file within the periodic flush, and that flush makes no fsync (sonic-boom's flushSync does
 * one; on the event loop, once a second, it stalled every request behind the disk).
 */
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

it("stdout redirected to a file: the periodic flush writes buffered lines without an fsync", async () => {
  const dir = await mkdtemp(join(tmpdir(), "chromaspec-log-"));
  const file = join(dir, "out.log");
  const out = openSync(file, "w");
  try {
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./fixtures/log-to-file.ts", import.meta.url)), file], { stdio: ["ignore", out, "pipe"] });
    let err = "";
    child.stderr!.on("data", (c: Buffer) => (err += String(c)));
    await new Promise((resolve) => child.once("exit", resolve));
    expect(JSON.parse(err.trim().split("\n").pop()!)).toEqual({ flushed: true, fsyncs: 0 });
  } finally {
    closeSync(out);
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
