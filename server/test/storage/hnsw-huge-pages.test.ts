/**
 * The graph's large arrays on transparent huge pages (native hnswlib/huge-pages.h): a quantized
 * graph's int8 codes, allocated at construction, are backed by 2 MiB pages where Linux offers
 * them for advised memory, and by ordinary pages with the addon's setHugePages(false). Measured
 * in a child process (its own /proc/self/smaps_rollup, so no other test's memory counts), by the
 * growth of AnonHugePages across one constructor call.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hnsw } from "../../src/storage/memory/native.js";

const here = dirname(fileURLToPath(import.meta.url));
const addonPath = join(here, "..", "..", "native", "build", "Release", `hnsw_${hnsw().build}.node`);

/** Whether this system gives huge pages to memory advised MADV_HUGEPAGE ("always" or "madvise"). */
function thpOffered(): boolean {
  try {
    return /\[(always|madvise)\]/.test(readFileSync("/sys/kernel/mm/transparent_hugepage/enabled", "utf8"));
  } catch {
    return false;
  }
}

/** KiB of AnonHugePages a 65,536-capacity 384-d quantized graph adds (24 MiB of codes), in a fresh process. */
function hugeKiBOfNewGraph(on: boolean): number {
  const script = `
    const fs = require("node:fs");
    const addon = require(${JSON.stringify(addonPath)});
    const huge = () => Number(/AnonHugePages:\\s+(\\d+)/.exec(fs.readFileSync("/proc/self/smaps_rollup", "utf8"))[1]);
    addon.setHugePages(${on});
    const before = huge();
    const g = new addon.HnswIndex("l2", 384, 65536, 16, 100, 100, 10, true);
    process.stdout.write(String(huge() - before));
    void g;
  `;
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

describe.runIf(process.platform === "linux")("HNSW graph memory on huge pages", () => {
  it.runIf(thpOffered())("a quantized graph's codes are on huge pages by default", () => {
    // 24 MiB of codes: all but the block's partial 2 MiB ends can be huge pages.
    expect(hugeKiBOfNewGraph(true)).toBeGreaterThanOrEqual(20 * 1024);
  });

  it("setHugePages(false) leaves them on ordinary pages", () => {
    expect(hugeKiBOfNewGraph(false)).toBeLessThan(2 * 1024);
  });
});
