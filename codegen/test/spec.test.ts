/**
 * Guards openapi.yaml, the single source of truth: every operation of the Chroma API we promise is
 * present under its fixed operationId, every answer documents an example, every error uses the
 * agreed bodies, and every example (and the filter grammar) validates against its schema. A lost
 * endpoint, a renamed id or a wrong example fails here before any generated code is touched.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Ajv2020 } from "ajv/dist/2020.js";

// ajv-formats is CommonJS whose default export NodeNext typing cannot see through an ESM import.
const require = createRequire(import.meta.url);
const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;

type Json = Record<string, any>;

const SPEC_URL = new URL("../../openapi.yaml", import.meta.url);
const spec: Json = parse(readFileSync(SPEC_URL, "utf8"));

const DB = "/api/v2/tenants/{tenant}/databases/{database}";
const COL = `${DB}/collections/{collection_id}`;

/** [method, path, operationId] of every seed operation (issue #2): 23 v2 + 22 v1. */
const SEED_OPERATIONS: [string, string, string][] = [
  ["get", "/api/v2", "v2Root"],
  ["post", "/api/v2/reset", "v2Reset"],
  ["get", "/api/v2/version", "v2Version"],
  ["get", "/api/v2/heartbeat", "v2Heartbeat"],
  ["get", "/api/v2/pre-flight-checks", "v2PreFlightChecks"],
  ["get", "/api/v2/auth/identity", "v2GetUserIdentity"],
  ["post", "/api/v2/tenants", "v2CreateTenant"],
  ["get", "/api/v2/tenants/{tenant}", "v2GetTenant"],
  ["post", "/api/v2/tenants/{tenant}/databases", "v2CreateDatabase"],
  ["get", DB, "v2GetDatabase"],
  ["get", `${DB}/collections`, "v2ListCollections"],
  ["post", `${DB}/collections`, "v2CreateCollection"],
  ["get", `${DB}/collections_count`, "v2CountCollections"],
  // The issue writes {collection_name} for GET/DELETE; the path template is shared, names normalized.
  ["get", `${DB}/collections/{collection_name}`, "v2GetCollection"],
  ["put", COL, "v2UpdateCollection"],
  ["delete", `${DB}/collections/{collection_name}`, "v2DeleteCollection"],
  ["post", `${COL}/add`, "v2CollectionAdd"],
  ["post", `${COL}/update`, "v2CollectionUpdate"],
  ["post", `${COL}/upsert`, "v2CollectionUpsert"],
  ["post", `${COL}/get`, "v2CollectionGet"],
  ["post", `${COL}/delete`, "v2CollectionDelete"],
  ["post", `${COL}/query`, "v2CollectionQuery"],
  ["get", `${COL}/count`, "v2CollectionCount"],
  ["get", "/api/v1", "v1Root"],
  ["post", "/api/v1/reset", "v1Reset"],
  ["get", "/api/v1/version", "v1Version"],
  ["get", "/api/v1/heartbeat", "v1Heartbeat"],
  ["get", "/api/v1/pre-flight-checks", "v1PreFlightChecks"],
  ["post", "/api/v1/databases", "v1CreateDatabase"],
  ["get", "/api/v1/databases/{database}", "v1GetDatabase"],
  ["post", "/api/v1/tenants", "v1CreateTenant"],
  ["get", "/api/v1/tenants/{tenant}", "v1GetTenant"],
  ["get", "/api/v1/collections", "v1ListCollections"],
  ["post", "/api/v1/collections", "v1CreateCollection"],
  ["get", "/api/v1/count_collections", "v1CountCollections"],
  ["post", "/api/v1/collections/{collection_id}/add", "v1CollectionAdd"],
  ["post", "/api/v1/collections/{collection_id}/update", "v1CollectionUpdate"],
  ["post", "/api/v1/collections/{collection_id}/upsert", "v1CollectionUpsert"],
  ["post", "/api/v1/collections/{collection_id}/get", "v1CollectionGet"],
  ["post", "/api/v1/collections/{collection_id}/delete", "v1CollectionDelete"],
  ["post", "/api/v1/collections/{collection_id}/query", "v1CollectionQuery"],
  ["get", "/api/v1/collections/{collection_id}/count", "v1CollectionCount"],
  ["get", "/api/v1/collections/{collection_name}", "v1GetCollection"],
  ["delete", "/api/v1/collections/{collection_name}", "v1DeleteCollection"],
  ["put", "/api/v1/collections/{collection_id}", "v1UpdateCollection"],
];

/** Operations beyond chromadb 0.6.3 that Chroma 1.x serves and chromadb@3 calls. */
const EXTENSION_OPERATIONS: [string, string, string][] = [
  ["get", "/api/v2/healthcheck", "v2Healthcheck"],
  ["get", "/api/v2/tenants/{tenant}/databases", "v2ListDatabases"],
  ["delete", DB, "v2DeleteDatabase"],
  ["get", `${DB}/collections/by-id/{collection_id}`, "v2GetCollectionById"],
  ["get", `${COL}/indexing_status`, "v2IndexingStatus"],
  ["post", `${COL}/search`, "v2CollectionSearch"],
  ["patch", "/api/v2/tenants/{tenant}", "v2UpdateTenant"],
  ["get", "/api/v2/collections/{crn}", "v2GetCollectionByCrn"],
  ["post", `${COL}/fork`, "v2ForkCollection"],
  ["get", `${COL}/fork_count`, "v2ForkCount"],
];

const SEED_SCHEMAS = [
  "AddEmbedding", "UpdateEmbedding", "GetEmbedding", "QueryEmbedding", "DeleteEmbedding",
  "CreateCollection", "UpdateCollection", "CreateDatabase", "CreateTenant", "IncludeEnum",
  "HTTPValidationError", "ValidationError",
];
const RESPONSE_SCHEMAS = [
  "Collection", "Database", "Tenant", "GetResult", "QueryResult", "UserIdentity", "HeartbeatResponse",
  "PreFlightChecks", "HealthcheckResponse", "IndexingStatusResponse", "ErrorBody", "Metadata",
  "UpdateMetadata", "Where", "WhereDocument", "Embedding", "Include", "Schema", "CollectionConfiguration",
  "UpdateCollectionConfiguration", "CollectionConfigurationJson", "SparseVector", "MetadataValue", "CollectionV1",
];

/**
 * Operations that take no input a client can get wrong, so upstream documents no client error for
 * them (counting or listing an unknown tenant/database answers 0 / [] upstream, not 404).
 */
const NO_CLIENT_ERROR = new Set([
  "v2Root", "v2Version", "v2Heartbeat", "v2PreFlightChecks", "v2GetUserIdentity", "v2Healthcheck",
  "v2CountCollections", "v2ListDatabases", "v1Root", "v1Version", "v1Heartbeat", "v1PreFlightChecks",
  "v1CountCollections", "v1ListCollections",
]);

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
const normalizePath = (path: string) => path.replace(/\{[^}]+\}/g, "{}");

interface Operation {
  method: string;
  path: string;
  op: Json;
  /** Path-level parameters merged with the operation's own, references resolved. */
  parameters: Json[];
}

/** Follows a local `#/...` reference (repeatedly) inside the spec. */
function deref(node: Json): Json {
  let current = node;
  while (current && typeof current.$ref === "string") {
    const ref: string = current.$ref;
    expect(ref.startsWith("#/"), `only local refs are used: ${ref}`).toBe(true);
    current = ref
      .slice(2)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((acc: Json, key) => acc?.[key], spec);
    expect(current, `ref ${ref} resolves`).toBeDefined();
  }
  return current;
}

const operations: Operation[] = Object.entries<Json>(spec.paths).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((method) => ({
    method,
    path,
    op: item[method],
    parameters: [...(item.parameters ?? []), ...(item[method].parameters ?? [])].map(deref),
  })),
);
const byId = new Map(operations.map((o) => [o.op.operationId as string, o]));

/** Examples of one media type: `examples` map (values may be refs) or a single `example`. */
function mediaExamples(media: Json): { name: string; value: unknown }[] {
  const out: { name: string; value: unknown }[] = [];
  if ("example" in media) out.push({ name: "example", value: media.example });
  for (const [name, ex] of Object.entries<Json>(media.examples ?? {})) {
    const resolved = deref(ex);
    expect("value" in resolved, `example ${name} has a value`).toBe(true);
    out.push({ name, value: resolved.value });
  }
  return out;
}

function jsonMedia(container: Json): Json | undefined {
  return deref(container).content?.["application/json"];
}

/** A copy of `node` whose local refs point into the registered spec document. */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (node && typeof node === "object") {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) =>
        k === "$ref" && typeof v === "string" && v.startsWith("#/") ? [k, `openapi.json${v}`] : [k, rebase(v)],
      ),
    );
  }
  return node;
}

function makeAjv() {
  // strict off: OpenAPI keywords such as `example` / `x-*` sit beside JSON Schema keywords.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "openapi.json", components: rebase({ schemas: spec.components.schemas }) });
  return ajv;
}
const ajv = makeAjv();

function validatorFor(schema: Json) {
  return ajv.compile(rebase(schema) as Json);
}
const schemaRef = (name: string) => validatorFor({ $ref: `#/components/schemas/${name}` });

describe("openapi.yaml: operations", () => {
  it("is OpenAPI 3.1 with a description of v1, v2, tenant defaults and extensions", () => {
    expect(spec.openapi).toBe("3.1.0");
    const text: string = spec.info.description;
    for (const needle of ["/api/v1", "/api/v2", "default_tenant", "default_database", "Extensions"]) {
      expect(text).toContain(needle);
    }
  });

  it.each([...SEED_OPERATIONS, ...EXTENSION_OPERATIONS])("has %s %s as %s", (method, path, id) => {
    const found = operations.filter(
      (o) => o.method === method && normalizePath(o.path) === normalizePath(path),
    );
    expect(found, `${method.toUpperCase()} ${path}`).toHaveLength(1);
    expect(found[0].op.operationId).toBe(id);
  });

  it("lists exactly the seed and extension operations, each id once", () => {
    const expected = [...SEED_OPERATIONS, ...EXTENSION_OPERATIONS].map(([, , id]) => id).sort();
    const actual = operations.map((o) => o.op.operationId).sort();
    expect(actual).toEqual(expected);
    expect(SEED_OPERATIONS).toHaveLength(45);
  });

  it("uses one path template per path (no two paths differ only in parameter names)", () => {
    const normalized = Object.keys(spec.paths).map(normalizePath);
    expect(new Set(normalized).size).toBe(normalized.length);
  });

  it("declares every path template parameter on each operation of that path", () => {
    for (const { path, op, parameters } of operations) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      const declared = parameters.filter((p) => p.in === "path").map((p) => p.name).sort();
      expect(declared, op.operationId).toEqual(names);
    }
  });

  it("marks extensions with the Extensions tag, x-chromaspec-extension and a reason", () => {
    const extensionIds = new Set(EXTENSION_OPERATIONS.map(([, , id]) => id));
    for (const { op } of operations) {
      const isExtension = extensionIds.has(op.operationId);
      expect(op.tags?.includes("Extensions") ?? false, op.operationId).toBe(isExtension);
      expect(op["x-chromaspec-extension"] === true, op.operationId).toBe(isExtension);
      if (isExtension) {
        expect(op.description).toMatch(/chromadb@3/);
        expect(op.description).toMatch(/0\.6\.3/);
      }
    }
    expect(spec.tags.map((t: Json) => t.name)).toContain("Extensions");
  });
});

describe("openapi.yaml: schemas", () => {
  it.each([...SEED_SCHEMAS, ...RESPONSE_SCHEMAS])("defines component schema %s", (name) => {
    expect(spec.components.schemas[name]).toBeDefined();
  });

  it("keeps upstream's defaults (0.6.3 server/fastapi/types.py)", () => {
    const s = spec.components.schemas;
    expect(s.GetEmbedding.properties.include.default).toEqual(["metadatas", "documents"]);
    expect(s.QueryEmbedding.properties.include.default).toEqual(["metadatas", "documents", "distances"]);
    expect(s.QueryEmbedding.properties.n_results.default).toBe(10);
    expect(s.CreateCollection.properties.get_or_create.default).toBe(false);
    expect(s.IncludeEnum.enum.sort()).toEqual(["distances", "documents", "embeddings", "metadatas", "uris"]);
  });

  it("requires error and message in ErrorBody and HTTPValidationError", () => {
    expect(spec.components.schemas.ErrorBody.required.sort()).toEqual(["error", "message"]);
    expect(spec.components.schemas.HTTPValidationError.required.sort()).toEqual(["error", "message"]);
  });

  it("answers add with 201 on both API versions", () => {
    for (const id of ["v1CollectionAdd", "v2CollectionAdd"]) {
      expect(Object.keys(byId.get(id)!.op.responses)).toContain("201");
    }
  });
});

describe("openapi.yaml: responses", () => {
  it.each(operations.map((o) => [o.op.operationId, o] as const))("%s answers 2xx with an example", (_, o) => {
    const ok = Object.entries<Json>(o.op.responses).filter(([code]) => /^2\d\d$/.test(code));
    expect(ok.length, "at least one 2xx").toBeGreaterThan(0);
    for (const [code, response] of ok) {
      const media = jsonMedia(response);
      expect(media, `${code} has application/json content`).toBeDefined();
      expect(mediaExamples(media!).length, `${code} has an example`).toBeGreaterThan(0);
    }
  });

  it.each(operations.map((o) => [o.op.operationId, o] as const))("%s documents its errors", (id, o) => {
    const responses = Object.entries<Json>(o.op.responses);
    for (const [code, response] of responses.filter(([c]) => /^[45]\d\d$/.test(c))) {
      const schema = jsonMedia(response)?.schema;
      expect(schema, `${id} ${code} has a JSON schema`).toBeDefined();
      const expected =
        code === "422"
          ? "#/components/schemas/HTTPValidationError"
          : id === "v2Healthcheck" && code === "503"
            ? "#/components/schemas/HealthcheckResponse"
            : "#/components/schemas/ErrorBody";
      expect(schema.$ref, `${id} ${code}`).toBe(expected);
    }
    const takesCheckedInput =
      o.op.requestBody !== undefined ||
      o.parameters.some((p) => p.in === "query" && deref(p.schema).type !== "string");
    if (takesCheckedInput) expect(Object.keys(o.op.responses), `${id} has 422`).toContain("422");
    if (!NO_CLIENT_ERROR.has(id)) {
      const clientErrors = responses.filter(([c]) => /^4\d\d$/.test(c) && c !== "422");
      expect(clientErrors.length, `${id} has a 4xx ErrorBody response`).toBeGreaterThan(0);
    }
  });
});

describe("openapi.yaml: examples validate against their schemas", () => {
  const cases: [string, Json, unknown][] = [];
  for (const { op, parameters } of operations) {
    const id = op.operationId;
    for (const p of parameters) {
      if ("example" in p) cases.push([`${id} parameter ${p.name}`, p.schema, p.example]);
    }
    if (op.requestBody) {
      const media = jsonMedia(op.requestBody)!;
      for (const ex of mediaExamples(media)) cases.push([`${id} request ${ex.name}`, media.schema, ex.value]);
    }
    for (const [code, response] of Object.entries<Json>(op.responses)) {
      const media = jsonMedia(response);
      if (!media) continue;
      for (const ex of mediaExamples(media)) cases.push([`${id} ${code} ${ex.name}`, media.schema, ex.value]);
    }
  }

  it("collects a healthy number of examples", () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases)("%s", (_, schema, value) => {
    const validate = validatorFor(schema);
    const ok = validate(value);
    expect(validate.errors ?? [], JSON.stringify(value)).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe("openapi.yaml: filter grammar", () => {
  const where = schemaRef("Where");
  const whereDocument = schemaRef("WhereDocument");

  it.each([
    { color: "red" },
    { price: { $gte: 10 } },
    { active: { $ne: false } },
    { tag: { $in: ["a", "b"] } },
    { n: { $nin: [1, 2.5] } },
    { $and: [{ a: 1 }, { $or: [{ b: { $lt: 3 } }, { c: true }] }] },
    { $or: [] },
    { tags: { $contains: "news" } },
    { scores: { $not_contains: 3 } },
    { "#document": { $contains: "fox" } },
    { $or: [{ "#document": { $regex: "^The" } }, { tags: { $contains: true } }] },
  ])("accepts where %j", (value) => {
    expect(where(value)).toBe(true);
  });

  it.each([
    {},
    { $bad: 1 },
    { $contains: "x" },
    { a: 1, b: 2 },
    { a: { $gt: 1, $lt: 5 } },
    { a: { $like: "x" } },
    { a: { $in: "x" } },
    { a: null },
    { a: [1, 2] },
    { $and: { a: 1 } },
    { $and: [{ $bad: 1 }] },
    { $and: [{ a: 1 }], b: 2 },
    { a: { $contains: ["x"] } },
    { "#document": { $eq: "x", $contains: "y" } },
    { "#other": "x" },
  ])("rejects where %j", (value) => {
    expect(where(value)).toBe(false);
  });

  it.each([
    { $contains: "fox" },
    { $not_contains: "fox" },
    { $regex: "^The" },
    { $not_regex: "x$" },
    { $and: [{ $contains: "a" }, { $or: [{ $regex: "b" }, { $not_contains: "c" }] }] },
  ])("accepts where_document %j", (value) => {
    expect(whereDocument(value)).toBe(true);
  });

  it.each([
    {},
    { $contains: 1 },
    { $contains: "a", $regex: "b" },
    { $like: "x" },
    { text: "x" },
    { $and: [{ $bad: "a" }] },
    { $or: { $contains: "a" } },
  ])("rejects where_document %j", (value) => {
    expect(whereDocument(value)).toBe(false);
  });

  it("types request arrays exactly", () => {
    const add = schemaRef("AddEmbedding");
    expect(add({ ids: ["a"], embeddings: [[1, 2]], metadatas: [null, { k: 1 }], documents: [null] })).toBe(true);
    expect(add({ ids: ["a"], embeddings: ["AACAPw=="] })).toBe(true);
    expect(add({ ids: [1], embeddings: [[1]] })).toBe(false);
    expect(add({ ids: ["a"], embeddings: [[1]], metadatas: [{ k: null }] })).toBe(false);
    expect(add({ ids: ["a"], embeddings: [[1]], metadatas: [{ k: [1, 2.5] }] })).toBe(true);
    expect(add({ ids: ["a"], embeddings: [[1]], metadatas: [{ k: ["x", "y"] }, { k: [true] }] })).toBe(true);
    expect(add({ ids: ["a"], embeddings: [[1]], metadatas: [{ k: { indices: [1, 5], values: [0.5, 1] } }] })).toBe(true);
    const metadataValue = schemaRef("MetadataValue");
    expect(metadataValue([])).toBe(false);
    expect(metadataValue([1, "x"])).toBe(false);
    expect(metadataValue([[1]])).toBe(false);
    expect(metadataValue({ "#type": "dense", indices: [1], values: [1] })).toBe(false);
    expect(metadataValue({ indices: [-1], values: [1] })).toBe(false);
    const update = schemaRef("UpdateEmbedding");
    expect(update({ ids: ["a"], metadatas: [{ k: null }] })).toBe(true);
    const get = schemaRef("GetEmbedding");
    expect(get({ limit: 0, offset: 3, where: null, ids: null })).toBe(true);
    expect(get({ limit: -1 })).toBe(false);
    expect(get({ limit: 1.5 })).toBe(false);
    expect(get({ include: ["data"] })).toBe(false);
    const query = schemaRef("QueryEmbedding");
    expect(query({ query_embeddings: [[1, 2]], n_results: 3 })).toBe(true);
    expect(query({ n_results: 3 })).toBe(false);
    expect(query({ query_embeddings: [[1, 2]], n_results: -1 })).toBe(false);
    const del = schemaRef("DeleteEmbedding");
    expect(del({ where: { a: 1 }, limit: 2 })).toBe(true);
    expect(del({ where: { a: 1 }, limit: -1 })).toBe(false);
  });

  it("types configurations as upstream deserialises them", () => {
    const create = schemaRef("CollectionConfiguration");
    expect(create({ hnsw: { space: "cosine", ef_construction: 100, num_threads: 4 }, embedding_function: { type: "known", name: "openai", config: {} } })).toBe(true);
    expect(create({ spann: { space: "ip", search_nprobe: 10 }, hnsw: null, embedding_function: { type: "legacy" } })).toBe(true);
    expect(create({ hnsw: { ef_construction: -1 } })).toBe(false);
    expect(create({ hnsw: { ef_construction: "x" } })).toBe(false);
    expect(create({ hnsw: { foo: 1 } })).toBe(false);
    expect(create({ hnsw: { space: "manhattan" } })).toBe(false);
    expect(create({ embedding_function: { type: "known", name: "x" } })).toBe(false);
    expect(create({ embedding_function: { type: "bogus" } })).toBe(false);
    const update = schemaRef("UpdateCollectionConfiguration");
    expect(update({ hnsw: { ef_search: 50, num_threads: 2, batch_size: 10, sync_threshold: 100, resize_factor: 1.5 } })).toBe(true);
    expect(update({ hnsw: { ef_construction: 50 } })).toBe(false);
    expect(update({ hnsw: { max_neighbors: 8 } })).toBe(false);
    expect(update({ hnsw: { space: "cosine" } })).toBe(false);
    expect(update({ spann: { search_nprobe: 8, ef_search: 4 } })).toBe(true);
    expect(update({ spann: { ef_construction: 8 } })).toBe(false);
    const schema = schemaRef("Schema");
    expect(schema({ defaults: {}, keys: { tag: { string: { string_inverted_index: { enabled: false, config: {} } } } } })).toBe(true);
    expect(schema({ keys: {} })).toBe(false);
    expect(schema({ defaults: { string: { string_inverted_index: { enabled: false } } }, keys: {} })).toBe(false);
    expect(schema({ defaults: { string: { string_inverted_index: { enabled: false, config: { x: 1 } } } }, keys: {} })).toBe(false);
  });
});
