/**
 * Filters evaluated over the resident copy (memory/record-filter.ts) answer exactly what LanceDB
 * answers for the same filter (lance/sql.ts): random filter trees over records with mixed-type
 * metadata (ints, non-integral floats, -0, strings with lone surrogates and U+FFFD, booleans,
 * keys named like Object.prototype members), documents and ids, compared between a storage that
 * keeps records in memory and one that does not, before and after deletes and upserts that move
 * metadata between slots, and after a reload (metadata parsed from LanceDB's JSON). The memory
 * side is made unable to reach LanceDB for filters, so a silent fallback cannot pass the test.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentFilter, MetadataFilter, MetadataScalar, RecordFilter } from "../../src/core/filter.js";
import type { Metadata, StoredRecord } from "../../src/core/model.js";
import type { CollectionStore } from "../../src/storage/collection.js";
import { FilterColumns, NUMBER, STRING } from "../../src/storage/memory/filter-columns.js";
import { numberMatches } from "../../src/storage/memory/record-filter.js";
import { openStorage, type OpenedStorage } from "../../src/storage/open.js";
import { collection, IDS_ONLY, rec, recordsOf, rng, tempDir } from "./helpers.js";

const KEYS = ["a", "b", "c", "constructor"];
const NUMBERS = [-2, -1, -0, 0, 1, 2, 3, 0.5, -1.5, 1.5, 2.5, 1e20];
const STRINGS = ["x", "y", "", "é", "\ud800", "\ufffd", "x\udc00y"];
const TEXTS = ["doc", "1", "2", " ", "x", "\ud800", "\ufffd", "", "Doc"];

function randomRecords(seed: number, n: number, prefix: string): StoredRecord[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const value = (): MetadataScalar => {
    const t = r();
    return t < 0.45 ? pick(NUMBERS) : t < 0.8 ? pick(STRINGS) : r() < 0.5;
  };
  return Array.from({ length: n }, (_, i) => {
    let metadata: Metadata | null = null;
    if (r() > 0.1) {
      metadata = {};
      for (const k of KEYS) if (r() < (k === "constructor" ? 0.2 : 0.7)) metadata[k] = value();
      if (Object.keys(metadata).length === 0 && r() < 0.5) metadata = null;
    }
    const document = r() < 0.15 ? null : `${pick(["doc", "Doc", "x"])} ${i % 7}${r() < 0.1 ? pick(["\ud800", "\ufffd"]) : ""}`;
    return rec(`${prefix}${i}`, [r(), r(), r()], document, metadata);
  });
}

const scalarArb: fc.Arbitrary<MetadataScalar> = fc.oneof(fc.constantFrom(...NUMBERS), fc.constantFrom(...STRINGS), fc.boolean());
const keyArb = fc.constantFrom(...KEYS, "missing");
const idArb = fc.constantFrom("r0", "r1", "r5", "r17", "r40", "u3", "nope");

const documentArb: fc.Arbitrary<DocumentFilter> = fc.letrec((tie) => ({
  leaf: fc.record({ kind: fc.constantFrom("contains" as const, "not_contains" as const), text: fc.constantFrom(...TEXTS) }),
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    fc.record({ kind: fc.constantFrom("and" as const, "or" as const), children: fc.array(tie("node"), { maxLength: 3 }) }),
  ),
})).node as fc.Arbitrary<DocumentFilter>;

const whereArb: fc.Arbitrary<MetadataFilter> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.record({ kind: fc.constant("compare" as const), key: keyArb, op: fc.constantFrom("$eq" as const, "$ne" as const), value: scalarArb }),
    fc.record({
      kind: fc.constant("compare" as const),
      key: keyArb,
      op: fc.constantFrom("$gt" as const, "$gte" as const, "$lt" as const, "$lte" as const),
      value: fc.constantFrom(...NUMBERS),
    }),
    fc.record({ kind: fc.constant("member" as const), key: keyArb, op: fc.constantFrom("$in" as const, "$nin" as const), values: fc.array(scalarArb, { maxLength: 4 }) }),
    fc.record({ kind: fc.constant("id" as const), op: fc.constantFrom("$in" as const, "$nin" as const), ids: fc.uniqueArray(idArb, { maxLength: 3 }) }),
    fc.record({ kind: fc.constant("document" as const), filter: documentArb }),
  ),
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    fc.record({ kind: fc.constantFrom("and" as const, "or" as const), children: fc.array(tie("node"), { maxLength: 3 }) }),
  ),
})).node as fc.Arbitrary<MetadataFilter>;

const filterArb: fc.Arbitrary<RecordFilter> = fc.record(
  { ids: fc.uniqueArray(idArb, { maxLength: 4 }), where: whereArb, whereDocument: documentArb },
  { requiredKeys: [] },
);

describe("filters evaluated in memory equal LanceDB's answers", () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let withMemory: OpenedStorage;
  let lanceOnly: OpenedStorage;
  const coll = collection();
  let mem: CollectionStore;
  let sql: CollectionStore;

  /** The memory side may not ask LanceDB to evaluate a filter: it must answer itself. */
  function forbidLanceFilters(store: CollectionStore): void {
    const lance = (store as unknown as { lance: Record<string, unknown> }).lance;
    for (const method of ["find", "matchingSeqs", "nearest"]) {
      lance[method] = () => {
        throw new Error(`LanceDB was asked to evaluate a filter (${method}) that memory should have answered`);
      };
    }
  }

  async function same(filter: RecordFilter): Promise<void> {
    const want = (await sql.find(filter, { offset: 0 }, IDS_ONLY)).map((v) => v.id);
    const got = (await mem.find(filter, { offset: 0 }, IDS_ONLY)).map((v) => v.id);
    expect(got, JSON.stringify(filter)).toEqual(want);
    // The same candidates rank in a k-NN search (k above the count: every match comes back).
    const [near] = await mem.nearest([Float32Array.of(0.5, 0.5, 0.5)], 1000, filter, IDS_ONLY);
    expect(near.map((n) => n.id).sort(), JSON.stringify(filter)).toEqual([...want].sort());
  }

  const check = () =>
    fc.assert(
      fc.asyncProperty(filterArb, (f) => same(f)),
      { numRuns: 250 },
    );

  beforeAll(async () => {
    dir = await tempDir();
    withMemory = await openStorage(`${dir.path}/mem`, { memory: { ann: false } });
    lanceOnly = await openStorage(`${dir.path}/sql`, { memory: { enabled: false } });
    mem = await recordsOf(withMemory, coll);
    sql = await recordsOf(lanceOnly, coll);
    const records = randomRecords(7, 120, "r");
    for (const s of [mem, sql]) for (let i = 0; i < records.length; i += 40) await s.write(records.slice(i, i + 40));
  });
  afterAll(async () => {
    await withMemory.close();
    await lanceOnly.close();
    await dir.dispose();
  });

  it("on freshly written records", async () => {
    forbidLanceFilters(mem);
    await check();
  });

  it("after deletes and upserts reuse slots with other metadata", async () => {
    // A fresh composer over the same storage, so the forbidden methods of the first one are gone.
    const writer = async (s: CollectionStore) => {
      await s.delete({ where: { kind: "compare", key: "a", op: "$eq", value: 1 } });
      await s.delete({ ids: ["r3", "r4", "r9", "r10"] });
      await s.write(randomRecords(8, 30, "u"));
      await s.write(randomRecords(9, 20, "r"));
    };
    const reopened = await reopen();
    // Filters on every key first, so their columns exist and must follow the writes below.
    for (const key of KEYS) await reopened.find({ where: { kind: "compare", key, op: "$ne", value: 0 } }, { offset: 0 }, IDS_ONLY);
    await writer(reopened);
    await writer(sql);
    mem = reopened;
    forbidLanceFilters(mem);
    await check();
  });

  it("after a reload from LanceDB (metadata parsed from its JSON)", async () => {
    mem = await reopen();
    expect((mem as unknown as { state: string }).state).toBe("resident");
    forbidLanceFilters(mem);
    await check();
  });

  it("declines $regex (Rust's dialect): LanceDB answers, with the same result", async () => {
    const reopened = await reopen();
    const filter: RecordFilter = { whereDocument: { kind: "regex", pattern: "^doc [0-3]" } };
    const want = (await sql.find(filter, { offset: 0 }, IDS_ONLY)).map((v) => v.id);
    expect(want.length).toBeGreaterThan(0);
    expect((await reopened.find(filter, { offset: 0 }, IDS_ONLY)).map((v) => v.id)).toEqual(want);
  });

  /**
   * A new composer over the memory storage (the storage hands out one per collection id), once
   * its resident copy has loaded (reads use LanceDB while it loads), or after 5 s.
   */
  async function reopen(): Promise<CollectionStore> {
    await withMemory.close();
    withMemory = await openStorage(`${dir.path}/mem`, { memory: { ann: false } });
    const s = await recordsOf(withMemory, coll);
    for (let i = 0; i < 200 && (s as unknown as { state: string }).state !== "resident"; i++) await new Promise((r) => setTimeout(r, 25));
    // The load's second half (documents, uris, metadata) follows "resident"; until it is in,
    // filters are LanceDB's by design, so the checks below start after it.
    await (s as unknown as { payloads: Promise<void> | null }).payloads;
    return s;
  }
});

describe("numberMatches: by value, exactly (chroma-core/chroma#7491 is not followed)", () => {
  it("never matches an integral value against a fractional operand it does not equal", () => {
    expect(numberMatches(2, "$eq", 2.5)).toBe(false);
    expect(numberMatches(-2, "$eq", -2.5)).toBe(false);
    expect(numberMatches(2, "$gt", 2.5)).toBe(false);
    expect(numberMatches(3, "$gt", 2.5)).toBe(true);
    expect(numberMatches(2, "$gte", 2.5)).toBe(false);
    expect(numberMatches(2, "$lt", 2.5)).toBe(true);
    expect(numberMatches(2.5, "$eq", 2.5)).toBe(true);
    expect(numberMatches(2.25, "$lt", 2.5)).toBe(true);
    expect(numberMatches(-0, "$eq", 0)).toBe(true);
    expect(numberMatches(2, "$eq", 2)).toBe(true);
  });
});

describe("FilterColumns", () => {
  const meta = (i: number) => Object.fromEntries(Array.from({ length: 20 }, (_, k) => [`k${k}`, k % 2 === 0 ? i * 100 + k : `s${i}-${k}`]));
  const expectColumn = (cols: FilterColumns, k: number, live: number[], gone: number[]) => {
    const c = cols.column(`k${k}`);
    for (const i of live) {
      if (k % 2 === 0) {
        expect(c.tag[i]).toBe(NUMBER);
        expect(c.num[i]).toBe(i * 100 + k);
      } else {
        expect(c.tag[i]).toBe(STRING);
        expect(c.code[i]).toBe(cols.codeOf(`s${i}-${k}`));
      }
    }
    for (const i of gone) expect(c.tag[i] ?? 0).toBe(0);
  };

  it("keeps built columns in step with later puts (past their length) and removes", () => {
    const cols = new FilterColumns();
    for (let i = 0; i < 5; i++) cols.put(i, meta(i));
    for (let k = 0; k < 16; k++) cols.column(`k${k}`);
    const built = Array.from({ length: 16 }, (_, k) => cols.column(`k${k}`));
    cols.put(70, meta(70));
    cols.remove(2);
    cols.put(3, meta(33));
    for (let k = 0; k < 16; k++) {
      // The same column objects, updated in place (not rebuilt).
      expect(cols.column(`k${k}`)).toBe(built[k]);
      expectColumn(cols, k, [0, 1, 4, 70], [2, 50]);
    }
    expect(cols.column("k0").num[3]).toBe(3300);
    expect(cols.codeOf("never")).toBe(-1);
  });

  it("drops the least recently used column past 16 keys and rebuilds it from the records on its next use", () => {
    const cols = new FilterColumns();
    for (let i = 0; i < 5; i++) cols.put(i, meta(i));
    const first = cols.column("k0");
    for (let k = 1; k < 17; k++) cols.column(`k${k}`);
    cols.put(9, meta(9));
    const again = cols.column("k0");
    expect(again).not.toBe(first);
    expectColumn(cols, 0, [0, 1, 2, 3, 4, 9], [5, 8]);
  });

  it("keeps no object for a record whose metadata JSON the payload cache holds: columns parse that JSON", () => {
    // The payload cache's JSON by slot (undefined: not cached: those records keep their object).
    const cache = new Map<number, string | null>();
    let parsed = 0;
    const cols = new FilterColumns(
      (slot) => cache.get(slot),
      (json) => {
        parsed++;
        return JSON.parse(json);
      },
    );
    let lazyCalls = 0;
    for (let i = 0; i < 6; i++) {
      if (i % 3 === 2) {
        cols.put(i, meta(i)); // beyond the payload budget: the object is kept
        continue;
      }
      cache.set(i, JSON.stringify(meta(i)));
      cols.put(i, () => {
        lazyCalls++;
        return meta(i);
      });
    }
    cache.set(6, null);
    cols.put(6, null);
    // No column yet: a load's lazy metadata is never parsed.
    expect(lazyCalls).toBe(0);
    expect(parsed).toBe(0);
    for (const k of [0, 1]) expectColumn(cols, k, [0, 1, 2, 3, 4, 5], [6, 7]);
    // Each column's build parses the 4 cached records' JSON (not the objects' records, nor null).
    expect(parsed).toBe(8);
    expect(cols.metadata(4)).toEqual(meta(4));
    expect(cols.metadata(6)).toBeNull();
    // With columns built, a put's lazy value is asked for once to keep them in step.
    cache.set(7, JSON.stringify(meta(7)));
    cols.put(7, () => (lazyCalls++, meta(7)));
    expect(lazyCalls).toBe(1);
    expectColumn(cols, 0, [7], []);
    // Replaced by a record beyond the budget, then removed: neither reads the cache again.
    cache.delete(1);
    cols.put(1, meta(11));
    expect(cols.column("k0").num[1]).toBe(1100);
    cols.remove(0);
    expect(cols.metadata(0)).toBeNull();
    // A lazy value for a record the cache does not hold is taken at once and kept as an object.
    cols.put(8, () => (lazyCalls++, meta(8)));
    expect(lazyCalls).toBe(2);
    expect(cols.metadata(8)).toEqual(meta(8));
    expect(cols.column("k0").num[8]).toBe(800);
  });
});
