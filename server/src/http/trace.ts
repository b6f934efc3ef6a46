/**
 * Trace ids. Upstream Chroma answers errors with a `chroma-trace-id` header (its OpenTelemetry trace
 * id, rust/tracing/src/tower_tracing.rs), which the official Python client attaches to the exception
 * it raises (chromadb/api/base_http_client.py: `chroma_error.trace_id`). chromaspec sends one on
 * every answer, successes included, and logs it with the request line, so a user's error report
 * leads to the server's log line.
 *
 * A trace id is 32 lowercase hex digits, the W3C Trace Context format upstream's ids have. When the
 * request carries a W3C `traceparent` header, its trace id is reused, so the server's log joins the
 * caller's trace.
 */
import { randomFillSync } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const TRACE_HEADER = "chroma-trace-id";

/** version-traceid-parentid-flags; an all-zero trace id is invalid. */
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

/** The request's trace id: the caller's (traceparent) or a new random one. Used as fastify's request id. */
export function traceIdOf(request: IncomingMessage): string {
  const parent = request.headers.traceparent;
  if (typeof parent === "string") {
    const match = TRACEPARENT.exec(parent.trim().toLowerCase());
    if (match && match[1] !== "0".repeat(32)) return match[1];
  }
  return randomTraceId();
}

// 16 random bytes per id, drawn from a pool refilled 256 ids at a time (one getrandom per refill).
const pool = Buffer.alloc(16 * 256);
let offset = pool.length;

export function randomTraceId(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  offset += 16;
  return pool.toString("hex", offset - 16, offset);
}
