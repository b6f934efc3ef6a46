/**
 * One write lease's table (lance/lease.ts): its row and the compare-and-set that changes it.
 */
import { randomUUID } from "node:crypto";
import type { Connection, Table } from "@lancedb/lancedb";
import { arrow, boolAsInt8Data, boolAsInt8Field, int64Data, int64Field, readBoolsAsInt8, readInt64s, readStrings, tableFromColumns, utf8Data, utf8Field, type ArrowModule } from "./arrow.js";
import { TableHandle } from "./handle.js";
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
 * One lease's table: read the row, compare-and-set it.
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
 * already and keep working without it. (So version 1 of a lease table must stay: nothing
 * compacts or cleans lease tables up; whatever comes to must keep it.)
 */
export class LeaseTable {
  private constructor(
    readonly name: string,
    private readonly connection: Connection,
    private readonly handle: TableHandle,
    /** The true origin (version 1's); null for a table from before the column existed. */
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
    const origin = hasOrigin ? ((await readRowAt(connection, name, 1)).origin ?? "") : null;
    return new LeaseTable(name, connection, new TableHandle(table), origin);
  }

  /** The row as of the latest committed version (a late creator's row put right first). */
  async read(): Promise<LeaseRow> {
    for (let round = 1; ; round++) {
      const row = await this.handle.use(async (t) => {
        await t.checkoutLatest();
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
   */
  private async putBack(late: string): Promise<void> {
    const history = await this.connection.openTable(this.name);
    let row: LeaseRow | null = null;
    try {
      const versions = (await history.listVersions()).map((v) => v.version).sort((a, b) => b - a);
      for (const version of versions) {
        await history.checkout(version);
        const candidate = rowOf(await history.query().toArrow(), this.name);
        if (candidate.origin === this.origin) {
          row = candidate;
          break;
        }
      }
    } finally {
      history.close();
    }
    if (!row) {
      // No version descends from the origin this process read: the table was dropped (a reset)
      // and created again since; its new version 1 names its origin.
      this.origin = (await readRowAt(this.connection, this.name, 1)).origin ?? "";
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

  /** One conditional update, tried again on the latest version while it meets commit conflicts. */
  private async update(where: string, valuesSql: Record<string, string>): Promise<boolean> {
    for (let round = 1; ; round++) {
      try {
        const result = await this.handle.use(async (t) => {
          if (round > 1) await t.checkoutLatest();
          return t.update({ where, valuesSql });
        });
        return result.rowsUpdated === 1;
      } catch (err) {
        if (!isConflict(err)) throw err;
        // Conflicts on every round: others keep committing; report the update as lost (the caller
        // reads the row again, or the lease is given up safely).
        if (round >= CAS_CONFLICT_ROUNDS) return false;
      }
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** The row of a lease table as of `version`. */
async function readRowAt(connection: Connection, name: string, version: number): Promise<LeaseRow> {
  const table = await connection.openTable(name);
  try {
    await table.checkout(version);
    return rowOf(await table.query().toArrow(), name);
  } finally {
    table.close();
  }
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
