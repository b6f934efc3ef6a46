/**
 * Creating a table that other processes may be creating at the same moment (replicas starting
 * together on a fresh store).
 *
 * LanceDB writes a table's first version with a PUT-if-absent, but when that PUT loses to a
 * concurrent creator, LanceDB does not fail the create: it retries it as an Overwrite at the next
 * version (lance 10, local and s3:// alike), which silently undoes whatever the winner committed
 * on top of its version 1 (a catalog row, a lease acquisition). So a shared table never has two
 * creators: the catalog-side tables are created under the catalog's write lease, after looking
 * again whether another process created them meanwhile; the lease tables themselves, which
 * cannot wait for a lease, settle the race by their origin (lance/lease-table.ts LeaseTable).
 */
import type { Connection, Table } from "@lancedb/lancedb";
import type { ArrowModule } from "./arrow.js";

/** Runs a task as the only writer of the catalog among all processes (at once without sharing). */
export type Exclusive = <T>(task: () => Promise<T>) => Promise<T>;

/** Opens table `name`, creating it empty (`schema`) under `exclusive` when it does not exist. */
export async function openOrCreate(connection: Connection, name: string, schema: ArrowModule.Schema, exclusive: Exclusive): Promise<Table> {
  try {
    return await connection.openTable(name);
  } catch {
    /* absent (or unreadable: the create below says which) */
  }
  return exclusive(async () => {
    try {
      return await connection.openTable(name);
    } catch {
      return connection.createEmptyTable(name, schema, { mode: "create" });
    }
  });
}
