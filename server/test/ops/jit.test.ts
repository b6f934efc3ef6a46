/**
 * startup/jit.ts: the command turns on V8's --always-sparkplug (baseline code from a function's
 * first call: the query route is not interpreted for its first second after a bulk load), unless
 * the operator chose a sparkplug flag. Checked in a child process with V8's own view of a function
 * called once: baseline code (status bit 1 << 15) with the module loaded, interpreted (1 << 7)
 * without it or when the operator said --no-always-sparkplug. And the route's optimized code
 * survives a quiet period: a function optimized for objects of a map none of which is alive any
 * more keeps its optimized code through full GCs with the module loaded (maps retained, no
 * memory reducer), and loses it without (V8 deoptimizes it: "weak objects").
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { chosenByOperator } from "../../src/startup/jit.js";

const JIT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../dist/startup/jit.js");
const BASELINE = 1 << 15;
const INTERPRETED = 1 << 7;
const dir = mkdtempSync(join(tmpdir(), "chromaspec-jit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const probe = join(dir, "probe.mjs");
writeFileSync(probe, "await import(process.argv[2]);\nfunction probe(x) { return x + 1; }\nprobe(1);\nconsole.log(%GetOptimizationStatus(probe));\n");
// f is optimized for {xq, yq} objects, a map reached only through the weak transition from {}:
// once no such object is alive, only map retention keeps it (and f's code) through a full GC.
const quiet = join(dir, "quiet.mjs");
writeFileSync(
  quiet,
  [
    "await import(process.argv[2]);",
    "function make(i) { const o = {}; o.xq = i; o.yq = i + 1; return o; }",
    "function f(o) { return o.xq + o.yq; }",
    "%PrepareFunctionForOptimization(f);",
    "for (let i = 0; i < 100; i++) f(make(i));",
    "%OptimizeFunctionOnNextCall(f);",
    "f(make(1));",
    "const before = %GetOptimizationStatus(f);",
    "for (let g = 0; g < 6; g++) globalThis.gc();",
    "console.log(JSON.stringify([before, %GetOptimizationStatus(f)]));",
  ].join("\n"),
);
const TURBOFAN = 1 << 6;

async function statusAfterOneCall(nodeFlags: string[], module: string): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--allow-natives-syntax", ...nodeFlags, probe, module], { env: { ...process.env, NODE_OPTIONS: "" } });
  return Number(stdout.trim());
}

describe("startup/jit.ts", () => {
  it("compiles functions to baseline code at their first call", async () => {
    const status = await statusAfterOneCall([], JIT);
    expect(status & BASELINE).toBe(BASELINE);
    expect(status & INTERPRETED).toBe(0);
  });

  it("without it (or with the operator's --no-always-sparkplug) a function called once is interpreted", async () => {
    expect((await statusAfterOneCall([], "node:os")) & INTERPRETED).toBe(INTERPRETED);
    const status = await statusAfterOneCall(["--no-always-sparkplug"], JIT);
    expect(status & INTERPRETED).toBe(INTERPRETED);
    expect(status & BASELINE).toBe(0);
  });

  it("optimized code survives full GCs that find none of its objects' maps in use (a quiet server)", async () => {
    const run = async (module: string) => {
      const { stdout } = await promisify(execFile)(process.execPath, ["--allow-natives-syntax", "--expose-gc", quiet, module], { env: { ...process.env, NODE_OPTIONS: "" } });
      return JSON.parse(stdout) as [number, number];
    };
    const [withBefore, withAfter] = await run(JIT);
    expect(withBefore & TURBOFAN).toBe(TURBOFAN);
    expect(withAfter & TURBOFAN).toBe(TURBOFAN);
    // The control: V8's defaults throw the code away (so the check above can fail).
    const [, without] = await run("node:os");
    expect(without & TURBOFAN).toBe(0);
  });

  it("leaves V8 alone when a node flag or NODE_OPTIONS names sparkplug, retain-maps or memory-reducer", () => {
    expect(chosenByOperator([], undefined)).toBe(false);
    expect(chosenByOperator(["--max-old-space-size=4096"], "--enable-source-maps")).toBe(false);
    expect(chosenByOperator(["--no-always-sparkplug"], undefined)).toBe(true);
    expect(chosenByOperator([], "--no-sparkplug")).toBe(true);
    expect(chosenByOperator(["--memory-reducer"], undefined, "memory-reducer")).toBe(true);
    expect(chosenByOperator(["--no-always-sparkplug"], undefined, "memory-reducer")).toBe(false);
    expect(chosenByOperator(["--retain-maps-for-n-gc=2"], undefined, "retain-maps")).toBe(true);
  });
});
