/**
 * The advertised limits, at their exact boundaries, on a real server started with small ones:
 * batch size (pre-flight max_batch_size, 413 above it, nothing written), body size (413 above
 * CHROMA_MAX_BODY_BYTES, with or without Content-Length, seen even by a client that writes its whole
 * body before reading), filter depth (MAX_FILTER_DEPTH accepted,
 * one more refused with 400), JSON nesting (512 levels), name rules, and paging values far beyond
 * any collection. Also: a very wide filter under the default body limit must not take the server down.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { ok, seedRecords, v2db } from "./support/cluster.js";
import { deepWhere, deepWhereDocument } from "./support/hostile.js";
import { call, enc, isErrorBody, send, sendWholeThenRead, type RawResponse } from "./support/http.js";
import { MAX_FILTER_DEPTH } from "../../src/core/where.js";
import { MAX_JSON_DEPTH } from "../../src/http/router.js";

const MAX_BATCH = 10;
const BODY_LIMIT = 64 * 1024;
const BASE = v2db("default_tenant", "default_database");

let server: RunningServer;
let collectionId: string;

function expectError(res: RawResponse, status: number, error?: string) {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  expect(isErrorBody(res.json), res.text.slice(0, 300)).toBe(true);
  if (error) expect((res.json as { error: string }).error).toBe(error);
}

const post = (path: string, body: unknown) => call(server.url, "POST", path, { body });
const records = (path: string) => `${BASE}/collections/${collectionId}/${path}`;

beforeAll(async () => {
  server = await startServer({ env: { CHROMA_MAX_BATCH_SIZE: String(MAX_BATCH), CHROMA_MAX_BODY_BYTES: String(BODY_LIMIT) } });
  collectionId = (ok(await post(`${BASE}/collections`, { name: "limits" }), "create").json as { id: string }).id;
  ok(await post(records("add"), seedRecords("base", 4)), "seed");
}, 60_000);

afterAll(async () => {
  await server?.dispose();
});

describe("batch size", () => {
  it("is advertised by pre-flight-checks (v1 and v2)", async () => {
    expect((await call(server.url, "GET", "/api/v2/pre-flight-checks")).json).toMatchObject({ max_batch_size: MAX_BATCH });
    expect((await call(server.url, "GET", "/api/v1/pre-flight-checks")).json).toMatchObject({ max_batch_size: MAX_BATCH });
  });

  it("accepts exactly max_batch_size records and refuses one more with 413, writing nothing", async () => {
    for (const op of ["add", "upsert", "update"]) {
      const full = seedRecords(`${op}-full`, MAX_BATCH);
      expect((await post(records(op), full)).status, op).toBeLessThan(300);
      const countBefore = (await call(server.url, "GET", records("count"))).json;
      const over = seedRecords(`${op}-over`, MAX_BATCH + 1);
      expectError(await post(records(op), over), 413, "BatchSizeExceededError");
      expect((await call(server.url, "GET", records("count"))).json, op).toBe(countBefore);
      // v1 enforces the same limit.
      expectError(await post(`/api/v1/collections/${collectionId}/${op}`, over), 413, "BatchSizeExceededError");
    }
    const got = (await post(records("get"), { ids: seedRecords("add-over", MAX_BATCH + 1).ids })).json as { ids: string[] };
    expect(got.ids).toEqual([]);
  });
});

describe("body size", () => {
  const bodyOf = (bytes: number) => {
    const text = JSON.stringify({ ids: ["a"] });
    return text + " ".repeat(bytes - Buffer.byteLength(text));
  };

  it("accepts a body of exactly CHROMA_MAX_BODY_BYTES and answers 413 one byte above, with or without Content-Length", async () => {
    const atLimit = await send(server.url, { method: "POST", path: records("get"), headers: { "content-type": "application/json" }, body: bodyOf(BODY_LIMIT) });
    expect(atLimit.status, atLimit.text).toBe(200);
    for (const chunked of [false, true]) {
      const over = await send(server.url, { method: "POST", path: records("get"), headers: { "content-type": "application/json" }, body: bodyOf(BODY_LIMIT + 1), chunked });
      expectError(over, 413, "ChromaError");
      const far = await send(server.url, { method: "POST", path: records("add"), headers: { "content-type": "application/json" }, body: bodyOf(BODY_LIMIT * 20), chunked });
      expectError(far, 413, "ChromaError");
    }
    expect((await call(server.url, "GET", "/api/v2/heartbeat")).status).toBe(200);
  });

  it("answers 413 to a client that writes its whole oversize body before reading (as Python's http.client does)", async () => {
    // 16 MiB: far more than loopback buffers hold, so the server answers while the client is still
    // writing; it must read and discard the rest (lingering close) instead of resetting the
    // connection, which would fail the client's write and lose the 413 (EPIPE).
    for (const chunked of [false, true]) {
      const far = await sendWholeThenRead(server.url, { method: "POST", path: records("add"), headers: { "content-type": "application/json" }, body: bodyOf(16 * 1024 * 1024), chunked });
      expectError(far, 413, "ChromaError");
      expect(far.headers.connection).toBe("close");
    }
    expect((await call(server.url, "GET", "/api/v2/heartbeat")).status).toBe(200);
  });
});

describe("filter depth", () => {
  it(`answers filters nested ${MAX_FILTER_DEPTH} levels and refuses ${MAX_FILTER_DEPTH + 1} with 400`, async () => {
    for (const [key, make] of [["where", deepWhere], ["where_document", deepWhereDocument]] as const) {
      for (const op of ["get", "delete"]) {
        const deepest = await post(records(op), { [key]: make(MAX_FILTER_DEPTH) });
        expect(deepest.status, `${key} ${op} at ${MAX_FILTER_DEPTH}: ${deepest.text.slice(0, 300)}`).toBe(200);
        const deeper = await post(records(op), { [key]: make(MAX_FILTER_DEPTH + 1) });
        expectError(deeper, 400, "InvalidArgumentError");
        expect((deeper.json as { message: string }).message).toMatch(/nesting deeper than/);
      }
      const query = await post(records("query"), { query_embeddings: [[0.5, 0.5, 0.5]], [key]: make(MAX_FILTER_DEPTH) });
      expect(query.status, `${key} query at ${MAX_FILTER_DEPTH}: ${query.text.slice(0, 300)}`).toBe(200);
    }
  });

  it(`refuses request JSON nested deeper than ${MAX_JSON_DEPTH} levels before anything else (422), whatever the field`, async () => {
    const nest = (levels: number) => "[".repeat(levels) + "]".repeat(levels);
    // {"ids": <levels-1 arrays>} is exactly `levels` deep.
    const at = await send(server.url, { method: "POST", path: records("get"), headers: { "content-type": "application/json" }, body: `{"ids":${nest(MAX_JSON_DEPTH - 1)}}` });
    expect(at.status).toBe(422);
    expect((at.json as { message: string }).message).not.toMatch(/nested deeper/);
    for (const [path, body] of [
      [records("get"), `{"ids":${nest(MAX_JSON_DEPTH)}}`],
      // Both of these overflowed V8's stack in the server's checks (500) before the router refused them.
      [records("add"), `{"ids":["x"],"embeddings":[[1,2,3]],"metadatas":[{"k":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}]}`],
      [records("get"), `{"where":{"k":{"$eq":${nest(20_000)}}}}`],
    ]) {
      const res = await send(server.url, { method: "POST", path, headers: { "content-type": "application/json" }, body });
      expectError(res, 422, "InvalidArgumentError");
      expect((res.json as { message: string }).message).toContain(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    }
  });
});

describe("names", () => {
  it("refuses collection and database names outside 3-512 characters of [a-zA-Z0-9._-] (alphanumeric at both ends)", async () => {
    const bad = ["ab", "x".repeat(513), "-abc", "abc-", "../etc", "a/b", "a b", "caf\u00e9", "a\u0000b", "a\u202eb", "emoji😀", "%2F..", ""];
    for (const name of bad) {
      expectError(await post(`${BASE}/collections`, { name }), 400, "InvalidArgumentError");
      expectError(await post("/api/v2/tenants/default_tenant/databases", { name }), 400, "InvalidArgumentError");
    }
    for (const name of ["abc", "x".repeat(512), "A.b_c-9"]) {
      expect((await post(`${BASE}/collections`, { name })).status, name).toBe(200);
    }
  });

  it("serves every valid name in a path, up to the longest (512 characters)", async () => {
    // Created through a body, the name must also work where it is a path segment (get/delete by
    // name, tenant and database paths); a router limit on segment length must not cut it short.
    const long = "L".repeat(509) + "end";
    const created = await post(`${BASE}/collections`, { name: long });
    expect(created.status, created.text.slice(0, 200)).toBe(200);
    const got = await call(server.url, "GET", `${BASE}/collections/${long}`);
    expect(got.status, got.text.slice(0, 200)).toBe(200);
    expect((got.json as { name: string }).name).toBe(long);
    expect((await call(server.url, "DELETE", `${BASE}/collections/${long}`)).status).toBe(200);
    const tenant = "T".repeat(512);
    expect((await post("/api/v2/tenants", { name: tenant })).status).toBe(200);
    expect((await post(`/api/v2/tenants/${tenant}/databases`, { name: long })).status).toBe(200);
    const db = await call(server.url, "GET", `/api/v2/tenants/${tenant}/databases/${long}`);
    expect(db.status, db.text.slice(0, 200)).toBe(200);
  });

  it("refuses tenant names with path separators or control characters, and too short ones", async () => {
    for (const name of ["ab", "a/b", "a\\b", "a\u0000b", "a\nb", "x".repeat(513)]) expectError(await post("/api/v2/tenants", { name }), 400, "InvalidArgumentError");
  });

  it("treats odd characters in path segments as names that do not exist", async () => {
    for (const segment of ["a%2Fb", "..%2F..", "%00", "%E2%80%AEabc", encodeURIComponent("😀😀😀"), "%2e%2e"]) {
      const res = await send(server.url, { method: "GET", path: `${BASE}/collections/${segment}` });
      expect(res.status, segment).toBe(404);
      expect(isErrorBody(res.json)).toBe(true);
    }
    const tenant = await send(server.url, { method: "GET", path: `/api/v2/tenants/${enc("a/../default_tenant")}` });
    expectError(tenant, 404);
  });
});

describe("paging values far beyond any collection", () => {
  // Upstream 1.x refuses values above 2^32-1 (422, "expected u32"); answering them is fine too, as
  // long as the answer means what was asked. What must never happen is a huge offset wrapping
  // around to a small one and returning records it was asked to skip.
  it("offset at or above 2^32 skips everything (or is refused); huge limit and n_results return everything (or are refused)", async () => {
    const total = (await call(server.url, "GET", records("count"))).json as number;
    const refused = (res: RawResponse) => res.status >= 400 && res.status < 500 && isErrorBody(res.json);
    for (const offset of [2 ** 32, 2 ** 32 + 1, 2 ** 53, 1e300]) {
      const res = await post(records("get"), { offset });
      if (!refused(res)) expect((res.json as { ids: string[] }).ids, `offset ${offset}: ${res.text.slice(0, 200)}`).toEqual([]);
    }
    for (const limit of [2 ** 31, 2 ** 32, 2 ** 53, 1e300]) {
      const res = await post(records("get"), { limit });
      if (!refused(res)) expect((res.json as { ids: string[] }).ids?.length, `limit ${limit}: ${res.text.slice(0, 200)}`).toBe(total);
    }
    for (const n_results of [2 ** 31, 2 ** 32, 2 ** 53]) {
      const res = await post(records("query"), { query_embeddings: [[0.5, 0.5, 0.5]], n_results });
      if (!refused(res)) expect((res.json as { ids: string[][] }).ids?.[0]?.length, `n_results ${n_results}: ${res.text.slice(0, 200)}`).toBe(total);
    }
  });
});

describe("very wide filters under the default body limit", () => {
  let wide: RunningServer;

  afterAll(async () => {
    await wide?.dispose();
  });

  // Under the default 500 MiB body limit a filter can have millions of terms. Chroma 1.3.x itself
  // dies on this one (measured against the reference server); ours must not.
  it("an $or of 100,000 terms gets an answer and the server stays up", async () => {
    wide = await startServer();
    const id = (ok(await call(wide.url, "POST", `${BASE}/collections`, { body: { name: "wide" } }), "create").json as { id: string }).id;
    ok(await call(wide.url, "POST", `${BASE}/collections/${id}/add`, { body: seedRecords("w", 3) }), "seed");
    const cases = [
      { where: { $or: Array.from({ length: 100_000 }, (_, i) => ({ i })) } },
      { where_document: { $or: Array.from({ length: 100_000 }, (_, i) => ({ $contains: `w${i}` })) } },
      { where: { $and: Array.from({ length: 100_000 }, (_, i) => ({ i: { $ne: -i - 1 } })) } },
    ];
    for (const body of cases) {
      let res: RawResponse | undefined;
      let failure: unknown;
      try {
        res = await call(wide.url, "POST", `${BASE}/collections/${id}/get`, { body });
      } catch (err) {
        failure = err;
      }
      const what = `${Object.keys(body)[0]} with 100,000 terms`;
      expect(failure, `no answer to ${what} (${String(failure)}); server output:\n${wide.output.join("").slice(-1500)}`).toBeUndefined();
      expect(res!.status, `${what}: ${res!.text.slice(0, 300)}`).toBeLessThan(500);
      expect((await call(wide.url, "GET", "/api/v2/heartbeat")).status).toBe(200);
    }
  }, 120_000);
});
