/**
 * The Storage we ship: the LanceDB connection and catalog (lance/), the memory the resident
 * collections share (memory/), and one composer per collection (collection.ts), created on
 * first use. Lifecycle that spans stores lives here: dropping a collection (catalog row, then
 * records), dropping a database, reset and shutdown, each serialised with the collection's own
 * operations and its background maintenance (no native call on a table that is being dropped).
 */
import { CollectionStore, type CollectionDeps } from "./collection.js";
import { CATALOG_TABLES, LanceCatalog } from "./lance/catalog.js";
import { LanceDatabase, type LanceOptions } from "./lance/database.js";
import { collectionOfGraphTable, dropSavedGraph, GraphStore } from "./lance/graph-store.js";
import { LanceTable } from "./lance/table.js";
import type { IndexLog } from "./memory/graph-persistence.js";
import { trimSoon, tuneAllocator } from "./memory/process-memory.js";
import { Memory, type MemoryOptions } from "./memory/resident.js";
import { CollectionGoneError, type IndexParams, type Storage } from "./storage.js";
import { Mutex } from "../util/mutex.js";

/** A pino-shaped logger (the server passes its own): loads, graphs, saves. */
export interface StorageLogger extends IndexLog {
  child(bindings: Record<string, unknown>): StorageLogger;
}

export interface StorageOptions extends LanceOptions {
  /** Records in memory and vector search there; see docs/performance.md. */
  memory?: MemoryOptions;
  /** false: graphs are never saved (every open rebuilds them). */
  saveGraphs?: boolean;
  logger?: StorageLogger;
}

const SILENT: StorageLogger = { info: () => undefined, warn: () => undefined, child: () => SILENT };

export interface OpenedStorage extends Storage {
  readonly catalog: LanceCatalog;
  collection(id: string, index: IndexParams): Promise<CollectionStore>;
  /** Runs due background maintenance now (including runs waiting out their spacing) and waits for it. */
  idle(): Promise<void>;
}

const CATALOG_NAMES = new Set<string>(Object.values(CATALOG_TABLES));

export async function openStorage(uri: string, options: StorageOptions = {}): Promise<OpenedStorage> {
  tuneAllocator();
  const db = await LanceDatabase.connect(uri, options, trimSoon);
  const memory = Memory.open(options.memory);
  const catalog = await LanceCatalog.open(db.connection, db.runner);
  const logger = options.logger ?? SILENT;
  const deps: CollectionDeps = {
    memory,
    graphs: memory?.graphs && options.saveGraphs !== false ? new GraphStore(db.connection, options.retainVersionsMs) : null,
    loads: new Mutex(),
    log: (collection) => logger.child({ collection }),
    onWarning: options.memory?.onWarning ?? ((m) => console.warn(`chromaspec: ${m}`)),
  };
  return new ComposedStorage(db, catalog, deps);
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
    private readonly deps: CollectionDeps,
  ) {
    this.memory = deps.memory;
  }

  async collection(id: string, index: IndexParams): Promise<CollectionStore> {
    if (this.closed) throw new Error("storage is closed");
    const dropping = this.drops.get(id);
    if (dropping) await dropping.catch(() => undefined);
    // Records only for a collection the catalog has: a write racing a drop or a reset can
    // never leave an orphan table behind.
    if (!this.catalog.hasCollection(id)) throw new CollectionGoneError(id);
    let c = this.collections.get(id);
    if (!c) {
      c = new CollectionStore(id, new LanceTable(id, this.db), index, this.deps);
      this.collections.set(id, c);
    } else {
      c.configure(index);
    }
    return c;
  }

  async dropCollection(id: string): Promise<void> {
    await this.catalog.deleteCollection(id);
    await this.dropRecords(id);
  }

  async dropDatabase(tenant: string, name: string): Promise<void> {
    for (const c of await this.catalog.listCollections(tenant, name)) await this.dropCollection(c.id);
    await this.catalog.deleteDatabase(tenant, name);
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
      .then(() => (c ? c.close(true) : new LanceTable(id, this.db).close(true)))
      // Its saved graph goes with it (after close: no save is under way any more), also when
      // this process saves none (a graph an earlier run saved).
      .then(() => dropSavedGraph(this.db.connection, id))
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
    const tables = (await this.db.tableNames()).filter((n) => !CATALOG_NAMES.has(n));
    // A graph table goes with its collection (dropRecords: once no save of it is under way),
    // never on its own while a save may be overwriting it.
    const names = new Set([...this.collections.keys(), ...tables.map((n) => collectionOfGraphTable(n) ?? n)]);
    await Promise.all([...names].map((id) => this.dropRecords(id)));
  }

  async idle(): Promise<void> {
    await this.catalog.flush();
    await this.db.idle(true);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.catalog.flush();
    await Promise.all([...this.collections.values()].map((c) => c.close(false)));
    await Promise.allSettled(this.drops.values());
    this.collections.clear();
    await this.catalog.close();
    await this.db.idle(false);
    await this.memory?.close();
    this.db.close();
  }
}
