/**
 * Which numbers are floats. JSON has one number type, but Chroma keeps two (Rust i64 / f64 metadata
 * values, f32 embeddings and distances) and its serde writes every float with a fraction (`2.0`).
 * Typed clients read the difference: Python gets back `float` for a metadata value written `2.0` and
 * `int` for `2`; numpy builds an int array from `[1, 2, 0]`. A JS number cannot carry it, so the
 * values that need it are named here, beside the numbers:
 * - a float array (embeddings, distances, scores, a list metadata value holding floats): every
 *   number in it is a float;
 * - a float key of an object (a metadata map, or an array index in a parsed request): its number is
 *   a float although its value is integral.
 * Only integral values need naming: a number with a fraction reads as a float anyway.
 *
 * WeakSet/WeakMap rather than properties: invisible to Object.keys, spreads, JSON.stringify and test
 * equality, and gone with the value. A copy is not marked: whoever copies a metadata map carries the
 * marks with copyFloatKey. util/json.ts parses (parseJson) and writes (stringifyJson) them.
 */
const floatArrays = new WeakSet<readonly unknown[]>();
const floatKeys = new WeakMap<object, Set<string | number>>();

/** Marks `values` (numbers, or null where there is none) as floats; returns it. */
export function asFloats<T extends readonly (number | null)[]>(values: T): T {
  floatArrays.add(values);
  return values;
}

/** Whether `value` is an array marked by asFloats. */
export function isFloatArray(value: unknown): value is readonly (number | null)[] {
  return Array.isArray(value) && floatArrays.has(value);
}

/** Records whether `holder[key]` (a number) is a float. */
export function setFloatKey(holder: object, key: string | number, float: boolean): void {
  const keys = floatKeys.get(holder);
  if (float) {
    if (keys) keys.add(key);
    else floatKeys.set(holder, new Set([key]));
  } else keys?.delete(key);
}

/** Whether `holder[key]` is a number marked as a float. */
export function isFloatKey(holder: object, key: string | number): boolean {
  return floatKeys.get(holder)?.has(key) === true;
}

/** Whether any key of `holder` is marked. */
export function hasFloatKeys(holder: object): boolean {
  const keys = floatKeys.get(holder);
  return keys !== undefined && keys.size > 0;
}

/** `to[toKey] = from[fromKey]`, with the float mark. */
export function copyFloatKey(from: object, fromKey: string | number, to: object, toKey: string | number = fromKey): void {
  (to as Record<string | number, unknown>)[toKey] = (from as Record<string | number, unknown>)[fromKey];
  setFloatKey(to, toKey, isFloatKey(from, fromKey));
}
