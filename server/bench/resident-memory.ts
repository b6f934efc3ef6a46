/**
 * What one collection's records cost in the server's memory, part by part, without HTTP or
 * LanceDB (issue 14 item 5: memory per record within 1.2x of the vector bytes plus the graph):
 *
 * - the resident copy (memory/vector-index.ts: slot-store vector chunks, ids, seqs, versions,
 *   norms, cached payloads) of N x dim records of `make bench-cases`' data (1M x 1536 comes from
 *   bench-cases' data cache), as RSS growth per record;
 * - the HNSW graph at N labels (M 16, ef_construction 100, the addon as the server builds it), in
 *   memory (RSS growth) and saved (serialize). Its vectors are the slot store's, read in place, so
 *   its size does not depend on dim: it is built over 4-dimensional random vectors to stay short.
 *
 * RSS is read after a GC and malloc_trim, from /proc/self/status (run with --expose-gc):
 *
 *   node --expose-gc --import tsx bench/resident-memory.ts [--n 1000000] [--dim 1536] [--graph]
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scriptArgs } from "./args.js";
import { cachedStream, DEFAULT_SPEC, idOf, metadataOf } from "./data.js";
import { hnsw } from "../src/storage/memory/native.js";
import { CHUNK_BITS } from "../src/storage/memory/protocol.js";
import { MemoryBudget } from "../src/storage/memory/slots.js";
import { VectorIndex } from "../src/storage/memory/vector-index.js";

const o = scriptArgs({ n: 1_000_000, dim: 1536, graph: false, "data-cache": join(tmpdir(), "chromaspec-bench-data") });
const BATCH = 1000;

function settledRss(): number {
  (globalThis as { gc?: () => void }).gc?.();
  hnsw().trimMemory();
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))![1]) * 1024;
}
const perRecord = (from: number, to: number) => `${((to - from) / o.n).toFixed(0)} B/record (RSS ${(from / 1e6).toFixed(0)} -> ${(to / 1e6).toFixed(0)} MB)`;

if (o.graph) {
  const dim = 4;
  const chunks = Array.from({ length: Math.ceil(o.n / (1 << CHUNK_BITS)) }, () => Float32Array.from({ length: (1 << CHUNK_BITS) * dim }, Math.random));
  const before = settledRss();
  const graph = new (hnsw().HnswIndex)("l2", dim, o.n, 16, 100, 1, CHUNK_BITS);
  chunks.forEach((c, i) => graph.setChunk(i, c));
  for (let i = 0; i < o.n; i += 4096) graph.addPoints(Int32Array.from({ length: Math.min(4096, o.n - i) }, (_, j) => i + j), 2);
  const after = settledRss();
  const saved = (await graph.serialize()).length;
  console.log(`HNSW graph, ${o.n} labels (M 16): in memory ${perRecord(before, after)}, saved ${(saved / o.n).toFixed(0)} B/record`);
} else {
  // The bench's own data and payloads (bench/main.ts: seed 1, "record i of cluster c", {bucket, cluster}).
  const data = cachedStream({ ...DEFAULT_SPEC, dim: o.dim }, o.n, 1, BATCH, o["data-cache"], console.log);
  const index = new VectorIndex(o.dim, {
    space: "cosine",
    m: 16,
    efConstruction: 100,
    efSearch: 100,
    annThreshold: Number.MAX_SAFE_INTEGER,
    exactLimit: 16_384,
    host: null,
    // The server's default payload cache (memory/resident.ts).
    budget: new MemoryBudget(512 * 1024 * 1024),
  });
  const before = settledRss();
  for (let b = 0; b < o.n / BATCH; b++) {
    const d = data.batch(b);
    index.put(
      Array.from({ length: d.n }, (_, r) => {
        const i = b * BATCH + r;
        const payload = { document: `record ${i} of cluster ${d.cluster[r]}`, uri: null, metadataJson: JSON.stringify(metadataOf(i, d.cluster[r])) };
        return { id: idOf(i), seq: i, version: 1, vector: d.vectors.subarray(r * o.dim, (r + 1) * o.dim), payload };
      }),
    );
  }
  const after = settledRss();
  console.log(`resident copy, ${o.n} x ${o.dim} (no graph): ${perRecord(before, after)}, of which vector ${o.dim * 4} B`);
}
