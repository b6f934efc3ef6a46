/** Memory handed back to the system once writes are quiet (src/storage/memory/process-memory.ts). */
import { describe, expect, it } from "vitest";
import { constants, PerformanceObserver, type PerformanceEntry } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { collectCount, collectGarbage, DEFAULT_MALLOC_ARENAS, mallocArenas, PRESSURE_BYTES, trimCount, trimSoon, tuneAllocator } from "../../src/storage/memory/process-memory.js";
import { hnsw } from "../../src/storage/memory/native.js";
import { foreground } from "../../src/util/foreground.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Whether this process runs on glibc (the allocator the addon tunes). */
const glibc = process.platform === "linux" && Boolean((process.report?.getReport() as { header?: { glibcVersionRuntime?: string } })?.header?.glibcVersionRuntime);

describe("process memory", () => {
  it("trims through glibc's malloc_trim on Linux (glibc)", async () => {
    expect(await hnsw().trimMemory()).toBe(glibc);
  });

  it("sets the mmap threshold once per process (glibc)", () => {
    expect(hnsw().setMmapThreshold(1 << 20)).toBe(glibc);
    expect(hnsw().setMmapThreshold(0)).toBe(false);
    tuneAllocator();
    expect(tuneAllocator()).toBe(false);
  });

  it("caps glibc's arenas at 2 unless told otherwise; MALLOC_ARENA_MAX (read by glibc at start) wins", () => {
    expect(mallocArenas({})).toBe(DEFAULT_MALLOC_ARENAS);
    expect(DEFAULT_MALLOC_ARENAS).toBe(2);
    expect(mallocArenas({ CHROMASPEC_MALLOC_ARENAS: "4" })).toBe(4);
    expect(mallocArenas({ CHROMASPEC_MALLOC_ARENAS: "0" })).toBe(0);
    expect(mallocArenas({ CHROMASPEC_MALLOC_ARENAS: "two" })).toBe(0);
    expect(mallocArenas({ MALLOC_ARENA_MAX: "8", CHROMASPEC_MALLOC_ARENAS: "4" })).toBe(0);
    expect(hnsw().setArenaMax(0)).toBe(false);
    expect(hnsw().setArenaMax(8)).toBe(glibc);
  });

  it("faults a vector chunk's pages in at once on Linux, its contents unchanged", () => {
    const chunk = new Float32Array(new SharedArrayBuffer(1 << 20));
    for (let i = 0; i < chunk.length; i += 997) chunk[i] = i;
    expect(hnsw().populate(chunk)).toBe(process.platform === "linux");
    for (let i = 0; i < chunk.length; i++) expect(chunk[i]).toBe(i % 997 === 0 ? i : 0);
    // Less than a page holds no whole page: nothing to do.
    expect(hnsw().populate(new Float32Array(new SharedArrayBuffer(64)))).toBe(false);
  });

  it("trims once, a second after the last of a burst of work", async () => {
    const before = trimCount();
    trimSoon();
    await sleep(600);
    trimSoon(); // still busy: the trim moves on
    await sleep(600);
    expect(trimCount()).toBe(before);
    await sleep(700);
    expect(trimCount()).toBe(before + 1);
  });

  it("collects V8's garbage by hand only when there is much of it", async () => {
    await collectGarbage(); // whatever the suite left: from here, the last collection's figure is known
    const before = collectCount();
    // Little garbage: not worth a full collection.
    expect(await collectGarbage()).toBe(false);
    // ~150 MB held for a while (as a bulk load's request bodies are), then garbage, collected by hand.
    let held: number[][] = [];
    for (let i = 0; i < 150; i++) held.push(new Array(128 * 1024).fill(i + 0.5));
    expect(held.length).toBe(150);
    held = [];
    const used = getHeapStatistics().used_heap_size;
    expect(await collectGarbage()).toBe(true);
    expect(collectCount()).toBe(before + 1);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(used - 64 * 1024 * 1024);
  });

  it("collects by hand with a regular major collection, not a forced one (which drops the query route's optimized code)", async () => {
    await collectGarbage();
    const majors: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if ((e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors.push(e);
    });
    observer.observe({ entryTypes: ["gc"] });
    try {
      let held: number[][] = [];
      for (let i = 0; i < 150; i++) held.push(new Array(128 * 1024).fill(i + 0.5));
      expect(held.length).toBe(150);
      held = [];
      const buffersBefore = process.memoryUsage().arrayBuffers;
      expect(await collectGarbage()).toBe(true);
      // Resolved only once the 256 MB block that started the collection is released: what the
      // collection kept is then measured without it (else the next collections are skipped).
      expect(process.memoryUsage().arrayBuffers).toBeLessThan(buffersBefore + PRESSURE_BYTES / 2);
      await sleep(50); // gc entries are delivered on a later turn
    } finally {
      observer.disconnect();
    }
    expect(majors.length).toBeGreaterThan(0);
    for (const e of majors) expect(((e as { detail?: { flags?: number } }).detail?.flags ?? -1) & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED).toBe(0);
  });

  it("counts ArrayBuffers as garbage: a dead SharedArrayBuffer is collected by hand (V8 alone keeps it)", async () => {
    await collectGarbage();
    const before = collectCount();
    // As a graph save leaves its bytes: one large SharedArrayBuffer, then garbage. The JS heap
    // barely moves, so a gate on the heap alone never collected it.
    let bytes: Uint8Array | null = new Uint8Array(new SharedArrayBuffer(128 * 1024 * 1024));
    bytes.fill(1);
    bytes = null;
    const held = process.memoryUsage().arrayBuffers;
    expect(await collectGarbage()).toBe(true);
    expect(collectCount()).toBe(before + 1);
    // V8 frees dead ArrayBuffers' memory on a background thread after the collection.
    for (let i = 0; i < 100 && process.memoryUsage().arrayBuffers >= held - 64 * 1024 * 1024; i++) await sleep(20);
    expect(process.memoryUsage().arrayBuffers).toBeLessThan(held - 64 * 1024 * 1024);
  });

  it("a trim with a collection waits until no request is in flight, then collects and trims", async () => {
    await collectGarbage();
    const trimsBefore = trimCount();
    const collectsBefore = collectCount();
    let bytes: Uint8Array | null = new Uint8Array(new SharedArrayBuffer(128 * 1024 * 1024));
    bytes.fill(1);
    bytes = null;
    foreground.begin();
    try {
      trimSoon(true);
      await sleep(1600);
      // A request is in flight: neither the pause of a full collection nor the trim.
      expect(trimCount()).toBe(trimsBefore);
      expect(collectCount()).toBe(collectsBefore);
    } finally {
      foreground.end();
    }
    await sleep(1000);
    expect(collectCount()).toBe(collectsBefore + 1);
    expect(trimCount()).toBe(trimsBefore + 1);
  });
});
