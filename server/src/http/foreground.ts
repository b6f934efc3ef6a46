/**
 * Counts HTTP requests as foreground activity (util/foreground.ts), so background work such as
 * graph saves waits for a quiet moment instead of slowing the requests down.
 *
 * Status polls (routes marked `statusPoll`, from openapi.yaml's x-chromaspec-status-poll:
 * heartbeat, version, pre-flight checks, healthcheck, indexing_status) are not counted. They cost
 * microseconds, and clients repeat them every 50-100 ms while they wait for indexing: counted,
 * they kept the server "busy" through a whole 100k load's indexing, so the full GC + trim that
 * follows the last write (storage/memory/process-memory.ts) waited out its 30 s bound and the
 * first queries after indexed met the load's uncollected heap (issue 18: query p50 in the first
 * second 0.59x the reference's, ~0.4x steady). Background work delaying one poll by a GC pause is
 * harmless; delaying a query is what the wait is for.
 */
import type { FastifyRequest } from "fastify";
import type { ForegroundActivity } from "../util/foreground.js";
import type { InternalRequests } from "./internal.js";
import type { AnyFastifyInstance } from "./router.js";

/** `internal`: requests the server sends itself (http/internal.ts) are not counted either. */
export function registerForeground(app: AnyFastifyInstance, activity: ForegroundActivity, internal?: InternalRequests): void {
  // A request ends once: answered (onResponse) or given up by its client (onRequestAbort), whichever comes first.
  const open = new WeakSet<FastifyRequest>();
  const end = (request: FastifyRequest) => {
    if (open.delete(request)) activity.end();
  };
  app.addHook("onRequest", (request, _reply, done) => {
    // The route is matched before onRequest, so its config is known here (unknown paths: counted).
    if (request.routeOptions.config?.statusPoll !== true && !internal?.has(request)) {
      open.add(request);
      activity.begin();
    }
    done();
  });
  app.addHook("onResponse", (request, _reply, done) => {
    end(request);
    done();
  });
  app.addHook("onRequestAbort", (request, done) => {
    end(request);
    done();
  });
}
