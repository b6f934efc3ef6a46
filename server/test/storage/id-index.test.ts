/**
 * The id index splits into several Maps as it grows (V8's Map stops at 2^24 entries): here with
 * a limit of 4 ids per Map, so a few hundred ids go through several splits, against a Map model.
 */
import { describe, expect, it } from "vitest";
import { IdIndex } from "../../src/storage/memory/id-index.js";
import { rng } from "./helpers.js";

describe("id index", () => {
  it("finds, replaces and forgets ids across splits, as a single Map would", () => {
    const random = rng(3);
    const index = new IdIndex(4);
    const model = new Map<string, number>();
    for (let step = 0; step < 3000; step++) {
      const id = `id-${Math.floor(random() * 600)}-${"é".repeat(step % 3)}`;
      const r = random();
      if (r < 0.6) {
        index.set(id, step);
        model.set(id, step);
      } else if (r < 0.8) {
        expect(index.delete(id)).toBe(model.delete(id));
      } else {
        expect(index.get(id)).toBe(model.get(id));
      }
      expect(index.size).toBe(model.size);
    }
    expect(model.size).toBeGreaterThan(300);
    for (const [id, slot] of model) expect(index.get(id)).toBe(slot);
    expect(index.get("never")).toBeUndefined();
  });
});
