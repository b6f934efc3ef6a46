import { describe, expect, it } from "vitest";
import { parseWhere, parseWhereDocument, MAX_FILTER_DEPTH } from "../../src/core/where.js";
import { InvalidArgumentError } from "../../src/core/errors.js";
import { thrown } from "../helpers/thrown.js";

describe("parseWhere", () => {
  it("turns the shorthand {key: value} into $eq", () => {
    expect(parseWhere({ color: "red" })).toEqual({ kind: "compare", key: "color", op: "$eq", value: "red" });
  });

  it("parses every comparison and membership operator", () => {
    for (const op of ["$eq", "$ne", "$gt", "$gte", "$lt", "$lte"] as const) {
      expect(parseWhere({ n: { [op]: 3 } })).toEqual({ kind: "compare", key: "n", op, value: 3 });
    }
    expect(parseWhere({ n: { $in: [1, 2] } })).toEqual({ kind: "member", key: "n", op: "$in", values: [1, 2] });
    expect(parseWhere({ s: { $nin: ["a"] } })).toEqual({ kind: "member", key: "s", op: "$nin", values: ["a"] });
  });

  it("nests $and / $or", () => {
    expect(parseWhere({ $and: [{ a: 1 }, { $or: [{ b: true }, { c: { $lt: 2.5 } }] }] })).toEqual({
      kind: "and",
      children: [
        { kind: "compare", key: "a", op: "$eq", value: 1 },
        {
          kind: "or",
          children: [
            { kind: "compare", key: "b", op: "$eq", value: true },
            { kind: "compare", key: "c", op: "$lt", value: 2.5 },
          ],
        },
      ],
    });
  });

  it.each([
    [{}, "exactly one operator"],
    [{ a: 1, b: 2 }, "exactly one operator"],
    [{ a: { $gt: "x" } }, "int or a float for operator $gt"],
    [{ a: { $bad: 1 } }, "one of $gt"],
    [{ a: { $in: [] } }, "non-empty list"],
    [{ a: { $in: [1, "x"] } }, "same type"],
    [{ a: null }, "operator expression"],
    [{ a: [1, 2] }, "operator expression"],
    [{ $contains: "x" }, "unknown operator $contains"],
    [{ $and: { a: 1 } }, "list of where expressions"],
    [{ a: { $gt: 1, $lt: 2 } }, "exactly one operator"],
    ["a", "object"],
  ])("rejects %j with a 400 naming the problem", (where, fragment) => {
    let caught: unknown;
    try {
      parseWhere(where);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidArgumentError);
    expect((caught as InvalidArgumentError).status).toBe(400);
    expect((caught as Error).message).toContain(fragment);
  });

  it("refuses nesting beyond the advertised depth", () => {
    let where: unknown = { a: 1 };
    for (let i = 0; i <= MAX_FILTER_DEPTH + 1; i++) where = { $and: [where] };
    expect(() => parseWhere(where)).toThrow(/nesting deeper/);
  });
});

describe("parseWhereDocument", () => {
  it("parses each operator and nesting", () => {
    expect(parseWhereDocument({ $contains: "x" })).toEqual({ kind: "contains", text: "x" });
    expect(parseWhereDocument({ $not_contains: "x" })).toEqual({ kind: "not_contains", text: "x" });
    expect(parseWhereDocument({ $regex: "^a+" })).toEqual({ kind: "regex", pattern: "^a+" });
    expect(parseWhereDocument({ $or: [{ $not_regex: "b" }, { $contains: "c" }] })).toEqual({
      kind: "or",
      children: [
        { kind: "not_regex", pattern: "b" },
        { kind: "contains", text: "c" },
      ],
    });
  });

  it.each([[{ $bad: "x" }], [{ $contains: 1 }], [{ $contains: "a", $not_contains: "b" }], [{}]])(
    "rejects %j with 400",
    (doc) => {
      expect(() => parseWhereDocument(doc)).toThrow(InvalidArgumentError);
    },
  );
});

describe("filter limits", () => {
  it("refuses more conditions than MAX_FILTER_CONDITIONS in one filter, counting nested ones", async () => {
    const { MAX_FILTER_CONDITIONS } = await import("../../src/core/where.js");
    const wide = (n: number) => ({ $or: Array.from({ length: n }, (_, i) => ({ k: i })) });
    expect(() => parseWhere(wide(MAX_FILTER_CONDITIONS - 1))).not.toThrow();
    expect(() => parseWhere(wide(MAX_FILTER_CONDITIONS))).toThrow(/more than 4096 conditions/);
    const docs = { $and: Array.from({ length: MAX_FILTER_CONDITIONS }, () => ({ $contains: "x" })) };
    expect(() => parseWhereDocument(docs)).toThrow(InvalidArgumentError);
  });
});

describe("reserved keys #id and #document in where (upstream 1.x)", () => {
  it("turns #id conditions into id leaves, $eq/$ne as one-id lists", () => {
    expect(parseWhere({ "#id": "a" })).toEqual({ kind: "id", op: "$in", ids: ["a"] });
    expect(parseWhere({ "#id": { $eq: "a" } })).toEqual({ kind: "id", op: "$in", ids: ["a"] });
    expect(parseWhere({ "#id": { $ne: "a" } })).toEqual({ kind: "id", op: "$nin", ids: ["a"] });
    expect(parseWhere({ "#id": { $in: ["a", "b", "a"] } })).toEqual({ kind: "id", op: "$in", ids: ["a", "b"] });
    expect(parseWhere({ "#id": { $nin: ["c"] } })).toEqual({ kind: "id", op: "$nin", ids: ["c"] });
  });

  it("treats other #id operators as an ordinary (never present) metadata key, as upstream", () => {
    expect(parseWhere({ "#id": { $gt: 3 } })).toEqual({ kind: "compare", key: "#id", op: "$gt", value: 3 });
    expect(parseWhere({ "#id": 5 })).toEqual({ kind: "compare", key: "#id", op: "$eq", value: 5 });
  });

  it("turns #document operators into document leaves that mix with metadata conditions", () => {
    expect(parseWhere({ "#document": { $contains: "fox" } })).toEqual({ kind: "document", filter: { kind: "contains", text: "fox" } });
    expect(parseWhere({ "#document": { $not_regex: "^a" } })).toEqual({ kind: "document", filter: { kind: "not_regex", pattern: "^a" } });
    expect(parseWhere({ $or: [{ "#id": "a" }, { "#document": { $not_contains: "x" } }, { k: 1 }] })).toEqual({
      kind: "or",
      children: [
        { kind: "id", op: "$in", ids: ["a"] },
        { kind: "document", filter: { kind: "not_contains", text: "x" } },
        { kind: "compare", key: "k", op: "$eq", value: 1 },
      ],
    });
  });

  it("refuses a non-string document operand", () => {
    expect(() => parseWhere({ "#document": { $regex: 1 } })).toThrow(/on #document to be a str/);
  });
});

describe("array membership and the v1 wording", () => {
  it("parses $contains / $not_contains with a scalar operand, nested like any condition", () => {
    expect(parseWhere({ tags: { $contains: "a" } })).toEqual({ kind: "contains", key: "tags", op: "$contains", value: "a" });
    expect(parseWhere({ $or: [{ n: { $not_contains: 2.5 } }, { b: { $contains: true } }] })).toEqual({
      kind: "or",
      children: [
        { kind: "contains", key: "n", op: "$not_contains", value: 2.5 },
        { kind: "contains", key: "b", op: "$contains", value: true },
      ],
    });
    for (const bad of [["a"], null, { x: 1 }]) expect(() => parseWhere({ tags: { $contains: bad } })).toThrow(/Invalid where clause/);
  });

  it.each([
    [{ a: { $foo: 1 } }, "Expected where operator to be one of $gt, $gte, $lt, $lte, $ne, $eq, $in, $nin, got $foo"],
    [{ a: 1, b: 2 }, 'Expected where to have exactly one operator, got {"a":1,"b":2}'],
    [{ a: { $gt: "x" } }, 'Expected operand value to be an int or a float for operator $gt, got "x"'],
    [{ a: { $in: "x" } }, 'Expected operand value to be an list for operator $in, got "x"'],
    [{ a: { $in: [] } }, "Expected where operand value to be a non-empty list, and all values to be of the same type got []"],
    [{ a: { $gt: 1, $lt: 2 } }, 'Expected operator expression to have exactly one operator, got {"$gt":1,"$lt":2}'],
    [{ $and: { a: 1 } }, 'Expected where value for $and or $or to be a list of where expressions, got {"a":1}'],
  ])("words %j as chromadb 0.6.3 did for v1, and as upstream 1.x for v2", (where, v1Message) => {
    const err = thrown<InvalidArgumentError>(() => parseWhere(where));
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(err.message).toMatch(/^Invalid where clause: /);
    expect(err.v1Message).toBe(v1Message);
  });

  it("words where_document mistakes for v1 too", () => {
    expect(thrown<InvalidArgumentError>(() => parseWhereDocument({ $foo: "x" })).v1Message).toBe("Expected where document operator to be one of $contains, $and, $or, got $foo");
    expect(thrown<InvalidArgumentError>(() => parseWhereDocument({ $contains: 1 })).v1Message).toBe("Expected where document operand value for operator $contains to be a str, got 1");
    expect(thrown(() => parseWhereDocument({ $contains: 1 })).message).toMatch(/^Invalid where document clause: /);
  });
});
