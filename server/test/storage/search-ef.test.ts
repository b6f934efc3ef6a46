/**
 * The ef of a graph search (search-ef.ts): a filter raises it by the share it keeps, within a cap
 * and a walk budget tied to exactLimit, and never lowers it.
 */
import { describe, expect, it } from "vitest";
import { FILTERED_EF_CAP, FILTERED_WALK_PER_EXACT_ROW, searchEf } from "../../src/storage/memory/search-ef.js";

const LIMIT = 16_384;

describe("searchEf", () => {
  it("is the unfiltered ef (at least k) without a filter or with one keeping everything", () => {
    expect(searchEf(128, 10, 100_000, null, LIMIT)).toBe(128);
    expect(searchEf(128, 300, 100_000, null, LIMIT)).toBe(300);
    expect(searchEf(128, 10, 100_000, 100_000, LIMIT)).toBe(128);
    // More candidates than live records (dead slots among them) never lowers it.
    expect(searchEf(128, 10, 100_000, 150_000, LIMIT)).toBe(128);
  });

  it("scales by live / candidates: a 50 % filter doubles it, a third of the records triples it", () => {
    expect(searchEf(128, 10, 100_000, 50_000, LIMIT)).toBe(256);
    expect(searchEf(128, 10, 90_000, 30_000, LIMIT)).toBe(384);
    // Rounded up, so a filter that keeps slightly less than everything still raises it.
    expect(searchEf(128, 10, 100_000, 99_000, LIMIT)).toBe(130);
    // k above the ef is what is scaled.
    expect(searchEf(128, 200, 100_000, 50_000, LIMIT)).toBe(400);
    expect(searchEf(128, 10, 1_000_000, 500_000, LIMIT)).toBe(256);
  });

  it(`stays within ${FILTERED_EF_CAP}x the unfiltered ef`, () => {
    // 1M records, 20 %: 5x scaled, the budget allows 614.
    expect(searchEf(128, 10, 1_000_000, 200_000, LIMIT)).toBe(FILTERED_EF_CAP * 128);
    for (let candidates = 1; candidates <= 100_000; candidates += 997) {
      const ef = searchEf(100, 10, 100_000, candidates, LIMIT);
      expect(ef).toBeGreaterThanOrEqual(100);
      expect(ef).toBeLessThanOrEqual(FILTERED_EF_CAP * 100);
      expect(Number.isInteger(ef)).toBe(true);
    }
  });

  it("keeps ef x live / candidates within the walk budget near the exact limit, never below the unfiltered ef", () => {
    const budget = FILTERED_WALK_PER_EXACT_ROW * LIMIT;
    // 100k, just above the threshold (16.4 %): 6.1x scaled, 4x capped, the budget gives 503.
    expect(searchEf(128, 10, 100_000, LIMIT + 1, LIMIT)).toBe(503);
    // 1M, 5 %: the budget (153) binds.
    expect(searchEf(128, 10, 1_000_000, 50_000, LIMIT)).toBe(153);
    // 1M near the threshold: the budget is below the unfiltered ef, which stays.
    expect(searchEf(128, 10, 1_000_000, LIMIT + 1, LIMIT)).toBe(128);
    for (const live of [100_000, 1_000_000]) {
      for (let candidates = LIMIT + 1; candidates < live; candidates += 4099) {
        const ef = searchEf(128, 10, live, candidates, LIMIT);
        if (ef > 128) expect((ef * live) / candidates).toBeLessThanOrEqual(budget);
      }
    }
  });
});
