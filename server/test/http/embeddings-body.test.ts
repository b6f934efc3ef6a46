/**
 * Write bodies whose base64 embeddings are decoded from the bytes (http/embeddings-body.ts) read
 * exactly as the usual path reads them: the same parsed value (float marks included), the same
 * embeddings or the same error, the same validation issues. Each body is parsed both ways
 * (router parseBody with and without `write`) and the outcomes compared.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeEmbeddings, PREDECODED, type WireEmbedding } from "../../src/core/embeddings.js";
import { nativeDecoderInUse, splitEmbeddings, useNativeDecoder } from "../../src/http/embeddings-body.js";
import { parseBody, type Parsed } from "../../src/http/router.js";
import { hnsw } from "../../src/storage/memory/native.js";
import { stringifyJson } from "../../src/util/json.js";

const b64 = (values: number[]) => Buffer.from(new Float32Array(values).buffer).toString("base64");

/** What a handler sees of a parse: the body without its embeddings (as JSON, float marks included), and the decoded embeddings or the decode error. */
function outcome(parsed: Parsed): unknown {
  if (!parsed.ok) return { issues: parsed.issues };
  const body = parsed.value as Record<string, unknown> | null;
  if (body === null || typeof body !== "object" || Array.isArray(body)) return { value: stringifyJson(body) };
  const { embeddings, ...rest } = body;
  let decoded: unknown;
  if (!Array.isArray(embeddings)) decoded = { wire: embeddings ?? "absent" };
  else {
    try {
      decoded = decodeEmbeddings(embeddings as WireEmbedding[]).map((e) => Array.from(new Uint32Array(e.buffer, e.byteOffset, e.length)));
    } catch (err) {
      decoded = { error: (err as Error).message };
    }
  }
  return { rest: stringifyJson(rest), keys: Object.keys(body), decoded };
}

function expectSame(raw: Buffer): { fast: boolean } {
  const usual = parseBody(raw, true, false);
  const fast = parseBody(raw, true, true);
  expect(outcome(fast)).toEqual(outcome(usual));
  const value = fast.ok ? (fast.value as { embeddings?: unknown }) : null;
  return { fast: Array.isArray(value?.embeddings) && value.embeddings[0] === PREDECODED };
}

it("decodes with the addon's decoder when the addon has one (a build from before it: rebuild native/)", () => {
  useNativeDecoder(true);
  expect(nativeDecoderInUse()).toBe(true);
});

it("the addon's decoder decodes spans back to back, refuses what is not base64 or finite, and checks its bounds", () => {
  const decode = hnsw().decodeBase64Floats!.bind(hnsw());
  const text = Buffer.from(`"${b64([1.5, -2, 0.25])}","${b64([3]).replace(/=+$/, "")}"`);
  const out = new Uint8Array(16);
  // b64([1.5, -2, 0.25]) is 16 characters (no padding); b64([3]) is 6 without its padding.
  expect(decode(text, new Int32Array([1, 16, 20, 6]), out)).toBe(true);
  expect(new Float32Array(out.buffer)).toEqual(new Float32Array([1.5, -2, 0.25, 3]));
  expect(decode(Buffer.from("AAAA!AAA"), new Int32Array([0, 8]), new Uint8Array(6))).toBe(false);
  expect(decode(Buffer.from(b64([Number.NaN])), new Int32Array([0, 6]), new Uint8Array(4))).toBe(false);
  expect(() => decode(text, new Int32Array([1, 40]), out)).toThrow(RangeError);
  expect(() => decode(text, new Int32Array([1, 16]), new Uint8Array(8))).toThrow(RangeError);
  expect(() => decode(text, new Int32Array([1, 5]), out)).toThrow(RangeError);
  expect(() => decode(text, new Uint32Array([1, 16]) as unknown as Int32Array, out)).toThrow(TypeError);
});

// Every case with the addon's decoder and with the JS one: the same bytes, the same refusals.
describe.each([true, false])("base64 embeddings decoded from the body's bytes (addon decoder: %s)", (native) => {
  beforeAll(() => useNativeDecoder(native));
  afterAll(() => useNativeDecoder(true));

  it("reads a client's add body with the fast path, as the usual path does", () => {
    const embeddings = [b64([0.5, -1.25, 3, 1e-30]), b64([1, 2, 3, 4]), b64([-0, 7.5, 1e30, -2])];
    const body = { ids: ["a", "b", "c"], embeddings, metadatas: [{ k: 2.0, even: true }, null, { embeddings: "x" }], documents: ["d \"embeddings\": [1]", "é", null] };
    const raw = Buffer.from(JSON.stringify(body).replace('"k":2', '"k":2.0'));
    expect(expectSame(raw).fast).toBe(true);
    const parsed = parseBody(raw, true, true) as { ok: true; value: { embeddings: WireEmbedding[]; metadatas: unknown } };
    const decoded = decodeEmbeddings(parsed.value.embeddings);
    expect(decoded).toEqual([new Float32Array([0.5, -1.25, 3, 1e-30]), new Float32Array([1, 2, 3, 4]), new Float32Array([-0, 7.5, 1e30, -2])]);
    // One buffer for the batch, in order, as decodeEmbeddings lays it out (storage takes it as one block).
    expect(new Set(decoded.map((e) => e.buffer)).size).toBe(1);
    expect(decoded.map((e) => e.byteOffset)).toEqual([0, 16, 32]);
    // A second decode of the same body gets its own copy.
    const again = decodeEmbeddings(parsed.value.embeddings);
    expect(again).toEqual(decoded);
    expect(again[0].buffer).not.toBe(decoded[0].buffer);
    // The integral float metadata value keeps its mark (written back as 2.0).
    expect(stringifyJson(parsed.value.metadatas)).toBe('[{"k":2.0,"even":true},null,{"embeddings":"x"}]');
  });

  it("takes padded and unpadded base64, whitespace between tokens, and any key order", () => {
    const e = [b64([1]), b64([1, 2]), b64([1, 2, 3]), b64([1, 2, 3, 4])];
    const unpadded = e.map((t) => t.replace(/=+$/, ""));
    for (const text of [
      JSON.stringify({ ids: ["a", "b", "c", "d"], embeddings: e }),
      JSON.stringify({ embeddings: unpadded, ids: ["a", "b", "c", "d"] }),
      JSON.stringify({ ids: ["a", "b", "c", "d"], embeddings: e, documents: null }, null, 2),
      `\r\n {"ids" : ["a","b","c","d"] , "embeddings"\t:\n[ "${e[0]}" ,"${unpadded[1]}","${e[2]}"  ,  "${e[3]}" ] }\n`,
    ]) {
      expect(expectSame(Buffer.from(text)).fast, text).toBe(true);
    }
  });

  it("leaves every other body to the usual path, with its exact answer", () => {
    const good = b64([1, 2]);
    const nan = b64([1, Number.NaN]);
    const inf = b64([Number.POSITIVE_INFINITY, 1]);
    const cases: [string, string][] = [
      ["floats", JSON.stringify({ ids: ["a"], embeddings: [[1, 2]] })],
      ["mixed float and base64", JSON.stringify({ ids: ["a", "b"], embeddings: [good, [1, 2]] })],
      ["mixed base64 and float", JSON.stringify({ ids: ["a", "b"], embeddings: [[1, 2], good] })],
      ["bad base64", JSON.stringify({ ids: ["a"], embeddings: ["!!!!"] })],
      // 0x3f7fffff (0.99999994) is "//9/Pw==" in standard base64.
      ["url-safe base64", JSON.stringify({ ids: ["a"], embeddings: [Buffer.from([0xff, 0xff, 0x7f, 0x3f]).toString("base64url")] })],
      ["not whole float32", JSON.stringify({ ids: ["a"], embeddings: [Buffer.from([1, 2, 3]).toString("base64")] })],
      ["non-zero spare bits", JSON.stringify({ ids: ["a"], embeddings: ["AACAPx=="] })],
      ["a dangling character", JSON.stringify({ ids: ["a"], embeddings: ["AACAPwA"] })],
      ["too much padding", JSON.stringify({ ids: ["a"], embeddings: [`${good}==`] })],
      ["NaN", JSON.stringify({ ids: ["a", "b"], embeddings: [good, nan] })],
      ["infinity", JSON.stringify({ ids: ["a"], embeddings: [inf] })],
      ["empty string", JSON.stringify({ ids: ["a"], embeddings: [""] })],
      ["empty array", JSON.stringify({ ids: [], embeddings: [] })],
      ["null", JSON.stringify({ ids: ["a"], embeddings: null })],
      ["a string, not an array", JSON.stringify({ ids: ["a"], embeddings: good })],
      ["an escape inside the base64", `{"ids":["a"],"embeddings":["${good.slice(0, 4)}\\/${good.slice(5)}"]}`],
      ["an escaped key", `{"ids":["a"],"embe\\u0064dings":["${good}"]}`],
      ["an escaped key after it", `{"ids":["a"],"embeddings":["${good}"],"embe\\u0064dings":[[1,2]]}`],
      ["a repeated key", `{"ids":["a"],"embeddings":["${good}"],"embeddings":[[1,2]]}`],
      ["a repeated key, base64 both", `{"ids":["a"],"embeddings":["${good}"],"embeddings":["${b64([3, 4])}"]}`],
      ["a nested key only", JSON.stringify({ ids: ["a"], metadatas: [{ embeddings: [good] }] })],
      ["a top-level array", JSON.stringify([{ embeddings: [good] }])],
      ["truncated", `{"ids":["a"],"embeddings":["${good}"]`],
      ["trailing garbage", `{"ids":["a"],"embeddings":["${good}"]}x`],
      ["broken after the array", `{"ids":["a"],"embeddings":["${good}"],"documents":[}`],
      ["a trailing comma", `{"ids":["a"],"embeddings":["${good}",]}`],
      ["unterminated string", `{"ids":["a"],"embeddings":["${good}]}`],
      ["too deep", `{"ids":["a"],"embeddings":["${good}"],"metadatas":${"[".repeat(600)}${"]".repeat(600)}}`],
      ["a BOM", `\ufeff{"ids":["a"],"embeddings":["${good}"]}`],
      ["empty", ""],
      ["blank", "  \n"],
      ["wrong field types", JSON.stringify({ ids: ["a", 7], embeddings: [good, good], metadatas: "x" })],
    ];
    for (const [what, text] of cases) {
      const { fast } = expectSame(Buffer.from(text));
      // The fast path declines these; only the last (types wrong elsewhere) is its to answer.
      if (what !== "wrong field types") expect(fast, what).toBe(false);
    }
  });

  it("reads non-ASCII documents around the embeddings as UTF-8, malformed bytes too", () => {
    const good = b64([1, 2]);
    const raw = Buffer.concat([
      Buffer.from(`{"documents":["é 日本語 🙂","`),
      Buffer.from([0xe9, 0x41]),
      Buffer.from(`"],"embeddings":["${good}","${good}"],"ids":["`),
      Buffer.from([0xf0, 0x9f]),
      Buffer.from(`","b"]}`),
    ]);
    expect(expectSame(raw).fast).toBe(true);
  });

  it("agrees with the usual path on generated bodies (base64 well or badly formed, keys in any order, strings that look like keys)", () => {
    const float = fc.float({ noDefaultInfinity: false, noNaN: false });
    const embedding = fc.oneof(
      fc.array(float, { minLength: 0, maxLength: 6 }).map((v) => b64(v)),
      fc.array(float, { minLength: 1, maxLength: 6 }).map((v) => b64(v).replace(/=+$/, "")),
      fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 3 }),
      fc.string({ maxLength: 12 }),
      fc.constantFrom("AACAPw==", "AACAPx==", "AACAPw", "AACAP", "AAAA====", "=AAA", "AA=A"),
    );
    const doc = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"embeddings":["AACAPw=="]', "{[", "\\", "\"", null));
    const body = fc.record(
      {
        ids: fc.array(fc.string({ maxLength: 4 }), { maxLength: 4 }),
        embeddings: fc.oneof(
          // Well-formed arrays (the fast path's) as often as arbitrary ones.
          fc.array(fc.array(float, { minLength: 1, maxLength: 6 }).map((v) => b64(v)), { minLength: 1, maxLength: 4 }),
          fc.array(embedding, { maxLength: 4 }),
          fc.constant(null),
        ),
        documents: fc.array(doc, { maxLength: 4 }),
        metadatas: fc.array(fc.oneof(fc.constant(null), fc.record({ k: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 3 })) })), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    let fast = 0;
    fc.assert(
      fc.property(body, fc.constantFrom(0, 2), (b, indent) => {
        if (expectSame(Buffer.from(JSON.stringify(b, null, indent))).fast) fast++;
      }),
      { numRuns: 400 },
    );
    // Enough of the generated bodies take the fast path for the comparison to mean something.
    expect(fast).toBeGreaterThan(20);
  });

  it("finds the array's bytes and decodes it in one buffer", () => {
    const e = [b64([1, 2]), b64([3, 4])];
    const text = `{"ids":["x"],"embeddings":[ "${e[0]}","${e[1]}" ],"documents":null}`;
    const split = splitEmbeddings(Buffer.from(text));
    expect(split).not.toBeNull();
    expect(text.slice(split!.start, split!.end)).toBe(`[ "${e[0]}","${e[1]}" ]`);
    expect(split!.embeddings).toEqual([new Float32Array([1, 2]), new Float32Array([3, 4])]);
  });
});
