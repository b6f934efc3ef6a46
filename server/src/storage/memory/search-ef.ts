/**
 * The ef of a graph search (VectorIndex.search: the main-thread, pool-thread and worker searches
 * all take it from here).
 *
 * A filtered graph search (a filter keeping more than `exactLimit` candidates) walks the same
 * graph as an unfiltered one, but only allowed nodes count towards its ef best: with a share s
 * of the records allowed, the allowed nodes form a sparser graph, and at the unfiltered ef the
 * search settles for a narrower neighbourhood of them. At 100k uniform ip (the matrix's hardest
 * shape) the 50 % filter's recall@10 was 0.213 at ef 128, the reference's 0.232
 * (/work/s15/matrix.log). So a filtered search scales the ef by 1 / s (live / candidates), which
 * ranks about as many allowed nodes per unit of graph as the unfiltered search ranks nodes,
 * within two bounds:
 *
 * - FILTERED_EF_CAP x the unfiltered ef;
 * - a walk budget, so the cost stays continuous across the exactLimit threshold. Just below it
 *   a filter is answered by an exact scan of its candidates; just above, by the graph. The
 *   graph's cost grows with the nodes it walks, ~ef / s (hnswlib walks disallowed nodes too,
 *   ranking only allowed ones), about 1.4-2.1 us per unit of ef / s at 100k x 384, while the
 *   exact scan costs ~0.25-0.35 us per candidate: ef / s is kept within
 *   FILTERED_WALK_PER_EXACT_ROW x exactLimit (3072 at 16384), what the scan at the threshold
 *   costs. The budget never lowers the ef below the unfiltered one.
 *
 * At 100k: a 50 % filter searches at ef 256 (2x); a filter just above the threshold (16.4 %)
 * at 503 (the budget; 4x would be 512). At 1M a 50 % filter gets 256, 20 % 512 (the cap), 5 % 153
 * and filters near the threshold (1.6 %) the unfiltered 128.
 *
 * Measured (bench/filtered-ef.ts: 100k x 384 uniform ip, the quantized graph as served, the
 * matrix's 200 queries, CPU per query in 3 interleaved rounds, busy 2-core VM):
 *
 *   1 in 2 allowed, `--ef 128,192,256,384,512`       recall@10            CPU us/query
 *     ef 128 (unscaled)                               0.240                438-515
 *     ef 256 (2x, what this gives)                    0.378 (+0.138 ± 0.008) 833-913
 *     ef 512                                          0.575 (+0.336 ± 0.011) 1583-1757
 *     exact scan of 16384 candidates                  1.00                 4047-4346
 *   1 in 6 allowed (just above the threshold), `--keep 6 --ef 128,512,768,1024`
 *     ef 128 (unscaled)                               0.464                1443-1884
 *     ef 512 (what this gives at 1 in 6)                 0.852 (+0.388 ± 0.011) 4536-5061
 *     ef 768                                          0.921                6365-7406
 *     ef 1024                                         0.960                7867-9057
 *     exact scan of 16384 candidates                  1.00                 5231-5659
 */

/** A filtered search's ef is at most this many times the unfiltered one. */
export const FILTERED_EF_CAP = 4;

/**
 * A filtered search's ef x live / candidates (the nodes its walk covers, about) is kept within
 * this many times exactLimit: at 16384, 3072, whose measured cost (ef 512 at 1 in 6 allowed,
 * 4.5-5.1 ms) is just under the exact scan's at the threshold (5.2-5.7 ms, same run).
 */
export const FILTERED_WALK_PER_EXACT_ROW = 3 / 16;

/**
 * The ef of a graph search for k results over `live` records. `base`: the unfiltered ef (the
 * collection's efSearch raised to the floor for its size); `candidates`: how many records the
 * filter keeps (null: no filter; more than `live` counts as `live`); `exactLimit`: the most
 * candidates a filter answered by an exact scan keeps. Without a filter max(base, k); with one,
 * that scaled by live / candidates within FILTERED_EF_CAP and the walk budget, never below it.
 * An integer.
 */
export function searchEf(base: number, k: number, live: number, candidates: number | null, exactLimit: number): number {
  const plain = Math.max(base, k);
  if (candidates === null || candidates <= 0 || candidates >= live) return plain;
  const scaled = Math.ceil((plain * live) / candidates);
  const budget = Math.floor((FILTERED_WALK_PER_EXACT_ROW * exactLimit * candidates) / live);
  return Math.max(plain, Math.min(scaled, FILTERED_EF_CAP * plain, budget));
}
