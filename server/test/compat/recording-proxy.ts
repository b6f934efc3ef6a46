/**
 * A loopback HTTP proxy that forwards every request unchanged to the server under test and
 * records what the client sent. The scenarios run each official client through it, which is how
 * docs/compatibility.md knows which endpoints and body fields each client really uses (for
 * example whether chromadb@3 sends base64 embeddings), instead of guessing from its source.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Path with tenant, database and collection segments replaced by placeholders. */
  template: string;
  query: string;
  body: unknown;
  status: number;
}

export interface RecordingProxy {
  url: string;
  host: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

// Hop-by-hop headers describe one connection, not the message; they must not be forwarded.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer"]);

function forwardable(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && name !== "host") out[name] = value;
  }
  return out;
}

/** Replaces the variable path segments so requests from different runs group together. */
export function templatePath(path: string): string {
  const parts = path.split("/");
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const previous = parts[i - 1];
    const part = parts[i];
    if (i > 0 && previous === "tenants" && part !== "") out.push("{tenant}");
    else if (i > 0 && previous === "databases" && part !== "") out.push("{database}");
    else if (i > 0 && previous === "collections" && part !== "" && part !== "by-id") out.push("{collection}");
    else if (i > 0 && previous === "by-id") out.push("{collection_id}");
    else out.push(part);
  }
  return out.join("/");
}

export async function startRecordingProxy(upstreamUrl: string): Promise<RecordingProxy> {
  const upstream = new URL(upstreamUrl);
  const requests: RecordedRequest[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", "http://proxy.invalid");
      let body: unknown = undefined;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw.toString("utf8"));
        } catch {
          body = raw.toString("utf8");
        }
      }
      const record: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        template: templatePath(url.pathname),
        query: url.search,
        body,
        status: 0,
      };
      requests.push(record);

      const headers = forwardable(req.headers);
      headers["content-length"] = String(raw.length);
      const outgoing = httpRequest(
        {
          protocol: upstream.protocol,
          hostname: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers,
        },
        (upstreamRes) => {
          record.status = upstreamRes.statusCode ?? 0;
          res.writeHead(upstreamRes.statusCode ?? 502, forwardable(upstreamRes.headers));
          upstreamRes.pipe(res);
        },
      );
      outgoing.on("error", (err) => {
        record.status = 502;
        res.writeHead(502, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "ProxyError", message: String(err) }));
      });
      outgoing.end(raw);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: "127.0.0.1",
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface EndpointUse {
  endpoint: string;
  calls: number;
  statuses: number[];
  bodyFields: string[];
  /** For add/update/upsert/query: how the client encoded the vectors. */
  embeddingEncodings: string[];
  queryParams: string[];
}

function encodingOf(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return typeof value[0] === "string" ? "base64 float32 strings" : Array.isArray(value[0]) ? "arrays of numbers" : "other";
}

/** Groups the recorded requests by endpoint, listing the body fields and encodings seen. */
export function summarizeTraffic(requests: RecordedRequest[]): EndpointUse[] {
  const byEndpoint = new Map<string, EndpointUse>();
  for (const r of requests) {
    const endpoint = `${r.method} ${r.template}`;
    let use = byEndpoint.get(endpoint);
    if (!use) {
      use = { endpoint, calls: 0, statuses: [], bodyFields: [], embeddingEncodings: [], queryParams: [] };
      byEndpoint.set(endpoint, use);
    }
    use.calls++;
    if (!use.statuses.includes(r.status)) use.statuses.push(r.status);
    for (const name of new URLSearchParams(r.query).keys()) {
      if (!use.queryParams.includes(name)) use.queryParams.push(name);
    }
    if (r.body && typeof r.body === "object" && !Array.isArray(r.body)) {
      const body = r.body as Record<string, unknown>;
      for (const field of Object.keys(body)) if (!use.bodyFields.includes(field)) use.bodyFields.push(field);
      for (const field of ["embeddings", "query_embeddings"]) {
        const encoding = encodingOf(body[field]);
        if (encoding && !use.embeddingEncodings.includes(`${field}: ${encoding}`)) {
          use.embeddingEncodings.push(`${field}: ${encoding}`);
        }
      }
    }
  }
  for (const use of byEndpoint.values()) {
    use.statuses.sort();
    use.bodyFields.sort();
  }
  return [...byEndpoint.values()].sort((a, b) => a.endpoint.localeCompare(b.endpoint));
}
