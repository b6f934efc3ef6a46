/**
 * The router against a fake Handlers object (every operation records its input and answers with
 * its first 2xx status), driven through fastify.inject: registration of the whole route table,
 * coercion, validation failures, JSON parsing, auth extraction, error mapping, 404/405.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import type { Handlers, RequestAuth } from "../../src/generated/handlers.js";
import { routes } from "../../src/generated/routes.js";
import { registerRoutes } from "../../src/http/router.js";

interface Call {
  operationId: string;
  params: unknown;
  query: unknown;
  body: unknown;
  auth: RequestAuth;
}

type Override = (input: Omit<Call, "operationId">) => Promise<{ status: number; body?: unknown }>;

function fakeHandlers(calls: Call[], overrides: Record<string, Override> = {}): Handlers {
  const entries = routes.map((route) => [
    route.operationId,
    async (input: Omit<Call, "operationId">) => {
      calls.push({ operationId: route.operationId, ...input });
      if (overrides[route.operationId]) return overrides[route.operationId](input);
      return { status: route.successStatus[0], body: { answeredBy: route.operationId } };
    },
  ]);
  return Object.fromEntries(entries) as unknown as Handlers;
}

const DB = "/api/v2/tenants/t1/databases/d1";
const COLL = `${DB}/collections/c1`;

let app: FastifyInstance | undefined;

async function build(overrides: Record<string, Override> = {}, bodyLimit?: number) {
  const calls: Call[] = [];
  app = Fastify();
  registerRoutes(app, fakeHandlers(calls, overrides), bodyLimit === undefined ? {} : { bodyLimit });
  await app.ready();
  return { app, calls };
}

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("route registration", () => {
  it("registers every operation of the route table under its method and fastify path", async () => {
    const { app } = await build();
    for (const route of routes) {
      expect(app.hasRoute({ method: route.method, url: route.fastifyPath }), `${route.method} ${route.fastifyPath}`).toBe(true);
    }
  });

  it("routes each request to the handler of its operation", async () => {
    const { app, calls } = await build();
    const res = await app.inject({ method: "GET", url: `${DB}/collections_count` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ answeredBy: "v2CountCollections" });
    expect(calls.map((c) => c.operationId)).toEqual(["v2CountCollections"]);
  });

  it("throws when a handler is missing", () => {
    const handlers = fakeHandlers([]) as unknown as Record<string, unknown>;
    delete handlers.v2CollectionAdd;
    expect(() => registerRoutes(Fastify(), handlers as unknown as Handlers)).toThrow(/v2CollectionAdd/);
  });
});

describe("parameters", () => {
  it("passes decoded path params and coerces integer query params", async () => {
    const { app, calls } = await build();
    const res = await app.inject({ method: "GET", url: "/api/v2/tenants/my%20tenant/databases/d1/collections?limit=5&offset=2&unknown=x" });
    expect(res.statusCode).toBe(200);
    expect(calls[0].params).toEqual({ tenant: "my tenant", database: "d1" });
    expect(calls[0].query).toEqual({ limit: 5, offset: 2 });
  });

  it("applies query parameter defaults from the spec (v1 tenant/database)", async () => {
    const { app, calls } = await build();
    await app.inject({ method: "GET", url: "/api/v1/count_collections" });
    expect(calls[0].query).toEqual({ tenant: "default_tenant", database: "default_database" });
    await app.inject({ method: "GET", url: "/api/v1/count_collections?tenant=t9" });
    expect(calls[1].query).toEqual({ tenant: "t9", database: "default_database" });
  });

  it("answers 422 naming the field when a query parameter is not an integer", async () => {
    const { app, calls } = await build();
    const res = await app.inject({ method: "GET", url: `${DB}/collections?limit=ten` });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error).toBe("InvalidArgumentError");
    expect(body.message).toContain("query.limit");
    expect(body.detail).toEqual([{ loc: ["query", "limit"], msg: "must be integer", type: "int_type" }]);
    expect(calls).toHaveLength(0);
  });

  it("routes a collection literally named by-id to the by-name operations, not to a 405", async () => {
    const { app, calls } = await build();
    const res = await app.inject({ method: "POST", url: `${DB}/collections/by-id/add`, payload: { ids: ["a"], embeddings: [[1]] } });
    expect(res.statusCode).toBe(201);
    expect(calls[0]).toMatchObject({ operationId: "v2CollectionAdd", params: { collection_id: "by-id" } });
  });
});

describe("request bodies", () => {
  const add = { ids: ["a", "b"], embeddings: [[1, 2.5], [3, 4]], metadatas: [{ k: "v" }, null], documents: ["x", "y"] };

  it("parses and validates a JSON body and passes it to the handler", async () => {
    const { app, calls } = await build();
    const res = await app.inject({ method: "POST", url: `${COLL}/add`, payload: add });
    expect(res.statusCode).toBe(201);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(calls[0].body).toEqual(add);
  });

  it("accepts base64 embeddings as the spec allows", async () => {
    const { app, calls } = await build();
    const res = await app.inject({ method: "POST", url: `${COLL}/upsert`, payload: { ids: ["a"], embeddings: ["AACAPw=="] } });
    expect(res.statusCode).toBe(200);
    expect(calls[0].operationId).toBe("v2CollectionUpsert");
  });

  it("reads bodies as UTF-8, whether every byte is ASCII or not (a BOM, multi-byte and malformed sequences)", async () => {
    const { app, calls } = await build();
    const docs = ["plain", "é ü 日本語 🙂", "\u0000 and \u00ff"];
    const json = JSON.stringify({ ids: ["a", "b", "c"], embeddings: [[1], [2], [3]], documents: docs });
    // Pure ASCII (a JSON escape), with a BOM, and with raw multi-byte characters.
    const ascii = Buffer.from('{"ids":["a"],"embeddings":[[1]],"documents":["x\\u00e9"]}');
    const bodies = [ascii, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]), Buffer.from(json)];
    // Bytes that are not UTF-8 read as U+FFFD, as Node's UTF-8 decoder reads them (never as Latin-1).
    const malformed = Buffer.concat([Buffer.from('{"ids":["a"],"embeddings":[[1]],"documents":["'), Buffer.from([0xe9, 0x41]), Buffer.from('"]}')]);
    for (const payload of [...bodies, malformed]) {
      const res = await app.inject({ method: "POST", url: `${COLL}/add`, payload, headers: { "content-type": "application/json" } });
      expect(res.statusCode).toBe(201);
    }
    expect(calls.map((c) => (c.body as { documents: string[] }).documents)).toEqual([["xé"], docs, docs, ["\ufffdA"]]);
  });

  it("parses JSON sent without a content type or as text/plain", async () => {
    const { app, calls } = await build();
    const raw = JSON.stringify({ name: "t2" });
    const a = await app.inject({ method: "POST", url: "/api/v2/tenants", payload: raw, headers: { "content-type": "text/plain" } });
    // A string payload without headers reaches fastify with no Content-Type at all.
    const b = await app.inject({ method: "POST", url: "/api/v2/tenants", payload: raw });
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(calls.map((c) => c.body)).toEqual([{ name: "t2" }, { name: "t2" }]);
  });

  it("answers 422 with error, message and detail for malformed JSON", async () => {
    const { app, calls } = await build();
    const res = await app.inject({ method: "POST", url: "/api/v2/tenants", payload: '{"name": ', headers: { "content-type": "application/json" } });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error).toBe("InvalidArgumentError");
    expect(body.message).toMatch(/JSON/);
    expect(body.detail).toHaveLength(1);
    expect(body.detail[0].type).toBe("json_invalid");
    expect(body.detail[0].loc[0]).toBe("body");
    expect(calls).toHaveLength(0);
  });

  it("answers 422 when a required body is empty", async () => {
    const { app } = await build();
    const res = await app.inject({ method: "POST", url: "/api/v2/tenants", headers: { "content-type": "application/json" } });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toEqual([{ loc: ["body"], msg: "Field required", type: "missing" }]);
  });

  it("answers 422 naming the element path of a schema violation", async () => {
    const { app, calls } = await build();
    const res = await app.inject({ method: "POST", url: `${COLL}/add`, payload: { ids: ["a", 7], embeddings: [[1], [2]] } });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.detail[0]).toEqual({ loc: ["body", "ids", 1], msg: "must be string", type: "string_type" });
    expect(body.message).toContain("body.ids[1]: must be string");
    expect(calls).toHaveLength(0);
  });

  it("puts the innermost problem of a failed union first in the message", async () => {
    const { app } = await build();
    const res = await app.inject({ method: "POST", url: `${COLL}/add`, payload: { ids: ["a"], embeddings: [[1, "x"]] } });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.message).toMatch(/^Invalid request: body\.embeddings\[0\]\[1\]: must be number/);
    expect(body.detail).toContainEqual({ loc: ["body", "embeddings", 0, 1], msg: "must be number", type: "float_type" });
  });

  it("reports a missing required field by name", async () => {
    const { app } = await build();
    const res = await app.inject({ method: "POST", url: "/api/v2/tenants", payload: {} });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toEqual([{ loc: ["body", "name"], msg: "Field required", type: "missing" }]);
  });

  it("answers 413 above the configured body limit", async () => {
    const { app, calls } = await build({}, 1024);
    const res = await app.inject({ method: "POST", url: `${COLL}/add`, payload: { ids: ["a"], embeddings: [new Array(500).fill(0.5)] } });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: "ChromaError" });
    expect(calls).toHaveLength(0);
  });
});

describe("auth", () => {
  it("takes the token from Authorization: Bearer or X-Chroma-Token", async () => {
    const { app, calls } = await build();
    await app.inject({ method: "GET", url: "/api/v2/auth/identity", headers: { authorization: "Bearer abc" } });
    await app.inject({ method: "GET", url: "/api/v2/auth/identity", headers: { "x-chroma-token": "def" } });
    await app.inject({ method: "GET", url: "/api/v2/auth/identity" });
    expect(calls.map((c) => c.auth)).toEqual([{ token: "abc" }, { token: "def" }, {}]);
  });
});

describe("replies and errors", () => {
  it("maps a thrown error with a 4xx status and name to that status and body", async () => {
    const notFound = Object.assign(new Error("Collection c1 does not exist."), { name: "NotFoundError", status: 404 });
    const { app } = await build({ v2GetCollection: async () => Promise.reject(notFound) });
    const res = await app.inject({ method: "GET", url: COLL });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: "NotFoundError", message: "Collection c1 does not exist." });
  });

  it("maps any other thrown error to 500 InternalError, without its text (details: test/ops/failures.test.ts)", async () => {
    const { app } = await build({ v2GetCollection: async () => Promise.reject(new TypeError("boom")) });
    const res = await app.inject({ method: "GET", url: COLL });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: "InternalError", message: expect.stringMatching(/^Internal error\. The server log has the details under trace id \S+\.$/) });
  });

  it("refuses to send a status the operation does not declare", async () => {
    const { app } = await build({ v2Heartbeat: async () => ({ status: 204 }) });
    const res = await app.inject({ method: "GET", url: "/api/v2/heartbeat" });
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toBe("InternalError");
  });

  it("serializes scalar JSON bodies (numbers, strings, null)", async () => {
    const { app } = await build({
      v2CountCollections: async () => ({ status: 200, body: 3 }),
      v2Version: async () => ({ status: 200, body: "1.0.0" }),
      v1UpdateCollection: async () => ({ status: 200, body: null }),
    });
    const count = await app.inject({ method: "GET", url: `${DB}/collections_count` });
    const version = await app.inject({ method: "GET", url: "/api/v2/version" });
    expect(count.body).toBe("3");
    expect(version.body).toBe('"1.0.0"');
  });

  it("answers 404 NotFoundError for unknown paths", async () => {
    const { app } = await build();
    const res = await app.inject({ method: "GET", url: "/api/v2/nope" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: "NotFoundError" });
    expect(typeof res.json().message).toBe("string");
  });

  it("answers 405 with an Allow header for a known path and a wrong method", async () => {
    const { app } = await build();
    const res = await app.inject({ method: "PATCH", url: COLL });
    expect(res.statusCode).toBe(405);
    expect(res.json()).toMatchObject({ error: "ChromaError" });
    expect(res.headers.allow).toBe("GET, PUT, DELETE, HEAD");
  });
});
