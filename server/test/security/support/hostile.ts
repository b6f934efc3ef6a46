/**
 * The hostile-input vocabulary: strings, path segments, query values, numbers that JSON cannot
 * carry, deep filters, unknown operators, and the text-level corruptions of a JSON body. Kept apart
 * from the schema walker so each list can be read (and extended) on its own.
 */
import * as fc from "fast-check";

/** Strings that have broken servers: path tricks, NUL, bidi marks, emoji, lone surrogates, SQL/regex/template syntax. */
export const HOSTILE_STRINGS: string[] = [
  "", " ", ".", "..", "...", "/", "a/b", "../../etc/passwd", "..\\..\\windows", "%2F", "%2e%2e", "%00", "%zz", "%", "?x=1", "#frag", "&", "=",
  "\u0000", "a\u0000b", "\u0001\u001f", "\r\n", "\t", "\u007f",
  "\u202eevil\u202c", "\u200f\u200e\u200d", "\u2066x\u2069", "\ufeff", "\ufffe", "\uffff",
  "😀", "👩‍👩‍👧‍👦", "🏳️‍🌈", "\ud800", "\udfff", "a\ud83dz", "e\u0301", "ﬁ", "Ⅻ", "İ", "ß", "ǅ", "\u0130\u0131",
  "' OR '1'='1", "\" OR \"\"=\"", "`x`", "x`; DROP TABLE records; --", "); DELETE FROM t; --", "\\", "\\'", "''", "%_", "*", "_",
  "$and", "$or", "$eq", "$contains", "$regex", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty",
  "(", "[", "(?=a)", "(a)\\1", "a{99999}", "(a+)+$", ".*", "\\p{L}",
  "${jndi:ldap://x/a}", "{{7*7}}", "<script>alert(1)</script>", "CON", "nul", "aux.txt",
  "x".repeat(513), "y".repeat(70_000),
  "-", "--", "_a", "a_", "a..b", "1.2.3.4", "::1", "0", "-1", "null", "true", "NaN", "Infinity", "1e999",
];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  );

/** encodeURIComponent, but lone surrogates (which it refuses) are sent as their raw UTF-8-ish bytes. */
export function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return Array.from(Buffer.from(value, "utf8"))
      .map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`)
      .join("");
  }
}

/** Path segments sent as-is (already "encoded"): traversal, broken escapes, encoded separators. */
export const RAW_SEGMENTS = [
  "..", ".", "%2e%2e", "%2E%2E%2F%2E%2E", "..%2F..%2F", "%2F", "a%2Fb", "%5C", "%00", "a%00b", "%zz", "%", "%%", "%E2%80%AE", "%ED%A0%80",
  "%C0%AF", "%FF", "a;b", "a,b", "~", "%20", "+", "a+b", "*", "(", ")", "'", "!", "@", "$", "%7B%7D",
];

export const rawSegment = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 3, arbitrary: hostileString().map(encodeSegment) },
    { weight: 1, arbitrary: fc.constantFrom("a".repeat(5000), encodeSegment("é".repeat(3000))) },
  );

/**
 * Makes a hostile value sendable on a request line: bytes outside visible ASCII (spaces, controls,
 * non-ASCII) are percent-encoded; everything else, including '%' (so "%zz" stays broken), is kept.
 */
export function requestLineSafe(value: string): string {
  let out = "";
  for (const byte of Buffer.from(value, "utf8")) out += byte > 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  return out;
}

/** Query values for integer / string parameters. */
export const HOSTILE_QUERY_VALUES = [
  "-1", "-0", "0", "1.5", "1e3", "1e999", "-1e999", "NaN", "Infinity", "abc", "", " 3", "3 ", "0x10", "0b1", "٣",
  "99999999999999999999999", "9007199254740993", "4294967296", "2147483648", "%00", "%zz", "null", "true", "[]", "{}",
];

/**
 * Numbers JSON cannot carry (or carries badly), written into the body text as raw tokens: NaN and
 * Infinity are not JSON at all, 1e999 parses to Infinity, the rest are edge magnitudes.
 */
export const RAW_NUMBERS = [
  "NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-400", "-0", "1.7976931348623157e308", "5e-324",
  "9007199254740993", "18446744073709551616", "4294967296", "2147483648", "-2147483649", "1" + "0".repeat(400), "0.1e1", "01", "+1", ".5", "1.",
];

/** A sentinel string that stands for a raw token; replaced in the JSON text after stringify. */
export const rawToken = (i: number) => `@@raw-token-${i}@@`;

/** Where / where_document filters nested `depth` levels ($and / $or alternating). */
export function deepWhere(depth: number): unknown {
  let node: unknown = { owner: "x" };
  for (let i = 0; i < depth; i++) node = { [i % 2 === 0 ? "$and" : "$or"]: [node, { i: { $gte: i } }] };
  return node;
}

export function deepWhereDocument(depth: number): unknown {
  let node: unknown = { $contains: "x" };
  for (let i = 0; i < depth; i++) node = { [i % 2 === 0 ? "$and" : "$or"]: [node, { $not_contains: `n${i}` }] };
  return node;
}

/** Filters outside the grammar: unknown operators, wrong operand types, empty or mixed lists. */
export const BAD_WHERES: unknown[] = [
  { a: { $foo: 1 } }, { $nor: [{ a: 1 }] }, { $and: "x" }, { $and: [] }, { $or: [{}] }, { a: { $in: [] } }, { a: { $in: [1, "x"] } },
  { a: { $gt: "x" } }, { a: { $eq: [1] } }, { a: { $eq: null } }, { a: null }, { a: [1, 2] }, { a: {} }, { a: { $eq: 1, $ne: 2 } },
  { a: 1, b: 2 }, {}, { "": 1 }, { $contains: "x" }, { a: { $contains: "x" } }, { a: { $regex: "(" } }, { $where: "1==1" },
  { a: { $contains: [1] } }, { a: { $not_contains: null } }, { a: { $contains: {} } }, { "#document": { $eq: "x" } }, { "#document": { $regex: "(" } },
  { "#id": { $in: [] } }, { "#id": 5 }, { "#embedding": { $contains: 1 } }, { $and: [{ a: { $contains: "x" } }, { b: { $not_contains: 2.5 } }] },
  // JSON.parse makes "__proto__" an own key, as the server's parser does (a literal would set the prototype).
  JSON.parse('{"__proto__":{"polluted":true}}'), { constructor: { prototype: { polluted: true } } }, { "a.b": { $ne: "x'y" } },
  { [`k${"\u0000"}`]: 1 }, { a: { $in: Array.from({ length: 3000 }, (_, i) => i) } },
  { $or: Array.from({ length: 2000 }, (_, i) => ({ k: i })) },
];

/**
 * Metadata values and keys the server must refuse with a 4xx (or store, for the valid arrays and
 * sparse vectors): empty, mixed and nested lists, malformed sparse vectors, reserved key prefixes.
 */
export const HOSTILE_METADATA_VALUES: unknown[] = [
  [], [1, "a"], [[1]], [null], [{}], ["x", "y"], [1, 2.5], [true], Array.from({ length: 5000 }, (_, i) => i),
  { indices: [2, 1], values: [1, 2] }, { indices: [1, 1], values: [1, 2] }, { indices: [1], values: [1, 2] }, { indices: [], values: [] },
  { "#type": "dense_vector", indices: [1], values: [1] }, { "#type": "sparse_vector", indices: [-1], values: [1] },
  { indices: [4294967296], values: [1] }, { indices: [1.5], values: [1] }, { indices: [1], values: ["x"] }, { indices: [1], values: [1], tokens: [1] },
  { indices: [1], values: [1], tokens: ["a", "b"] }, { indices: "1", values: "1" }, { indices: [1, 7], values: [0.25, 3], tokens: ["a", "b"] },
  { "#type": "sparse_vector" }, { indices: Array.from({ length: 3000 }, (_, i) => i), values: Array.from({ length: 3000 }, () => 1) },
];
export const HOSTILE_METADATA_KEYS = ["#tag", "$score", "#", "$", "#document", "#embedding", "$and", "chroma:document", "", "hnsw:space", "hnsw:M", "hnsw:bogus"];

/** Embedding lists of inconsistent or empty dimensions. */
export const RAGGED_EMBEDDINGS: unknown[] = [[[]], [[], []], [[1, 2, 3], [1]], [[1], [1, 2, 3]], [[1, 2, 3], []], [["AAAA"]]];

/** Schemas and configurations outside upstream's rules or shapes. */
export const HOSTILE_SCHEMAS: unknown[] = [
  { defaults: {} }, { keys: {} }, { defaults: [], keys: [] }, { defaults: { string: 5 }, keys: {} }, { defaults: {}, keys: { "#x": {} } },
  { defaults: { float_list: { vector_index: { enabled: true, config: {} } } }, keys: {} },
  { defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { hnsw: { batch_size: 1, max_neighbors: 0 } } } } } } },
  { defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { spann: { search_nprobe: -1 } } } } } } },
  { defaults: {}, keys: { a: { sparse_vector: { sparse_vector_index: { enabled: true, config: {} } } }, b: { sparse_vector: { sparse_vector_index: { enabled: true, config: {} } } } } },
  { defaults: { "#string": { $string_inverted_index: { enabled: "no", config: {} } } }, keys: {} }, { defaults: {}, keys: {}, source_attached_function_id: "x" },
];
export const HOSTILE_CONFIGURATIONS: unknown[] = [
  { hnsw: { max_neighbors: 0 } }, { hnsw: { max_neighbors: 1 } }, { hnsw: { resize_factor: -1 } }, { hnsw: { sync_threshold: 0 } }, { hnsw: { ef_construction: 1e20 } },
  { hnsw: {}, spann: {} }, { spann: { search_nprobe: 99999999999 } }, { embedding_function: { type: "known" } }, { embedding_function: { type: "known", name: 1, config: {} } },
  { embedding_function: "openai" }, { hnsw: { ef_search: 18446744073709551615 } },
];

export const BAD_WHERE_DOCUMENTS: unknown[] = [
  { $contains: 1 }, { $contains: null }, { $regex: "(" }, { $regex: "(?=a)" }, { $regex: "(a)\\1" }, { $regex: "a{99999}" }, { $regex: "(a{1000}){1000}" },
  { $regex: "\\" }, { $regex: "[" }, { $not_regex: "" }, { $contains: "" }, { $foo: "x" }, { $and: "x" }, { $and: [] }, { $or: [{}] }, {},
  { $contains: "x", $regex: "y" }, { a: "x" }, { $and: [{ $contains: "a" }, { a: 1 }] }, { $contains: "%" }, { $contains: "_" }, { $contains: "'" },
  { $or: Array.from({ length: 2000 }, (_, i) => ({ $contains: `w${i}` })) },
];

/** Whole-body replacements: not JSON, the wrong JSON, or bytes that are not UTF-8. */
export const RAW_BODIES: (string | Buffer)[] = [
  "", " ", "null", "[]", "{}", "\"str\"", "0", "true", "{", "}", "{]", "[}", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{a:1}", "{\"a\":1,}", "[1,]",
  "\ufeff{}", "\ufeff\ufeff{}", "{\"ids\":[\"a\"],\"ids\":5}", "{/*comment*/}", "// x\n{}", "1".repeat(5000), "NaN", "Infinity", "-",
  "{\"__proto__\":{\"isAdmin\":true}}", "{\"constructor\":{\"prototype\":{\"x\":1}}}", "\u0000", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u00\"}",
  "[".repeat(100) + "]".repeat(100), "[".repeat(5000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
  Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
  Buffer.from("{\"ids\":[\"\u00e9\"]}", "latin1"), Buffer.from("{\"x\":1}", "utf16le"),
];

/** Text-level corruption of an otherwise fine body. */
export const corruptText = (): fc.Arbitrary<(text: string) => string> =>
  fc.oneof(
    fc.nat().map((n) => (t: string) => t.slice(0, t.length === 0 ? 0 : n % t.length)),
    fc.constantFrom(",", "}", "]", "garbage", "\u0000", "\n\n{}", " null").map((tail) => (t: string) => t + tail),
    fc.constantFrom("\ufeff", "\u0000", ")]}'\n", "x").map((head) => (t: string) => head + t),
    fc.constant((t: string) => t.replace(/"/g, "'")),
    fc.constant((t: string) => t.replace(/:/, "::")),
  );
