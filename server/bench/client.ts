/**
 * A minimal v2 HTTP client over node:http with keep-alive (less client-side overhead than
 * fetch, so latencies are mostly the server's). The same client talks to both servers.
 */
import http from "node:http";
import { sleep } from "./timing.js";

export interface Answer {
  status: number;
  body: string;
}

export class Client {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  private readonly host: string;
  private readonly port: number;
  readonly db: string;

  constructor(
    readonly baseUrl: string,
    tenant = "default_tenant",
    database = "default_database",
  ) {
    const u = new URL(baseUrl);
    this.host = u.hostname;
    this.port = Number(u.port || 80);
    this.db = `/api/v2/tenants/${encodeURIComponent(tenant)}/databases/${encodeURIComponent(database)}`;
  }

  request(method: string, path: string, body?: string | Buffer): Promise<Answer> {
    // A body is encoded to its UTF-8 bytes once, here (Buffer.from: ~0.5 ms for a 2 MB add), and the
    // bytes are written, as fetch/undici and the Python client's httpx do. Handing node:http the
    // string instead makes it prepend the header to it and re-encode the joined text through V8's
    // slow UTF-8 path: ~20 ms of client CPU per 1000 x 384 add, which the measurement would charge
    // to whichever server is being timed (issue 18).
    const bytes = typeof body === "string" ? Buffer.from(body) : body;
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = {};
      if (bytes !== undefined) {
        headers["content-type"] = "application/json";
        headers["content-length"] = bytes.byteLength;
      }
      const req = http.request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(bytes);
    });
  }

  /** A JSON request that must answer 2xx (a body: its text or bytes, or a value to stringify); returns the parsed body. */
  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const a = await this.request(method, path, body === undefined ? undefined : typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body));
    if (a.status < 200 || a.status >= 300) throw new Error(`${method} ${path} answered ${a.status}: ${a.body.slice(0, 300)}`);
    return (a.body ? JSON.parse(a.body) : null) as T;
  }

  collectionPath(id: string, op: string): string {
    return `${this.db}/collections/${id}/${op}`;
  }

  /** Polls the collection's indexing_status every `pollMs` until no write is left to index. */
  async untilIndexed(id: string, pollMs: number): Promise<void> {
    while ((await this.json<{ num_unindexed_ops: number }>("GET", this.collectionPath(id, "indexing_status"))).num_unindexed_ops > 0) await sleep(pollMs);
  }

  close(): void {
    this.agent.destroy();
  }
}

export async function waitUntilUp(baseUrl: string, timeoutMs: number): Promise<void> {
  const c = new Client(baseUrl);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        const a = await c.request("GET", "/api/v2/heartbeat");
        if (a.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${baseUrl} did not come up within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    c.close();
  }
}

/**
 * Runs this process's client path (Client.json: request, answer, JSON.parse) `count` times against
 * a bare in-process node:http server answering a k=10 query's answer, so V8 has compiled it before
 * a server is timed. A bench measures chromaspec first and the reference after it with the same
 * client: without this, only chromaspec's first queries paid for the client's cold (interpreted)
 * code. Against a bare node:http server answering a fixed query answer (3 interleaved runs of
 * fresh client processes, busy 2-core machine), queries 101-300 (the matrix's measured window
 * after its 100 warm-ups) took p50 0.50 / 0.42 / 0.41 ms cold and 0.22 / 0.22 / 0.25 ms after
 * this. Called before each server's case (before its adds), so both servers meet a client in the
 * same state.
 */
export async function warmClient(bodies: readonly string[], count = 3000): Promise<void> {
  const ids = Array.from({ length: 10 }, (_, i) => `rec-${i}`);
  const answer = Buffer.from(
    JSON.stringify({ ids: [ids], embeddings: null, documents: null, uris: null, metadatas: null, distances: [ids.map((_, i) => 0.1234567 + i / 7)], include: ["distances"] }),
  );
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": answer.byteLength });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const c = new Client(`http://127.0.0.1:${port}`);
  try {
    for (let i = 0; i < count; i++) await c.json("POST", c.collectionPath("warm-up", "query"), bodies[i % bodies.length]);
  } finally {
    c.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
