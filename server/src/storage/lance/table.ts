/**
 * One collection's records in one LanceDB table (named by the collection id):
 *   id utf8 | seq int64 (insertion order; a replaced id keeps its seq) |
 *   version int64 (the write that last stored the row: see `stampVersion`; a saved graph is
 *   checked against it on load) |
 *   embedding FixedSizeList<float32>[dim] | norm float32 (for cosine, see nearest) |
 *   document utf8? | uri utf8? | metadata_json utf8? (the metadata as given, for reading back) |
 *   s_<key> utf8? / n_<key> float64? / b_<key> int8 0/1? per metadata key and value type, and
 *   ls_<key> / ln_<key> / lb_<key> (lists of those) for array values, added by schema evolution
 *   the first time a key appears with that type; they exist only for filtering. Sparse-vector
 *   values live in metadata_json only.
 * The table is created by the first write, which fixes the dimension.
 *
 * LanceDB only: this module knows nothing of the resident copy in memory. Its caller (the
 * collection composer, storage/collection.ts) serialises writes and decides which store answers.
 *
 * Two handles on the table: `handle` reads (and runs maintenance) and is moved to the latest
 * version explicitly (`latestVersion`, and after this process's own commits); `writer` commits
 * and moves only when the collection's write lease is acquired (`catchUpWriter`) and with its own
 * commits, so a commit is always based on the version the lease holder last saw: after a takeover
 * the new holder's fence (`fence`) makes any late commit of the old holder fail (lance/lease.ts).
 */
import { parseJson } from "../../util/json.js";
import { Index, type Table } from "@lancedb/lancedb";
import type { DistanceSpace, Metadata, MetadataScalar, Neighbor, Projection, RecordFilter, RecordView, StoredRecord } from "../storage.js";
import { InvalidPatternError, regexPatterns } from "../storage.js";
import {
  arrow,
  boolAsInt8Data,
  float32Data,
  float64Data,
  int64Data,
  listData,
  readInt64s,
  readStrings,
  tableFromColumns,
  appendTable,
  utf8Data,
  type ArrowModule,
} from "./arrow.js";
import type { LanceDatabase } from "./database.js";
import { isNotFound, regexParseDetail } from "./errors.js";
import { TableHandle } from "./handle.js";
import { fenceTable, LeaseLostError } from "./lease.js";
import { TableMaintenance } from "./maintenance.js";
import { Mutex } from "../../util/mutex.js";
import { andPredicates, columnKindOf, compileFilter, compileIds, metadataColumn, type MetadataKind } from "./sql.js";

const TYPED_COLUMN = /^l?[snb]_(?:[0-9a-f]{4})*$/;
/** Keeps IN lists (and the SQL text) of one probe query bounded. */
const ID_CHUNK = 4096;

/** Below this a full scan of a column is as cheap as an index lookup. */
const ID_INDEX_MIN_ROWS = 10_000;
/** Typed metadata columns that get a scalar index (filters on them need no full scan). */
const MAX_SCALAR_INDEXES = 32;

const LANCE_DISTANCE: Record<DistanceSpace, "l2" | "cosine" | "dot"> = { l2: "l2", cosine: "cosine", ip: "dot" };
const ALL: Projection = { embeddings: true, documents: true, uris: true, metadatas: true };

function baseSchema(dim: number): ArrowModule.Schema {
  return new arrow.Schema([
    new arrow.Field("id", new arrow.Utf8(), false),
    new arrow.Field("seq", new arrow.Int64(), false),
    new arrow.Field("version", new arrow.Int64(), false),
    new arrow.Field("embedding", new arrow.FixedSizeList(dim, new arrow.Field("item", new arrow.Float32(), true)), false),
    new arrow.Field("norm", new arrow.Float32(), false),
    new arrow.Field("document", new arrow.Utf8(), true),
    new arrow.Field("uri", new arrow.Utf8(), true),
    new arrow.Field("metadata_json", new arrow.Utf8(), true),
  ]);
}

function scalarType(kind: string): ArrowModule.DataType {
  return kind === "s" ? new arrow.Utf8() : kind === "n" ? new arrow.Float64() : new arrow.Int8();
}

/** s_/n_/b_ scalar columns, ls_/ln_/lb_ lists of the same element types. */
function typedField(name: string): ArrowModule.Field {
  const list = name[0] === "l";
  const element = scalarType(list ? name[1] : name[0]);
  return new arrow.Field(name, list ? new arrow.List(new arrow.Field("item", element, true)) : element, true);
}

/** A deduplicated batch ready to commit: seqs assigned, metadata serialised once. */
export interface CommitBatch {
  records: StoredRecord[];
  seqs: Float64Array;
  /** The write's version stamp (stampVersion), stored on every row it writes. */
  version: number;
  /** The metadata of each record as JSON (what metadata_json stores), null for none. */
  metadataJson: (string | null)[];
  /** How many of the records replace existing ones (0: a plain append). */
  replaced: number;
}

/** A slice of the table as streamed by scan(): columns, vectors as views into Arrow's buffers. */
export interface ScannedBatch {
  ids: string[];
  seqs: Float64Array;
  versions: Float64Array;
  vectors: Float32Array[];
  documents: (string | null)[];
  uris: (string | null)[];
  metadataJson: (string | null)[];
}

/** The search-side columns of a slice of the table (scanVectors). */
export interface VectorBatch {
  ids: string[];
  seqs: Float64Array;
  versions: Float64Array;
  /** Row i's vector is values[i * dim, (i + 1) * dim): a view into Arrow's buffer, valid while the batch is. */
  values: Float32Array;
}

/** The payload columns of a slice of the table (scanPayloads), rows named by seq and version. */
export interface PayloadBatch {
  seqs: Float64Array;
  versions: Float64Array;
  documents: (string | null)[];
  uris: (string | null)[];
  metadataJson: (string | null)[];
}

export class LanceTable {
  /** Serialises commits and schema changes; held by the composer around each write. */
  readonly mutex = new Mutex();
  readonly maintenance: TableMaintenance;
  private handle: TableHandle | null = null;
  private writer: TableHandle | null = null;
  /** This process committed since the reader last moved to the latest version. */
  private readerBehind = false;
  /**
   * Versions the writer may follow without a lease acquisition: `from` is a version the writer
   * was at when a maintenance run started, and every version in (from, to] was committed by this
   * process (its maintenance runs, or the writer itself). A schema change must be based on a
   * version after any compaction (LanceDB cannot rebase a Merge over a Rewrite), but the writer
   * must never move onto another process's commits (the fence of a lease takeover), so it
   * follows only this tail (followOwnMaintenance). null when nothing is known to be ours.
   */
  private ownTail: { from: number; to: number } | null = null;
  /**
   * Set when the writer found another process's commit after its own maintenance (it lost the
   * lease without knowing yet): every commit is refused until the lease is acquired again
   * (catchUpWriter / fence clear it).
   */
  private fencedOut = false;
  private schema: ArrowModule.Schema | null = null;
  /** Typed metadata columns the table has. */
  private columns = new Set<string>();
  private dim = 0;
  /** Next seq to hand out; loaded on open, then kept here (writes are serialised). */
  private next = 0;
  /** The highest version stamped so far (loaded on open). */
  private lastVersion = 0;
  private lastCommitted = 0;
  /** The highest seq and version stored, as the last `refresh` read them. */
  private stored: { highestSeq: number; highestVersion: number } | null = null;
  /** Whether any stored embedding has norm 0 (cosine must special-case them); null = unknown. */
  private zeroNorms: boolean | null = null;
  private opened: Promise<void> | null = null;
  private closed = false;
  /** key -> column names per kind; hex-encoding every key of every record would cost more. */
  private readonly columnNames = new Map<string, Record<MetadataKind, string>>();
  /** Columns known to have a scalar index. */
  private readonly indexedColumns = new Set<string>();

  constructor(
    readonly name: string,
    private readonly db: LanceDatabase,
    /** The oldest version time copy-on-write forks still read (see lance/lineage.ts), or null. */
    retainFrom?: () => Promise<number | null>,
  ) {
    // Maintenance runs on the reader, which follows this process's own commits only lazily:
    // compaction, cleanup and index upkeep must see the latest version.
    const latest = async (table: Table) => {
      await table.checkoutLatest();
      this.readerBehind = false;
    };
    this.maintenance = new TableMaintenance(name, db.runner, this.mutex, () => this.handle, {
      upkeep: async (table) => {
        await latest(table);
        // The run starts under the write mutex: the writer is not committing now. Its versions
        // extend the tail when they start where the writer is or where the last run ended.
        // (What this process commits before the run takes its compaction lock lands inside
        // the tail too, and the run compacts on top of it: maintenance.ts runOnce.)
        const start = await table.version();
        const writerAt = this.writer ? await this.writer.use((t) => t.version()) : -1;
        this.ownTail = writerAt === start ? { from: start, to: start } : this.ownTail?.to === start ? this.ownTail : null;
        await this.ensureIndices(table);
      },
      // Again holding the compaction lock: a schema change, replace or delete may have
      // committed since the upkeep, and the run's Rewrite must be based on it.
      latest,
      retainFrom,
      ranTo: (version) => {
        this.ownTail = version === null || this.ownTail === null ? null : { from: this.ownTail.from, to: version };
      },
    });
  }

  /** The embedding dimension, 0 while the table does not exist. */
  get dimension(): number {
    return this.dim;
  }

  /** The seq the next new record gets. */
  get nextSeq(): number {
    return this.next;
  }

  /**
   * A new version for the rows of one write: above every version stamped before, in this process
   * or (through the wall clock, in microseconds) any earlier one, even if the rows that had the
   * highest versions are deleted since. So (seq, version) never names two different contents,
   * which is what a saved graph relies on to tell the records written after it was saved.
   */
  stampVersion(): number {
    this.lastVersion = Math.max(this.lastVersion + 1, Date.now() * 1000);
    return this.lastVersion;
  }

  // ---- lifecycle -------------------------------------------------------------------------

  /**
   * Opens the table if it exists (once; a failed open is retried by the next call, and so is one
   * that found no table when `recheck`: another process may have created it since).
   */
  open(recheck = false): Promise<void> {
    if (recheck && this.opened && !this.handle && !this.closed) this.opened = null;
    this.opened ??= (async () => {
      if (this.closed) return;
      let table: Table;
      let writer: Table;
      try {
        table = await this.db.connection.openTable(this.name);
        writer = await this.db.connection.openTable(this.name);
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
      if (this.closed) {
        table.close();
        writer.close();
        return;
      }
      this.handle = new TableHandle(table);
      this.writer = new TableHandle(writer);
      await this.refresh();
      // Versions left by earlier processes may call for a run (see maintenance.ts).
      this.maintenance.noteOpened();
    })().catch((err: unknown) => {
      this.opened = null;
      throw err;
    });
    return this.opened;
  }

  /** Whether the table exists (as far as this process knows). */
  get exists(): boolean {
    return this.handle !== null;
  }

  /**
   * Moves the reader to the latest committed version (by any process) and resolves to it; 0
   * while there is no table. The caller holds `mutex`.
   */
  async latestVersion(): Promise<number> {
    await this.open(true);
    const handle = this.handle;
    if (!handle) return 0;
    this.readerBehind = false;
    return handle.use(async (t) => {
      await t.checkoutLatest();
      return t.version();
    });
  }

  /**
   * Moves the reader (if open) to the latest committed version without the write mutex: for
   * reads answered by LanceDB while the resident copy is (re)loading.
   */
  async followLatest(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    this.readerBehind = false;
    await handle.use((t) => t.checkoutLatest());
  }

  /** The writer starts from the latest version (on acquiring the write lease; the caller holds `mutex`). */
  async catchUpWriter(): Promise<void> {
    await this.open(true);
    await this.writer?.use((t) => t.checkoutLatest());
    this.fencedOut = false;
  }

  /** The fence of a lease takeover (lance/lease.ts fenceTable), on the writer; nothing while there is no table. */
  async fence(): Promise<void> {
    await this.mutex.run(async () => {
      await this.open(true);
      const fenced = await this.writer?.use((t) => fenceTable(t));
      this.fencedOut = false;
      if (fenced !== undefined) this.maintenance.noteCommitted(fenced);
    });
  }

  /**
   * Whether the writer is behind versions its own maintenance committed since its last commit.
   * A write then must move it first: merge-inserts, deletes and the seq lookup read the table at
   * the writer's version, whose files cleanup removes once it is older than the retention window
   * ("Not found: ....lance"), and a schema change cannot be rebased over the compaction.
   */
  private async behindOwnMaintenance(writer: TableHandle): Promise<boolean> {
    const tail = this.ownTail;
    if (!tail) return false;
    const at = await writer.use((t) => t.version());
    return at >= tail.from && at < tail.to;
  }

  /** The writer over its own maintenance's versions before a write reads or commits (the caller holds the write mutex). */
  private async catchUpWithOwnMaintenance(writer: TableHandle): Promise<void> {
    this.assertNotFencedOut();
    // Checked first without the lock, so appends are not held up by a run in progress.
    if (await this.behindOwnMaintenance(writer)) await this.maintenance.exclusive(() => this.followOwnMaintenance(writer));
  }

  /**
   * Moves the writer over the versions this process's own maintenance committed since the
   * writer's last commit, and no further. The caller holds the write mutex and the maintenance's
   * exclusive lock (no run commits meanwhile). Throws LeaseLostError when the latest version is
   * not the tail's end (another process committed: it took the lease over).
   */
  private async followOwnMaintenance(writer: TableHandle): Promise<void> {
    this.assertNotFencedOut();
    if (!(await this.behindOwnMaintenance(writer))) return;
    const tail = this.ownTail!;
    const now = await writer.use(async (t) => {
      await t.checkoutLatest();
      return t.version();
    });
    if (now !== tail.to) {
      this.fencedOut = true;
      throw new LeaseLostError(this.name);
    }
  }

  /** Refuses a commit after the writer saw another process's commit (see fencedOut). */
  private assertNotFencedOut(): void {
    if (this.fencedOut) throw new LeaseLostError(this.name);
  }

  /** The reader (null while there is no table), at least at this process's last commit. */
  private async reader(): Promise<TableHandle | null> {
    await this.open();
    const handle = this.handle;
    if (handle && this.readerBehind) {
      this.readerBehind = false;
      await handle.use((t) => t.checkoutLatest());
    }
    return handle;
  }

  /**
   * Re-reads what is cached about the table (schema, next seq, zero norms): after a commit whose
   * outcome is unknown, LanceDB is asked again instead of trusting what was assumed.
   */
  async refresh(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    await this.refreshSchema(handle);
    if (!this.schema!.fields.some((f) => f.name === "version")) {
      // A table written before rows carried versions: they all get version 0 (any later write
      // stamps far above it), in one schema change.
      await this.maintenance.exclusive(() => handle.use((t) => t.addColumns([{ name: "version", valueSql: "CAST(0 AS BIGINT)" }])));
      await this.refreshSchema(handle);
    }
    const highest = async (column: string) => {
      const last = await handle.use((t) => t.query().select([column]).withRowId().orderBy({ columnName: column, ascending: false }).limit(1).toArrow());
      return last.numRows > 0 ? readInt64s(last, column)[0] : -1;
    };
    const highestSeq = await highest("seq");
    const highestVersion = await highest("version");
    this.next = highestSeq + 1;
    this.lastVersion = Math.max(this.lastVersion, highestVersion);
    this.stored = { highestSeq, highestVersion };
    this.zeroNorms = null;
  }

  /**
   * Count, highest seq and highest version of the rows as of the last `refresh` (the caller holds
   * `mutex` and refreshed just before); null while there is no table.
   */
  async contentStamp(): Promise<{ count: number; highestSeq: number; highestVersion: number } | null> {
    const handle = this.handle;
    if (!handle || !this.stored) return null;
    return { count: await handle.use((t) => t.countRows()), ...this.stored };
  }

  private async refreshSchema(handle: TableHandle): Promise<void> {
    const schema = await handle.use((t) => t.schema());
    this.schema = schema;
    this.columns = new Set(schema.fields.map((f) => f.name).filter((n) => TYPED_COLUMN.test(n)));
    const emb = schema.fields.find((f) => f.name === "embedding");
    this.dim = emb ? (emb.type as ArrowModule.FixedSizeList).listSize : 0;
  }

  /**
   * Stops maintenance, waits for every native call in flight, closes the handle and (with
   * `drop`) drops the table. The caller holds no write mutex (maintenance may need it).
   */
  async close(drop: boolean): Promise<void> {
    this.closed = true;
    await this.maintenance.stop();
    await this.opened?.catch(() => undefined);
    await this.mutex.run(async () => {
      const handle = this.handle;
      const writer = this.writer;
      this.handle = null;
      this.writer = null;
      await handle?.close();
      await writer?.close();
      if (!drop) return;
      try {
        await this.db.connection.dropTable(this.name);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    });
  }

  /**
   * A copy-on-write copy of the table as it is now, under the name `target` (LanceDB's shallow
   * clone: a new manifest over this table's data files, written in constant time): the version
   * `version()` answered, which the caller has recorded in the lineage first (so no cleanup, in
   * any process, removes it). The caller holds the write lease, so that version holds every write
   * acknowledged before, by any process.
   */
  async shallowClone(target: string, version: number): Promise<void> {
    await this.db.connection.cloneTable(target, this.db.tableUri(this.name), { sourceVersion: version, isShallow: true });
  }

  /**
   * The latest version and when it was created, or null when the table does not exist (yet). The
   * caller holds the write lease: nothing but maintenance (which keeps the content) commits meanwhile.
   */
  async currentVersion(): Promise<{ version: number; timestampMs: number } | null> {
    await this.open(true);
    const writer = this.writer;
    if (!writer) return null;
    return this.maintenance.exclusive(() =>
      writer.use(async (t) => {
        await t.checkoutLatest();
        const version = await t.version();
        const created = (await t.listVersions()).find((v) => v.version === version)?.timestamp;
        return { version, timestampMs: created === undefined ? Date.now() : new Date(created as unknown as string | number | Date).getTime() };
      }),
    );
  }

  /** Upkeep, compaction and cleanup now (tests; normally it runs in the background). */
  optimize(): Promise<void> {
    return this.maintenance.optimizeNow();
  }

  // ---- reads -----------------------------------------------------------------------------

  /** Rejects (InvalidPatternError) patterns the regex engine cannot compile, as written. */
  validate(filter: RecordFilter): Promise<void> {
    return this.db.validatePatterns(regexPatterns(filter));
  }

  async count(): Promise<number> {
    const handle = await this.reader();
    return handle ? handle.use((t) => t.countRows()) : 0;
  }

  /** Full records for unique ids, in the order of `unique`; missing ids are skipped. */
  async fetch(unique: string[]): Promise<StoredRecord[]> {
    const handle = await this.reader();
    if (!handle || unique.length === 0) return [];
    const found = new Map<string, StoredRecord>();
    for (let i = 0; i < unique.length; i += ID_CHUNK) {
      const result = await handle.use((t) =>
        t
          .query()
          .where(compileIds(unique.slice(i, i + ID_CHUNK)))
          .select(projectedColumns(ALL))
          .toArrow(),
      );
      for (const view of toViews(result, ALL, this.dim)) {
        found.set(view.id, {
          id: view.id,
          embedding: view.embedding!,
          document: view.document ?? null,
          uri: view.uri ?? null,
          metadata: view.metadata ?? null,
        });
      }
    }
    const out: StoredRecord[] = [];
    for (const id of unique) {
      const r = found.get(id);
      if (r) out.push(r);
    }
    return out;
  }

  /** Matching records in insertion order, paged. Patterns must have been validated. */
  async find(filter: RecordFilter, page: { offset: number; limit?: number }, projection: Projection): Promise<RecordView[]> {
    const handle = await this.reader();
    if (!handle) return [];
    const where = compileFilter(filter, this.columns);
    const result = await handle.use((t) => {
      let q = t.query();
      if (where !== undefined) q = q.where(where);
      // orderBy with a projection needs the row id in the plan (LanceDB's take step); it is dropped by toViews.
      q = q.select(projectedColumns(projection)).withRowId().orderBy({ columnName: "seq", ascending: true });
      if (page.offset > 0) q = q.offset(page.offset);
      if (page.limit !== undefined) q = q.limit(page.limit);
      return run(() => q.toArrow(), filter);
    });
    return toViews(result, projection, this.dim);
  }

  /**
   * Seqs of the records matching a filter that narrows by where / where_document (LanceDB
   * evaluates it); null when nothing narrows.
   */
  async matchingSeqs(filter: RecordFilter): Promise<Float64Array | null> {
    const handle = await this.reader();
    if (!handle) return new Float64Array(0);
    const where = compileFilter(filter, this.columns);
    if (where === undefined) return null;
    const result = await handle.use((t) => run(() => t.query().where(where).select(["seq"]).toArrow(), filter));
    return readInt64s(result, "seq");
  }

  /**
   * Exact k-NN inside LanceDB (the fallback when no resident copy answers), distances in
   * upstream's spaces.
   */
  async nearest(queries: Float32Array[], k: number, space: DistanceSpace, filter: RecordFilter, projection: Projection): Promise<Neighbor[][]> {
    const handle = await this.reader();
    if (!handle) return queries.map(() => []);
    return handle.use((table) => this.nearestIn(table, queries, k, space, filter, projection));
  }

  private async nearestIn(
    table: Table,
    queries: Float32Array[],
    k: number,
    space: DistanceSpace,
    filter: RecordFilter,
    projection: Projection,
  ): Promise<Neighbor[][]> {
    // A k far beyond the table (clients send n_results in the millions) must not size LanceDB's top-k.
    k = Math.min(k, await table.countRows());
    if (k === 0) return queries.map(() => []);
    const where = compileFilter(filter, this.columns);
    const columns = projectedColumns(projection);
    const out: Neighbor[][] = queries.map(() => []);

    // Cosine is undefined for zero vectors; LanceDB drops them (NaN), upstream (which
    // normalizes vectors and ranks by inner product) gives them distance 1 - 0 = 1.
    let zeroRows: Neighbor[] = [];
    let searchWhere = where;
    const searched: number[] = [];
    if (space === "cosine") {
      if (await this.hasZeroNorms(table)) {
        searchWhere = andPredicates(where, "`norm` > 0.0");
        zeroRows = await this.distanceOneRows(table, andPredicates(where, "`norm` = 0.0"), k, columns, projection, filter);
      }
      let zeroQueryRows: Neighbor[] | null = null;
      for (let i = 0; i < queries.length; i++) {
        if (norm(queries[i]) > 0) searched.push(i);
        else out[i] = zeroQueryRows ??= await this.distanceOneRows(table, where, k, columns, projection, filter);
      }
    } else {
      for (let i = 0; i < queries.length; i++) searched.push(i);
    }

    if (searched.length > 0) {
      let q = table.vectorSearch(queries[searched[0]]);
      for (const i of searched.slice(1)) q = q.addQueryVector(queries[i]);
      // No ANN index exists, so this is an exact scan; the distance is computed by LanceDB:
      // l2 is squared euclidean, cosine is 1 - cos, dot is 1 - a.b, i.e. upstream's three spaces.
      q = q.column("embedding").distanceType(LANCE_DISTANCE[space]).limit(k);
      if (searchWhere !== undefined) q = q.where(searchWhere);
      q = q.select([...columns, "_distance"]);
      const result = await run(() => q.toArrow(), filter);
      const views = toViews(result, projection, this.dim);
      const distances = result.getChild("_distance")!;
      const queryIndex = result.getChild("query_index");
      for (let r = 0; r < views.length; r++) {
        const slot = searched[queryIndex ? Number(queryIndex.get(r)) : 0];
        out[slot].push({ ...views[r], distance: Number(distances.get(r)) });
      }
    }
    for (const i of searched) {
      const merged = zeroRows.length > 0 ? out[i].concat(zeroRows.map((r) => ({ ...r }))) : out[i];
      // Stable: LanceDB breaks distance ties by row id, which we keep.
      merged.sort((a, b) => a.distance - b.distance);
      out[i] = merged.length > k ? merged.slice(0, k) : merged;
    }
    return out;
  }

  /** The first k matching rows in insertion order, at distance 1 (cosine against a zero vector). */
  private async distanceOneRows(
    table: Table,
    where: string | undefined,
    k: number,
    columns: string[],
    projection: Projection,
    filter: RecordFilter,
  ): Promise<Neighbor[]> {
    let q = table.query();
    if (where !== undefined) q = q.where(where);
    q = q.select(columns).withRowId().orderBy({ columnName: "seq", ascending: true }).limit(k);
    const result = await run(() => q.toArrow(), filter);
    return toViews(result, projection, this.dim).map((v) => ({ ...v, distance: 1 }));
  }

  private async hasZeroNorms(table: Table): Promise<boolean> {
    this.zeroNorms ??= (await table.countRows("`norm` = 0.0")) > 0;
    return this.zeroNorms;
  }

  /**
   * Streams every record (id, seq, vector, payload) to `take`, batch by batch — or, with
   * `newerThan`, only the records stamped above that version (what other processes wrote since,
   * for a catch-up). The caller holds the write mutex, so nothing changes underneath.
   */
  scan(take: (batch: ScannedBatch) => void, newerThan?: number): Promise<void> {
    const where = newerThan === undefined ? undefined : `version > ${Math.trunc(newerThan)}`;
    return this.stream(["id", "seq", "version", "embedding", "document", "uri", "metadata_json"], where, (batch, dim) => take(scanned(batch, dim)));
  }

  /**
   * The first half of a load (storage/collection.ts): what a graph search needs — id, seq,
   * version and vector — batch by batch, each batch's vectors as one contiguous view into Arrow's
   * buffer (copied in bulk, no object per row). The document, uri and metadata columns, which
   * cost as much to turn into strings again, follow through `scanPayloads`. With `fromVersion`,
   * only the rows stamped at or above it (the records a saved vectors file did not hold).
   */
  scanVectors(take: (batch: VectorBatch) => void, fromVersion?: number): Promise<void> {
    const where = fromVersion === undefined ? undefined : `version >= ${Math.trunc(fromVersion)}`;
    return this.stream(["id", "seq", "version", "embedding"], where, (batch, dim) =>
      take({
        ids: readStrings(batch, "id") as string[],
        seqs: readInt64s(batch, "seq"),
        versions: readInt64s(batch, "version"),
        values: contiguousVectors(batch.getChild("embedding")!, dim),
      }),
    );
  }

  /**
   * A load whose vectors come from a saved file (memory/vector-file.ts): every record's id, seq
   * and version, the columns that name it, without the vector column that costs ~15x more to read.
   */
  scanKeys(take: (batch: { ids: string[]; seqs: Float64Array; versions: Float64Array }) => void): Promise<void> {
    return this.stream(["id", "seq", "version"], undefined, (batch) =>
      take({ ids: readStrings(batch, "id") as string[], seqs: readInt64s(batch, "seq"), versions: readInt64s(batch, "version") }),
    );
  }

  /** The second half of a load: every record's payload columns, named by (seq, version). */
  scanPayloads(take: (batch: PayloadBatch) => void): Promise<void> {
    return this.stream(["seq", "version", "document", "uri", "metadata_json"], undefined, (batch) =>
      take({
        seqs: readInt64s(batch, "seq"),
        versions: readInt64s(batch, "version"),
        documents: readStrings(batch, "document"),
        uris: readStrings(batch, "uri"),
        metadataJson: readStrings(batch, "metadata_json"),
      }),
    );
  }

  /** Streams `columns` of the rows matching `where` (all when undefined) to `take`, batch by batch. */
  private async stream(columns: string[], where: string | undefined, take: (batch: ArrowModule.RecordBatch, dim: number) => void): Promise<void> {
    const handle = await this.reader();
    if (!handle) return;
    const dim = this.dim;
    await handle.use(async (t) => {
      let q = t.query().select(columns);
      if (where !== undefined) q = q.where(where);
      for await (const batch of q as AsyncIterable<ArrowModule.RecordBatch>) {
        if (batch.numRows > 0) take(batch, dim);
      }
    });
  }

  /** Every record's id (a catch-up finds what other processes deleted); the caller holds the write mutex. */
  async ids(): Promise<Set<string>> {
    const handle = await this.reader();
    const out = new Set<string>();
    if (!handle) return out;
    await handle.use(async (t) => {
      for await (const batch of t.query().select(["id"]) as AsyncIterable<ArrowModule.RecordBatch>) {
        for (const id of readStrings(batch, "id")) out.add(id!);
      }
    });
    return out;
  }

  // ---- writes (the caller holds `mutex`) ------------------------------------------------

  /**
   * Everything a commit needs before it can run: the table (created by the first write, which
   * fixes the dimension) and a typed column for every (key, type) the batch brings for the
   * first time. Nothing is committed that a reader could see as a record.
   */
  async prepare(records: StoredRecord[]): Promise<void> {
    if (this.closed) throw new Error(`collection table ${this.name} was dropped`);
    await this.open();
    const dim = records[0].embedding.length;
    for (const r of records) {
      if (r.embedding.length !== dim) throw new Error(`embedding dimension ${r.embedding.length} in a batch of dimension ${dim}`);
    }
    if (!this.handle) await this.create(dim);
    else if (dim !== this.dim) throw new Error(`embedding dimension ${dim} does not match the collection's ${this.dim}`);
    else await this.catchUpWithOwnMaintenance(this.writer!);
    await this.ensureColumns(records);
  }

  /** Existing ids keep their seq; new ones get the next seqs in batch order (looked up in LanceDB). */
  async assignSeqs(records: StoredRecord[]): Promise<{ seqs: Float64Array; replaced: number }> {
    const existing = new Map<string, number>();
    const handle = this.writer!;
    if (this.next > 0) {
      for (let i = 0; i < records.length; i += ID_CHUNK) {
        const ids = records.slice(i, i + ID_CHUNK).map((r) => r.id);
        const found = await handle.use((t) => t.query().where(compileIds(ids)).select(["id", "seq"]).toArrow());
        const foundIds = readStrings(found, "id");
        const foundSeqs = readInt64s(found, "seq");
        for (let j = 0; j < foundIds.length; j++) existing.set(foundIds[j]!, foundSeqs[j]);
      }
    }
    const seqs = new Float64Array(records.length);
    let next = this.next;
    for (let i = 0; i < records.length; i++) seqs[i] = existing.get(records[i].id) ?? next++;
    return { seqs, replaced: existing.size };
  }

  /** The table version this process's last commit made (or the fence left). */
  get committedVersion(): number {
    return this.lastCommitted;
  }

  /** Commits a prepared batch: an append, or a merge-insert when it replaces records. */
  async commit(batch: CommitBatch): Promise<void> {
    this.assertNotFencedOut();
    const { data, zeroNorm } = this.build(batch);
    const writer = this.writer!;
    // An append commits alongside maintenance; a replace waits for it (see maintenance.ts).
    const result =
      batch.replaced === 0
        ? await writer.use((t) => appendTable(t, data))
        : await this.maintenance.exclusive(async () => {
            await this.followOwnMaintenance(writer);
            return writer.use((t) => t.mergeInsert("id").whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data));
          });
    this.lastCommitted = result.version;
    this.readerBehind = true;
    for (const s of batch.seqs) if (s >= this.next) this.next = s + 1;
    if (this.zeroNorms === false && zeroNorm) this.zeroNorms = true;
    this.maintenance.noteWrite(result.version);
  }

  /** Deletes the records matching the filter (patterns validated); resolves to how many. */
  async delete(filter: RecordFilter): Promise<number> {
    await this.open();
    const handle = this.writer;
    if (!handle) return 0;
    const where = compileFilter(filter, this.columns) ?? "true";
    const result = await this.maintenance.exclusive(async () => {
      await this.followOwnMaintenance(handle);
      return handle.use((t) => run(() => t.delete(where), filter));
    });
    this.lastCommitted = result.version;
    this.readerBehind = true;
    // A delete that matched nothing may still commit a version: it counts, but is no write.
    if (result.numDeletedRows > 0) this.maintenance.noteWrite(result.version);
    else this.maintenance.noteCommitted(result.version);
    return result.numDeletedRows;
  }

  /**
   * The first write creates the table. Only a lease holder writes, and it re-checked for the
   * table when it acquired the lease: a table that exists now was created by a process that took
   * the lease over meanwhile, so this write must not go on (it would land on the new holder's data).
   */
  private async create(dim: number): Promise<void> {
    if (dim <= 0) throw new Error("cannot store records without embeddings");
    const table = await this.db.connection.createEmptyTable(this.name, baseSchema(dim), { mode: "create", existOk: false });
    const handle = new TableHandle(table);
    await this.refreshSchema(handle);
    this.handle = handle;
    this.writer = new TableHandle(await this.db.connection.openTable(this.name));
    this.lastCommitted = await table.version();
    this.opened = Promise.resolve();
    if (this.dim !== dim) throw new Error(`embedding dimension ${dim} does not match the collection's ${this.dim}`);
    this.next = 0;
    this.zeroNorms = false;
  }

  /**
   * Scalar indices once the table is big enough for them to matter: a BTREE on id (every
   * fetch, delete and ids filter looks ids up) and on the typed metadata columns, so a filter
   * on them (evaluated by LanceDB whenever the resident copy does not answer it) is an index
   * lookup, not a scan of the column. Rows written later are folded in by optimize(); until then LanceDB scans them.
   */
  private async ensureIndices(table: Table): Promise<void> {
    // List columns (array values) take no BTREE.
    const wanted = ["id", ...[...this.columns].filter((c) => c[0] !== "l").sort()].slice(0, 1 + MAX_SCALAR_INDEXES);
    if (wanted.every((c) => this.indexedColumns.has(c))) return;
    for (const i of await table.listIndices()) if (i.columns.length === 1) this.indexedColumns.add(i.columns[0]);
    const missing = wanted.filter((c) => !this.indexedColumns.has(c));
    if (missing.length === 0) return;
    if ((await table.countRows()) < ID_INDEX_MIN_ROWS) return;
    for (const column of missing) {
      await table.createIndex(column, { config: Index.btree() });
      this.indexedColumns.add(column);
    }
  }

  private namesFor(key: string): Record<MetadataKind, string> {
    let names = this.columnNames.get(key);
    if (!names) {
      const hex = metadataColumn("s", key).slice(2);
      names = { s: `s_${hex}`, n: `n_${hex}`, b: `b_${hex}`, ls: `ls_${hex}`, ln: `ln_${hex}`, lb: `lb_${hex}` };
      this.columnNames.set(key, names);
    }
    return names;
  }

  /** Schema evolution: a typed column for every (key, type) this batch brings for the first time. */
  private async ensureColumns(batch: StoredRecord[]): Promise<void> {
    const missing = new Set<string>();
    for (const r of batch) {
      if (!r.metadata) continue;
      for (const key in r.metadata) {
        const kind = columnKindOf(r.metadata[key]);
        if (kind === null) continue;
        const name = this.namesFor(key)[kind];
        if (!this.columns.has(name)) missing.add(name);
      }
    }
    if (missing.size === 0) return;
    const handle = this.writer!;
    // A Schema (not SQL expressions) adds all-null columns without computing a value per row.
    // Adding columns commits a Merge, which LanceDB rebases neither over a running compaction nor
    // over a finished one the writer has not seen ("Retryable commit conflict ... preempted by
    // concurrent transaction Rewrite"): it waits for maintenance and follows its commits first.
    await this.maintenance.exclusive(async () => {
      await this.followOwnMaintenance(handle);
      await handle.use((t) => t.addColumns(new arrow.Schema([...missing].map(typedField))));
    });
    await this.refreshSchema(handle);
  }

  /**
   * The batch as Arrow columns built directly from typed arrays, in the table's full schema, and
   * whether any of its embeddings has norm 0.
   */
  private build({ records, seqs, version, metadataJson }: CommitBatch): { data: ArrowModule.Table; zeroNorm: boolean } {
    const n = records.length;
    const dim = this.dim;
    const shared = sharedRows(records, dim);
    const flat = shared ?? new Float32Array(n * dim);
    const norms = new Float32Array(n);
    const ids = new Array<string>(n);
    const documents = new Array<string | null>(n);
    const uris = new Array<string | null>(n);
    const seqColumn = new BigInt64Array(n);
    const typed = new Map<string, (MetadataScalar | MetadataScalar[] | null)[]>();
    for (let i = 0; i < n; i++) {
      const r = records[i];
      ids[i] = r.id;
      seqColumn[i] = BigInt(seqs[i]);
      if (!shared) flat.set(r.embedding, i * dim);
      norms[i] = norm(r.embedding);
      documents[i] = r.document;
      uris[i] = r.uri;
      if (!r.metadata) continue;
      for (const key in r.metadata) {
        const value = r.metadata[key];
        const kind = columnKindOf(value);
        if (kind === null) continue;
        const name = this.namesFor(key)[kind];
        let column = typed.get(name);
        if (!column) typed.set(name, (column = new Array(n).fill(null)));
        column[i] = value as MetadataScalar | MetadataScalar[];
      }
    }
    const schema = this.schema!;
    const embType = schema.fields.find((f) => f.name === "embedding")!.type;
    const columns = new Map<string, ArrowModule.Data>([
      ["id", utf8Data(ids)],
      ["seq", int64Data(seqColumn)],
      ["version", int64Data(new BigInt64Array(n).fill(BigInt(version)))],
      ["embedding", arrow.makeData({ type: embType, length: n, nullCount: 0, child: float32Data(flat) })],
      ["norm", float32Data(norms)],
      ["document", utf8Data(documents)],
      ["uri", utf8Data(uris)],
      ["metadata_json", utf8Data(metadataJson)],
    ]);
    const scalarData = (kind: string, values: readonly (MetadataScalar | null)[]) =>
      kind === "s" ? utf8Data(values as (string | null)[]) : kind === "n" ? float64Data(values as (number | null)[]) : boolAsInt8Data(values as (boolean | null)[]);
    for (const [name, values] of typed) {
      if (name[0] === "l") {
        const field = schema.fields.find((f) => f.name === name)!;
        columns.set(name, listData(field.type as ArrowModule.List, values as (MetadataScalar[] | null)[], (flat) => scalarData(name[1], flat)));
      } else {
        columns.set(name, scalarData(name[0], values as (MetadataScalar | null)[]));
      }
    }
    // Columns this batch does not set are written as nulls: a replaced record must not keep
    // the old record's typed values.
    return { data: tableFromColumns(schema, n, columns), zeroNorm: norms.includes(0) };
  }
}

/**
 * The records' embeddings as one row-major block when they already are one: consecutive rows of
 * one buffer, in order (an add's embeddings are decoded into one buffer per request, see
 * core/embeddings.ts), so the Arrow column is that block rather than a copy of it. Null otherwise.
 */
function sharedRows(records: readonly StoredRecord[], dim: number): Float32Array | null {
  const first = records[0]?.embedding;
  if (!first) return null;
  for (let i = 0; i < records.length; i++) {
    const e = records[i].embedding;
    if (e.length !== dim || e.buffer !== first.buffer || e.byteOffset !== first.byteOffset + i * dim * 4) return null;
  }
  return new Float32Array(first.buffer, first.byteOffset, records.length * dim);
}

function projectedColumns(p: Projection): string[] {
  const cols = ["id"];
  if (p.embeddings) cols.push("embedding");
  if (p.documents) cols.push("document");
  if (p.uris) cols.push("uri");
  if (p.metadatas) cols.push("metadata_json");
  return cols;
}

export function norm(v: Float32Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** Executes a LanceDB call, turning the regex engine's rejections into InvalidPatternError. */
async function run<T>(fn: () => Promise<T>, filter: RecordFilter): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const detail = regexParseDetail(err);
    if (detail === undefined) throw err;
    const patterns = regexPatterns(filter);
    throw new InvalidPatternError(patterns.find((p) => detail.includes(p.split("\n")[0])) ?? patterns[0] ?? "", detail);
  }
}

/**
 * The vectors of a FixedSizeList embedding column, row by row: views into Arrow's buffer
 * (`copy` false: no copy, valid while the batch is) or copies.
 */
function vectorsOf(column: ArrowModule.Vector, dim: number, copy: boolean): Float32Array[] {
  const out = new Array<Float32Array>(column.length);
  let row = 0;
  for (const chunk of column.data) {
    const child = chunk.children[0];
    const values = child.values as Float32Array;
    for (let i = 0; i < chunk.length; i++, row++) {
      // The child's offset already accounts for any slice of the list column.
      const start = child.offset + i * dim;
      out[row] = copy ? values.slice(start, start + dim) : values.subarray(start, start + dim);
    }
  }
  return out;
}

/**
 * A FixedSizeList embedding column's vectors back to back: a view into Arrow's buffer when the
 * column is one chunk (a streamed batch always is), else a copy.
 */
function contiguousVectors(column: ArrowModule.Vector, dim: number): Float32Array {
  const views = column.data.map((chunk) => {
    const child = chunk.children[0];
    // The child's offset already accounts for any slice of the list column.
    return (child.values as Float32Array).subarray(child.offset, child.offset + chunk.length * dim);
  });
  if (views.length === 1) return views[0];
  const out = new Float32Array(column.length * dim);
  let at = 0;
  for (const v of views) {
    out.set(v, at);
    at += v.length;
  }
  return out;
}

/** One streamed batch as columns; vectors are views into the batch's buffer (no copy). */
function scanned(batch: ArrowModule.RecordBatch, dim: number): ScannedBatch {
  return {
    ids: readStrings(batch, "id") as string[],
    seqs: readInt64s(batch, "seq"),
    versions: readInt64s(batch, "version"),
    vectors: vectorsOf(batch.getChild("embedding")!, dim, false),
    documents: readStrings(batch, "document"),
    uris: readStrings(batch, "uri"),
    metadataJson: readStrings(batch, "metadata_json"),
  };
}

/** Result rows as RecordViews; columns outside the projection stay undefined. */
function toViews(result: ArrowModule.Table, projection: Projection, dim: number): RecordView[] {
  const n = result.numRows;
  // LanceDB answers a query that matched nothing with a table that has no columns at all.
  if (n === 0) return [];
  const ids = readStrings(result, "id");
  const views: RecordView[] = new Array(n);
  for (let i = 0; i < n; i++) views[i] = { id: ids[i]! };
  if (projection.documents) readStrings(result, "document").forEach((d, i) => (views[i].document = d));
  if (projection.uris) readStrings(result, "uri").forEach((u, i) => (views[i].uri = u));
  if (projection.metadatas) {
    readStrings(result, "metadata_json").forEach((m, i) => (views[i].metadata = m === null ? null : (parseJson(m) as Metadata)));
  }
  if (projection.embeddings) vectorsOf(result.getChild("embedding")!, dim, true).forEach((v, i) => (views[i].embedding = v));
  return views;
}
