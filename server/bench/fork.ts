/**
 * The fork case: what `POST .../fork` costs against the copy a client would make without it.
 * For each size, a 384-d collection (the bench's clustered data, documents and metadata) is
 * ingested into a fresh chromaspec, then:
 *   - fork: the request's latency (median of `--forks` forks of the same source; a LanceDB
 *     shallow clone, so it should not grow with N) and the bytes the forks added on disk
 *     (copy-on-write: manifests only, until a side rewrites its files);
 *   - first query on a fork: opening it (records loaded into memory, its HNSW graph built, as a
 *     restart does) and answering;
 *   - copy through the API: get every record (embeddings, documents, metadatas) in pages and add
 *     them to a new collection, until it answers queries, for comparison.
 * The reference is not run: upstream's single-node server answers fork with 501.
 *
 *   npm run build -w server && npx tsx server/bench/fork.ts --sizes 10000,100000 [--forks 5] [--out file.json]
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { scriptArgs } from "./args.js";
import { Client } from "./client.js";
import { addBody, DEFAULT_SPEC, generate, inMemory, metadataOf, row } from "./data.js";
import { du } from "./measure.js";
import { startChromaspec } from "./servers.js";
import { log, median } from "./timing.js";

const BATCH = 1000;
const PAGE = 2000;

interface ForkResult {
  n: number;
  ingestSeconds: number;
  forkMs: { median: number; min: number; max: number; samples: number[] };
  forkBytes: number;
  sourceBytes: number;
  firstQueryOnForkMs: number;
  apiCopySeconds: number;
}

async function runForkCase(n: number, forks: number): Promise<ForkResult> {
  const data = generate(DEFAULT_SPEC, n, 4242 + n);
  const records = inMemory(data, BATCH);
  const query = JSON.stringify({ query_embeddings: [Array.from(row(data, 7))], n_results: 10 });
  const server = await startChromaspec();
  const c = new Client(server.url);
  const dataDir = join(server.dir, "data");
  try {
    const src = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name: `fork-src-${n}` });
    let t = performance.now();
    for (let b = 0; b * BATCH < n; b++) await c.json("POST", c.collectionPath(src.id, "add"), addBody(records.batch(b), b * BATCH, metadataOf));
    await c.untilIndexed(src.id, 100);
    const ingestSeconds = (performance.now() - t) / 1000;
    await c.json("POST", c.collectionPath(src.id, "query"), query);
    log(`fork N=${n}: ingested in ${ingestSeconds.toFixed(1)} s`);

    const sourceBytes = await du(join(dataDir, `${src.id}.lance`));
    const before = await du(dataDir);
    const samples: number[] = [];
    const forkIds: string[] = [];
    for (let f = 0; f < forks; f++) {
      t = performance.now();
      const made = await c.json<{ id: string }>("POST", c.collectionPath(src.id, "fork"), { new_name: `fork-${n}-${f}` });
      samples.push(performance.now() - t);
      forkIds.push(made.id);
    }
    const forkBytes = ((await du(dataDir)) - before) / forks;
    const forkMs = { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples };
    log(`fork N=${n}: fork p50 ${forkMs.median.toFixed(1)} ms, ${(forkBytes / 1024).toFixed(1)} KiB per fork (source table ${(sourceBytes / 2 ** 20).toFixed(1)} MiB)`);

    t = performance.now();
    const answer = await c.json<{ ids: string[][] }>("POST", c.collectionPath(forkIds[0], "query"), query);
    const firstQueryOnForkMs = performance.now() - t;
    if (answer.ids[0].length !== 10) throw new Error(`the fork answered ${answer.ids[0].length} ids`);
    log(`fork N=${n}: first query on a fork ${firstQueryOnForkMs.toFixed(0)} ms`);

    t = performance.now();
    const copy = await c.json<{ id: string }>("POST", `${c.db}/collections`, { name: `copy-${n}` });
    for (let offset = 0; offset < n; offset += PAGE) {
      const page = await c.json<{ ids: string[]; embeddings: number[][]; documents: string[]; metadatas: object[] }>("POST", c.collectionPath(src.id, "get"), {
        limit: PAGE,
        offset,
        include: ["embeddings", "documents", "metadatas"],
      });
      await c.json("POST", c.collectionPath(copy.id, "add"), { ids: page.ids, embeddings: page.embeddings, documents: page.documents, metadatas: page.metadatas });
    }
    await c.untilIndexed(copy.id, 100);
    await c.json("POST", c.collectionPath(copy.id, "query"), query);
    const apiCopySeconds = (performance.now() - t) / 1000;
    log(`fork N=${n}: copy through the API ${apiCopySeconds.toFixed(1)} s`);

    return {
      n,
      ingestSeconds,
      forkMs,
      forkBytes,
      sourceBytes,
      firstQueryOnForkMs,
      apiCopySeconds,
    };
  } finally {
    c.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const { sizes, forks, out } = scriptArgs({ sizes: "10000,100000", forks: 5, out: "" });
  const results: ForkResult[] = [];
  for (const n of sizes.split(",").map(Number)) results.push(await runForkCase(n, forks));
  console.log("| N × 384 | fork p50 (min–max) | disk per fork | source table | first query on the fork | copy through the API |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    console.log(
      `| ${r.n} | ${r.forkMs.median.toFixed(1)} ms (${r.forkMs.min.toFixed(1)}–${r.forkMs.max.toFixed(1)}) | ${(r.forkBytes / 1024).toFixed(1)} KiB | ${(r.sourceBytes / 2 ** 20).toFixed(1)} MiB | ${r.firstQueryOnForkMs.toFixed(0)} ms | ${r.apiCopySeconds.toFixed(1)} s |`,
    );
  }
  if (out) await writeFile(out, JSON.stringify({ when: new Date().toISOString(), forks, results }, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
