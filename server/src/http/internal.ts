/**
 * Requests the server sends itself: the query warm-up (startup/warm-up.ts) runs the real app's
 * route (its fastify instance, hooks, router, validators and reply, the very objects and code the
 * first real queries will meet) against a scratch core of its own. They are told apart by their
 * connection: the warm-up admits its socket's own address and port, a pair no other socket on
 * this machine can hold while it is open (whatever address the server listens on: a server bound
 * to a LAN address sees its own connection come from that address, not from 127.0.0.1). Such a request is answered by the scratch core's handlers, and the
 * request log, the metrics and the foreground count (what deferred background work waits on)
 * leave it out, so the real server's catalog, data, logs and numbers never see it.
 */
import type { FastifyRequest } from "fastify";
import type { Handlers } from "../generated/handlers.js";

/** One operation's handler, bound to its handler table. */
type Bound = (...args: never[]) => unknown;

interface Admitted {
  address: string;
  handlers: Handlers;
  /** `handlers`' methods bound once, by operationId, as the router binds the real ones at registration. */
  bound: Map<string, Bound>;
}

export class InternalRequests {
  private readonly ports = new Map<number, Admitted>();

  /** Requests over the connection from `address`:`port` (the client side's) are internal, answered by `handlers`, until dismissed. */
  admit(address: string, port: number, handlers: Handlers): void {
    this.ports.set(port, { address: plainAddress(address), handlers, bound: new Map() });
  }

  dismiss(port: number): void {
    this.ports.delete(port);
  }

  /**
   * The handler of `operationId` that answers `request` when it is internal (bound to its table,
   * once per connection: the warm-up sends thousands of requests); undefined for every other request.
   */
  handlerOf(request: FastifyRequest, operationId: string): Bound | undefined {
    const admitted = this.admittedOf(request);
    if (!admitted) return undefined;
    let handler = admitted.bound.get(operationId);
    if (!handler) {
      const table = admitted.handlers as unknown as Record<string, Bound>;
      // Never fall back to the real handlers for an internal request: its writes would reach the real catalog.
      if (typeof table[operationId] !== "function") throw new Error(`internal handlers have no ${operationId}`);
      handler = table[operationId].bind(table);
      admitted.bound.set(operationId, handler);
    }
    return handler;
  }

  /** What admitted `request`'s connection; undefined for every other request (one size check while none is admitted). */
  private admittedOf(request: FastifyRequest): Admitted | undefined {
    if (this.ports.size === 0) return undefined;
    const socket = request.raw.socket;
    const port = socket?.remotePort;
    if (port === undefined) return undefined;
    const admitted = this.ports.get(port);
    return admitted && socket.remoteAddress !== undefined && plainAddress(socket.remoteAddress) === admitted.address ? admitted : undefined;
  }

  /** Connections admitted now. */
  get admitted(): number {
    return this.ports.size;
  }

  /** Whether `request` is internal. */
  has(request: FastifyRequest): boolean {
    return this.admittedOf(request) !== undefined;
  }
}

/** An IPv4 address as a dual-stack socket shows it (::ffff:127.0.0.1) and as an IPv4 one does (127.0.0.1) compare equal. */
function plainAddress(address: string): string {
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}
