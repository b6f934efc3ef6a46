/**
 * One write lease's table (lance/lease.ts): its row, the compare-and-set that changes it, how the
 * table's true origin is told from a late creator's, and the cleanup of its old versions.
 *
 * Every acquisition, renewal (every third of the ttl while a key is held), release, and even a
 * CAS that matches nothing commits a table version: a manifest, a transaction file and a one-row
 * data file (~2.8 kB and 3 files per version on a local directory). A key written all day adds
 * tens of thousands of them, so `cleanUp` removes the old ones, in the background (Leases).
 */
import { randomUUID } from "node:crypto";
import type { Connection, Table, Version } from "@lancedb/lancedb";
import { arrow, boolAsInt8Data, boolAsInt8Field, int64Data, int64Field, readBoolsAsInt8, readInt64s, readStrings, tableFromColumns, utf8Data, utf8Field, type ArrowModule } from "./arrow.js";
import { TableHandle } from "./handle.js";
import { currentAt, versionTime } from "./maintenance.js";
import { sqlString } from "./sql.js";

export interface LeaseRow {
  epoch: number;
  holder: string;
  beat: number;
  ttlMs: number;
  dropped: boolean;
  /** Who released the lease last ("" = nobody yet); kept as is when not given to `cas`. */
  last?: string;
  /** Which creator's initial row the table descends from (see LeaseTable); never changed by `cas`. */
  origin?: string;
}

const SCHEMA = new arrow.Schema([
  int64Field("epoch"),
  utf8Field("holder"),
  int64Field("beat"),
  int64Field("ttl_ms"),
  boolAsInt8Field("dropped"),
  utf8Field("last"),
  utf8Field("origin"),
]);

function rowData(row: LeaseRow): ArrowModule.Table {
  return tableFromColumns(
    SCHEMA,
    1,
    new Map<string, ArrowModule.Data>([
      ["epoch", int64Data(BigInt64Array.of(BigInt(row.epoch)))],
      ["holder", utf8Data([row.holder])],
      ["beat", int64Data(BigInt64Array.of(BigInt(row.beat)))],
      ["ttl_ms", int64Data(BigInt64Array.of(BigInt(row.ttlMs)))],
      ["dropped", boolAsInt8Data([row.dropped])],
      ["last", utf8Data([row.last ?? ""])],
      ["origin", utf8Data([row.origin ?? ""])],
    ]),
  );
}

/**
 * How far below the versions a cleanup must keep its cutoff goes (ms): LanceDB turns the cutoff
 * into an age and measures it again when it starts removing (maintenance.ts cleanupCutoff), and
 * the versions' times are their committers' clocks, which may differ a little from the cleaner's.
 * The retention when it is shorter (tests), but never below MIN_SLACK_MS.
 */
export const LEASE_CLEANUP_SLACK_MS = 5_000;
const MIN_SLACK_MS = 200;

/**
 * One lease's table: read the row, compare-and-set it, clean up its old versions.
 *
 * Creation has a race LanceDB does not settle: a create whose first manifest (version 1) loses
 * its PUT-if-absent to another creator's is retried by LanceDB as an Overwrite at the next
 * version, so a late creator's initial row can land on top of acquisitions already made (one
 * holder's lease undone, a second holder let in, a dropped key revived). Instead of undoing that
 * Overwrite afterwards (which others may act on meanwhile), no one ever acts on it: each creator
 * writes its own random `origin` into the initial row, and version 1 — which exactly one creator
 * wrote, and which nothing can change — names the table's true origin. Every CAS requires
 * `origin = <true origin>`, so none can match a late creator's row (not even "free, epoch 0",
 * which its row looks like); whoever reads such a row puts the last row of the true origin back
 * by a CAS on the late origin (several doing so at once is harmless: the first wins, the others
 * match nothing), and a later Overwrite is put right the same way. Safety rests on the
 * conditional PUT of version 1 alone; lease tables written before `origin` existed were created
 * already and keep working without it.
 *
 * Old versions are cleaned up (`cleanUp`), version 1 with them, so the true origin is also told
 * without it: a late creator's row is always an initial row (epoch 0), while every row with an
 * epoch past 0 was written by a CAS or a put-back, which both require or write the true origin.
 * So once version 1 is gone, the origin of any version with an epoch past 0 is the true one
 * (`trueOrigin`), and every cleanup keeps one: the newest row it read, which had the true origin
 * and an epoch past 0 (it cleans nothing otherwise). (LanceDB's tags cannot keep version 1
 * instead: with a tagged version older than the cutoff, 0.37's optimize() refuses to clean up at
 * all, "tagged version(s) have been marked for cleanup", and it does not expose the flag that
 * would let it.)
 */
export class LeaseTable {
  /** The newest table version this handle read or committed (0: none yet). */
  private seen = 0;

  private constructor(
    readonly name: string,
    private readonly connection: Connection,
    private readonly handle: TableHandle,
    /** The true origin; null for a table from before the column existed. */
    private origin: string | null,
  ) {}

  /** Opens the lease table, creating it (free, epoch 0) if it does not exist yet. */
  static async open(connection: Connection, name: string): Promise<LeaseTable> {
    let table: Table;
    try {
      table = await connection.openTable(name);
    } catch {
      const initial = rowData({ epoch: 0, holder: "", beat: 0, ttlMs: 0, dropped: false, origin: randomUUID() });
      try {
        table = await connection.createTable(name, initial, { mode: "create" });
      } catch (err) {
        // Another process created it first (or the store failed: the open says which).
        try {
          table = await connection.openTable(name);
        } catch {
          throw err;
        }
      }
    }
    const hasOrigin = (await table.schema()).fields.some((f) => f.name === "origin");
    const origin = hasOrigin ? await trueOrigin(connection, name) : null;
    return new LeaseTable(name, connection, new TableHandle(table), origin);
  }

  /**
   * The newest table version this handle read or committed (0 before the first): how many
   * versions the table has had, give or take the ones a cleanup removed.
   */
  get version(): number {
    return this.seen;
  }

  /** The row as of the latest committed version (a late creator's row put right first). */
  async read(): Promise<LeaseRow> {
    for (let round = 1; ; round++) {
      const row = await this.handle.use(async (t) => {
        await t.checkoutLatest();
        this.saw(await t.version());
        return rowOf(await t.query().toArrow(), this.name);
      });
      if (this.origin === null || row.origin === this.origin) return row;
      if (round > CAS_CONFLICT_ROUNDS) throw new Error(`lease table ${this.name} keeps being overwritten by late creators`);
      await this.putBack(row.origin!);
    }
  }

  /**
   * Puts the latest row of the true origin back over a late creator's row (origin `late`):
   * versions are immutable, so the last one before the latest whose origin is true holds the
   * state the Overwrite undid (only Overwrites and CASes that matched nothing came after it).
   * A cleanup never removes it: it keeps every version from the newest true row it read on.
   */
  private async putBack(late: string): Promise<void> {
    const history = await this.connection.openTable(this.name);
    let row: LeaseRow | null = null;
    try {
      const versions = (await listVersions(history)).map((v) => v.version).sort((a, b) => b - a);
      for (const version of versions) {
        const candidate = await rowAt(history, version, this.name);
        if (candidate?.origin === this.origin) {
          row = candidate;
          break;
        }
      }
    } finally {
      history.close();
    }
    if (!row) {
      // No version descends from the origin this process read: the table was dropped (a reset)
      // and created again since; its versions name its origin.
      this.origin = await trueOrigin(this.connection, this.name);
      return;
    }
    await this.update(`origin = ${sqlString(late)}`, valuesOf(row));
  }

  /**
   * Sets `next` if the row is still exactly `expected` (epoch, holder, beat); false when another
   * process changed it first.
   *
   * A commit conflict is not an answer by itself: it says another commit landed between the
   * version this update was based on and its own commit (which then did not happen), not that
   * the row changed. The other commit may have left the row as it was — a fence's Restore, a
   * loser's update that matched nothing — and a holder that took such a conflict for a lost
   * lease would give up a lease that is still its own, fail its write with 503 and leave the key
   * stuck until the ttl. So the CAS is tried again on the latest version, where the predicate
   * decides. Nor is a miss: the row may be a late creator's (see above); once it is put back,
   * the CAS is tried again if the row is still the one expected.
   */
  async cas(expected: Pick<LeaseRow, "epoch" | "holder" | "beat">, next: LeaseRow): Promise<boolean> {
    for (let round = 1; ; round++) {
      const origin = this.origin === null ? "" : ` AND origin = ${sqlString(this.origin)}`;
      const where = `epoch = ${expected.epoch} AND holder = ${sqlString(expected.holder)} AND beat = ${expected.beat} AND dropped = 0${origin}`;
      if (await this.update(where, valuesOf(next))) return true;
      if (this.origin === null || round >= CAS_CONFLICT_ROUNDS) return false;
      const row = await this.read();
      if (row.epoch !== expected.epoch || row.holder !== expected.holder || row.beat !== expected.beat || row.dropped) return false;
    }
  }

  /**
   * One conditional update, tried again on the latest version while it meets commit conflicts.
   * The first try is based on the version the handle last read or committed; when a cleanup
   * removed that one since (a handle left unused for longer than the retention: a CAS without a
   * read first, a renewal held up that long), it fails to find the version's files, having
   * committed nothing, and is tried again on the latest version too.
   */
  private async update(where: string, valuesSql: Record<string, string>): Promise<boolean> {
    for (let round = 1; ; round++) {
      try {
        const result = await this.handle.use(async (t) => {
          if (round > 1) await t.checkoutLatest();
          return t.update({ where, valuesSql });
        });
        // An update that matched nothing commits a version as well.
        this.saw(result.version);
        return result.rowsUpdated === 1;
      } catch (err) {
        if (!isConflict(err) && !(round === 1 && isGone(err))) throw err;
        // Conflicts on every round: others keep committing; report the update as lost (the caller
        // reads the row again, or the lease is given up safely).
        if (round >= CAS_CONFLICT_ROUNDS) return false;
      }
    }
  }

  private saw(version: number): void {
    if (version > this.seen) this.seen = version;
  }

  /**
   * Removes the table's versions that stopped being current more than `retainMs` ago, keeping
   * what the lease's safety rests on; resolves to how many versions went (0: none, or the
   * cleanup was skipped). Commits nothing (a one-row table has nothing to compact) and runs on a
   * handle of its own, so it may overlap this process's renewals and other processes' CASes.
   *
   * Kept: the latest version (LanceDB never removes it); every version created in the last
   * `retainMs`, and the one current `retainMs` ago, so a CAS or a put-back based on a version read
   * lately finds it and the commits after it; and every version from the newest one read here on,
   * whose row has the true origin and an epoch past 0, which tells the origin once version 1 is
   * gone (see LeaseTable) and is what a put-back restores should a late creator's Overwrite land
   * now. When the latest row is a late creator's, or the table was never acquired, nothing is
   * removed (the next read puts the row back; the next cleanup goes on).
   *
   * Safety does not depend on the clocks (a lost version makes a read or a CAS fail, never
   * succeed wrongly) except in one corner: a late creator's Overwrite landing while a cleanup
   * runs, committed after a version whose committer's clock ran more than
   * LEASE_CLEANUP_SLACK_MS behind the cleaner's; a put-back would then restore an older row.
   */
  async cleanUp(retainMs: number, now = Date.now()): Promise<number> {
    const history = await this.connection.openTable(this.name);
    try {
      return await this.cleanUpOn(history, retainMs, now);
    } catch (err) {
      // Another process's cleanup removed what this one was reading: it did the work.
      if (isNotFound(err)) return 0;
      throw err;
    } finally {
      history.close();
    }
  }

  private async cleanUpOn(history: Table, retainMs: number, now: number): Promise<number> {
    await history.checkoutLatest();
    const version = await history.version();
    const row = rowOf(await history.query().toArrow(), this.name);
    if (row.epoch < 1 || (this.origin !== null && row.origin !== this.origin)) return 0;
    const versions = await listVersions(history);
    const read = versions.find((v) => v.version === version);
    // Removed meanwhile by another process's cleanup: newer versions exist; next time.
    if (!read) return 0;
    const slack = Math.max(MIN_SLACK_MS, Math.min(LEASE_CLEANUP_SLACK_MS, retainMs));
    const cutoff = Math.min(currentAt(versions, now - retainMs), versionTime(read)) - slack;
    if (cutoff <= 0 || !versions.some((v) => versionTime(v) < cutoff)) return 0;
    const stats = await history.optimize({ cleanupOlderThan: new Date(cutoff) });
    return stats.prune.oldVersionsRemoved;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/**
 * The true origin of lease table `name` (see LeaseTable): version 1's, or once a cleanup removed
 * version 1, that of the newest version whose row has an epoch past 0.
 */
async function trueOrigin(connection: Connection, name: string): Promise<string> {
  const table = await connection.openTable(name);
  try {
    const first = await rowAt(table, 1, name);
    if (first) return first.origin ?? "";
    // Down from the latest version, which nearly always has an epoch past 0 (a listing would
    // read every manifest: ~0.35 ms each, 250 ms for the ~700 versions 10 s of contended writes
    // leave). Cleanups remove the oldest versions, so below a removed one all are gone.
    await table.checkoutLatest();
    for (let version = await table.version(); version > 1; version--) {
      const row = await rowAt(table, version, name);
      if (!row) break;
      if (row.epoch > 0) return row.origin ?? "";
    }
    // Whatever was missed that way (a version removed while this looked), from the listing.
    const versions = (await listVersions(table)).map((v) => v.version).sort((a, b) => b - a);
    // Version 1 is listed, but could not be read: the store failed; say how.
    if (versions.includes(1)) return (await readRowAt(table, 1, name)).origin ?? "";
    for (const version of versions) {
      const row = await rowAt(table, version, name);
      if (row && row.epoch > 0) return row.origin ?? "";
    }
    throw new Error(`lease table ${name}: version 1 is gone and no version left was acquired, so its true origin cannot be told`);
  } finally {
    table.close();
  }
}

/**
 * The table's versions. Listing reads every manifest, so a cleanup removing some meanwhile makes
 * it fail; it is tried again (the next listing no longer has them).
 */
async function listVersions(table: Table): Promise<Version[]> {
  for (let round = 1; ; round++) {
    try {
      return await table.listVersions();
    } catch (err) {
      if (!isNotFound(err) || round >= LIST_ROUNDS) throw err;
    }
  }
}

const LIST_ROUNDS = 5;

/** The row as of `version`, or null when that version is gone (a cleanup removed it). */
async function rowAt(table: Table, version: number, name: string): Promise<LeaseRow | null> {
  try {
    return await readRowAt(table, version, name);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

async function readRowAt(table: Table, version: number, name: string): Promise<LeaseRow> {
  await table.checkout(version);
  return rowOf(await table.query().toArrow(), name);
}

function rowOf(result: ArrowModule.Table, name: string): LeaseRow {
  if (result.numRows !== 1) throw new Error(`lease table ${name} has ${result.numRows} rows, expected 1`);
  const int = (column: string) => readInt64s(result, column)[0];
  return {
    epoch: int("epoch"),
    holder: readStrings(result, "holder")[0] ?? "",
    beat: int("beat"),
    ttlMs: int("ttl_ms"),
    dropped: readBoolsAsInt8(result, "dropped")[0],
    last: readStrings(result, "last")[0] ?? "",
    ...(result.getChild("origin") ? { origin: readStrings(result, "origin")[0] ?? "" } : {}),
  };
}

/** The SET clause of an update to `row` (origin and last only when given). */
function valuesOf(row: LeaseRow): Record<string, string> {
  return {
    epoch: String(row.epoch),
    holder: sqlString(row.holder),
    beat: String(row.beat),
    ttl_ms: String(row.ttlMs),
    dropped: row.dropped ? "1" : "0",
    ...(row.last === undefined ? {} : { last: sqlString(row.last) }),
    ...(row.origin === undefined ? {} : { origin: sqlString(row.origin) }),
  };
}

/** How many times a CAS is tried while it only meets commit conflicts. */
const CAS_CONFLICT_ROUNDS = 10;

function isConflict(err: unknown): boolean {
  return err instanceof Error && /Incompatible transaction|conflict|Retryable commit/i.test(err.message);
}

/** A version (its manifest, or a data file it names) that a cleanup removed. */
function isNotFound(err: unknown): boolean {
  return err instanceof Error && /not found|No such file/i.test(err.message);
}

/**
 * An update based on a version a cleanup removed: its files are not found, or (@lancedb/lancedb
 * 0.37) the conflict resolver panics unwrapping the manifest of a removed version between it and
 * the latest (docs/upstream/lancedb-close-during-optimize.md); neither commits anything.
 */
function isGone(err: unknown): boolean {
  return isNotFound(err) || (err instanceof Error && /Panic in async function/i.test(err.message));
}
