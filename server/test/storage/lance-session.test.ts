/**
 * LanceDB's caches are bounded as configured (lance/session.ts): the bounds reach the connection
 * (@lancedb/lancedb 0.37's connect drops a session passed as its third argument, which left
 * them at 6 GB / 1 GB), and a bound of 0 keeps nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LanceDatabase } from "../../src/storage/lance/database.js";
import { LANCE_CACHE_DEFAULTS } from "../../src/storage/lance/session.js";
import { tempDir } from "./helpers.js";

describe("LanceDB's caches", () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await dir.dispose();
  });

  /** Writes 20 versions of a table and reads it: what fills the metadata cache (manifests, file footers). */
  async function use(db: LanceDatabase): Promise<void> {
    const rows = (from: number) => Array.from({ length: 200 }, (_, i) => ({ id: `r${from + i}`, v: from + i }));
    const table = await db.connection.createTable("t", rows(0));
    for (let i = 1; i < 20; i++) await table.add(rows(i * 200));
    expect(await table.countRows()).toBe(4000);
    expect((await table.query().where("v = 3999").toArray()).length).toBe(1);
    table.close();
  }

  it("hold what a table's versions leave with room, and nothing with bounds of 0", async () => {
    const roomy = await LanceDatabase.connect(`${dir.path}/a`, { indexCacheBytes: 1 << 30, metadataCacheBytes: 1 << 30 });
    await use(roomy);
    expect(roomy.cacheBytes()).toBeGreaterThan(10_000);
    roomy.connection.close();
    const none = await LanceDatabase.connect(`${dir.path}/b`, { indexCacheBytes: 0, metadataCacheBytes: 0 });
    await use(none);
    expect(none.cacheBytes()).toBeLessThan(1000);
    none.connection.close();
  });

  it("stay within the default bounds, far below LanceDB's own 6 GB + 1 GB", async () => {
    expect(LANCE_CACHE_DEFAULTS.indexCacheBytes + LANCE_CACHE_DEFAULTS.metadataCacheBytes).toBeLessThanOrEqual(256 * 1024 * 1024);
    const db = await LanceDatabase.connect(dir.path, {});
    await use(db);
    expect(db.cacheBytes()).toBeGreaterThan(0);
    expect(db.cacheBytes()).toBeLessThanOrEqual(LANCE_CACHE_DEFAULTS.indexCacheBytes + LANCE_CACHE_DEFAULTS.metadataCacheBytes);
    db.connection.close();
  });
});
