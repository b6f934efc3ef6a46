/**
 * The LanceDB connection (a local directory or an object-store URI, passed to lancedb.connect
 * untouched, so nothing here assumes a local disk), the maintenance runner its tables share,
 * and the checks that need a table to plan against.
 */
import * as lancedb from "@lancedb/lancedb";
import { InvalidPatternError } from "../storage.js";
import { regexParseDetail } from "./errors.js";
import { CATALOG_TABLES } from "./catalog.js";
import { MaintenanceRunner, type MaintenanceOptions } from "./maintenance.js";
import { sqlString } from "./sql.js";
import type { ForegroundActivity } from "../../util/foreground.js";
import { errorText } from "../error-text.js";
import { lanceSession } from "./session.js";

export interface LanceOptions {
  /** Object-store settings (credentials, region, endpoint...) as LanceDB's storageOptions. */
  storageOptions?: Record<string, string>;
  /** Versions of a table (committed by any process) between two background optimize runs (compaction + version cleanup). */
  optimizeEvery?: number;
  /** Old table versions stay readable at least this long after they stop being current. */
  retainVersionsMs?: number;
  /**
   * After an optimize run of d ms the next waits until d * optimizeIdleFactor ms have passed
   * (bounds the share of time spent compacting a large table); 0 disables the spacing.
   */
  optimizeIdleFactor?: number;
  /**
   * Called when background maintenance fails (it never fails a request), with the error as one
   * line (error-text.ts: without LanceDB's Rust source paths).
   */
  onBackgroundError?: (error: string, table: string) => void;
  /** Background maintenance waits for a quiet moment of these requests (util/foreground.ts); the process's by default. */
  foreground?: ForegroundActivity;
  /** Longest a due maintenance run waits for quiet after the table's last write (ms); MAINTENANCE_MAX_DEFER_MS by default. */
  optimizeMaxDeferMs?: number;
  /** Called after each background maintenance run (for a debug log line). */
  onBackgroundRun?: MaintenanceOptions["onRun"];
  /** Bound of LanceDB's index cache (scalar index pages), bytes; session.ts LANCE_CACHE_DEFAULTS by default. */
  indexCacheBytes?: number;
  /** Bound of LanceDB's metadata cache (manifests, file and fragment metadata), bytes; session.ts LANCE_CACHE_DEFAULTS by default. */
  metadataCacheBytes?: number;
}

/** What maintenance does when not told otherwise (the server's settings show these as defaults). */
export const MAINTENANCE_DEFAULTS = { optimizeEvery: 20, retainVersionsMs: 60_000, optimizeIdleFactor: 4 } as const;

/** Validated regex patterns; a bounded set so a stream of distinct patterns cannot grow it forever. */
const VALID_PATTERN_CACHE = 1024;

export class LanceDatabase {
  private readonly validPatterns = new Set<string>();

  private constructor(
    readonly connection: lancedb.Connection,
    readonly runner: MaintenanceRunner,
    /** The URI the connection was opened on (a directory or an object-store URI). */
    readonly uri: string,
    private readonly session: lancedb.Session,
  ) {}

  /** What LanceDB's caches of this connection hold now, bytes (bounded by LanceOptions' indexCacheBytes + metadataCacheBytes). */
  cacheBytes(): number {
    return Number(this.session.sizeBytes());
  }

  /** Where LanceDB keeps a table of this connection (what a clone names as its source). */
  tableUri(name: string): string {
    return `${this.uri.replace(/\/+$/, "")}/${name}.lance`;
  }

  static async connect(uri: string, options: LanceOptions, afterWork?: MaintenanceOptions["afterWork"]): Promise<LanceDatabase> {
    const session = lanceSession(options);
    // The session goes in the options: connect's third argument (a session by its typings) is
    // not passed on by @lancedb/lancedb 0.37's connect, whose caches then stayed at 6 GB / 1 GB.
    const connection = await lancedb.connect(uri, { ...(options.storageOptions ? { storageOptions: options.storageOptions } : {}), session });
    const report =
      options.onBackgroundError ?? ((error: string, table: string) => console.warn(`chromaspec: background optimize of LanceDB table ${table} failed: ${error}`));
    const runner = new MaintenanceRunner({
      every: options.optimizeEvery ?? MAINTENANCE_DEFAULTS.optimizeEvery,
      retainMs: options.retainVersionsMs ?? MAINTENANCE_DEFAULTS.retainVersionsMs,
      idleFactor: options.optimizeIdleFactor ?? MAINTENANCE_DEFAULTS.optimizeIdleFactor,
      onError: (err, table) => report(errorText(err), table),
      onRun: options.onBackgroundRun,
      foreground: options.foreground,
      maxDeferMs: options.optimizeMaxDeferMs,
      afterWork,
    });
    return new LanceDatabase(connection, runner, uri, session);
  }

  /** Every table name (paged: object stores list a page at a time). */
  async tableNames(): Promise<string[]> {
    const names: string[] = [];
    const page = 1000;
    let after: string | undefined;
    for (;;) {
      const batch = await this.connection.tableNames({ limit: page, ...(after === undefined ? {} : { startAfter: after }) });
      names.push(...batch);
      if (batch.length < page) return names;
      after = batch[batch.length - 1];
    }
  }

  /**
   * Upstream rejects a bad pattern even when nothing would be scanned. With no record table to
   * run against, LanceDB plans regexp_like on a constant against `probeTable` (by default the
   * catalog's tenants table: always there, small, never dropped): the planner
   * compiles the pattern with the same engine a real scan would.
   */
  async validatePatterns(patterns: string[], probeTable: string = CATALOG_TABLES.tenants): Promise<void> {
    for (const pattern of patterns) {
      if (this.validPatterns.has(pattern)) continue;
      const probe = await this.connection.openTable(probeTable);
      try {
        await probe.query().where(`regexp_like('', ${sqlString(pattern)})`).limit(1).toArray();
      } catch (err) {
        const detail = regexParseDetail(err);
        if (detail !== undefined) throw new InvalidPatternError(pattern, detail);
        throw err;
      } finally {
        probe.close();
      }
      if (this.validPatterns.size >= VALID_PATTERN_CACHE) this.validPatterns.clear();
      this.validPatterns.add(pattern);
    }
  }

  /** Waits for background maintenance; `runDeferred` starts runs waiting out their spacing now. */
  idle(runDeferred: boolean): Promise<void> {
    return this.runner.drain(runDeferred);
  }

  close(): void {
    this.connection.close();
  }
}
