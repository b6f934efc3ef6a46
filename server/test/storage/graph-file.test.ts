/**
 * Graphs as bytes (server/native/src/graph-file.h): a saved and restored graph answers exactly as
 * the one saved, in each space; damaged bytes (truncated, flipped, or consistent with their
 * checksum but impossible) are refused with "damaged graph file", never followed.
 */
import { describe, expect, it } from "vitest";
import { hnsw, type HnswIndex } from "../../src/storage/memory/native.js";
import { mulberry32 } from "../helpers/random.js";

const DIM = 8;
const BITS = 5;
const ROWS = 1 << BITS;
/** The graph file header's size and where its checksum sits (graph-file.h). */
const HEADER = 72;
const CHECKSUM_AT = 64;

/** Memory graphs read in place must outlive them (the slot store guarantees this in the server). */
const keepAlive: Float32Array[] = [];

function points(n: number, seed: number): Float32Array {
  const r = mulberry32(seed);
  const v = new Float32Array(n * DIM);
  for (let i = 0; i < v.length; i++) v[i] = r() * 2 - 1;
  return v;
}

/** A fresh graph over `store` (row i = label i), in chunks of ROWS rows; small M so it has levels. */
function graphOn(store: Float32Array, space: string, m = 4): HnswIndex {
  const ix = new (hnsw().HnswIndex)(space, DIM, 64, m, 40, 100, BITS);
  for (let c = 0; c * ROWS * DIM < store.length; c++) ix.setChunk(c, store.subarray(c * ROWS * DIM, (c + 1) * ROWS * DIM));
  return ix;
}

function storeOf(data: Float32Array): Float32Array {
  const store = new Float32Array(Math.ceil(data.length / DIM / ROWS) * ROWS * DIM);
  store.set(data);
  keepAlive.push(store);
  return store;
}

/** A graph of n points with some deleted and some replaced, and its bytes. */
async function saved(space: string, n = 1500) {
  const store = storeOf(points(n, 1));
  const ix = graphOn(store, space);
  ix.resize(n);
  ix.addPoints(Int32Array.from({ length: n }, (_, i) => i), 2);
  for (let l = 0; l < n; l += 7) ix.markDelete(l);
  const bytes = await ix.serialize();
  return { store, ix, bytes, n };
}

function searchAll(ix: HnswIndex, queries: Float32Array, k: number): number[] {
  return [...ix.search(queries, queries.length / DIM, k, 50, null, null)];
}

function refused(store: Float32Array, bytes: Uint8Array, space = "l2"): string {
  const ix = graphOn(store, space);
  try {
    ix.restore(bytes);
  } catch (err) {
    expect(ix.count()).toBe(0);
    return (err as Error).message;
  }
  throw new Error("restore accepted damaged bytes");
}

/** The bytes with their header's checksum recomputed (to reach the structural checks). */
function resealed(bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  const sum = hnsw().hash64(out.subarray(HEADER));
  new DataView(out.buffer).setBigUint64(CHECKSUM_AT, sum, true);
  return out;
}

describe("graph files", () => {
  for (const space of ["l2", "ip", "cosine"]) {
    it(`${space}: a restored graph gives the saved graph's answers, deleted labels included`, async () => {
      const { store, ix, bytes, n } = await saved(space);
      const back = graphOn(store, space);
      back.restore(bytes);
      expect(back.count()).toBe(n);
      const queries = points(50, 2);
      expect(searchAll(back, queries, 10)).toEqual(searchAll(ix, queries, 10));
      const states = back.labelStates();
      expect(states.length).toBe(n);
      for (let l = 0; l < n; l++) expect(states[l]).toBe(l % 7 === 0 ? 1 : 2);
      // The restored graph takes further changes: a deleted label revived, new labels added.
      back.resize(n + 10);
      back.addPoints(Int32Array.of(0, 7), 1);
      expect(back.labelStates()[7]).toBe(2);
      // Saving it again gives bytes that restore once more.
      const again = graphOn(store, space);
      again.restore(await back.serialize());
      expect(searchAll(again, queries, 10)).toEqual(searchAll(back, queries, 10));
    });
  }

  it("an empty graph round-trips", async () => {
    const store = storeOf(points(ROWS, 3));
    const bytes = await graphOn(store, "l2").serialize();
    const back = graphOn(store, "l2");
    back.restore(bytes);
    expect(back.count()).toBe(0);
    expect(searchAll(back, points(1, 4), 3)).toEqual([-1, -1, -1]);
  });

  it("refuses truncated, padded and flipped bytes", async () => {
    const { store, bytes } = await saved("l2", 400);
    for (const cut of [0, 10, HEADER - 1, HEADER, Math.floor(bytes.length / 2), bytes.length - 1]) {
      expect(refused(store, bytes.subarray(0, cut))).toMatch(/^damaged graph file/);
    }
    const padded = new Uint8Array(bytes.length + 4);
    padded.set(bytes);
    expect(refused(store, padded)).toMatch(/^damaged graph file/);
    const r = mulberry32(5);
    for (let i = 0; i < 40; i++) {
      const flipped = Uint8Array.from(bytes);
      // Past the magic: anywhere in the header fields or the body.
      const at = 8 + Math.floor(r() * (bytes.length - 8));
      flipped[at] ^= 1 << Math.floor(r() * 8);
      expect(refused(store, flipped)).toMatch(/^damaged graph file|other parameters/);
    }
    const notAGraph = Uint8Array.from(bytes);
    notAGraph[0] = 0x58;
    expect(refused(store, notAGraph)).toBe("damaged graph file: not a graph file");
  });

  it("refuses bytes whose checksum matches but whose links, labels or flags are impossible", async () => {
    const { store, bytes } = await saved("l2", 400);
    const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
    // Element 0's level-0 list: count (u16), flags (u8), unused (u8), then its links (u32 each).
    const link = Uint8Array.from(bytes);
    view(link).setUint32(HEADER + 4, 1_000_000, true);
    expect(refused(store, resealed(link))).toBe("damaged graph file: link to a missing element");
    const count = Uint8Array.from(bytes);
    view(count).setUint16(HEADER, 65535, true);
    expect(refused(store, resealed(count))).toBe("damaged graph file: link list longer than M allows");
    const flags = Uint8Array.from(bytes);
    flags[HEADER + 2] = 0x80;
    expect(refused(store, resealed(flags))).toBe("damaged graph file: bad element flags");
    // Element 1's label (after its 2M links + header, at the end of its block) made element 0's.
    const perElement = (bytes.length - HEADER - 400 * 4 - Number(view(bytes).getBigUint64(56, true))) / 400;
    const dup = Uint8Array.from(bytes);
    dup.copyWithin(HEADER + perElement + perElement - 8, HEADER + perElement - 8, HEADER + perElement);
    expect(refused(store, resealed(dup))).toBe("damaged graph file: label stored twice");
    const far = Uint8Array.from(bytes);
    view(far).setBigUint64(HEADER + perElement - 8, 1n << 40n, true);
    expect(refused(store, resealed(far))).toBe("damaged graph file: label outside the stored vectors");
    const entry = Uint8Array.from(bytes);
    view(entry).setUint32(44, 1_000_000, true);
    expect(refused(store, resealed(entry))).toBe("damaged graph file: bad entry point");
  });

  it("refuses a graph of other parameters, and restoring into a graph that has points", async () => {
    const { store, bytes } = await saved("l2", 100);
    expect(refused(store, bytes, "ip")).toMatch(/other parameters/);
    const full = graphOn(store, "l2");
    full.addPoints(Int32Array.of(0), 1);
    expect(() => full.restore(bytes)).toThrow(/not empty/);
  });

  it("searches run while a save is under way; changes are refused until it is done", async () => {
    const { ix } = await saved("l2", 300);
    const pending = ix.serialize();
    expect(() => ix.addPoints(Int32Array.of(1), 1)).toThrow(/being saved/);
    expect(() => ix.markDelete(2)).toThrow(/being saved/);
    expect(() => ix.detach()).toThrow(/being saved/);
    expect(searchAll(ix, points(2, 6), 5).every((l) => l >= 0)).toBe(true);
    await pending;
    ix.markDelete(2);
    expect(ix.labelStates()[2]).toBe(1);
  });

  it("serializes into a caller's array over shared memory, the same bytes; refuses an array of another size", async () => {
    const { ix, bytes } = await saved("l2");
    expect(ix.serializedSize()).toBe(bytes.length);
    const out = new Uint8Array(new SharedArrayBuffer(ix.serializedSize()));
    const into = await ix.serialize(out);
    expect(into).toBe(out);
    expect(Buffer.compare(Buffer.from(out), Buffer.from(bytes))).toBe(0);
    expect(() => ix.serialize(new Uint8Array(bytes.length - 1))).toThrow(/serializedSize/);
    expect(() => ix.serialize(new Float32Array(4) as unknown as Uint8Array)).toThrow(/Uint8Array/);
    // A refused call leaves the graph changeable (no save under way).
    ix.markDelete(1);
  });

  it("hash64 is XXH64", () => {
    const { hash64 } = hnsw();
    const text = (s: string) => new TextEncoder().encode(s);
    // Reference values of XXH64 with seed 0.
    expect(hash64(text(""))).toBe(0xef46db3751d8e999n);
    expect(hash64(text("a"))).toBe(0xd24ec4f1a98c6e5bn);
    expect(hash64(text("abc"))).toBe(0x44bc2cf5ad770999n);
    expect(hash64(text("Nobody inspects the spammish repetition"))).toBe(0xfbcea83c8a378bf1n);
  });
});
