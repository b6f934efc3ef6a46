/**
 * group_by: upstream's behaviour (ranked_group_by.rs tests: category groups, missing keys, $max_k
 * on metadata), value ordering across types, and a property test against a brute-force model.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareMetadataValues, groupRecords } from "../../../src/core/search/group-by.js";
import type { GroupBy } from "../../../src/core/search/plan.js";
import { compareMeasures, type RecordMeasure } from "../../../src/core/search/rank.js";

const rec = (ordinal: number, measure: number): RecordMeasure => ({ ordinal, measure });

describe("groupRecords", () => {
  const metadata = new Map<number, Record<string, unknown>>([
    [1, { cat: "A", year: 2023 }],
    [2, { cat: "B", year: 2024 }],
    [3, { cat: "A", year: 2024 }],
    [4, { cat: "B", year: 2023 }],
    [5, { cat: "A", year: 2020 }],
    [6, { year: 2021 }],
    [7, {}],
  ]);
  const of = (o: number) => metadata.get(o) ?? null;
  const ranked = [rec(5, 0.1), rec(2, 0.2), rec(1, 0.3), rec(7, 0.4), rec(3, 0.5), rec(4, 0.6), rec(6, 0.7)];

  it("keeps the k best-scored records per group ($min_k on #score), re-sorted by score", () => {
    const g: GroupBy = { keys: ["cat"], aggregate: { kind: "min_k", keys: ["#score"], k: 1 } };
    // Groups: none {7, 6}, A {5, 1, 3}, B {2, 4}.
    expect(groupRecords(ranked, g, of)).toEqual([rec(5, 0.1), rec(2, 0.2), rec(7, 0.4)]);
  });

  it("orders within groups by metadata with $max_k, keeping k", () => {
    const g: GroupBy = { keys: ["cat"], aggregate: { kind: "max_k", keys: ["year"], k: 2 } };
    // A by year desc: 3 (2024), 1 (2023); B: 2 (2024), 4 (2023); none: 6 (2021), 7 (no year, last).
    expect(groupRecords(ranked, g, of).map((r) => r.ordinal)).toEqual([2, 1, 7, 3, 4, 6]);
  });

  it("groups by several keys, a missing key being a group of its own", () => {
    const g: GroupBy = { keys: ["cat", "year"], aggregate: { kind: "min_k", keys: ["#score"], k: 5 } };
    expect(groupRecords(ranked, g, of)).toEqual([...ranked].sort(compareMeasures));
  });

  it("treats an integral #score as upstream's float", () => {
    const g: GroupBy = { keys: ["cat"], aggregate: { kind: "min_k", keys: ["#score"], k: 1 } };
    const positions = [rec(1, 3), rec(5, 2.5)];
    expect(groupRecords(positions, g, of)).toEqual([rec(5, 2.5)]);
  });

  it("orders values by type first, then value, as upstream's MetadataValue", () => {
    const values = ["b", 2.5, true, 3, "a", false, -1, [1, 2], ["x"], [true], [1.5], { indices: [1], values: [2] }];
    const sorted = [...values].sort(compareMetadataValues);
    expect(sorted).toEqual([false, true, -1, 3, 2.5, "a", "b", { indices: [1], values: [2] }, [true], [1, 2], [1.5], ["x"]]);
    expect(["\u{1F600}", "\uFFFF"].sort(compareMetadataValues)).toEqual(["\uFFFF", "\u{1F600}"]);
  });
});

describe("groupRecords: property", () => {
  it("agrees with a brute-force model", () => {
    const value = fc.oneof(fc.constantFrom("x", "y"), fc.integer({ min: 0, max: 2 }), fc.boolean());
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ ordinal: fc.integer({ min: 0, max: 30 }), measure: fc.integer({ min: 0, max: 5 }) }), { selector: (r) => r.ordinal, maxLength: 20 }),
        fc.dictionary(fc.integer({ min: 0, max: 30 }).map(String), fc.record({ g: fc.option(value, { nil: undefined }), s: fc.option(value, { nil: undefined }) })),
        fc.constantFrom("min_k", "max_k" as const),
        fc.constantFrom("#score", "s"),
        fc.integer({ min: 1, max: 3 }),
        (records, meta, kind, aggKey, k) => {
          const ranked = records.sort(compareMeasures);
          const of = (o: number) => {
            const m = meta[String(o)];
            if (!m) return null;
            return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined));
          };
          const got = groupRecords(ranked, { keys: ["g"], aggregate: { kind, keys: [aggKey], k } }, of);
          // Model: bucket by JSON of the group value; in each bucket stable-sort by the aggregate.
          const buckets = new Map<string, RecordMeasure[]>();
          for (const r of ranked) {
            const g = JSON.stringify(of(r.ordinal)?.g ?? null) + typeof of(r.ordinal)?.g;
            buckets.set(g, [...(buckets.get(g) ?? []), r]);
          }
          const keyOf = (r: RecordMeasure) => (aggKey === "#score" ? r.measure : of(r.ordinal)?.s);
          const cmp = (a: RecordMeasure, b: RecordMeasure) => {
            const x = keyOf(a);
            const y = keyOf(b);
            const c = x === undefined || y === undefined ? (x === undefined ? (y === undefined ? 0 : -1) : 1) : compareMetadataValues(x, y);
            return kind === "min_k" ? c : -c;
          };
          const expected = [...buckets.values()].flatMap((b) => [...b].sort(cmp).slice(0, k)).sort(compareMeasures);
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });
});
