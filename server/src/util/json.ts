/**
 * JSON text in and out, keeping Chroma's int / float distinction (util/floats.ts) that JSON.parse and
 * JSON.stringify lose: a request's `2.0` is a float, `2` an int (upstream's serde keeps them apart),
 * and an answer writes a float with an integral value as `2.0`.
 *
 * parseJson is JSON.parse, plus, only when the text may hold an integral float literal (`2.0`,
 * `1e3`), one scan that marks those literals' places (setFloatKey on their object or array). Bodies
 * of real embeddings rarely trigger it; one that does costs a character scan on top of JSON.parse.
 * Literals with a negative exponent that are integral (`20e-1`) or whose fraction rounds away
 * (`2.0000000000000001`) are read as ints: no client writes them.
 *
 * stringifyJson is JSON.stringify, except that float arrays and float keys write integral values as
 * `4.0`. Arrays of plain values and unmarked float arrays go to JSON.stringify whole; only objects
 * and arrays holding objects are walked here.
 */
import { hasFloatKeys, isFloatArray, isFloatKey, setFloatKey } from "./floats.js";

/** May `text` hold an integral float literal? (A fraction of zeros, or a non-negative exponent.) */
const MAYBE_INTEGRAL_FLOAT = /[0-9]\.0+(?![0-9])|[0-9][eE]\+?[0-9]/;

/**
 * JSON.parse(text), with integral float literals marked as floats. Throws JSON.parse's SyntaxError.
 * Nesting is bounded by the caller (the scan recurses once per level).
 */
export function parseJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (MAYBE_INTEGRAL_FLOAT.test(text)) markIntegralFloats(text, value);
  return value;
}

/** Walks valid JSON `text` beside its parsed `root`, marking each integral float literal's place. */
function markIntegralFloats(text: string, root: unknown): void {
  let i = 0;
  const space = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) i++;
      else return;
    }
  };
  // Strings are most of a large body (base64 embeddings, documents): jump from quote to quote with
  // indexOf (native speed) instead of a character loop; a quote is the closing one when an even
  // number of backslashes precedes it. Leaves `i` past the closing quote.
  const skipString = () => {
    let end = i;
    for (;;) {
      end = text.indexOf('"', end + 1);
      let slashes = 0;
      while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
      if (slashes % 2 === 0) break;
    }
    i = end + 1;
  };
  // An array of numbers only (an embedding): handled from its text in one piece, which is most of a
  // large body. At `i` just inside the bracket; false (nothing consumed) when the array holds more.
  const flatNumbers = (array: object): boolean => {
    const c = text.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || c === 0x2d)) return false;
    const end = text.indexOf("]", i);
    const inner = text.slice(i, end);
    if (/["[{a-df-z]/.test(inner)) return false; // strings, arrays, objects, true/false/null: walk it
    if (MAYBE_INTEGRAL_FLOAT.test(inner)) {
      const tokens = inner.split(",");
      for (let n = 0; n < tokens.length; n++) {
        if (/[.eE]/.test(tokens[n]) && Number.isInteger((array as unknown[])[n])) setFloatKey(array, n, true);
      }
    }
    i = end + 1;
    return true;
  };
  const walk = (holder: object | null, key: string | number, value: unknown): void => {
    space();
    const c = text.charCodeAt(i);
    if (c === 0x7b) {
      // Object. A repeated key: JSON.parse keeps the last value, and so does the mark (set or cleared).
      i++;
      space();
      if (text.charCodeAt(i) === 0x7d) {
        i++;
        return;
      }
      for (;;) {
        space();
        const start = i;
        skipString();
        // A key without escapes is its text between the quotes (most are).
        const raw = text.slice(start + 1, i - 1);
        const name = raw.includes("\\") ? (JSON.parse(text.slice(start, i)) as string) : raw;
        space();
        i++; // ':'
        walk(value as object, name, (value as Record<string, unknown>)[name]);
        space();
        if (text.charCodeAt(i++) === 0x7d) return; // else ','
      }
    } else if (c === 0x5b) {
      i++;
      space();
      if (text.charCodeAt(i) === 0x5d) {
        i++;
        return;
      }
      if (flatNumbers(value as object)) return;
      for (let n = 0; ; n++) {
        walk(value as object, n, (value as unknown[])[n]);
        space();
        if (text.charCodeAt(i++) === 0x5d) return; // else ','
      }
    } else if (c === 0x22) {
      skipString();
    } else if (c === 0x74 || c === 0x6e) {
      i += 4; // true, null
    } else if (c === 0x66) {
      i += 5; // false
    } else {
      let float = false;
      for (;;) {
        const d = text.charCodeAt(i);
        if ((d >= 0x30 && d <= 0x39) || d === 0x2d || d === 0x2b) i++;
        else if (d === 0x2e || d === 0x65 || d === 0x45) {
          float = true;
          i++;
        } else break;
      }
      if (holder !== null) setFloatKey(holder, key, float && Number.isInteger(value));
    }
  };
  walk(null, "", root);
}

function floatText(x: unknown): string {
  if (typeof x !== "number") return JSON.stringify(x) ?? "null";
  if (!Number.isFinite(x)) return "null";
  const text = String(x);
  // String() of an integer below 1e21 has neither "." nor "e"; 1e21 and above already reads as a float.
  return Number.isInteger(x) && !text.includes("e") ? `${text}.0` : text;
}

function floats(values: readonly unknown[]): string {
  let integral = false;
  for (let i = 0; i < values.length; i++) {
    if (Number.isInteger(values[i])) {
      integral = true;
      break;
    }
  }
  const text = JSON.stringify(values);
  if (!integral) return text;
  // Numbers and nulls only: JSON.stringify wrote one comma-free token per element.
  const tokens = text.slice(1, -1).split(",");
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isInteger(v) && Math.abs(v) < 1e21) tokens[i] += ".0";
  }
  return `[${tokens.join(",")}]`;
}

function write(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return JSON.stringify(value);
  }
  const marked = hasFloatKeys(value);
  if (Array.isArray(value)) {
    const list: readonly unknown[] = value;
    if (isFloatArray(list)) return floats(list);
    let flat = !marked;
    for (let i = 0; flat && i < list.length; i++) flat = typeof list[i] !== "object" || list[i] === null;
    if (flat) return JSON.stringify(list);
    let out = "[";
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      out += (i === 0 ? "" : ",") + (marked && typeof v === "number" && isFloatKey(list, i) ? floatText(v) : (write(v) ?? "null"));
    }
    return out + "]";
  }
  const keys = Object.keys(value);
  if (!marked) {
    // Plain values only (a stored record's metadata map): JSON.stringify writes them alike (same key
    // order, undefined and functions left out) in one native call, where the walk below cost ~2 ms
    // per 1000-record add (issue 18).
    let flat = true;
    for (let i = 0; flat && i < keys.length; i++) {
      const v = (value as Record<string, unknown>)[keys[i]];
      flat = typeof v !== "object" || v === null;
    }
    if (flat) return JSON.stringify(value);
  }
  let out = "{";
  let first = true;
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    const text = marked && typeof v === "number" && isFloatKey(value, key) ? floatText(v) : write(v);
    if (text === undefined) continue; // undefined and functions are left out, as JSON.stringify does
    out += (first ? "" : ",") + JSON.stringify(key) + ":" + text;
    first = false;
  }
  return out + "}";
}

/** JSON.stringify(value) with float arrays and float keys written as floats; `undefined` writes `null`. */
export function stringifyJson(value: unknown): string {
  return write(value) ?? "null";
}

/** A deep copy of a JSON value that keeps its float marks (where structuredClone would drop them). */
export function cloneJson<T>(value: T): T {
  return parseJson(stringifyJson(value)) as T;
}
