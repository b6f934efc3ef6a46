/**
 * Checks made before the server creates anything: that the data path can be used and that the
 * address and port can be bound. Each failure is a StartupError whose message is the one line the
 * CLI prints: what is wrong, with which path or port, and how to fix it. (Without these checks a
 * bad path surfaced as LanceDB's native error dump, a read-only directory started and then failed
 * every write, and a port in use was reported only after the data directory had been created.)
 */
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, open, readdir, stat, unlink } from "node:fs/promises";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** A start-up condition the user has to fix; the message is complete and fits on one line. */
export class StartupError extends Error {
  override readonly name = "StartupError";
}

/** Object-store URIs (s3://, gs://, az://, ...) are LanceDB's to check; file:// is a local path. */
export function localPathOf(path: string): string | null {
  if (path.startsWith("file://")) return fileURLToPath(path);
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? null : resolve(path);
}

function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on device";
    case "EDQUOT":
      return "disk quota exceeded";
    default:
      return code ?? (err as Error).message;
  }
}

/**
 * Creates and removes a file in `dir`: the only test of writability that also holds for root (who
 * passes every permission check) on a read-only mount, for ACLs, and for full disks.
 */
async function probeWritable(dir: string): Promise<string | null> {
  const probe = resolve(dir, `.chromaspec-write-test-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    const handle = await open(probe, "wx");
    try {
      await handle.write("ok");
    } finally {
      await handle.close();
    }
    await unlink(probe);
    return null;
  } catch (err) {
    await unlink(probe).catch(() => undefined);
    return reasonOf(err);
  }
}

const FIX_PATH = "choose another --path (persist_path)";

/** The data path exists as a readable, writable directory, or can be created as one. */
export async function checkDataPath(path: string): Promise<void> {
  const local = localPathOf(path);
  if (local === null) return;
  let info;
  try {
    info = await stat(local);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw new StartupError(`data path ${local} cannot be examined (${reasonOf(err)}): fix its permissions or ${FIX_PATH}`);
  }
  if (info) {
    if (!info.isDirectory()) throw new StartupError(`data path ${local} is a file, not a directory: ${FIX_PATH}`);
    try {
      await readdir(local);
      await access(local, constants.R_OK | constants.X_OK);
    } catch (err) {
      throw new StartupError(`data directory ${local} cannot be read (${reasonOf(err)}): fix its permissions or ${FIX_PATH}`);
    }
    const notWritable = await probeWritable(local);
    if (notWritable) throw new StartupError(`data directory ${local} is not writable (${notWritable}): fix its permissions or ${FIX_PATH}`);
    return;
  }
  // It will be created (only the last component: LanceDB does not create parents we would not
  // notice): its parent must be an existing, writable directory.
  const parent = dirname(local);
  const cannot = `data path ${local} cannot be created:`;
  for (let at = parent; ; at = dirname(at)) {
    let found;
    try {
      found = await stat(at);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code === "ENOENT" || code === "ENOTDIR") && dirname(at) !== at) continue;
      throw new StartupError(`${cannot} ${at} cannot be examined (${reasonOf(err)}); ${FIX_PATH}`);
    }
    if (!found.isDirectory()) throw new StartupError(`${cannot} ${at === parent ? "its parent " : ""}${at} is a file, not a directory; ${FIX_PATH}`);
    if (at !== parent) throw new StartupError(`${cannot} its parent directory ${parent} does not exist; create it (mkdir -p ${parent}) or ${FIX_PATH}`);
    break;
  }
  const notWritable = await probeWritable(parent);
  if (notWritable) throw new StartupError(`${cannot} its parent directory ${parent} is not writable (${notWritable}); fix its permissions or ${FIX_PATH}`);
}

/** Why `host:port` cannot be listened on, as the line the CLI prints. */
export function listenFailure(err: unknown, host: string, port: number): StartupError {
  const code = (err as NodeJS.ErrnoException).code;
  const where = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  switch (code) {
    case "EADDRINUSE":
      return new StartupError(`port ${port} is already in use on ${host}: stop the process using it or choose another --port (port)`);
    case "EACCES":
    case "EPERM":
      return new StartupError(`not allowed to listen on ${where} (ports below 1024 need privileges): choose a port above 1023 with --port (port)`);
    case "EADDRNOTAVAIL":
      return new StartupError(`address ${host} is not an address of this machine: choose another --host (listen_address), e.g. 127.0.0.1 or 0.0.0.0`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_NONAME":
      return new StartupError(`host name ${host} cannot be resolved: choose another --host (listen_address), e.g. 127.0.0.1 or 0.0.0.0`);
    default:
      return new StartupError(`cannot listen on ${where} (${code ?? (err as Error).message}): choose another --host or --port`);
  }
}

/** Binds and releases `host:port` (port 0 = any free port: nothing to check). */
export async function checkPort(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((done, reject) => {
    const server = createServer();
    server.once("error", (err) => reject(listenFailure(err, host, port)));
    server.listen({ host, port, exclusive: true }, () => server.close(() => done()));
  });
}
