/**
 * The ef of a graph search (search-ef.ts): a filter raises it by the share it keeps, capped, and
 * never lowers it.
 */
import { describe, expect, it } from "vitest";
import { FILTERED_EF_CAP, searchEf } from "../../src/storage/memory/search-ef.js";

describe("searchEf", () => {
  it("is the unfiltered ef (at least k) without a filter or with one keeping everything", () => {
    expect(searchEf(128, 10, 100_000, null)).toBe(128);
    expect(searchEf(128, 300, 100_000, null)).toBe(300);
    expect(searchEf(128, 10, 100_000, 100_000)).toBe(128);
    // More candidates than live records (dead slots among them) never lowers it.
    expect(searchEf(128, 10, 100_000, 150_000)).toBe(128);
  });

  it("scales by live / candidates: a 50 % filter doubles it, a third of the records triples it", () => {
    expect(searchEf(128, 10, 100_000, 50_000)).toBe(256);
    expect(searchEf(128, 10, 90_000, 30_000)).toBe(384);
    // Rounded up, so a filter that keeps slightly less than everything still raises it.
    expect(searchEf(128, 10, 100_000, 99_000)).toBe(130);
    // k above the ef is what is scaled.
    expect(searchEf(128, 200, 100_000, 50_000)).toBe(400);
  });

  it(`stays within ${FILTERED_EF_CAP}x the unfiltered ef however narrow the filter`, () => {
    for (const candidates of [16_385, 5_000, 1_000, 1]) {
      const ef = searchEf(128, 10, 1_000_000, candidates);
      expect(ef).toBe(FILTERED_EF_CAP * 128);
    }
    for (let candidates = 1; candidates <= 100_000; candidates += 997) {
      const ef = searchEf(100, 10, 100_000, candidates);
      expect(ef).toBeGreaterThanOrEqual(100);
      expect(ef).toBeLessThanOrEqual(FILTERED_EF_CAP * 100);
      expect(Number.isInteger(ef)).toBe(true);
    }
  });
});
