/**
 * Request bodies read into one reused buffer. fastify's `parseAs: "buffer"` concatenates each
 * body's chunks into a new Buffer; for a 1000 x 384 add (~2.1 MB) that fresh allocation (pages
 * mapped and faulted in, then garbage) cost ~5 ms of main-thread CPU per add (Buffer.concat's
 * _copyActual in a CPU profile of the bench's adds, issue 18), where copying the same chunks into
 * memory already touched costs ~0.2 ms. The buffer is lent to one request at a time, from its
 * first byte until its handler has turned the bytes into text (`releaseBody`) or its response is
 * sent; a body that arrives while it is lent, has no Content-Length, or is larger than
 * POOL_LIMIT gets its own Buffer, exactly as before.
 *
 * The checks and errors are fastify 5's rawBody ones (same error classes, same order): a
 * Content-Length above the limit, more bytes received than the limit, a received length that is
 * not the Content-Length, a stream error (status 400 unless it carries a 4xx/5xx).
 */
import { errorCodes, type FastifyRequest } from "fastify";

/** Largest body read into the reused buffer (bytes); it is kept for the process's life. */
export const POOL_LIMIT = 8 * 1024 * 1024;

let pool: Buffer | null = null;
/** The body currently lent out of `pool` (a view of it), or null when the pool is free. */
let lent: Buffer | null = null;

/** Gives the pooled buffer back when `body` is its current loan (any other value: no-op). */
export function releaseBody(body: unknown): void {
  if (body !== null && body === lent) lent = null;
}

/** True while `body` is a view of the reused buffer (tests). */
export function isPooled(body: unknown): boolean {
  return body !== null && body === lent;
}

type Done = (err: Error | null, body?: Buffer) => void;
interface Payload extends NodeJS.EventEmitter {
  resume(): unknown;
  receivedEncodedLength?: number;
}

/**
 * A fastify content-type parser (register it without `parseAs`) that delivers the body as a Buffer,
 * of at most `limit` bytes (413 above). The Buffer may be a view of the reused buffer: the handler
 * must be done with it before calling `releaseBody`, and must not keep it.
 */
export function bufferedBody(limit: number) {
  return (request: FastifyRequest, payload: Payload, done: Done): void => {
    const contentLength = Number(request.headers["content-length"]);
    if (contentLength > limit) {
      done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      return;
    }
    // The pooled buffer, when it is free and the body's announced size fits it.
    let target: Buffer | null = null;
    if (lent === null && Number.isInteger(contentLength) && contentLength > 0 && contentLength <= POOL_LIMIT) {
      if (pool === null || pool.length < contentLength) pool = Buffer.allocUnsafeSlow(Math.max(contentLength, 1 << 20));
      target = pool.subarray(0, contentLength);
      lent = target;
    }
    const chunks: Buffer[] = [];
    let received = 0;

    const detach = () => {
      payload.removeListener("data", onData);
      payload.removeListener("end", onEnd);
      payload.removeListener("error", onEnd);
    };
    const fail = (err: Error) => {
      if (target !== null) releaseBody(target);
      done(err);
    };
    function onData(chunk: Buffer | string) {
      // A preParsing stream may emit strings (fastify reads them as UTF-8 bytes).
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      const at = received;
      received += bytes.length;
      if (received > limit || (payload.receivedEncodedLength ?? 0) > limit) {
        detach();
        fail(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
        return;
      }
      if (target !== null && received <= target.length) target.set(bytes, at);
      else {
        // More than announced (refused at the end), or not pooled: keep the chunk as fastify does.
        if (target !== null) {
          chunks.push(Buffer.from(target.subarray(0, at)));
          releaseBody(target);
          target = null;
        }
        chunks.push(bytes);
      }
    }
    function onEnd(err?: Error & { statusCode?: number }) {
      detach();
      if (err != null) {
        if (!(typeof err.statusCode === "number" && err.statusCode >= 400)) err.statusCode = 400;
        fail(err);
        return;
      }
      if (!Number.isNaN(contentLength) && (payload.receivedEncodedLength || received) !== contentLength) {
        fail(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
        return;
      }
      done(null, target ?? Buffer.concat(chunks, received));
    }
    payload.on("data", onData);
    payload.on("end", onEnd);
    payload.on("error", onEnd);
    payload.resume();
  };
}
