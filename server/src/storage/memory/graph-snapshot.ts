/**
 * A saved graph: the HNSW graph's bytes (the addon's format, self-checked: graph-file.h) and,
 * per slot, which record each graph node was built from. A saved graph is only ever a hint: on
 * load, every node is checked against the records as LanceDB has them now (the same seq, i.e.
 * the same record, and the same version, i.e. not written since), and whatever differs (records
 * added, replaced or deleted after the save) is replayed into the graph. So a stale snapshot
 * costs replay time, never a wrong answer, and a damaged one costs a rebuild.
 *
 * Layout (little-endian):
 *   "CSGSNAP1" | u32 header length | header JSON (SnapshotHeader) | zero padding to 8 |
 *   seqs: f64 x slots (-1: no record) | versions: f64 x slots (-1: the graph may not reflect
 *   the record's current version) | present: u8 x slots (1: the slot's label is in the graph and
 *   not deleted) | zero padding to 8 | u64 XXH64 of everything before it | graph bytes
 */
import type { DistanceSpace } from "../storage.js";
import { hnsw } from "./native.js";

const MAGIC = "CSGSNAP1";
const FORMAT = 1;

export interface SnapshotHeader {
  format: number;
  space: DistanceSpace;
  dim: number;
  m: number;
  efConstruction: number;
  /** Entries of the slot arrays. */
  slots: number;
  /** Length of the graph bytes at the end. */
  graphBytes: number;
  /** Live records in the collection when it was saved (logs). */
  records: number;
  /** When it was saved (ms since the epoch; logs). */
  savedAt: number;
}

export interface Snapshot {
  header: SnapshotHeader;
  seqs: Float64Array;
  versions: Float64Array;
  present: Uint8Array;
  /** The graph's bytes: a view into the snapshot's buffer. */
  graph: Uint8Array;
}

/** A snapshot that cannot be used; `message` says why (for the log). */
export class DamagedSnapshot extends Error {
  constructor(message: string) {
    super(`damaged graph snapshot: ${message}`);
    this.name = "DamagedSnapshot";
  }
}

const pad8 = (n: number) => (n + 7) & ~7;

/**
 * Bytes read in pieces instead of held whole: a graph's (HnswGraph.bytes()), which a file save
 * writes through one small buffer (memory/graph-file.ts) rather than a second copy of the graph
 * (~150 MB at 1M x 384). `read` fills `out` with bytes [offset, offset + out.length) and rejects
 * a range past `length`; what it reads must not change until the save's last piece.
 */
export interface PiecewiseBytes {
  readonly length: number;
  read(out: Uint8Array, offset: number): Promise<unknown>;
}

/** One part of a snapshot to store: bytes, or bytes to read in pieces. */
export type SnapshotPart = Uint8Array | PiecewiseBytes;

/** A snapshot's slot arrays, to fill: views into its prefix (encodeSnapshotPrefix). */
export interface SlotArrays {
  seqs: Float64Array;
  versions: Float64Array;
  present: Uint8Array;
}

/**
 * The snapshot's first part, everything before the graph's `graphBytes` bytes (which are stored
 * right after it): header, the slot arrays of `slots` entries, which `fill` writes in place
 * (seqs and versions arrive as -1, present as 0), and the checksum, computed after `fill`.
 * Filled in place rather than copied from arrays of the caller's: a save then holds one copy of
 * the slot map (17 B per slot: ~17 MB at 1M), not two.
 */
export function encodeSnapshotPrefix(header: Omit<SnapshotHeader, "format" | "slots" | "graphBytes">, slots: number, graphBytes: number, fill: (arrays: SlotArrays) => void): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify({ format: FORMAT, ...header, slots, graphBytes } satisfies SnapshotHeader));
  const arraysAt = pad8(12 + json.length);
  const checksumAt = pad8(arraysAt + slots * 17);
  // Shared memory, as the graph's bytes (Graph.serialize): a save's thread reads it without a copy.
  const prefix = new Uint8Array(new SharedArrayBuffer(checksumAt + 8));
  const view = new DataView(prefix.buffer);
  prefix.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(8, json.length, true);
  prefix.set(json, 12);
  const seqs = new Float64Array(prefix.buffer, arraysAt, slots).fill(-1);
  const versions = new Float64Array(prefix.buffer, arraysAt + slots * 8, slots).fill(-1);
  fill({ seqs, versions, present: prefix.subarray(arraysAt + slots * 16, arraysAt + slots * 17) });
  view.setBigUint64(checksumAt, hnsw().hash64(prefix.subarray(0, checksumAt)), true);
  return prefix;
}

/**
 * Parses and checks a snapshot (everything but the graph's bytes, which the addon checks as it
 * loads them); throws DamagedSnapshot. The arrays are copies; `graph` is a view of `bytes`.
 */
export function decodeSnapshot(bytes: Uint8Array): Snapshot {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) throw new DamagedSnapshot("not a graph snapshot");
  const jsonLength = view.getUint32(8, true);
  if (12 + jsonLength > bytes.length) throw new DamagedSnapshot("truncated header");
  let header: SnapshotHeader;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(12, 12 + jsonLength))) as SnapshotHeader;
  } catch {
    throw new DamagedSnapshot("unreadable header");
  }
  const { slots, graphBytes } = header ?? {};
  if (header?.format !== FORMAT) throw new DamagedSnapshot(`format ${String(header?.format)} is not supported`);
  if (!Number.isSafeInteger(slots) || slots < 0 || !Number.isSafeInteger(graphBytes) || graphBytes < 0) throw new DamagedSnapshot("bad sizes in the header");
  const arraysAt = pad8(12 + jsonLength);
  const checksumAt = pad8(arraysAt + slots * 17);
  if (checksumAt + 8 + graphBytes !== bytes.length) throw new DamagedSnapshot("truncated or padded");
  if (view.getBigUint64(checksumAt, true) !== hnsw().hash64(bytes.subarray(0, checksumAt))) throw new DamagedSnapshot("checksum mismatch");
  // Copies: the arrays must not keep the (large) snapshot buffer alive, nor be 8-aligned in it.
  const at = bytes.byteOffset + arraysAt;
  const seqs = new Float64Array(bytes.buffer.slice(at, at + slots * 8));
  const versions = new Float64Array(bytes.buffer.slice(at + slots * 8, at + slots * 16));
  const present = bytes.slice(arraysAt + slots * 16, arraysAt + slots * 17);
  return { header, seqs, versions, present, graph: bytes.subarray(checksumAt + 8) };
}
