/**
 * A collection's live records in memory, one numbered slot each: the vector (in fixed-size
 * chunks, so growing never copies what is there; SharedArrayBuffers, so the ANN worker reads
 * them without copies), its norm, its id and insertion
 * seq, and, while a memory budget allows, the payload (document, uri, metadata JSON) so query
 * results need no trip to LanceDB. LanceDB stays the source of truth: this is a copy, written
 * after each durable LanceDB write and rebuilt from LanceDB on open.
 *
 * Slots of deleted records are reused, so the arrays stay as large as the peak live count.
 * The slot number is also the record's label in the ANN index.
 */
import { vectorNorm } from "./distance.js";
import { CHUNK, CHUNK_BITS } from "./protocol.js";
import { hnsw, type VectorScan } from "./native.js";
import { simdMemory, type Kernels } from "./simd.js";
import { grown } from "./typed-arrays.js";

const PAGE = 65536;
/** Bytes at the start of the WebAssembly memory kept for the query vector of a scan. */
const SCRATCH = PAGE;

export interface Payload {
  document: string | null;
  uri: string | null;
  /** The metadata as stored in LanceDB's metadata_json column. */
  metadataJson: string | null;
}

/** A byte budget shared by every collection's payload cache. */
export class MemoryBudget {
  used = 0;
  constructor(readonly limit: number) {}

  take(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

/** What a payload costs, counted pessimistically (two bytes per UTF-16 unit plus headers). */
function payloadBytes(p: Payload): number {
  return 64 + 2 * ((p.document?.length ?? 0) + (p.uri?.length ?? 0) + (p.metadataJson?.length ?? 0));
}

export class SlotStore {
  /** Vector chunks; CHUNK slots each. */
  readonly chunks: Float32Array[] = [];
  /** Each chunk's byte offset in its buffer (the WebAssembly memory, or its own buffer). */
  private readonly chunkOffsets: number[] = [];
  /** Told about each new chunk (the ANN worker needs to see it). */
  onChunk: ((index: number, buffer: SharedArrayBuffer, byteOffset: number) => void) | null = null;
  /**
   * SIMD distance kernels and the shared WebAssembly memory the chunks live in (null where
   * unavailable, or for dimensions that are not a multiple of 4: then chunks are plain
   * SharedArrayBuffers and scans use the JS kernels).
   */
  readonly kernels: Kernels | null;
  private readonly memory: WebAssembly.Memory | null;
  /** Bulk exact distances in native code over the same chunks (null without the addon). */
  readonly scan: VectorScan | null;
  private readonly scratch: Float32Array | null;
  private norms = new Float32Array(0);
  private seqs = new Float64Array(0);
  private alive = new Uint8Array(0);
  private payloadCost = new Int32Array(0);
  private readonly ids: (string | undefined)[] = [];
  private readonly payloads: (Payload | undefined)[] = [];
  private readonly byId = new Map<string, number>();
  /** seq -> slot + 1 (0: none); seqs are dense enough (insertion order) for an array. */
  private bySeq = new Int32Array(0);
  private readonly free: number[] = [];
  /** Slots ever handed out; every live slot is below it. */
  private top = 0;
  private liveCount = 0;

  constructor(
    readonly dim: number,
    private readonly budget: MemoryBudget,
  ) {
    const wasm = dim % 4 === 0 && dim * 4 <= SCRATCH ? simdMemory(SCRATCH / PAGE) : null;
    this.kernels = wasm?.kernels ?? null;
    this.memory = wasm?.memory ?? null;
    this.scratch = wasm ? new Float32Array(wasm.memory.buffer, 0, dim) : null;
    this.scan = nativeScan(dim);
  }

  /** Shares a chunk: its buffer and where in it the chunk starts. */
  chunkBuffer(index: number): { buffer: SharedArrayBuffer; byteOffset: number } {
    return { buffer: this.chunks[index].buffer as SharedArrayBuffer, byteOffset: this.chunkOffsets[index] };
  }

  /** Puts a query where the kernels read it; returns its pointer (kernels only). */
  setQuery(q: Float32Array): number {
    this.scratch!.set(q);
    return 0;
  }

  /** The kernels' pointer to a slot's vector. */
  pointerOf(slot: number): number {
    return this.chunkOffsets[slot >>> CHUNK_BITS] + (slot & (CHUNK - 1)) * this.dim * 4;
  }

  get live(): number {
    return this.liveCount;
  }

  /** One past the highest slot in use (slots below it may be free). */
  get slotLimit(): number {
    return this.top;
  }

  slotOfId(id: string): number | undefined {
    return this.byId.get(id);
  }

  slotOfSeq(seq: number): number | undefined {
    const s = seq < this.bySeq.length ? this.bySeq[seq] : 0;
    return s === 0 ? undefined : s - 1;
  }

  private setSeq(seq: number, slot: number): void {
    if (seq >= this.bySeq.length) this.bySeq = grown(this.bySeq, seq + 1);
    this.bySeq[seq] = slot + 1;
  }

  isLive(slot: number): boolean {
    return slot < this.top && this.alive[slot] === 1;
  }

  idOf(slot: number): string {
    return this.ids[slot]!;
  }

  seqOf(slot: number): number {
    return this.seqs[slot];
  }

  normOf(slot: number): number {
    return this.norms[slot];
  }

  /** The chunk holding the slot's vector; the vector starts at `offsetOf(slot)`. */
  chunkOf(slot: number): Float32Array {
    return this.chunks[slot >>> CHUNK_BITS];
  }

  offsetOf(slot: number): number {
    return (slot & (CHUNK - 1)) * this.dim;
  }

  /** Every live slot, in slot order. */
  liveSlots(): Int32Array {
    const out = new Int32Array(this.liveCount);
    let n = 0;
    for (let s = 0; s < this.top; s++) if (this.alive[s] === 1) out[n++] = s;
    return out;
  }

  /** A copy of the slot's vector. */
  vector(slot: number): Float32Array {
    const at = this.offsetOf(slot);
    return this.chunkOf(slot).slice(at, at + this.dim);
  }

  /** The cached payload, or undefined when it did not fit the budget (read it from LanceDB). */
  payload(slot: number): Payload | undefined {
    return this.payloads[slot];
  }

  /**
   * Inserts or replaces the record `id`. A replaced record keeps its slot (its seq is the one
   * LanceDB keeps too). Returns the slot and whether it held this id before.
   */
  put(id: string, seq: number, vector: Float32Array, payload: Payload | undefined): { slot: number; replaced: boolean } {
    if (vector.length !== this.dim) throw new Error(`vector of dimension ${vector.length} in a store of dimension ${this.dim}`);
    let slot = this.byId.get(id);
    const replaced = slot !== undefined;
    if (slot === undefined) {
      slot = this.allocate();
      this.byId.set(id, slot);
      this.ids[slot] = id;
      this.alive[slot] = 1;
      this.liveCount++;
    } else if (this.seqs[slot] !== seq) {
      this.bySeq[this.seqs[slot]] = 0;
    }
    this.seqs[slot] = seq;
    this.setSeq(seq, slot);
    this.chunkOf(slot).set(vector, this.offsetOf(slot));
    this.norms[slot] = vectorNorm(vector);
    this.setPayload(slot, payload);
    return { slot, replaced };
  }

  /** Forgets the record in `slot`; the slot is reused later. */
  remove(slot: number): void {
    if (!this.isLive(slot)) return;
    this.byId.delete(this.ids[slot]!);
    this.bySeq[this.seqs[slot]] = 0;
    this.ids[slot] = undefined;
    this.setPayload(slot, undefined);
    this.alive[slot] = 0;
    this.liveCount--;
    this.free.push(slot);
  }

  /** Releases the payload budget this store holds (the store is being dropped). */
  release(): void {
    for (let s = 0; s < this.top; s++) this.setPayload(s, undefined);
  }

  private setPayload(slot: number, payload: Payload | undefined): void {
    const old = this.payloadCost[slot];
    if (old > 0) this.budget.give(old);
    this.payloadCost[slot] = 0;
    this.payloads[slot] = undefined;
    if (!payload) return;
    const cost = payloadBytes(payload);
    if (!this.budget.take(cost)) return;
    this.payloadCost[slot] = cost;
    this.payloads[slot] = payload;
  }

  private addChunk(): void {
    const bytes = CHUNK * this.dim * Float32Array.BYTES_PER_ELEMENT;
    const index = this.chunks.length;
    let buffer: SharedArrayBuffer;
    let offset = 0;
    if (this.memory) {
      offset = SCRATCH + index * bytes;
      const need = Math.ceil((offset + bytes) / PAGE) - this.memory.buffer.byteLength / PAGE;
      if (need > 0) this.memory.grow(need);
      // A shared memory never moves: views made before a grow stay valid.
      buffer = this.memory.buffer as unknown as SharedArrayBuffer;
    } else {
      buffer = new SharedArrayBuffer(bytes);
    }
    this.chunks.push(new Float32Array(buffer, offset, CHUNK * this.dim));
    this.chunkOffsets.push(offset);
    // The store keeps the chunk (and its memory) for as long as the scan can read it.
    this.scan?.setChunk(index, this.chunks[index]);
    this.onChunk?.(index, buffer, offset);
  }

  private allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    const slot = this.top++;
    if ((slot >>> CHUNK_BITS) >= this.chunks.length) this.addChunk();
    this.norms = grown(this.norms, this.top);
    this.seqs = grown(this.seqs, this.top);
    this.alive = grown(this.alive, this.top);
    this.payloadCost = grown(this.payloadCost, this.top);
    return slot;
  }
}

function nativeScan(dim: number): VectorScan | null {
  try {
    return new (hnsw().VectorScan)(dim, CHUNK_BITS);
  } catch {
    return null;
  }
}
