/**
 * The Search API case of `make bench-cases`: N records (384-dim embeddings of data.ts plus a BM25-shaped
 * sparse vector of ~40 non-zeros under the metadata key `sparse`, whose sparse-vector index has
 * `bm25` on) in one collection; then, one client, after warm-up:
 *   - /query k=10 and the same dense search through /search (Knn limit 10): p50 / p99, recall@10;
 *   - sparse top-10 (Knn on `sparse`): p50 / p99, and exactness against brute force (ids and
 *     scores equal to float32, ties in insertion order);
 *   - hybrid: Rrf of a dense and a sparse Knn (limit 100 each, default 1000), top 10: p50 / p99.
 * Upstream's single-node server answers /search with 501, so this case runs on chromaspec only.
 */
import { Client } from "./client.js";
import { base64Of, generate, idOf, inMemory, row, DEFAULT_SPEC, type Dataset } from "./data.js";
import { startChromaspec } from "./servers.js";
import { exactSparseTopK, sparseQueries, sparseRecords, type SparseRow, type SparseSet } from "./sparse-data.js";
import { stats } from "./timing.js";
import { exactTopKAll, recall } from "./truth.js";

const BATCH = 1000;
const K = 10;
const HYBRID_LIMIT = 100;
export const SPARSE_KEY = "sparse";

export interface Latency {
  p50: number;
  p99: number;
}

export interface SearchCaseResult {
  n: number;
  meanNonZeros: number;
  ingestSeconds: number;
  query: Latency;
  denseSearch: Latency;
  sparse: Latency;
  hybrid: Latency;
  queryRecall: number;
  denseSearchRecall: number;
  /** Share of sparse queries whose top 10 equals brute force exactly (ids and float32 scores). */
  sparseExact: number;
  sparseQueries: number;
}

function addBody(data: Dataset, sparse: SparseSet, batch: number): string {
  const ids: string[] = [];
  const embeddings: string[] = [];
  const metadatas: object[] = [];
  for (let i = batch * BATCH; i < Math.min(data.n, (batch + 1) * BATCH); i++) {
    ids.push(idOf(i));
    embeddings.push(base64Of(row(data, i)));
    const s = sparse.rows[i];
    metadatas.push({ bucket: i % 10, [SPARSE_KEY]: { "#type": "sparse_vector", indices: s.indices, values: s.values } });
  }
  return JSON.stringify({ ids, embeddings, metadatas });
}

/**
 * The collection schema: upstream's defaults (an empty `defaults` resolves to them; upstream
 * requires the field) plus a BM25 sparse-vector index on SPARSE_KEY.
 */
export const SEARCH_SCHEMA = {
  defaults: {},
  keys: {
    [SPARSE_KEY]: { sparse_vector: { sparse_vector_index: { enabled: true, config: { bm25: true } } } },
  },
};

const sparseQuery = (q: SparseRow) => ({ indices: q.indices, values: q.values });

export async function runSearchCase(n: number, queryCount: number, seed: number, log: (m: string) => void): Promise<SearchCaseResult> {
  log(`search N=${n}: generating data`);
  const data = generate(DEFAULT_SPEC, n, seed);
  const sparse = sparseRecords(n, seed);
  const dense = generate(DEFAULT_SPEC, queryCount, seed + 1_000_003);
  const sparseQs = sparseQueries(queryCount, seed + 17);
  const truthCount = Math.min(100, queryCount);
  log(`search N=${n}: ${sparse.meanNonZeros.toFixed(1)} non-zeros per record; exact ground truth for ${truthCount} queries`);
  const truthQueries = Array.from({ length: truthCount }, (_, i) => row(dense, i));
  const denseTruth = exactTopKAll("l2", inMemory(data, BATCH), truthQueries, K).map((ids) => ids.map(idOf));
  const sparseTruth = Array.from({ length: truthCount }, (_, i) => exactSparseTopK(sparse, sparseQs[i], K));

  const server = await startChromaspec();
  const c = new Client(server.url);
  try {
    const coll = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name: `search-bench-${n}`, schema: SEARCH_SCHEMA });
    const t0 = performance.now();
    for (let b = 0; b < Math.ceil(n / BATCH); b++) {
      await c.json("POST", c.collectionPath(coll.id, "add"), addBody(data, sparse, b));
      if ((b + 1) % 20 === 0) log(`search N=${n}: ${(b + 1) * BATCH} added`);
    }
    await c.untilIndexed(coll.id, 100);
    const ingestSeconds = (performance.now() - t0) / 1000;
    log(`search N=${n}: ingested and indexed in ${ingestSeconds.toFixed(1)} s`);

    const vec = (i: number) => Array.from(row(dense, i));
    const bodies = {
      query: (i: number) => JSON.stringify({ query_embeddings: [vec(i)], n_results: K, include: ["documents", "metadatas", "distances"] }),
      denseSearch: (i: number) =>
        JSON.stringify({ searches: [{ rank: { $knn: { query: vec(i), limit: K } }, limit: { limit: K }, select: { keys: ["#document", "#metadata", "#score"] } }] }),
      sparse: (i: number) =>
        JSON.stringify({ searches: [{ rank: { $knn: { query: sparseQuery(sparseQs[i]), key: SPARSE_KEY, limit: K } }, limit: { limit: K }, select: { keys: ["#score"] } }] }),
      hybrid: (i: number) => {
        const term = (knn: object) => ({ $div: { left: { $val: 1 }, right: { $sum: [knn, { $val: 60 }] } } });
        const rank = {
          $mul: [
            {
              $sum: [
                term({ $knn: { query: vec(i), limit: HYBRID_LIMIT, return_rank: true, default: 1000 } }),
                term({ $knn: { query: sparseQuery(sparseQs[i]), key: SPARSE_KEY, limit: HYBRID_LIMIT, return_rank: true, default: 1000 } }),
              ],
            },
            { $val: -1 },
          ],
        };
        return JSON.stringify({ searches: [{ rank, limit: { limit: K }, select: { keys: ["#score"] } }] });
      },
    };
    type Kind = keyof typeof bodies;
    const path = (kind: Kind) => c.collectionPath(coll.id, kind === "query" ? "query" : "search");
    const answers = {} as Record<Kind, { ids: string[][]; scores?: (number | null)[][] }[]>;
    const latencies = {} as Record<Kind, Latency>;
    for (const kind of Object.keys(bodies) as Kind[]) {
      for (let i = 0; i < Math.min(100, queryCount); i++) await c.json("POST", path(kind), bodies[kind](i));
      const ms: number[] = [];
      answers[kind] = [];
      for (let i = 0; i < queryCount; i++) {
        const body = bodies[kind](i);
        const t = performance.now();
        const answer = await c.json<{ ids: string[][]; scores?: (number | null)[][] }>("POST", path(kind), body);
        ms.push(performance.now() - t);
        if (i < truthCount) answers[kind].push(answer);
      }
      const { p50, p99 } = stats(ms);
      latencies[kind] = { p50, p99 };
      log(`search N=${n}: ${kind} p50 ${latencies[kind].p50.toFixed(2)} ms`);
    }
    let exact = 0;
    sparseTruth.forEach((truth, i) => {
      const got = answers.sparse[i];
      const ids = got.ids[0];
      const scores = (got.scores?.[0] ?? []).map((s) => (s === null ? NaN : Math.fround(s)));
      if (ids.length === truth.length && truth.every((t, j) => ids[j] === idOf(t.i) && scores[j] === t.measure)) exact++;
    });
    return {
      n,
      meanNonZeros: sparse.meanNonZeros,
      ingestSeconds,
      query: latencies.query,
      denseSearch: latencies.denseSearch,
      sparse: latencies.sparse,
      hybrid: latencies.hybrid,
      queryRecall: recall(answers.query.map((a) => a.ids[0]), denseTruth),
      denseSearchRecall: recall(answers.denseSearch.map((a) => a.ids[0]), denseTruth),
      sparseExact: exact / truthCount,
      sparseQueries: truthCount,
    };
  } finally {
    c.close();
    await server.stop();
  }
}

/** The search table: chromaspec's figures, the reference column marked as not applicable. */
export function searchTable(r: SearchCaseResult): string {
  const ms = (x: number) => x.toFixed(2);
  const na = "n/a (single-node Chroma answers /search with 501)";
  const rows: [string, string][] = [
    ["sparse non-zeros per record (mean)", r.meanNonZeros.toFixed(1)],
    ["ingest + index, embeddings and sparse vectors (s)", r.ingestSeconds.toFixed(1)],
    ["/query k=10 p50 / p99 (ms)", `${ms(r.query.p50)} / ${ms(r.query.p99)}`],
    ["dense /search top-10 p50 / p99 (ms)", `${ms(r.denseSearch.p50)} / ${ms(r.denseSearch.p99)}`],
    ["dense /search p50 / /query p50", `${(r.denseSearch.p50 / r.query.p50).toFixed(2)}x`],
    ["sparse top-10 p50 / p99 (ms)", `${ms(r.sparse.p50)} / ${ms(r.sparse.p99)}`],
    ["hybrid RRF (dense + sparse, limit 100 each) p50 / p99 (ms)", `${ms(r.hybrid.p50)} / ${ms(r.hybrid.p99)}`],
    ["dense recall@10 (/query, /search)", `${r.queryRecall.toFixed(4)}, ${r.denseSearchRecall.toFixed(4)}`],
    [`sparse top-10 exactly brute force (of ${r.sparseQueries} queries)`, r.sparseExact.toFixed(4)],
  ];
  return [`| Search API, N=${r.n} x 384 + sparse | chromaspec | reference |`, "|---|---:|---|", ...rows.map(([k, v]) => `| ${k} | ${v} | ${na} |`)].join("\n");
}

/** The search targets (stated at N = 100k). */
export function searchTargets(r: SearchCaseResult): { target: string; met: boolean; detail: string }[] {
  return [
    { target: "dense search p50 <= 1.2x /query p50", met: r.denseSearch.p50 <= 1.2 * r.query.p50, detail: `${(r.denseSearch.p50 / r.query.p50).toFixed(2)}x` },
    { target: "sparse top-10 p50 <= 10 ms", met: r.sparse.p50 <= 10, detail: `${r.sparse.p50.toFixed(2)} ms` },
    { target: "hybrid RRF p50 <= 15 ms", met: r.hybrid.p50 <= 15, detail: `${r.hybrid.p50.toFixed(2)} ms` },
    { target: "dense recall@10 >= 0.99", met: r.denseSearchRecall >= 0.99, detail: r.denseSearchRecall.toFixed(4) },
    { target: "sparse exact", met: r.sparseExact === 1, detail: r.sparseExact.toFixed(4) },
  ];
}
