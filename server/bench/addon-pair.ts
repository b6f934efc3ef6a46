/**
 * What bench/addon-ab.ts and bench/build-ab.ts share: the two addon builds they compare (.node
 * files), `make bench`'s data and queries of one shape (bench/matrix.ts: data seed 1, queries seed
 * 1,000,003), and graphs of either build over those vectors, kept in chunks of 2^CHUNK_BITS rows
 * as the slot store keeps them, with their norms beside them (slots.ts normChunks: cosine graphs
 * read them; builds from before issue 18's norms ignore them); the graphs read both in place and
 * are built with the server's parameters (upstream's M 16 and ef_construction 100, seed 100).
 */
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { row, type Dataset } from "./data.js";
import { generateShape, type DataShape } from "./shapes.js";
import type { Space } from "./truth.js";
import type { HnswAddon, HnswIndex } from "../src/storage/memory/native.js";
import { CHUNK_BITS } from "../src/storage/memory/protocol.js";
import { vectorNorm } from "../src/storage/memory/distance.js";

export interface AddonPairOptions {
  a: string;
  b: string;
  shape: string;
  space: string;
  n: number;
  dim: number;
  queries: number;
}

export interface AddonPair {
  addons: { A: HnswAddon; B: HnswAddon };
  space: Space;
  data: Dataset;
  queryRows: Float32Array[];
  /** The vectors in chunks, which the graphs read in place: keep them reachable while a graph is used. */
  rows: Float32Array;
  /** |v| of each row, as the slot store keeps them. */
  norms: Float32Array;
  /** An empty graph of `addon` with every vector in place (nothing inserted yet); `quantized`: int8 traversal. */
  graphOf(addon: HnswAddon, quantized?: boolean): HnswIndex;
}

export function addonPair(o: AddonPairOptions): AddonPair {
  if (!o.a || !o.b) throw new Error("--a and --b: the two addon builds (.node files) to compare");
  const require = createRequire(import.meta.url);
  const addons = { A: require(resolve(o.a)) as HnswAddon, B: require(resolve(o.b)) as HnswAddon };
  const space = o.space as Space;
  const data = generateShape(o.shape as DataShape, o.dim, o.n, 1);
  const queries = generateShape(o.shape as DataShape, o.dim, o.queries, 1_000_003);
  const queryRows = Array.from({ length: o.queries }, (_, i) => row(queries, i));
  const chunk = 1 << CHUNK_BITS;
  const rows = new Float32Array(Math.ceil(o.n / chunk) * chunk * o.dim);
  rows.set(data.vectors);
  const norms = new Float32Array(rows.length / o.dim);
  for (let i = 0; i < o.n; i++) norms[i] = vectorNorm(rows, i * o.dim, o.dim);
  const graphOf = (addon: HnswAddon, quantized = false) => {
    const g = new addon.HnswIndex(space, o.dim, o.n, 16, 100, 100, CHUNK_BITS, quantized);
    for (let c = 0; c * chunk < o.n; c++) g.setChunk(c, rows.subarray(c * chunk * o.dim, (c + 1) * chunk * o.dim), norms.subarray(c * chunk, (c + 1) * chunk));
    return g;
  };
  return { addons, space, data, queryRows, rows, norms, graphOf };
}
