/**
 * The server's two logs, both pino on stdout: the server log (start-up banner, warnings, failures,
 * shutdown) and the request log (one line per request; see http/access-log.ts), each with its own
 * level. On a terminal (or with log_format: pretty) lines go through pino-pretty; otherwise they are
 * JSON, one object per line, for log collectors.
 */
import { destination, pino, type DestinationStream, type Logger } from "pino";
import type { LogFormat } from "./config.js";

export interface Loggers {
  logger: Logger;
  /** The request log: a child of `logger` with its own level. */
  requestLog: Logger;
}

export interface LogOptions {
  level: string;
  requestLevel: string;
  format: LogFormat;
  /** Where lines go (tests); stdout by default. */
  destination?: DestinationStream;
  /** Whether stdout is a terminal (decides `auto`); process.stdout.isTTY by default. */
  isTTY?: boolean;
}

/** Request lines read `POST /api/v2/.../query 200 1.2ms` in pretty output. */
function prettyMessage(log: Record<string, unknown>, messageKey: string): string {
  if (log.status === undefined || log.route === undefined) return String(log[messageKey] ?? "");
  return `${log.method} ${log.route} ${log.status} ${log.ms}ms`;
}

/**
 * stdout, written synchronously in 4 KiB batches: one write(2) per ~15 request lines instead of one
 * per line, and no thread-pool hand-off (pino's async mode), which measured slower still
 * (server/bench/request-log.ts; docs/operations.md). A line waits at most FLUSH_MS; everything
 * left is written when the process exits (also after an uncaught exception; not after kill -9).
 * The periodic flush is flush(), a plain write: flushSync() also fsyncs, and with stdout
 * redirected to a file that held the event loop (every request) behind the disk once a second.
 */
const FLUSH_MS = 1000;
function bufferedStdout(): DestinationStream {
  const stream = destination({ dest: 1, sync: true, minLength: 4096 });
  setInterval(() => stream.flush(), FLUSH_MS).unref();
  process.once("exit", () => stream.flushSync());
  return stream;
}

export async function createLoggers(options: LogOptions): Promise<Loggers> {
  const tty = options.isTTY ?? Boolean(process.stdout.isTTY);
  const pretty = options.format === "pretty" || (options.format === "auto" && tty);
  // The lowest of both levels reaches the stream; each logger filters with its own.
  const base = { level: options.level, name: "chromaspec" };
  let stream: DestinationStream;
  if (pretty) {
    // Loaded only when used: it is a fifth of the modules a JSON-logging server would load.
    const { default: pinoPretty } = await import("pino-pretty");
    stream = pinoPretty({
      destination: options.destination ?? 1,
      colorize: tty && !options.destination,
      sync: true,
      translateTime: "SYS:HH:MM:ss.l",
      ignore: "pid,hostname,name,method,route,status,ms",
      messageFormat: prettyMessage,
    });
  } else {
    stream = options.destination ?? bufferedStdout();
  }
  const logger = pino(base, stream);
  const requestLog = logger.child({}, { level: options.requestLevel });
  return { logger, requestLog };
}
