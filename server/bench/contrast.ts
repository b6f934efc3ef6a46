/**
 * How far the k-th nearest neighbour of a query stands out from the collection, as a z-score:
 * (mean - d_k) / sd of the query's distances to a random sample of the records. A structureless
 * shape (uniform) leaves the k-th of N about Phi^-1(1 - k/N) sd out (3.7 at 100k, k 10); a
 * clustered one much further. Exact k-th distance, per shape and space, percentiles over queries.
 *
 *   npx tsx bench/contrast.ts [--n 100000] [--queries 200] [--sample 256]
 */
import { scriptArgs } from "./args.js";
import { inMemory, row } from "./data.js";
import { generateShape, DATA_SHAPES } from "./shapes.js";
import { distance, exactTopKAll, type Space } from "./truth.js";

const o = scriptArgs({ n: 100_000, dim: 384, queries: 200, sample: 256, k: 10 });
for (const shape of DATA_SHAPES) {
  const data = generateShape(shape, o.dim, o.n, 1);
  const queries = generateShape(shape, o.dim, o.queries, 1_000_003);
  const qs = Array.from({ length: o.queries }, (_, i) => row(queries, i));
  const step = Math.floor(o.n / o.sample);
  for (const space of ["l2", "cosine", "ip"] as Space[]) {
    const truth = exactTopKAll(space, inMemory(data, 10_000), qs, o.k);
    const z = qs.map((q, qi) => {
      const ds = Array.from({ length: o.sample }, (_, s) => distance(space, q, data.vectors, s * step * o.dim, o.dim));
      const mean = ds.reduce((a, b) => a + b, 0) / ds.length;
      const sd = Math.sqrt(ds.reduce((a, d) => a + (d - mean) ** 2, 0) / (ds.length - 1));
      const dk = distance(space, q, data.vectors, truth[qi][o.k - 1] * o.dim, o.dim);
      return (mean - dk) / sd;
    }).sort((a, b) => a - b);
    const p = (f: number) => z[Math.min(z.length - 1, Math.floor(f * z.length))].toFixed(2);
    console.log(`${shape} ${space}: z of the ${o.k}th neighbour: min ${p(0)} p5 ${p(0.05)} p50 ${p(0.5)} p95 ${p(0.95)} max ${p(1)}`);
  }
}
