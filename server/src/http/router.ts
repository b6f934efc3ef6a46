/**
 * Binds the generated route table to fastify: one route per operation of openapi.yaml, each
 * running the codegen-compiled validators, then the matching `Handlers` method, then sending its
 * typed reply. Also owns what happens around the table: JSON parsing (our own, so malformed JSON is a
 * 422 like any other validation failure), auth token extraction, error mapping, 404 and 405.
 */
import { isAscii } from "node:buffer";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { InternalRequests } from "./internal.js";
import type { Handlers, RequestAuth } from "../generated/handlers.js";
import { routes, type OperationId, type RouteDefinition } from "../generated/routes.js";
import { validators, type ValidationIssue } from "../generated/validators.js";
import { predecodedEmbeddings } from "../core/embeddings.js";
import { parseJson, stringifyJson } from "../util/json.js";
import { splitEmbeddings } from "./embeddings-body.js";
import { classifyFailure, FailureLog } from "./failures.js";
import { bufferedBody, releaseBody } from "./body-buffer.js";

/**
 * Default body limit: 500 MiB. A full batch (5461 records, upstream's max_batch_size) of
 * 4096-dimensional float32 embeddings written as JSON numbers at full float32 precision (about 20
 * characters plus a comma each, as JSON.stringify and Python's json print them) is ~470 MB; the same
 * batch base64-encoded (chromadb@3's default) is ~120 MB. 500 MiB (524,288,000 bytes) stays just under
 * V8's maximum string length (2^29 - 24 characters), so every accepted body can still be decoded
 * into one string for JSON.parse. See docs/decisions/0001-*.md.
 */
export const DEFAULT_BODY_LIMIT = 500 * 1024 * 1024;

declare module "fastify" {
  interface FastifyContextConfig {
    /** The operation a route serves (set by the router for every spec operation). */
    operationId?: string;
    /** The OpenAPI path template, e.g. /api/v2/tenants/{tenant}. */
    template?: string;
    /** A status poll (x-chromaspec-status-poll): http/foreground.ts does not count it as foreground activity. */
    statusPoll?: boolean;
  }
}

export interface RouterOptions {
  /** Largest accepted request body in bytes (413 above it). Default DEFAULT_BODY_LIMIT. */
  bodyLimit?: number;
  /** Requests the server sends itself (http/internal.ts), answered by their own handlers. */
  internal?: InternalRequests;
}

/** The JSON body of every error answer; `detail` only on 422 validation failures. */
export interface ErrorBody {
  error: string;
  message: string;
  detail?: ValidationIssue[];
}

type AnyHandler = (input: { params: unknown; query: unknown; body: unknown; auth: RequestAuth }) => Promise<{
  status: number;
  body?: unknown;
}>;

// Any fastify instance: the server's is typed with its pino Logger, which FastifyInstance's default
// type parameters reject.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFastifyInstance = FastifyInstance<any, any, any, any, any>;

export function registerRoutes(app: AnyFastifyInstance, handlers: Handlers, opts: RouterOptions = {}): void {
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const failures = new FailureLog(app.log);

  // Bodies arrive as raw bytes whatever their content type (upstream's clients all send JSON, curl
  // users often forget the header); parseBody decides what they mean, per operation.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { bodyLimit }, bufferedBody(bodyLimit));
  // A body parseBody never read (no body expected, 404, an error first) gives the reused buffer back here.
  app.addHook("onResponse", (request, _reply, done) => {
    releaseBody(request.body);
    done();
  });

  for (const route of routes) {
    const handler = (handlers as unknown as Record<string, AnyHandler>)[route.operationId];
    if (typeof handler !== "function") throw new Error(`registerRoutes: no handler for operation ${route.operationId}`);
    const bound = handler.bind(handlers);
    app.route({
      method: route.method,
      url: route.fastifyPath,
      bodyLimit,
      // Read by the request log and the metrics (operation, route template) and by http/foreground.ts (statusPoll).
      config: { operationId: route.operationId, template: specTemplate(route.fastifyPath), statusPoll: route.statusPoll },
      handler: opts.internal
        ? (request, reply) => {
            // The server's own requests (http/internal.ts) are answered by their own core.
            const own = opts.internal!.handlerOf(request, route.operationId) as AnyHandler | undefined;
            return handle(route, own ?? bound, request, reply, failures);
          }
        : (request, reply) => handle(route, bound, request, reply, failures),
    });
  }

  const templates = routes.map((r) => ({ method: r.method, pattern: pathPattern(r.fastifyPath) }));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0];
    const allowed = [...new Set(templates.filter((t) => t.pattern.test(path)).map((t) => t.method))];
    if (allowed.length > 0) {
      if (allowed.includes("GET")) allowed.push("HEAD");
      // "ChromaError": upstream's name for what it has no better one for, and one the official
      // clients map (the Python client raises a plain Exception for names it does not know).
      const body: ErrorBody = { error: "ChromaError", message: `Method ${request.method} is not allowed on ${path}; allowed: ${allowed.join(", ")}` };
      return reply.code(405).header("allow", allowed.join(", ")).send(body);
    }
    const body: ErrorBody = { error: "NotFoundError", message: `No route for ${request.method} ${path}` };
    return reply.code(404).send(body);
  });

  // Errors raised by fastify itself before a handler runs (body too large, aborted upload, ...).
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply, failures));
}

/** find-my-way path with :params -> regex over a decoded-or-not request path (one segment per param). */
function pathPattern(fastifyPath: string): RegExp {
  const source = fastifyPath
    .split("/")
    .map((seg) => (seg.startsWith(":") ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}$`);
}

async function handle(route: RouteDefinition, handler: AnyHandler, request: FastifyRequest, reply: FastifyReply, failures: FailureLog) {
  const v = validators[route.operationId as OperationId];
  const issues: ValidationIssue[] = [];

  const params = v.params(request.params as Record<string, string>);
  if (!params.ok) issues.push(...params.issues);
  const query = v.query(request.query as Record<string, string | string[]>);
  if (!query.ok) issues.push(...query.issues);

  let body: unknown = undefined;
  if (v.body !== null) {
    const parsed = parseBody(request.body, v.bodyRequired, WRITES.has(route.operationId));
    if (!parsed.ok) issues.push(...parsed.issues);
    else if (parsed.value !== undefined) {
      const checked = v.body(parsed.value);
      if (checked.ok) body = checked.value;
      else issues.push(...checked.issues);
    }
  }

  if (issues.length > 0) {
    const error: ErrorBody = { error: "InvalidArgumentError", message: describeIssues(issues), detail: issues };
    return reply.code(422).send(error);
  }

  let result: { status: number; body?: unknown };
  try {
    result = await handler({
      params: params.ok ? params.value : {},
      query: query.ok ? query.value : {},
      body,
      auth: authOf(request),
    });
  } catch (err) {
    return sendError(err, request, reply, failures);
  }
  return sendReply(route, result, request, reply, failures);
}

export type Parsed = { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] };

/**
 * Deepest JSON nesting accepted in a request body. The deepest legitimate request is a filter at
 * the core's MAX_FILTER_DEPTH (64): about 2 JSON levels per filter level, so ~135. Deeper bodies are
 * refused before any handler sees them, because recursive code on the way (JSON.stringify in error
 * messages, metadata and filter checks) overflows V8's stack at a few thousand levels and would
 * answer 500 (a body of ~20 kB is enough).
 */
export const MAX_JSON_DEPTH = 512;

/**
 * True when `text` nests objects/arrays deeper than `max`. Looks only at structural characters and
 * skips string contents (a bracket inside a string is not nesting); no recursion, so any depth is safe.
 */
export function nestedDeeperThan(text: string, max: number): boolean {
  const structural = /["{}[\]]/g;
  let depth = 0;
  for (let m = structural.exec(text); m !== null; m = structural.exec(text)) {
    const c = text.charCodeAt(m.index);
    if (c === 0x22) {
      // Jump to the closing quote: the next '"' preceded by an even number of backslashes.
      let end = m.index;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end < 0) return false; // unterminated string: JSON.parse reports it
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
      }
      structural.lastIndex = end + 1;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else {
      depth--;
    }
  }
  return false;
}

/**
 * A body's bytes as text. Bodies are UTF-8; one of ASCII bytes only (every body of base64 embeddings,
 * ids and metadata a client writes with JSON's \u escapes) reads the same as Latin-1, which Node
 * turns into a string with one copy, where its UTF-8 decoder takes ~10 ms for the ~2 MB of a
 * 1000 x 384 add (issue 18). The ASCII check itself is a SIMD scan (~0.03 ms for that body).
 */
export function bodyText(raw: Buffer): string {
  return isAscii(raw) ? raw.toString("latin1") : raw.toString("utf8");
}

/** Operations whose body is a write batch with a top-level `embeddings` array (AddEmbedding, UpdateEmbedding). */
const WRITES = new Set<string>(["v2CollectionAdd", "v2CollectionUpsert", "v2CollectionUpdate", "v1CollectionAdd", "v1CollectionUpsert", "v1CollectionUpdate"]);

/**
 * A write body whose embeddings are base64 (http/embeddings-body.ts): they are decoded from the
 * bytes, and only the rest of the body is parsed as JSON text, with a predecoded array in their
 * place that core/embeddings.ts decodeEmbeddings answers from. Undefined when the body is not one
 * the fast path answers for, or its rest does not parse: the usual path then reads the whole body
 * (and gives its exact answer, errors included).
 */
function parseWriteBody(raw: Buffer): Parsed | undefined {
  const split = splitEmbeddings(raw);
  if (split === null) return undefined;
  // Both pieces end or start at an ASCII byte, so decoding them apart reads what decoding the whole would.
  const text = bodyText(raw.subarray(0, split.start)) + "null" + bodyText(raw.subarray(split.end));
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) return undefined;
  let value: unknown;
  try {
    value = parseJson(text);
  } catch {
    return undefined;
  }
  const body = value as Record<string, unknown>;
  if (body === null || typeof body !== "object" || Array.isArray(body) || body.embeddings !== null) return undefined;
  body.embeddings = predecodedEmbeddings(split.embeddings);
  return { ok: true, value: body };
}

/**
 * Raw bytes -> JSON value. undefined = no body (allowed only when the operation's body is optional).
 * `write`: the operation's body is a write batch (WRITES), whose base64 embeddings may be decoded
 * from the bytes. Exported for tests.
 */
export function parseBody(raw: unknown, required: boolean, write = false): Parsed {
  if (write && Buffer.isBuffer(raw)) {
    const parsed = parseWriteBody(raw);
    if (parsed !== undefined) {
      releaseBody(raw); // nothing parsed refers to the bytes: the embeddings were decoded into their own buffer
      return parsed;
    }
  }
  const text = Buffer.isBuffer(raw) ? bodyText(raw) : typeof raw === "string" ? raw : "";
  releaseBody(raw); // the text is a copy: the reused body buffer can take the next request
  if (text.trim() === "") {
    return required ? { ok: false, issues: [{ loc: ["body"], msg: "Field required", type: "missing" }] } : { ok: true, value: undefined };
  }
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
    return { ok: false, issues: [{ loc: ["body"], msg: `JSON nested deeper than ${MAX_JSON_DEPTH} levels`, type: "json_invalid" }] };
  }
  try {
    // A UTF-8 BOM is legal in front of JSON text but JSON.parse rejects it.
    return { ok: true, value: parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (err) {
    const reason = (err as Error).message;
    const position = /position (\d+)/.exec(reason);
    return {
      ok: false,
      issues: [{ loc: position ? ["body", Number(position[1])] : ["body"], msg: `JSON decode error: ${reason}`, type: "json_invalid" }],
    };
  }
}

function formatLoc(loc: (string | number)[]): string {
  let out = "";
  for (const part of loc) out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  return out;
}

/**
 * "body.ids[2]: must be string; query.limit: must be integer (and 3 more)". Deepest locations first:
 * when a union (anyOf/oneOf) fails, the innermost problem says what is wrong, the outer ones only
 * that no branch matched.
 */
function describeIssues(issues: ValidationIssue[]): string {
  const byDepth = issues.map((issue, index) => ({ issue, index })).sort((a, b) => b.issue.loc.length - a.issue.loc.length || a.index - b.index);
  const shown = byDepth.slice(0, 3).map(({ issue }) => `${formatLoc(issue.loc)}: ${issue.msg}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : "";
  return `Invalid request: ${shown.join("; ")}${more}`;
}

/** The spec's path template of a fastify path: /api/v2/tenants/:tenant -> /api/v2/tenants/{tenant}. */
export function specTemplate(fastifyPath: string): string {
  return fastifyPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

/** The caller's token: `Authorization: Bearer <token>` or upstream's `X-Chroma-Token` header. */
export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === "string") {
    const match = /^\s*bearer\s+(.+?)\s*$/i.exec(header);
    if (match) return match[1];
  }
  const token = request.headers["x-chroma-token"];
  if (typeof token === "string" && token !== "") return token;
  return undefined;
}

function authOf(request: FastifyRequest): RequestAuth {
  const token = tokenOf(request);
  return token === undefined ? {} : { token };
}

function sendReply(route: RouteDefinition, result: { status: number; body?: unknown }, request: FastifyRequest, reply: FastifyReply, failures: FailureLog) {
  const mediaType = route.responses[String(result.status)];
  if (!route.successStatus.includes(result.status) || mediaType === undefined) {
    // The Handlers types make this unreachable from TypeScript; a JS caller or a cast got here.
    return sendError(new Error(`handler ${route.operationId} returned undeclared status ${result.status}`), request, reply, failures);
  }
  reply.code(result.status);
  if (mediaType === null) return reply.send();
  if (mediaType === "application/json" || mediaType.endsWith("+json")) {
    return reply.header("content-type", `${mediaType}; charset=utf-8`).send(stringifyJson(result.body ?? null));
  }
  return reply.header("content-type", mediaType).send(typeof result.body === "string" ? result.body : String(result.body));
}

/**
 * Thrown errors with a numeric status 400-599 and a name are answers; fastify's own 4xx request
 * errors keep their status; anything else is a failure that is not the request's fault (a 503 for
 * storage, a 500 otherwise; see failures.ts), answered without internal detail.
 */
function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply, failures: FailureLog) {
  const e = (err ?? {}) as { status?: unknown; statusCode?: unknown; name?: unknown; message?: unknown; code?: unknown };
  const message = typeof e.message === "string" ? e.message : String(err);
  if (typeof e.status === "number" && e.status >= 400 && e.status <= 599 && typeof e.name === "string") {
    if (e.status >= 500) request.log.error({ err }, `${request.method} ${request.routeOptions.config?.template ?? request.url} failed`);
    const body: ErrorBody = { error: e.name, message };
    return reply.code(e.status).send(body);
  }
  // fastify's own request errors (FST_ERR_CTP_BODY_TOO_LARGE, ...) carry statusCode.
  if (typeof e.statusCode === "number" && e.statusCode >= 400 && e.statusCode < 500 && typeof e.code === "string" && e.code.startsWith("FST_")) {
    // 413: upstream answers {"error": "ChromaError"} ("Failed to buffer the request body: length limit exceeded").
    const name = e.statusCode === 413 ? "ChromaError" : "InvalidArgumentError";
    const body: ErrorBody = { error: name, message };
    return reply.code(e.statusCode).send(body);
  }
  const failure = classifyFailure(err, request.id);
  failures.record(failure, err, { trace_id: request.id, method: request.method, route: request.routeOptions.config?.template ?? request.routeOptions.url ?? "(no route)" });
  const body: ErrorBody = { error: failure.error, message: failure.message };
  return reply.code(failure.status).send(body);
}
