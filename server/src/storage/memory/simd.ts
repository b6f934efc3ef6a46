/**
 * Exact distance kernels in WebAssembly SIMD, over vectors kept in a shared WebAssembly memory
 * (the slot store's chunks live there, so the ANN worker can read them too). A plain JS loop
 * converts each float32 to a double one at a time; these kernels do two at a time and run
 * 3-5x faster, which is what makes exact scans (the unindexed tail, prefiltered candidates)
 * cheap.
 *
 * The arithmetic is the same as distance.ts's: both operands widened to float64, the four
 * lanes d mod 4 accumulated separately, then added as ((s0 + s1) + s2) + s3, so results are
 * bit-identical to the JS kernels. The module is small enough to be written out as bytes here;
 * its text form is in the comments.
 */

/** Kernel entry points; pointers are byte offsets into the memory, n = dim / 4. */
export interface Kernels {
  l2(q: number, v: number, n: number): number;
  dot(q: number, v: number, n: number): number;
}

const SIMD = 0xfd;
const op = {
  load: [SIMD, 0x00, 0x00, 0x00], // v128.load align=0 offset=0
  shuffleHigh: [SIMD, 0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7], // i8x16.shuffle: lanes 2,3 -> 0,1
  promote: [SIMD, 0x5f], // f64x2.promote_low_f32x4
  add: [SIMD, 0xf0, 0x01], // f64x2.add
  sub: [SIMD, 0xf1, 0x01], // f64x2.sub
  mul: [SIMD, 0xf2, 0x01], // f64x2.mul
  lane: (i: number) => [SIMD, 0x21, i], // f64x2.extract_lane
  get: (i: number) => [0x20, i],
  set: (i: number) => [0x21, i],
  tee: (i: number) => [0x22, i],
};

// Params q=0 v=1 n=2; locals acc0=3 acc1=4 x=5 y=6 d=7 (v128).
const [Q, V, N, ACC0, ACC1, X, Y, D] = [0, 1, 2, 3, 4, 5, 6, 7];

/**
 * (func (param $q i32) (param $v i32) (param $n i32) (result f64)
 *   block loop
 *     (br_if 1 (i32.eqz $n))
 *     x = load q; y = load v
 *     acc0 += term(promote_low x, promote_low y)        ;; lanes 0,1
 *     acc1 += term(promote_low hi(x), promote_low hi(y)) ;; lanes 2,3
 *     q += 16; v += 16; n -= 1; br 0
 *   end end
 *   ((acc0[0] + acc0[1]) + acc1[0]) + acc1[1])
 * term = (a - b)^2 for l2, a * b for dot.
 */
function body(l2: boolean): number[] {
  const term = (lo: number[], hi: number[]) => (l2 ? [...lo, ...hi, ...op.sub, ...op.tee(D), ...op.get(D), ...op.mul] : [...lo, ...hi, ...op.mul]);
  const half = (high: boolean, acc: number) => {
    const widen = (v: number) => (high ? [...op.get(v), ...op.get(v), ...op.shuffleHigh, ...op.promote] : [...op.get(v), ...op.promote]);
    return [...term(widen(X), widen(Y)), ...op.get(acc), ...op.add, ...op.set(acc)];
  };
  const code = [
    0x02, 0x40, // block
    0x03, 0x40, // loop
    ...op.get(N), 0x45, 0x0d, 0x01, // br_if 1 (i32.eqz n)
    ...op.get(Q), ...op.load, ...op.set(X),
    ...op.get(V), ...op.load, ...op.set(Y),
    ...half(false, ACC0),
    ...half(true, ACC1),
    ...op.get(Q), 0x41, 0x10, 0x6a, ...op.set(Q), // q += 16
    ...op.get(V), 0x41, 0x10, 0x6a, ...op.set(V), // v += 16
    ...op.get(N), 0x41, 0x01, 0x6b, ...op.set(N), // n -= 1
    0x0c, 0x00, // br 0
    0x0b, 0x0b, // end loop, end block
    ...op.get(ACC0), ...op.lane(0),
    ...op.get(ACC0), ...op.lane(1), 0xa0, // f64.add
    ...op.get(ACC1), ...op.lane(0), 0xa0,
    ...op.get(ACC1), ...op.lane(1), 0xa0,
    0x0b, // end
  ];
  const locals = [0x01, 0x05, 0x7b]; // one group: 5 x v128
  const fn = [...locals, ...code];
  return [...uleb(fn.length), ...fn];
}

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function name(s: string): number[] {
  return [...uleb(s.length), ...Buffer.from(s, "utf8")];
}

/** Pages (64 KiB) a collection's memory may grow to: 4 GiB, wasm32's limit. */
export const MAX_PAGES = 65536;

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7c]), // (i32 i32 i32) -> f64
    // import env.memory: shared, min 1, max MAX_PAGES
    ...section(2, [0x01, ...name("env"), ...name("memory"), 0x02, 0x03, ...uleb(1), ...uleb(MAX_PAGES)]),
    ...section(3, [0x02, 0x00, 0x00]),
    ...section(7, [0x02, ...name("l2"), 0x00, 0x00, ...name("dot"), 0x00, 0x01]),
    ...section(10, [0x02, ...body(true), ...body(false)]),
  ];
  return new Uint8Array(bytes);
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly SIMD or shared memory is unavailable. */
function kernelsModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = moduleBytes();
    compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

/** A growable shared memory with the kernels bound to it, or null (then JS kernels are used). */
export function simdMemory(initialPages: number): { memory: WebAssembly.Memory; kernels: Kernels } | null {
  const mod = kernelsModule();
  if (!mod) return null;
  try {
    const memory = new WebAssembly.Memory({ initial: initialPages, maximum: MAX_PAGES, shared: true });
    const instance = new WebAssembly.Instance(mod, { env: { memory } });
    return { memory, kernels: instance.exports as unknown as Kernels };
  } catch {
    return null;
  }
}
