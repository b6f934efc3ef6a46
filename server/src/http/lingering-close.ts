/**
 * Lingering close: an answer given before the request body has fully arrived (413 for an
 * oversize body, a malformed body, ...) reaches the client even while it is still sending.
 *
 * Such an answer closes the connection (fastify sets `Connection: close` on every body error, as
 * the rest of the body is not worth reading). Node's http server then ends the socket with
 * `destroySoon()`: write the answer, send FIN, and close the descriptor at once. The client is
 * still sending its body into a closed socket, so the kernel answers with a RST; the client's next
 * write fails with EPIPE or ECONNRESET, and a client that writes its whole request before reading
 * (Python's http.client, or Node's when the error wins the race in its event loop) never sees
 * the 413 that was already on the wire. This is the classic case Apache's lingering_close and
 * nginx's `lingering_close`/`lingering_time` exist for: after the answer, half-close (FIN) and
 * keep reading and discarding what the client still sends, until it closes its side or a bound
 * passes, and only then close.
 *
 * Here: for an answer on a request whose body is still arriving, the socket's `destroySoon` is
 * replaced by one that ends the socket (answer, then FIN) and destroys it once the client has
 * closed its side, or after `lingerMs` (nginx's lingering_time default, 30 s), whichever comes
 * first. The body bytes keep flowing into Node's HTTP parser, which discards them (the request is
 * dumped or its stream keeps flowing with no reader). When the app closes, lingering connections
 * are destroyed at once, so a shutdown never waits for an upload it already refused.
 */
import type { Socket } from "node:net";
import type { AnyFastifyInstance } from "./router.js";

/** nginx's `lingering_time` default: the longest a refused upload is read and discarded. */
export const DEFAULT_LINGER_MS = 30_000;

export interface LingeringCloseOptions {
  /** Longest time (ms) a closing connection keeps reading what the client still sends. */
  lingerMs?: number;
}

type LingeringSocket = Socket & { destroySoon?: () => void };

export function registerLingeringClose(app: AnyFastifyInstance, options: LingeringCloseOptions = {}): void {
  const lingerMs = options.lingerMs ?? DEFAULT_LINGER_MS;
  const lingering = new Set<Socket>();
  let closing = false;

  // A callback hook: it runs on every answer, and an async one costs a promise and a microtask hop.
  app.addHook("onSend", (request, _reply, payload, done) => {
    const socket = request.raw.socket as LingeringSocket | null;
    // complete: the whole request (body included) has been parsed. Installed once per socket.
    if (!request.raw.complete && socket && !closing && socket.destroySoon === Object.getPrototypeOf(socket).destroySoon) {
      socket.destroySoon = () => lingerThenDestroy(socket);
    }
    done(null, payload);
  });

  app.addHook("preClose", async () => {
    closing = true;
    for (const socket of lingering) socket.destroy();
    lingering.clear();
  });

  function lingerThenDestroy(socket: Socket): void {
    if (closing || socket.destroyed) {
      socket.destroy();
      return;
    }
    // The answer, then FIN; reading goes on (an http server's sockets allow half-open).
    if (socket.writable) socket.end();
    if (socket.readableEnded) {
      // The client has closed its side already: nothing left to read (Node's own destroySoon).
      destroyOnceWritten(socket);
      return;
    }
    lingering.add(socket);
    const timer = setTimeout(() => socket.destroy(), lingerMs);
    timer.unref();
    socket.once("end", () => destroyOnceWritten(socket));
    socket.once("close", () => {
      clearTimeout(timer);
      lingering.delete(socket);
    });
  }
}

function destroyOnceWritten(socket: Socket): void {
  if (socket.writableFinished) socket.destroy();
  else socket.once("finish", () => socket.destroy());
}
