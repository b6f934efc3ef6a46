/**
 * A write body's base64 embeddings decoded straight from the request bytes (issue 18, add
 * throughput). Read the usual way, a 1000 x 384 add (~2.1 MB, ~95 % of it base64) became one
 * 2 MB string, JSON.parse cut 1000 strings of 2 kB out of it, and each was decoded into the batch's
 * Float32Array and encoded back to check it was canonical: four passes over the embeddings and
 * ~6 MB of short-lived strings per add, ~30 % of the main thread's CPU per add in a profile.
 * Here the top-level `embeddings` array is found in the bytes and decoded into the batch's
 * Float32Array in one pass; only the rest of the body (ids, metadatas, documents) becomes text for
 * JSON.parse, with `null` where the array was.
 *
 * It answers only for what it fully understands: a body that is a JSON object with exactly one
 * top-level key `embeddings` (no top-level key with escapes), holding a non-empty array of strings,
 * each the canonical standard base64 (padded or not, no escapes, no whitespace inside) of a
 * non-zero whole number of finite float32 values. Anything else (number arrays, mixed arrays,
 * odd base64, NaN, JSON that does not parse...) returns null and the body is read the usual way,
 * so every error answer, and every value, is exactly what the usual path gives.
 */

import { BASE64_VALUES, LITTLE_ENDIAN } from "../core/embeddings.js";
import { hnsw } from "../storage/memory/native.js";

/** The addon's decoder (native/src/hnsw.cc decodeBase64Floats), null until looked up or when the addon lacks it. */
type NativeDecode = (src: Uint8Array, spans: Int32Array, out: Uint8Array) => boolean;
let nativeDecode: NativeDecode | null | undefined;

function addonDecoder(): NativeDecode | null {
  if (nativeDecode === undefined) {
    try {
      const addon = hnsw();
      nativeDecode = typeof addon.decodeBase64Floats === "function" ? addon.decodeBase64Floats.bind(addon) : null;
    } catch {
      // No addon (a storage without vector index on a machine that could not build it): JS decodes.
      nativeDecode = null;
    }
  }
  return nativeDecode;
}

/**
 * Which decoder turns the base64 into floats: the addon's (~0.5 ms per 1000 x 384 add) when it has
 * one, else this module's JS loop (~3 ms; an addon built before decodeBase64Floats existed). Both
 * decode exactly the same bytes and refuse exactly the same text (tests run both).
 */
export function useNativeDecoder(on: boolean): void {
  nativeDecode = on ? undefined : null;
}

/** Whether the addon's decoder is in use (tests). */
export function nativeDecoderInUse(): boolean {
  return addonDecoder() !== null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const EQUALS = 0x3d;
const KEY = Buffer.from("embeddings");

/** The base64 embeddings of a body, decoded, and where their array was in its bytes. */
export interface SplitBody {
  /** Byte offset of the array's `[` and one past its `]`. */
  start: number;
  end: number;
  /** One view per embedding, in order, consecutive in one Float32Array (as core/embeddings.ts decodes them). */
  embeddings: Float32Array[];
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index of the string's closing quote (the string opens at `open`), or -1 when it does not close. */
function closingQuote(raw: Buffer, open: number): number {
  let end = open;
  for (;;) {
    end = raw.indexOf(QUOTE, end + 1);
    if (end < 0) return -1;
    let slashes = 0;
    while (raw[end - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return end;
  }
}

/**
 * Decoded byte length of the canonical base64 text raw[from, to), or -1 when it is not canonical
 * (characters outside the alphabet, wrong padding, a dangling character, non-zero spare bits).
 */
function canonicalLength(raw: Buffer, from: number, to: number): number {
  let end = to;
  if (end > from && raw[end - 1] === EQUALS) {
    end--;
    if (end > from && raw[end - 1] === EQUALS) end--;
    // Padding completes the last group of four exactly.
    if ((to - from) % 4 !== 0) return -1;
  }
  const chars = end - from;
  const tail = chars % 4;
  if (tail === 1) return -1;
  if (end < to && tail === 0) return -1;
  // The spare bits of a partial last group are zero in canonical text.
  if (tail === 2 && (BASE64_VALUES[raw[end - 1]] & 0x0f) !== 0) return -1;
  if (tail === 3 && (BASE64_VALUES[raw[end - 1]] & 0x03) !== 0) return -1;
  return ((chars >> 2) * 3) + (tail === 0 ? 0 : tail - 1);
}

/** Decodes canonical base64 raw[from, from + chars) into out[at...]; false at a character outside the alphabet. */
function decodeInto(raw: Buffer, from: number, chars: number, out: Uint8Array, at: number): boolean {
  const whole = from + (chars & ~3);
  let o = at;
  let i = from;
  for (; i < whole; i += 4) {
    const a = BASE64_VALUES[raw[i]];
    const b = BASE64_VALUES[raw[i + 1]];
    const c = BASE64_VALUES[raw[i + 2]];
    const d = BASE64_VALUES[raw[i + 3]];
    if ((a | b | c | d) > 63) return false;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o] = v >> 16;
    out[o + 1] = (v >> 8) & 0xff;
    out[o + 2] = v & 0xff;
    o += 3;
  }
  const tail = chars & 3;
  if (tail >= 2) {
    const a = BASE64_VALUES[raw[i]];
    const b = BASE64_VALUES[raw[i + 1]];
    const c = tail === 3 ? BASE64_VALUES[raw[i + 2]] : 0;
    if ((a | b | c) > 63) return false;
    const v = (a << 18) | (b << 12) | (c << 6);
    out[o] = v >> 16;
    if (tail === 3) out[o + 1] = (v >> 8) & 0xff;
  }
  return true;
}

/**
 * The array of base64 strings whose `[` is at `open`: its end (one past `]`) and the decoded
 * embeddings, or null for anything but a non-empty array of canonical base64 strings of whole,
 * finite float32 values.
 */
function decodeArray(raw: Buffer, open: number): { end: number; embeddings: Float32Array[] } | null {
  // First pass: where each string is and how many bytes it decodes to.
  const spans: number[] = [];
  let total = 0;
  let i = open + 1;
  for (;;) {
    while (isSpace(raw[i])) i++;
    if (raw[i] !== QUOTE) return null;
    // Base64 has no quote or backslash: the next quote closes the string, and a backslash in it is
    // an escape the usual path decodes.
    const close = raw.indexOf(QUOTE, i + 1);
    if (close < 0) return null;
    const size = canonicalLength(raw, i + 1, close);
    if (size <= 0 || size % 4 !== 0) return null;
    spans.push(i + 1, close, size);
    total += size;
    i = close + 1;
    while (isSpace(raw[i])) i++;
    if (raw[i] === 0x2c) {
      i++;
      continue;
    }
    if (raw[i] !== 0x5d) return null;
    break;
  }
  // The wire is little-endian; on a big-endian machine the usual path (which turns values round) answers.
  if (!LITTLE_ENDIAN) return null;
  // Second pass: decoded into one buffer, as core/embeddings.ts lays a batch out.
  const count = spans.length / 3;
  const all = new Float32Array(total >> 2);
  const bytes = new Uint8Array(all.buffer);
  const embeddings = new Array<Float32Array>(count);
  const chars = new Int32Array(2 * count);
  let at = 0;
  for (let s = 0; s < count; s++) {
    const from = spans[3 * s];
    const size = spans[3 * s + 2];
    let length = spans[3 * s + 1] - from;
    while (raw[from + length - 1] === EQUALS) length--;
    chars[2 * s] = from;
    chars[2 * s + 1] = length;
    embeddings[s] = all.subarray(at >> 2, (at + size) >> 2);
    at += size;
  }
  // NaN and infinities are refused, with upstream's message, by the usual path.
  const decode = addonDecoder();
  if (decode !== null) return decode(raw, chars, bytes) ? { end: i + 1, embeddings } : null;
  at = 0;
  for (let s = 0; s < count; s++) {
    if (!decodeInto(raw, chars[2 * s], chars[2 * s + 1], bytes, at)) return null;
    at += spans[3 * s + 2];
  }
  const bits = new Uint32Array(all.buffer);
  for (let j = 0; j < bits.length; j++) if ((bits[j] & 0x7f800000) === 0x7f800000) return null;
  return { end: i + 1, embeddings };
}

/**
 * Finds the body's top-level `embeddings` array and decodes it (see the module comment); null when
 * the body is not one this fast path answers for. Only the structure outside strings is looked at:
 * strings are skipped quote to quote, so `"embeddings"` inside a document or a metadata key is not
 * taken for the top-level key.
 */
export function splitEmbeddings(raw: Buffer): SplitBody | null {
  let i = 0;
  while (isSpace(raw[i])) i++;
  if (raw[i] !== 0x7b) return null;
  let depth = 0;
  let expectKey = false;
  let found: SplitBody | null = null;
  const n = raw.length;
  for (; i < n; i++) {
    const c = raw[i];
    if (c === QUOTE) {
      const close = closingQuote(raw, i);
      if (close < 0) return null;
      if (depth === 1 && expectKey) {
        expectKey = false;
        // A key with escapes could spell `embeddings` differently: the usual path reads such bodies.
        for (let k = i + 1; k < close; k++) if (raw[k] === BACKSLASH) return null;
        if (close - i - 1 === KEY.length && raw.compare(KEY, 0, KEY.length, i + 1, close) === 0) {
          if (found !== null) return null; // a repeated key: JSON.parse keeps the last one
          let j = close + 1;
          while (isSpace(raw[j])) j++;
          if (raw[j] !== 0x3a) return null;
          j++;
          while (isSpace(raw[j])) j++;
          if (raw[j] !== 0x5b) return null;
          const array = decodeArray(raw, j);
          if (array === null) return null;
          found = { start: j, end: array.end, embeddings: array.embeddings };
          i = array.end - 1;
          continue;
        }
      }
      i = close;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth === 1) expectKey = true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth < 0) return null;
    } else if (c === 0x2c && depth === 1) {
      expectKey = true;
    }
  }
  return found;
}
