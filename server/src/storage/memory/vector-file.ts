/**
 * Saved vectors: a collection's slot store written to a plain file beside its saved graph, so
 * a restart reads the vectors at file speed straight into the store's chunks instead of
 * through LanceDB's column read (~15-20 ns/byte on 2 cores: ~24 s for 1M x 384, against a
 * fraction of a second from the page cache or ~1 GB/s from disk). Local data directories
 * only (storage/open.ts): on an object store the vectors are read from LanceDB as before.
 *
 * Like a saved graph, the file is only a hint: it records per slot the record (seq) and the
 * version whose vector it holds, and a load uses a slot's bytes only for the LanceDB row with
 * that same (seq, version) going back to that same slot; every other row (written, replaced
 * or deleted since, slots moved) gets its vector from LanceDB. So a file older or newer than
 * the graph, one from another replica, or one left by a crash costs LanceDB reads, never a
 * wrong answer; a damaged one (bad checksum, truncated, other dimension or collection) is not
 * used at all (per chunk for the vector bytes, which carry a checksum each).
 *
 * Layout (little-endian):
 *   "CSVECS01" | u32 header length | header JSON (VectorFileHeader) | zero padding to 8 |
 *   seqs: f64 x slots (-1: no record) | versions: f64 x slots (-1: not usable) |
 *   norms: f32 x slots | zero padding to 8 | XXH64 per chunk of vectors: u64 x chunks |
 *   u64 XXH64 of everything before it | zero padding to 4096 |
 *   vectors: f32 x dim x slots, in slot order (chunk i, 2^chunkBits slots, at i x its size)
 *
 * A save replaces the file atomically (util/saved-file.ts: temporary file, fsync, rename, directory
 * fsync): a reader (or a restart after a crash) sees the old file or the new one whole.
 */
import { open, type FileHandle } from "node:fs/promises";
import { readFully, removeSavedFile, writeAtomically, writeFully } from "../../util/saved-file.js";
import { hnsw } from "./native.js";
import type { SlotStore } from "./slots.js";

const MAGIC = "CSVECS01";
const FORMAT = 1;
/** The vectors start on a page boundary (reads straight into page-aligned chunks). */
const DATA_ALIGN = 4096;
/** Chunk reads in flight during a load (the disk and the hashing overlap). */
const READS_IN_FLIGHT = 4;

export interface VectorFileHeader {
  format: number;
  /** The collection whose vectors these are (a file copied or renamed elsewhere is refused). */
  collection: string;
  dim: number;
  chunkBits: number;
  /** Entries of the slot arrays; the vector region holds this many vectors. */
  slots: number;
  /** Live records when saved, and when (ms since the epoch): logs. */
  records: number;
  savedAt: number;
}

/** A vectors file that cannot be used; `message` says why (for the log). */
export class DamagedVectorFile extends Error {
  constructor(message: string) {
    super(`damaged saved vectors: ${message}`);
    this.name = "DamagedVectorFile";
  }
}

const pad = (n: number, to: number) => Math.ceil(n / to) * to;

/** Where each part of a file with this header length and slot count lies. */
function layout(jsonLength: number, slots: number, dim: number, chunkBits: number) {
  const chunks = Math.ceil(slots / 2 ** chunkBits);
  const arraysAt = pad(12 + jsonLength, 8);
  const hashesAt = pad(arraysAt + slots * 20, 8);
  const checksumAt = hashesAt + chunks * 8;
  const dataAt = pad(checksumAt + 8, DATA_ALIGN);
  return { chunks, arraysAt, hashesAt, checksumAt, dataAt, size: dataAt + slots * dim * 4, chunkBytes: 2 ** chunkBits * dim * 4 };
}

/**
 * Writes the store's vectors to `path` (atomically, see above) and resolves to the file's size.
 * The slot map is captured at once; the chunks are then copied one at a time between awaits,
 * so writes may change slots meanwhile: a slot whose record or version is not the captured one
 * once every chunk is written is recorded as not usable (its bytes may be torn).
 */
export async function writeVectorFile(path: string, store: SlotStore, meta: { collection: string }): Promise<number> {
  // Up to the last live slot: a restored store's layout may reach further (the graph's capacity).
  let slots = store.slotLimit;
  while (slots > 0 && !store.isLive(slots - 1)) slots--;
  const { dim, chunkBits } = store;
  let records = 0;
  for (let s = 0; s < slots; s++) if (store.isLive(s)) records++;
  const header: VectorFileHeader = { format: FORMAT, collection: meta.collection, dim, chunkBits, slots, records, savedAt: Date.now() };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const at = layout(json.length, slots, dim, chunkBits);
  // The slot map is captured straight into the file's prefix (no second copy of it: 20 MB at
  // 1M slots, held for the whole save, which can still be under way when the bench reads RSS).
  const prefix = new Uint8Array(at.dataAt);
  const seqs = new Float64Array(prefix.buffer, at.arraysAt, slots).fill(-1);
  const versions = new Float64Array(prefix.buffer, at.arraysAt + slots * 8, slots).fill(-1);
  const norms = new Float32Array(prefix.buffer, at.arraysAt + slots * 16, slots);
  for (let s = 0; s < slots; s++) {
    if (!store.isLive(s)) continue;
    seqs[s] = store.seqOf(s);
    versions[s] = store.versionOf(s);
    norms[s] = store.normOf(s);
  }
  const hashes = new BigUint64Array(prefix.buffer, at.hashesAt, at.chunks);
  await writeAtomically(path, async (fh) => {
    // The chunk is copied before it is hashed and written: the bytes hashed are the bytes written.
    const scratch = Buffer.allocUnsafe(Math.min(at.chunkBytes, slots * dim * 4));
    for (let i = 0; i < at.chunks; i++) {
      const bytes = Math.min(at.chunkBytes, (slots - i * 2 ** chunkBits) * dim * 4);
      const chunk = store.chunks[i];
      scratch.set(new Uint8Array(chunk.buffer, chunk.byteOffset, bytes));
      const piece = scratch.subarray(0, bytes);
      hashes[i] = hnsw().hash64(piece);
      await writeFully(fh, piece, at.dataAt + i * at.chunkBytes);
    }
    for (let s = 0; s < slots; s++) {
      if (versions[s] >= 0 && !(store.isLive(s) && store.seqOf(s) === seqs[s] && store.versionOf(s) === versions[s])) versions[s] = -1;
    }
    const view = new DataView(prefix.buffer);
    prefix.set(new TextEncoder().encode(MAGIC), 0);
    view.setUint32(8, json.length, true);
    prefix.set(json, 12);
    view.setBigUint64(at.checksumAt, hnsw().hash64(prefix.subarray(0, at.checksumAt)), true);
    await writeFully(fh, prefix, 0);
  });
  return at.size;
}

/** Removes a collection's saved vectors (the collection is dropped), with dead processes' temporary files of them; no file is fine. */
export async function removeVectorFile(path: string): Promise<void> {
  await removeSavedFile(path);
}

/** An open, checked vectors file: its slot map in memory, its vectors read on demand. */
export class VectorFile {
  private constructor(
    private readonly fh: FileHandle,
    readonly header: VectorFileHeader,
    readonly seqs: Float64Array,
    readonly versions: Float64Array,
    readonly norms: Float32Array,
    private readonly hashes: BigUint64Array,
    private readonly dataAt: number,
  ) {}

  /**
   * Opens `path` and checks it is a whole vectors file of `expect.collection` with `expect`'s
   * dimension and chunk size: null when there is no file; throws DamagedVectorFile otherwise.
   */
  static async open(path: string, expect: { collection: string; dim: number; chunkBits: number }): Promise<VectorFile | null> {
    let fh: FileHandle;
    try {
      fh = await open(path, "r");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
    try {
      return await VectorFile.check(fh, expect);
    } catch (err) {
      await fh.close().catch(() => undefined);
      throw err;
    }
  }

  private static async check(fh: FileHandle, expect: { collection: string; dim: number; chunkBits: number }): Promise<VectorFile> {
    const size = (await fh.stat()).size;
    const start = new Uint8Array(12);
    if (!(await readFully(fh, start, 0)) || new TextDecoder().decode(start.subarray(0, 8)) !== MAGIC) throw new DamagedVectorFile("not a vectors file");
    const jsonLength = new DataView(start.buffer).getUint32(8, true);
    if (12 + jsonLength > size) throw new DamagedVectorFile("truncated header");
    const json = new Uint8Array(jsonLength);
    await readFully(fh, json, 12);
    let header: VectorFileHeader;
    try {
      header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(json)) as VectorFileHeader;
    } catch {
      throw new DamagedVectorFile("unreadable header");
    }
    if (header?.format !== FORMAT) throw new DamagedVectorFile(`format ${String(header?.format)} is not supported`);
    const { slots, dim, chunkBits } = header;
    if (![slots, dim, chunkBits].every((n) => Number.isSafeInteger(n) && n >= 0) || chunkBits > 30) throw new DamagedVectorFile("bad sizes in the header");
    if (header.collection !== expect.collection) throw new DamagedVectorFile(`saved for collection ${String(header.collection)}`);
    if (dim !== expect.dim) throw new DamagedVectorFile(`dimension ${dim}, the collection has ${expect.dim}`);
    if (chunkBits !== expect.chunkBits) throw new DamagedVectorFile(`chunks of 2^${chunkBits} slots, the store uses 2^${expect.chunkBits}`);
    const at = layout(jsonLength, slots, dim, chunkBits);
    if (size !== at.size) throw new DamagedVectorFile(`${size} bytes where ${at.size} were written (truncated or padded)`);
    const prefix = new Uint8Array(at.checksumAt + 8);
    await readFully(fh, prefix, 0);
    const view = new DataView(prefix.buffer);
    if (view.getBigUint64(at.checksumAt, true) !== hnsw().hash64(prefix.subarray(0, at.checksumAt))) throw new DamagedVectorFile("checksum mismatch");
    const seqs = new Float64Array(prefix.buffer.slice(at.arraysAt, at.arraysAt + slots * 8));
    const versions = new Float64Array(prefix.buffer.slice(at.arraysAt + slots * 8, at.arraysAt + slots * 16));
    const norms = new Float32Array(prefix.buffer.slice(at.arraysAt + slots * 16, at.arraysAt + slots * 20));
    const hashes = new BigUint64Array(prefix.buffer.slice(at.hashesAt, at.hashesAt + at.chunks * 8));
    return new VectorFile(fh, header, seqs, versions, norms, hashes, at.dataAt);
  }

  /**
   * Reads the saved vectors of chunks [0, count) straight into `chunks` (the store's, same
   * chunk size); resolves to which chunks arrived intact (checksum), the others to be ignored.
   */
  async readInto(chunks: readonly Float32Array[]): Promise<Uint8Array> {
    const { dim, chunkBits, slots } = this.header;
    const rows = 2 ** chunkBits;
    const count = Math.min(chunks.length, this.hashes.length);
    const ok = new Uint8Array(count);
    let next = 0;
    const reader = async () => {
      while (next < count) {
        const i = next++;
        const bytes = Math.min(rows, slots - i * rows) * dim * 4;
        const chunk = chunks[i];
        const into = new Uint8Array(chunk.buffer, chunk.byteOffset, bytes);
        if (!(await readFully(this.fh, into, this.dataAt + i * rows * dim * 4))) continue;
        ok[i] = hnsw().hash64(into) === this.hashes[i] ? 1 : 0;
      }
    };
    await Promise.all(Array.from({ length: READS_IN_FLIGHT }, reader));
    return ok;
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}
