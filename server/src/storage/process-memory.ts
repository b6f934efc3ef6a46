/**
 * Gives memory back to the system once a burst of work is over. Bulk writes leave freed Arrow
 * buffers (on LanceDB's runtime threads) and index-building scratch behind, and glibc keeps
 * freed memory in the arena of the thread that used it: after loading 100k x 384 records over
 * HTTP, `malloc_trim(0)` (called through gdb on a running server) returned ~190 MB of RSS. A
 * trim walks every arena (a few ms), so it runs once writes have been quiet for a second, not
 * per request. (What trimming cannot return is fragmentation across arenas; operators can cap
 * them with MALLOC_ARENA_MAX: see docs/performance.md.)
 */
import { hnsw } from "./vector-index/native.js";

const QUIET_MS = 1000;
let timer: NodeJS.Timeout | null = null;
let trims = 0;

/** Some memory-heavy work just happened: trim once no more has come for QUIET_MS. */
export function trimSoon(): void {
  if (timer) timer.refresh();
  else {
    timer = setTimeout(() => {
      timer = null;
      trims++;
      try {
        hnsw().trimMemory();
      } catch {
        // No addon (a storage without vector index on a machine that could not build it): nothing to trim with.
      }
    }, QUIET_MS);
    // Never what keeps the process alive.
    timer.unref();
  }
}

/** How many trims ran (tests). */
export function trimCount(): number {
  return trims;
}
