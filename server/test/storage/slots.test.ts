/**
 * The slot store's vector memory: chunks of their own (no per-collection memory to outgrow),
 * crossed many times here with chunks of 4 slots; slots reused after deletes; exact sums from
 * the addon and from the JS kernels agree with a plain float64 reference.
 */
import { describe, expect, it } from "vitest";
import { MemoryBudget, SlotStore } from "../../src/storage/memory/slots.js";
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
