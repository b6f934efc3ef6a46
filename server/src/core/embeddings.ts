/**
 * Embeddings arrive as JSON number arrays or, when the client saw `supports_base64_encoding`, as
 * base64 strings of little-endian float32. Both become Float32Array here, once, so nothing past
 * the core handles per-number JS arrays.
 */
import { DimensionMismatchError, InvalidArgumentError } from "./errors.js";

export type WireEmbedding = number[] | string;

/** Upstream's messages (rust/types/src/api_types.rs validate_embeddings, frontend DimensionInconsistent). */
const NON_FINITE = "Validation error: embeddings: Embeddings must not contain NaN or Infinity values";
const EMPTY = "Validation error: embeddings: Each embedding must have at least 1 dimension";
const RAGGED = "Inconsistent dimensions in provided embeddings";

export function decodeEmbedding(value: WireEmbedding, index: number): Float32Array {
  return decodeEmbeddings([value], index)[0];
}

/** The machine stores numbers little-endian, as the wire's float32 bytes are. */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The standard base64 alphabet's value (0-63) of each character code below 256; 0xff for every
 * other character, `=` included (Buffer.from would silently skip them). http/embeddings-body.ts
 * decodes request bytes with the same table.
 */
export const BASE64_VALUES = (() => {
  const table = new Uint8Array(256).fill(0xff);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
})();

/**
 * Standard base64, padding optional. A char-code loop: an add of 1000 base64 embeddings checks
 * ~2 M characters, where the equivalent regular expression cost 12-19 ms per batch (and the loop
 * ~4 ms, which is why `decodeEmbeddings` asks it only about text that is not canonical).
 */
function isBase64(text: string): boolean {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--; // "="
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 256 || BASE64_VALUES[c] === 0xff) return false;
  }
  return true;
}

/** `text` is `encoded` (canonical padded base64), with or without its padding. */
function isCanonical(text: string, encoded: string): boolean {
  if (text.length === encoded.length) return text === encoded;
  let end = encoded.length;
  while (end > 0 && encoded.charCodeAt(end - 1) === 61) end--;
  return text.length === end && encoded.startsWith(text);
}

/**
 * Wire embedding arrays whose values were decoded from the request's bytes already
 * (http/embeddings-body.ts): their items are PREDECODED placeholders, never read.
 */
const predecoded = new WeakMap<readonly WireEmbedding[], { embeddings: Float32Array[]; used: boolean }>();

/**
 * Stands in for a request's base64 embeddings that http/embeddings-body.ts decoded from the bytes:
 * not base64, so were it ever decoded as wire text it would be refused (a 4xx), never stored.
 */
export const PREDECODED = "(decoded from the request body)";

/**
 * A wire `embeddings` array for `embeddings` (decoded, valid: canonical base64 of finite float32
 * values, laid out as decodeEmbeddings lays a batch out), which decodeEmbeddings answers with them.
 */
export function predecodedEmbeddings(embeddings: Float32Array[]): WireEmbedding[] {
  const wire = new Array<WireEmbedding>(embeddings.length).fill(PREDECODED);
  predecoded.set(wire, { embeddings, used: false });
  return wire;
}

/** decodeEmbeddings of a predecoded array: its own views the first time, copies after (each call owns what it gets, as a decode does). */
function takePredecoded(values: WireEmbedding[]): Float32Array[] | undefined {
  const entry = predecoded.get(values);
  if (entry === undefined) return undefined;
  if (!entry.used) {
    entry.used = true;
    return entry.embeddings.slice();
  }
  let total = 0;
  for (const e of entry.embeddings) total += e.length;
  const all = new Float32Array(total);
  let at = 0;
  return entry.embeddings.map((e) => {
    all.set(e, at);
    at += e.length;
    return all.subarray(at - e.length, at);
  });
}

/**
 * Embeddings from the wire, in order, as views into one Float32Array for the whole batch: base64
 * strings are decoded straight into it (no buffer per embedding, no second copy: for an add of
 * 1000 x 384 that was most of the request's validation time), number arrays copied into it.
 * Errors name the first embedding at fault, in order (`first` is the index of values[0]).
 */
export function decodeEmbeddings(values: WireEmbedding[], first = 0): Float32Array[] {
  const decoded = takePredecoded(values);
  if (decoded !== undefined) return decoded;
  // Room for every embedding as it would decode; a malformed one is refused below, in order.
  let total = 0;
  for (const v of values) total += typeof v === "string" ? Buffer.byteLength(v, "base64") >>> 2 : v.length;
  const all = new Float32Array(total);
  const bytes = Buffer.from(all.buffer);
  const out = new Array<Float32Array>(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const index = first + i;
    let length: number;
    if (typeof value === "string") {
      const size = Buffer.byteLength(value, "base64");
      const start = at * 4;
      // Node's decoder skips what is not base64 rather than refusing it. Text that its bytes encode
      // back to (what every client sends: canonical base64, padded or not) is valid as it stands; the
      // character check runs only on anything else.
      const written = size % 4 === 0 ? bytes.write(value, start, size, "base64") : -1;
      if (written !== size || !isCanonical(value, bytes.toString("base64", start, start + size))) {
        if (!isBase64(value)) {
          throw new InvalidArgumentError(`Expected embedding ${index} to be a list of numbers or a base64 string of float32 values`);
        }
        if (size % 4 !== 0) {
          throw new InvalidArgumentError(`Expected base64 embedding ${index} to hold whole float32 values, got ${size} bytes`);
        }
      }
      length = size >>> 2;
      // The wire format is little-endian: on a big-endian machine each value is turned round.
      if (!LITTLE_ENDIAN) {
        const view = new DataView(all.buffer, start, size);
        for (let j = 0; j < length; j++) view.setUint32(j * 4, view.getUint32(j * 4, true));
      }
      for (let j = at; j < at + length; j++) if (!Number.isFinite(all[j])) throw new InvalidArgumentError(NON_FINITE);
    } else {
      length = value.length;
      for (let j = 0; j < length; j++) {
        const x = value[j];
        if (typeof x !== "number") {
          throw new InvalidArgumentError(`Expected embedding ${index} to contain only numbers, got ${JSON.stringify(x)} at position ${j}`);
        }
        if (!Number.isFinite(x)) throw new InvalidArgumentError(NON_FINITE);
        all[at + j] = x;
      }
    }
    out[i] = all.subarray(at, at + length);
    at += length;
  }
  return out;
}

/**
 * The embeddings of a write: each with at least one dimension (an empty one would fix the
 * collection's dimension at 0 and reach storage), all of one dimension.
 */
export function checkBatchEmbeddings(embeddings: Float32Array[]): Float32Array[] {
  if (embeddings.some((e) => e.length === 0)) throw new InvalidArgumentError(EMPTY);
  sameDimension(embeddings);
  return embeddings;
}

/** Upstream checks that a request's embeddings agree with each other before comparing them with the collection. */
function sameDimension(embeddings: Float32Array[]): void {
  for (const e of embeddings) if (e.length !== embeddings[0].length) throw new InvalidArgumentError(RAGGED);
}

/** The dimension check every write and query goes through, with upstream's messages. */
export function checkDimension(embeddings: Float32Array[], expected: number | null): number | null {
  if (embeddings.length === 0) return expected;
  sameDimension(embeddings);
  const got = embeddings[0].length;
  if (expected !== null && got !== expected) throw new DimensionMismatchError(expected, got);
  return expected ?? got;
}

/** Plain number array for JSON responses (Float32 values widened exactly as upstream prints them). */
export function toJsonArray(e: Float32Array): number[] {
  return Array.from(e);
}
