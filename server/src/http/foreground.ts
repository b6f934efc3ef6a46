/**
 * Counts every HTTP request as foreground activity (util/foreground.ts), so background work such
 * as graph saves waits for a quiet moment instead of slowing the requests down.
 */
import type { FastifyRequest } from "fastify";
import type { ForegroundActivity } from "../util/foreground.js";
import type { AnyFastifyInstance } from "./router.js";

export function registerForeground(app: AnyFastifyInstance, activity: ForegroundActivity): void {
  // A request ends once: answered (onResponse) or given up by its client (onRequestAbort), whichever comes first.
  const open = new WeakSet<FastifyRequest>();
  const end = (request: FastifyRequest) => {
    if (open.delete(request)) activity.end();
  };
  app.addHook("onRequest", (request, _reply, done) => {
    open.add(request);
    activity.begin();
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
