/**
 * The Search API end to end against a brute-force model (test/helpers/search-model.ts): random
 * collections (quarter-step vectors, so float32 arithmetic is exact and ties are real ties) and
 * random searches — where trees over metadata / #id / #document, rank expressions over several
 * dense $knn leaves with defaults and return_rank, group_by, paging, select — sent over HTTP to the
 * real server; every answer must equal the model's, column by column.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeSearch } from "../../src/core/search/execute.js";
import { parseSearchRequest } from "../../src/core/search/payload.js";
import { toSearchResponse } from "../../src/core/search/response.js";
import { defaultSchema } from "../../src/core/schema.js";
import { Chroma, DEFAULT_DATABASE, DEFAULT_TENANT } from "../../src/core/chroma.js";
import { openStorage, type OpenedStorage } from "../../src/storage/open.js";
import { callJson } from "../helpers/http.js";
import { ModelReader, type ModelRecord, type ModelSpace } from "../helpers/search-model.js";
import { startServer, type RunningServer } from "../helpers/server.js";
import { tempDir } from "../storage/helpers.js";

const DIM = 4;
const DB = "/api/v2/tenants/default_tenant/databases/default_database";
const WORDS = ["alpha", "beta", "gamma", "delta"];

const quarter = fc.integer({ min: -8, max: 8 }).map((x) => x / 4 || 0);
const vector = fc.array(quarter, { minLength: DIM, maxLength: DIM });

const recordArb = fc.record({
  embedding: vector,
  document: fc.option(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(" ")), { nil: null }),
  metadata: fc.option(
    fc.record({ a: fc.integer({ min: 0, max: 3 }), b: fc.constantFrom("x", "y", "z"), c: fc.boolean() }, { requiredKeys: [] }).map((m) => (Object.keys(m).length ? m : null)),
    { nil: null },
  ),
});

const whereArb: fc.Arbitrary<unknown> = fc.letrec<{ w: unknown }>((tie) => ({
  w: fc.oneof(
    { depthSize: "small" },
    fc.record({ op: fc.constantFrom("$eq", "$ne", "$gt", "$lte"), v: fc.integer({ min: 0, max: 3 }) }).map(({ op, v }) => ({ a: { [op]: v } })),
    fc.constantFrom("x", "y", "z").map((v) => ({ b: v })),
    fc.record({ op: fc.constantFrom("$in", "$nin"), v: fc.subarray(["x", "y", "z"], { minLength: 1 }) }).map(({ op, v }) => ({ b: { [op]: v } })),
    fc.boolean().map((v) => ({ c: { $ne: v } })),
    fc.record({ op: fc.constantFrom("$in", "$nin"), ids: fc.subarray(["r0", "r1", "r2", "r3", "r5", "r8", "nope"], { minLength: 1 }) }).map(({ op, ids }) => ({ "#id": { [op]: ids } })),
    fc.record({ op: fc.constantFrom("$contains", "$not_contains"), w: fc.constantFrom(...WORDS, "ta") }).map(({ op, w }) => ({ "#document": { [op]: w } })),
    fc.record({ op: fc.constantFrom("$and", "$or"), children: fc.array(tie("w"), { maxLength: 3 }) }).map(({ op, children }) => ({ [op]: children })),
  ),
})).w;

const knnArb = fc
  .record({ query: vector, limit: fc.integer({ min: 0, max: 12 }), default: fc.option(fc.integer({ min: -2, max: 40 }), { nil: undefined }), return_rank: fc.boolean() }, { requiredKeys: ["query", "limit", "return_rank"] })
  .map((k) => ({ $knn: k }));

const rankArb: fc.Arbitrary<unknown> = fc.letrec<{ r: unknown }>((tie) => ({
  r: fc.oneof(
    { depthSize: "small", maxDepth: 3 },
    knnArb,
    fc.integer({ min: -4, max: 60 }).map((v) => ({ $val: v })),
    fc.record({ op: fc.constantFrom("$sum", "$mul", "$max", "$min"), terms: fc.array(tie("r"), { minLength: 1, maxLength: 3 }) }).map(({ op, terms }) => ({ [op]: terms })),
    fc.record({ op: fc.constantFrom("$sub", "$div"), left: tie("r"), right: tie("r") }).map(({ op, left, right }) => ({ [op]: { left, right } })),
    fc.record({ op: fc.constantFrom("$abs", "$log"), term: tie("r") }).map(({ op, term }) => ({ [op]: term })),
  ),
})).r;

const searchArb = fc
  .record(
    {
      filter: whereArb,
      rank: rankArb,
      group: fc.record({ keys: fc.subarray(["a", "b", "c"], { minLength: 1 }), kind: fc.constantFrom("$min_k", "$max_k"), by: fc.constantFrom("#score", "a"), k: fc.integer({ min: 1, max: 3 }) }),
      limit: fc.record({ offset: fc.integer({ min: 0, max: 4 }), limit: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }) }),
      select: fc.subarray(["#document", "#embedding", "#metadata", "#score", "a", "b", "missing"]),
    },
    { requiredKeys: ["limit", "select"] },
  )
  .map((s) => ({
    ...(s.filter !== undefined ? { filter: s.filter } : {}),
    ...(s.rank !== undefined ? { rank: s.rank } : {}),
    ...(s.rank !== undefined && s.group !== undefined ? { group_by: { keys: s.group.keys, aggregate: { [s.group.kind]: { keys: [s.group.by], k: s.group.k } } } } : {}),
    limit: s.limit,
    select: { keys: s.select },
  }));

/** Where the searches go: the real server over HTTP, or the core in-process on a given storage. */
interface Target {
  create(name: string, space: ModelSpace): Promise<string>;
  add(id: string, records: ModelRecord[]): Promise<void>;
  search(id: string, body: unknown): Promise<unknown>;
  drop(name: string): Promise<void>;
}

function httpTarget(server: () => RunningServer): Target {
  return {
    async create(name, space) {
      const created = await callJson(server().url, "POST", `${DB}/collections`, { name, configuration: { hnsw: { space } } });
      expect(created.status).toBe(200);
      return created.body.id;
    },
    async add(id, records) {
      const add = await callJson(server().url, "POST", `${DB}/collections/${id}/add`, {
        ids: records.map((r) => r.id),
        embeddings: records.map((r) => r.embedding),
        documents: records.map((r) => r.document),
        metadatas: records.map((r) => r.metadata),
      });
      expect(add.status).toBe(201);
    },
    async search(id, body) {
      const got = await callJson(server().url, "POST", `${DB}/collections/${id}/search`, body);
      expect(got.status, JSON.stringify(got.body)).toBe(200);
      return got.body;
    },
    async drop(name) {
      await callJson(server().url, "DELETE", `${DB}/collections/${name}`);
    },
  };
}

function coreTarget(chroma: () => Chroma): Target {
  const scope = { tenant: DEFAULT_TENANT, database: DEFAULT_DATABASE };
  return {
    create: async (name, space) => (await chroma().createCollection(scope, { name, configuration: { hnsw: { space } } })).id,
    add: (id, records) =>
      chroma().add(scope, id, {
        ids: records.map((r) => r.id),
        embeddings: records.map((r) => r.embedding),
        documents: records.map((r) => r.document),
        metadatas: records.map((r) => r.metadata),
      }),
    search: async (id, body) => JSON.parse(JSON.stringify(await chroma().search(scope, id, JSON.parse(JSON.stringify(body))))),
    drop: (name) => chroma().deleteCollection(scope, name),
  };
}

function agreesWithTheModel(target: Target, space: ModelSpace, runs: number): Promise<void> {
  let n = 0;
  return fc.assert(
    fc.asyncProperty(fc.array(recordArb, { minLength: 1, maxLength: 30 }), fc.array(searchArb, { minLength: 1, maxLength: 4 }), async (raw, searches) => {
      const records: ModelRecord[] = raw.map((r, i) => ({ id: `r${i}`, ...r }));
      const name = `model-${space}-${n++}`;
      const id = await target.create(name, space);
      await target.add(id, records);
      const body = JSON.parse(JSON.stringify({ searches }));
      const got = await target.search(id, body);
      const request = parseSearchRequest(body);
      const facts = { dimension: DIM, schema: defaultSchema() };
      const model = new ModelReader(records, space);
      const rows = [];
      for (const plan of request.searches) rows.push({ select: plan.select, rows: await executeSearch(plan, facts, model) });
      expect(got).toEqual(JSON.parse(JSON.stringify(toSearchResponse(rows))));
      await target.drop(name);
    }),
    { numRuns: runs },
  );
}

describe("search against a brute-force model", () => {
  let server: RunningServer;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let storage: OpenedStorage;
  let chroma: Chroma;
  beforeAll(async () => {
    server = await startServer();
    dir = await tempDir();
    // Nothing in memory: every read is a LanceDB scan, the generic reader answers.
    storage = await openStorage(dir.path, { memory: { enabled: false } });
    chroma = new Chroma(storage, { allowReset: false, maxBatchSize: 1000, version: "test" });
    await chroma.init();
  });
  afterAll(async () => {
    await server?.dispose();
    await storage?.close();
    await dir?.dispose();
  });

  for (const space of ["l2", "ip"] as ModelSpace[]) {
    it(`${space}, server with collections in memory: every answer equals the model's`, () => agreesWithTheModel(httpTarget(() => server), space, 60), 240_000);
  }
  it("l2, records only in LanceDB (the generic reader): every answer equals the model's", () => agreesWithTheModel(coreTarget(() => chroma), "l2", 30), 240_000);
});
