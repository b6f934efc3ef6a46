/**
 * Gives memory back to the system (glibc's allocator, through the HNSW addon). Bulk writes free
 * many large Arrow buffers on LanceDB's runtime threads, and glibc keeps freed memory in the
 * arena of the thread that used it. `malloc_trim` runs once writes have been quiet for a second
 * (`trimSoon`): ~190 MB returned after 100k x 384 records loaded over HTTP. A trim walks every
 * arena (a few ms), so it runs after a burst, not per request.
 *
 * glibc's mmap threshold is left to its dynamic rule by default. A fixed 1 MiB threshold (blocks
 * from that size up mapped on their own and unmapped when freed) took server RSS after 100k
 * records from 591 MB to 449 MB, but every 1000-record add then mapped, faulted in and unmapped
 * tens of MB of LanceDB's short-lived buffers: LanceDB's append took ~75 ms instead of ~15 ms and
 * add throughput halved (issue 18; 50k x 384 in batches of 1000: 4.1k -> 7.2k records/s,
 * RSS after the load 324 -> 454 MB). CHROMASPEC_MMAP_THRESHOLD (bytes) sets a fixed threshold
 * for a deployment that prefers the lower footprint; 0 or unset keeps glibc's rule.
 */
import { constants, PerformanceObserver } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { foreground } from "../../util/foreground.js";
import { hnsw, trimMemoryNow } from "./native.js";

const QUIET_MS = 1000;
/** Blocks from this size up are mapped on their own (and unmapped when freed); 0 = glibc's dynamic rule. */
const MMAP_THRESHOLD = Number(process.env.CHROMASPEC_MMAP_THRESHOLD ?? 0);
/**
 * glibc arenas for threads that get their first one after start-up (LanceDB's runtime, the ANN
 * worker, the save threads); 0 = glibc's own limit (8 per core). See tuneAllocator.
 */
export const DEFAULT_MALLOC_ARENAS = 2;
let tuned = false;

/** The arena cap tuneAllocator applies: CHROMASPEC_MALLOC_ARENAS, else DEFAULT_MALLOC_ARENAS; none when MALLOC_ARENA_MAX is set (glibc applied that at start). */
export function mallocArenas(env: NodeJS.ProcessEnv = process.env): number {
  if (env.MALLOC_ARENA_MAX !== undefined && env.MALLOC_ARENA_MAX !== "") return 0;
  const n = Number(env.CHROMASPEC_MALLOC_ARENAS ?? DEFAULT_MALLOC_ARENAS);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/**
 * Once per process, as early as possible (false without glibc or the addon, or when nothing was
 * asked): at most mallocArenas() glibc arenas, and, with CHROMASPEC_MMAP_THRESHOLD, large blocks
 * mapped on their own.
 *
 * Why cap arenas: glibc gives a thread that allocates while the others' arenas are busy an
 * arena of its own, and an arena keeps what its threads freed: after a 1M x 384 load the server
 * held ~14 arenas of 20-200 MB each, mostly free but resident. bench/fill-rss.ts --n 300000 (fill,
 * indexed, the bench's queries; two runs side by side, busy machine): RSS after 1068 MB with
 * glibc's limit, 893 MB with MALLOC_ARENA_MAX=2 (arena heaps 270 -> 76 MiB), add throughput
 * the same (1705 vs 1845 records/s, both loaded). The cap holds for arenas glibc creates from
 * then on; arenas that exist stay. So the command calls this first thing (startup/allocator.ts),
 * when node has one arena besides the main one; openStorage calls it again (a no-op then) for
 * embedders, whose threads may by then hold more.
 */
export function tuneAllocator(): boolean {
  if (tuned) return false;
  tuned = true;
  try {
    const arenas = mallocArenas();
    const capped = arenas > 0 && hnsw().setArenaMax(arenas);
    const mapped = MMAP_THRESHOLD > 0 && hnsw().setMmapThreshold(MMAP_THRESHOLD);
    // CHROMASPEC_HUGE_PAGES=0: the graph's large arrays on ordinary pages (A/B runs of the
    // huge-page advice; the addon's default is on).
    const plain = process.env.CHROMASPEC_HUGE_PAGES === "0";
    if (plain) hnsw().setHugePages(false);
    return capped || mapped || plain;
  } catch {
    return false;
  }
}
let timer: NodeJS.Timeout | null = null;
let trims = 0;
/** When a collection was first asked for since the last one (null: none pending). */
let collectDueSince: number | null = null;

/**
 * Some memory-heavy work just happened: once no more has come for QUIET_MS, the allocator is
 * trimmed (on a libuv thread: ~300 ms after a 100k x 384 load, which on the event loop stalled
 * the first queries after indexing). `collect`: the work left garbage on V8's heap too (request
 * bodies, Arrow batches): it is collected first (collectGarbage), while nothing waits for the
 * event loop, and the trim then returns what that freed.
 */
export function trimSoon(collect = false): void {
  if (collect) collectDueSince ??= Date.now();
  if (timer) timer.refresh();
  else arm(QUIET_MS);
}

function arm(ms: number): void {
  timer = setTimeout(() => fire(false), ms);
  // Never what keeps the process alive.
  timer.unref();
}

/** `confirmed`: this is the second look for quiet (ForegroundActivity.nextLook). */
function fire(confirmed: boolean): void {
  timer = null;
  if (collectDueSince !== null) {
    // A full collection pauses the event loop (100-300 ms with a 1M-record collection's
    // heap): it waits until no request has been in flight for a moment (at most
    // foreground's maxDeferMs, so a server that is never quiet still gets it), and the trim
    // with it, so that it returns what the collection freed.
    timer = foreground.nextLook(collectDueSince, confirmed, fire);
    if (timer) return;
    collectDueSince = null;
    // The trim waits for the collection (a regular one finishes on V8's tasks), to return what it freed.
    void collectGarbage().then(trimNow, trimNow);
    return;
  }
  trimNow();
}

function trimNow(): void {
  trims++;
  void trimMemoryNow();
}

/**
 * V8's forced collector (`gc()`), exposed without a command-line flag (null where that fails):
 * only the fallback of regularCollection now (see there).
 */
const fullGc: (() => void) | null = (() => {
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return null;
  }
})();
/**
 * What regularCollection allocates to start one: far above V8's external-memory soft limit (64 MB
 * above what the last full collection kept), far below its hard limit (half the old generation's
 * maximum, which would force a memory-reducing collection). Never touched: an untouched calloc'd
 * block of this size is a fresh mapping, no page of it is faulted in, and it is unmapped at once.
 */
export const PRESSURE_BYTES = 256 * 1024 * 1024;
/** How long regularCollection waits for its collection to finish before forcing one. */
const REGULAR_GC_TIMEOUT_MS = 5000;

/**
 * A full collection that is not a forced one. A forced collection (`gc()`, sync or async) lets
 * die the maps that no live object has (those of node's, fastify's and our per-request objects
 * while no request is in flight), --retain-maps-for-n-gc notwithstanding, and with them all
 * optimized code that embeds one ("marking dependent code ... reason: weak objects" under
 * --trace-deopt: ~40-70 functions of the route: handle, handleRequest,
 * writeHead, Reply.send, the validators, query, search...). Issue 18: after a bulk load this
 * collection ran in the quiet before indexing finished, and the first ~2000 queries after
 * "indexed" ran unoptimized code while TurboFan recompiled the route (main-thread CPU per query
 * 1.5-2x for 1-2 s, V8's helper threads ~260 ms/s). A regular collection retains those maps
 * (--retain-maps-for-n-gc, startup/jit.ts) and the route stays optimized. (Seen with a bare fastify
 * route warmed by 5000 requests, then idle: a forced collection deopts ~70 of its functions,
 * regular ones none; with --retain-maps-for-n-gc=0 regular ones deopt them too.)
 *
 * V8 has no call for a regular full collection, but it starts one (incremental marking, finished
 * on its own tasks in a quiet process: tens of ms) when external memory grows past its soft limit:
 * one large ArrayBuffer, dropped at once, does that. Resolves when a major collection has
 * finished (node's "gc" performance entries); if none comes (or the allocation fails), forces one.
 */
function regularCollection(): Promise<void> {
  return new Promise((resolve) => {
    const buffersBefore = process.memoryUsage().arrayBuffers;
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      released(buffersBefore, Date.now() + RELEASE_WAIT_MS, resolve);
    };
    const observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => (e as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) finish();
    });
    observer.observe({ entryTypes: ["gc"] });
    const timer = setTimeout(() => {
      fullGc?.();
      finish();
    }, REGULAR_GC_TIMEOUT_MS);
    timer.unref();
    try {
      let pressure: ArrayBuffer | null = new ArrayBuffer(PRESSURE_BYTES);
      pressure = null;
    } catch {
      // No room for the mapping: the forced collection, now.
      fullGc?.();
      finish();
    }
  });
}
/** How long regularCollection waits, after its collection, for the pressure block's memory to be released. */
const RELEASE_WAIT_MS = 1000;
/**
 * Calls `done` once the ArrayBuffer memory V8 counts is back below `before` + half the pressure
 * block (or at `deadline`). V8 frees dead ArrayBuffers on a background thread after the
 * collection: until then process.memoryUsage() still counts the 256 MB block, and what
 * collectGarbage records as kept would be inflated by it, skipping the next collections (the
 * one after a graph save, whose 150 MB SharedArrayBuffer at 1M it exists for).
 */
function released(before: number, deadline: number, done: () => void): void {
  if (process.memoryUsage().arrayBuffers < before + PRESSURE_BYTES / 2 || Date.now() >= deadline) done();
  else setTimeout(() => released(before, deadline, done), 5).unref();
}
/** Garbage that makes a collection worth it (bytes above what the last one kept). */
const COLLECT_ABOVE = 64 * 1024 * 1024;

/**
 * What a collection can free: V8's heap in use plus ArrayBuffers' memory. The heap alone misses
 * the big garbage: request bodies' Buffers, Arrow batches, and a graph save's bytes (a
 * SharedArrayBuffer as large as the graph: ~170 MB at 1M records, which V8 does not count
 * towards collecting at all). At 1M x 384, 230 MB of dead ArrayBuffers were still held after the
 * bench's whole query phase (issue 14 item 6).
 */
function collectable(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
let keptAfterCollect = 0;
let collections = 0;

/**
 * A full collection of V8's heap (a regular one: regularCollection), if it holds COLLECT_ABOVE
 * more than the last one kept; resolves once it has finished (true) or at once (false).
 * Why by hand: a bulk load leaves hundreds of MB of request bodies and Arrow batches in the old
 * generation, and V8 collected them with the first queries after indexing (a 50-100 ms major
 * collection plus incremental marking: query p50 2-5x in that second). Collected when the writes
 * have stopped, the pause falls while the worker is still indexing and nobody waits. Also asked
 * for when a graph arrives on the main thread and after a graph save (vector-index.ts), whose
 * garbage is mostly ArrayBuffers V8 would keep until much later.
 */
export async function collectGarbage(): Promise<boolean> {
  const now = collectable();
  // What the last collection kept, as measured right after it, can still count ArrayBuffers it
  // found dead: V8 frees their memory on a background thread after the collection (a graph
  // save's 150 MB SharedArrayBuffer at 1M). Anything lower seen since is the better baseline.
  keptAfterCollect = Math.min(keptAfterCollect, now);
  if (now < keptAfterCollect + COLLECT_ABOVE) return false;
  await regularCollection();
  keptAfterCollect = collectable();
  collections++;
  return true;
}

/** How many trims ran (tests). */
export function trimCount(): number {
  return trims;
}

/** How many forced collections ran (tests). */
export function collectCount(): number {
  return collections;
}
