/**
 * A raw HTTP client for hostile requests. `fetch` normalises what it sends (it resolves `..`
 * segments, re-encodes paths, refuses some header values), which would hide exactly the inputs
 * these tests are about; node:http sends the path and body bytes as given.
 */
import { Agent, request } from "node:http";
import { connect } from "node:net";

export interface RawRequest {
  method: string;
  /** Path and query exactly as sent on the request line (already percent-encoded as wanted). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body with chunked transfer encoding instead of a Content-Length. */
  chunked?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

// A fresh connection per request: after an oversize body the server answers 413 and closes the
// connection; a kept-alive socket could then be reused by the next request and reset, which would
// blame the wrong request.
const agent = new Agent({ keepAlive: false });

/**
 * Sends `req` as given and resolves with the answer. The server may answer before it has read the
 * whole body (413 for an oversize one) and close; it keeps reading and discarding the rest while
 * the client is still writing (http/lingering-close.ts), so the write never fails and the answer
 * always arrives. A write error before the answer is therefore a failure of the server, not of
 * the client, and fails the request.
 */
export function send(baseUrl: string, req: RawRequest, timeoutMs = 60_000): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, "utf8");
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  if (body !== undefined && !req.chunked) headers["content-length"] = String(body.length);
  if (body !== undefined && req.chunked) headers["transfer-encoding"] = "chunked";
  return new Promise((resolve, reject) => {
    let answered = false;
    const r = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent, timeout: timeoutMs },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => resolve(answer(res.statusCode ?? 0, res.headers, Buffer.concat(chunks))));
      },
    );
    r.on("timeout", () => r.destroy(new Error(`no answer to ${req.method} ${req.path.slice(0, 200)} within ${timeoutMs} ms`)));
    r.on("error", (err: NodeJS.ErrnoException) => {
      // A server may answer (413) and close before it has read an oversize body: the answer counts.
      if (!answered) reject(err);
    });
    if (body !== undefined) {
      if (req.chunked) {
        // Several chunks, so a streaming limit check sees the size grow.
        const step = 64 * 1024;
        for (let i = 0; i < body.length; i += step) r.write(body.subarray(i, i + step));
      } else {
        r.write(body);
      }
    }
    r.end();
  });
}

/**
 * Sends `req` the way Python's http.client (and many simple clients) do: the whole request, head
 * and body, is written before anything is read; then the answer is read. Against a server that
 * answers early and closes with the body unread, the writes fail (EPIPE/ECONNRESET, the kernel's
 * answer to data sent into a closed socket) and the answer is lost: this rejects with that error.
 * The answer must carry a Content-Length (every answer of this server does).
 */
export function sendWholeThenRead(baseUrl: string, req: RawRequest, timeoutMs = 60_000): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const body = req.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, "utf8");
  const head = [`${req.method} ${req.path} HTTP/1.1`, `host: ${url.host}`, ...Object.entries(req.headers ?? {}).map(([k, v]) => `${k}: ${v}`)];
  head.push(req.chunked ? "transfer-encoding: chunked" : `content-length: ${body.length}`);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer to ${req.method} ${req.path.slice(0, 200)} within ${timeoutMs} ms`)));
    socket.on("error", reject);
    socket.pause();
    socket.write(`${head.join("\r\n")}\r\n\r\n`);
    if (req.chunked) {
      const step = 64 * 1024;
      for (let i = 0; i < body.length; i += step) {
        const chunk = body.subarray(i, i + step);
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        socket.write("\r\n");
      }
      socket.write("0\r\n\r\n");
    } else {
      socket.write(body);
    }
    // Only once every byte is handed to the kernel (a failed write rejects above) is the answer read.
    socket.write(Buffer.alloc(0), (err) => {
      if (err) return;
      let received = Buffer.alloc(0);
      socket.on("data", (data: Buffer) => {
        received = Buffer.concat([received, data]);
        const parsed = parseAnswer(received);
        if (parsed) {
          socket.destroy();
          resolve(parsed);
        }
      });
      socket.on("end", () => reject(new Error(`the server closed before a whole answer: ${JSON.stringify(received.toString("latin1").slice(0, 300))}`)));
      socket.resume();
    });
  });
}

/** One HTTP/1.1 answer with a Content-Length, or null while it is incomplete. */
function parseAnswer(bytes: Buffer): RawResponse | null {
  const end = bytes.indexOf("\r\n\r\n");
  if (end < 0) return null;
  const [statusLine, ...lines] = bytes.subarray(0, end).toString("latin1").split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers["content-length"]);
  if (!Number.isInteger(length)) throw new Error(`answer without a Content-Length: ${statusLine}`);
  if (bytes.length < end + 4 + length) return null;
  return answer(Number(statusLine!.split(" ")[1]), headers, bytes.subarray(end + 4, end + 4 + length));
}

/** A RawResponse of a status, headers and body bytes: the body as UTF-8 text, and parsed as JSON when it is JSON. */
function answer(status: number, headers: RawResponse["headers"], body: Buffer): RawResponse {
  const text = body.toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status, headers, text, json };
}

/** JSON request helper for ordinary calls: method, path, optional JSON body and token. */
export function call(baseUrl: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  return send(baseUrl, { method, path, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}

/** True when `json` is an error body: an object with string `error` and `message`. */
export function isErrorBody(json: unknown): json is { error: string; message: string } {
  return typeof json === "object" && json !== null && typeof (json as { error?: unknown }).error === "string" && typeof (json as { message?: unknown }).message === "string";
}

export const enc = encodeURIComponent;
