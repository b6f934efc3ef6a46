/**
 * The slot store's vector memory: chunks of their own (no per-collection memory to outgrow),
 * crossed many times here with chunks of 4 slots; slots reused after deletes; exact sums from
 * the addon and from the JS kernels agree with a plain float64 reference.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { vectorNorm } from "../../src/storage/memory/distance.js";
import { MemoryBudget, SlotStore, type Payload } from "../../src/storage/memory/slots.js";
import { VectorFile, writeVectorFile } from "../../src/storage/memory/vector-file.js";
import { rng } from "./helpers.js";

const DIM = 6;

function reference(kind: 0 | 1, a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += kind === 0 ? (a[i] - b[i]) ** 2 : a[i] * b[i];
  return s;
}

describe.each([
  ["addon", true],
  ["JS kernels", false],
] as const)("slot store, sums by the %s", (_, nativeScans) => {
  it("keeps vectors across many small chunks, reuses freed slots, sums exactly", () => {
    const random = rng(11);
    const vec = () => Float32Array.from({ length: DIM }, () => random() * 2 - 1);
    const store = new SlotStore(DIM, new MemoryBudget(1 << 20), 2, nativeScans);
    expect(store.scan !== null).toBe(nativeScans);
    const model = new Map<string, Float32Array>();
    for (let i = 0; i < 50; i++) {
      const v = vec();
      store.put(`r${i}`, i, 1, v, undefined);
      model.set(`r${i}`, v);
    }
    expect(store.chunks.length).toBe(13);
    // Every chunk is its own buffer: nothing shares (or caps) the memory of the collection.
    expect(new Set(store.chunks.map((c) => c.buffer)).size).toBe(13);
    for (const id of ["r3", "r4", "r17"]) {
      store.remove(store.slotOfId(id)!);
      model.delete(id);
    }
    for (let i = 50; i < 53; i++) {
      const v = vec();
      const { slot } = store.put(`r${i}`, i, 1, v, undefined);
      expect(slot).toBeLessThan(50);
      model.set(`r${i}`, v);
    }
    const replaced = vec();
    store.put("r49", 49, 2, replaced, undefined);
    model.set("r49", replaced);
    expect(store.chunks.length).toBe(13);
    expect(store.live).toBe(model.size);

    const slots = store.liveSlots();
    const q = vec();
    for (const kind of [0, 1] as const) {
      const out = new Float64Array(slots.length);
      store.sums(q, slots, slots.length, kind, out);
      slots.forEach((slot, i) => {
        const v = model.get(store.idOf(slot))!;
        expect([...store.vector(slot)]).toEqual([...v]);
        expect(out[i]).toBeCloseTo(reference(kind, q, v), 12);
      });
      // Only the first n slots are summed.
      const partial = new Float64Array(slots.length).fill(-1);
      store.sums(q, slots, 3, kind, partial);
      expect(partial[3]).toBe(-1);
      expect(partial[2]).toBe(out[2]);
    }
  });
});

// A cosine graph reads each vector's norm beside it (hnswlib/cosine-norms.h), in the buffers the
// store hands out with each chunk: a norm must change with its vector, in that same memory, when
// a record is rewritten in place or its slot reused, and come back with it from a vectors file.
describe("slot store norms", () => {
  it("are written with each vector, in place in the shared buffer handed out with its chunk, and come back from a vectors file", async () => {
    const random = rng(5);
    const vec = (scale: number) => Float32Array.from({ length: DIM }, () => scale * (random() * 2 - 1));
    const store = new SlotStore(DIM, new MemoryBudget(1 << 20), 2);
    const handed: SharedArrayBuffer[] = [];
    store.onChunk = (index, buffer, norms) => {
      expect(buffer).toBe(store.chunkBuffer(index));
      handed[index] = norms;
    };
    // The norms as the other thread sees them: views of the buffers handed out.
    const seen = (slot: number) => new Float32Array(handed[slot >>> 2])[slot & 3];
    const model = new Map<string, Float32Array>();
    for (let i = 0; i < 11; i++) {
      const v = vec(1 + i);
      store.put(`r${i}`, i, 1, v, undefined);
      model.set(`r${i}`, v);
    }
    expect(handed).toHaveLength(3);
    expect(new Set(handed).size).toBe(3);
    // Rewritten in place 40x longer (same slot), and a freed slot reused by a short vector.
    const slot5 = store.slotOfId("r5")!;
    const longer = vec(40);
    expect(store.put("r5", 5, 2, longer, undefined)).toEqual({ slot: slot5, replaced: true });
    model.set("r5", longer);
    const freed = store.slotOfId("r2")!;
    store.remove(freed);
    model.delete("r2");
    const short = vec(0.01);
    expect(store.put("n", 20, 1, short, undefined).slot).toBe(freed);
    model.set("n", short);
    const check = (s: SlotStore, view: (slot: number) => number) => {
      for (const [id, v] of model) {
        const slot = s.slotOfId(id)!;
        expect(s.normOf(slot), id).toBe(Math.fround(vectorNorm(v)));
        expect(view(slot), id).toBe(s.normOf(slot));
      }
    };
    check(store, seen);

    // A restart: the vectors from the file, each norm from it by claim.
    const dir = await mkdtemp(join(tmpdir(), "slots-norms-"));
    try {
      await writeVectorFile(join(dir, "v"), store, { collection: "c" });
      const file = (await VectorFile.open(join(dir, "v"), { collection: "c", dim: DIM, chunkBits: 2 }))!;
      const loaded = new SlotStore(DIM, new MemoryBudget(1 << 20), 2);
      loaded.restoreLayout(file.header.slots, false);
      await file.readInto(loaded.chunks);
      for (const id of model.keys()) {
        const at = store.slotOfId(id)!;
        loaded.claim(id, store.seqOf(at), store.versionOf(at), file.norms[at], at);
      }
      await file.close();
      check(loaded, (slot) => loaded.normChunks[slot >>> 2][slot & 3]);
      for (const [id, v] of model) expect([...loaded.vector(loaded.slotOfId(id)!)]).toEqual([...v]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("slot store, a save's capture of its keys", () => {
  it("copyKeys gives every live slot's seq and version and -1 for freed slots, past them the arrays untouched", () => {
    const store = new SlotStore(DIM, new MemoryBudget(0), 2);
    const v = new Float32Array(DIM).fill(1);
    for (let i = 0; i < 10; i++) store.put(`r${i}`, 100 + i, 7 + i, v, undefined);
    store.remove(store.slotOfId("r2")!);
    store.remove(store.slotOfId("r9")!);
    // r1 written again: same slot, a later version.
    store.put("r1", 101, 50, v, undefined);
    const seqs = new Float64Array(12).fill(-2);
    const versions = new Float64Array(12).fill(-2);
    store.copyKeys(seqs, versions);
    expect(store.slotLimit).toBe(10);
    for (let slot = 0; slot < 10; slot++) {
      expect([seqs[slot], versions[slot]]).toEqual(store.isLive(slot) ? [store.seqOf(slot), store.versionOf(slot)] : [-1, -1]);
    }
    expect(seqs[store.slotOfId("r1")!]).toBe(101);
    expect(versions[store.slotOfId("r1")!]).toBe(50);
    expect([...seqs].filter((s) => s === -1)).toHaveLength(2);
    expect([seqs[10], seqs[11], versions[10], versions[11]]).toEqual([-2, -2, -2, -2]);
  });
});

describe("slot store payloads (one flat string per record)", () => {
  const v = () => new Float32Array(DIM);
  const cases: Payload[] = [
    { document: "record 1 of cluster 2", uri: null, metadataJson: '{"bucket":1,"cluster":2}' },
    { document: null, uri: null, metadataJson: null },
    { document: "", uri: "", metadataJson: "{}" },
    { document: null, uri: "s3://b/k", metadataJson: null },
    { document: "é ü 漢字 🙂", uri: "file:///ü", metadataJson: '{"k":"🙂"}' },
    // A lone surrogate (not well-formed UTF-16): kept exactly as given.
    { document: "a\ud800b", uri: null, metadataJson: '{"x":"\ud800"}' },
    { document: "", uri: null, metadataJson: "" },
  ];

  it("gives back each payload exactly, through replacements, removals and slot reuse", () => {
    const budget = new MemoryBudget(1 << 20);
    const store = new SlotStore(DIM, budget, 2);
    cases.forEach((p, i) => store.put(`r${i}`, i, 1, v(), p));
    cases.forEach((p, i) => {
      expect(store.payload(store.slotOfId(`r${i}`)!)).toEqual(p);
      expect(store.document(store.slotOfId(`r${i}`)!)).toBe(p.document);
    });
    // A replacement takes the new payload; one without a payload (or beyond the budget) has none.
    store.put("r0", 0, 2, v(), cases[4]);
    expect(store.payload(store.slotOfId("r0")!)).toEqual(cases[4]);
    store.put("r1", 1, 2, v(), undefined);
    expect(store.payload(store.slotOfId("r1")!)).toBeUndefined();
    expect(store.document(store.slotOfId("r1")!)).toBeUndefined();
    // A freed slot reused by another record carries only that record's payload.
    const freed = store.slotOfId("r3")!;
    store.remove(freed);
    expect(store.payload(freed)).toBeUndefined();
    const { slot } = store.put("new", 9, 1, v(), cases[0]);
    expect(slot).toBe(freed);
    expect(store.payload(slot)).toEqual(cases[0]);
    // The budget is given back in full when the store goes.
    store.release();
    expect(budget.used).toBe(0);
  });

  it("keeps no payload the budget cannot hold", () => {
    const budget = new MemoryBudget(200);
    const store = new SlotStore(DIM, budget, 2);
    store.put("a", 0, 1, v(), { document: "x".repeat(40), uri: null, metadataJson: null });
    store.put("b", 1, 1, v(), { document: "y".repeat(40), uri: null, metadataJson: null });
    expect(store.payload(store.slotOfId("a")!)?.document).toBe("x".repeat(40));
    expect(store.payload(store.slotOfId("b")!)).toBeUndefined();
  });
});
