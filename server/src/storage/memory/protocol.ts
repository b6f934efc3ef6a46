/**
 * Messages between the main thread and the ANN worker. One worker serves every collection of a
 * storage; `ix` names the collection's graph there. Ops of one graph are numbered 1, 2, 3...
 * in the order the main thread sent them, and the worker applies them in that order, so "op n
 * applied" means every op up to n is in the graph and none after it. Vectors are not sent:
 * the worker reads them from the slot store's chunks, SharedArrayBuffers both threads see.
 */
import type { DistanceSpace } from "../storage.js";
import type { GraphState } from "./hnsw-graph.js";

/** log2 of the slots per vector chunk of the slot store (a chunk is 2^CHUNK_BITS x dim float32). */
export const CHUNK_BITS = 10;

/**
 * The worker's start data: `activity[0]` is the wall-clock ms (Date.now()) of the main thread's
 * latest write. While writes come in, the worker indexes on fewer threads and leaves the main
 * thread a core; once they stop, it uses them all.
 */
export interface WorkerStart {
  activity: SharedArrayBuffer;
}

export const OP_UPSERT = 0;
export const OP_DELETE = 1;

export interface CreateMessage {
  t: "create";
  ix: number;
  dim: number;
  space: DistanceSpace;
  m: number;
  efConstruction: number;
  seed: number;
  /** log2 of the slots per chunk. */
  chunkBits: number;
  /** Searches traverse int8 copies of the vectors and re-rank exactly (Graph.create); default false. */
  quantized?: boolean;
  /**
   * A saved graph to start from instead of an empty one: its bytes (HnswIndex.restore) and the
   * saved slot map's `present` marks, which its labels must match. The worker answers with
   * `applied` op 0 once it is loaded, or an error (then the index rebuilds).
   */
  saved?: { graph: Uint8Array; present: Uint8Array };
  /** The slot store's vector chunks so far, 2^chunkBits x dim float32 each (more follow as `chunk` messages). */
  chunks: SharedArrayBuffer[];
  /** Their norms (slots.ts normChunks), one buffer of 2^chunkBits float32 per chunk. */
  norms: SharedArrayBuffer[];
}

export interface ChunkMessage {
  t: "chunk";
  ix: number;
  index: number;
  buffer: SharedArrayBuffer;
  /** The chunk's norms (slots.ts normChunks). */
  norms: SharedArrayBuffer;
}

export interface OpsMessage {
  t: "ops";
  ix: number;
  /** Number of the first op; the others follow consecutively. */
  first: number;
  kinds: Uint8Array;
  slots: Int32Array;
}

export interface SearchMessage {
  t: "search";
  ix: number;
  req: number;
  /** `n` query vectors, packed. */
  queries: Float32Array;
  n: number;
  k: number;
  ef: number;
  /** Bitset over slots: only these may be returned (a prefiltered search); null = any. */
  allowed: Uint8Array | null;
}

/** Detach the graph (all ops sent so far applied) for the main thread to adopt. */
export interface ExportMessage {
  t: "export";
  ix: number;
  req: number;
}

export interface DropMessage {
  t: "drop";
  ix: number;
}

/**
 * Stop: the worker exits by itself between two pieces of work. (Terminating it from outside
 * could interrupt hnswlib's native code mid-call, which aborts the whole process.)
 */
export interface CloseMessage {
  t: "close";
}

export type ToWorker = CreateMessage | ChunkMessage | OpsMessage | SearchMessage | ExportMessage | DropMessage | CloseMessage;

export interface AppliedMessage {
  t: "applied";
  ix: number;
  op: number;
}

export interface ResultMessage {
  t: "result";
  ix: number;
  req: number;
  /** Ops applied when the search ran: its answer reflects exactly those. */
  applied: number;
  /** k labels per query, -1 where fewer were found. */
  labels: Int32Array;
}

export interface ExportedMessage {
  t: "exported";
  ix: number;
  req: number;
  /** Ops in the detached graph. */
  applied: number;
  /** The addon's handle of the detached graph (see HnswIndex.detach). */
  handle: number;
  state: GraphState;
}

export interface ErrorMessage {
  t: "error";
  ix: number;
  /** Set when the error answers a search. */
  req?: number;
  message: string;
}

export type FromWorker = AppliedMessage | ResultMessage | ExportedMessage | ErrorMessage;
