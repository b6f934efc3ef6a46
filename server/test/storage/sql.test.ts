/**
 * The filter compiler: literal/identifier safety, the exact shape of the tricky predicates, and
 * that hostile keys and values, run through a real LanceDB table, match exactly what they should.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MetadataFilter } from "../../src/core/filter.js";
import type { CollectionStore } from "../../src/storage/collection.js";
import { openStorage, type OpenedStorage } from "../../src/storage/open.js";
import { compileFilter, ident, metadataColumn, sqlNumber, sqlString } from "../../src/storage/lance/sql.js";
import { collection, IDS_ONLY, rec, recordsOf, tempDir } from "./helpers.js";

/** Keys and values that would break naive quoting. (No lone surrogates: UTF-8 columns cannot hold them, and upstream's JSON parser rejects them anyway.) */
const HOSTILE = [
  "it's",
  "''",
  "'; DROP TABLE x; --",
  "a\\'b",
  "\\",
  "`x`",
  "``",
  '"q"',
  "$eq",
  "$and",
  "é🎉",
  "\u0000z",
  "a\nb",
  "%_",
  "ключ",
  " ",
  "",
];

describe("literals and identifiers", () => {
  it("doubles single quotes and nothing else", () => {
    expect(sqlString("it's")).toBe("'it''s'");
    expect(sqlString("a\\b")).toBe("'a\\b'");
    expect(sqlString("`")).toBe("'`'");
  });

  it("writes numbers as float literals", () => {
    expect(sqlNumber(5)).toBe("5.0");
    expect(sqlNumber(-0)).toBe("0.0");
    expect(sqlNumber(-1.5)).toBe("-1.5");
    expect(sqlNumber(1e21)).toBe("1e+21");
    expect(sqlNumber(1e-7)).toBe("1e-7");
    expect(() => sqlNumber(Number.NaN)).toThrow();
  });

  it("refuses identifiers that would need quoting", () => {
    expect(ident("s_0061")).toBe("`s_0061`");
    expect(() => ident("a`b")).toThrow();
    expect(() => ident("a b")).toThrow();
  });

  it("maps every key to a distinct safe column name", () => {
    const names = HOSTILE.map((k) => metadataColumn("s", k));
    for (const n of names) expect(n).toMatch(/^s_[0-9a-f]*$/);
    expect(new Set(names).size).toBe(HOSTILE.length);
    // Lone surrogates must not collide (a UTF-8 encoding would turn both into U+FFFD).
    expect(metadataColumn("n", "\ud800")).not.toBe(metadataColumn("n", "\ud801"));
    expect(metadataColumn("n", "A")).not.toBe(metadataColumn("n", "a"));
  });
});

describe("compiled predicates", () => {
  const cols = new Set([metadataColumn("n", "x"), metadataColumn("s", "x"), metadataColumn("b", "x")]);
  const n = "`" + metadataColumn("n", "x") + "`";
  const where = (w: MetadataFilter) => compileFilter({ where: w }, cols);

  it("is undefined when nothing narrows", () => {
    expect(compileFilter({}, cols)).toBeUndefined();
  });

  it("turns comparisons on never-seen keys/types into constants", () => {
    expect(where({ kind: "compare", key: "y", op: "$eq", value: 1 })).toBe("false");
    expect(where({ kind: "compare", key: "y", op: "$gt", value: 1 })).toBe("false");
    expect(where({ kind: "compare", key: "y", op: "$ne", value: 1 })).toBe("true");
    expect(where({ kind: "member", key: "y", op: "$in", values: ["a"] })).toBe("false");
    expect(where({ kind: "member", key: "y", op: "$nin", values: ["a"] })).toBe("true");
  });

  it("compares numbers exactly, not with upstream's truncated operand (chroma-core/chroma#7491)", () => {
    expect(where({ kind: "compare", key: "x", op: "$lt", value: 5.5 })).toBe(`${n} < 5.5`);
    expect(where({ kind: "compare", key: "x", op: "$gte", value: -1.5 })).toBe(`${n} >= -1.5`);
    expect(where({ kind: "compare", key: "x", op: "$eq", value: 2.5 })).toBe(`${n} = 2.5`);
    expect(where({ kind: "compare", key: "x", op: "$eq", value: 5 })).toBe(`${n} = 5.0`);
    expect(where({ kind: "member", key: "x", op: "$in", values: [5.5] })).toBe(`${n} IN (5.5)`);
  });

  it("compiles $contains / $not_contains to membership in the key's list column of the operand's type", () => {
    const list = metadataColumn("ls", "x");
    const withList = new Set([...cols, list]);
    const compile = (f: MetadataFilter) => compileFilter({ where: f }, withList);
    expect(compile({ kind: "contains", key: "x", op: "$contains", value: "a'b" })).toBe(`array_has(\`${list}\`, 'a''b')`);
    expect(compile({ kind: "contains", key: "x", op: "$not_contains", value: "a" })).toBe(`(\`${list}\` IS NULL OR NOT array_has(\`${list}\`, 'a'))`);
    // No list column of that element type: nothing contains it, everything does not.
    expect(compile({ kind: "contains", key: "x", op: "$contains", value: 3 })).toBe("false");
    expect(compile({ kind: "contains", key: "x", op: "$not_contains", value: true })).toBe("true");
  });

  it("lets $ne / $nin match records without the key", () => {
    expect(where({ kind: "compare", key: "x", op: "$ne", value: 2 })).toBe(`(${n} IS NULL OR ${n} <> 2.0)`);
  });

  it("compiles empty $and / $or / id lists to constants", () => {
    expect(where({ kind: "and", children: [] })).toBe("true");
    expect(where({ kind: "or", children: [] })).toBe("false");
    expect(compileFilter({ ids: [] }, cols)).toBe("false");
  });

  it("never lets a value or key reach the SQL outside a literal", () => {
    for (const v of HOSTILE) {
      const sql = compileFilter(
        {
          ids: [v],
          where: { kind: "compare", key: v, op: "$eq", value: v },
          whereDocument: { kind: "or", children: [{ kind: "contains", text: v }, { kind: "regex", pattern: v }] },
        },
        new Set([metadataColumn("s", v)]),
      )!;
      // Remove every quoted literal; what is left must be plain syntax (no stray quote/backtick).
      const skeleton = sql.replace(/'(?:[^']|'')*'/g, "L").replace(/`[A-Za-z0-9_]+`/g, "C");
      expect(skeleton).toMatch(/^[A-Za-z0-9_()=<>., ]*$/);
    }
  });
});

describe("hostile keys and values inside LanceDB", () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let storage: OpenedStorage;
  let table: CollectionStore;

  beforeAll(async () => {
    dir = await tempDir();
    storage = await openStorage(dir.path);
    table = await recordsOf(storage, collection());
    // Record i has key HOSTILE[i] set to the value HOSTILE[i], a document HOSTILE[i], and an
    // extra string value so $ne has something to exclude.
    await table.write(HOSTILE.map((h, i) => rec(`id-${h}`, [i, 1], h, { [h]: h, common: h })));
  });
  afterAll(async () => {
    await storage.close();
    await dir.dispose();
  });

  it("matches exactly one record by hostile key and value", async () => {
    for (const h of HOSTILE) {
      const found = await table.find({ where: { kind: "compare", key: h, op: "$eq", value: h } }, { offset: 0 }, IDS_ONLY);
      expect(found.map((r) => r.id)).toEqual([`id-${h}`]);
      const byCommon = await table.find({ where: { kind: "member", key: "common", op: "$in", values: [h] } }, { offset: 0 }, IDS_ONLY);
      expect(byCommon.map((r) => r.id)).toEqual([`id-${h}`]);
      const byId = await table.find({ ids: [`id-${h}`] }, { offset: 0 }, IDS_ONLY);
      expect(byId.map((r) => r.id)).toEqual([`id-${h}`]);
    }
  });

  it("treats hostile document text as a literal substring", async () => {
    for (const h of HOSTILE.filter((x) => x.length > 0)) {
      const found = await table.find({ whereDocument: { kind: "contains", text: h } }, { offset: 0 }, IDS_ONLY);
      const expected = HOSTILE.filter((d) => d.includes(h)).map((d) => `id-${d}`);
      expect(found.map((r) => r.id).sort()).toEqual(expected.sort());
    }
  });

  it("evaluates #id and #document leaves inside one where tree", async () => {
    const ids = async (where: MetadataFilter) => (await table.find({ where }, { offset: 0 }, IDS_ONLY)).map((r) => r.id).sort();
    const quote = HOSTILE.indexOf("it's");
    expect(await ids({ kind: "id", op: "$in", ids: ["id-it's", "missing"] })).toEqual(["id-it's"]);
    expect(await ids({ kind: "id", op: "$nin", ids: ["id-it's"] })).toEqual(HOSTILE.filter((_, i) => i !== quote).map((h) => `id-${h}`).sort());
    expect(
      await ids({
        kind: "or",
        children: [
          { kind: "id", op: "$in", ids: ["id-ключ"] },
          { kind: "document", filter: { kind: "contains", text: "DROP" } },
        ],
      }),
    ).toEqual(["id-'; DROP TABLE x; --", "id-ключ"].sort());
    expect(await ids({ kind: "and", children: [{ kind: "document", filter: { kind: "regex", pattern: "^it" } }, { kind: "compare", key: "common", op: "$eq", value: "it's" }] })).toEqual([
      "id-it's",
    ]);
  });

  it("agrees with a JS model for arbitrary string keys and values (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme-composite", maxLength: 6 }), fc.string({ maxLength: 6 }), async (key, value) => {
        const probe = await recordsOf(storage, collection());
        await probe.write([rec("hit", [1, 0], null, { [key]: value }), rec("miss", [0, 1], null, { [key]: value + "x" })]);
        const eq = await probe.find({ where: { kind: "compare", key, op: "$eq", value } }, { offset: 0 }, IDS_ONLY);
        const ne = await probe.find({ where: { kind: "compare", key, op: "$ne", value } }, { offset: 0 }, IDS_ONLY);
        expect(eq.map((r) => r.id)).toEqual(["hit"]);
        expect(ne.map((r) => r.id)).toEqual(["miss"]);
      }),
      { numRuns: 25 },
    );
  });
});
