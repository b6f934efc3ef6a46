/**
 * A raw HTTP client for hostile requests. `fetch` normalises what it sends (it resolves `..`
 * segments, re-encodes paths, refuses some header values), which would hide exactly the inputs
 * these tests are about; node:http sends the path and body bytes as given.
 */
import { Agent, request } from "node:http";

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
 * Sends `req` as given and resolves with the answer. A server may answer an oversize body (413) and
 * close the connection while this client is still writing it; the kernel then reports EPIPE or
 * ECONNRESET to the write, sometimes before node has parsed the answer already in the socket, so the
 * answer is lost. That is a race in the client, not a refusal by the server: such a request is sent
 * again (up to 5 times), and only an answer — or another kind of failure — settles it.
 */
export async function send(baseUrl: string, req: RawRequest, timeoutMs = 60_000): Promise<RawResponse> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce(baseUrl, req, timeoutMs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== "EPIPE" && code !== "ECONNRESET")) throw err;
    }
  }
}

function sendOnce(baseUrl: string, req: RawRequest, timeoutMs: number): Promise<RawResponse> {
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
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
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
