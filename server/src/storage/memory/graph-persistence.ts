/**
 * The memory side of saved graphs (the bytes go wherever the composer stores them: a
 * `GraphSaver`): when a graph is worth saving, what a save records about each slot, and, on a
 * restart, which ops bring a saved graph up to the records loaded from LanceDB.
 *
 * What "saved up to here" means: a save records, per slot, the record (seq) and the version of
 * it the graph node was built from; slots whose latest change is still queued for the graph
 * are recorded as unknown (-1). On load, a node whose slot now holds the same seq at the same
 * version is kept as it is; anything else (records written or deleted since, slots reused) is
 * replayed as an op. Versions are stamped by the composer on every written row, so an upsert
 * that keeps its seq is still seen as new.
 */
import type { Graph } from "./hnsw-graph.js";
import type { SlotArrays, Snapshot, SnapshotPart } from "./graph-snapshot.js";
import { OP_DELETE, OP_UPSERT } from "./protocol.js";
import type { SlotStore } from "./slots.js";

/** Where saved graphs go (the composer stores them beside the collection's table). */
export interface GraphSaver {
  /** Stores a snapshot, given as parts to write one after the other, replacing the previous one. */
  save(parts: Uint8Array[]): Promise<void>;
  /**
   * As save, with the graph's bytes read in pieces while they are written (local files): no
   * second copy of the graph (~150 MB at 1M x 384) is made. The index keeps the graph unchanged
   * until this resolves. Absent: save() gets the bytes whole.
   */
  saveStreamed?(parts: SnapshotPart[]): Promise<void>;
  /**
   * Saves the store's vectors beside the graph (local data directories: vector-file.ts),
   * resolving to the bytes written; absent: vectors are read from LanceDB on a restart.
   */
  saveVectors?(store: SlotStore): Promise<number>;
}

/** The pino-shaped logger the index reports to (start-up, rebuilds, saves). */
export interface IndexLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  /** Moments worth seeing when tracing (the graph's move to the main thread, a save starting). */
  debug?(fields: object, message: string): void;
}

/**
 * A save is due once this many ops are not in the last one, or 1% of the records if more:
 * replaying that many inserts at a restart costs about what a save costs (both ~linear), and a
 * million-record graph is not rewritten for every thousand writes. (Upstream saves its index
 * every `sync_threshold` = 1000 writes.)
 */
export const SAVE_MIN_OPS = 1000;
export const SAVE_FRACTION = 0.01;
/** After a save of d ms the next waits d x this: saving takes at most ~1/10 of the time. */
export const SAVE_SPACING = 10;
/** After a failed save, the next try waits this long (then twice as long, up to 10 minutes). */
export const SAVE_RETRY_MS = 5_000;

/** When to save: counts ops not in the last save, spaces saves, backs off after failures. */
export class SavePolicy {
  /** Ops the last saved snapshot does not reflect. */
  unsaved = 0;
  /** Not before this time (ms, Date.now()). */
  private notBefore = 0;
  private retryMs = SAVE_RETRY_MS;

  due(live: number, now = Date.now()): "now" | "later" | "no" {
    if (this.unsaved === 0 || this.unsaved < Math.max(SAVE_MIN_OPS, SAVE_FRACTION * live)) return "no";
    return now >= this.notBefore ? "now" : "later";
  }

  /** How long until a save may start. */
  wait(now = Date.now()): number {
    return Math.max(0, this.notBefore - now);
  }

  /** A save of `captured` ops took `ms`. */
  saved(captured: number, ms: number, now = Date.now()): void {
    this.unsaved = Math.max(0, this.unsaved - captured);
    this.notBefore = now + SAVE_SPACING * ms;
    this.retryMs = SAVE_RETRY_MS;
  }

  failed(now = Date.now()): void {
    this.notBefore = now + this.retryMs;
    this.retryMs = Math.min(2 * this.retryMs, 600_000);
  }
}

/**
 * What a save records per slot, into `out` (arrays of max(store.slotLimit, graph.labelLimit)
 * entries, as slotMapLength; seqs and versions -1, present 0 on entry): seq (-1: no record),
 * version (-1: the graph may not reflect it: its change is still queued) and whether the label
 * is in the graph. `pending` lists the slots with a change the graph has not applied (repeats
 * are harmless).
 */
export function captureSlotMap(store: SlotStore, graph: Graph, pending: Iterable<number>, out: SlotArrays): void {
  const n = out.seqs.length;
  store.copyKeys(out.seqs, out.versions);
  graph.copyPresent(out.present);
  for (const slot of pending) if (slot < n) out.versions[slot] = -1;
}

/** Entries of a save's slot map: every slot the store or the graph has used. */
export function slotMapLength(store: SlotStore, graph: Graph): number {
  return Math.max(store.slotLimit, graph.labelLimit);
}

/**
 * The slot each saved record (by seq) had: where a restore puts it back. A typed array indexed
 * by seq (as SlotStore's own), not a Map: V8's Map stops at 2^24 entries, below the record
 * counts a collection can reach in this machine's memory.
 */
export class SavedSlots {
  static readonly none = new SavedSlots(new Int32Array(0));

  /** slot + 1 per seq; 0: no saved record has that seq. */
  private constructor(private readonly bySeq: Int32Array) {}

  static of(snapshot: Snapshot): SavedSlots {
    return SavedSlots.ofSeqs(snapshot.seqs);
  }

  /** From a saved seq per slot (-1: none). */
  static ofSeqs(seqs: Float64Array): SavedSlots {
    let max = -1;
    for (let slot = 0; slot < seqs.length; slot++) {
      const seq = seqs[slot];
      if (seq < 0) continue;
      if (!Number.isInteger(seq) || seq >= 2 ** 31) throw new Error(`damaged graph snapshot: slot ${slot} has seq ${seq}`);
      if (seq > max) max = seq;
    }
    const bySeq = new Int32Array(max + 1);
    for (let slot = 0; slot < seqs.length; slot++) if (seqs[slot] >= 0) bySeq[seqs[slot]] = slot + 1;
    return new SavedSlots(bySeq);
  }

  get(seq: number): number | undefined {
    const s = seq < this.bySeq.length ? this.bySeq[seq] : 0;
    return s === 0 ? undefined : s - 1;
  }
}

export interface Replay {
  kinds: Uint8Array;
  slots: Int32Array;
  upserts: number;
  deletes: number;
  /** Graph nodes kept as they were saved. */
  kept: number;
}

/**
 * The ops that bring a saved graph up to the store as loaded: an upsert for every record the
 * graph should hold but does not hold as it is now, a delete for every label it holds that it
 * should not. `inGraph(slot)` says whether a live slot belongs in the graph (cosine zero
 * vectors do not).
 */
export function replayOps(snapshot: Snapshot, store: SlotStore, inGraph: (slot: number) => boolean): Replay {
  const { seqs, versions, present } = snapshot;
  const n = Math.max(store.slotLimit, present.length);
  const kinds: number[] = [];
  const slots: number[] = [];
  let kept = 0;
  for (let slot = 0; slot < n; slot++) {
    const saved = slot < present.length && present[slot] === 1;
    const wanted = store.isLive(slot) && inGraph(slot);
    if (wanted) {
      const same = saved && versions[slot] >= 0 && seqs[slot] === store.seqOf(slot) && versions[slot] === store.versionOf(slot);
      if (same) kept++;
      else {
        kinds.push(OP_UPSERT);
        slots.push(slot);
      }
    } else if (saved) {
      kinds.push(OP_DELETE);
      slots.push(slot);
    }
  }
  const deletes = kinds.filter((k) => k === OP_DELETE).length;
  return { kinds: Uint8Array.from(kinds), slots: Int32Array.from(slots), upserts: kinds.length - deletes, deletes, kept };
}
