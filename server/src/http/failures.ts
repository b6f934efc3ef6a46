/**
 * Failures that are not the request's fault: anything a handler throws that is not one of the
 * core's ChromaErrors. Two kinds:
 *  - storage failures (the disk is read-only or full, permissions changed, data files vanished,
 *    the object store is unreachable): 503 {"error": "ChromaError"}, upstream's name and status for
 *    ErrorCodes::Unavailable (rust/error/src/lib.rs); retrying later may succeed;
 *  - anything else (a bug): 500 {"error": "InternalError"}.
 * The answer says what kind of failure it was and the trace id, never the raw error text (which
 * carries internal paths and native-library source locations). The detail goes to the server log,
 * once per kind of failure per minute, so a read-only disk under load does not flood the log; the
 * request log still has one line per failed request, with its trace id.
 */
import type { Logger } from "pino";

export interface Failure {
  status: 500 | 503;
  error: "ChromaError" | "InternalError";
  message: string;
  /** What went wrong, in a few words (also the log line's key). */
  kind: string;
}

/** errno codes (Node's fs and net) and the storage condition each means. */
const ERRNO: Record<string, string> = {
  EACCES: "permission denied on the data directory",
  EPERM: "permission denied on the data directory",
  EROFS: "the data directory is on a read-only file system",
  ENOSPC: "no space left on the data directory's device",
  EDQUOT: "disk quota exceeded on the data directory's device",
  EIO: "I/O error on the data directory's device",
  EMFILE: "too many open files",
  ENFILE: "too many open files",
  ENOENT: "data files are missing from the data directory",
  ECONNREFUSED: "the object store refused the connection",
  ECONNRESET: "the object store closed the connection",
  ETIMEDOUT: "the object store timed out",
  ENOTFOUND: "the object store's host cannot be resolved",
  EAI_AGAIN: "the object store's host cannot be resolved",
};

/**
 * The same conditions as LanceDB (Rust: std::io and object_store errors) words them. Its errors are
 * plain Errors whose text ends in "(os error N)" for I/O failures.
 */
const NATIVE: [RegExp, string][] = [
  [/\(os error 13\)|permission denied/i, ERRNO.EACCES],
  [/\(os error 1\)|operation not permitted/i, ERRNO.EPERM],
  [/\(os error 30\)|read-only file system/i, ERRNO.EROFS],
  [/\(os error 28\)|no space left on device/i, ERRNO.ENOSPC],
  [/\(os error 122\)|quota exceeded/i, ERRNO.EDQUOT],
  [/\(os error 5\)|input\/output error/i, ERRNO.EIO],
  [/\(os error 2[34]\)|too many open files/i, ERRNO.EMFILE],
  [/\(os error 2\)|no such file or directory/i, ERRNO.ENOENT],
  [/connection refused|\(os error 111\)/i, ERRNO.ECONNREFUSED],
  [/connection reset|\(os error 104\)/i, ERRNO.ECONNRESET],
  [/timed out|deadline has elapsed/i, ERRNO.ETIMEDOUT],
  [/dns error|failed to lookup address|name or service not known/i, ERRNO.ENOTFOUND],
  [/error sending request|Generic S3 error|Generic GCS error|Generic MicrosoftAzure error|object[_ ]store/i, "the object store failed"],
];

function storageCondition(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && ERRNO[code]) return ERRNO[code];
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string") for (const [pattern, condition] of NATIVE) if (pattern.test(message)) return condition;
  }
  return undefined;
}

export function classifyFailure(err: unknown, traceId: string): Failure {
  const condition = storageCondition(err);
  if (condition) {
    return {
      status: 503,
      error: "ChromaError",
      message: `Storage unavailable: ${condition}. The server log has the details under trace id ${traceId}.`,
      kind: `storage: ${condition}`,
    };
  }
  return { status: 500, error: "InternalError", message: `Internal error. The server log has the details under trace id ${traceId}.`, kind: "internal" };
}

/** Logs a failure's detail once per kind and minute, then how many of the same kind followed. */
export class FailureLog {
  private readonly seen = new Map<string, { at: number; more: number }>();

  constructor(
    private readonly log: Logger,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  record(failure: Failure, err: unknown, context: { trace_id: string; method: string; route: string }): void {
    // Storage failures repeat with a different file name each time: one entry per condition. A
    // bug's message is its identity.
    const key = failure.status === 503 ? failure.kind : `${failure.kind}\u0000${err instanceof Error ? err.message : String(err)}`;
    const entry = this.seen.get(key);
    const now = this.now();
    if (entry && now - entry.at < this.windowMs) {
      entry.more += 1;
      return;
    }
    const repeats = entry?.more ?? 0;
    if (this.seen.size >= 1000) this.seen.clear(); // bounded: a flood of distinct errors only loses dedup
    this.seen.set(key, { at: now, more: 0 });
    this.log.error({ ...context, status: failure.status, err, ...(repeats > 0 ? { repeats_since_last_logged: repeats } : {}) }, `${failure.kind}`);
  }
}
