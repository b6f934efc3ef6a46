/**
 * Tenants, databases and collections in three LanceDB tables, loaded into memory on open and
 * written through: a mutation resolves once its LanceDB commit has, and only then shows in the
 * in-memory view that every read is served from.
 *
 * One writer per row: every change of a collection row is an op (create, patch, remove) queued
 * here and applied, in the order the ops arrived, to the row as it stands when they commit. A
 * patch carries only the fields it changes (upstream's `update_collection(id, name?, metadata?,
 * dimension?, configuration?)`), so a rename and a first write that fixes the dimension, racing,
 * both land. Ops that arrive while a commit runs go out together in the next one (one delete +
 * one merge-insert) instead of one commit each.
 *
 * Several processes may serve one store (docs/scaling.md). Every mutation then runs under the
 * catalog's write lease (lance/lease.ts): acquiring it re-reads the three tables, so an op is
 * applied to the rows as the last writer, in whichever process, left them; commits go through a
 * writer handle per table that only moves at acquisition and with this process's own commits (so
 * the fence of a takeover refuses a late commit). Reads are served from memory, re-read from
 * LanceDB when one of the tables has a newer version, checked at most once per read-consistency
 * interval (reads started later than `interval` after a commit see it).
 */
import { cloneJson, parseJson, stringifyJson } from "../../util/json.js";
import type { Connection, Table } from "@lancedb/lancedb";
import type { Catalog, CollectionInfo, CollectionPatch, DatabaseInfo, Metadata, TenantInfo } from "../storage.js";
import { arrow, int64Data, int64Field, nullableInt64Data, readInt64s, readStrings, tableFromColumns, utf8Data, utf8Field, type ArrowModule } from "./arrow.js";
import { TableHandle } from "./handle.js";
import { fenceTable, type LeaseHooks, type Leases } from "./lease.js";
import { openOrCreate, type Exclusive } from "./tables.js";
import { TableMaintenance, type MaintenanceRunner } from "./maintenance.js";
import { Freshness } from "./freshness.js";
import { Mutex } from "../../util/mutex.js";
import { ident, sqlString } from "./sql.js";

export const CATALOG_TABLES = {
  tenants: "_chromaspec_tenants",
  databases: "_chromaspec_databases",
  collections: "_chromaspec_collections",
} as const;

/** The fork lineage's table (lance/lineage.ts): catalog-side, changed only under the catalog's lease. */
export const LINEAGE_TABLE = "_chromaspec_lineage";

/** The lease every catalog mutation holds (lance/lease.ts): its key and its table. */
export const CATALOG_LEASE = { key: "catalog", table: "_chromaspec_lease_catalog" } as const;

const SCHEMAS = {
  tenants: new arrow.Schema([utf8Field("name"), int64Field("ord"), utf8Field("resource_name", true)]),
  databases: new arrow.Schema([utf8Field("id"), utf8Field("name"), utf8Field("tenant"), int64Field("ord")]),
  collections: new arrow.Schema([
    utf8Field("id"),
    utf8Field("name"),
    utf8Field("tenant"),
    utf8Field("database"),
    int64Field("ord"),
    utf8Field("metadata_json", true),
    utf8Field("configuration_json"),
    int64Field("dimension", true),
    int64Field("version"),
    int64Field("log_position"),
    utf8Field("schema_json", true),
  ]),
};

/**
 * Columns added after the first release: a table written before them gets them (all null) on
 * open. Null reads as "not set": no resource name, and a schema the core derives from the
 * configuration.
 */
const ADDED_COLUMNS: Record<keyof typeof SCHEMAS, string[]> = { tenants: ["resource_name"], databases: [], collections: ["schema_json"] };

/**
 * A catalog-side table (the catalog's three, the fork lineage) with its writer lock and
 * maintenance. Two handles: `handle` reads (and runs maintenance), `writer` commits; the writer's
 * version moves only at `catchUpWriter` (lease acquisition) and with its own commits.
 */
export class CatalogTable {
  readonly mutex = new Mutex();
  readonly maintenance: TableMaintenance;
  readonly handle: TableHandle;
  private readonly writer: TableHandle;
  /** The version last read into memory (-1: never). */
  loadedVersion = -1;
  constructor(table: Table, writer: Table, runner: MaintenanceRunner) {
    this.handle = new TableHandle(table);
    this.writer = new TableHandle(writer);
    // Runs count versions but do not compact (MaintenanceHooks.compact): the writer would have
    // to follow them first. No noteOpened() (the backlog check at open, maintenance.ts) either:
    // a run due at every open would be wasted. Writes and fences count by version number.
    this.maintenance = new TableMaintenance(table.name, runner, this.mutex, () => (this.handle.isOpen ? this.handle : null), { compact: false });
  }

  /** The latest version, and the rows as of it. */
  read(): Promise<{ version: number; rows: ArrowModule.Table }> {
    return this.handle.use(async (t) => {
      await t.checkoutLatest();
      return { version: await t.version(), rows: await t.query().toArrow() };
    });
  }

  /** Whether another version than the one in memory has been committed since. */
  changed(): Promise<boolean> {
    return this.handle.use(async (t) => {
      await t.checkoutLatest();
      return (await t.version()) !== this.loadedVersion;
    });
  }

  catchUpWriter(): Promise<void> {
    return this.writer.use((t) => t.checkoutLatest());
  }

  async fence(): Promise<void> {
    this.maintenance.noteCommitted(await this.writer.use((t) => fenceTable(t)));
  }

  /** An append commits alongside maintenance (see maintenance.ts). */
  async append(data: ArrowModule.Table): Promise<void> {
    const { version } = await this.writer.use((t) => t.add(data));
    this.maintenance.noteWrite(version);
  }

  /** Merge-inserts and deletes never commit while maintenance compacts (see maintenance.ts). */
  async upsert(key: string, data: ArrowModule.Table): Promise<void> {
    const { version } = await this.maintenance.exclusive(() =>
      this.writer.use((t) => t.mergeInsert(key).whenMatchedUpdateAll().whenNotMatchedInsertAll().execute(data)),
    );
    this.maintenance.noteWrite(version);
  }

  async remove(predicate: string): Promise<void> {
    const { version } = await this.maintenance.exclusive(() => this.writer.use((t) => t.delete(predicate)));
    this.maintenance.noteWrite(version);
  }

  async close(): Promise<void> {
    await this.maintenance.stop();
    await this.writer.close();
    await this.handle.close();
  }
}

/** How the catalog shares its store with other processes. */
export interface CatalogSharing {
  leases: Leases;
  /** Reads re-check LanceDB for newer versions at most this often (0: on every read). */
  readConsistencyIntervalMs: number;
}

interface Ordered<T> {
  value: T;
  ord: number;
}

type CollectionOp = { kind: "create"; row: CollectionInfo } | { kind: "patch"; patch: CollectionPatch } | { kind: "remove" };

interface QueuedOp {
  id: string;
  op: CollectionOp;
  resolve(row: CollectionInfo | null): void;
  reject(err: unknown): void;
}

const key2 = (a: string, b: string) => `${a}\u0000${b}`;
const key3 = (a: string, b: string, c: string) => `${a}\u0000${b}\u0000${c}`;
const big = (n: number) => BigInt(Math.trunc(n));

export class LanceCatalog implements Catalog {
  private readonly tenants = new Map<string, Ordered<TenantInfo>>();
  private readonly databases = new Map<string, Ordered<DatabaseInfo>>();
  private readonly databaseByName = new Map<string, string>();
  private readonly collections = new Map<string, Ordered<CollectionInfo>>();
  private readonly collectionByName = new Map<string, string>();
  private nextOrd = 0;
  /** Collection ops not yet committed, in arrival order. */
  private queue: QueuedOp[] = [];
  private flushing: Promise<void> | null = null;

  private readonly freshness: Freshness;
  private readonly leaseHooks: LeaseHooks;
  /** Hooks of other catalog-side tables written under the catalog's lease (the fork lineage). */
  private readonly attached: LeaseHooks[] = [];

  private constructor(
    private readonly t: { tenants: CatalogTable; databases: CatalogTable; collections: CatalogTable },
    private readonly sharing: CatalogSharing | null,
  ) {
    this.freshness = new Freshness(sharing?.readConsistencyIntervalMs ?? Infinity, () => this.reloadIfChanged());
    this.leaseHooks = {
      fence: async () => {
        for (const table of this.tables()) await table.mutex.run(() => table.fence());
        for (const hooks of this.attached) await hooks.fence();
      },
      // Commits from now on build on the latest rows, wherever they were written.
      refresh: async () => {
        for (const table of this.tables()) await table.mutex.run(() => table.catchUpWriter());
        await this.reloadIfChanged();
        for (const hooks of this.attached) await hooks.refresh();
      },
    };
  }

  static async open(db: Connection, runner: MaintenanceRunner, sharing: CatalogSharing | null = null): Promise<LanceCatalog> {
    // Tables (and columns) that are missing are added by one process at a time: see tables.ts.
    const exclusive: Exclusive = sharing ? (task) => sharing.leases.hold(CATALOG_LEASE.key, CATALOG_LEASE.table, openingHooks(db), task) : (task) => task();
    const open = async (kind: keyof typeof SCHEMAS) => {
      const table = await openOrCreate(db, CATALOG_TABLES[kind], SCHEMAS[kind], exclusive);
      const missing = async () => {
        const present = new Set((await table.schema()).fields.map((f) => f.name));
        return SCHEMAS[kind].fields.filter((f) => ADDED_COLUMNS[kind].includes(f.name) && !present.has(f.name));
      };
      if ((await missing()).length > 0) {
        await exclusive(async () => {
          await table.checkoutLatest();
          const columns = await missing();
          if (columns.length > 0) await table.addColumns(new arrow.Schema(columns));
        });
      }
      return new CatalogTable(table, await db.openTable(CATALOG_TABLES[kind]), runner);
    };
    const catalog = new LanceCatalog({ tenants: await open("tenants"), databases: await open("databases"), collections: await open("collections") }, sharing);
    await catalog.reloadIfChanged();
    return catalog;
  }

  private tables(): CatalogTable[] {
    return [this.t.tenants, this.t.databases, this.t.collections];
  }

  /**
   * Re-reads the catalog when any of its tables has a version this process has not loaded: the
   * three are read first, then swapped in at once (a read never sees a half-loaded catalog).
   */
  private async reloadIfChanged(): Promise<void> {
    const changed = await Promise.all(this.tables().map((t) => t.changed()));
    if (!changed.some(Boolean)) return;
    // Not while a commit of this process is between LanceDB and memory (it holds its table's mutex).
    const { tenants: t, databases: d, collections: c } = this.t;
    await t.mutex.run(() =>
      d.mutex.run(() =>
        c.mutex.run(async () => {
          const [tenants, databases, collections] = await Promise.all(this.tables().map((table) => table.read()));
          for (const m of [this.tenants, this.databases, this.databaseByName, this.collections, this.collectionByName]) m.clear();
          this.load(tenants.rows, databases.rows, collections.rows);
          t.loadedVersion = tenants.version;
          d.loadedVersion = databases.version;
          c.loadedVersion = collections.version;
        }),
      ),
    );
  }

  /** Before a read: what other processes committed more than the interval ago is in memory. */
  private fresh(): Promise<void> {
    if (!this.sharing || this.sharing.leases.heldHere(CATALOG_LEASE.key)) return Promise.resolve();
    return this.freshness.ensure();
  }

  /** Runs a mutation under the catalog's write lease (at once when this process holds it). */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.sharing ? this.sharing.leases.ensure(CATALOG_LEASE.key, CATALOG_LEASE.table, this.leaseHooks, task) : task();
  }

  /**
   * Another table changed under the catalog's lease only: acquiring the lease fences and
   * refreshes it too (whichever catalog-side writer acquires it).
   */
  attach(hooks: LeaseHooks): void {
    this.attached.push(hooks);
  }

  /** The catalog's lease hooks (for Storage.exclusive("catalog")). */
  get hooks(): LeaseHooks {
    return this.leaseHooks;
  }

  private load(tenants: ArrowModule.Table, dbs: ArrowModule.Table, cols: ArrowModule.Table): void {
    this.nextOrd = 0;
    const resourceNames = readStrings(tenants, "resource_name");
    const tenantOrds = readInt64s(tenants, "ord");
    readStrings(tenants, "name").forEach((name, i) =>
      this.tenants.set(name!, { value: { name: name!, resourceName: resourceNames[i] ?? null }, ord: tenantOrds[i] }),
    );

    const dbIds = readStrings(dbs, "id");
    const dbNames = readStrings(dbs, "name");
    const dbTenants = readStrings(dbs, "tenant");
    const dbOrds = readInt64s(dbs, "ord");
    for (let i = 0; i < dbs.numRows; i++) this.setDatabase({ id: dbIds[i]!, name: dbNames[i]!, tenant: dbTenants[i]! }, dbOrds[i]);

    const c = (name: string) => readStrings(cols, name);
    const [ids, names, ts, ds, metas, configs, schemas] = [c("id"), c("name"), c("tenant"), c("database"), c("metadata_json"), c("configuration_json"), c("schema_json")];
    if (cols.numRows === 0) return this.computeNextOrd();
    const [ord, version, logPosition] = ["ord", "version", "log_position"].map((n) => readInt64s(cols, n));
    const dimension = cols.getChild("dimension")!;
    for (let i = 0; i < cols.numRows; i++) {
      const dim = dimension.get(i) as bigint | null;
      this.setCollection(
        {
          id: ids[i]!,
          name: names[i]!,
          tenant: ts[i]!,
          database: ds[i]!,
          metadata: metas[i] === null ? null : (parseJson(metas[i]!) as Metadata),
          configuration: JSON.parse(configs[i]!) as Record<string, unknown>,
          schema: schemas[i] === null ? null : (JSON.parse(schemas[i]!) as object),
          dimension: dim === null ? null : Number(dim),
          version: version[i],
          logPosition: logPosition[i],
        },
        ord[i],
      );
    }
    this.computeNextOrd();
  }

  private computeNextOrd(): void {
    for (const m of [this.tenants, this.databases, this.collections]) {
      for (const { ord: o } of m.values()) this.nextOrd = Math.max(this.nextOrd, o + 1);
    }
  }

  // ---- tenants ---------------------------------------------------------------------------

  async listTenants(): Promise<TenantInfo[]> {
    await this.fresh();
    return sorted(this.tenants).map((t) => ({ ...t }));
  }

  async getTenant(name: string): Promise<TenantInfo | null> {
    await this.fresh();
    const t = this.tenants.get(name);
    return t ? { ...t.value } : null;
  }

  /** Insert or replace by name. */
  async createTenant(tenant: TenantInfo): Promise<void> {
    await this.exclusive(() => this.t.tenants.mutex.run(async () => {
      const ord = this.tenants.get(tenant.name)?.ord ?? this.nextOrd++;
      const resourceName = tenant.resourceName ?? null;
      const data = tableFromColumns(
        SCHEMAS.tenants,
        1,
        new Map<string, ArrowModule.Data>([
          ["name", utf8Data([tenant.name])],
          ["ord", int64Data(BigInt64Array.of(big(ord)))],
          ["resource_name", utf8Data([resourceName])],
        ]),
      );
      await this.t.tenants.upsert("name", data);
      this.tenants.set(tenant.name, { value: { name: tenant.name, resourceName }, ord });
    }));
  }

  // ---- databases -------------------------------------------------------------------------

  private setDatabase(db: DatabaseInfo, ord: number): void {
    const old = this.databases.get(db.id);
    if (old) this.databaseByName.delete(key2(old.value.tenant, old.value.name));
    this.databases.set(db.id, { value: { ...db }, ord });
    this.databaseByName.set(key2(db.tenant, db.name), db.id);
  }

  async createDatabase(db: DatabaseInfo): Promise<void> {
    await this.exclusive(() => this.t.databases.mutex.run(async () => {
      const ord = this.databases.get(db.id)?.ord ?? this.nextOrd++;
      const data = tableFromColumns(
        SCHEMAS.databases,
        1,
        new Map<string, ArrowModule.Data>([
          ["id", utf8Data([db.id])],
          ["name", utf8Data([db.name])],
          ["tenant", utf8Data([db.tenant])],
          ["ord", int64Data(BigInt64Array.of(big(ord)))],
        ]),
      );
      await this.t.databases.upsert("id", data);
      this.setDatabase(db, ord);
    }));
  }

  async getDatabase(tenant: string, name: string): Promise<DatabaseInfo | null> {
    await this.fresh();
    const id = this.databaseByName.get(key2(tenant, name));
    return id === undefined ? null : { ...this.databases.get(id)!.value };
  }

  async listDatabases(tenant: string): Promise<DatabaseInfo[]> {
    await this.fresh();
    return sorted(this.databases)
      .filter((d) => d.tenant === tenant)
      .map((d) => ({ ...d }));
  }

  /** Removes the database row (its collections are removed first by the caller, with their records). */
  async deleteDatabase(tenant: string, name: string): Promise<void> {
    await this.exclusive(() => this.t.databases.mutex.run(async () => {
      const id = this.databaseByName.get(key2(tenant, name));
      if (id === undefined) return;
      await this.t.databases.remove(`${ident("id")} = ${sqlString(id)}`);
      this.databases.delete(id);
      this.databaseByName.delete(key2(tenant, name));
    }));
  }

  // ---- collections -----------------------------------------------------------------------

  private setCollection(c: CollectionInfo, ord: number): void {
    const old = this.collections.get(c.id);
    if (old) this.collectionByName.delete(key3(old.value.tenant, old.value.database, old.value.name));
    this.collections.set(c.id, { value: frozenCollection(c), ord });
    this.collectionByName.set(key3(c.tenant, c.database, c.name), c.id);
  }

  private removeCollection(id: string): void {
    const old = this.collections.get(id);
    if (!old) return;
    this.collections.delete(id);
    this.collectionByName.delete(key3(old.value.tenant, old.value.database, old.value.name));
  }

  async createCollection(collection: CollectionInfo): Promise<void> {
    await this.submit(collection.id, { kind: "create", row: cloneCollection(collection) });
  }

  updateCollection(id: string, patch: CollectionPatch): Promise<CollectionInfo | null> {
    return this.submit(id, { kind: "patch", patch: clonePatch(patch) });
  }

  async deleteCollection(id: string): Promise<void> {
    await this.submit(id, { kind: "remove" });
  }

  /** Whether the collection has a committed row (as of the last catalog read; no freshness check). */
  hasCollection(id: string): boolean {
    return this.collections.has(id);
  }

  // The collection reads hand out the stored rows themselves: deep-frozen snapshots that a change
  // replaces (setCollection) rather than alters, so a row read earlier keeps saying what it said and
  // no caller can change the catalog's state through one. Every request reads its collection's row
  // (a query: 2-3 times); a deep copy per read cost ~3% of a query's CPU (issue 18).

  async getCollectionById(id: string): Promise<CollectionInfo | null> {
    await this.fresh();
    return this.collections.get(id)?.value ?? null;
  }

  async getCollectionByName(tenant: string, database: string, name: string): Promise<CollectionInfo | null> {
    await this.fresh();
    const id = this.collectionByName.get(key3(tenant, database, name));
    return id === undefined ? null : this.collections.get(id)!.value;
  }

  async listCollections(tenant: string, database: string): Promise<CollectionInfo[]> {
    await this.fresh();
    return sorted(this.collections).filter((c) => c.tenant === tenant && c.database === database);
  }

  /** Queues an op; resolves with the row it leaves (null: none) once its commit is durable. */
  private submit(id: string, op: CollectionOp): Promise<CollectionInfo | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id, op, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      // Yield once so ops submitted in the same tick share the commit.
      await Promise.resolve();
      while (this.queue.length > 0) {
        const ops = this.queue;
        this.queue = [];
        try {
          const rows = await this.exclusive(() => this.t.collections.mutex.run(() => this.commitCollections(ops)));
          ops.forEach((o, i) => o.resolve(rows[i]));
        } catch (err) {
          for (const o of ops) o.reject(err);
        }
      }
      this.flushing = null;
    })();
  }

  /** Applies the ops in order to the rows as they stand, commits the rows they touch, then shows them. */
  private async commitCollections(ops: QueuedOp[]): Promise<(CollectionInfo | null)[]> {
    const touched = new Map<string, Ordered<CollectionInfo> | null>();
    const current = (id: string) => (touched.has(id) ? touched.get(id)! : (this.collections.get(id) ?? null));
    const results = ops.map(({ id, op }) => {
      const row = current(id);
      let next: Ordered<CollectionInfo> | null;
      if (op.kind === "create") next = { value: op.row, ord: row?.ord ?? this.nextOrd++ };
      else if (op.kind === "remove") next = null;
      else next = row && { value: applyPatch(row.value, op.patch), ord: row.ord };
      touched.set(id, next);
      return next && cloneCollection(next.value);
    });
    const removed = [...touched].filter(([, row]) => row === null).map(([id]) => id);
    const puts = [...touched.values()].filter((row): row is Ordered<CollectionInfo> => row !== null);
    if (removed.length > 0) {
      await this.t.collections.remove(`${ident("id")} IN (${removed.map(sqlString).join(", ")})`);
    }
    if (puts.length > 0) {
      const cs = puts.map((p) => p.value);
      const data = tableFromColumns(
        SCHEMAS.collections,
        cs.length,
        new Map<string, ArrowModule.Data>([
          ["id", utf8Data(cs.map((c) => c.id))],
          ["name", utf8Data(cs.map((c) => c.name))],
          ["tenant", utf8Data(cs.map((c) => c.tenant))],
          ["database", utf8Data(cs.map((c) => c.database))],
          ["ord", int64Data(BigInt64Array.from(puts, (p) => big(p.ord)))],
          ["metadata_json", utf8Data(cs.map((c) => (c.metadata === null ? null : stringifyJson(c.metadata))))],
          ["configuration_json", utf8Data(cs.map((c) => JSON.stringify(c.configuration ?? {})))],
          ["dimension", nullableInt64Data(cs.map((c) => c.dimension))],
          ["version", int64Data(BigInt64Array.from(cs, (c) => big(c.version)))],
          ["log_position", int64Data(BigInt64Array.from(cs, (c) => big(c.logPosition)))],
          ["schema_json", utf8Data(cs.map((c) => (c.schema ? JSON.stringify(c.schema) : null)))],
        ]),
      );
      await this.t.collections.upsert("id", data);
    }
    for (const [id, row] of touched) {
      if (row === null) this.removeCollection(id);
      else this.setCollection(row.value, row.ord);
    }
    return results;
  }

  /** Waits for queued collection commits. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Removes every tenant, database and collection row (reset). */
  async clear(): Promise<void> {
    await this.flush();
    await this.exclusive(async () => {
      for (const table of this.tables()) await table.mutex.run(() => table.remove("true"));
      for (const m of [this.tenants, this.databases, this.databaseByName, this.collections, this.collectionByName]) m.clear();
    });
  }

  async close(): Promise<void> {
    await this.flush();
    await Promise.all(this.tables().map((t) => t.close()));
  }
}

/**
 * The catalog's lease hooks while the catalog is opened (before it can refresh itself): a
 * takeover fences every catalog-side table that exists, as the catalog's own hooks would.
 */
function openingHooks(db: Connection): LeaseHooks {
  return {
    fence: async () => {
      for (const name of [...Object.values(CATALOG_TABLES), LINEAGE_TABLE]) {
        let table: Table;
        try {
          table = await db.openTable(name);
        } catch {
          continue; // not created yet: nothing of it to fence
        }
        try {
          await fenceTable(table);
        } finally {
          table.close();
        }
      }
    },
    refresh: async () => undefined,
  };
}

function applyPatch(row: CollectionInfo, patch: CollectionPatch): CollectionInfo {
  const next = { ...row };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.metadata !== undefined) next.metadata = patch.metadata;
  if (patch.configuration !== undefined) next.configuration = patch.configuration;
  if (patch.schema !== undefined) next.schema = patch.schema;
  if (patch.dimension !== undefined) next.dimension = patch.dimension;
  if (patch.bumpVersion) next.version += 1;
  return next;
}

function sorted<T>(m: Map<string, Ordered<T>>): T[] {
  return [...m.values()].sort((a, b) => a.ord - b.ord).map((e) => e.value);
}

function cloneCollection(c: CollectionInfo): CollectionInfo {
  return {
    ...c,
    metadata: c.metadata === null ? null : cloneJson(c.metadata),
    configuration: structuredClone(c.configuration),
    schema: c.schema === null ? null : structuredClone(c.schema),
  };
}

/** A copy of `c` that nothing can change: what the catalog keeps and hands out. */
function frozenCollection(c: CollectionInfo): CollectionInfo {
  return deepFreeze(cloneCollection(c));
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}

function clonePatch(p: CollectionPatch): CollectionPatch {
  const out = { ...p };
  if (p.metadata) out.metadata = cloneJson(p.metadata);
  if (p.configuration) out.configuration = structuredClone(p.configuration);
  if (p.schema) out.schema = structuredClone(p.schema);
  return out;
}
