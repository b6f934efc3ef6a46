/**
 * One collection = two stores + this composer.
 *
 * - LanceDB (lance/table.ts) is the source of truth: every record, durable, filterable.
 * - The resident copy (memory/resident.ts) holds every live record in process memory, so id
 *   lookups, counts and k-NN searches need no LanceDB round trip.
 *
 * The composer owns the write order: under one mutex per collection a write is prepared
 * (table, columns, seqs, room in memory), committed to LanceDB, and only then applied to memory,
 * by an apply that cannot run out of room (reserved before the commit). If anything fails from
 * the commit on (a LanceDB error whose outcome is unknown, an apply that throws), the resident
 * copy is dropped at once and reloaded from LanceDB; until it is back, LanceDB answers. So the
 * resident copy is never stale: it is either in step with LanceDB, or not used.
 *
 * The composer also picks the source of each read once, at its start (`inMemory()`): the
 * resident copy when it is in step, LanceDB otherwise. A read that awaits LanceDB midway (a
 * filter's candidates) checks afterwards that the copy it started with is still the one in use.
 *
 * Saved graphs: every write stamps its rows with a version (lance `stampVersion`); the resident
 * copy saves its graph beside the table (a file on a local path, memory/graph-file.ts, a LanceDB
 * table on an object store, lance/graph-store.ts) in the background and on a graceful close; a
 * load reads it back first, so only what was written since is replayed.
 *
 * Other processes may write the same table (replicas, docs/scaling.md). Writes then run under
 * the collection's write lease (`sharing.exclusive`), whose acquisition catches this process up
 * first; reads catch up when the read-consistency interval has passed (`catchUp`, called through
 * `fresh()` by storage/open.ts before handing the collection out). Catching up = LanceDB's
 * latest version vs the one the resident copy reflects (`syncedVersion`).
 */
import { parseJson, stringifyJson } from "../util/json.js";
import type { Memory, ResidentCollection, ResidentRecord } from "./memory/resident.js";
import { CHUNK_BITS } from "./memory/protocol.js";
import type { SlotStore } from "./memory/slots.js";
import type { IndexLog } from "./memory/graph-persistence.js";
import type { SnapshotPart } from "./memory/graph-snapshot.js";
import { VectorFile, writeVectorFile } from "./memory/vector-file.js";
import { Freshness } from "./lance/freshness.js";
import type { LanceTable, ScannedBatch } from "./lance/table.js";
import type { Mutex } from "../util/mutex.js";
import { settlesWithin } from "../util/settles-within.js";
import { TableClosedError } from "./lance/handle.js";
import {
  CollectionGoneError,
  InvalidPatternError,
  isIdsOnly,
  ResidentChangedError,
  type ResidentSearchView,
  type SparseTerms,
  type CollectionRecords,
  type IndexParams,
  type Metadata,
  type Neighbor,
  type Projection,
  type RecordFilter,
  type RecordView,
  type StoredRecord,
} from "./storage.js";
import { errorText } from "./error-text.js";

/**
 * Where saved graphs are kept: files on a local data directory (memory/graph-file.ts), a LanceDB
 * table per collection on an object store (lance/graph-store.ts); storage/open.ts picks one.
 */
export interface SavedGraphs {
  /** Replaces the collection's saved graph by `parts`, concatenated, at once for readers. */
  save(collectionId: string, parts: Uint8Array[]): Promise<void>;
  /** As save, reading parts given as PiecewiseBytes a piece at a time (files); absent: save only. */
  saveStreamed?(collectionId: string, parts: SnapshotPart[]): Promise<void>;
  /** The saved graph's bytes, or null if there is none; throws when it cannot be read. */
  read(collectionId: string): Promise<Uint8Array | null>;
  /** Forgets the collection's saved graph (no save of it may be under way). */
  drop(collectionId: string): Promise<void>;
  /**
   * After the last save: stops whatever the saves ran on. `waitMs` (shutdown): a save still
   * under way after that long is given up (resolves anyway); default: waits for it however long.
   */
  close(waitMs?: number): Promise<void>;
}

/** What every composer of one storage shares. */
export interface CollectionDeps {
  /** null: nothing is kept in memory, LanceDB answers everything. */
  memory: Memory | null;
  /** Where graphs are saved; null: nowhere (no graphs, or not wanted). */
  graphs: SavedGraphs | null;
  /**
   * The file a collection's vectors are saved in beside its graph (memory/vector-file.ts);
   * null: not saved (an object-store data directory: a restart reads them from LanceDB).
   */
  vectorFile: ((collectionId: string) => string) | null;
  /** One collection loads into memory at a time (start-up opens them all). */
  loads: Mutex;
  /** Loads and their graphs are reported here (the server's pino logger, per collection). */
  log(collectionId: string): IndexLog;
  onWarning(message: string): void;
}

/** Waits between attempts to load a collection that did not fit in memory: 1 s, doubling, at most 5 min. */
const RETRY_MIN_MS = 1000;
const RETRY_MAX_MS = 5 * 60_000;
/**
 * How long a search waits for a load under way before LanceDB answers it: the first half of a
 * load (ids, seqs, vectors) takes ~1 s per 100k x 384 records on 2 cores; a load slower than
 * this (a bigger collection, or one queued behind others) is not waited for.
 */
const LOAD_WAIT_MS = 30_000;
/** A read of ids alone. */
const NO_COLUMNS: Projection = { embeddings: false, documents: false, uris: false, metadatas: false };

/**
 * unloaded: not loaded yet; loading: being (re)loaded from LanceDB; absent: loaded, but no table
 * exists yet (the first write creates both); resident: in memory and in step; lance-only: kept
 * out of memory (disabled, or it failed to load and waits to try again).
 */
type State = "unloaded" | "loading" | "absent" | "resident" | "lance-only";

/** How a collection shares its table with other processes (storage/open.ts). */
export interface CollectionSharing {
  /** Runs a write as the only writer of the collection among all processes (at once when this process holds it). */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Whether a task of this process holds the collection's write lease now (nobody else can write). */
  heldHere(): boolean;
  /** Reads catch up with other processes' commits at most this often (ms; 0: every read). */
  readConsistencyIntervalMs: number;
}

export class CollectionStore implements CollectionRecords {
  private state: State = "unloaded";
  private resident: ResidentCollection | null = null;
  /**
   * Resident copies replaced or given up while a save of theirs may still be writing (the save
   * thread, the vectors file): close() waits for them, so a drop never races one of their saves
   * (the saved graph or vectors written again after the drop removed them, or a drop failing).
   */
  private readonly retired = new Set<Promise<void>>();
  private loading: Promise<void> | null = null;
  /** The second half of the last load (payloads), once started; it never rejects. */
  private payloads: Promise<void> | null = null;
  /** LanceDB's cached view (schema, next seq) must be re-read before the next write or load. */
  private lanceStale = false;
  private failures = 0;
  private retryAt = 0;
  private dropped = false;
  /** The table version the resident copy and LanceDB's cached view reflect (-1: unknown). */
  private syncedVersion = -1;
  private readonly freshness: Freshness;
  /** A read's catch-up only moved LanceDB's reader while a load ran: check again once it is done. */
  private checkedDuringLoad = false;

  private readonly memory: Memory | null;
  private readonly log: IndexLog;

  constructor(
    readonly id: string,
    private readonly lance: LanceTable,
    private params: IndexParams,
    private readonly deps: CollectionDeps,
    /** null: no other process writes this table. */
    private readonly sharing: CollectionSharing | null = null,
  ) {
    this.memory = deps.memory;
    this.log = deps.log(id);
    this.freshness = new Freshness(sharing?.readConsistencyIntervalMs ?? Infinity, () => this.catchUp(false));
    if (!this.memory) this.state = "lance-only";
    this.startLoad();
  }

  private onWarning(message: string): void {
    this.deps.onWarning(message);
  }

  /** The LanceDB side (the fence of a lease takeover runs on it). */
  get lanceTable(): LanceTable {
    return this.lance;
  }

  /**
   * Before a read: what other processes committed at least the read-consistency interval ago is
   * reflected. Nothing to do while this process holds the write lease.
   */
  fresh(): Promise<void> {
    if (!this.sharing || this.sharing.heldHere() || this.dropped) return Promise.resolve();
    return this.freshness.ensure();
  }

  /**
   * Brings this process up to the latest version of the table, whoever committed it: LanceDB's
   * cached view (schema, next seq) and the resident copy. `forWrite` (the write lease was just
   * acquired) also moves the writer handle, so the next commit builds on that version.
   */
  async catchUp(forWrite: boolean): Promise<void> {
    if (!forWrite && (this.state === "loading" || this.state === "unloaded")) {
      // A load is queued or running (it takes the mutex for as long as it lasts): reads go to
      // LanceDB meanwhile, so only its reader moves; the load may have read an older version, so
      // the first read after it checks again.
      this.checkedDuringLoad = true;
      await this.lance.followLatest();
      return;
    }
    await this.lance.mutex.run(async () => {
      if (this.dropped) return;
      if (forWrite) await this.lance.catchUpWriter();
      const latest = await this.lance.latestVersion();
      if (latest === this.syncedVersion) return;
      await this.lance.refresh();
      this.lanceStale = false;
      const memory = this.memory;
      // Not in memory (disabled, or waiting to retry), or a load is queued behind this (it reads the latest).
      if (!memory || this.state === "lance-only" || this.state === "loading" || this.state === "unloaded") {
        this.syncedVersion = latest;
        return;
      }
      // Only what changed is applied (versions that changed no record — compaction, index upkeep —
      // apply nothing); a rebuild, O(collection), is the fallback.
      if (this.state === "resident" && this.resident && (await this.applyNewer(this.resident))) {
        this.syncedVersion = latest;
        return;
      }
      await this.loadLocked(memory);
    });
  }

  /**
   * Brings the resident copy to LanceDB's latest version (just refreshed) by applying only what
   * changed: the records stamped above the highest version it holds, then — when LanceDB holds
   * fewer records than that leaves — the removal of ids LanceDB no longer has. True when the copy
   * ends exactly in step: same count, same highest seq, same highest version as LanceDB.
   *
   * Why the stamps find every change: a write stamps every row it writes above every version in
   * the table when its writer took the collection's lease (LanceTable.stampVersion, whose floor
   * `refresh` raises to the table's highest at acquisition), and writes of one collection are
   * serialised by that lease. So a row written since this copy was in step is stamped above every
   * surviving row the copy holds; one stamped lower (the copy's newest rows were deleted, and a
   * host's clock lags) leaves the copy's highest version below LanceDB's, which the final check
   * catches (false: the caller rebuilds). Everything is read before anything is applied, and then
   * applied without a pause, so no read sees half of another process's write.
   */
  private async applyNewer(mem: ResidentCollection): Promise<boolean> {
    const stored = await this.lance.contentStamp();
    if (!stored) return false;
    const inStep = (held: { count: number; highestSeq: number; highestVersion: number }) =>
      stored.count === held.count && stored.highestSeq === held.highestSeq && stored.highestVersion === held.highestVersion;
    const held = mem.contentStamp();
    if (inStep(held)) return true;
    const newer: ResidentRecord[] = [];
    await this.lance.scan((batch) => {
      for (const r of residentRecords(batch, this.params.sparseKeys)) if (!mem.holds(r.id, r.version)) newer.push(r);
    }, held.highestVersion);
    const added = new Set(newer.filter((r) => !mem.has(r.id)).map((r) => r.id)).size;
    const present = held.count + added > stored.count ? await this.lance.ids() : null;
    try {
      mem.reserve(added, this.lance.nextSeq);
      mem.put(newer);
      if (present) mem.remove(mem.slotsNotIn(present));
    } catch (err) {
      // Half applied (memory could not grow): LanceDB answers until a reload has finished.
      this.resynchronise(err);
      return true;
    }
    return inStep(mem.contentStamp());
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.sharing ? this.sharing.exclusive(task) : task();
  }

  /** Takes the latest search knob (the rest of the index parameters are fixed at creation). */
  configure(params: IndexParams): void {
    if (params.efSearch !== this.params.efSearch) {
      this.params = { ...this.params, efSearch: params.efSearch };
      this.resident?.setEfSearch(params.efSearch);
    }
    if (this.memory && this.state === "lance-only" && Date.now() >= this.retryAt) this.startLoad();
  }

  /** Which store answers reads right now (diagnostics, tests). */
  get source(): "memory" | "lance" {
    return this.inMemory() ? "memory" : "lance";
  }

  /** Runs LanceDB maintenance now (tests; normally it runs in the background). */
  optimize(): Promise<void> {
    return this.lance.optimize();
  }

  // ---- the source of reads ------------------------------------------------------------------

  /** The resident copy when it is in step with LanceDB; null: LanceDB answers. */
  private inMemory(): ResidentCollection | null {
    return this.dropped ? null : this.resident;
  }

  /** A LanceDB read; on a collection dropped meanwhile it answers `empty`. */
  private async fromLance<T>(read: () => Promise<T>, empty: T): Promise<T> {
    if (this.dropped) return empty;
    try {
      return await read();
    } catch (err) {
      if (err instanceof TableClosedError && this.dropped) return empty;
      throw err;
    }
  }

  /**
   * A search arriving while the resident copy loads waits for it, at most LOAD_WAIT_MS: an exact
   * scan inside LanceDB meanwhile takes seconds at 100k records and slows the load it competes
   * with for the cores. After a wait, what other processes committed during the load is caught
   * up with (as the next read would), so nothing acknowledged before this read is missed.
   */
  async loaded(): Promise<void> {
    const loading = this.loading;
    if (!loading || this.dropped) return;
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), LOAD_WAIT_MS);
    });
    const done = await Promise.race([loading.then(() => true), bound]);
    clearTimeout(timer);
    if (done) await this.fresh();
  }

  // ---- reads -----------------------------------------------------------------------------

  async count(): Promise<number> {
    const mem = this.inMemory();
    return mem ? mem.count : this.fromLance(() => this.lance.count(), 0);
  }

  async indexingStatus(): Promise<{ indexed: number; unindexed: number }> {
    const mem = this.inMemory();
    if (mem) return mem.status();
    const n = await this.count();
    // While loading into memory nothing is searchable through the index yet; otherwise every
    // search is an exact LanceDB scan, and nothing waits for indexing.
    return this.state === "loading" ? { indexed: 0, unindexed: n } : { indexed: n, unindexed: 0 };
  }

  async fetch(ids: string[]): Promise<StoredRecord[]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    const mem = this.inMemory();
    if (!mem) return this.fromLance(() => this.lance.fetch(unique), []);
    // Ids not in memory do not exist: the common add of fresh ids never reaches LanceDB.
    const { known, records, complete } = mem.records(unique);
    return complete ? records : this.fromLance(() => this.lance.fetch(known), []);
  }

  async find(filter: RecordFilter, page: { offset: number; limit?: number }, projection: Projection): Promise<RecordView[]> {
    // Patterns are checked as given, before any compiled SQL (which adds a flag) ever runs.
    await this.lance.validate(filter);
    if (page.limit !== undefined && page.limit <= 0) return [];
    const mem = this.inMemory();
    if (mem) {
      const views = isIdsOnly(filter) ? mem.views(filter.ids, page, projection) : mem.find(filter, page, projection);
      if (views) return views;
    }
    return this.fromLance(() => this.lance.find(filter, page, projection), []);
  }

  async nearest(queries: Float32Array[], k: number, filter: RecordFilter, projection: Projection): Promise<Neighbor[][]> {
    await this.lance.validate(filter);
    const none = queries.map((): Neighbor[] => []);
    if (queries.length === 0 || k <= 0) return none;
    await this.loaded();
    const mem = this.inMemory();
    if (mem) {
      const found = await this.nearestInMemory(mem, queries, k, filter, projection);
      if (found) return found;
    }
    return this.fromLance(() => this.lance.nearest(queries, k, this.params.space, filter, projection), none);
  }

  /**
   * k-NN from memory: a filter is evaluated over the resident copy (memory/record-filter.ts);
   * one memory declines (a regex, documents not held in memory) runs inside LanceDB, which answers
   * only the seqs of the matching records. Candidates are then ranked in memory. Undefined when
   * the resident copy was replaced meanwhile (then LanceDB answers).
   */
  private async nearestInMemory(
    mem: ResidentCollection,
    queries: Float32Array[],
    k: number,
    filter: RecordFilter,
    projection: Projection,
  ): Promise<Neighbor[][] | undefined> {
    let candidates: Int32Array | null = null;
    if (isIdsOnly(filter)) candidates = mem.slotsOfIds(filter.ids);
    else if (filter.where !== undefined || filter.whereDocument !== undefined) {
      candidates = mem.matchingSlots(filter);
      if (!candidates) {
        const seqs = await this.fromLance(() => this.lance.matchingSeqs(filter), new Float64Array(0));
        if (this.inMemory() !== mem) return undefined;
        candidates = seqs === null ? null : mem.slotsOfSeqs(seqs);
      }
    }
    if (candidates?.length === 0) return queries.map(() => []);
    const hits = await mem.search(queries, k, candidates);
    if (this.inMemory() !== mem) return undefined;
    const { neighbors, missing } = mem.neighbors(hits, projection);
    if (missing.size === 0) return neighbors;
    // Payloads that did not fit the memory budget (or records replaced meanwhile) come from LanceDB.
    const rows = new Map((await this.fromLance(() => this.lance.fetch([...missing]), [])).map((r) => [r.id, r]));
    return neighbors.map((list) =>
      list.flatMap((n) => {
        if (!missing.has(n.id)) return [n];
        const r = rows.get(n.id);
        // Deleted since the search ran: no longer a result.
        if (!r) return [];
        fillFrom(n, r, projection);
        return [n];
      }),
    );
  }

  /**
   * The Search API's view of the resident copy (null when LanceDB answers): its reads check that
   * the copy is still the one in use after every await, and throw ResidentChangedError if not.
   */
  searchView(): ResidentSearchView | null {
    const mem = this.inMemory();
    if (!mem) return null;
    const current = () => {
      if (this.inMemory() !== mem) throw new ResidentChangedError(this.id);
      return mem;
    };
    return {
      get count() {
        return current().count;
      },
      matching: async (filter) => {
        await this.lance.validate(filter);
        if (isIdsOnly(filter)) return current().seqsOfSlots(mem.slotsOfIds(filter.ids)).sort();
        const slots = current().matchingSlots(filter);
        if (slots) return mem.seqsOfSlots(slots).sort();
        const seqs = await this.fromLance(() => this.lance.matchingSeqs(filter), new Float64Array(0));
        // Only the records live in memory now: a record deleted since LanceDB answered is no candidate.
        return current().seqsInOrder(seqs === null ? null : seqs.sort(), 0, undefined);
      },
      inOrder: (seqs, offset, limit) => current().seqsInOrder(seqs, offset, limit),
      dense: async (query, k, seqs) => {
        const hits = await current().denseBySeq(query, k, seqs);
        current();
        return hits;
      },
      hasSparseIndex: (key) => current().hasSparseIndex(key),
      documentFrequency: (key, dimension) => current().documentFrequency(key, dimension),
      sparse: (key, query, k, seqs) => current().sparseBySeq(key, query, k, seqs),
      records: async (seqs, projection) => {
        const { views, missing } = current().viewsBySeq(seqs, projection);
        if (missing.size === 0) return views;
        // Payloads that did not fit the memory budget come from LanceDB.
        for (const r of await this.fromLance(() => this.lance.fetch([...missing.keys()]), [])) fillFrom(views.get(missing.get(r.id)!)!, r, projection);
        return views;
      },
    };
  }

  // ---- writes ----------------------------------------------------------------------------

  async write(records: StoredRecord[]): Promise<void> {
    if (records.length === 0) return;
    const batch = lastWins(records);
    await this.exclusive(() => this.lance.mutex.run(async () => {
      if (this.dropped) throw new CollectionGoneError(this.id);
      await this.refreshIfStale();
      // 1. Prepare: the table, its columns, seqs, room in memory. A failure here commits nothing.
      await this.lance.prepare(batch);
      if (this.state === "absent") this.startResident();
      let mem = this.resident;
      const { seqs, replaced } = mem ? mem.assignSeqs(batch, this.lance.nextSeq) : await this.lance.assignSeqs(batch);
      const version = this.lance.stampVersion();
      const metadataJson = batch.map((r) => (r.metadata ? stringifyJson(r.metadata) : null));
      if (mem) {
        const fresh = batch.length - replaced;
        try {
          mem.reserve(fresh, this.lance.nextSeq + fresh);
        } catch (err) {
          // It does not fit: LanceDB answers for this collection from now on (tried again later).
          this.leaveMemory(`keeping its records in memory failed, LanceDB answers for it: ${errorText(err)}`);
          mem = null;
        }
      }
      // 2. Commit to LanceDB. If it fails its outcome is unknown: both stores are re-read.
      try {
        await this.lance.commit({ records: batch, seqs, version, metadataJson, replaced });
      } catch (err) {
        this.resynchronise(err);
        throw err;
      }
      // 3. Apply to memory (room reserved above). Should it fail anyway, memory is reloaded.
      if (mem) {
        try {
          mem.put(batch.map((r, i) => residentRecord(r, seqs[i], version, metadataJson[i], this.params.sparseKeys)));
        } catch (err) {
          this.resynchronise(err);
          return;
        }
      }
      this.synced();
    }));
  }

  /** After this process's own commit, applied everywhere: nothing else can have been committed (the write lease is held). */
  private synced(): void {
    if (this.state !== "loading" && this.state !== "unloaded") this.syncedVersion = this.lance.committedVersion;
  }

  async delete(filter: RecordFilter, limit?: number): Promise<number> {
    await this.lance.validate(filter);
    return this.exclusive(() => this.lance.mutex.run(async () => {
      if (this.dropped) return 0;
      await this.refreshIfStale();
      if (limit !== undefined) {
        // Only the first `limit` matches in insertion order: those ids, found under the lock.
        if (limit <= 0) return 0;
        const first = await this.lance.find(filter, { offset: 0, limit }, NO_COLUMNS);
        if (first.length === 0) return 0;
        filter = { ids: first.map((r) => r.id) };
      }
      // Under the lock, the records matching now are exactly the ones the delete removes.
      const mem = this.resident;
      let slots: Int32Array | null = null;
      if (mem) {
        if (isIdsOnly(filter)) slots = mem.slotsOfIds(filter.ids);
        else {
          const seqs = await this.lance.matchingSeqs(filter);
          slots = seqs === null ? mem.liveSlots() : mem.slotsOfSeqs(seqs);
        }
      }
      let deleted: number;
      try {
        deleted = await this.lance.delete(filter);
      } catch (err) {
        // A rejected pattern is refused before anything changes; any other failure is unknown.
        if (!(err instanceof InvalidPatternError)) this.resynchronise(err);
        throw err;
      }
      if (mem && slots) {
        try {
          mem.remove(slots);
        } catch (err) {
          this.resynchronise(err);
          return deleted;
        }
      }
      this.synced();
      return deleted;
    }));
  }

  // ---- the resident copy ------------------------------------------------------------------

  /** A new table: its resident copy starts empty, in step. */
  private startResident(): void {
    if (!this.memory) return;
    this.resident = this.newResident(this.memory, this.lance.dimension);
    this.state = "resident";
  }

  private newResident(memory: Memory, dim: number): ResidentCollection {
    const graphs = this.deps.graphs;
    const vectorsAt = this.vectorsPath();
    const saver =
      graphs && memory.graphs
        ? {
            save: (parts: Uint8Array[]) => graphs.save(this.id, parts),
            ...(graphs.saveStreamed ? { saveStreamed: (parts: SnapshotPart[]) => graphs.saveStreamed!(this.id, parts) } : {}),
            ...(vectorsAt ? { saveVectors: (store: SlotStore) => writeVectorFile(vectorsAt, store, { collection: this.id }) } : {}),
          }
        : null;
    return memory.collection(dim, this.params, this.id, { graphs: saver, log: this.log });
  }

  /**
   * Loads the resident copy from LanceDB (after other collections' loads: one at a time),
   * holding the write mutex; reads use LanceDB meanwhile. The saved graph is read first, so
   * the records go back to its slots and only what changed since is indexed again.
   */
  private startLoad(): void {
    const memory = this.memory;
    if (!memory || this.loading || this.dropped) return;
    this.state = "loading";
    this.loading = this.deps.loads
      .run(() => this.lance.mutex.run(() => this.loadLocked(memory)))
      .catch((err: unknown) => this.leaveMemory(`loading its records into memory failed, LanceDB answers for it: ${errorText(err)}`))
      .finally(() => {
        this.loading = null;
      });
  }

  /**
   * (Re)builds the resident copy from the latest version of the table (its saved graph first);
   * the caller holds the write mutex. Until it is done, reads use the copy they had (or LanceDB).
   */
  private async loadLocked(memory: Memory): Promise<void> {
    // (Re)checks for the table (another process may have created it) and moves to its latest version.
    const version = await this.lance.latestVersion();
    if (this.dropped) return;
    // LanceDB's cached view is re-read from it, whatever a failed write left (refreshIfStale's job).
    await this.lance.refresh();
    this.lanceStale = false;
    const dim = this.lance.dimension;
    if (dim === 0) {
      this.state = "absent";
      this.syncedVersion = version;
      return;
    }
    const started = performance.now();
    // Seconds each step of the load took (the log line below: where a restart's time goes).
    const steps: Record<string, number> = {};
    let stepStart = started;
    const step = (name: string) => {
      const now = performance.now();
      steps[name] = Math.round(now - stepStart) / 1000;
      stepStart = now;
    };
    const saved = await this.savedGraph(memory);
    step("graphRead");
    // What searches need comes first; payloads follow once the copy answers (startPayloads).
    // Sparse indexes are built from the metadata, so a collection with any loads it all at once.
    const payloadsLater = !this.params.sparseKeys?.length;
    const file = payloadsLater ? await this.savedVectors(dim) : null;
    step("vectorsOpened");
    let mem = this.newResident(memory, dim);
    let graph: string;
    let vectors: { fromFile: number; fromLance: number } | undefined;
    try {
      if (file) {
        // The vectors from the saved file; from LanceDB only the keys, and the vectors it lacks.
        mem.beginLoad(saved.bytes, saved.whyNone, file);
        step("layout");
        await mem.readSavedVectors();
        step("vectorsRead");
        await this.lance.scanKeys((batch) => mem.loadKeys(batch));
        step("keys");
        const floor = mem.missingFloor();
        if (floor !== null) await this.lance.scanVectors((batch) => mem.loadVectors(batch), floor);
        step("vectorsFromLance");
        const sources = mem.vectorSources()!;
        if (sources.missing > 0) {
          // Rows named by the keys' read were gone by the vectors' (another process wrote
          // between the two): the whole load again, from one read.
          this.log.warn({ missing: sources.missing }, "the table changed while its saved vectors loaded; loading them from LanceDB");
          mem.close();
          mem = this.newResident(memory, dim);
        } else {
          if (sources.damagedChunks > 0) this.log.warn({ chunks: sources.damagedChunks }, "some of the saved vectors are damaged; those were loaded from LanceDB");
          vectors = { fromFile: sources.fromFile, fromLance: mem.count - sources.fromFile };
        }
      }
      if (!vectors) {
        mem.beginLoad(saved.bytes, saved.whyNone);
        step("layout");
        if (payloadsLater) await this.lance.scanVectors((batch) => mem.loadVectors(batch));
        else await this.lance.scan((batch) => mem.load(residentRecords(batch, this.params.sparseKeys)));
        step("records");
      }
      graph = mem.finishLoad().graph;
      step("graphStarted");
    } catch (err) {
      mem.close();
      throw err;
    } finally {
      await file?.close().catch(() => undefined);
    }
    if (this.dropped) return mem.close();
    const previous = this.resident;
    this.resident = mem;
    this.retire(previous);
    this.state = "resident";
    this.syncedVersion = version;
    this.failures = 0;
    if (this.checkedDuringLoad) {
      this.checkedDuringLoad = false;
      this.freshness.invalidate();
    }
    this.log.info({ records: mem.count, seconds: Math.round(performance.now() - started) / 1000, graph, vectors, payloads: payloadsLater ? "next" : "loaded", steps }, "collection loaded into memory");
    if (payloadsLater) this.startPayloads(mem, 0);
  }

  /**
   * The second half of a load: documents, uris and metadata into the resident copy, which
   * answers searches meanwhile (payloads from LanceDB, filters evaluated by LanceDB). It runs
   * after the loads queued before it (other collections' vectors first) and without the write
   * mutex: writes go on, and rows of records they replace are skipped (loadPayloads). A failure
   * leaves the copy as it was (answers stay exact) and is tried again after a growing wait.
   */
  private startPayloads(mem: ResidentCollection, failures: number): void {
    const current = () => this.resident === mem && !this.dropped;
    this.payloads = this.deps.loads
      .run(async () => {
        if (!current()) return;
        const started = performance.now();
        await this.lance.scanPayloads((batch) => {
          if (current()) mem.loadPayloads(batch);
        });
        if (!current()) return;
        mem.payloadsLoaded();
        this.log.info({ records: mem.count, seconds: Math.round(performance.now() - started) / 1000 }, "collection's documents and metadata loaded into memory");
      })
      .catch((err: unknown) => {
        if (!current()) return;
        const wait = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** failures);
        this.onWarning(`collection table ${this.id}: loading its documents and metadata into memory failed (LanceDB answers for them; trying again in ${wait / 1000} s): ${errorText(err)}`);
        setTimeout(() => this.startPayloads(mem, failures + 1), wait).unref();
      });
  }

  /** Resolves once a load in progress has finished, payloads included (tests, benchmarks). */
  async ready(): Promise<void> {
    await this.loading;
    await this.payloads;
  }

  /** The collection's saved graph, or why there is none (then the graph is rebuilt). */
  private async savedGraph(memory: Memory): Promise<{ bytes: Uint8Array | null; whyNone?: string }> {
    if (!this.deps.graphs || !memory.graphs) return { bytes: null, whyNone: "graphs are not saved" };
    try {
      return { bytes: await this.deps.graphs.read(this.id) };
    } catch (err) {
      return { bytes: null, whyNone: `the saved graph could not be read: ${errorText(err)}` };
    }
  }

  /** The file this collection's vectors are saved in (null: none, see CollectionDeps). */
  private vectorsPath(): string | null {
    return this.deps.graphs && this.deps.vectorFile && !this.params.sparseKeys?.length ? this.deps.vectorFile(this.id) : null;
  }

  /**
   * The collection's saved vectors file, opened and checked, or null (none, or unusable: logged;
   * then LanceDB's vector column is read as a whole).
   */
  private async savedVectors(dim: number): Promise<VectorFile | null> {
    const path = this.vectorsPath();
    if (!path) return null;
    try {
      const file = await VectorFile.open(path, { collection: this.id, dim, chunkBits: CHUNK_BITS });
      if (!file) this.log.info({}, "no saved vectors; loading them from LanceDB");
      return file;
    } catch (err) {
      this.log.warn({ reason: errorText(err) }, "the saved vectors cannot be used; loading them from LanceDB");
      return null;
    }
  }

  /** Stops using the resident copy; loading is tried again after a growing wait. */
  private leaveMemory(reason: string): void {
    this.retire(this.resident);
    this.resident = null;
    if (this.dropped) return;
    this.state = "lance-only";
    this.retryAt = Date.now() + Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** this.failures++);
    this.onWarning(`collection table ${this.id}: ${reason}`);
  }

  /**
   * Something failed between the LanceDB commit and the memory apply: the resident copy is
   * dropped at once (LanceDB answers) and reloaded after the current write; LanceDB's cached
   * view is re-read first.
   */
  private resynchronise(err: unknown): void {
    this.lanceStale = true;
    const had = this.resident !== null || this.state === "absent";
    this.retire(this.resident);
    this.resident = null;
    if (this.dropped || !this.memory) return;
    if (had) this.onWarning(`collection table ${this.id}: a change could not be applied (${errorText(err)}); reloading it from LanceDB`);
    this.state = "unloaded";
    this.startLoad();
  }

  private async refreshIfStale(): Promise<void> {
    if (!this.lanceStale) return;
    // The reader moves to the latest version (a failed commit may have landed); the writer stays
    // where the lease left it, plus its own commits.
    await this.lance.latestVersion();
    await this.lance.refresh();
    this.lanceStale = false;
  }

  // ---- lifecycle --------------------------------------------------------------------------

  /**
   * Closes the collection (and with `drop` removes its table): reads answer empty from now on,
   * writes are refused; the native table is closed only after every call in flight and any
   * maintenance run has finished. `saveWaitMs` (a shutdown only: never when the saved files are
   * dropped next): how long the saves of its graph and vectors are waited for (ms); a save still
   * under way then is given up, with a warning naming the collection. Default: no bound.
   */
  async close(drop: boolean, saveWaitMs = Infinity): Promise<void> {
    this.dropped = true;
    await this.lance.close(drop);
    const mem = this.resident;
    this.resident = null;
    const saves = (async () => {
      // A graceful close saves the graph as it is, so the next start replays nothing.
      if (mem && !drop) await mem.saveNow();
      mem?.close();
      // No save may still be writing when the caller drops the saved graph: this copy's, nor one
      // of a copy replaced earlier.
      await mem?.settled();
      await Promise.all(this.retired);
    })();
    if (drop || saveWaitMs === Infinity) return saves;
    // A save that hangs (an object store that stops answering) must not hang the shutdown. A
    // save is no acknowledged write: every record is in LanceDB already, so giving it up loses
    // nothing but restart speed (the next start replays the changes the save would have
    // covered, or rebuilds the graph). Saves are atomic (a rename, a table version): a save
    // cut off by the process's exit leaves the previous one readable.
    if (await settlesWithin(saves, saveWaitMs)) return saves;
    // No further save starts (the graph is saved as of the last save that finished).
    mem?.close();
    this.deps.onWarning(
      `shutting down: a save of collection ${this.id}'s graph or vectors was still under way after ${saveWaitMs} ms; not waiting for it (its records are all in LanceDB: the next start replays or rebuilds what the save would have spared)`,
    );
  }

  /** Closes a resident copy that is no longer used; close() waits for a save of it under way. */
  private retire(mem: ResidentCollection | null): void {
    if (!mem) return;
    mem.close();
    // settled() never rejects (a failed save is logged by the index).
    const settled = mem.settled();
    this.retired.add(settled);
    void settled.finally(() => this.retired.delete(settled));
  }
}

/** A view's projected columns from the record LanceDB returned (the embedding only where memory had none). */
function fillFrom(view: RecordView, r: StoredRecord, projection: Projection): void {
  if (projection.embeddings) view.embedding ??= r.embedding;
  if (projection.documents) view.document = r.document;
  if (projection.uris) view.uri = r.uri;
  if (projection.metadatas) view.metadata = r.metadata;
}

/** One record per id (the last one given), at the position of the id's first occurrence. */
function lastWins(records: StoredRecord[]): StoredRecord[] {
  const seen = new Map<string, number>();
  const out: StoredRecord[] = [];
  for (const r of records) {
    const at = seen.get(r.id);
    if (at === undefined) {
      seen.set(r.id, out.length);
      out.push(r);
    } else {
      out[at] = r;
    }
  }
  return out;
}

function residentRecord(r: StoredRecord, seq: number, version: number, metadataJson: string | null, sparseKeys: readonly string[] | undefined): ResidentRecord {
  return {
    id: r.id,
    seq,
    version,
    vector: r.embedding,
    payload: { document: r.document, uri: r.uri, metadataJson },
    metadata: r.metadata,
    ...(sparseKeys?.length ? { sparse: sparseTerms(r.metadata, sparseKeys) } : {}),
  };
}

function residentRecords(b: ScannedBatch, sparseKeys: readonly string[] | undefined): ResidentRecord[] {
  const out: ResidentRecord[] = new Array(b.ids.length);
  for (let i = 0; i < out.length; i++) {
    const metadataJson = b.metadataJson[i];
    out[i] = { id: b.ids[i], seq: b.seqs[i], version: b.versions[i], vector: b.vectors[i], payload: { document: b.documents[i], uri: b.uris[i], metadataJson } };
    // The sparse vectors live in the metadata: parsed here only for collections that index them,
    // and handed on with the record, so the resident copy does not parse the same text again.
    if (sparseKeys?.length && metadataJson !== null) {
      const metadata = parseJson(metadataJson) as Metadata;
      out[i].metadata = metadata;
      out[i].sparse = sparseTerms(metadata, sparseKeys);
    }
  }
  return out;
}

/** The sparse vectors a record carries on the indexed keys (values that are not one are skipped). */
function sparseTerms(metadata: Record<string, unknown> | null, keys: readonly string[]): Map<string, SparseTerms> {
  const out = new Map<string, SparseTerms>();
  if (!metadata) return out;
  for (const key of keys) {
    const v = metadata[key] as { indices?: unknown; values?: unknown } | undefined;
    if (v && typeof v === "object" && Array.isArray(v.indices) && Array.isArray(v.values)) out.set(key, { indices: v.indices as number[], values: v.values as number[] });
  }
  return out;
}
