/**
 * `npm run bench:cases -w server` (`make bench-cases`; after `npm run build`): chromaspec side by side with the upstream
 * reference server, same data, same client, same machine, one case at a time.
 *
 *   --sizes 10000,100000   record counts (default); --million adds 1,000,000
 *   --spaces l2,cosine,ip  distance spaces (default all three)
 *   --dim 384              vector dimension (default 384); --wide = --dim 1536 --sizes 1000000
 *                          --spaces cosine --no-reference --recall-queries 20 --no-search
 *                          (issue 14 item 5), each unless given beside it
 *   --no-restart           skip the restart case (chromaspec restarted on its data after a case)
 *   --reference URL        the reference server (default http://127.0.0.1:8100); --no-reference;
 *                          `fresh`: a new one for this run on port 8190 (chroma-ref, a temp
 *                          directory), stopped at the end (`make bench -- --million` uses it)
 *   --reference-pid PID    its process, if not found from the port
 *   --out FILE             JSON results (default bench/results/latest.json)
 *   --queries N --recall-queries N --gets N --clients N --concurrent-queries N --seed N
 *   --data-cache DIR       where data sets too large to hold (over 400M floats: 1M x 1536) are
 *                          generated once and read back (default $TMPDIR/chromaspec-bench-data)
 *   --search-sizes 100000  sizes of the Search API case (bench/search.ts; chromaspec only, the
 *                          reference answers /search with 501); --no-search skips it; --search-only
 *                          runs nothing else
 *
 * For each case a fresh chromaspec is started (built dist/cli.js, temp directory, free port);
 * the reference gets a uniquely named collection, deleted afterwards (never a reset).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { addBody, cachedStream, DEFAULT_SPEC, generate, idOf, inMemory, metadataOf, row, rng, type Dataset, type Records } from "./data.js";
import { restartCase, runCase, type CaseResult, type RestartResult, type Workload } from "./measure.js";
import { caseTable, checkRestart, checkTargets, restartTable, targetsTable, type TargetCheck } from "./report.js";
import { FRESH_REFERENCE_PORT, reference, startChromaspec, startFreshReference, type Target } from "./servers.js";
import { runSearchCase, searchTable, searchTargets, type SearchCaseResult } from "./search.js";
import { log } from "./timing.js";
import { exactTopKSets, type Space } from "./truth.js";

const BATCH = 1000;
const K = 10;
const FILTER_BUCKET = 3;
/** Data sets up to this many floats (1.6 GB: 1M x 384) are generated whole; larger ones batch by batch. */
const IN_MEMORY_FLOATS = 400_000_000;

interface Options {
  sizes: number[];
  spaces: Space[];
  reference: string | null;
  referencePid: number | null;
  out: string;
  queries: number;
  recallQueries: number;
  gets: number;
  clients: number;
  concurrentQueries: number;
  seed: number;
  searchSizes: number[];
  searchOnly: boolean;
  dim: number;
  restart: boolean;
  cacheDir: string;
}

function options(argv: string[]): Options {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string" },
      million: { type: "boolean", default: false },
      spaces: { type: "string" },
      dim: { type: "string" },
      wide: { type: "boolean", default: false },
      "no-restart": { type: "boolean", default: false },
      reference: { type: "string" },
      "no-reference": { type: "boolean", default: false },
      "reference-pid": { type: "string" },
      out: { type: "string" },
      queries: { type: "string", default: "500" },
      "recall-queries": { type: "string" },
      gets: { type: "string", default: "300" },
      clients: { type: "string", default: "8" },
      "concurrent-queries": { type: "string", default: "2000" },
      seed: { type: "string", default: "1" },
      "search-sizes": { type: "string" },
      "no-search": { type: "boolean", default: false },
      "search-only": { type: "boolean", default: false },
      "data-cache": { type: "string" },
    },
  });
  // --wide presets what the flags given beside it do not set (issue 14 item 5). The Search API
  // case is a 384-d case of its own: not part of the wide run.
  const d = v.wide
    ? { dim: 1536, sizes: [1_000_000], spaces: ["cosine"], reference: null, recallQueries: 20, searchSizes: [] }
    : { dim: DEFAULT_SPEC.dim, sizes: [10_000, 100_000], spaces: ["l2", "cosine", "ip"], reference: "http://127.0.0.1:8100", recallQueries: 100, searchSizes: [100_000] };
  const numbers = (text: string | undefined, fallback: number[]) => (text === undefined ? fallback : text.split(",").map(Number));
  const sizes = numbers(v.sizes, d.sizes);
  const o: Options = {
    sizes: v.million ? [...sizes, 1_000_000] : sizes,
    spaces: (v.spaces?.split(",") ?? d.spaces) as Space[],
    reference: v["no-reference"] ? null : (v.reference ?? d.reference),
    referencePid: v["reference-pid"] === undefined ? null : Number(v["reference-pid"]),
    out: v.out !== undefined ? resolve(v.out) : join(dirname(fileURLToPath(import.meta.url)), "results", "latest.json"),
    queries: Number(v.queries),
    recallQueries: v["recall-queries"] === undefined ? d.recallQueries : Number(v["recall-queries"]),
    gets: Number(v.gets),
    clients: Number(v.clients),
    concurrentQueries: Number(v["concurrent-queries"]),
    seed: Number(v.seed),
    searchSizes: v["no-search"] ? [] : numbers(v["search-sizes"], d.searchSizes),
    searchOnly: v["search-only"]!,
    dim: v.dim === undefined ? d.dim : Number(v.dim),
    restart: !v["no-restart"],
    cacheDir: resolve(v["data-cache"] ?? join(tmpdir(), "chromaspec-bench-data")),
  };
  for (const s of o.spaces) if (!["l2", "cosine", "ip"].includes(s)) throw new Error(`unknown space ${s}`);
  for (const n of o.sizes) if (!Number.isInteger(n) || n <= 0 || n % BATCH !== 0) throw new Error(`size ${n} must be a positive multiple of ${BATCH}`);
  return o;
}

const batchBody = (records: Records, batch: number) => addBody(records.batch(batch), batch * BATCH, metadataOf);

function workload(o: Options, data: Records, queries: Dataset, space: Space): Workload {
  const batches = data.n / BATCH;
  // Bodies are built once and shared by both servers; a million records' worth is built per batch.
  const prebuilt = data.n <= 100_000 ? Array.from({ length: batches }, (_, b) => batchBody(data, b)) : null;
  const include = ["documents", "metadatas", "distances"];
  const where = { bucket: { $eq: FILTER_BUCKET } };
  const qBodies: string[] = [];
  const fBodies: string[] = [];
  for (let i = 0; i < queries.n; i++) {
    const query_embeddings = [Array.from(row(queries, i))];
    qBodies.push(JSON.stringify({ query_embeddings, n_results: K, include }));
    fBodies.push(JSON.stringify({ query_embeddings, n_results: K, include, where }));
  }
  log(`N=${data.n} ${space}: exact ground truth for ${o.recallQueries} queries`);
  const truthQueries = Array.from({ length: Math.min(o.recallQueries, queries.n) }, (_, i) => row(queries, i));
  const [truth, truthFiltered] = exactTopKSets(space, data, truthQueries, K, [() => true, (j) => j % 10 === FILTER_BUCKET]).map((sets) => sets.map((ids) => ids.map(idOf)));
  const pick = rng(o.seed + 7);
  const gets = Array.from({ length: o.gets }, () => JSON.stringify({ ids: [idOf(Math.floor(pick() * data.n))], include: ["documents", "metadatas"] }));
  const lastIndex = data.n - 1;
  const lastBatch = data.batch(batches - 1);
  return {
    n: data.n,
    dim: data.dim,
    space,
    addBody: (b) => prebuilt?.[b] ?? batchBody(data, b),
    batches,
    last: { id: idOf(lastIndex), vector: Array.from(row(lastBatch, lastBatch.n - 1)) },
    queries: qBodies,
    filtered: fBodies,
    truth,
    truthFiltered,
    gets,
    probes: qBodies.slice(0, 10).map((b) => {
      const parsed = JSON.parse(b) as Record<string, unknown>;
      return JSON.stringify({ ...parsed, include: [] });
    }),
    clients: o.clients,
    concurrentQueries: o.concurrentQueries,
  };
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const runId = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  let ref: Target | null = null;
  if (o.reference === "fresh") {
    ref = freshReference = await startFreshReference(FRESH_REFERENCE_PORT);
    log(`fresh reference at ${ref.url}, pid ${ref.pid ?? "unknown"}`);
  } else if (o.reference) {
    try {
      ref = await reference(o.reference, o.referencePid);
      log(`reference at ${ref.url}, pid ${ref.pid ?? "unknown"}`);
    } catch (err) {
      log(`reference not reachable (${String(err)}): chromaspec only`);
    }
  }
  const results: CaseResult[] = [];
  const restarts: RestartResult[] = [];
  const tables: string[] = [];
  const checks: { n: number; space: string; checks: TargetCheck[] }[] = [];
  const search: SearchCaseResult[] = [];
  const save = async () => {
    await mkdir(dirname(o.out), { recursive: true });
    await writeFile(
      o.out,
      JSON.stringify(
        { when: new Date().toISOString(), options: { ...o, out: undefined }, data: { ...DEFAULT_SPEC, dim: o.dim }, batch: BATCH, k: K, results, restarts, targets: checks, search },
        null,
        2,
      ) + "\n",
    );
  };

  for (const n of o.searchOnly ? [] : o.sizes) {
    log(`N=${n}: generating data`);
    const spec = { ...DEFAULT_SPEC, dim: o.dim };
    const data = n * o.dim <= IN_MEMORY_FLOATS ? inMemory(generate(spec, n, o.seed), BATCH) : cachedStream(spec, n, o.seed, BATCH, o.cacheDir, log);
    const queries = generate(spec, o.queries, o.seed + 1_000_003);
    for (const space of o.spaces) {
      const w = workload(o, data, queries, space);
      const ours = await startChromaspec();
      log(`N=${n} ${space}: chromaspec at ${ours.url}, pid ${ours.pid}`);
      let mine: CaseResult;
      let restart: RestartResult | null = null;
      try {
        mine = await runCase(ours, w, runId, log, o.restart);
        if (o.restart) restart = await restartCase(ours, w, mine, log);
      } finally {
        await ours.stop();
      }
      results.push(mine);
      // Saved and logged before the reference's side, which at 1M takes ~15+ min: a run stopped
      // there keeps chromaspec's figures.
      await save();
      log(`N=${n} ${space}: chromaspec query p50 ${mine.query.p50.toFixed(2)} ms, filtered p50 ${mine.filtered.p50.toFixed(2)} ms, recall@10 ${mine.recall.toFixed(4)} (filtered ${mine.recallFiltered.toFixed(4)}), RSS ${mine.rssAfter === null ? "?" : Math.round(mine.rssAfter / 2 ** 20) + " MiB"}`);
      const caseChecks: TargetCheck[] = restart ? checkRestart(restart) : [];
      if (restart) restarts.push(restart);
      let theirs: CaseResult | undefined;
      if (ref) {
        log(`N=${n} ${space}: reference`);
        theirs = await runCase(ref, w, runId, log);
        results.push(theirs);
        if (n >= 100_000) caseChecks.unshift(...checkTargets(mine, theirs));
      }
      if (caseChecks.length > 0) checks.push({ n, space, checks: caseChecks });
      const table = caseTable(mine, theirs) + (restart ? `\n\n${restartTable(restart)}` : "");
      tables.push(table);
      process.stdout.write(`\n${table}\n`);
      await save();
    }
  }
  const byN = new Map<number, typeof checks>();
  for (const c of checks) byN.set(c.n, [...(byN.get(c.n) ?? []), c]);
  for (const group of byN.values()) process.stdout.write(`\n${targetsTable(group)}\n`);
  for (const n of o.searchSizes) {
    const r = await runSearchCase(n, o.queries, o.seed, log);
    search.push(r);
    process.stdout.write(`\n${searchTable(r)}\n`);
    const lines = searchTargets(r).map((t) => `| ${t.target} | ${t.met ? "met" : "NOT met"} (${t.detail}) |`);
    process.stdout.write(`\n| search target (N=${n}) | chromaspec |\n|---|---|\n${lines.join("\n")}\n`);
    await save();
  }
  await save();
  log(`results written to ${o.out}`);
  await freshReference?.stop();
}

/** The reference `--reference fresh` started: stopped (its directory removed) however the run ends. */
let freshReference: Target | null = null;

main().catch(async (err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  await freshReference?.stop();
  process.exit(1);
});
