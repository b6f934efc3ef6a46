/**
 * Messages between the main thread and the ANN worker. One worker serves every collection of a
 * storage; `ix` names the collection's index there. Ops of one index are numbered 1, 2, 3...
 * in the order the main thread sent them, and the worker applies them in that order, so "op n
 * applied" means every op up to n is in the graph and none after it.
 */
import type { DistanceSpace } from "../../core/model.js";

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
}

export interface OpsMessage {
  t: "ops";
  ix: number;
  /** Number of the first op; the others follow consecutively. */
  first: number;
  kinds: Uint8Array;
  slots: Int32Array;
  /** The vectors of the upserts, in order, packed. */
  vectors: Float32Array;
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

export interface DropMessage {
  t: "drop";
  ix: number;
}

export type ToWorker = CreateMessage | OpsMessage | SearchMessage | DropMessage;

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

export interface ErrorMessage {
  t: "error";
  ix: number;
  /** Set when the error answers a search. */
  req?: number;
  message: string;
}

export type FromWorker = AppliedMessage | ResultMessage | ErrorMessage;
