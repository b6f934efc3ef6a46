/**
 * http/lingering-close.ts on a real socket: an answer given before the body has arrived (413 for
 * an oversize body) reaches a client that writes its whole request before reading, with and
 * without Content-Length; a client that stalls mid-body is disconnected after the lingering time;
 * closing the app does not wait for a lingering connection; a request whose body was read keeps
 * its keep-alive connection as before.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { registerLingeringClose } from "../../src/http/lingering-close.js";
import { sendWholeThenRead } from "../security/support/http.js";

const LIMIT = 64 * 1024;
// Far above what loopback buffers hold in flight, so the answer comes while the client still writes.
const HUGE = 16 * 1024 * 1024;

let app: FastifyInstance | undefined;

async function start(lingerMs: number): Promise<string> {
  app = Fastify({ bodyLimit: LIMIT });
  registerLingeringClose(app, { lingerMs });
  app.post("/echo", async (request) => ({ bytes: (request.body as Buffer).length }));
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (typeof address !== "object" || !address) throw new Error("no address");
  return `http://127.0.0.1:${address.port}`;
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await app?.close();
  app = undefined;
});

/**
 * Opens a connection that declares `declared` bytes of body but sends `bodyBytes` and then stalls
 * (without closing); resolves with the first bytes of the answer.
 */
function stalledUpload(url: string, declared: number, bodyBytes: number): Promise<string> {
  const { port } = new URL(url);
  // Half-open allowed: the server's FIN after its answer does not make this client close its side.
  const socket = connect({ port: Number(port), host: "127.0.0.1", allowHalfOpen: true });
  sockets.push(socket);
  const answered = new Promise<string>((resolve) => socket.once("data", (d: Buffer) => resolve(d.toString("latin1"))));
  socket.on("error", () => undefined);
  socket.write(`POST /echo HTTP/1.1\r\nhost: x\r\ncontent-length: ${declared}\r\n\r\n`);
  socket.write(Buffer.alloc(bodyBytes, 0x20));
  return answered;
}

/** Connections the server has open right now. */
function serverConnections(): Promise<number> {
  return new Promise((resolve, reject) => app!.server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
}

/** Resolves once the server has no connection open (the test's timeout catches one that stays). */
async function allClosed(): Promise<void> {
  while ((await serverConnections()) > 0) await sleep(20);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sockets: Socket[] = [];

describe("lingering close", () => {
  it("a client that writes its whole oversize body before reading gets the 413, with or without Content-Length", async () => {
    const url = await start(30_000);
    for (const chunked of [false, true]) {
      for (let i = 0; i < 2; i++) {
        const res = await sendWholeThenRead(url, { method: "POST", path: "/echo", body: Buffer.alloc(HUGE, 0x20), chunked });
        expect(res.status, `chunked ${chunked}: ${res.text}`).toBe(413);
        expect(res.headers.connection).toBe("close");
      }
    }
    // Bodies within the limit are read as before.
    const fine = await sendWholeThenRead(url, { method: "POST", path: "/echo", body: Buffer.alloc(LIMIT, 0x20) });
    expect(fine.json).toEqual({ bytes: LIMIT });
  });

  it("disconnects a client that stops sending mid-body once the lingering time is over", async () => {
    const url = await start(200);
    expect(await stalledUpload(url, HUGE, LIMIT * 4)).toMatch(/^HTTP\/1\.1 413 /);
    await allClosed();
  });

  it("closing the app does not wait for a lingering connection", async () => {
    const url = await start(10 * 60_000);
    expect(await stalledUpload(url, HUGE, LIMIT * 4)).toMatch(/^HTTP\/1\.1 413 /);
    // The answer is out; the connection lingers (for ten minutes, unless the app closes).
    await sleep(300);
    expect(await serverConnections()).toBe(1);
    // Resolves only once every connection is gone (the test's timeout catches a wait for the linger).
    await app!.close();
    app = undefined;
  });

  it("leaves keep-alive connections whose body was read as they were", async () => {
    const url = await start(30_000);
    const { port } = new URL(url);
    const socket = connect(Number(port), "127.0.0.1");
    let received = "";
    const answers = (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => ((received.match(/HTTP\/1\.1 200/g) ?? []).length >= n ? resolve() : setTimeout(check, 5));
        check();
      });
    socket.on("data", (d: Buffer) => (received += d.toString("latin1")));
    for (let n = 1; n <= 2; n++) {
      socket.write("POST /echo HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\n\r\nhi");
      await answers(n);
    }
    expect(received).not.toMatch(/connection: close/i);
    expect(socket.destroyed).toBe(false);
    socket.destroy();
  });
});
