/**
 * Decoding a JSON request body into typed values with upstream's error wording. Chroma's frontend
 * deserializes search payloads with serde (axum's `Json` + `serde_path_to_error`), so a client that
 * sends a malformed search reads messages such as
 *   Failed to deserialize the JSON body into the target type: searches[0].limit.limit: invalid value: integer `-1`, expected u32
 * These helpers produce the same text (without serde's "at line L column C" suffix, which only a
 * byte-level parser can know). Upstream answers these with 422, except serde_json's "syntax"
 * category (an enum given as an empty map or a number: "expected value"), which axum reports as
 * 400 "Failed to parse the request body as JSON: ...".
 */
import { ChromaError } from "../errors.js";

/** A body that does not deserialize into the operation's payload type (422, or 400 for syntax). */
export class PayloadError extends ChromaError {
  override readonly name = "InvalidArgumentError";
  constructor(
    readonly path: string,
    readonly detail: string,
    override readonly status: 400 | 422 = 422,
  ) {
    const prefix = status === 400 ? "Failed to parse the request body as JSON" : "Failed to deserialize the JSON body into the target type";
    super(`${prefix}: ${path === "" ? "" : `${path}: `}${detail}`);
  }
}

/** A JSON location in serde_path_to_error's notation: `searches[0].rank.$knn.query`. */
export class Path {
  private constructor(readonly text: string) {}
  static readonly root = new Path("");
  field(name: string): Path {
    return new Path(this.text === "" ? name : `${this.text}.${name}`);
  }
  index(i: number): Path {
    return new Path(`${this.text}[${i}]`);
  }
}

function rustDebugString(value: string): string {
  // Rust's `{:?}` for str: quotes with \" \\ \n \r \t and \u{..} for other control characters.
  let out = '"';
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += `\\u{${c.toString(16)}}`;
    else out += ch;
  }
  return out.length > 200 ? `${out.slice(0, 200)}..."` : `${out}"`;
}

/** serde's `Unexpected` rendering of a JSON value (what was found). */
export function unexpected(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "boolean") return `boolean \`${value}\``;
  if (typeof value === "number") return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
  if (typeof value === "string") return `string ${rustDebugString(value)}`;
  if (Array.isArray(value)) return "sequence";
  return "map";
}

export function invalidType(path: Path, value: unknown, expected: string): PayloadError {
  return new PayloadError(path.text, `invalid type: ${unexpected(value)}, expected ${expected}`);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A struct: a JSON object (serde also accepts a sequence of fields; no client sends one). */
export function struct(value: unknown, path: Path, name: string): Record<string, unknown> {
  if (!isObject(value)) throw invalidType(path, value, `struct ${name}`);
  return value;
}

/** A field that must be present (serde `missing field`); `null` is a value, checked by the reader. */
export function required(obj: Record<string, unknown>, key: string, path: Path): unknown {
  if (!Object.prototype.hasOwnProperty.call(obj, key)) throw new PayloadError(path.text, `missing field \`${key}\``);
  return obj[key];
}

/** An optional field: absent means undefined (serde `#[serde(default)]`). */
export function optional(obj: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

export function sequence(value: unknown, path: Path): unknown[] {
  if (!Array.isArray(value)) throw invalidType(path, value, "a sequence");
  return value;
}

export function string(value: unknown, path: Path): string {
  if (typeof value !== "string") throw invalidType(path, value, "a string");
  return value;
}

export function boolean(value: unknown, path: Path): boolean {
  if (typeof value !== "boolean") throw invalidType(path, value, "a boolean");
  return value;
}

export const U32_MAX = 4294967295;

/** Rust u32: an integral JSON number in [0, 2^32). */
export function u32(value: unknown, path: Path): number {
  if (typeof value !== "number") throw invalidType(path, value, "u32");
  if (!Number.isInteger(value)) throw invalidType(path, value, "u32");
  if (value < 0 || value > U32_MAX) throw new PayloadError(path.text, `invalid value: integer \`${value}\`, expected u32`);
  return value;
}

/**
 * Rust f32 from any JSON number (serde_json casts the f64, so 1e39 becomes +inf as upstream does).
 * Returns the float32 value.
 */
export function f32(value: unknown, path: Path): number {
  if (typeof value !== "number") throw invalidType(path, value, "f32");
  return Math.fround(value);
}

/**
 * An externally tagged enum (serde's default representation): `{"variant": content}` with exactly
 * one key. serde_json reports an empty or multi-key map, and any non-map value other than a string,
 * as the syntax error "expected value" (400 upstream); a bare string is a unit variant.
 */
export function externallyTagged(
  value: unknown,
  path: Path,
  variants: readonly string[],
  describe: (variant: string) => string,
): { variant: string; content: unknown } {
  const unknownVariant = (name: string) =>
    new PayloadError(path.text, `unknown variant \`${name}\`, expected ${oneOf(variants)}`);
  if (typeof value === "string") {
    if (!variants.includes(value)) throw unknownVariant(value);
    throw new PayloadError(path.text, `invalid type: unit variant, expected ${describe(value)}`);
  }
  if (!isObject(value)) throw new PayloadError(path.text, "expected value", 400);
  const keys = Object.keys(value);
  if (keys.length === 0) throw new PayloadError(path.text, "expected value", 400);
  const variant = keys[0];
  if (!variants.includes(variant)) throw unknownVariant(variant);
  if (keys.length > 1) throw new PayloadError(path.text, "expected value", 400);
  return { variant, content: value[variant] };
}

/** serde's list of expected names: "`a`", "`a` or `b`", "one of `a`, `b`, `c`". */
export function oneOf(names: readonly string[]): string {
  if (names.length === 1) return `\`${names[0]}\``;
  if (names.length === 2) return `\`${names[0]}\` or \`${names[1]}\``;
  return `one of ${names.map((n) => `\`${n}\``).join(", ")}`;
}

/** A string enum with snake_case variant names (e.g. `read_level`). */
export function unitEnum<T extends string>(value: unknown, path: Path, variants: readonly T[], name: string): T {
  if (typeof value !== "string") throw invalidType(path, value, `enum ${name}`);
  if (!(variants as readonly string[]).includes(value)) {
    throw new PayloadError(path.text, `unknown variant \`${value}\`, expected ${oneOf(variants)}`);
  }
  return value as T;
}
