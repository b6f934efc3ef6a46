/**
 * Filtered k-NN through the storage composer, the filter evaluated in memory (record-filter.ts)
 * vs by LanceDB (the path every filter took before), in interleaved rounds in one process so
 * machine noise hits both alike. Reports per-query medians per round, and the filter evaluation
 * alone. A micro-benchmark for the filtered path: run it before and after a change.
 *
 *   npx tsx bench/filter-speed.ts [--n 100000] [--space l2] [--rounds 5] [--queries 40]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RecordFilter } from "../src/storage/storage.js";
import { openStorage } from "../src/storage/open.js";
import type { CollectionStore } from "../src/storage/collection.js";
import type { ResidentCollection } from "../src/storage/memory/resident.js";
import { scriptArgs } from "./args.js";
import { idOf, row } from "./data.js";
import { generateShape, metadataFor } from "./shapes.js";
import { median } from "./timing.js";

const values = scriptArgs({ n: 100_000, space: "l2", rounds: 5, queries: 40 });
const { n, rounds, queries: perRound } = values;

const FILTERS: [string, RecordFilter][] = [
  ["1% (pct $in [42])", { where: { kind: "member", key: "pct", op: "$in", values: [42] } }],
  ["10% (bucket $eq 3)", { where: { kind: "compare", key: "bucket", op: "$eq", value: 3 } }],
  ["50% (even $eq true)", { where: { kind: "compare", key: "even", op: "$eq", value: true } }],
  ["10% and doc $contains", { where: { kind: "compare", key: "bucket", op: "$eq", value: 3 }, whereDocument: { kind: "contains", text: "cluster 7" } }],
];

async function main() {
  const dir = await mkdtemp(join(tmpdir(), "chromaspec-filter-speed-"));
  const storage = await openStorage(join(dir, "data"), { memory: { onWarning: () => undefined } });
  try {
    await storage.catalog.createCollection({
      id: "bench", name: "bench", tenant: "t", database: "d", metadata: null, configuration: {}, dimension: null, version: 0, logPosition: 0,
    } as never);
    const store: CollectionStore = await storage.collection("bench", { space: values.space as "l2", m: 16, efConstruction: 100, efSearch: 100 });
    const data = generateShape("subspace", 384, n, 1);
    const queries = generateShape("subspace", 384, perRound, 2);
    for (let b = 0; b < n; b += 1000) {
      await store.write(
        Array.from({ length: Math.min(1000, n - b) }, (_, j) => {
          const i = b + j;
          return { id: idOf(i), embedding: row(data, i).slice(), document: `record ${i} of cluster ${data.cluster[i]}`, uri: null, metadata: metadataFor(i, data.cluster[i]) };
        }),
      );
    }
    while ((await store.indexingStatus()).unindexed > 0) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1500));
    const mem = (store as unknown as { resident: ResidentCollection }).resident;
    const lance = (store as unknown as { lance: { matchingSeqs(f: RecordFilter): Promise<Float64Array | null> } }).lance;
    const inMemory = mem.matchingSlots.bind(mem);
    const viaLance = () => null;
    process.stdout.write(`N=${n} x 384, ${values.space}; ${rounds} interleaved rounds of ${perRound} queries per path; medians in ms (noisy machine: compare within a row)\n\n`);
    process.stdout.write(`| filter | round | k-NN, filter in memory | k-NN, filter in LanceDB | filter alone, memory | filter alone, LanceDB |\n|---|---|---:|---:|---:|---:|\n`);
    for (const [label, filter] of FILTERS) {
      for (let r = 0; r < rounds; r++) {
        const t: Record<string, number[]> = { mem: [], lance: [], fmem: [], flance: [] };
        for (const path of r % 2 === 0 ? ["mem", "lance"] : ["lance", "mem"]) {
          mem.matchingSlots = path === "mem" ? inMemory : viaLance;
          for (let q = 0; q < perRound; q++) {
            const t0 = performance.now();
            await store.nearest([row(queries, q)], 10, filter, { embeddings: false, documents: false, uris: false, metadatas: false });
            t[path].push(performance.now() - t0);
            const t1 = performance.now();
            if (path === "mem") inMemory(filter);
            else await lance.matchingSeqs(filter);
            t[`f${path}`].push(performance.now() - t1);
          }
        }
        mem.matchingSlots = inMemory;
        process.stdout.write(`| ${label} | ${r + 1} | ${median(t.mem).toFixed(2)} | ${median(t.lance).toFixed(2)} | ${median(t.fmem).toFixed(2)} | ${median(t.flance).toFixed(2)} |\n`);
      }
    }
  } finally {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`filter-speed failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
