/**
 * The id index (ids as bytes in one buffer + an open-addressing table of slots) against a Map
 * model: random adds, removes and lookups of ids drawn from a small pool (so they collide,
 * come back after removal and land in reused slots), with ids that are empty, one-byte, wide
 * (CJK, emoji) and lone surrogates, which must all stay distinct and come back exactly.
 * Enough steps to grow the table several times and rebuild the byte buffer.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdIndex } from "../../src/storage/memory/id-index.js";
import { SlotStrings } from "../../src/storage/memory/slot-strings.js";

/** Ids that differ only where UTF-8 could not tell them apart, or in one byte of a wide unit. */
const TRICKY = ["", "a", "é", "\u0100", "\u0101", "\ud800", "\udc00", "\ufffd", "\ud83d\ude00", "\ud83d", "x\ud800y", "x\ufffdy", "rec-1", "rec-10", "记录"];

const idArb = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.integer({ min: 0, max: 80 }).map((i) => `rec-${i}`),
  fc.string({ unit: "binary", maxLength: 5 }),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 4 }).map((units) => String.fromCharCode(...units)),
);

type Op = { kind: "add"; id: string } | { kind: "remove"; pick: number } | { kind: "get"; id: string };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: idArb.map((id) => ({ kind: "add" as const, id })) },
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ kind: "remove" as const, pick })) },
  { weight: 2, arbitrary: idArb.map((id) => ({ kind: "get" as const, id })) },
);

describe("id index", () => {
  it("answers as a Map id -> slot does, through adds, removes, slot reuse, growth and repacks", () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 600 }), (ops) => {
        const index = new IdIndex();
        const model = new Map<string, number>();
        const free: number[] = [];
        let top = 0;
        for (const op of ops) {
          if (op.kind === "add") {
            if (model.has(op.id)) {
              expect(() => index.add(op.id, top)).toThrow(/held already/);
              continue;
            }
            const slot = free.pop() ?? top++;
            index.add(op.id, slot);
            model.set(op.id, slot);
          } else if (op.kind === "remove") {
            if (model.size === 0) {
              expect(index.remove(top)).toBeUndefined();
              continue;
            }
            const [id, slot] = [...model][op.pick % model.size];
            expect(index.remove(slot)).toBe(id);
            model.delete(id);
            free.push(slot);
          } else {
            expect(index.get(op.id)).toBe(model.get(op.id));
          }
          expect(index.size).toBe(model.size);
        }
        for (const [id, slot] of model) {
          expect(index.get(id)).toBe(slot);
          expect(index.idOf(slot)).toBe(id);
        }
        for (const slot of free) expect(index.idOf(slot)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("keeps 100k ids through growth and the removal of every other one", () => {
    const index = new IdIndex();
    for (let i = 0; i < 100_000; i++) index.add(`rec-${i}`, i);
    for (let i = 0; i < 100_000; i += 2) expect(index.remove(i)).toBe(`rec-${i}`);
    expect(index.size).toBe(50_000);
    for (let i = 0; i < 100_000; i++) expect(index.get(`rec-${i}`)).toBe(i % 2 === 0 ? undefined : i);
    // Slots come back with other ids (the byte buffer repacks on the way).
    for (let i = 0; i < 100_000; i += 2) index.add(`new-${i}-\u4e00`, i);
    for (let i = 0; i < 100_000; i++) expect(index.idOf(i)).toBe(i % 2 === 0 ? `new-${i}-\u4e00` : `rec-${i}`);
  });

  it("refuses a slot that holds an id and an id that is held", () => {
    const index = new IdIndex();
    index.add("a", 0);
    expect(() => index.add("b", 0)).toThrow(/holds an id/);
    expect(() => index.add("a", 1)).toThrow(/held already/);
    expect(() => index.add("c", -1)).toThrow(RangeError);
    expect(index.size).toBe(1);
    expect(index.get("b")).toBeUndefined();
  });
});

describe("slot strings", () => {
  it("gives back every string exactly, whole and by unit range, as an array of strings would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.option(fc.oneof(idArb, fc.string({ unit: "binary", maxLength: 300 })), { nil: undefined })), { maxLength: 400 }),
        fc.nat(),
        fc.nat(),
        (writes, a, b) => {
          const strings = new SlotStrings();
          const model: (string | undefined)[] = [];
          for (const [slot, s] of writes) {
            if (s === undefined) strings.delete(slot);
            else strings.set(slot, s);
            model[slot] = s;
          }
          for (let slot = 0; slot <= 41; slot++) {
            const s = model[slot];
            expect(strings.has(slot)).toBe(s !== undefined);
            expect(strings.get(slot)).toBe(s);
            if (s === undefined) continue;
            expect(strings.length(slot)).toBe(s.length);
            const from = a % (s.length + 1);
            const to = from + (b % (s.length - from + 1));
            expect(strings.get(slot, from, to)).toBe(s.slice(from, to));
            expect(strings.equals(slot, s)).toBe(true);
            expect(strings.equals(slot, `${s}x`)).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
