/**
 * One collection's records in one LanceDB table (named by the collection id):
 *   id utf8 | seq int64 (insertion order; a replaced id keeps its seq) |
 *   embedding FixedSizeList<float32>[dim] | norm float32 (for cosine, see nearest) |
 *   document utf8? | uri utf8? | metadata_json utf8? (the metadata as given, for reading back) |
 *   s_<key> utf8? / n_<key> float64? / b_<key> int8 0/1? per metadata key and value type, added by
 *   schema evolution the first time a key appears with that type; they exist only for filtering.
 * The table is created by the first write, which fixes the dimension.
 */
import { Index, type Connection, type Table } from "@lancedb/lancedb";
import type { RecordFilter } from "../../core/filter.js";
import type { DistanceSpace, Metadata, StoredRecord } from "../../core/model.js";
import type { Neighbor, Projection, RecordTable, RecordView } from "../storage.js";
import {
  arrow,
  boolAsInt8Data,
  float32Data,
  float64Data,
  int64Data,
  readStrings,
  tableFromColumns,
  utf8Data,
  type ArrowModule,
} from "./arrow.js";
import { InvalidPatternError, regexParseDetail } from "./errors.js";
import { TableMaintenance, type MaintenanceRunner } from "./maintenance.js";
import { Mutex } from "./mutex.js";
import { andPredicates, compileFilter, compileIds, kindOf, metadataColumn, type MetadataKind } from "./sql.js";

const BASE_COLUMNS = ["id", "seq", "embedding", "norm", "document", "uri", "metadata_json"] as const;
const TYPED_COLUMN = /^[snb]_(?:[0-9a-f]{4})*$/;
/** Keeps IN lists (and the SQL text) of one probe query bounded. */
const ID_CHUNK = 4096;

/** Below this a full scan of the id column is as cheap as an index lookup. */
const ID_INDEX_MIN_ROWS = 10_000;

const LANCE_DISTANCE: Record<DistanceSpace, "l2" | "cosine" | "dot"> = { l2: "l2", cosine: "cosine", ip: "dot" };

function baseSchema(dim: number): ArrowModule.Schema {
  return new arrow.Schema([
    new arrow.Field("id", new arrow.Utf8(), false),
    new arrow.Field("seq", new arrow.Int64(), false),
    new arrow.Field("embedding", new arrow.FixedSizeList(dim, new arrow.Field("item", new arrow.Float32(), true)), false),
    new arrow.Field("norm", new arrow.Float32(), false),
    new arrow.Field("document", new arrow.Utf8(), true),
    new arrow.Field("uri", new arrow.Utf8(), true),
    new arrow.Field("metadata_json", new arrow.Utf8(), true),
  ]);
}

function typedField(name: string): ArrowModule.Field {
  const type = name[0] === "s" ? new arrow.Utf8() : name[0] === "n" ? new arrow.Float64() : new arrow.Int8();
  return new arrow.Field(name, type, true);
}

function isNotFound(err: unknown): boolean {
  return err instanceof Error && /was not found|not found/i.test(err.message);
}

/** Patterns of every $regex / $not_regex in a filter. */
export function regexPatterns(filter: RecordFilter): string[] {
  const out: string[] = [];
  const walk = (f: NonNullable<RecordFilter["whereDocument"]>): void => {
    if (f.kind === "and" || f.kind === "or") f.children.forEach(walk);
    else if (f.kind === "regex" || f.kind === "not_regex") out.push(f.pattern);
  };
  if (filter.whereDocument) walk(filter.whereDocument);
  return out;
}

export interface RecordTableDeps {
  db: Connection;
  runner: MaintenanceRunner;
  /** Rejects (InvalidPatternError) patterns the regex engine cannot compile, as written. */
  validatePatterns(patterns: string[]): Promise<void>;
}

export class LanceRecordTable implements RecordTable {
  readonly mutex = new Mutex();
  private readonly maintenance: TableMaintenance;
  private table: Table | null = null;
  private schema: ArrowModule.Schema | null = null;
  /** Typed metadata columns the table has. */
  private columns = new Set<string>();
  private dim = 0;
  /** Next seq to hand out; loaded on open, then kept here (writes are serialized). */
  private nextSeq = 0n;
  /** Whether any stored embedding has norm 0 (cosine must special-case them); null = unknown. */
  private zeroNorms: boolean | null = null;
  private opened: Promise<void> | null = null;
  private dropped = false;
  private hasIdIndex = false;
  /** key -> column names per kind; hex-encoding every key of every record would cost more. */
  private readonly columnNames = new Map<string, Record<MetadataKind, string>>();

  constructor(
    readonly name: string,
    /** Whether the table was listed when the storage opened. */
    private readonly mayExist: boolean,
    private readonly deps: RecordTableDeps,
  ) {
    this.maintenance = new TableMaintenance(
      name,
      deps.runner,
      this.mutex,
      () => (this.dropped ? null : this.table),
      (table) => this.ensureIdIndex(table),
    );
  }

  // ---- lifecycle -------------------------------------------------------------------------

  private open(): Promise<void> {
    this.opened ??= (async () => {
      if (!this.mayExist) return;
      let table: Table;
      try {
        table = await this.deps.db.openTable(this.name);
      } catch (err) {
        if (isNotFound(err)) return;
        throw err;
      }
      await this.adopt(table);
      const last = await table
        .query()
        .select(["seq"])
        .withRowId()
        .orderBy({ columnName: "seq", ascending: false })
        .limit(1)
        .toArrow();
      const seq = last.numRows > 0 ? (last.getChild("seq")!.get(0) as bigint) : -1n;
      this.nextSeq = BigInt(seq) + 1n;
    })().catch((err: unknown) => {
      // A failed open (e.g. a transient object-store error) is retried by the next call.
      this.opened = null;
      this.table = null;
      throw err;
    });
    return this.opened;
  }

  private async adopt(table: Table): Promise<void> {
    this.table = table;
    await this.refreshSchema();
  }

  private async refreshSchema(): Promise<void> {
    const schema = await this.table!.schema();
    this.schema = schema;
    this.columns = new Set(schema.fields.map((f) => f.name).filter((n) => TYPED_COLUMN.test(n)));
    const emb = schema.fields.find((f) => f.name === "embedding");
    this.dim = emb ? (emb.type as ArrowModule.FixedSizeList).listSize : 0;
  }

  /** The table for reading, or null if there is nothing to read. */
  private async readable(): Promise<Table | null> {
    if (this.dropped) return null;
    await this.open();
    return this.table;
  }

  /** Drops the table; callers are the storage (dropRecords / reset). */
  async drop(): Promise<void> {
    await this.mutex.run(async () => {
      await this.open().catch(() => undefined);
      this.dropped = true;
      const table = this.table;
      this.table = null;
      table?.close();
      try {
        await this.deps.db.dropTable(this.name);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    });
  }

  /** Forgets the table without touching storage (the storage dropped everything). */
  async detach(): Promise<void> {
    await this.mutex.run(async () => {
      this.dropped = true;
      this.table?.close();
      this.table = null;
    });
  }

  // ---- reads -----------------------------------------------------------------------------

  async count(): Promise<number> {
    const table = await this.readable();
    return table ? table.countRows() : 0;
  }

  async indexingStatus(): Promise<{ indexed: number; unindexed: number }> {
    // Search is exact (brute force inside LanceDB), so nothing is ever waiting for an index.
    return { indexed: await this.count(), unindexed: 0 };
  }

  async fetch(ids: string[]): Promise<StoredRecord[]> {
    const table = await this.readable();
    if (!table || ids.length === 0) return [];
    const found = new Map<string, StoredRecord>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += ID_CHUNK) {
      const result = await table
        .query()
        .where(compileIds(unique.slice(i, i + ID_CHUNK)))
        .select([...BASE_COLUMNS].filter((c) => c !== "seq" && c !== "norm"))
        .toArrow();
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
    // In the order of `ids`, each id once (a repeated id is one record, as upstream answers).
    const out: StoredRecord[] = [];
    for (const id of unique) {
      const r = found.get(id);
      if (r) out.push(r);
    }
    return out;
  }

  async find(filter: RecordFilter, page: { offset: number; limit?: number }, projection: Projection): Promise<RecordView[]> {
    // Patterns are checked as given, before the compiled SQL (which adds a flag) ever runs.
    await this.deps.validatePatterns(regexPatterns(filter));
    const table = await this.readable();
    if (!table) return [];
    if (page.limit !== undefined && page.limit <= 0) return [];
    const where = compileFilter(filter, this.columns);
    let q = table.query();
    if (where !== undefined) q = q.where(where);
    // orderBy with a projection needs the row id in the plan (LanceDB's take step); it is dropped below.
    q = q.select(projectedColumns(projection)).withRowId().orderBy({ columnName: "seq", ascending: true });
    if (page.offset > 0) q = q.offset(page.offset);
    if (page.limit !== undefined) q = q.limit(page.limit);
    const result = await run(() => q.toArrow(), filter);
    return toViews(result, projection, this.dim);
  }

  async nearest(
    queries: Float32Array[],
    k: number,
    space: DistanceSpace,
    filter: RecordFilter,
    projection: Projection,
  ): Promise<Neighbor[][]> {
    await this.deps.validatePatterns(regexPatterns(filter));
    const table = await this.readable();
    if (!table) return queries.map(() => []);
    if (queries.length === 0 || k <= 0) return queries.map(() => []);
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
      // No ANN index exists yet, so this is an exact scan; the distance is computed by LanceDB:
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

  // ---- writes ----------------------------------------------------------------------------

  async write(records: StoredRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.mutex.run(async () => {
      if (this.dropped) throw new Error(`collection table ${this.name} was dropped`);
      await this.open();
      const batch = lastWins(records);
      const dim = batch[0].embedding.length;
      for (const r of batch) {
        if (r.embedding.length !== dim) throw new Error(`embedding dimension ${r.embedding.length} in a batch of dimension ${dim}`);
      }
      if (!this.table) await this.create(dim);
      else if (dim !== this.dim) throw new Error(`embedding dimension ${dim} does not match the collection's ${this.dim}`);
      await this.ensureColumns(batch);
      const { seqs, replaced } = await this.assignSeqs(batch);
      const data = this.build(batch, seqs);
      if (replaced === 0) {
        await this.table!.add(data);
      } else {
        await this.table!.mergeInsert("id").whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data);
      }
      for (const s of seqs) if (s >= this.nextSeq) this.nextSeq = s + 1n;
      if (this.zeroNorms === false && batch.some((r) => norm(r.embedding) === 0)) this.zeroNorms = true;
    });
    this.maintenance.noteWrite();
  }

  async delete(filter: RecordFilter): Promise<number> {
    await this.deps.validatePatterns(regexPatterns(filter));
    const deleted = await this.mutex.run(async () => {
      if (this.dropped) return 0;
      await this.open();
      if (!this.table) return 0;
      const table = this.table;
      const where = compileFilter(filter, this.columns) ?? "true";
      const result = await run(() => table.delete(where), filter);
      return result.numDeletedRows;
    });
    if (deleted > 0) this.maintenance.noteWrite();
    return deleted;
  }

  /**
   * A BTREE index on id once the table is big enough for it to matter: every write looks up its
   * ids (to keep seqs), and fetch / delete / ids filters do too. Without it each lookup scans
   * the whole id column. Rows written later are folded in by optimize().
   */
  private async ensureIdIndex(table: Table): Promise<void> {
    if (this.hasIdIndex) return;
    const indices = await table.listIndices();
    if (indices.some((i) => i.columns.length === 1 && i.columns[0] === "id")) {
      this.hasIdIndex = true;
      return;
    }
    if ((await table.countRows()) < ID_INDEX_MIN_ROWS) return;
    await table.createIndex("id", { config: Index.btree() });
    this.hasIdIndex = true;
  }

  /** Runs compaction + cleanup now (tests and shutdown paths; normally it runs in the background). */
  async optimize(): Promise<void> {
    await this.maintenance.optimizeNow();
  }

  private async create(dim: number): Promise<void> {
    if (dim <= 0) throw new Error("cannot store records without embeddings");
    const table = await this.deps.db.createEmptyTable(this.name, baseSchema(dim), { mode: "create", existOk: true });
    await this.adopt(table);
    if (this.dim !== dim) throw new Error(`embedding dimension ${dim} does not match the collection's ${this.dim}`);
    this.nextSeq = 0n;
    this.zeroNorms = false;
  }

  private namesFor(key: string): Record<MetadataKind, string> {
    let names = this.columnNames.get(key);
    if (!names) {
      names = { s: metadataColumn("s", key), n: metadataColumn("n", key), b: metadataColumn("b", key) };
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
        const name = this.namesFor(key)[kindOf(r.metadata[key])];
        if (!this.columns.has(name)) missing.add(name);
      }
    }
    if (missing.size === 0) return;
    // A Schema (not SQL expressions) adds all-null columns without computing a value per row.
    await this.table!.addColumns(new arrow.Schema([...missing].map(typedField)));
    await this.refreshSchema();
  }

  /** Existing ids keep their seq; new ones get the next seqs in batch order. */
  private async assignSeqs(batch: StoredRecord[]): Promise<{ seqs: BigInt64Array; replaced: number }> {
    const existing = new Map<string, bigint>();
    if (this.nextSeq > 0n) {
      for (let i = 0; i < batch.length; i += ID_CHUNK) {
        const ids = batch.slice(i, i + ID_CHUNK).map((r) => r.id);
        const found = await this.table!.query().where(compileIds(ids)).select(["id", "seq"]).toArrow();
        const foundIds = readStrings(found, "id");
        const foundSeqs = found.getChild("seq")!;
        for (let j = 0; j < foundIds.length; j++) existing.set(foundIds[j]!, BigInt(foundSeqs.get(j) as bigint));
      }
    }
    const seqs = new BigInt64Array(batch.length);
    let next = this.nextSeq;
    for (let i = 0; i < batch.length; i++) seqs[i] = existing.get(batch[i].id) ?? next++;
    return { seqs, replaced: existing.size };
  }

  /** The batch as Arrow columns built directly from typed arrays, in the table's full schema. */
  private build(batch: StoredRecord[], seqs: BigInt64Array): ArrowModule.Table {
    const n = batch.length;
    const dim = this.dim;
    const flat = new Float32Array(n * dim);
    const norms = new Float32Array(n);
    const ids = new Array<string>(n);
    const documents = new Array<string | null>(n);
    const uris = new Array<string | null>(n);
    const metadataJson = new Array<string | null>(n);
    const typed = new Map<string, (string | number | boolean | null)[]>();
    for (let i = 0; i < n; i++) {
      const r = batch[i];
      ids[i] = r.id;
      flat.set(r.embedding, i * dim);
      norms[i] = norm(r.embedding);
      documents[i] = r.document;
      uris[i] = r.uri;
      metadataJson[i] = r.metadata ? JSON.stringify(r.metadata) : null;
      if (!r.metadata) continue;
      for (const key in r.metadata) {
        const value = r.metadata[key];
        const name = this.namesFor(key)[kindOf(value)];
        let column = typed.get(name);
        if (!column) typed.set(name, (column = new Array(n).fill(null)));
        column[i] = value;
      }
    }
    const schema = this.schema!;
    const embType = schema.fields.find((f) => f.name === "embedding")!.type;
    const columns = new Map<string, ArrowModule.Data>([
      ["id", utf8Data(ids)],
      ["seq", int64Data(seqs)],
      ["embedding", arrow.makeData({ type: embType, length: n, nullCount: 0, child: float32Data(flat) })],
      ["norm", float32Data(norms)],
      ["document", utf8Data(documents)],
      ["uri", utf8Data(uris)],
      ["metadata_json", utf8Data(metadataJson)],
    ]);
    for (const [name, values] of typed) {
      const kind = name[0];
      columns.set(
        name,
        kind === "s" ? utf8Data(values as (string | null)[]) : kind === "n" ? float64Data(values as (number | null)[]) : boolAsInt8Data(values as (boolean | null)[]),
      );
    }
    // Columns this batch does not set are written as nulls: a replaced record must not keep
    // the old record's typed values.
    return tableFromColumns(schema, n, columns);
  }
}

const ALL: Projection = { embeddings: true, documents: true, uris: true, metadatas: true };

function projectedColumns(p: Projection): string[] {
  const cols = ["id"];
  if (p.embeddings) cols.push("embedding");
  if (p.documents) cols.push("document");
  if (p.uris) cols.push("uri");
  if (p.metadatas) cols.push("metadata_json");
  return cols;
}

function norm(v: Float32Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** One record per id (the last one given), at the position of the id's first occurrence. */
function lastWins(records: StoredRecord[]): StoredRecord[] {
  const seen = new Map<string, number>();
  const out: StoredRecord[] = [];
  for (const r of records) {
    const at = seen.get(r.id);
    if (at === undefined) {
      seen.set(r.id, out.length);
      out.push(r);
    } else {
      out[at] = r;
    }
  }
  return out;
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
    readStrings(result, "metadata_json").forEach((m, i) => (views[i].metadata = m === null ? null : (JSON.parse(m) as Metadata)));
  }
  if (projection.embeddings) {
    let row = 0;
    for (const chunk of result.getChild("embedding")!.data) {
      const child = chunk.children[0];
      const values = child.values as Float32Array;
      for (let i = 0; i < chunk.length; i++, row++) {
        const start = child.offset + i * dim;
        views[row].embedding = values.slice(start, start + dim);
      }
    }
  }
  return views;
}
