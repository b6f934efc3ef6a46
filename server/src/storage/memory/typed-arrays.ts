/** Growth of the typed arrays indexed by slot or label across the vector index. */

/** `a` itself if it has at least `min` elements, else a copy of it in an array doubled past `min`. */
export function grown<T extends Float64Array | Float32Array | Uint8Array | Int32Array | Uint32Array>(a: T, min: number): T {
  if (a.length >= min) return a;
  let n = Math.max(64, a.length);
  while (n < min) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
