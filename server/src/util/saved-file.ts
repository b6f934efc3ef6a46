/**
 * Files a process saves whole and replaces whole (a collection's saved vectors and graph on a
 * local data directory): written to a temporary file beside the final one, fsynced, renamed
 * over it, and the directory fsynced, so a reader (or a restart after a crash) sees the old
 * file or the new one, never a mix. Replicas sharing a directory each write their own temporary
 * file (named by host and pid); one a process of this host that has exited left behind (killed
 * mid-save) is removed by the next save of the same file.
 *
 * Reads and writes go through node:fs/promises, on libuv's pool: the event loop only schedules them.
 */
import { randomUUID } from "node:crypto";
import { mkdir, open, readdir, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { deadLocalProcess, processTag } from "./local-process.js";

/**
 * Bytes per read or write call: large enough that a 1.5 GB file takes a few hundred calls, small
 * enough that one call does not hold a pool thread (which searches also use) for long.
 */
export const IO_PIECE = 16 * 1024 * 1024;

/**
 * Replaces `path` by what `write` writes into a fresh temporary file (atomically, see above).
 * A failure (of `write` or of the file system) leaves `path` as it was and no temporary file.
 */
export async function writeAtomically(path: string, write: (fh: FileHandle) => Promise<void>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await removeLeftovers(path);
  const tmp = `${path}.${processTag(randomUUID().slice(0, 8))}.tmp`;
  const fh = await open(tmp, "w");
  let renamed = false;
  try {
    await write(fh);
    await fh.sync();
    await fh.close();
    await rename(tmp, path);
    renamed = true;
    await syncDirectory(dirname(path));
  } finally {
    if (!renamed) {
      await fh.close().catch(() => undefined);
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  }
}

/**
 * Removes the temporary files of `path` that processes of this host which have exited left
 * mid-save: each may be as big as the file.
 */
async function removeLeftovers(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  for (const name of await readdir(dirname(path))) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    if (deadLocalProcess(name.slice(prefix.length, -".tmp".length))) await rm(join(dirname(path), name), { force: true });
  }
}

/**
 * Removes the saved file `path` (its collection is dropped) and the temporary files that exited
 * processes of this host left mid-save of it: no later save of a dropped collection's file would
 * remove those. A live process's temporary file stays (its own save renames or removes it). No
 * file, or no directory, is fine.
 */
export async function removeSavedFile(path: string): Promise<void> {
  await rm(path, { force: true });
  try {
    await removeLeftovers(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}

/**
 * Removes every saved file of `dir` (`<id><suffix>`) whose id `keep` refuses, and the temporary
 * files of exited processes beside them (a reset; an open: files of collections that are gone).
 * A missing directory is fine.
 */
export async function removeSavedFiles(dir: string, suffix: string, keep: (id: string) => boolean): Promise<void> {
  for (const name of await unkeptSavedFiles(dir, suffix, keep)) await rm(join(dir, name), { force: true });
}

/** The names removeSavedFiles would remove (none when `dir` is missing). */
export async function unkeptSavedFiles(dir: string, suffix: string, keep: (id: string) => boolean): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  return names.filter((name) => {
    const at = name.indexOf(suffix);
    if (at <= 0) return false;
    const id = name.slice(0, at);
    const rest = name.slice(at + suffix.length);
    const deadTemporary = rest.startsWith(".") && rest.endsWith(".tmp") && deadLocalProcess(rest.slice(1, -".tmp".length));
    return (rest === "" || deadTemporary) && !keep(id);
  });
}

/** Writes all of `bytes` at `position`, in pieces of at most IO_PIECE. */
export async function writeFully(fh: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await fh.write(bytes, done, Math.min(IO_PIECE, bytes.length - done), position + done);
    done += bytesWritten;
  }
}

/** Reads `bytes.length` bytes at `position`, in pieces of at most IO_PIECE; false when the file ends first. */
export async function readFully(fh: FileHandle, bytes: Uint8Array, position: number): Promise<boolean> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesRead } = await fh.read(bytes, done, Math.min(IO_PIECE, bytes.length - done), position + done);
    if (bytesRead === 0) return false;
    done += bytesRead;
  }
  return true;
}

/** The rename is durable once the directory is synced (where the platform allows it). */
async function syncDirectory(dir: string): Promise<void> {
  let fh: FileHandle | null = null;
  try {
    fh = await open(dir, "r");
    await fh.sync();
  } catch {
    // Some filesystems refuse fsync on a directory; the rename itself is still atomic.
  } finally {
    await fh?.close().catch(() => undefined);
  }
}
