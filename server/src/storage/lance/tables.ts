/**
 * Creating a table that other processes may be creating at the same moment (replicas starting
 * together on a fresh store, or writing a new collection's lease at once).
 *
 * LanceDB writes a table's first version with a PUT-if-absent, but when that PUT loses to a
 * concurrent creator, LanceDB does not fail the create: it retries it as an Overwrite at the next
 * version (observed with lance 10 on s3:// with conditional PUT). Two creators writing the same
 * initial content make that harmless (versions 1 and 2 are equal); but when the winner already
 * committed on top of its version 1 (a catalog row, a lease acquisition), the late Overwrite
 * would silently undo it. So a creator whose create landed above version 2 restores the version
 * just before its own, putting the winner's state back. (Commits others based on the Overwrite
 * in the moment before the restore would be undone in turn; the window is one commit wide, at
 * first use only.)
 */
import type { Connection, Table } from "@lancedb/lancedb";
import type { ArrowModule } from "./arrow.js";

/** Creates the table with `create` unless it exists (then opens it); see above for the race. */
export async function createShared(connection: Connection, name: string, create: () => Promise<Table>): Promise<Table> {
  let table: Table;
  try {
    table = await connection.openTable(name);
    return table;
  } catch {
    /* absent (or unreadable: the create below says which) */
  }
  try {
    table = await create();
  } catch (err) {
    try {
      return await connection.openTable(name);
    } catch {
      throw err;
    }
  }
  const version = await table.version();
  if (version > 2) {
    await table.checkout(version - 1);
    await table.restore();
  }
  return table;
}

/** An empty table of `schema`, created or opened. */
export function createOrOpen(connection: Connection, name: string, schema: ArrowModule.Schema): Promise<Table> {
  return createShared(connection, name, () => connection.createEmptyTable(name, schema, { mode: "create", existOk: true }));
}
