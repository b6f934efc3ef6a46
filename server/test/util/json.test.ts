/** http/json.ts: JSON.stringify's text, except that arrays marked as floats write integral values as floats. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asFloats, isFloatKey, setFloatKey } from "../../src/util/floats.js";
import { parseJson, stringifyJson } from "../../src/util/json.js";

describe("stringifyJson", () => {
  it("writes integral values of float arrays with a fraction, at any depth", () => {
    const body = { ids: ["a"], embeddings: [asFloats([1, 0, -2, 0.5])], distances: [asFloats([3, null])], n: 4, k: [1, 2] };
    expect(stringifyJson(body)).toBe('{"ids":["a"],"embeddings":[[1.0,0.0,-2.0,0.5]],"distances":[[3.0,null]],"n":4,"k":[1,2]}');
    expect(JSON.parse(stringifyJson(body))).toEqual(body);
  });

  it("keeps large and tiny floats in their shortest form", () => {
    expect(stringifyJson(asFloats([1e21, 1e300, -0, 1e-7, 123456789012]))).toBe("[1e+21,1e+300,0.0,1e-7,123456789012.0]");
  });

  it("is JSON.stringify for anything without marks", () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(json, (v) => {
        expect(stringifyJson(v)).toBe(JSON.stringify(v));
      }),
      { numRuns: 300 },
    );
    const odd = { a: undefined, f: () => 1, d: new Date(0), nested: [undefined, { x: undefined }] };
    expect(stringifyJson(odd)).toBe(JSON.stringify(odd));
    expect(stringifyJson(undefined)).toBe("null");
    // Flat maps take JSON.stringify whole (the fast path): the same text, and marks still win.
    const flat = { a: undefined, f: () => 1, n: NaN, s: "x", b: true, z: null, i: 3 };
    expect(stringifyJson(flat)).toBe(JSON.stringify(flat));
    const marked = { i: 2, j: 3 };
    setFloatKey(marked, "i", true);
    expect(stringifyJson(marked)).toBe('{"i":2.0,"j":3}');
  });

  it("reads back to the same values with marks anywhere", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 8 }), { maxLength: 5 }), (rows) => {
        const marked = { rows: rows.map((r) => asFloats([...r])) };
        const text = stringifyJson(marked);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify({ rows })));
        for (const r of rows) for (const x of r) if (Number.isInteger(x) && Math.abs(x) < 1e21) expect(text).toContain(`${Object.is(x, -0) ? 0 : x}.0`);
      }),
      { numRuns: 200 },
    );
  });
});

describe("parseJson", () => {
  it("is JSON.parse, and marks the places of integral float literals", () => {
    const text = '{"m": {"a": 2.0, "b": 2, "c": 2.5, "d": 1e3, "e": -0.00, "s": "2.0"}, "l": [1, 2.0, 3E+0], "deep": [{"x": [[4.000]]}]}';
    const v = parseJson(text) as any;
    expect(v).toEqual(JSON.parse(text));
    expect(["a", "b", "c", "d", "e", "s"].map((k) => isFloatKey(v.m, k))).toEqual([true, false, false, true, true, false]);
    expect([0, 1, 2].map((i) => isFloatKey(v.l, i))).toEqual([false, true, true]);
    expect(isFloatKey(v.deep[0].x[0], 0)).toBe(true);
  });

  it("a repeated key keeps the last literal's kind, as JSON.parse keeps its value", () => {
    expect(isFloatKey((parseJson('{"a": 2.0, "a": 2}') as object), "a")).toBe(false);
    expect(isFloatKey((parseJson('{"a": 2, "a": 2.0}') as object), "a")).toBe(true);
  });

  it("survives strings that look like structure, escapes and whitespace", () => {
    const text = ' { "k\\"}]": [ "a,]}\\\\", 1.0 ] ,\n"z" :\t7.00 } ';
    const v = parseJson(text) as any;
    expect(v).toEqual(JSON.parse(text));
    expect(isFloatKey(v['k"}]'], 1)).toBe(true);
    expect(isFloatKey(v, "z")).toBe(true);
    // A key spelled with escapes is marked under the name JSON.parse gives it; quotes after runs of backslashes.
    const escaped = parseJson('{"\\u0061\\\\": 2.0, "b": ["\\\\\\"", "\\\\\\\\", 3.0], "c\\"": 1}') as any;
    expect(Object.keys(escaped)).toEqual(["a\\", "b", 'c"']);
    expect(isFloatKey(escaped, "a\\")).toBe(true);
    expect(isFloatKey(escaped.b, 2)).toBe(true);
    expect(isFloatKey(escaped, 'c"')).toBe(false);
  });

  it("marks the same places in a large body of base64 strings as in the same values written plainly", () => {
    const embeddings = Array.from({ length: 50 }, (_, i) => Buffer.from(Float32Array.from({ length: 64 }, (_, d) => Math.sin(i * 64 + d)).buffer).toString("base64"));
    const text = JSON.stringify({ ids: embeddings.map((_, i) => `id\\"${i}`), embeddings }).replace(/}$/, ', "metadatas": [{"x": 2.0, "y": 2}, {"x": 1e1}]}');
    const v = parseJson(text) as any;
    expect(v).toEqual(JSON.parse(text));
    expect([isFloatKey(v.metadatas[0], "x"), isFloatKey(v.metadatas[0], "y"), isFloatKey(v.metadatas[1], "x")]).toEqual([true, false, true]);
  });

  it("round-trips through stringifyJson: what was a float is written as one", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom("2.0", "1e2", "-3.000"))), (entries) => {
        const text = "{" + Object.entries(entries).map(([k, v]) => `${JSON.stringify(k)}:${typeof v === "string" ? v : String(v)}`).join(",") + "}";
        const parsed = parseJson(text) as Record<string, number>;
        const back = stringifyJson(parsed);
        expect(JSON.parse(back)).toEqual(JSON.parse(text));
        for (const [k, v] of Object.entries(entries)) {
          const written = JSON.stringify(k) + ":" + (typeof v === "string" ? `${Number(v)}.0`.replace(/^-?0\.0$/, "0.0") : String(v));
          expect(back).toContain(written);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("throws JSON.parse's error on bad text", () => {
    expect(() => parseJson('{"a": 2.0')).toThrow(SyntaxError);
  });
});
