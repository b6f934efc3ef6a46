/**
 * A collection's live records in memory, one numbered slot each: the vector (in fixed-size
 * chunks, so growing never copies what is there; SharedArrayBuffers, so the ANN worker reads
 * them without copies), its norm, its id and insertion
 * seq, and, while a memory budget allows, the payload (document, uri, metadata JSON, kept as one
 * flat string per record) so query results need no trip to LanceDB. LanceDB stays the source of truth: this is a copy, written
 * after each durable LanceDB write and rebuilt from LanceDB on open.
 *
 * Each chunk is a SharedArrayBuffer of its own, so a collection can hold as many vectors as the
 * machine has memory for (one WebAssembly memory per collection, as before, stopped at 4 GiB:
 * ~700k vectors of 1536 dims). Exact distances are summed by the addon over the chunks in place
 * (`sums`), the JS kernels of distance.ts where the addon is missing.
 *
 * Slots of deleted records are reused, so the arrays stay as large as the peak live count.
 * The slot number is also the record's label in the ANN index, and a saved graph names records
 * by slot: a restore puts each record back in its saved slot (`restoreLayout`, `put(..., at)`).
 *
 * Each record also carries its version: the collection's write stamp of the write that last
 * stored it (LanceDB keeps it per row). A saved graph records the version of every node, so a
 * reload can tell which records were written after the save.
 */
import { dotAt, l2At, vectorNorm } from "./distance.js";
import { CHUNK_BITS } from "./protocol.js";
import { hnsw, type VectorScan } from "./native.js";
import { IdIndex } from "./id-index.js";
import { SlotStrings } from "./slot-strings.js";
import { grown } from "./typed-arrays.js";

/** Live records: their number, and the highest seq and version among them (-1: none). */
export interface ContentStamp {
  count: number;
  highestSeq: number;
  highestVersion: number;
}

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

/**
 * What a payload of `units` UTF-16 units in all (document + uri + metadata JSON) is charged to
 * the budget: pessimistically two bytes per unit plus 64 (the bytes and per-slot arrays take
 * ~1-2 per unit plus 34).
 */
const payloadCost = (units: number) => 64 + 2 * units;

const NO_DOCUMENT = 1;
const NO_URI = 2;
const NO_METADATA = 4;

export class SlotStore {
  /** Vector chunks, 2^chunkBits slots each, each on a SharedArrayBuffer of its own. */
  readonly chunks: Float32Array[] = [];
  /** Slots per chunk: 2^chunkBits. */
  readonly chunkRows: number;
  /**
   * |v| of each slot's vector, a chunk of 2^chunkBits float32 beside each vector chunk, each on
   * a SharedArrayBuffer of its own: written with the vector (putFrom, claim), so a cosine graph
   * reading both (hnswlib/cosine-norms.h) always sees a vector's own length, also while a
   * rewritten record waits for the graph to take its update. Not part of the vectors file.
   */
  readonly normChunks: Float32Array[] = [];
  /** Told about each new chunk and its norms (the ANN worker needs to see them). */
  onChunk: ((index: number, buffer: SharedArrayBuffer, norms: SharedArrayBuffer) => void) | null = null;
  /** Bulk exact distances in native code over the chunks (null without the addon). */
  readonly scan: VectorScan | null;
  /** Faults a chunk's pages in at once (null without the addon). */
  private readonly populate: ((chunk: Float32Array) => boolean) | null;
  private seqs = new Float64Array(0);
  private versions = new Float64Array(0);
  private alive = new Uint8Array(0);
  /**
   * Each cached payload as ONE text: the document, then the uri, then the metadata JSON (none:
   * not cached), kept as bytes in one buffer (SlotStrings) rather than a V8 string per record
   * (issue 14 item 6: a { document, uri, metadataJson } object and its strings took ~155 bytes of
   * V8 heap per record of the bench's payloads, one flat string ~88, these bytes ~70 off the
   * heap). Read back by part.
   */
  private readonly payloadText = new SlotStrings();
  /** The document's and the uri's length in payloadText; the metadata JSON is the rest. */
  private docLength = new Int32Array(0);
  private uriLength = new Int32Array(0);
  /** Which of the three are null: NO_DOCUMENT | NO_URI | NO_METADATA. */
  private payloadNulls = new Uint8Array(0);
  private readonly byId = new IdIndex();
  /** seq -> slot + 1 (0: none); seqs are dense enough (insertion order) for an array. */
  private bySeq = new Int32Array(0);
  private readonly free: number[] = [];
  /** Slots ever handed out; every live slot is below it. */
  private top = 0;
  private liveCount = 0;

  /**
   * `chunkBits`: log2 of the slots per chunk. The server uses CHUNK_BITS (1024 vectors, 1.5 MB
   * at 384 dims); tests use tiny chunks to cross many chunk boundaries cheaply. `nativeScans`
   * false sums with the JS kernels even where the addon is available (tests of that path).
   */
  constructor(
    readonly dim: number,
    private readonly budget: MemoryBudget,
    readonly chunkBits: number = CHUNK_BITS,
    nativeScans = true,
  ) {
    this.chunkRows = 1 << chunkBits;
    this.scan = nativeScans ? nativeScan(dim, chunkBits) : null;
    this.populate = this.scan ? hnsw().populate : null;
  }

  /** A chunk's buffer, to share with another thread. */
  chunkBuffer(index: number): SharedArrayBuffer {
    return this.chunks[index].buffer as SharedArrayBuffer;
  }

  /** The buffer of a chunk's norms (normChunks), to share with another thread. */
  normBuffer(index: number): SharedArrayBuffer {
    return this.normChunks[index].buffer as SharedArrayBuffer;
  }

  /**
   * out[i] = the squared l2 distance (kind 0) or the dot product (kind 1) of `q` and the vector
   * of slots[i], for i < n, summed in float64 (the addon in one call, else the JS kernels).
   */
  sums(q: Float32Array, slots: Int32Array, n: number, kind: 0 | 1, out: Float64Array): void {
    if (this.scan) {
      this.scan.distances(q, n === slots.length ? slots : slots.subarray(0, n), kind, out);
      return;
    }
    const dim = this.dim;
    for (let i = 0; i < n; i++) {
      const slot = slots[i];
      out[i] = kind === 0 ? l2At(q, this.chunkOf(slot), this.offsetOf(slot), dim) : dotAt(q, this.chunkOf(slot), this.offsetOf(slot), dim);
    }
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

  /** Every live seq is below this (walk seqs in storage order up to it). */
  get seqLimit(): number {
    return this.bySeq.length;
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

  /**
   * Each slot's seq and version (-1 for a free slot) into `seqs` and `versions`, from slot 0 up
   * to slotLimit: bulk copies, so a graph save's capture (synchronous, on the event loop) costs
   * about a millisecond at 100k slots.
   */
  copyKeys(seqs: Float64Array, versions: Float64Array): void {
    const n = this.top;
    seqs.set(this.seqs.subarray(0, n));
    versions.set(this.versions.subarray(0, n));
    const alive = this.alive;
    for (let slot = 0; slot < n; slot++) {
      if (alive[slot] === 1) continue;
      seqs[slot] = -1;
      versions[slot] = -1;
    }
  }

  /** The id of the record in a live slot. */
  idOf(slot: number): string {
    return this.byId.idOf(slot)!;
  }

  seqOf(slot: number): number {
    return this.seqs[slot];
  }

  versionOf(slot: number): number {
    return this.versions[slot];
  }

  normOf(slot: number): number {
    return this.normChunks[slot >>> this.chunkBits][slot & (this.chunkRows - 1)];
  }

  private setNorm(slot: number, norm: number): void {
    this.normChunks[slot >>> this.chunkBits][slot & (this.chunkRows - 1)] = norm;
  }

  /** The chunk holding the slot's vector; the vector starts at `offsetOf(slot)`. */
  chunkOf(slot: number): Float32Array {
    return this.chunks[slot >>> this.chunkBits];
  }

  offsetOf(slot: number): number {
    return (slot & (this.chunkRows - 1)) * this.dim;
  }

  /** Every live slot, in slot order. */
  liveSlots(): Int32Array {
    const out = new Int32Array(this.liveCount);
    this.liveSlotsInto(out);
    return out;
  }

  /** Writes every live slot, in slot order, to the start of `out` (at least `live` long); returns how many. */
  liveSlotsInto(out: Int32Array): number {
    if (out.length < this.liveCount) throw new RangeError(`liveSlotsInto: ${out.length} entries for ${this.liveCount} live slots`);
    let n = 0;
    for (let s = 0; s < this.top; s++) if (this.alive[s] === 1) out[n++] = s;
    return n;
  }

  /**
   * What identifies the live records' contents (see storage/collection.ts `sameContent`): how
   * many, the highest seq and the highest version among them (-1 each when there are none).
   */
  contentStamp(): ContentStamp {
    let highestSeq = -1;
    let highestVersion = -1;
    for (let s = 0; s < this.top; s++) {
      if (this.alive[s] !== 1) continue;
      if (this.seqs[s] > highestSeq) highestSeq = this.seqs[s];
      if (this.versions[s] > highestVersion) highestVersion = this.versions[s];
    }
    return { count: this.liveCount, highestSeq, highestVersion };
  }

  /** A copy of the slot's vector. */
  vector(slot: number): Float32Array {
    const at = this.offsetOf(slot);
    return this.chunkOf(slot).slice(at, at + this.dim);
  }

  /** The cached payload, or undefined when it did not fit the budget (read it from LanceDB). */
  payload(slot: number): Payload | undefined {
    if (!this.payloadText.has(slot)) return undefined;
    return { document: this.part(slot, NO_DOCUMENT)!, uri: this.part(slot, NO_URI)!, metadataJson: this.part(slot, NO_METADATA)! };
  }

  /** Whether the slot's payload is cached. */
  hasPayload(slot: number): boolean {
    return this.payloadText.has(slot);
  }

  /** The cached metadata JSON alone (null: none; undefined: not cached). */
  metadataJson(slot: number): string | null | undefined {
    return this.part(slot, NO_METADATA);
  }

  /** The cached document alone (null: none; undefined: not cached), for document filters. */
  document(slot: number): string | null | undefined {
    return this.part(slot, NO_DOCUMENT);
  }

  /**
   * One part of a slot's cached payload text (document, then uri, then metadata JSON), named by
   * its null flag: null when that part is null, undefined when the payload is not cached.
   */
  private part(slot: number, which: typeof NO_DOCUMENT | typeof NO_URI | typeof NO_METADATA): string | null | undefined {
    const text = this.payloadText;
    if (!text.has(slot)) return undefined;
    if (this.payloadNulls[slot] & which) return null;
    const documentEnd = this.docLength[slot];
    if (which === NO_DOCUMENT) return text.get(slot, 0, documentEnd);
    const uriEnd = documentEnd + this.uriLength[slot];
    return which === NO_URI ? text.get(slot, documentEnd, uriEnd) : text.get(slot, uriEnd);
  }

  /**
   * Inserts or replaces the record `id`. A replaced record keeps its slot (its seq is the one
   * LanceDB keeps too). A new record goes to slot `at` if given (a slot `restoreLayout` left
   * unclaimed), else to a free one. Returns the slot and whether it held this id before.
   */
  put(id: string, seq: number, version: number, vector: Float32Array, payload: Payload | undefined, at?: number): { slot: number; replaced: boolean } {
    if (vector.length !== this.dim) throw new Error(`vector of dimension ${vector.length} in a store of dimension ${this.dim}`);
    return this.putFrom(id, seq, version, vector, 0, payload, at);
  }

  /** `put` of the vector values[from, from + dim) (a load copies from a batch's vectors back to back). */
  putFrom(id: string, seq: number, version: number, values: Float32Array, from: number, payload: Payload | undefined, at?: number): { slot: number; replaced: boolean } {
    const dim = this.dim;
    if (from < 0 || from + dim > values.length) throw new Error(`vector at ${from} past the end of ${values.length} values`);
    let slot = this.byId.get(id);
    const replaced = slot !== undefined;
    if (slot === undefined) {
      if (at !== undefined && (at >= this.top || this.alive[at] === 1)) throw new Error(`slot ${at} is not free to restore into`);
      slot = at ?? this.allocate();
      this.byId.add(id, slot);
      this.alive[slot] = 1;
      this.liveCount++;
    } else if (this.seqs[slot] !== seq) {
      this.bySeq[this.seqs[slot]] = 0;
    }
    this.seqs[slot] = seq;
    this.versions[slot] = version;
    this.setSeq(seq, slot);
    this.chunkOf(slot).set(from === 0 && values.length === dim ? values : values.subarray(from, from + dim), this.offsetOf(slot));
    this.setNorm(slot, vectorNorm(values, from, dim));
    this.setPayload(slot, payload);
    return { slot, replaced };
  }

  /**
   * A load's record whose vector (of norm `norm`) is already in slot `at`, read there from a
   * saved vectors file (vector-file.ts): a slot `restoreLayout` left unclaimed, taken without copying.
   */
  claim(id: string, seq: number, version: number, norm: number, at: number): void {
    if (at >= this.top || this.alive[at] === 1 || this.byId.get(id) !== undefined) throw new Error(`slot ${at} is not free to restore ${id} into`);
    this.byId.add(id, at);
    this.alive[at] = 1;
    this.liveCount++;
    this.seqs[at] = seq;
    this.versions[at] = version;
    this.setSeq(seq, at);
    this.setNorm(at, norm);
  }

  /**
   * Gives a live record its payload when the slot still holds the record as (seq, version) named
   * it (a load's second half: a record written or deleted since came with its own, or has none);
   * the slot, or undefined when it does not.
   */
  fillPayload(seq: number, version: number, payload: Payload): number | undefined {
    const slot = this.slotOfSeq(seq);
    if (slot === undefined || this.versions[slot] !== version) return undefined;
    this.setPayload(slot, payload);
    return slot;
  }

  /**
   * Makes room for `n` more records with seqs below `seqLimit`, so that the puts that follow
   * allocate nothing that can fail (a vector chunk that cannot grow throws here, before
   * anything is written anywhere; see storage/collection.ts).
   */
  reserve(n: number, seqLimit: number): void {
    const top = this.top + Math.max(0, n - this.free.length);
    while (top > 0 && ((top - 1) >>> this.chunkBits) >= this.chunks.length) this.addChunk();
    this.growArrays(top);
    this.bySeq = grown(this.bySeq, seqLimit);
  }

  /** Forgets the record in `slot`; the slot is reused later. */
  remove(slot: number): void {
    if (!this.isLive(slot)) return;
    this.byId.remove(slot);
    this.bySeq[this.seqs[slot]] = 0;
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
    const held = this.payloadText.length(slot);
    if (held >= 0) this.budget.give(payloadCost(held));
    this.payloadText.delete(slot);
    if (!payload) return;
    const { document, uri, metadataJson } = payload;
    const text = (document ?? "") + (uri ?? "") + (metadataJson ?? "");
    const cost = payloadCost(text.length);
    if (!this.budget.take(cost)) return;
    try {
      this.payloadText.set(slot, text);
    } catch (err) {
      // Past the largest buffer Node allows: not cached, like a payload over the budget (read
      // from LanceDB), rather than a failure after LanceDB has the write.
      this.budget.give(cost);
      if (err instanceof RangeError) return;
      throw err;
    }
    this.docLength[slot] = document?.length ?? 0;
    this.uriLength[slot] = uri?.length ?? 0;
    this.payloadNulls[slot] = (document == null ? NO_DOCUMENT : 0) | (uri == null ? NO_URI : 0) | (metadataJson == null ? NO_METADATA : 0);
  }

  private addChunk(): void {
    const index = this.chunks.length;
    const buffer = new SharedArrayBuffer(this.chunkRows * this.dim * Float32Array.BYTES_PER_ELEMENT);
    const norms = new SharedArrayBuffer(this.chunkRows * Float32Array.BYTES_PER_ELEMENT);
    this.chunks.push(new Float32Array(buffer));
    this.normChunks.push(new Float32Array(norms));
    // The store keeps the chunk (and its memory) for as long as the scan can read it.
    this.scan?.setChunk(index, this.chunks[index]);
    this.onChunk?.(index, buffer, norms);
  }

  /**
   * Before a restore, on an empty store: slots [0, slots) exist and are neither live nor free,
   * for `put(..., at)` to fill; `releaseUnclaimed` frees the rest once every record is in.
   * `populate`: the vectors will be copied in here, on this thread (from LanceDB's batches).
   */
  restoreLayout(slots: number, populate = true): void {
    if (this.top !== 0) throw new Error("restoreLayout on a store that has slots");
    this.top = slots;
    while (((slots - 1) >>> this.chunkBits) >= this.chunks.length && slots > 0) this.addChunk();
    // The load fills these slots next: their pages are faulted in at once, which on a VM costs a
    // fraction of faulting them in one by one as vectors are copied in (not for chunks of the
    // write path: a collection's last chunk would then take all its memory however few records
    // it has). Not when a file's reads fill them (vector-file.ts): the kernel faults the pages in
    // as it copies, on libuv's pool, where a populate pass holds this thread (1-3 s per 1.5 GB
    // on the busy 2-core VM) for no gain (bench/vector-load.ts: populate + read 1.1-3.4 s, read
    // alone 0.6-2.6 s).
    if (this.populate && populate) for (const chunk of this.chunks) this.populate(chunk);
    this.growArrays();
  }

  /** After a restore: the slots no record claimed become free. */
  releaseUnclaimed(): void {
    // A mark per slot, not a Set: V8's Set stops at 2^24 entries.
    const taken = new Uint8Array(this.top);
    for (const s of this.free) taken[s] = 1;
    for (let s = this.top - 1; s >= 0; s--) if (this.alive[s] === 0 && taken[s] === 0) this.free.push(s);
  }

  private growArrays(top = this.top): void {
    this.seqs = grown(this.seqs, top);
    this.versions = grown(this.versions, top);
    this.alive = grown(this.alive, top);
    this.docLength = grown(this.docLength, top);
    this.uriLength = grown(this.uriLength, top);
    this.payloadNulls = grown(this.payloadNulls, top);
  }

  private allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    const slot = this.top++;
    if ((slot >>> this.chunkBits) >= this.chunks.length) this.addChunk();
    this.growArrays();
    return slot;
  }
}

function nativeScan(dim: number, chunkBits: number): VectorScan | null {
  try {
    return new (hnsw().VectorScan)(dim, chunkBits);
  } catch {
    return null;
  }
}
