/**
 * Requests the server sends itself: the query warm-up (startup/warm-up.ts) runs the real app's
 * route (its fastify instance, hooks, router, validators and reply, the very objects and code the
 * first real queries will meet) against a scratch core of its own. They are told apart by their
 * connection: a loopback socket whose client port the warm-up admitted, which no other process can
 * hold while it is open. Such a request is answered by the scratch core's handlers, and the
 * request log, the metrics and the foreground count (what deferred background work waits on)
 * leave it out, so the real server's catalog, data, logs and numbers never see it.
 */
import type { FastifyRequest } from "fastify";
import type { Handlers } from "../generated/handlers.js";

export class InternalRequests {
  private readonly ports = new Map<number, Handlers>();

  /** Requests over the loopback connection from client port `port` are internal, answered by `handlers`, until dismissed. */
  admit(port: number, handlers: Handlers): void {
    this.ports.set(port, handlers);
  }

  dismiss(port: number): void {
    this.ports.delete(port);
  }

  /** The handlers that answer `request` when it is internal; undefined for every other request (one size check while none is admitted). */
  handlersOf(request: FastifyRequest): Handlers | undefined {
    if (this.ports.size === 0) return undefined;
    const socket = request.raw.socket;
    const port = socket?.remotePort;
    if (port === undefined || !isLoopbackAddress(socket.remoteAddress)) return undefined;
    return this.ports.get(port);
  }

  /** Connections admitted now. */
  get admitted(): number {
    return this.ports.size;
  }

  /** Whether `request` is internal. */
  has(request: FastifyRequest): boolean {
    return this.handlersOf(request) !== undefined;
  }
}

function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && (address.startsWith("127.") || address === "::1" || address.startsWith("::ffff:127."));
}
