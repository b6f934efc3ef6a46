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

/** A pass-through proxy to s3rver that enforces If-None-Match / If-Match on PUT, atomically per key. */
function conditionalProxy(target: number): http.Server {
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
  const forward = async (req: http.IncomingMessage, body: Buffer, res: http.ServerResponse) => {
    const up = await upstream(req.method!, req.url!, req.headers, body);
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
    await new Promise((done) => up.on("end", done));
  };
  return http.createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      const noneMatch = req.headers["if-none-match"];
      const match = req.headers["if-match"];
      const key = req.url!.split("?")[0]!;
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
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(err));
    });
  });
}
