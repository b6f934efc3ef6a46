/**
 * Issue 17 item 4: an error answer is what the official Python client needs to raise the right
 * exception: a JSON body whose `error` is a name in its `errors.error_types` (anything else becomes
 * a bare `Exception`), a `message` (the exception's text) and the chroma-trace-id header (which it
 * sets as `exception.trace_id`). Every kind of v2 error is provoked over HTTP and checked against
 * the names the client (shared/python-client, chromadb 1.3.5's errors.py) knows. The Python suite
 * (server/test/compat/python) checks the same through the client itself.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuthServer, type AuthServer } from "../security/support/cluster.js";
import { send, type RawResponse } from "../security/support/http.js";

const HERE = dirname(fileURLToPath(import.meta.url));

/** chromadb/errors.py of the official client, in the nearest shared/ beside the repository. */
function pythonErrorsFile(): string | undefined {
  for (let dir = resolve(HERE, "../../.."); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "shared/python-client/chromadb-1.3.5/chromadb/errors.py");
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** The keys of `error_types` in errors.py. */
function pythonErrorNames(file: string): Set<string> {
  const text = readFileSync(file, "utf8");
  const block = text.slice(text.indexOf("error_types"));
  return new Set([...block.slice(0, block.indexOf("}")).matchAll(/"(\w+)":/g)].map((m) => m[1]));
}

const errorsFile = pythonErrorsFile();
const BASE = "/api/v2/tenants/acme/databases/main";
let server: AuthServer;

beforeAll(async () => {
  server = await startAuthServer(
    [
      { id: "admin", tenant: "*", databases: ["*"], tokens: ["admin"] },
      { id: "other", tenant: "other", databases: ["*"], tokens: ["other"] },
    ],
    { env: { CHROMA_MAX_BATCH_SIZE: "2", CHROMA_MAX_BODY_BYTES: "4096" } },
  );
  const admin = { authorization: "Bearer admin", "content-type": "application/json" };
  await send(server.url, { method: "POST", path: "/api/v2/tenants", headers: admin, body: JSON.stringify({ name: "acme" }) });
  await send(server.url, { method: "POST", path: "/api/v2/tenants/acme/databases", headers: admin, body: JSON.stringify({ name: "main" }) });
}, 60_000);
afterAll(() => server?.dispose());

describe.runIf(errorsFile || process.env.CI)("every v2 error answer is one the official Python client raises as a ChromaError", () => {
  it("carries a known error name, a message and the trace id", async () => {
    expect(errorsFile, "shared/python-client beside the repository").toBeDefined();
    const known = pythonErrorNames(errorsFile!);
    expect(known.has("NotFoundError")).toBe(true);
    const admin = { authorization: "Bearer admin", "content-type": "application/json" };
    const json = (body: unknown) => JSON.stringify(body);
    const created = await send(server.url, { method: "POST", path: `${BASE}/collections`, headers: admin, body: json({ name: "errors" }) });
    const id = (created.json as { id: string }).id;
    const cases: [string, Promise<RawResponse>][] = [
      ["400 invalid argument", send(server.url, { method: "POST", path: `${BASE}/collections`, headers: admin, body: json({ name: "x" }) })],
      ["401 no token", send(server.url, { method: "GET", path: `${BASE}/collections` })],
      ["403 other tenant", send(server.url, { method: "GET", path: `${BASE}/collections`, headers: { authorization: "Bearer other" } })],
      ["404 missing collection", send(server.url, { method: "GET", path: `${BASE}/collections/missing`, headers: admin })],
      ["404 no route", send(server.url, { method: "GET", path: "/api/v2/nothing", headers: admin })],
      ["405 wrong method", send(server.url, { method: "DELETE", path: "/api/v2/heartbeat", headers: admin })],
      ["409 duplicate", send(server.url, { method: "POST", path: `${BASE}/collections`, headers: admin, body: json({ name: "errors" }) })],
      ["413 batch", send(server.url, { method: "POST", path: `${BASE}/collections/${id}/add`, headers: admin, body: json({ ids: ["a", "b", "c"], embeddings: [[1], [2], [3]] }) })],
      ["413 body", send(server.url, { method: "POST", path: `${BASE}/collections/${id}/add`, headers: admin, body: json({ ids: ["a"], embeddings: [Array(3000).fill(1)] }) })],
      ["422 schema", send(server.url, { method: "POST", path: `${BASE}/collections/${id}/add`, headers: admin, body: json({ ids: "a" }) })],
      ["400 malformed path", send(server.url, { method: "GET", path: "/api/v2/tenants/%E0%A4%A", headers: admin })],
    ];
    const statuses: Record<string, number> = {};
    for (const [what, pending] of cases) {
      const res = await pending;
      statuses[what] = res.status;
      const body = res.json as { error?: unknown; message?: unknown };
      expect(known.has(String(body?.error)), `${what}: error name ${String(body?.error)} is not one the Python client knows`).toBe(true);
      expect(typeof body.message, what).toBe("string");
      expect(res.headers["chroma-trace-id"], what).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(statuses).toEqual({
      "400 invalid argument": 400,
      "401 no token": 401,
      "403 other tenant": 403,
      "404 missing collection": 404,
      "404 no route": 404,
      "405 wrong method": 405,
      "409 duplicate": 409,
      "413 batch": 413,
      "413 body": 413,
      "422 schema": 422,
      "400 malformed path": 400,
    });
  });
});
