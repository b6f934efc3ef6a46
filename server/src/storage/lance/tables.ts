/**
 * Creating a table that other processes may be creating at the same moment. LanceDB writes a
 * table's first version with a PUT-if-absent, so of two creators one wins and the other fails;
 * the loser then opens what the winner created.
 */
import type { Connection, Table } from "@lancedb/lancedb";
import type { ArrowModule } from "./arrow.js";

export async function createOrOpen(connection: Connection, name: string, schema: ArrowModule.Schema): Promise<Table> {
  try {
    return await connection.createEmptyTable(name, schema, { mode: "create", existOk: true });
  } catch (err) {
    try {
      return await connection.openTable(name);
    } catch {
      throw err;
    }
  }
}
