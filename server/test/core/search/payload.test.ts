/**
 * Search payload parsing: upstream's defaults, and upstream's wording for every refusal (the
 * expected messages were read off the reference server, Chroma 1.3.x frontend, without serde's
 * "at line L column C" suffix).
 */
import { describe, expect, it } from "vitest";
import { ChromaError } from "../../../src/core/errors.js";
import { MAX_KNN_PER_SEARCH, MAX_RANK_NODES, MAX_SEARCHES, parseSearchRequest } from "../../../src/core/search/payload.js";

const DESERIALIZE = "Failed to deserialize the JSON body into the target type: ";
const SYNTAX = "Failed to parse the request body as JSON: ";

function refusal(body: unknown): { status: number; name: string; message: string } {
  try {
    parseSearchRequest(body);
  } catch (err) {
    expect(err).toBeInstanceOf(ChromaError);
    const e = err as ChromaError;
    return { status: e.status, name: e.name, message: e.message };
  }
  throw new Error(`accepted ${JSON.stringify(body)}`);
}

const one = (search: unknown) => ({ searches: [search] });

describe("parseSearchRequest: what is accepted", () => {
  it("applies upstream's defaults to an empty search", () => {
    expect(parseSearchRequest(one({}))).toEqual({ searches: [{ offset: 0, select: [] }], readLevel: "index_and_wal" });
    expect(parseSearchRequest({ searches: [] }).searches).toEqual([]);
  });

  it("treats null/{} filters and null ranks as absent, and keeps a where tree", () => {
    const [a, b, c] = parseSearchRequest({ searches: [{ filter: null, rank: null }, { filter: {} }, { filter: { "#id": { $in: ["x"] } } }] }).searches;
    expect(a.filter).toBeUndefined();
    expect(a.rank).toBeUndefined();
    expect(b.filter).toBeUndefined();
    expect(c.filter).toEqual({ kind: "id", op: "$in", ids: ["x"] });
  });

  it("parses a $knn with its defaults and every arithmetic operator", () => {
    const rank = {
      $sum: [
        { $knn: { query: [1, 2] } },
        { $mul: [{ $val: 2 }, { $abs: { $knn: { query: { indices: [1, 5], values: [0.5, 1] }, key: "sp", limit: 3, default: 7, return_rank: true } } }] },
        { $sub: { left: { $exp: { $val: 0 } }, right: { $log: { $val: 1 } } } },
        { $div: { left: { $max: [{ $val: 1 }] }, right: { $min: [{ $val: 2 }] } } },
      ],
    };
    const plan = parseSearchRequest(one({ rank })).searches[0];
    expect(plan.rank).toMatchObject({
      kind: "sum",
      terms: [
        { kind: "knn", key: "#embedding", limit: 16, default: null, returnRank: false, query: { kind: "dense", vector: new Float32Array([1, 2]) } },
        {
          kind: "mul",
          terms: [
            { kind: "val", value: 2 },
            { kind: "abs", term: { kind: "knn", key: "sp", limit: 3, default: 7, returnRank: true, query: { kind: "sparse", vector: { indices: [1, 5], values: [0.5, 1] } } } },
          ],
        },
        { kind: "sub", left: { kind: "exp" }, right: { kind: "log" } },
        { kind: "div", left: { kind: "max" }, right: { kind: "min" } },
      ],
    });
  });

  it("reads limit, offset, read_level, select (deduplicated, in upstream's key order) and group_by", () => {
    const { searches, readLevel } = parseSearchRequest({
      read_level: "index_only",
      searches: [
        {
          rank: { $val: 1 },
          limit: { offset: 3, limit: 5 },
          select: { keys: ["zeta", "#score", "alpha", "#document", "#metadata", "#embedding", "#score", "#id"] },
          group_by: { keys: ["cat"], aggregate: { $max_k: { keys: ["#score", "year"], k: 2 } } },
        },
      ],
    });
    expect(readLevel).toBe("index_only");
    expect(searches[0]).toMatchObject({
      offset: 3,
      limit: 5,
      select: ["#document", "#embedding", "#metadata", "#score", "#id", "alpha", "zeta"],
      groupBy: { keys: ["cat"], aggregate: { kind: "max_k", keys: ["#score", "year"], k: 2 } },
    });
    expect(parseSearchRequest(one({ limit: { limit: null } })).searches[0].limit).toBeUndefined();
  });

  it("keeps float32 semantics: $val 1e39 is +inf, values are rounded to float32", () => {
    const plan = parseSearchRequest(one({ rank: { $val: 1e39 } })).searches[0];
    expect(plan.rank).toEqual({ kind: "val", value: Infinity });
    expect(parseSearchRequest(one({ rank: { $val: 0.1 } })).searches[0].rank).toEqual({ kind: "val", value: Math.fround(0.1) });
  });

  it("ignores unknown fields, as upstream", () => {
    expect(() => parseSearchRequest({ searches: [{ bogus: 1, limit: { bogus: 2 } }], extra: 1 })).not.toThrow();
    expect(() => parseSearchRequest(one({ rank: { $knn: { query: [1], bogus: 1 } } }))).not.toThrow();
  });
});

describe("parseSearchRequest: upstream's refusals", () => {
  it.each([
    [{}, 422, `${DESERIALIZE}missing field \`searches\``],
    [{ searches: "x" }, 422, `${DESERIALIZE}searches: invalid type: string "x", expected a sequence`],
    [{ searches: [5] }, 422, `${DESERIALIZE}searches[0]: invalid type: integer \`5\`, expected struct SearchPayload`],
    [{ searches: [{}], read_level: "bogus" }, 422, `${DESERIALIZE}read_level: unknown variant \`bogus\`, expected one of \`index_and_wal\`, \`index_only\`, \`index_and_bounded_wal\``],
    [one({ rank: { $foo: 1 } }), 422, `${DESERIALIZE}searches[0].rank: unknown variant \`$foo\`, expected one of \`$abs\`, \`$div\`, \`$exp\`, \`$knn\`, \`$log\`, \`$max\`, \`$min\`, \`$mul\`, \`$sub\`, \`$sum\`, \`$val\``],
    [one({ rank: {} }), 400, `${SYNTAX}searches[0].rank: expected value`],
    [one({ rank: 5 }), 400, `${SYNTAX}searches[0].rank: expected value`],
    [one({ rank: { $val: 1, $abs: { $val: 1 } } }), 400, `${SYNTAX}searches[0].rank: expected value`],
    [one({ rank: { $val: "x" } }), 422, `${DESERIALIZE}searches[0].rank.$val: invalid type: string "x", expected f32`],
    [one({ rank: { $sum: { $val: 1 } } }), 422, `${DESERIALIZE}searches[0].rank.$sum: invalid type: map, expected a sequence`],
    [one({ rank: { $div: { left: { $val: 1 } } } }), 422, `${DESERIALIZE}searches[0].rank.$div: missing field \`right\``],
    [one({ rank: { $knn: {} } }), 422, `${DESERIALIZE}searches[0].rank.$knn: missing field \`query\``],
    [one({ rank: { $knn: { query: "hello" } } }), 422, `${DESERIALIZE}searches[0].rank.$knn.query: data did not match any variant of untagged enum QueryVector`],
    [one({ rank: { $knn: { query: [1], limit: -1 } } }), 422, `${DESERIALIZE}searches[0].rank.$knn.limit: invalid value: integer \`-1\`, expected u32`],
    [one({ rank: { $knn: { query: [1], default: "x" } } }), 422, `${DESERIALIZE}searches[0].rank.$knn.default: invalid type: string "x", expected f32`],
    [one({ rank: { $knn: { query: [1], return_rank: 1 } } }), 422, `${DESERIALIZE}searches[0].rank.$knn.return_rank: invalid type: integer \`1\`, expected a boolean`],
    [one({ rank: { $knn: { query: [1], key: 5 } } }), 422, `${DESERIALIZE}searches[0].rank.$knn.key: invalid type: integer \`5\`, expected a string`],
    [one({ filter: { a: { $foo: 1 } } }), 422, `${DESERIALIZE}searches[0].filter: Invalid where clause`],
    [one({ limit: null }), 422, `${DESERIALIZE}searches[0].limit: invalid type: null, expected struct Limit`],
    [one({ limit: 5 }), 422, `${DESERIALIZE}searches[0].limit: invalid type: integer \`5\`, expected struct Limit`],
    [one({ limit: { limit: -1 } }), 422, `${DESERIALIZE}searches[0].limit.limit: invalid value: integer \`-1\`, expected u32`],
    [one({ limit: { limit: 4294967296 } }), 422, `${DESERIALIZE}searches[0].limit.limit: invalid value: integer \`4294967296\`, expected u32`],
    [one({ limit: { limit: 1.5 } }), 422, `${DESERIALIZE}searches[0].limit.limit: invalid type: floating point \`1.5\`, expected u32`],
    [one({ limit: { limit: null, offset: null } }), 422, `${DESERIALIZE}searches[0].limit.offset: invalid type: null, expected u32`],
    [one({ select: null }), 422, `${DESERIALIZE}searches[0].select: invalid type: null, expected struct Select`],
    [one({ select: { keys: null } }), 422, `${DESERIALIZE}searches[0].select.keys: invalid type: null, expected a sequence`],
    [one({ select: { keys: [1] } }), 422, `${DESERIALIZE}searches[0].select.keys[0]: invalid type: integer \`1\`, expected a string`],
    [one({ group_by: null }), 422, `${DESERIALIZE}searches[0].group_by: invalid type: null, expected struct GroupBy`],
    [one({ group_by: { keys: ["a"], aggregate: { $foo: { keys: [], k: 1 } } } }), 422, `${DESERIALIZE}searches[0].group_by.aggregate: unknown variant \`$foo\`, expected \`$min_k\` or \`$max_k\``],
  ])("%j answers %i", (body, status, message) => {
    const r = refusal(body);
    expect(r.status).toBe(status);
    expect(r.message.startsWith(message), `${r.message}\n  should start with\n${message}`).toBe(true);
    expect(r.name).toBe("InvalidArgumentError");
  });

  it.each([
    [one({ group_by: { keys: ["a"] } }), "Validation error: searches[0].group_by: group_by keys and aggregate must both be specified or both be omitted"],
    [one({ group_by: { keys: ["a"], aggregate: { $min_k: { keys: ["#score"], k: 0 } } } }), "Validation error: searches[0].group_by: aggregate k must be greater than 0"],
    [
      one({ group_by: { keys: ["#score"], aggregate: { $min_k: { keys: ["#score"], k: 1 } } } }),
      "Validation error: searches[0].group_by: group_by keys must be metadata fields (cannot use #score, #document, #embedding, or #metadata)",
    ],
    [
      one({ group_by: { keys: ["a"], aggregate: { $min_k: { keys: ["#document"], k: 1 } } } }),
      "Validation error: searches[0].group_by: aggregate keys must be metadata fields or #score (cannot use #document, #embedding, or #metadata)",
    ],
    [one({ group_by: { keys: ["a"], aggregate: { $min_k: { keys: [], k: 1 } } } }), "Validation error: searches[0].group_by: aggregate keys must not be empty"],
    [one({ group_by: { keys: ["a"], aggregate: { $min_k: { keys: ["#score"], k: 1 } } } }), "Validation error: searches[0].__all__: group_by requires rank expression to be specified"],
    [
      one({ rank: { $knn: { query: { indices: [2, 1], values: [1, 1] }, key: "sp" } } }),
      "Validation error: searches[0].rank: Invalid sparse vector in KNN query: Sparse vector indices must be sorted in strictly ascending order (no duplicates)",
    ],
    [
      one({ rank: { $knn: { query: { indices: [1, 2], values: [1] }, key: "sp" } } }),
      "Validation error: searches[0].rank: Invalid sparse vector in KNN query: Sparse vector indices, values, and tokens (when present) must have the same length",
    ],
  ])("validation: %j answers 400", (body, message) => {
    expect(refusal(body)).toEqual({ status: 400, name: "InvalidArgumentError", message });
  });

  it("reports the first problem in document order, and deserialization before validation", () => {
    expect(refusal(one({ limit: { limit: -1 }, rank: { $foo: 1 } })).message).toContain("searches[0].limit.limit");
    expect(refusal(one({ rank: { $foo: 1 }, limit: { limit: -1 } })).message).toContain("searches[0].rank");
    const later = refusal({ searches: [{ group_by: { keys: ["a"] } }, { rank: { $foo: 1 } }] });
    expect(later.status).toBe(422);
    expect(later.message).toContain("searches[1].rank");
  });

  it("refuses $knn query values beyond float32's range (chromaspec; upstream searches with inf)", () => {
    expect(refusal(one({ rank: { $knn: { query: [1, 1e39] } } }))).toMatchObject({ status: 400, message: expect.stringContaining("outside the float32 range") });
    expect(refusal(one({ rank: { $knn: { query: { indices: [1], values: [-1e39] }, key: "s" } } })).status).toBe(400);
  });

  it("refuses requests beyond chromaspec's limits with 400", () => {
    expect(refusal({ searches: Array.from({ length: MAX_SEARCHES + 1 }, () => ({})) }).status).toBe(400);
    const wide = { $sum: Array.from({ length: MAX_RANK_NODES }, () => ({ $val: 1 })) };
    expect(refusal(one({ rank: wide })).message).toMatch(/at most 4096 terms/);
    const knns = { $sum: Array.from({ length: MAX_KNN_PER_SEARCH + 1 }, () => ({ $knn: { query: [1] } })) };
    expect(refusal(one({ rank: knns })).message).toMatch(/at most 64 \$knn/);
  });
});
