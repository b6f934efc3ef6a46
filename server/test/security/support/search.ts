/**
 * Hostile Search API payloads: rank expressions generated recursively over dense and sparse `$knn`
 * leaves with extreme numbers (limits at u32 max, values that overflow float32, NaN-producing
 * logs), deep and wide nesting around the core's limits, oversized selects, group_by with huge k,
 * paging at u32 max, long `#id` lists and batches of many searches. All must answer 2xx or 4xx.
 */
import * as fc from "fast-check";
import { MAX_KNN_PER_SEARCH, MAX_RANK_NODES, MAX_SEARCHES } from "../../../src/core/search/payload.js";

const U32_MAX = 4294967295;
const extreme = fc.constantFrom(0, -0, 1, -1, 0.5, 1e-45, 3.4e38, 1e39, -1e39, 1e308, -1e308, U32_MAX, 2 ** 53);
const number = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), extreme);

function denseQuery(dim: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.array(number, { minLength: dim, maxLength: dim }),
    fc.array(number, { maxLength: 6 }),
    fc.constant(Array(20_000).fill(0.25)),
  );
}

const sparseQuery: fc.Arbitrary<unknown> = fc.oneof(
  fc.uniqueArray(fc.integer({ min: 0, max: U32_MAX }), { maxLength: 12 }).chain((dims) => {
    const indices = [...dims].sort((a, b) => a - b);
    return fc.array(number, { minLength: indices.length, maxLength: indices.length }).map((values) => ({ indices, values }));
  }),
  fc.constant({ indices: Array.from({ length: 20_000 }, (_, i) => i), values: Array(20_000).fill(1) }),
  fc.constant({ indices: [3, 1], values: [1, 1] }),
  fc.constant({ indices: [1], values: [1, 2], tokens: ["a", "b"] }),
  fc.constant({ "#type": "dense", indices: [1], values: [1] }),
);

function knn(dim: number): fc.Arbitrary<unknown> {
  return fc.record(
    {
      query: fc.oneof(denseQuery(dim), sparseQuery),
      key: fc.constantFrom("#embedding", "sparse", "#document", "", "tag"),
      limit: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constantFrom(U32_MAX, 1_000_000)),
      default: fc.oneof(number, fc.constant(null)),
      return_rank: fc.boolean(),
    },
    { requiredKeys: ["query"] },
  ).map((k) => ({ $knn: k }));
}

export function rankArb(dim: number): fc.Arbitrary<unknown> {
  return fc.letrec<{ r: unknown }>((tie) => ({
    r: fc.oneof(
      { depthSize: "small" },
      knn(dim),
      number.map((v) => ({ $val: v })),
      fc.record({ op: fc.constantFrom("$sum", "$mul", "$max", "$min"), terms: fc.array(tie("r"), { maxLength: 4 }) }).map(({ op, terms }) => ({ [op]: terms })),
      fc.record({ op: fc.constantFrom("$sub", "$div"), left: tie("r"), right: tie("r") }).map(({ op, left, right }) => ({ [op]: { left, right } })),
      fc.record({ op: fc.constantFrom("$abs", "$exp", "$log"), term: tie("r") }).map(({ op, term }) => ({ [op]: term })),
    ),
  })).r;
}

function nested(depth: number): unknown {
  let r: unknown = { $knn: { query: [0.5, 0.5, 0.5] } };
  for (let i = 0; i < depth; i++) r = { $log: { $exp: r } };
  return r;
}

function searchArb(dim: number): fc.Arbitrary<unknown> {
  return fc.record(
    {
      filter: fc.oneof(
        fc.constant({ "#id": { $in: Array.from({ length: 5_000 }, (_, i) => `r${i}`) } }),
        fc.constant({ $or: [{ "#document": { $regex: "(" } }, { "#id": "r1" }] }),
        fc.constant({ "#document": { $contains: "" } }),
        fc.constant({ tag: { $gt: 1e308 } }),
        fc.constant(null),
      ),
      rank: fc.oneof(
        { weight: 6, arbitrary: rankArb(dim) },
        { weight: 1, arbitrary: fc.constantFrom(40, 200, 250, 400).map(nested) },
        { weight: 1, arbitrary: fc.constant({ $sum: Array.from({ length: MAX_RANK_NODES + 10 }, () => ({ $val: 1 })) }) },
        { weight: 1, arbitrary: fc.constant({ $sum: Array.from({ length: MAX_KNN_PER_SEARCH + 1 }, () => ({ $knn: { query: [1, 2, 3], limit: U32_MAX } })) }) },
      ),
      group_by: fc.oneof(
        fc.record({
          keys: fc.array(fc.constantFrom("tag", "i", "#score", "", "missing"), { maxLength: 3 }),
          aggregate: fc.oneof(
            fc.constant(null),
            fc.record({ k: fc.constantFrom(0, 1, U32_MAX), keys: fc.array(fc.constantFrom("#score", "i", "#document"), { maxLength: 3 }) }).map((a) => ({ $min_k: a })),
            fc.record({ k: fc.constantFrom(1, U32_MAX), keys: fc.constant(["#score"]) }).map((a) => ({ $max_k: a })),
          ),
        }),
      ),
      limit: fc.record({ offset: fc.constantFrom(0, 1, U32_MAX), limit: fc.constantFrom(0, 1, 10, U32_MAX, null) }),
      select: fc.oneof(
        fc.record({ keys: fc.array(fc.constantFrom("#document", "#embedding", "#metadata", "#score", "#id", "tag", ""), { maxLength: 6 }) }),
        fc.constant({ keys: Array.from({ length: 10_000 }, (_, i) => `k${i}`) }),
      ),
    },
    { requiredKeys: [] },
  );
}

/** Whole request bodies for POST .../search, with a note naming what is special. */
export function hostileSearchBodies(dim: number): fc.Arbitrary<[string, string[]]> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(searchArb(dim), { minLength: 1, maxLength: 3 }).map((searches) => [JSON.stringify({ searches }), ["hostile searches"]] as [string, string[]]) },
    { weight: 1, arbitrary: fc.constantFrom(MAX_SEARCHES + 1, 300).map((n) => [JSON.stringify({ searches: Array.from({ length: n }, () => ({ rank: { $knn: { query: [1, 0, 0], limit: 5 } } })) }), [`${n} searches`]] as [string, string[]]) },
    { weight: 1, arbitrary: fc.constantFrom("index_only", "bogus", 5).map((r) => [JSON.stringify({ searches: [{}], read_level: r }), ["read_level"]] as [string, string[]]) },
  );
}
