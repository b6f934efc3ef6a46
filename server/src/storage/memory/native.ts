/**
 * Loads chromaspec's HNSW addon (server/native, built at install time by native/build.mjs).
 *
 * There are two builds of it: "native", tuned for the CPU it was compiled on, and "portable".
 * The tuned one may use any instruction of the build machine, so it is only loaded on a CPU
 * that has every feature the build machine had (otherwise an image built on one machine and
 * run on an older one would die of an illegal instruction). CHROMASPEC_HNSW_BUILD=portable or
 * =native overrides the choice.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** One HNSW graph (hnswlib), labelled by slot number. */
export interface HnswIndex {
  /**
   * Registers chunk `index` of the vectors (2^chunkBits rows of dim float32) and, optionally,
   * their norms (2^chunkBits float32, |v| of each row, kept current with the rows: cosine graphs
   * read them instead of summing |v| in every distance). The graph reads both in place, so the
   * caller keeps this memory alive and unmoved while the graph is used. RangeError when either
   * is shorter than 2^chunkBits rows.
   */
  setChunk(index: number, rows: Float32Array, norms?: Float32Array): void;
  /** Inserts or replaces the points of these labels (distinct; capacity must suffice), on `threads` threads. */
  addPoints(labels: Int32Array, threads: number): void;
  markDelete(label: number): void;
  resize(capacity: number): void;
  /**
   * k labels per query, nearest first, -1 where fewer were found; labels outside `allowed` (a
   * bitset) or with `queued[label] > 0` are skipped. `upperEf` (default 1, hnswlib's greedy
   * descent): width of a beam over level 1 (the layers above descended greedily) whose nodes all enter level 0.
   * `rerank` (default 0 = all): on a quantized graph, how many of level 0's ef best (by int8
   * distance) are scored with the exact float distance to pick the k returned.
   */
  search(queries: Float32Array, n: number, k: number, ef: number, allowed: Uint8Array | null, queued: Int32Array | null, upperEf?: number, rerank?: number): Int32Array;
  /**
   * search() on a libuv pool thread, beside the event loop (several may run at once). `queued` is
   * copied at the call; `queries` and `allowed` must stay unchanged until it resolves. Calls that
   * change the graph (addPoints, markDelete, resize, setChunk, detach, restore) throw until
   * every such search has resolved.
   */
  searchAsync(queries: Float32Array, n: number, k: number, ef: number, allowed: Uint8Array | null, queued: Int32Array | null, upperEf?: number, rerank?: number): Promise<Int32Array>;
  count(): number;
  capacity(): number;
  /** Parks the graph for another thread of this process; this object is unusable after. */
  detach(): number;
  /**
   * The graph as bytes (links and labels, no vectors; XXH64-checked), written on a background
   * thread, into `out` when given (exactly serializedSize() bytes), else into a new Buffer.
   * With `offset` (an integer): only bytes [offset, offset + out.length) of them, into `out`
   * (RangeError past serializedSize()); a range from offset 0 also hashes the whole graph (the
   * header's checksum). Pieces of one save describe the same graph only if nothing changes it
   * between them. Searches may run meanwhile; calls that change the graph throw until it resolves.
   */
  serialize(out?: Uint8Array, offset?: number): Promise<Uint8Array>;
  /** The length of serialize()'s bytes for the graph as it is now. */
  serializedSize(): number;
  /**
   * Loads serialize()'s bytes into this new, empty graph of the same space, dimension, M and
   * ef_construction, whose chunks must cover every label in them. Throws an Error whose message
   * starts "damaged graph file:" when the bytes fail their checks (the graph stays empty).
   */
  restore(bytes: Uint8Array): void;
  /** By label, up to the highest: 0 = not in the graph, 1 = in it, marked deleted, 2 = in it. */
  labelStates(): Uint8Array;
  /** Whether searches traverse int8 copies of the vectors (the constructor's `quantized`). */
  quantized(): boolean;
}

export interface HnswIndexClass {
  /**
   * `quantized` (default false): searches traverse int8 copies of the vectors (native
   * hnswlib/quantized.h: dim rounded up to 32, plus 8 bytes, per element of capacity; derived
   * from the floats at insert and at restore, never saved) and re-rank their ef best with the
   * exact float distance. Ignored above 16,384 dimensions.
   */
  new (space: string, dim: number, capacity: number, m: number, efConstruction: number, seed: number, chunkBits: number, quantized?: boolean): HnswIndex;
  /** Adopts a graph another thread detached. */
  new (handle: number): HnswIndex;
  /** Frees a detached graph nobody adopted; false if there was none. */
  release(handle: number): boolean;
}

/** Exact float64 distances from a query to many stored vectors, read in place by slot. */
export interface VectorScan {
  /** As HnswIndex.setChunk: the caller keeps `rows` alive and unmoved. */
  setChunk(index: number, rows: Float32Array): void;
  /** out[i] = squared l2 (kind 0) or dot product (kind 1) of `query` and slot slots[i]. */
  distances(query: Float32Array, slots: Int32Array, kind: 0 | 1, out: Float64Array): void;
}

export interface VectorScanClass {
  new (dim: number, chunkBits: number): VectorScan;
}

export type Build = "native" | "portable";

const releaseDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "native", "build", "Release");

function cpuFlags(): Set<string> | null {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => /^(flags|Features)\s*:/.test(l));
    return line ? new Set(line.split(":")[1].trim().split(/\s+/)) : null;
  } catch {
    return null;
  }
}

/** What native/build.mjs records about the machine it built on (build/Release/cpu.json). */
export interface BuiltOn {
  tuned?: boolean;
  platform?: string;
  arch?: string;
  cpuFlags?: string[] | null;
}

/**
 * Which build to run: the tuned one only if it was built for this platform and architecture on
 * a CPU whose every feature this one has; `forced` (CHROMASPEC_HNSW_BUILD) overrides.
 */
export function pickBuild(built: BuiltOn | null, here: Set<string> | null, forced?: string): Build {
  if (forced === "native" || forced === "portable") return forced;
  if (!built?.tuned || built.platform !== process.platform || built.arch !== process.arch || !built.cpuFlags || !here) return "portable";
  return built.cpuFlags.every((f) => here.has(f)) ? "native" : "portable";
}

function builtOn(): BuiltOn | null {
  try {
    return JSON.parse(readFileSync(join(releaseDir, "cpu.json"), "utf8")) as BuiltOn;
  } catch {
    return null;
  }
}

export interface HnswAddon {
  HnswIndex: HnswIndexClass;
  VectorScan: VectorScanClass;
  /** XXH64 (seed 0) of the bytes. */
  hash64(bytes: Uint8Array): bigint;
  /**
   * Decodes base64 text in `src` into `out`, back to back: `spans` holds (offset, characters)
   * pairs, each span standard-alphabet base64 without its padding (never 4k + 1 characters).
   * False when a character is outside the alphabet or a decoded float32 is NaN or infinite;
   * RangeError for a span outside `src` or more bytes than `out` holds. Missing from addons built
   * before it existed (http/embeddings-body.ts then decodes in JS).
   */
  decodeBase64Floats?(src: Uint8Array, spans: Int32Array, out: Uint8Array): boolean;
  /** Returns memory the C allocator holds free to the system (glibc), on a libuv thread; false where unsupported. */
  trimMemory(): Promise<boolean>;
  /** Allocations of at least `bytes` are mapped on their own and unmapped when freed (glibc); false where unsupported. */
  setMmapThreshold(bytes: number): boolean;
  /** At most `arenas` malloc arenas for threads that have none yet (glibc M_ARENA_MAX); false where unsupported. */
  setArenaMax(arenas: number): boolean;
  /** glibc's arenas now, the main one first: each one's bytes from the system (malloc_info); empty where unsupported. */
  mallocArenas(): number[];
  /** Faults in every whole page of the array's memory in one call (Linux MADV_POPULATE_WRITE); false where unsupported. */
  populate(array: Float32Array): boolean;
  /**
   * Whether graphs created or resized from now on put level 0's links and the int8 codes on 2 MiB
   * transparent huge pages (MADV_HUGEPAGE; on by default: fewer TLB misses per search). For A/B runs.
   */
  setHugePages(on: boolean): void;
  build: Build;
}

let loaded: HnswAddon | null = null;

/**
 * Trims the C allocator now (HnswAddon.trimMemory, on a libuv thread); resolves when done,
 * never rejects: without the addon (a storage without vector index on a machine that could not
 * build it) or where it fails there is simply nothing trimmed.
 */
export function trimMemoryNow(): Promise<void> {
  try {
    return hnsw()
      .trimMemory()
      .then(
        () => undefined,
        () => undefined,
      );
  } catch {
    return Promise.resolve();
  }
}

export function hnsw(): HnswAddon {
  if (loaded) return loaded;
  const build = pickBuild(builtOn(), cpuFlags(), process.env.CHROMASPEC_HNSW_BUILD);
  const require = createRequire(import.meta.url);
  try {
    loaded = { ...(require(join(releaseDir, `hnsw_${build}.node`)) as Omit<HnswAddon, "build">), build };
  } catch (err) {
    throw new Error(`the HNSW addon is not built (run \`npm rebuild @chromaspec/server\` or \`node server/native/build.mjs\`): ${String(err)}`);
  }
  return loaded;
}
