// @ts-check
/**
 * A loopback HTTP proxy that injects one deliberate fault between the suite and a real server:
 * it may rewrite the request (path, JSON body) before forwarding it, and the answer (status,
 * JSON body) before returning it. Used by the mutation check to prove the suite notices.
 */
import { createServer } from "node:http";

/**
 * @typedef {object} Exchange
 * @property {string} method
 * @property {string} path        pathname, may be rewritten
 * @property {string} search      query string including "?", or ""
 * @property {any} body           parsed JSON request body (undefined when none or not JSON)
 * @property {Record<string, unknown>} note  a fault's memo from request to response
 */
/**
 * @typedef {object} Answer
 * @property {number} status
 * @property {any} body           parsed JSON answer (undefined when not JSON)
 */
/**
 * @typedef {object} Fault
 * @property {string} name
 * @property {string} description
 * @property {(x: Exchange) => void} [request]
 * @property {(x: Exchange, a: Answer) => void} [response]
 */

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer", "host", "content-length"]);

/**
 * @param {string} upstream
 * @param {Fault | null} fault null forwards everything unchanged
 * @returns {Promise<{ url: string, close: () => Promise<void>, hits: () => number }>}
 */
export async function startFaultProxy(upstream, fault) {
  let hits = 0;
  const server = createServer(async (req, res) => {
    try {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const rawBody = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", "http://proxy.invalid");
      /** @type {Exchange} */
      const x = { method: req.method ?? "GET", path: url.pathname, search: url.search, body: undefined, note: {} };
      let parsedRequest = false;
      if (rawBody.length > 0) {
        try {
          x.body = JSON.parse(rawBody.toString("utf8"));
          parsedRequest = true;
        } catch {
          /* malformed JSON on purpose: forward the bytes as they are */
        }
      }
      const before = JSON.stringify([x.path, x.body]);
      fault?.request?.(x);
      const requestChanged = JSON.stringify([x.path, x.body]) !== before;

      /** @type {Record<string, string>} */
      const headers = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
      const body = rawBody.length === 0 ? undefined : parsedRequest && requestChanged ? JSON.stringify(x.body) : rawBody;
      const upstreamRes = await fetch(upstream + x.path + x.search, { method: x.method, headers, body });
      const text = await upstreamRes.text();
      /** @type {Answer} */
      const answer = { status: upstreamRes.status, body: undefined };
      try {
        answer.body = text === "" ? undefined : JSON.parse(text);
      } catch {
        /* not JSON */
      }
      const beforeAnswer = JSON.stringify(answer);
      fault?.response?.(x, answer);
      const answerChanged = JSON.stringify(answer) !== beforeAnswer;
      if (requestChanged || answerChanged) hits += 1;
      const out = answerChanged && answer.body !== undefined ? JSON.stringify(answer.body) : answerChanged ? "" : text;
      res.writeHead(answer.status, { "content-type": upstreamRes.headers.get("content-type") ?? "application/json" });
      res.end(out);
    } catch (err) {
      res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "ProxyError", message: String(err) }));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve(undefined));
    }),
  };
}
