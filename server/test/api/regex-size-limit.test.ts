/**
 * A $regex that parses but compiles past the regex crate's size limit (`(a{1000}){1000}`: a
 * million repetitions) is the request's fault: 400 InvalidArgumentError naming the limit, on
 * every operation a where_document reaches (v1 and v2 get, query, delete; the Search API), as
 * for a pattern that does not parse. Arrow's regexp kernel reports it at execution, by another
 * text than a parse error (storage/lance/errors.ts); the hostile-request suite found it as a 500.
 * Upstream 1.3.x answers it with a 500 (contract-tests/KNOWN_DIFFERENCES.md).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { callJson } from "../helpers/http.js";
import { startServer, type RunningServer } from "../helpers/server.js";

const V2 = "/api/v2/tenants/default_tenant/databases/default_database/collections";
const TOO_BIG = { $regex: "(a{1000}){1000}" };
const NOT_TOO_BIG = { $not_regex: "(a{1000}){1000}" };
let server: RunningServer;
let id: string;

beforeAll(async () => {
  server = await startServer();
  const created = await callJson(server.url, "POST", V2, { name: "regex-limits" });
  id = created.body.id as string;
  const added = await callJson(server.url, "POST", `${V2}/${id}/add`, { ids: ["a", "b"], embeddings: [[1, 0], [0, 1]], documents: ["aaa", "bbb"] });
  expect(added.status).toBe(201);
});
afterAll(async () => {
  await server.dispose();
});

const calls: [string, string, () => string, object][] = [
  ["v2 get", "POST", () => `${V2}/${id}/get`, { where_document: TOO_BIG }],
  ["v2 get, $not_regex", "POST", () => `${V2}/${id}/get`, { where_document: NOT_TOO_BIG }],
  ["v2 get, inside $or", "POST", () => `${V2}/${id}/get`, { where_document: { $or: [{ $contains: "a" }, TOO_BIG] } }],
  ["v2 query", "POST", () => `${V2}/${id}/query`, { query_embeddings: [[1, 0]], n_results: 1, where_document: TOO_BIG }],
  ["v2 delete", "POST", () => `${V2}/${id}/delete`, { where_document: TOO_BIG }],
  ["v1 get", "POST", () => `/api/v1/collections/${id}/get`, { where_document: TOO_BIG }],
  ["v1 query", "POST", () => `/api/v1/collections/${id}/query`, { query_embeddings: [[1, 0]], n_results: 1, where_document: TOO_BIG }],
  ["v1 delete", "POST", () => `/api/v1/collections/${id}/delete`, { where_document: TOO_BIG }],
];

it.each(calls)("%s: 400 InvalidArgumentError naming the size limit", async (_name, method, path, body) => {
  const res = await callJson(server.url, method, path(), body);
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error).toBe("InvalidArgumentError");
  expect(res.body.message).toMatch(/Compiled regex exceeds size limit of \d+ bytes/);
  expect(res.body.message).not.toMatch(/\.rs:\d|cargo|lance error/);
});

it("the Search API: 400 for the same pattern in a where on #document", async () => {
  const res = await callJson(server.url, "POST", `${V2}/${id}/search`, {
    searches: [{ filter: { "#document": TOO_BIG }, limit: { limit: 1 }, select: { keys: ["#id"] } }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error).toBe("InvalidArgumentError");
});

it("nothing was deleted, and a pattern within the limit still answers", async () => {
  const res = await callJson(server.url, "POST", `${V2}/${id}/get`, { where_document: { $regex: "a{3}" } });
  expect(res.status).toBe(200);
  expect(res.body.ids).toEqual(["a"]);
  expect((await callJson(server.url, "GET", `${V2}/${id}/count`)).body).toBe(2);
});
