/**
 * Gives memory back to the system (glibc's allocator, through the HNSW addon). Bulk writes free
 * many large Arrow buffers on LanceDB's runtime threads, and glibc keeps freed memory in the
 * arena of the thread that used it. Two measures, measured on 100k x 384 records loaded over
 * HTTP (`npm run bench:cases -w server -- --sizes 100000 --spaces l2 --no-reference`):
 * - a fixed mmap threshold of 1 MiB (`tuneAllocator`): blocks from that size up are mapped on
 *   their own and unmapped when freed; server RSS after the case 591 MB -> 449 MB;
 * - `malloc_trim` once writes have been quiet for a second (`trimSoon`): ~190 MB returned on a
 *   server without the threshold (called through gdb). A trim walks every arena (a few ms), so
 *   it runs after a burst, not per request.
 * CHROMASPEC_MMAP_THRESHOLD (bytes, 0 = glibc's default) overrides the threshold.
 */
import { hnsw } from "./native.js";

const QUIET_MS = 1000;
/** Blocks from this size up are mapped on their own (and unmapped when freed). */
const MMAP_THRESHOLD = Number(process.env.CHROMASPEC_MMAP_THRESHOLD ?? 1024 * 1024);
let tuned = false;

/**
 * Large blocks go straight back to the system when freed (once per process; false without
 * glibc or the addon).
 */
export function tuneAllocator(): boolean {
  if (tuned) return false;
  tuned = true;
  try {
    return MMAP_THRESHOLD > 0 && hnsw().setMmapThreshold(MMAP_THRESHOLD);
  } catch {
    return false;
  }
}
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
