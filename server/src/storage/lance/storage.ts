/**
 * The LanceDB Storage: one connection (local directory or object-store URI, passed through to
 * lancedb.connect untouched, so no path here ever assumes a local disk), the catalog tables,
 * and one record table per collection, opened lazily and cached.
 */
import * as lancedb from "@lancedb/lancedb";
import type { CollectionInfo } from "../../core/model.js";
import type { Storage } from "../storage.js";
import { CATALOG_TABLES, LanceCatalog } from "./catalog.js";
import { InvalidPatternError, regexParseDetail } from "./errors.js";
import { MaintenanceRunner } from "./maintenance.js";
import { LanceRecordTable, type RecordTableDeps, type VectorSearchDeps } from "./records.js";
import { AnnWorkerHost } from "../memory/ann-worker-host.js";
import { MemoryBudget } from "../memory/slots.js";
import { sqlString } from "./sql.js";
import { tuneAllocator } from "../memory/process-memory.js";

export interface LanceStorageOptions {
  /** Object-store settings (credentials, region, endpoint...) as LanceDB's storageOptions. */
  storageOptions?: Record<string, string>;
  /** Writes to a table between two background optimize runs (compaction + version cleanup). */
  optimizeEvery?: number;
  /** Old table versions stay readable at least this long after they stop being current. */
  retainVersionsMs?: number;
  /**
   * After an optimize run of d ms the next waits until d * optimizeIdleFactor ms have passed
   * (bounds the share of time spent compacting a large table); 0 disables the spacing.
   */
  optimizeIdleFactor?: number;
  /** Called when background maintenance fails (it never fails a request). */
  onBackgroundError?: (err: unknown, table: string) => void;
  /** In-memory vector search; see docs/performance.md. */
  vectorIndex?: VectorIndexSettings;
}

export interface VectorIndexSettings {
  /** false: no records in memory, every search is an exact scan inside LanceDB. */
  enabled?: boolean;
  /** false: no HNSW graphs (no worker thread), in-memory searches are exact scans. */
  ann?: boolean;
  /** Collections smaller than this are searched exactly, without a graph. */
  annThreshold?: number;
  /** Prefiltered searches over at most this many records are exact scans. */
  exactLimit?: number;
  /** The lowest ef a graph search uses. */
  minEf?: number;
  /** Bytes of documents / uris / metadata kept in memory across all collections. */
  payloadCacheBytes?: number;
  onWarning?: (message: string) => void;
}

/**
 * Defaults, measured on 2 cores (docs/performance.md): an exact typed-array scan of 16k x 384
 * floats takes ~6 ms, about what a filtered graph search costs, and below 2,048 records a
 * scan (< 1 ms) beats keeping a graph. Graphs search with at least ef 160: a graph built by
 * parallel inserts differs from run to run, and at 100k x 384 upstream's ef_search 100 gave
 * recall@10 0.989-0.999 over five builds, ef 128 0.990-0.999, ef 160 0.999 in every one, for
 * ~80 us more per query than ef 100 (bench/.recall-ef measurements in docs/performance.md).
 */
const VECTOR_DEFAULTS = { annThreshold: 2048, exactLimit: 16_384, minEf: 160, payloadCacheBytes: 512 * 1024 * 1024 };

export interface LanceStorage extends Storage {
  readonly catalog: LanceCatalog;
  records(collection: CollectionInfo): Promise<LanceRecordTable>;
  /** Runs due background maintenance now (including runs waiting out their spacing) and waits for it. */
  idle(): Promise<void>;
}

/** Validated regex patterns; a bounded set so a stream of distinct patterns cannot grow it forever. */
const VALID_PATTERN_CACHE = 1024;

export async function openLanceStorage(uri: string, options: LanceStorageOptions = {}): Promise<LanceStorage> {
  tuneAllocator();
  const db = await lancedb.connect(uri, options.storageOptions ? { storageOptions: options.storageOptions } : {});
  const runner = new MaintenanceRunner({
    every: options.optimizeEvery ?? 20,
    retainMs: options.retainVersionsMs ?? 60_000,
    idleFactor: options.optimizeIdleFactor ?? 4,
    onError:
      options.onBackgroundError ??
      ((err, table) => console.warn(`chromaspec: background optimize of LanceDB table ${table} failed:`, err)),
  });
  const storage = new LanceStorageImpl(db, runner, await listTables(db), vectorDeps(options.vectorIndex));
  await storage.openCatalog();
  return storage;
}

function vectorDeps(settings: VectorIndexSettings = {}): VectorSearchDeps | null {
  if (settings.enabled === false) return null;
  return {
    host: settings.ann === false ? null : new AnnWorkerHost(),
    budget: new MemoryBudget(settings.payloadCacheBytes ?? VECTOR_DEFAULTS.payloadCacheBytes),
    annThreshold: settings.annThreshold ?? VECTOR_DEFAULTS.annThreshold,
    exactLimit: settings.exactLimit ?? VECTOR_DEFAULTS.exactLimit,
    minEf: settings.minEf ?? VECTOR_DEFAULTS.minEf,
    onWarning: settings.onWarning ?? ((m) => console.warn(`chromaspec: ${m}`)),
  };
}

async function listTables(db: lancedb.Connection): Promise<Set<string>> {
  const names = new Set<string>();
  const page = 1000;
  let after: string | undefined;
  for (;;) {
    const batch = await db.tableNames({ limit: page, ...(after === undefined ? {} : { startAfter: after }) });
    batch.forEach((n) => names.add(n));
    if (batch.length < page) return names;
    after = batch[batch.length - 1];
  }
}

class LanceStorageImpl implements LanceStorage {
  private catalogStore: LanceCatalog | null = null;
  private readonly tables = new Map<string, LanceRecordTable>();
  private readonly validPatterns = new Set<string>();
  private readonly deps: RecordTableDeps;

  constructor(
    private readonly db: lancedb.Connection,
    private readonly runner: MaintenanceRunner,
    /** Table names present at open (or created since); tells records() whether to try opening. */
    private readonly known: Set<string>,
    private readonly vectors: VectorSearchDeps | null,
  ) {
    this.deps = { db, runner, validatePatterns: (p) => this.validatePatterns(p), vectors };
  }

  get catalog(): LanceCatalog {
    if (!this.catalogStore) throw new Error("storage is closed");
    return this.catalogStore;
  }

  async openCatalog(): Promise<void> {
    this.catalogStore = await LanceCatalog.open(this.db, this.runner, (ids) => Promise.all(ids.map((id) => this.dropRecords(id))).then(() => undefined));
  }

  async records(collection: CollectionInfo): Promise<LanceRecordTable> {
    let table = this.tables.get(collection.id);
    if (!table) {
      // Always try to open: object stores may not list a table that exists (seen with S3
      // emulators), and a missing table costs only one failed open before the first write.
      table = new LanceRecordTable(collection.id, true, this.deps);
      this.tables.set(collection.id, table);
      // Whatever happens next, the name may now exist (the first write creates it).
      this.known.add(collection.id);
    }
    table.configure(collection);
    return table;
  }

  async dropRecords(collectionId: string): Promise<void> {
    const table = this.tables.get(collectionId) ?? new LanceRecordTable(collectionId, true, this.deps);
    this.tables.delete(collectionId);
    this.known.delete(collectionId);
    await table.drop();
  }

  async reset(): Promise<void> {
    await this.catalogStore?.flush();
    await Promise.all([...this.tables.values()].map((t) => t.detach()));
    await this.runner.drain(false);
    this.tables.clear();
    this.catalogStore?.close();
    this.catalogStore = null;
    await this.db.dropAllTables();
    this.known.clear();
    await this.openCatalog();
  }

  async idle(): Promise<void> {
    await this.catalogStore?.flush();
    await this.runner.drain(true);
  }

  async close(): Promise<void> {
    await this.catalogStore?.flush();
    await this.runner.drain(false);
    await Promise.all([...this.tables.values()].map((t) => t.detach()));
    this.tables.clear();
    await this.vectors?.host?.close();
    this.catalogStore?.close();
    this.catalogStore = null;
    this.db.close();
  }

  /**
   * Upstream rejects a bad pattern even when nothing would be scanned. With no record table
   * to run against, ask LanceDB to plan regexp_like on a constant against a catalog table: the
   * planner compiles the pattern with the same engine a real scan would.
   */
  private async validatePatterns(patterns: string[]): Promise<void> {
    for (const pattern of patterns) {
      if (this.validPatterns.has(pattern)) continue;
      const probe = await this.db.openTable(CATALOG_TABLES.tenants);
      try {
        await probe.query().where(`regexp_like('', ${sqlString(pattern)})`).limit(1).toArray();
      } catch (err) {
        const detail = regexParseDetail(err);
        if (detail !== undefined) throw new InvalidPatternError(pattern, detail);
        throw err;
      } finally {
        probe.close();
      }
      if (this.validPatterns.size >= VALID_PATTERN_CACHE) this.validPatterns.clear();
      this.validPatterns.add(pattern);
    }
  }
}
