/**
 * The graph's large arrays in memory (native hnswlib/huge-pages.h, quantized.h): a quantized
 * graph's int8 codes are backed by 2 MiB pages where Linux offers them for advised memory, and by
 * ordinary pages with the addon's setHugePages(false); and the codes of slots not written yet
 * (the capacity beyond the elements, up to half of it after a resize to the next power of two)
 * are never faulted in. Measured in a child process (its own /proc/self/smaps_rollup, so no
 * other test's memory counts), by the growth of Rss / AnonHugePages across building a graph.
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

const DIM = 384;
const CAPACITY = 65_536;
/** Bytes of int8 codes per element at DIM (a multiple of 32 already). */
const CODE_BYTES = DIM;

/**
 * KiB that a CAPACITY-slot 384-d quantized graph adds (Rss and AnonHugePages, from
 * smaps_rollup) once `points` elements are inserted (random vectors, cheap links: m 4, ef 10),
 * in a fresh process. The vectors' own memory is allocated and written before the first reading.
 */
function growthOfNewGraph(hugePages: boolean, points: number): { rssKiB: number; hugeKiB: number } {
  const script = `
    const fs = require("node:fs");
    const addon = require(${JSON.stringify(addonPath)});
    const read = () => {
      const t = fs.readFileSync("/proc/self/smaps_rollup", "utf8");
      return { rss: Number(/\\nRss:\\s+(\\d+)/.exec(t)[1]), huge: Number(/AnonHugePages:\\s+(\\d+)/.exec(t)[1]) };
    };
    addon.setHugePages(${hugePages});
    const BITS = 12, ROWS = 1 << BITS, n = ${points};
    const chunks = [];
    for (let c = 0; c * ROWS < Math.max(n, 1); c++) {
      const v = new Float32Array(ROWS * ${DIM});
      for (let i = 0; i < v.length; i++) v[i] = Math.random() - 0.5;
      chunks.push(v);
    }
    const labels = Int32Array.from({ length: n }, (_, i) => i);
    const before = read();
    const g = new addon.HnswIndex("l2", ${DIM}, ${CAPACITY}, 4, 10, 100, BITS, true);
    chunks.forEach((v, c) => g.setChunk(c, v));
    if (n > 0) g.addPoints(labels, 1);
    const after = read();
    process.stdout.write(JSON.stringify({ rssKiB: after.rss - before.rss, hugeKiB: after.huge - before.huge }));
    void g;
  `;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as { rssKiB: number; hugeKiB: number };
}

describe.runIf(process.platform === "linux")("HNSW graph memory: huge pages, codes resident only where written", () => {
  it.runIf(thpOffered())("a quantized graph's written codes are on huge pages by default", () => {
    // 16384 elements: 6 MiB of codes from a 2 MiB-aligned start, i.e. three whole huge pages.
    expect(growthOfNewGraph(true, 16_384).hugeKiB).toBeGreaterThanOrEqual(6 * 1024);
  });

  it("setHugePages(false) leaves them on ordinary pages", () => {
    expect(growthOfNewGraph(false, 16_384).hugeKiB).toBeLessThan(2 * 1024);
  });

  it("the codes of slots never written are not resident (capacity 65536, 4096 elements)", () => {
    // Zero-filled at capacity, the codes alone were 24 MiB resident from the constructor on.
    const capacityCodesKiB = (CAPACITY * CODE_BYTES) / 1024;
    const empty = growthOfNewGraph(false, 0);
    expect(empty.rssKiB).toBeLessThan(capacityCodesKiB / 4);
    const some = growthOfNewGraph(false, 4096);
    // 4096 rows of codes are 1.5 MiB; the rest of the growth is the links and per-element
    // bookkeeping (a few MiB at this capacity), far below the 24 MiB of all rows.
    expect(some.rssKiB).toBeGreaterThanOrEqual((4096 * CODE_BYTES) / 1024);
    expect(some.rssKiB).toBeLessThan(capacityCodesKiB / 2);
  });

  it.runIf(thpOffered())("the advice stays on the graph's own blocks: none lands on malloc's heap, none outlives a resize", () => {
    // A server's glibc raises its mmap threshold (up to 32 MiB) as V8 frees mapped blocks, so a
    // small graph's arrays (a few MiB) would be carved from malloc's heap, and the advice given
    // there stayed on the heap for whatever malloc placed there later. Forced here with a
    // 64 MiB threshold; the graph grows 16384 -> 65536 slots (each resize frees the old blocks).
    const script = `
      const fs = require("node:fs");
      const addon = require(${JSON.stringify(addonPath)});
      addon.setMmapThreshold(64 << 20);
      const BITS = 12, ROWS = 1 << BITS, n = 4096;
      const v = new Float32Array(ROWS * ${DIM});
      for (let i = 0; i < v.length; i++) v[i] = Math.random() - 0.5;
      const g = new addon.HnswIndex("l2", ${DIM}, 16384, 4, 10, 100, BITS, true);
      g.setChunk(0, v);
      g.addPoints(Int32Array.from({ length: n }, (_, i) => i), 1);
      g.resize(32768);
      g.resize(65536);
      const advised = fs.readFileSync("/proc/self/smaps", "utf8").split(/\\n(?=[0-9a-f]+-[0-9a-f]+ )/)
        .filter((m) => /\\nVmFlags:.* hg/.test(m))
        .map((m) => { const [range, , , , , name] = m.split("\\n")[0].split(/\\s+/); const [a, b] = range.split("-").map((x) => parseInt(x, 16)); return { name: name || "", mib: (b - a) / 2 ** 20 }; });
      process.stdout.write(JSON.stringify(advised));
      void g;
    `;
    const advised = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as { name: string; mib: number }[];
    expect(advised.filter((m) => m.name === "[heap]")).toEqual([]);
    // What is advised is the graph's current blocks: 65536 slots of codes (24 MiB) and level 0
    // (links + label + vector address per slot, under 12 MiB), not the freed 16384- and 32768-slot ones.
    const total = advised.reduce((sum, m) => sum + m.mib, 0);
    expect(total).toBeGreaterThanOrEqual(24);
    expect(total).toBeLessThanOrEqual(24 + 12);
  });
});
