/**
 * Differential test: the same v2 requests go to chromaspec and to the upstream reference server
 * (CHROMA_REFERENCE_URL, e.g. `chroma-ref start --port 8100`), and the answers must agree: same
 * status, same error name, same data (ids, documents, metadatas, embeddings, distances within
 * float32 tolerance). Skipped when no reference URL is given; `make test-reference` runs it.
 * Cases where upstream 1.x and the issues deliberately differ are listed in
 * contract-tests/KNOWN_DIFFERENCES.md and are not sent here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../helpers/server.js";
import { callJson as call } from "../helpers/http.js";

const REFERENCE = process.env.CHROMA_REFERENCE_URL;
const DB = "/api/v2/tenants/default_tenant/databases/default_database";

interface Answer {
  status: number;
  body: unknown;
}

/** Compares two answers: numbers within float32 tolerance, errors by status and name only. */
function expectSame(ours: Answer, theirs: Answer, label: string): void {
  expect(ours.status, `${label}: status`).toBe(theirs.status);
  if (theirs.status >= 400) {
    const name = (b: unknown) => (b as { error?: string }).error;
    // 1.x names several errors "ChromaError"; we keep 0.6.3's specific names (KNOWN_DIFFERENCES.md).
    if (name(theirs.body) !== "ChromaError") expect(name(ours.body), `${label}: error name`).toBe(name(theirs.body));
    return;
  }
  expectClose(ours.body, theirs.body, label);
}

function expectClose(a: unknown, b: unknown, path: string): void {
  if (typeof b === "number" && typeof a === "number") {
    expect(Math.abs(a - b), `${path}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(b)));
    return;
  }
  if (Array.isArray(b)) {
    expect(Array.isArray(a), `${path}: array`).toBe(true);
    expect((a as unknown[]).length, `${path}: length`).toBe(b.length);
    b.forEach((item, i) => expectClose((a as unknown[])[i], item, `${path}[${i}]`));
    return;
  }
  if (b && typeof b === "object") {
    expect(a && typeof a === "object", `${path}: object`).toBe(true);
    expect(Object.keys(a as object).sort(), `${path}: keys`).toEqual(Object.keys(b).sort());
    for (const [k, v] of Object.entries(b)) expectClose((a as Record<string, unknown>)[k], v, `${path}.${k}`);
    return;
  }
  expect(a, path).toEqual(b);
}

const RECORDS = {
  ids: ["r1", "r2", "r3", "r4", "r5", "r6"],
  embeddings: [
    [0.1, 0.2, 0.3],
    [0.9, 0.1, 0.0],
    [0.5, 0.5, 0.5],
    [-0.2, 0.4, 0.8],
    [0.0, 0.0, 1.0],
    [0.3, -0.6, 0.2],
  ],
  documents: ["The quick brown fox", "jumps over", "the lazy dog", null, "Quick thinking", "fox and dog"],
  metadatas: [
    { color: "red", n: 1, score: 0.5, flag: true },
    { color: "blue", n: 2, score: 1.5 },
    { color: "red", n: 3, flag: false },
    null,
    { color: "green", n: 5, score: 2 },
    { n: 6.5, flag: true },
  ],
};

const WHERES: unknown[] = [
  { color: "red" },
  { color: { $ne: "red" } },
  { n: { $gt: 2 } },
  { n: { $gte: 2 } },
  { n: { $lt: 3 } },
  { n: { $lte: 3 } },
  { score: { $gt: 1 } },
  { n: { $eq: 6.5 } },
  { n: { $in: [1, 5] } },
  { color: { $nin: ["red", "blue"] } },
  { flag: true },
  { flag: { $ne: true } },
  { $and: [{ color: "red" }, { n: { $gt: 1 } }] },
  { $or: [{ color: "blue" }, { flag: true }] },
  { $and: [{ $or: [{ n: 1 }, { n: 5 }] }, { score: { $lte: 2 } }] },
  { missing: { $ne: 1 } },
  { missing: 1 },
];

const DOCUMENT_FILTERS: unknown[] = [
  { $contains: "fox" },
  { $not_contains: "fox" },
  { $contains: "Quick" },
  { $regex: "^[Tt]he" },
  { $not_regex: "dog$" },
  { $and: [{ $contains: "fox" }, { $contains: "dog" }] },
  { $or: [{ $contains: "lazy" }, { $contains: "jumps" }] },
];

describe.skipIf(!REFERENCE)("differential: chromaspec vs reference Chroma", () => {
  let server: RunningServer;
  const suffix = `${process.pid}-${Date.now()}`;
  const ids: Record<string, { ours: string; theirs: string }> = {};

  async function both(method: string, path: (side: "ours" | "theirs") => string, body?: unknown): Promise<[Answer, Answer]> {
    return Promise.all([call(server.url, method, path("ours"), body), call(REFERENCE!, method, path("theirs"), body)]);
  }

  beforeAll(async () => {
    server = await startServer();
    for (const space of ["l2", "cosine", "ip"]) {
      const name = `diff-${space}-${suffix}`;
      const [ours, theirs] = await both("POST", () => `${DB}/collections`, { name, metadata: { "hnsw:space": space } });
      expect(ours.status).toBe(200);
      expect(theirs.status).toBe(200);
      ids[space] = { ours: (ours.body as { id: string }).id, theirs: (theirs.body as { id: string }).id };
      const [a, b] = await both("POST", (s) => `${DB}/collections/${ids[space][s]}/add`, RECORDS);
      expectSame(a, b, `add ${space}`);
    }
  }, 60_000);

  afterAll(async () => {
    for (const space of Object.keys(ids)) await call(REFERENCE!, "DELETE", `${DB}/collections/diff-${space}-${suffix}`);
    await server?.dispose();
  });

  const rec = (space: string) => (s: "ours" | "theirs") => `${DB}/collections/${ids[space][s]}`;

  it("get: every where filter", async () => {
    for (const where of WHERES) {
      const [a, b] = await both("POST", (s) => `${rec("l2")(s)}/get`, { where, include: ["metadatas", "documents"] });
      expectSame(a, b, `get where ${JSON.stringify(where)}`);
    }
  });

  it("get: every where_document filter", async () => {
    for (const where_document of DOCUMENT_FILTERS) {
      const [a, b] = await both("POST", (s) => `${rec("l2")(s)}/get`, { where_document, include: ["documents"] });
      expectSame(a, b, `get where_document ${JSON.stringify(where_document)}`);
    }
  });

  it("get: include variants, ids, limit and offset", async () => {
    const bodies = [
      {},
      { include: [] },
      { include: ["embeddings", "uris"] },
      { ids: ["r3", "r1", "nope"] },
      { limit: 2 },
      { limit: 2, offset: 3 },
      { offset: 5 },
      { limit: 0 },
    ];
    for (const body of bodies) {
      const [a, b] = await both("POST", (s) => `${rec("l2")(s)}/get`, body);
      expectSame(a, b, `get ${JSON.stringify(body)}`);
    }
  });

  it("query: distances in every space, with and without filters, several queries", async () => {
    for (const space of ["l2", "cosine", "ip"]) {
      const bodies = [
        { query_embeddings: [[0.1, 0.2, 0.3]], n_results: 3 },
        { query_embeddings: [[1, 0, 0], [0, 1, 0]], n_results: 2, include: ["distances", "metadatas"] },
        { query_embeddings: [[0.2, 0.2, 0.2]], n_results: 100 },
        { query_embeddings: [[0.2, 0.2, 0.2]], n_results: 4, where: { color: "red" } },
        { query_embeddings: [[0.2, 0.2, 0.2]], n_results: 4, where_document: { $contains: "fox" }, include: ["embeddings", "distances"] },
      ];
      for (const body of bodies) {
        const [a, b] = await both("POST", (s) => `${rec(space)(s)}/query`, body);
        expectSame(a, b, `query ${space} ${JSON.stringify(body)}`);
      }
    }
  });

  it("writes: add ignores existing ids, update merges metadata, upsert inserts or merges, delete by filter", async () => {
    const steps: [string, unknown][] = [
      ["add", { ids: ["r1", "r7"], embeddings: [[9, 9, 9], [0.7, 0.7, 0.7]], documents: ["changed?", "seven"] }],
      ["update", { ids: ["r2", "zz"], metadatas: [{ color: null, extra: "x" }, { a: 1 }], documents: ["jumps higher", "nope"] }],
      ["upsert", { ids: ["r3", "r8"], embeddings: [[0.5, 0.5, 0.4], [0.8, 0.8, 0.8]], metadatas: [{ n: 30 }, { n: 8 }] }],
      ["delete", { where: { color: "green" } }],
      ["delete", { ids: ["r6"], where_document: { $contains: "fox" } }],
    ];
    for (const [op, body] of steps) {
      const [a, b] = await both("POST", (s) => `${rec("l2")(s)}/${op}`, body);
      expect(a.status, `${op} status`).toBe(b.status);
    }
    const [a, b] = await both("POST", (s) => `${rec("l2")(s)}/get`, { include: ["metadatas", "documents", "embeddings"] });
    expectSame(a, b, "state after writes");
    const [c1, c2] = await both("GET", (s) => `${rec("l2")(s)}/count`);
    expectSame(c1, c2, "count after writes");
  });

  it("errors: same status and name", async () => {
    const cases: [string, (s: "ours" | "theirs") => string, unknown][] = [
      ["POST", (s) => `${rec("cosine")(s)}/add`, { ids: ["x"], embeddings: [[1, 2]] }],
      ["POST", (s) => `${rec("cosine")(s)}/add`, { ids: ["x", "y"], embeddings: [[1, 2, 3]] }],
      ["POST", (s) => `${rec("cosine")(s)}/add`, { ids: [""], embeddings: [[1, 2, 3]] }],
      ["POST", (s) => `${rec("cosine")(s)}/get`, { where: { n: { $gt: "a" } } }],
      ["POST", (s) => `${rec("cosine")(s)}/get`, { where: { n: { $bad: 1 } } }],
      ["POST", (s) => `${rec("cosine")(s)}/get`, { where_document: { $bad: "x" } }],
      ["POST", (s) => `${rec("cosine")(s)}/query`, { query_embeddings: [[1, 2]] }],
      ["POST", () => `${DB}/collections/00000000-0000-4000-8000-000000000000/get`, {}],
      ["POST", () => `${DB}/collections/not-a-uuid/get`, {}],
      ["GET", () => `${DB}/collections/no-such-collection-${suffix}`, undefined],
      ["POST", () => `${DB}/collections`, { name: "x" }],
      ["POST", () => `${DB}/collections`, { name: `diff-l2-${suffix}` }],
      ["GET", () => `/api/v2/tenants/no-such-tenant-${suffix}`, undefined],
      ["GET", () => `/api/v2/tenants/default_tenant/databases/no-such-db-${suffix}`, undefined],
    ];
    for (const [method, path, body] of cases) {
      const [a, b] = await both(method, path, body);
      expectSame(a, b, `${method} ${path("theirs")} ${JSON.stringify(body)}`);
    }
  });
});
