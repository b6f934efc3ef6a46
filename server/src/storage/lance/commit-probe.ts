/**
 * Does the store arbitrate concurrent commits? LanceDB commits a table version by writing the
 * next manifest with a PUT-if-absent; when two writers race for the same version, the store must
 * refuse the second PUT (conditional writes: local disks, AWS S3 since 2024-08, MinIO, R2, GCS,
 * Azure). A store that ignores the condition (older S3-compatible servers, the s3rver emulator)
 * lets the second PUT silently replace the first: commits are lost, and neither writer knows.
 *
 * The probe asks the store itself, through LanceDB: `writers` handles opened at the same version
 * of a scratch table each append one row at the same moment. With conditional writes every append
 * lands (the losers of each race are rebased by LanceDB); without, rows go missing. A race that
 * happens not to overlap proves nothing, so the probe repeats it; a store that loses a row in any
 * round has no conditional writes. Local paths are not probed (the filesystem's create-if-absent
 * is atomic).
 */
import { randomUUID } from "node:crypto";
import type { Connection, Table } from "@lancedb/lancedb";

export interface ProbeResult {
  conditionalWrites: boolean;
  /** Rows appended and rows found, over all rounds. */
  appended: number;
  found: number;
}

/** Whether `uri` names an object store (a URI scheme) rather than a local path. */
export function isObjectStoreUri(uri: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(uri) && !/^file:/i.test(uri);
}

export async function probeConditionalWrites(connection: Connection, options: { writers?: number; rounds?: number } = {}): Promise<ProbeResult> {
  const writers = options.writers ?? 3;
  const rounds = options.rounds ?? 2;
  const name = `_chromaspec_probe_${randomUUID()}`;
  const first = await connection.createTable(name, [{ writer: -1, round: -1 }], { mode: "create" });
  const handles: Table[] = [first];
  let appended = 0;
  try {
    for (let i = 1; i < writers; i++) handles.push(await connection.openTable(name));
    for (let round = 0; round < rounds; round++) {
      // Every handle at the same version, then all commit at once.
      await Promise.all(handles.map((h) => h.checkoutLatest()));
      const results = await Promise.allSettled(handles.map((h, writer) => h.add([{ writer, round }])));
      appended += results.filter((r) => r.status === "fulfilled").length;
    }
    await first.checkoutLatest();
    const found = (await first.countRows()) - 1;
    return { conditionalWrites: found === appended && appended === writers * rounds, appended, found };
  } finally {
    for (const h of handles) h.close();
    await connection.dropTable(name).catch(() => undefined);
  }
}
