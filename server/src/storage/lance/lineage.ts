/**
 * Collection forks and what their copy-on-write tables share, in one LanceDB table loaded into
 * memory and written through (a change resolves once its commit has).
 *
 * A fork's record table is a LanceDB shallow clone of its source at one version: it reads the
 * source's data files until its own compaction rewrites them. So, as upstream's lineage-aware
 * garbage collection does, a table stays while anything reads it:
 *   - a table is NEEDED while its collection is in the catalog, while it is a fork that was not
 *     dropped (one being created has its lineage row before its catalog row), or while it is the
 *     source of a needed fork (recursively: a fork of a fork reads both ancestors' files);
 *   - a needed source keeps every version from the oldest version its needed forks were cloned
 *     at (`retainFrom`), so its cleanup never deletes a file a fork reads;
 *   - dropping a collection drops its table only when nothing needs it; otherwise the table is
 *     retained, and dropped with the last collection that needed it.
 * Each row also records the fork in the lineage of the source's root (upstream's lineage file):
 * fork_count is the number of rows of a root, dropped forks included (as upstream's).
 *
 * A fork's row is written before the clone and before its catalog row: a row whose target is in
 * no catalog and was never dropped is a fork that did not come about (a crash in between);
 * `orphans` names them and the storage removes them with their clones on start-up.
 *
 * Several processes share the table (replicas): every change is made under the catalog's write
 * lease (the caller's `exclusive`), whose acquisition re-reads the rows (`hooks`), and reads
 * re-read them when another process committed, at most once per read-consistency interval.
 */
import type { Connection } from "@lancedb/lancedb";
import { arrow, boolAsInt8Data, boolAsInt8Field, int64Data, int64Field, readBoolsAsInt8, readInt64s, readStrings, tableFromColumns, utf8Data, utf8Field, type ArrowModule } from "./arrow.js";
import { CatalogTable, LINEAGE_TABLE } from "./catalog.js";
import { Freshness } from "./freshness.js";
import type { LeaseHooks } from "./lease.js";
import type { MaintenanceRunner } from "./maintenance.js";
import { sqlString } from "./sql.js";
import { openOrCreate } from "./tables.js";

export { LINEAGE_TABLE };

const SCHEMA = new arrow.Schema([
  utf8Field("root"),
  utf8Field("source"),
  utf8Field("target"),
  int64Field("source_version"),
  int64Field("source_version_ms"),
  int64Field("ord"),
  boolAsInt8Field("dropped"),
]);

export interface ForkRow {
  /** The first collection of the lineage (upstream's root_collection_id). */
  root: string;
  source: string;
  target: string;
  /** The source table's version the target was cloned at (-1: the source had no table yet). */
  sourceVersion: number;
  /** When that version was created (ms since the epoch). */
  sourceVersionMs: number;
  /** The target collection was dropped (its row stays: it still counts, its table may be retained). */
  dropped: boolean;
}

/** A row as stored: with the order it was written in. */
type LineageRow = ForkRow & { ord: number };

/** How the lineage shares its table with other processes. */
export interface LineageSharing {
  /** Runs a change as the only writer of the catalog (and so of the lineage) across processes. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Whether this process holds the catalog's write lease now (its view is then current). */
  heldHere(): boolean;
  /** Reads re-check LanceDB for newer versions at most this often (0: on every read). */
  readConsistencyIntervalMs: number;
}

export class LanceLineage {
  private readonly freshness: Freshness;
  /** Rows by target, in the order they were written (`ord`). */
  private rows = new Map<string, LineageRow>();
  /** The same rows by source (derived from `rows` by `setRows`). */
  private bySource = new Map<string, LineageRow[]>();
  /** The order the next row is written with. */
  private nextOrd = 0;
  /** The catalog lease's hooks for this table: fence the writer, catch up with others' rows. */
  readonly hooks: LeaseHooks;

  private constructor(
    /** The table, its writer lock and maintenance, as the catalog's own tables have them. */
    private readonly table: CatalogTable,
    private readonly sharing: LineageSharing,
  ) {
    this.freshness = new Freshness(sharing.readConsistencyIntervalMs, () => this.reloadIfChanged());
    this.hooks = {
      fence: () => table.mutex.run(() => table.fence()),
      refresh: async () => {
        await table.mutex.run(() => table.catchUpWriter());
        await this.reloadIfChanged();
      },
    };
  }

  static async open(db: Connection, runner: MaintenanceRunner, sharing: LineageSharing): Promise<LanceLineage> {
    const table = await openOrCreate(db, LINEAGE_TABLE, SCHEMA, sharing.exclusive);
    const lineage = new LanceLineage(new CatalogTable(table, await db.openTable(LINEAGE_TABLE), runner), sharing);
    await lineage.reloadIfChanged();
    return lineage;
  }

  /** Re-reads the rows when a version this process has not loaded was committed (by anyone). */
  async reloadIfChanged(): Promise<void> {
    await this.table.mutex.run(async () => {
      if (!(await this.table.changed())) return;
      const { version, rows } = await this.table.read();
      this.load(rows);
      this.table.loadedVersion = version;
    });
  }

  private load(data: ArrowModule.Table): void {
    const [roots, sources, targets] = ["root", "source", "target"].map((c) => readStrings(data, c));
    const [sourceVersions, sourceVersionMs, ords] = ["source_version", "source_version_ms", "ord"].map((c) => readInt64s(data, c));
    const dropped = readBoolsAsInt8(data, "dropped");
    const rows = Array.from({ length: data.numRows }, (_, i) => ({
      root: roots[i]!,
      source: sources[i]!,
      target: targets[i]!,
      sourceVersion: sourceVersions[i],
      sourceVersionMs: sourceVersionMs[i],
      ord: ords[i],
      dropped: dropped[i],
    }));
    rows.sort((a, b) => a.ord - b.ord);
    this.setRows(rows);
    this.nextOrd = rows.reduce((n, r) => Math.max(n, r.ord + 1), 0);
  }

  /** The rows in memory (in `ord` order), by target and by source. */
  private setRows(rows: readonly LineageRow[]): void {
    this.rows = new Map();
    this.bySource = new Map();
    for (const r of rows) {
      this.rows.set(r.target, r);
      const siblings = this.bySource.get(r.source);
      if (siblings) siblings.push(r);
      else this.bySource.set(r.source, [r]);
    }
  }

  /** Before a read: what other processes committed more than the interval ago is in memory. */
  fresh(): Promise<void> {
    if (this.sharing.heldHere()) return Promise.resolve();
    return this.freshness.ensure();
  }

  /** The root of a collection's lineage: itself unless it is a fork. */
  rootOf(id: string): string {
    return this.rows.get(id)?.root ?? id;
  }

  /**
   * Forks recorded in the lineage of the collection's root (upstream's fork_count): those that came
   * about (in the catalog, `exists`, or dropped since), not one under way or left by a failure.
   */
  async forkCount(id: string, exists: (id: string) => boolean): Promise<number> {
    await this.fresh();
    const root = this.rootOf(id);
    let n = 0;
    for (const r of this.rows.values()) if (r.root === root && (r.dropped || exists(r.target))) n++;
    return n;
  }

  /** Whether the collection is a fork (as far as this process has read the lineage). */
  isFork(id: string): boolean {
    return this.rows.has(id);
  }

  /** The table a fork was cloned from (its parent in the lineage), if any. */
  sourceOf(id: string): string | undefined {
    return this.rows.get(id)?.source;
  }

  /** Records a fork about to be made: before its clone and its catalog row (see the top). */
  async record(fork: Omit<ForkRow, "root" | "dropped">): Promise<void> {
    await this.change(async () => {
      const row = { root: this.rootOf(fork.source), ...fork, dropped: false, ord: this.nextOrd };
      await this.table.append(rowData([row]));
      return row;
    });
  }

  /** Marks a fork's collection dropped (before its catalog row goes); nothing for a collection that is no fork. */
  async markDropped(target: string): Promise<void> {
    await this.change(async () => {
      const row = this.rows.get(target);
      if (!row || row.dropped) return null;
      const next = { ...row, dropped: true };
      await this.table.upsert("target", rowData([next]));
      return next;
    });
  }

  /** Removes the row of a fork that did not come about (its clone or catalog row failed, or a crash). */
  async forget(target: string): Promise<void> {
    await this.sharing.exclusive(() =>
      this.table.mutex.run(async () => {
        await this.table.remove(`target = ${sqlString(target)}`);
        this.setRows([...this.rows.values()].filter((r) => r.target !== target));
      }),
    );
  }

  /** Commits one row (under the catalog lease) and shows it in memory once committed. */
  private async change(write: () => Promise<LineageRow | null>): Promise<void> {
    await this.sharing.exclusive(() =>
      this.table.mutex.run(async () => {
        const row = await write();
        if (!row) return;
        this.nextOrd = Math.max(this.nextOrd, row.ord + 1);
        this.rows.set(row.target, row);
        this.setRows([...this.rows.values()]);
      }),
    );
  }

  /**
   * Forks that did not come about: rows whose target is in no catalog (`exists`) and was never
   * dropped. Only meaningful while no fork is under way anywhere (under the catalog lease).
   */
  orphans(exists: (id: string) => boolean): string[] {
    return [...this.rows.values()].filter((r) => !r.dropped && !exists(r.target) && !this.bySource.has(r.target)).map((r) => r.target);
  }

  /** Whether a table is still read: its collection exists, it is a live fork, or a needed fork was cloned from it. */
  isNeeded(id: string, exists: (id: string) => boolean, seen = new Set<string>()): boolean {
    if (exists(id)) return true;
    const row = this.rows.get(id);
    if (row && !row.dropped) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return (this.bySource.get(id) ?? []).some((r) => this.isNeeded(r.target, exists, seen));
  }

  /**
   * The oldest version time a table must keep for its needed forks, or null when none reads it.
   * Re-reads the rows first (whatever the interval): another process may have forked it just now.
   */
  async retainFrom(id: string, exists: (id: string) => boolean): Promise<number | null> {
    await this.reloadIfChanged();
    let from: number | null = null;
    for (const r of this.bySource.get(id) ?? []) {
      if (r.sourceVersion >= 0 && this.isNeeded(r.target, exists)) from = from === null ? r.sourceVersionMs : Math.min(from, r.sourceVersionMs);
    }
    return from;
  }

  /** Removes every row (reset; the caller holds the catalog lease). */
  async clear(): Promise<void> {
    await this.sharing.exclusive(() =>
      this.table.mutex.run(async () => {
        await this.table.remove("true");
        this.setRows([]);
      }),
    );
  }

  close(): Promise<void> {
    return this.table.close();
  }
}

function rowData(rows: LineageRow[]): ArrowModule.Table {
  return tableFromColumns(
    SCHEMA,
    rows.length,
    new Map<string, ArrowModule.Data>([
      ["root", utf8Data(rows.map((r) => r.root))],
      ["source", utf8Data(rows.map((r) => r.source))],
      ["target", utf8Data(rows.map((r) => r.target))],
      ["source_version", int64Data(BigInt64Array.from(rows, (r) => BigInt(r.sourceVersion)))],
      ["source_version_ms", int64Data(BigInt64Array.from(rows, (r) => BigInt(Math.trunc(r.sourceVersionMs))))],
      ["ord", int64Data(BigInt64Array.from(rows, (r) => BigInt(r.ord)))],
      ["dropped", boolAsInt8Data(rows.map((r) => r.dropped))],
    ]),
  );
}
