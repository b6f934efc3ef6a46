/**
 * The ef of a graph search (VectorIndex.search: the main-thread, pool-thread and worker searches
 * all take it from here).
 *
 * A filtered graph search (a filter keeping more candidates than `exactLimit`) walks the same
 * graph as an unfiltered one, but only allowed nodes count towards its ef best: with a share s
 * of the records allowed, the nodes it ranks form a sparser graph, and at the unfiltered ef it
 * settles for a narrower neighbourhood. At 100k uniform ip (the matrix's hardest shape), the 50 %
 * filter's recall@10 was 0.213 at ef 128 against the reference's 0.232 (/work/s15/matrix.log).
 * So a filtered search scales the ef by 1 / s (live / candidates), which keeps the number of
 * allowed nodes it ranks per unit of graph about what the unfiltered search ranks, up to
 * FILTERED_EF_CAP times the unfiltered ef.
 *
 * The cap keeps the cost continuous across the exactLimit threshold: just below it (16384
 * candidates) a filter is answered by an exact scan; just above, by the graph at the capped ef.
 * Measured at 100k x 384 (bench/filtered-ef.ts, CPU per query, quantized graph as served; the
 * numbers are in FILTERED_EF_CAP's comment).
 */

/**
 * A filtered search's ef is at most this many times the unfiltered one.
 *
 * 100k x 384 uniform ip, 50 % filter (1 in 2 allowed), 200 queries, `npx tsx bench/filtered-ef.ts
 * --ef 128,192,256,384,512` (3 interleaved rounds of CPU per query, busy 2-core VM):
 *
 *   ef 128 (the floor, unscaled)  recall@10 0.240                    438-515 us
 *   ef 256 (scaled: 2x)           recall@10 0.378 (+0.138 ± 0.008)   833-913 us
 *   ef 512 (4x)                   recall@10 0.575 (+0.336 ± 0.011)   1583-1757 us
 *   exact scan of 16384 candidates (VectorIndex's exact path): 4047-4346 us
 *
 * So at 100k the cap never binds (a filter just above exactLimit keeps 16 % of the records:
 * 6.1x, capped to 4x) and the graph at 4x costs ~40 % of the exact scan a filter just below the
 * threshold gets. Cost grows about linearly in ef; at 4x the graph search stays below the exact
 * scan's cost at the threshold with room for a larger collection's longer walks, where a filter
 * just above 16384 candidates is a far smaller share (1.6 % at 1M: 61x unbounded).
 */
export const FILTERED_EF_CAP = 4;

/**
 * The ef of a graph search for k results over `live` records: `base` (the unfiltered ef: the
 * collection's efSearch, raised to the floor for its size and to k), scaled for a filter by
 * live / candidates and capped at FILTERED_EF_CAP x base. `candidates`: how many records the
 * filter keeps (null: no filter); values above `live` count as live. Always >= max(base, k), an
 * integer.
 */
export function searchEf(base: number, k: number, live: number, candidates: number | null): number {
  const plain = Math.max(base, k);
  if (candidates === null || candidates <= 0 || candidates >= live) return plain;
  return Math.max(plain, Math.min(Math.ceil((plain * live) / candidates), FILTERED_EF_CAP * plain));
}
