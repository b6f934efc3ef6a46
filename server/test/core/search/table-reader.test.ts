/**
 * The generic (LanceDB-scan) search reader scores sparse `$knn` exactly as the resident inverted
 * index does. Metadata keeps sparse values as the shortest decimal of their float32 (what clients
 * read back), so the scan must read them as float32 again, like the index's Float32Array postings:
 * otherwise a record scores an ulp apart depending on which reader answers (the first searches
 * after a restart scan LanceDB; chromadb-3-hybrid.test.ts saw BM25 scores change across a kill -9).
 */
import { describe, expect, it } from "vitest";
import { float32ToJson } from "../../../src/core/float32.js";
import { idfWeighted } from "../../../src/core/search/bm25.js";
import { TableSearchReader } from "../../../src/core/search/table-reader.js";
import type { SparseVector } from "../../../src/core/sparse-vector.js";
import type { CollectionRecords, StoredRecord } from "../../../src/storage/storage.js";
import { SparseIndex } from "../../../src/storage/memory/sparse-index.js";
import { mulberry32 } from "../../helpers/random.js";

const KEY = "sparse";
const f = Math.fround;

/** Records as the core stores them: sparse values rounded to float32, kept as their shortest decimal. */
function records(n: number, seed: number): { stored: StoredRecord[]; vectors: SparseVector[] } {
  const r = mulberry32(seed);
  const vectors: SparseVector[] = [];
  const stored: StoredRecord[] = [];
  for (let i = 0; i < n; i++) {
    const indices = [...new Set(Array.from({ length: 8 + Math.floor(r() * 30) }, () => Math.floor(r() * 300)))].sort((a, b) => a - b);
    // BM25 term-frequency parts: arbitrary doubles, rounded once on write.
    const values = indices.map(() => f((2.2 * (1 + Math.floor(r() * 3))) / (1 + Math.floor(r() * 3) + 1.2 * (0.25 + r()))));
    vectors.push({ indices, values });
    const metadata = { [KEY]: { "#type": "sparse_vector", indices, values: values.map(float32ToJson) } };
    stored.push({ id: `r${i}`, embedding: new Float32Array([0]), document: null, uri: null, metadata: metadata as unknown as StoredRecord["metadata"] });
  }
  return { stored, vectors };
}

/** The two CollectionRecords reads the table reader's sparse path uses. */
function table(stored: StoredRecord[]): CollectionRecords {
  return {
    find: async () => stored.map((s) => ({ id: s.id })),
    fetch: async (ids: string[]) => {
      const byId = new Map(stored.map((s) => [s.id, s]));
      return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    },
  } as unknown as CollectionRecords;
}

describe("TableSearchReader sparse $knn", () => {
  const { stored, vectors } = records(400, 99);
  const index = new SparseIndex();
  vectors.forEach((v, i) => index.put(i, i, v));
  const r = mulberry32(7);
  const queries = Array.from({ length: 40 }, () => {
    const indices = [...new Set(Array.from({ length: 3 + Math.floor(r() * 5) }, () => Math.floor(r() * 300)))].sort((a, b) => a - b);
    return { indices, values: indices.map(() => f(0.3 + r() * 2)) };
  });

  it("reads stored values as float32: ids and measures equal the resident index's", async () => {
    let differingDoubles = 0;
    for (const bm25 of [false, true]) {
      for (const query of queries) {
        const reader = new TableSearchReader(table(stored));
        const got = await reader.sparse(KEY, query, 25, null, bm25);
        const weighted = bm25 ? idfWeighted(query, vectors.length, (d) => index.documentFrequency(d)) : query;
        const want = index.search(weighted, 25, null);
        expect(got.map((h) => h.ordinal)).toEqual(want.map((h) => h.doc));
        expect(got.map((h) => h.measure)).toEqual(want.map((h) => h.measure));
      }
    }
    // The case is not vacuous: the stored decimals are not the float32 values themselves.
    for (const s of stored) for (const v of (s.metadata![KEY] as unknown as SparseVector).values) if (f(v) !== v) differingDoubles++;
    expect(differingDoubles).toBeGreaterThan(1000);
  });
});
