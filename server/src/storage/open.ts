/**
 * The Storage we ship: the LanceDB connection and catalog (lance/), the memory the resident
 * collections share (memory/), and one composer per collection (collection.ts), created on
 * first use. Lifecycle that spans stores lives here: dropping a collection (catalog row, then
 * records), forking one (its lineage row, a copy-on-write table clone, then its catalog row:
 * lance/lineage.ts), dropping a database, reset and shutdown, each serialised with the
 * collection's own operations and its background maintenance (no native call on a table that is
 * being dropped).
 *
 * Several processes may serve one store (replicas, docs/scaling.md): writes of one key (the
 * catalog, or one collection) are made exclusive across them by write leases (lance/lease.ts),
 * and reads catch up with what the others committed, at most once per read-consistency interval.
 */
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { CollectionStore, type CollectionDeps, type CollectionSharing, type SavedGraphs } from "./collection.js";
import { CATALOG_LEASE, CATALOG_TABLES, LanceCatalog } from "./lance/catalog.js";
import { isObjectStoreUri, probeConditionalWrites } from "./lance/commit-probe.js";
import { LanceDatabase, type LanceOptions } from "./lance/database.js";
import { collectionOfGraphTable, dropSavedGraph, GraphStore } from "./lance/graph-store.js";
import { GraphFiles } from "./memory/graph-file.js";
import { LEASE_DEFAULTS, LeaseDroppedError, LeaseLostError, Leases, LeaseTimeoutError, type LeaseHooks, type LeaseOptions } from "./lance/lease.js";
import { LanceLineage, LINEAGE_TABLE } from "./lance/lineage.js";
import { LanceTable } from "./lance/table.js";
import type { IndexLog } from "./memory/graph-persistence.js";
import { trimSoon, tuneAllocator } from "./memory/process-memory.js";
import { Memory, type MemoryOptions } from "./memory/resident.js";
import { removeVectorFile } from "./memory/vector-file.js";
import { CollectionGoneError, WriteUnavailableError, type CollectionInfo, type IndexParams, type Storage } from "./storage.js";
import { Mutex } from "../util/mutex.js";
import { errorText } from "./error-text.js";
import { deadLocalProcess, processTag } from "../util/local-process.js";
import { removeSavedFiles, unkeptSavedFiles } from "../util/saved-file.js";
import { settlesWithin } from "../util/settles-within.js";

/** A pino-shaped logger (the server passes its own): loads, graphs, saves. */
export interface StorageLogger extends IndexLog {
  child(bindings: Record<string, unknown>): StorageLogger;
}

/** Sharing the store with other processes (docs/scaling.md). */
export interface ReplicationOptions {
  /**
   * Reads re-check LanceDB for what other processes committed at most this often (ms); a read
   * that starts this long after a commit sees it. 0: on every read. Default 1000.
   */
  readConsistencyIntervalMs?: number;
  /** This process in lease rows and messages (default: host and PID namespace, pid and a random suffix: util/local-process.ts processTag). */
  replica?: string;
  lease?: Partial<Omit<LeaseOptions, "replica">>;
  /**
   * Whether the store refuses a second PUT-if-absent (what makes concurrent commits safe);
   * probed at open for object-store URIs when not given, true for local paths.
   */
  conditionalWrites?: boolean;
}

export interface StorageOptions extends LanceOptions {
  /** Records in memory and vector search there; see docs/performance.md. */
  memory?: MemoryOptions;
  /** false: graphs are never saved (every open rebuilds them). */
  saveGraphs?: boolean;
  logger?: StorageLogger;
  replication?: ReplicationOptions;
  /**
   * How long close() waits for saves of graphs and vectors still under way (ms; default
   * DEFAULT_CLOSE_SAVE_WAIT_MS); a save still under way then is given up with a warning naming
   * its collection (no record is lost: they are all in LanceDB; the next start replays more).
   * The release of this process's write leases is bounded the same (others then wait the ttl).
   */
  closeSaveWaitMs?: number;
}

/**
 * Ample for a save at shutdown (~1-2 s per 100k x 384 records locally, some seconds more to an
 * object store) yet short of a supervisor's kill (systemd's default stop timeout is 90 s).
 */
export const DEFAULT_CLOSE_SAVE_WAIT_MS = 30_000;

const SILENT: StorageLogger = { info: () => undefined, warn: () => undefined, child: () => SILENT };

export const DEFAULT_READ_CONSISTENCY_INTERVAL_MS = 1000;

export interface OpenedStorage extends Storage {
  readonly catalog: LanceCatalog;
  collection(id: string, index: IndexParams): Promise<CollectionStore>;
  /** Runs due background maintenance now (including runs waiting out their spacing) and waits for it. */
  idle(): Promise<void>;
}

const CATALOG_NAMES = new Set<string>([...Object.values(CATALOG_TABLES), CATALOG_LEASE.table, LINEAGE_TABLE]);

const LEASE_SUFFIX = "-lease";

/** The lease table of a collection's records. */
export function collectionLeaseTable(id: string): string {
  return `${id}${LEASE_SUFFIX}`;
}

function isCollectionLeaseTable(name: string): boolean {
  return name.endsWith(LEASE_SUFFIX);
}

/**
 * Where a storage keeps collections' saved graphs and vectors: the one place that tells a local
 * data directory from an object store. Locally, files (`<data dir>/saved-graphs/<id>.hnsw`,
 * memory/graph-file.ts; `<data dir>/saved-vectors/<id>.vectors`, memory/vector-file.ts), read at
 * file speed on a restart; on an object store the graphs go in LanceDB tables (only its
 * connection knows how to reach the store, lance/graph-store.ts) and the vectors are read back
 * from the records. null: an object store.
 */
export function localSaves(uri: string): { graphsDir: string; vectorsDir: string; vectorFile(id: string): string } | null {
  if (isObjectStoreUri(uri)) return null;
  const root = resolve(/^file:/i.test(uri) ? fileURLToPath(uri) : uri);
  const vectorsDir = join(root, "saved-vectors");
  return { graphsDir: join(root, "saved-graphs"), vectorsDir, vectorFile: (id) => join(vectorsDir, `${id}.vectors`) };
}

export async function openStorage(uri: string, options: StorageOptions = {}): Promise<OpenedStorage> {
  tuneAllocator();
  // Writes leave garbage on V8's heap as well (request bodies, Arrow batches).
  const db = await LanceDatabase.connect(uri, options, () => trimSoon(true));
  const onWarning = options.memory?.onWarning ?? ((m: string) => console.warn(`chromaspec: ${m}`));
  const replication = options.replication ?? {};
  const warnUnconditional = () =>
    onWarning(
      `the object store at ${uri} does not refuse a second PUT-if-absent (no conditional writes): two processes committing to it at once would lose commits; run one process on it`,
    );
  if (replication.conditionalWrites === false) warnUnconditional();
  else if (replication.conditionalWrites === undefined && isObjectStoreUri(uri)) {
    // Seconds on an object store: in the background, so start-up does not wait for it.
    void probeConditionalWrites(db.connection).then(
      (probe) => !probe.conditionalWrites && warnUnconditional(),
      (err: unknown) => onWarning(`could not check whether ${uri} has conditional writes: ${errorText(err)}`),
    );
  }
  const leases = new Leases(db.connection, {
    ...LEASE_DEFAULTS,
    ...replication.lease,
    replica: replication.replica ?? processTag(randomUUID().slice(0, 8)),
    holderGone: deadLocalProcess,
    onError: (err, key, during) => onWarning(`${during} the write lease of ${key} failed: ${errorText(err)}`),
  });
  const interval = replication.readConsistencyIntervalMs ?? DEFAULT_READ_CONSISTENCY_INTERVAL_MS;
  const memory = Memory.open(options.memory);
  const catalog = await LanceCatalog.open(db.connection, db.runner, { leases, readConsistencyIntervalMs: interval });
  // The lineage is a catalog-side table: changed under the catalog's lease, re-read on acquiring it.
  const lineage = await LanceLineage.open(db.connection, db.runner, {
    exclusive: (task) => leases.ensure(CATALOG_LEASE.key, CATALOG_LEASE.table, catalog.hooks, task),
    heldHere: () => leases.heldHere(CATALOG_LEASE.key),
    readConsistencyIntervalMs: interval,
  });
  catalog.attach(lineage.hooks);
  const logger = options.logger ?? SILENT;
  const deps: CollectionDeps = {
    memory,
    graphs: memory?.graphs && options.saveGraphs !== false ? savedGraphs(db, options) : null,
    vectorFile: localSaves(db.uri)?.vectorFile ?? null,
    loads: new Mutex(),
    log: (collection) => logger.child({ collection }),
    onWarning,
  };
  const storage = new ComposedStorage(db, catalog, lineage, deps, leases, interval, options.closeSaveWaitMs ?? DEFAULT_CLOSE_SAVE_WAIT_MS);
  await storage.sweepUnfinishedForks().catch((err: unknown) => onWarning(`could not remove the leftovers of an interrupted fork: ${errorText(err)}`));
  await storage.sweepOrphanSaves().catch((err: unknown) => onWarning(`could not remove the saved graphs and vectors of dropped collections: ${errorText(err)}`));
  return storage;
}

/** Where graphs are saved (see localSaves). */
function savedGraphs(db: LanceDatabase, options: StorageOptions): SavedGraphs {
  const local = localSaves(db.uri);
  // Tables an earlier version saved locally are read until the collection's file is written.
  if (local) return new GraphFiles(local.graphsDir, new GraphStore(db.connection, options.retainVersionsMs));
  // Saves are written on a thread of their own (LanceDB's JS-side copies of a snapshot held the event loop).
  return new GraphStore(db.connection, options.retainVersionsMs, undefined, {
    uri: db.uri,
    storageOptions: options.storageOptions,
    indexCacheBytes: options.indexCacheBytes,
    metadataCacheBytes: options.metadataCacheBytes,
  });
}

class ComposedStorage implements OpenedStorage {
  private readonly collections = new Map<string, CollectionStore>();
  /** Drops in progress by collection id: the id is not reopened until its drop has finished. */
  private readonly drops = new Map<string, Promise<void>>();
  private closed = false;

  private readonly memory: Memory | null;

  constructor(
    private readonly db: LanceDatabase,
    readonly catalog: LanceCatalog,
    private readonly lineage: LanceLineage,
    private readonly deps: CollectionDeps,
    private readonly leases: Leases,
    private readonly readConsistencyIntervalMs: number,
    private readonly closeSaveWaitMs: number,
  ) {
    this.memory = deps.memory;
  }

  private readonly exists = (id: string) => this.catalog.hasCollection(id);
  /** Tables being forked right now by this process: their cleanup keeps every version meanwhile. */
  private readonly forking = new Map<string, number>();

  /** A collection's table; its cleanup keeps what the collection's copy-on-write forks read. */
  private table(id: string): LanceTable {
    return new LanceTable(id, this.db, async () => (this.forking.has(id) ? 0 : this.lineage.retainFrom(id, this.exists)));
  }

  exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    return leaseErrors(key, () => this.leases.hold(key, ...this.leaseOf(key), task));
  }

  /** Runs `task` under `key`'s write lease (at once inside a task of this process that holds it). */
  private underLease<T>(key: string, task: () => Promise<T>): Promise<T> {
    return leaseErrors(key, () => this.leases.ensure(key, ...this.leaseOf(key), task));
  }

  /** A key's lease table and what its acquisition does: the catalog's, or a collection's. */
  private leaseOf(key: string): [table: string, hooks: LeaseHooks] {
    return key === CATALOG_LEASE.key ? [CATALOG_LEASE.table, this.catalog.hooks] : [collectionLeaseTable(key), this.collectionHooks(key)];
  }

  /** What a collection's lease does on acquisition: fence the records table, catch memory up. */
  private collectionHooks(id: string): LeaseHooks {
    return {
      fence: async () => {
        const open = this.collections.get(id)?.lanceTable;
        if (open) return open.fence();
        const table = this.table(id);
        try {
          await table.fence();
        } finally {
          await table.close(false);
        }
      },
      refresh: async () => {
        await this.collections.get(id)?.catchUp(true);
      },
    };
  }

  /** How collection `id` shares its table with other processes. */
  private sharing(id: string): CollectionSharing {
    return {
      exclusive: (task) => this.underLease(id, task),
      heldHere: () => this.leases.heldHere(id),
      readConsistencyIntervalMs: this.readConsistencyIntervalMs,
    };
  }

  /**
   * The collection's records, caught up with other processes' commits as the read-consistency
   * interval requires (every record operation of the core starts here).
   */
  async collection(id: string, index: IndexParams): Promise<CollectionStore> {
    if (this.closed) throw new Error("storage is closed");
    const dropping = this.drops.get(id);
    if (dropping) await dropping.catch(() => undefined);
    // Records only for a collection the catalog has: a write racing a drop or a reset can
    // never leave an orphan table behind.
    if (!this.catalog.hasCollection(id)) throw new CollectionGoneError(id);
    let c = this.collections.get(id);
    if (!c) {
      c = new CollectionStore(id, this.table(id), index, this.deps, this.sharing(id));
      this.collections.set(id, c);
    } else {
      c.configure(index);
    }
    await c.fresh();
    return c;
  }

  /**
   * Removes the catalog row (a fork's lineage row is marked dropped first: it keeps counting),
   * then the records; the collection's key is marked dropped for every process. A table a fork
   * still reads stays (retained) until nothing needs it; ancestors retained only for this one go.
   */
  async dropCollection(id: string): Promise<void> {
    // Each under the catalog's lease on its own: a task holding the lease must not wait for the
    // catalog's write queue, which may itself be waiting for the lease (catalog.ts `kick`). A
    // collection that is no fork queues its removal at once (ops apply in the order they arrive).
    if (this.lineage.isFork(id)) await this.lineage.markDropped(id);
    await this.catalog.deleteCollection(id);
    await this.underLease(id, async () => {
      this.leases.markDropped(id);
      if (this.lineage.isNeeded(id, this.exists)) return this.closeRecords(id);
      await this.dropRecords(id);
      await this.dropUnneededAncestors(this.lineage.sourceOf(id));
    }).catch((err: unknown) => {
      // Dropped already (by another process, or an earlier attempt): its records went with it.
      if (!(err instanceof CollectionGoneError)) throw err;
    });
  }

  /**
   * Forks `sourceId` into `target` under the catalog's lease, then the source's (the order every
   * writer takes them in), so the fork holds exactly the writes acknowledged before it by any
   * process. The core calls it holding the catalog's lease already (as for every catalog change),
   * so nothing else of this process waits to commit to the catalog meanwhile. The lineage row
   * comes first (from then on no cleanup, in any process, removes the version cloned), then the
   * clone, then the catalog row that makes the fork visible. A failure in between undoes what was
   * done; a crash leaves a lineage row that `sweepUnfinishedForks` removes, with its clone, on the
   * next start.
   */
  async forkCollection(sourceId: string, target: CollectionInfo): Promise<void> {
    if (this.closed) throw new Error("storage is closed");
    await this.underLease(CATALOG_LEASE.key, () =>
      this.underLease(sourceId, async () => {
        if (!this.exists(sourceId)) throw new CollectionGoneError(sourceId);
        const open = this.collections.get(sourceId);
        const source = open?.lanceTable ?? this.table(sourceId);
        this.forking.set(sourceId, (this.forking.get(sourceId) ?? 0) + 1);
        try {
          const current = await source.currentVersion();
          await this.lineage.record({ source: sourceId, target: target.id, sourceVersion: current?.version ?? -1, sourceVersionMs: current?.timestampMs ?? 0 });
          try {
            if (current) await source.shallowClone(target.id, current.version);
            await this.catalog.createCollection(target);
          } catch (err) {
            await this.dropUnfinishedFork(target.id).catch(() => undefined);
            throw err;
          }
        } finally {
          if (!open) await source.close(false);
          const n = this.forking.get(sourceId)! - 1;
          if (n === 0) this.forking.delete(sourceId);
          else this.forking.set(sourceId, n);
        }
      }),
    );
  }

  async forkCount(id: string): Promise<number> {
    if (!this.exists(id)) throw new CollectionGoneError(id);
    return this.lineage.forkCount(id, this.exists);
  }

  /** Dropped ancestors' tables retained only for a table that is gone now go too. */
  private async dropUnneededAncestors(from: string | undefined): Promise<void> {
    for (let up = from; up !== undefined && !this.lineage.isNeeded(up, this.exists); up = this.lineage.sourceOf(up)) {
      await this.dropRecords(up);
    }
  }

  /** A fork that did not come about: its clone (if any), then its lineage row (and what only it kept). */
  private async dropUnfinishedFork(id: string): Promise<void> {
    const source = this.lineage.sourceOf(id);
    await new LanceTable(id, this.db).close(true);
    // Never opened, so nothing was saved for it; but the id's files go with it whatever left them.
    await this.dropSaved(id);
    await this.lineage.forget(id);
    await this.dropUnneededAncestors(source);
  }

  /**
   * Removes what interrupted forks left (a lineage row, maybe a clone; never a catalog row): on
   * open, under the catalog's lease, so no fork still under way in another process is mistaken
   * for one. Cheap when there is nothing to remove (no lease is taken).
   */
  async sweepUnfinishedForks(): Promise<void> {
    if (this.lineage.orphans(this.exists).length === 0) return;
    await this.underLease(CATALOG_LEASE.key, async () => {
      for (const id of this.lineage.orphans(this.exists)) await this.dropUnfinishedFork(id);
    });
  }

  async dropDatabase(tenant: string, name: string): Promise<void> {
    for (const c of await this.catalog.listCollections(tenant, name)) await this.dropCollection(c.id);
    await this.catalog.deleteDatabase(tenant, name);
  }

  /** Closes the collection's composer (if open), keeping its table (a fork still reads it). */
  private async closeRecords(id: string): Promise<void> {
    const c = this.collections.get(id);
    this.collections.delete(id);
    await c?.close(false);
    await this.dropSaved(id);
  }

  /**
   * A dropped collection's saved graph and vectors, wherever they may be (none saved by this
   * process is fine: an earlier run, or one that saved graphs elsewhere, may have).
   */
  private async dropSaved(id: string): Promise<void> {
    await dropSavedGraph(this.db.connection, id);
    const local = localSaves(this.db.uri);
    if (!local) return;
    await new GraphFiles(local.graphsDir).drop(id);
    await removeVectorFile(local.vectorFile(id));
  }

  /**
   * Removes the saved files of collections the catalog no longer has, at open. Another process
   * that was saving a collection while this one (or a third) dropped it renames its file into
   * place after the drop removed the old one; a crash mid-drop leaves files too. Whoever opens
   * the data directory next removes them, under the catalog's lease: the catalog is re-read on
   * taking it and no collection is created or dropped meanwhile, so no file of a live collection
   * (one another process created after this one first read the catalog) is taken for an orphan.
   * Cheap when there is nothing to remove (no lease is taken).
   */
  async sweepOrphanSaves(): Promise<void> {
    const local = localSaves(this.db.uri);
    if (!local) return;
    const found = async () =>
      (await new GraphFiles(local.graphsDir).sweepFinds(this.exists)) || (await unkeptSavedFiles(local.vectorsDir, ".vectors", this.exists)).length > 0;
    if (!(await found())) return;
    await this.underLease(CATALOG_LEASE.key, () => this.sweepSavedFiles());
  }

  /** Saved files of collections the catalog no longer has (a reset; what a crash mid-drop left). */
  private async sweepSavedFiles(): Promise<void> {
    const local = localSaves(this.db.uri);
    if (!local) return;
    await new GraphFiles(local.graphsDir).sweep(this.exists);
    await removeSavedFiles(local.vectorsDir, ".vectors", this.exists);
  }

  /**
   * Closes the collection's composer (if open) and drops its table: operations in flight and
   * maintenance finish first. A table never opened in this process is dropped by name.
   */
  private dropRecords(id: string): Promise<void> {
    const c = this.collections.get(id);
    this.collections.delete(id);
    const previous = this.drops.get(id) ?? Promise.resolve();
    const drop = previous
      .catch(() => undefined)
      .then(() => (c ? c.close(true) : this.table(id).close(true)))
      // Its saved graph goes with it (after close: no save is under way any more), also when
      // this process saves none (a graph an earlier run saved).
      .then(() => this.dropSaved(id))
      .finally(() => {
        if (this.drops.get(id) === drop) this.drops.delete(id);
      });
    this.drops.set(id, drop);
    return drop;
  }

  /**
   * The catalog is emptied first, so no collection can be opened again (nor a table created)
   * while the record tables are dropped; operations in flight on them finish first.
   */
  async reset(): Promise<void> {
    await this.catalog.clear();
    await this.lineage.clear();
    const tables = (await this.db.tableNames()).filter((n) => !CATALOG_NAMES.has(n));
    const leaseTables = tables.filter(isCollectionLeaseTable);
    // A graph table goes with its collection (dropRecords: once no save of it is under way),
    // never on its own while a save may be overwriting it.
    const names = new Set([...this.collections.keys(), ...tables.filter((n) => !isCollectionLeaseTable(n)).map((n) => collectionOfGraphTable(n) ?? n)]);
    await Promise.all([...names].map((id) => this.dropRecords(id)));
    await this.sweepSavedFiles();
    // The collections' leases (and tombstones) go too: nothing is left that they could guard.
    await this.leases.forget((key) => key !== CATALOG_LEASE.key);
    await Promise.all(leaseTables.map((name) => this.db.connection.dropTable(name).catch(() => undefined)));
  }

  async idle(): Promise<void> {
    await this.catalog.flush();
    await this.db.idle(true);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.catalog.flush();
    // Saves are waited for, within a bound (CollectionStore.close): a hung one must not hang the
    // shutdown, and giving one up loses no record. The catalog's flush above and below is not
    // bounded: those are acknowledged writes.
    const savesUntil = performance.now() + this.closeSaveWaitMs;
    await Promise.all([...this.collections.values()].map((c) => c.close(false, this.closeSaveWaitMs)));
    await Promise.allSettled(this.drops.values());
    this.collections.clear();
    // Every save has ended or been given up (the collections waited for theirs): the save
    // thread can stop, within what is left of the same bound.
    await this.deps.graphs?.close(Math.max(0, savesUntil - performance.now()));
    await this.catalog.flush();
    // Other replicas can take the keys at once instead of after the ttl. A courtesy, bounded like
    // the saves: a release that hangs (the store stopped answering) is given up, and the other
    // replicas take the keys over once the ttl has passed (lease.ts: a holder that stopped renewing).
    const released = this.leases.close();
    if (await settlesWithin(released, this.closeSaveWaitMs)) await released;
    else this.deps.onWarning(`shutting down: releasing this process's write leases was still under way after ${this.closeSaveWaitMs} ms; not waiting for it (other replicas take them over after the lease ttl)`);
    await this.catalog.close();
    await this.lineage.close();
    await this.db.idle(false);
    await this.memory?.close();
    this.db.close();
  }
}

/** Lease failures as the port names them. */
async function leaseErrors<T>(key: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (err) {
    if (err instanceof LeaseDroppedError) throw new CollectionGoneError(key);
    if (err instanceof LeaseTimeoutError) throw new WriteUnavailableError(`cannot write now: ${err.message}`, false);
    if (err instanceof LeaseLostError) throw new WriteUnavailableError(err.message, true);
    throw err;
  }
}
