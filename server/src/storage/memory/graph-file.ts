/**
 * Saved graphs as files on a local data directory (`<data dir>/saved-graphs/<collection id>.hnsw`),
 * beside the saved vectors (vector-file.ts). An object-store data directory keeps them in
 * LanceDB instead (lance/graph-store.ts); storage/open.ts decides which, by the URI.
 *
 * Why a file where the path allows one: the LanceDB table costs ~15-20 ns per byte on both
 * ends (Arrow encoding and copies on the save thread, LanceDB's page decoding on a restart):
 * a 1M x 384 graph (166 MB) took 18 s to read back on the busy 2-core machine, against well
 * under a second from a file (issue 14: restart targets).
 *
 * The file holds exactly the bytes the table would (graph-snapshot.ts: slot map, checksum, the
 * addon's checked graph bytes), so a file is checked as a table's bytes are: a damaged,
 * truncated or foreign file fails decodeSnapshot or the addon's restore and the graph is
 * rebuilt (logged); a file from another save than the vectors file beside it costs replays,
 * never a wrong answer (each slot is checked against LanceDB, graph-persistence.ts).
 *
 * A save replaces the file atomically (util/saved-file.ts) with writes on libuv's pool: the
 * event loop is not held (the graph's bytes are serialized on a pool thread too, a piece at a
 * time: saveStreamed).
 */
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { SnapshotPart } from "./graph-snapshot.js";
import { readFully, removeSavedFile, removeSavedFiles, unkeptSavedFiles, writeAtomically, writeFully } from "../../util/saved-file.js";

const SUFFIX = ".hnsw";
/**
 * A streamed save's buffer: big enough that the ~40 pieces of a 1M-node graph cost nothing
 * beside the write itself (each is one pool-thread hop to fill, one to write).
 */
export const PIECE_BYTES = 4 * 1024 * 1024;

/**
 * Where graphs saved by an earlier version of the server are (a LanceDB table per collection
 * on a local path, lance/graph-store.ts): read when a collection has no file yet, so an
 * upgrade does not rebuild every graph, moved into the file and dropped.
 */
export interface EarlierGraphs {
  read(collectionId: string): Promise<Uint8Array | null>;
  drop(collectionId: string): Promise<void>;
}

export class GraphFiles {
  /** Collections whose earlier-version table is known to be gone (dropped once per process). */
  private readonly earlierGone = new Set<string>();

  constructor(
    /** The directory of the files (`<data dir>/saved-graphs`). */
    readonly dir: string,
    private readonly earlier: EarlierGraphs | null = null,
  ) {}

  /** The file of a collection's saved graph. */
  path(collectionId: string): string {
    return join(this.dir, `${collectionId}${SUFFIX}`);
  }

  /** Replaces the collection's saved graph by `parts`, concatenated (atomically). */
  save(collectionId: string, parts: Uint8Array[]): Promise<void> {
    return this.saveStreamed(collectionId, parts);
  }

  /**
   * As save; a part given as PiecewiseBytes (a graph's, HnswGraph.bytes()) is read and written
   * a PIECE_BYTES range at a time through one buffer, so the save holds no second copy of the
   * graph: ~150 MB at 1M x 384, still resident when the bench read the server's RSS if a save
   * had just run (issue 14 item 6).
   */
  async saveStreamed(collectionId: string, parts: SnapshotPart[]): Promise<void> {
    await writeAtomically(this.path(collectionId), async (fh) => {
      let at = 0;
      let piece: Uint8Array | null = null;
      for (const p of parts) {
        if (p instanceof Uint8Array) {
          await writeFully(fh, p, at);
        } else {
          piece ??= new Uint8Array(Math.min(PIECE_BYTES, Math.max(p.length, 1)));
          for (let off = 0; off < p.length; off += piece.length) {
            const view = piece.subarray(0, Math.min(piece.length, p.length - off));
            await p.read(view, off);
            await writeFully(fh, view, at + off);
          }
        }
        at += p.length;
      }
    });
    if (this.earlier && !this.earlierGone.has(collectionId)) {
      // The file replaces it; a failure here only leaves a table nobody reads while the file is there.
      await this.earlier.drop(collectionId).catch(() => undefined);
      this.earlierGone.add(collectionId);
    }
  }

  /**
   * The saved graph's bytes (one ArrayBuffer of their own: the index hands it to the ANN worker
   * without a copy), or null if there is none. A file cut short is returned as far as it goes
   * (its own sizes reject it); read errors other than a missing file are thrown.
   */
  async read(collectionId: string): Promise<Uint8Array | null> {
    let fh: FileHandle;
    try {
      fh = await open(this.path(collectionId), "r");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      return this.readEarlier(collectionId);
    }
    try {
      const bytes = new Uint8Array((await fh.stat()).size);
      await readFully(fh, bytes, 0);
      return bytes;
    } finally {
      await fh.close().catch(() => undefined);
    }
  }

  /**
   * The graph an earlier version saved in a table, if any, moved into the collection's file at
   * once: a load that restores it changes nothing, so no save would follow for a long while,
   * and every restart until then would read the table again. (Not moved if the write fails:
   * the table is still read next time.)
   */
  private async readEarlier(collectionId: string): Promise<Uint8Array | null> {
    if (!this.earlier || this.earlierGone.has(collectionId)) return null;
    const bytes = await this.earlier.read(collectionId);
    if (!bytes) {
      this.earlierGone.add(collectionId);
      return null;
    }
    await this.save(collectionId, [bytes]).catch(() => undefined);
    return bytes;
  }

  /** Forgets the collection's saved graph (the collection is dropped): its file, and an earlier version's table. */
  async drop(collectionId: string): Promise<void> {
    await removeSavedFile(this.path(collectionId));
    await this.earlier?.drop(collectionId);
  }

  /** Removes the files of collections `keep` refuses (a reset), and dead processes' temporary files of them. */
  sweep(keep: (collectionId: string) => boolean): Promise<void> {
    return removeSavedFiles(this.dir, SUFFIX, keep);
  }

  /** Whether sweep(keep) would remove anything. */
  async sweepFinds(keep: (collectionId: string) => boolean): Promise<boolean> {
    return (await unkeptSavedFiles(this.dir, SUFFIX, keep)).length > 0;
  }

  /** Nothing runs in the background: saves are awaited by their callers. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
