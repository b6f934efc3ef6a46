/**
 * The S3 emulator of the devDependencies (s3rver) on loopback, optionally behind a small proxy
 * that gives it S3's conditional writes.
 *
 * Why the proxy: every LanceDB commit is a PUT of the next manifest with `If-None-Match: *`
 * (create only if absent). AWS S3 (since August 2024), MinIO, R2, GCS and Azure refuse the second
 * such PUT with 412, which is what lets concurrent writers detect each other. s3rver 3.7 predates
 * that and ignores the header on PUT: two processes committing to one table at once silently
 * overwrite each other's manifest. `conditional: true` (the default) puts a proxy in front that
 * answers `If-None-Match: *` / `If-Match: <etag>` as S3 documents (412 PreconditionFailed),
 * serialising the check and the PUT per key (and reads of a key with its writes, as S3's
 * whole-object reads); `conditional: false` is the plain emulator, a store without conditional
 * writes (the weak mode).
 *
 * The proxy also makes s3rver's writes atomic, as S3's are. s3rver writes an object's file in
 * place and answers the PUT (or a multipart completion) before the file is flushed, then writes
 * its metadata in place: a GET right after the answer can read a short object, and a listing can
 * meet a half-written object. LanceDB then reads a manifest of size 0 ("Range started at 0 and
 * ended at 0") and the write fails with 503 — a fault of the emulator, not of the store. So a
 * write's answer is held until the whole object reads back, and listings never overlap writes.
 */
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { Mutex } from "../../src/util/mutex.js";
import { freePort } from "./server.js";

export interface S3Emulator {
  /** The endpoint clients use (the proxy when conditional). */
  endpoint: string;
  bucket: string;
  /** AWS_* variables for a chromaspec process (object_store reads them). */
  env: Record<string, string>;
  /** The same as LanceDB storageOptions, for in-process connections. */
  storageOptions: Record<string, string>;
  close(): Promise<void>;
}

export async function startS3(options: { bucket?: string; conditional?: boolean } = {}): Promise<S3Emulator> {
  const bucket = options.bucket ?? "chroma";
  const dir = await mkdtemp(join(tmpdir(), "chromaspec-s3-"));
  const s3Port = await freePort();
  const s3 = new S3rver({ port: s3Port, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [] }] });
  await s3.run();
  let proxy: http.Server | null = null;
  let port = s3Port;
  if (options.conditional !== false) {
    port = await freePort();
    proxy = conditionalProxy(s3Port);
    await new Promise<void>((resolve) => proxy!.listen(port, "127.0.0.1", resolve));
  }
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      AWS_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
      AWS_REGION: "us-east-1",
      AWS_ALLOW_HTTP: "true",
      AWS_VIRTUAL_HOSTED_STYLE_REQUEST: "false",
    },
    storageOptions: {
      endpoint,
      aws_access_key_id: "S3RVER",
      aws_secret_access_key: "S3RVER",
      region: "us-east-1",
      allow_http: "true",
      virtual_hosted_style_request: "false",
    },
    close: async () => {
      if (proxy) {
        proxy.closeAllConnections();
        await new Promise<void>((resolve) => proxy!.close(() => resolve()));
      }
      await s3.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const PRECONDITION_FAILED =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>';

/**
 * Two kinds of requests that exclude each other while any number of one kind may run together:
 * listings and writes. FIFO, so neither starves the other.
 */
class KindGate<K extends string> {
  private running: K | null = null;
  private count = 0;
  private readonly waiting: { kind: K; go: () => void }[] = [];

  async run<T>(kind: K, fn: () => Promise<T>): Promise<T> {
    if (this.waiting.length === 0 && (this.running === null || this.running === kind)) this.enter(kind);
    else await new Promise<void>((go) => this.waiting.push({ kind, go }));
    try {
      return await fn();
    } finally {
      if (--this.count === 0) this.running = null;
      while (this.waiting.length > 0 && (this.running === null || this.running === this.waiting[0]!.kind)) {
        const next = this.waiting.shift()!;
        this.enter(next.kind);
        next.go();
      }
    }
  }

  private enter(kind: K): void {
    this.running = kind;
    this.count++;
  }
}

/** A pass-through proxy to s3rver that enforces If-None-Match / If-Match on PUT, atomically per key. */
function conditionalProxy(target: number): http.Server {
  const gate = new KindGate<"list" | "write">();
  const locks = new Map<string, { mutex: Mutex; users: number }>();
  const locked = async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    let entry = locks.get(key);
    if (!entry) locks.set(key, (entry = { mutex: new Mutex(), users: 0 }));
    entry.users++;
    try {
      return await entry.mutex.run(fn);
    } finally {
      if (--entry.users === 0) locks.delete(key);
    }
  };
  const upstream = (method: string, path: string, headers: http.IncomingHttpHeaders, body?: Buffer) =>
    new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port: target, method, path, headers }, resolve);
      req.on("error", reject);
      req.end(body);
    });
  const read = async (path: string, headers: http.IncomingHttpHeaders) => {
    const up = await upstream("GET", path, headers);
    const chunks: Buffer[] = [];
    for await (const c of up) chunks.push(c as Buffer);
    return { status: up.statusCode ?? 0, headers: up.headers, body: Buffer.concat(chunks) };
  };
  /** Waits until the object at `key` reads back whole (its last byte is on disk), up to 10 s. */
  const whole = async (key: string, host: string | undefined) => {
    const head = await upstream("HEAD", key, { host });
    head.resume();
    const length = Number(head.headers["content-length"] ?? 0);
    if (head.statusCode !== 200 || !(length > 0)) return;
    for (let waited = 0; waited < 10_000; waited += 5) {
      const last = await read(key, { host, range: `bytes=${length - 1}-${length - 1}` });
      if (last.body.length === 1) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const forward = async (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) => {
    const up = await upstream(req.method!, req.url!, req.headers, body);
    // A write that made an object (a PUT that is not a part, a multipart completion) answers
    // once the object reads back whole.
    const [path, query = ""] = req.url!.split("?");
    const madeObject =
      (req.method === "PUT" && !/(^|&)partNumber=/.test(query)) || (req.method === "POST" && /(^|&)uploadId=/.test(query));
    if (madeObject && (up.statusCode ?? 0) < 300) {
      const answer: Buffer[] = [];
      for await (const c of up) answer.push(c as Buffer);
      await whole(path!, req.headers.host);
      res.writeHead(up.statusCode!, up.headers);
      res.end(Buffer.concat(answer));
      return;
    }
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
    await new Promise((done) => up.on("end", done));
  };
  return http.createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      const key = req.url!.split("?")[0]!;
      // A listing is a GET of the bucket itself; it never overlaps a write (PUT, POST, DELETE).
      const listing = req.method === "GET" && key.replace(/^\/+|\/+$/g, "").split("/").length === 1;
      if (listing) return gate.run("list", () => forward(req, body, res));
      if (["PUT", "POST", "DELETE"].includes(req.method!)) return gate.run("write", () => handle(req, body, res, key));
      return handle(req, body, res, key);
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(err));
    });
  });

  /** Any request but a listing; `key` is its path. A conditional PUT is checked and made in the key's turn. */
  async function handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse, key: string): Promise<void> {
    const noneMatch = req.headers["if-none-match"];
    const match = req.headers["if-match"];
    // s3rver writes an object's file in place: a GET during its PUT reads a partial (often
    // empty) object, where S3 serves the old object or none. Reads and writes of one key take
    // turns here, so readers see whole objects only.
    if (req.method !== "PUT" || (noneMatch === undefined && match === undefined)) {
      if (["GET", "HEAD", "PUT"].includes(req.method!)) return locked(key, () => forward(req, body, res));
      return forward(req, body, res);
    }
    await locked(key, async () => {
      // The current object (s3rver answers an unsigned HEAD; the PUT's signature is for the PUT).
      const head = await upstream("HEAD", key, { host: req.headers.host });
      head.resume();
      const exists = head.statusCode === 200;
      if ((noneMatch === "*" && exists) || (match !== undefined && (!exists || head.headers.etag !== match))) {
        res.writeHead(412, { "content-type": "application/xml" });
        res.end(PRECONDITION_FAILED);
        return;
      }
      await forward(req, body, res);
    });
  }
}
