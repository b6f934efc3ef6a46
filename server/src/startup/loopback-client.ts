/**
 * The smallest HTTP/1.1 client the query warm-up (startup/warm-up.ts) needs: one keep-alive
 * connection to a loopback server, one request at a time, answers with a content-length (fastify
 * gives every JSON answer one). Not node's http client: that is ~0.3 ms of JavaScript per request
 * of its own, none of which the server's route needs warmed.
 */
import { connect, type Socket } from "node:net";

export interface Answer {
  status: number;
  body: Buffer;
}

const HEADER_END = Buffer.from("\r\n\r\n");

export class LoopbackClient {
  private buffered: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (answer: Answer) => void; reject: (err: Error) => void } | null = null;
  private failure: Error | null = null;

  private constructor(
    private readonly socket: Socket,
    private readonly host: string,
  ) {
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.settle();
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.reject(err);
    };
    socket.on("error", fail);
    socket.on("close", () => fail(new Error("the connection closed")));
  }

  /** Connects to `port` on `host` (a loopback address). Rejects if the connection fails. */
  static connect(port: number, host = "127.0.0.1"): Promise<LoopbackClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host });
      socket.once("error", reject);
      socket.once("connect", () => {
        socket.off("error", reject);
        resolve(new LoopbackClient(socket, host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`));
      });
    });
  }

  /** One request; resolves with the answer's status and body. Rejects when the connection fails or a request is already under way. */
  request(method: string, path: string, body?: Buffer): Promise<Answer> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiting) return Promise.reject(new Error("a request is already under way"));
    const head =
      `${method} ${path} HTTP/1.1\r\nhost: ${this.host}\r\nconnection: keep-alive\r\n` +
      (body ? `content-type: application/json\r\ncontent-length: ${body.length}\r\n` : "") +
      "\r\n";
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(body ? Buffer.concat([Buffer.from(head, "latin1"), body]) : head);
    });
  }

  /** The connection's address and port on this side (what the server sees as its remote ones). */
  get local(): { address: string; port: number } {
    return { address: this.socket.localAddress ?? "", port: this.socket.localPort ?? 0 };
  }

  /** Ends the connection. */
  close(): void {
    this.socket.destroy();
  }

  /** Resolves the request under way once its whole answer is buffered. */
  private settle(): void {
    if (!this.waiting) return;
    const end = this.buffered.indexOf(HEADER_END);
    if (end < 0) return;
    const head = this.buffered.subarray(0, end).toString("latin1");
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1]);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!Number.isInteger(status) || !length) {
      const waiting = this.waiting;
      this.waiting = null;
      this.failure = new Error(`an answer this client cannot read: ${head.split("\r\n")[0]}`);
      this.socket.destroy();
      waiting.reject(this.failure);
      return;
    }
    const bodyStart = end + HEADER_END.length;
    const bodyEnd = bodyStart + Number(length[1]);
    if (this.buffered.length < bodyEnd) return;
    const body = Buffer.from(this.buffered.subarray(bodyStart, bodyEnd));
    this.buffered = this.buffered.subarray(bodyEnd);
    const waiting = this.waiting;
    this.waiting = null;
    waiting.resolve({ status, body });
  }
}
