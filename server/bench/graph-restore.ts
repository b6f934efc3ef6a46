/**
 * What a restart's saved graph costs at N records, without a server: builds an HNSW graph of
 * --n records (once; the graph's bytes do not depend on the dimension, so a small --dim builds
 * quickly), saves it as the server does on a local path (memory/graph-file.ts, into --dir), then
 * times reading the file back, checking it (decodeSnapshot) and restoring it into a new graph
 * over the records' vectors (Graph.restore: the ANN worker's step on a restart).
 *
 *   node --import tsx bench/graph-restore.ts --n 1000000 --dim 16 --dir /tmp/graph-restore
 *
 * --quantized: restore into a graph with int8 traversal (its codes are rebuilt from the floats).
 *
 * Building is niced work; the timing (--rounds) is a timing run: under the lock.
 */
import { existsSync } from "node:fs";
import { scriptArgs } from "./args.js";
import { hashedVector } from "./data.js";
import { AnnWorkerHost } from "../src/storage/memory/ann-worker-host.js";
import { GraphFiles } from "../src/storage/memory/graph-file.js";
import { decodeSnapshot } from "../src/storage/memory/graph-snapshot.js";
import { Graph } from "../src/storage/memory/hnsw-graph.js";
import { CHUNK_BITS } from "../src/storage/memory/protocol.js";
import { MemoryBudget, SlotStore } from "../src/storage/memory/slots.js";
import { VectorIndex, type Entry } from "../src/storage/memory/vector-index.js";

const o = scriptArgs({ n: 1_000_000, dim: 16, dir: "/tmp/graph-restore", rounds: 3, quantized: false });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

const vector = (i: number) => hashedVector(i, o.dim);

const files = new GraphFiles(o.dir);
if (!existsSync(files.path("c"))) {
  const host = new AnnWorkerHost();
  const index = new VectorIndex(o.dim, {
    space: "l2", m: 16, efConstruction: 100, efSearch: 100, annThreshold: 2048, exactLimit: 16_384, host, budget: new MemoryBudget(0),
    graphs: { save: (parts) => files.save("c", parts) },
  });
  const t = performance.now();
  for (let i = 0; i < o.n; i += 1000) {
    const entries: Entry[] = Array.from({ length: Math.min(1000, o.n - i) }, (_, j) => ({ id: `id${i + j}`, seq: i + j, version: 1, vector: vector(i + j) }));
    index.put(entries, false);
  }
  index.activate();
  while (index.status().unindexed > 0 || index.where !== "local") await sleep(200);
  console.log(`built ${o.n} in ${ms(t)}`);
  await index.saveNow();
  index.close();
  await host.close();
}

// The records' vectors, as a restart has them before the graph is restored.
const store = new SlotStore(o.dim, new MemoryBudget(0));
store.restoreLayout(o.n);
for (let round = 0; round < o.rounds; round++) {
  let t = performance.now();
  const bytes = (await files.read("c"))!;
  const read = ms(t);
  t = performance.now();
  const snapshot = decodeSnapshot(bytes);
  const decoded = ms(t);
  t = performance.now();
  const g = Graph.restore("l2", o.dim, 16, 100, 100, CHUNK_BITS, o.quantized, store.chunks, snapshot.graph, snapshot.present);
  const restored = ms(t);
  console.log(`round ${round}: ${bytes.length} bytes read ${read}, decoded+checked ${decoded}, restored ${restored} (${g.labelLimit} labels)`);
}
