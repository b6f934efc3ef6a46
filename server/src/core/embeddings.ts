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
  if (typeof value === "string") return decodeBase64(value, index);
  const out = new Float32Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const x = value[i];
    if (typeof x !== "number") {
      throw new InvalidArgumentError(`Expected embedding ${index} to contain only numbers, got ${JSON.stringify(x)} at position ${i}`);
    }
    if (!Number.isFinite(x)) throw new InvalidArgumentError(NON_FINITE);
    out[i] = x;
  }
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Characters of the standard base64 alphabet (Buffer.from would silently skip any other). */
const BASE64_ALPHABET = (() => {
  const table = new Uint8Array(128);
  for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") table[c.charCodeAt(0)] = 1;
  return table;
})();

/**
 * Standard base64, padding optional. A char-code loop: an add of 1000 base64 embeddings checks
 * ~1.5 M characters, where the equivalent regular expression cost 12-19 ms per batch.
 */
function isBase64(text: string): boolean {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--; // "="
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || BASE64_ALPHABET[c] === 0) return false;
  }
  return true;
}

function decodeBase64(text: string, index: number): Float32Array {
  if (!isBase64(text)) {
    throw new InvalidArgumentError(`Expected embedding ${index} to be a list of numbers or a base64 string of float32 values`);
  }
  const bytes = Buffer.from(text, "base64");
  if (bytes.byteLength % 4 !== 0) {
    throw new InvalidArgumentError(`Expected base64 embedding ${index} to hold whole float32 values, got ${bytes.byteLength} bytes`);
  }
  const out = new Float32Array(bytes.byteLength / 4);
  if (LITTLE_ENDIAN) {
    // The wire format is the machine's: copy the bytes (Buffer's pool offsets are not aligned).
    new Uint8Array(out.buffer).set(bytes);
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  }
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) throw new InvalidArgumentError(NON_FINITE);
  }
  return out;
}

export function decodeEmbeddings(values: WireEmbedding[]): Float32Array[] {
  return values.map((v, i) => decodeEmbedding(v, i));
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
