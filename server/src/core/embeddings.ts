/**
 * Embeddings arrive as JSON number arrays or, when the client saw `supports_base64_encoding`, as
 * base64 strings of little-endian float32. Both become Float32Array here, once, so nothing past
 * the core handles per-number JS arrays.
 */
import { DimensionMismatchError, InvalidArgumentError } from "./errors.js";

export type WireEmbedding = number[] | string;

export function decodeEmbedding(value: WireEmbedding, index: number): Float32Array {
  if (typeof value === "string") return decodeBase64(value, index);
  const out = new Float32Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const x = value[i];
    if (typeof x !== "number" || !Number.isFinite(x)) {
      throw new InvalidArgumentError(`Expected embedding ${index} to contain only finite numbers, got ${JSON.stringify(x)} at position ${i}`);
    }
    out[i] = x;
  }
  return out;
}

function decodeBase64(text: string, index: number): Float32Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw new InvalidArgumentError(`Expected embedding ${index} to be a list of numbers or a base64 string of float32 values`);
  }
  const bytes = Buffer.from(text, "base64");
  if (bytes.byteLength % 4 !== 0) {
    throw new InvalidArgumentError(`Expected base64 embedding ${index} to hold whole float32 values, got ${bytes.byteLength} bytes`);
  }
  // DataView reads little-endian explicitly (and copes with Buffer's unaligned pool offsets).
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.byteLength / 4);
  for (let i = 0; i < out.length; i++) {
    const x = view.getFloat32(i * 4, true);
    if (!Number.isFinite(x)) throw new InvalidArgumentError(`Expected embedding ${index} to contain only finite numbers`);
    out[i] = x;
  }
  return out;
}

export function decodeEmbeddings(values: WireEmbedding[]): Float32Array[] {
  return values.map((v, i) => decodeEmbedding(v, i));
}

/** The dimension check every write and query goes through, with upstream's message. */
export function checkDimension(embeddings: Float32Array[], expected: number | null): number | null {
  let dim = expected;
  for (const e of embeddings) {
    if (dim === null) dim = e.length;
    else if (e.length !== dim) {
      throw new DimensionMismatchError(dim, e.length);
    }
  }
  return dim;
}

/** Plain number array for JSON responses (Float32 values widened exactly as upstream prints them). */
export function toJsonArray(e: Float32Array): number[] {
  return Array.from(e);
}
