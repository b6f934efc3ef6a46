/**
 * The collection schema and configuration as upstream resolves them (collection_schema.rs,
 * collection_configuration.rs, validators.rs): defaults, user schemas merged field by field,
 * configurations from requests and legacy metadata, their conflict, modify, keys written by
 * records, and the filter check.
 */
import { describe, expect, it } from "vitest";
import {
  applyConfigurationUpdate, configurationFromJson, configurationFromRequest, configurationFromSchema, configurationJson,
  defaultHnswParams, isDefaultConfiguration, legacyConfigurationUpdate, parseConfigurationUpdate, resolveSchema,
  schemaFromConfiguration,
} from "../../src/core/configuration.js";
import type { MetadataFilter } from "../../src/core/filter.js";
import type { Metadata } from "../../src/core/model.js";
import { checkAgainstCollection } from "../../src/core/search/execute.js";
import { parseSearchRequest } from "../../src/core/search/payload.js";
import {
  checkFilterIndexes, defaultSchema, DEFAULT_NUM_THREADS, isDefaultSchema, isIndexEnabled, mergeWithDefaults, parseSchema, schemaToWire,
  sparseVectorIndex, withMetadataKeys, type Schema,
} from "../../src/core/schema.js";
import { thrown } from "../helpers/thrown.js";

const HNSW = { ef_construction: 100, max_neighbors: 16, ef_search: 100, num_threads: DEFAULT_NUM_THREADS, batch_size: 100, sync_threshold: 1000, resize_factor: 1.2 };
const off = { enabled: false, config: {} };
const on = { enabled: true, config: {} };

describe("the default schema", () => {
  it("is upstream's new_default(Hnsw): inverted indexes on, full-text on #document, the vector index on #embedding", () => {
    expect(defaultSchema()).toEqual({
      defaults: {
        string: { fts_index: off, string_inverted_index: on },
        float_list: { vector_index: { enabled: false, config: { space: "l2", hnsw: HNSW } } },
        sparse_vector: { sparse_vector_index: { enabled: false, config: { embedding_function: { type: "unknown" }, bm25: false } } },
        int: { int_inverted_index: on },
        float: { float_inverted_index: on },
        bool: { bool_inverted_index: on },
      },
      keys: {
        "#embedding": { float_list: { vector_index: { enabled: true, config: { space: "l2", source_key: "#document", hnsw: HNSW } } } },
        "#document": { string: { fts_index: on, string_inverted_index: off } },
      },
    });
    expect(isDefaultSchema(defaultSchema())).toBe(true);
    expect(configurationJson(configurationFromSchema(defaultSchema()))).toEqual({
      hnsw: { space: "l2", ef_construction: 100, ef_search: 100, max_neighbors: 16, resize_factor: 1.2, sync_threshold: 1000 },
      spann: null,
      embedding_function: null,
    });
  });

  it("answers in upstream's field order", () => {
    const wire = schemaToWire(defaultSchema());
    expect(Object.keys(wire.defaults)).toEqual(["string", "float_list", "sparse_vector", "int", "float", "bool"]);
    expect(Object.keys(wire.keys["#embedding"].float_list!.vector_index!.config)).toEqual(["space", "source_key", "hnsw"]);
    expect(Object.keys(wire.defaults.float_list!.vector_index!.config.hnsw!)).toEqual(Object.keys(HNSW));
  });
});

describe("user schemas", () => {
  it("read the older #string / $string_inverted_index names and ignore unknown value types", () => {
    const s = parseSchema({ defaults: { "#string": { $string_inverted_index: off }, foo: {} }, keys: {} });
    expect(s.defaults).toEqual({ string: { string_inverted_index: off } });
  });

  it.each([
    [{ keys: {} }, /schema\.defaults: missing field/],
    [{ defaults: {} }, /schema\.keys: missing field/],
    [{ defaults: { string: { string_inverted_index: { enabled: false } } }, keys: {} }, /config: missing field/],
    [{ defaults: { string: { string_inverted_index: { enabled: false, config: { x: 1 } } } }, keys: {} }, /config\.x: unknown field/],
    [{ defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { space: "manhattan" } } } } } }, /space: expected one of l2, cosine, ip/],
    [{ defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { hnsw: { ef_search: -1 } } } } } } }, /non-negative integer/],
  ])("refuse a malformed shape %j", (raw, message) => {
    expect(thrown(() => parseSchema(raw)).message).toMatch(message);
  });

  it.each([
    [{ defaults: { float_list: { vector_index: { enabled: true, config: {} } } }, keys: {} }, "Vector index cannot be enabled by default. It can only be enabled on #embedding field."],
    [{ defaults: { string: { fts_index: on } }, keys: {} }, "Full text search / regular expression index cannot be enabled by default. It can only be enabled on #document field."],
    [{ defaults: {}, keys: { "#foo": {} } }, "key cannot begin with '#'. Keys starting with '#' are reserved for system use: #foo"],
    [{ defaults: {}, keys: { "#document": { int: { int_inverted_index: on } } } }, "Document field cannot have any value types other than string: #document"],
    [{ defaults: {}, keys: { "#embedding": { string: { string_inverted_index: on } } } }, "Embedding field cannot have any value types other than float_list: #embedding"],
    [{ defaults: {}, keys: { a: { float_list: { vector_index: { enabled: true, config: {} } } } } }, "Vector index can only be enabled on #embedding field: a"],
    [{ defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { source_key: "x" } } } } } }, "Vector index can only source from #document"],
    [{ defaults: {}, keys: { tag: { string: { fts_index: on } } } }, "Full text search / regular expression index can only be enabled on #document field: tag"],
    [{ defaults: {}, keys: { "#document": { string: { string_inverted_index: on } } } }, "String inverted index can not be enabled on #document key: #document"],
    [{ defaults: {}, keys: { a: { sparse_vector: { sparse_vector_index: { enabled: true, config: { source_key: "#x", embedding_function: { type: "unknown" } } } } } } }, "source_key cannot begin with '#'"],
    [{ defaults: {}, keys: { a: { sparse_vector: { sparse_vector_index: { enabled: true, config: { source_key: "doc" } } } } } }, "If source_key is provided then embedding_function must also be provided"],
    [
      { defaults: {}, keys: { a: { sparse_vector: { sparse_vector_index: on } }, b: { sparse_vector: { sparse_vector_index: on } } } },
      "At most one sparse vector index is allowed for the collection",
    ],
    [{ defaults: {}, keys: {}, source_attached_function_id: "f" }, "Cannot set source_attached_function_id. This field is reserved for system use."],
  ])("break upstream's rules %j", (raw, message) => {
    const err = thrown(() => parseSchema(raw));
    expect(err.message).toMatch(/^Validation error: schema: /);
    expect(err.message).toContain(message);
  });

  it("merge field by field into the defaults; SPANN settings are dropped on a single node", () => {
    const merged = mergeWithDefaults(
      parseSchema({
        defaults: { string: { string_inverted_index: off } },
        keys: {
          "#embedding": { float_list: { vector_index: { enabled: true, config: { space: "cosine", hnsw: { ef_search: 5 }, spann: { search_nprobe: 5 } } } } },
          tag: { int: { int_inverted_index: off } },
        },
      }),
    );
    expect(merged.defaults.string).toEqual({ fts_index: off, string_inverted_index: off });
    expect(merged.defaults.int).toEqual({ int_inverted_index: on });
    expect(merged.keys["#embedding"].float_list!.vector_index).toEqual({
      enabled: true,
      config: { space: "cosine", source_key: "#document", hnsw: { ...HNSW, ef_search: 5 } },
    });
    expect(merged.keys.tag).toEqual({ int: { int_inverted_index: off } });
    expect(merged.keys["#document"]).toEqual(defaultSchema().keys["#document"]);
  });

  it("are default only when nothing differs from the defaults (upstream's is_default)", () => {
    const parsed = (keys: Record<string, unknown>, defaults: Record<string, unknown> = {}) => parseSchema({ defaults, keys });
    expect(isDefaultSchema(parsed({}))).toBe(true);
    expect(isDefaultSchema(parsed({ "#document": { string: { fts_index: on } } }))).toBe(true);
    expect(isDefaultSchema(parsed({ tag: {} }))).toBe(false);
    // #embedding given without its source key differs from the default (upstream compares it).
    expect(isDefaultSchema(parsed({ "#embedding": { float_list: { vector_index: { enabled: true, config: {} } } } }))).toBe(false);
    expect(isDefaultSchema(parsed({ "#embedding": { float_list: { vector_index: { enabled: true, config: { source_key: "#document", hnsw: { ef_search: 100 } } } } } }))).toBe(true);
    expect(isDefaultSchema(parsed({}, { string: { string_inverted_index: off } }))).toBe(false);
    expect(isDefaultSchema(parsed({}, { float_list: { vector_index: { enabled: false, config: { embedding_function: { type: "legacy" } } } } }))).toBe(false);
    expect(isDefaultSchema(parsed({}, { float_list: { vector_index: { enabled: false, config: { embedding_function: { type: "known", name: "default", config: {} } } } } }))).toBe(true);
  });
});

describe("configurations", () => {
  const none = configurationFromRequest(undefined, null);

  it("default to HNSW with upstream's parameters", () => {
    expect(none).toEqual({ hnsw: defaultHnswParams(), embedding_function: null });
    expect(isDefaultConfiguration(none)).toBe(true);
    expect(isDefaultConfiguration(configurationFromRequest({ embedding_function: { type: "known", name: "default", config: {} } }, null))).toBe(true);
    expect(isDefaultConfiguration(configurationFromRequest({ embedding_function: { type: "legacy" } }, null))).toBe(false);
  });

  it("read the legacy hnsw:* metadata keys when the configuration has no HNSW settings of its own", () => {
    const metadata = { "hnsw:space": "cosine", "hnsw:M": 32, "hnsw:construction_ef": 50, "hnsw:search_ef": 20, "hnsw:num_threads": 1, "hnsw:batch_size": 10, "hnsw:sync_threshold": 20, "hnsw:resize_factor": 1.5 };
    const expected = { space: "cosine", max_neighbors: 32, ef_construction: 50, ef_search: 20, num_threads: 1, batch_size: 10, sync_threshold: 20, resize_factor: 1.5 };
    expect(configurationFromRequest(undefined, metadata).hnsw).toEqual(expected);
    expect(configurationFromRequest({ hnsw: {} }, metadata).hnsw).toEqual(expected);
    expect(configurationFromRequest({ hnsw: { ef_search: 7 } }, metadata).hnsw).toEqual({ ...defaultHnswParams(), ef_search: 7 });
    const bads: Metadata[] = [{ "hnsw:foo": 1 }, { "hnsw:M": "x" }, { "hnsw:space": "manhattan" }, { "hnsw:sync_threshold": 1 }, { "hnsw:search_ef": 1.5 }];
    for (const bad of bads) {
      expect(thrown(() => configurationFromRequest(undefined, bad)).message).toBe("Failed to parse hnsw parameters from segment metadata");
    }
  });

  it("turn SPANN into HNSW with the SPANN space, and refuse both together", () => {
    expect(configurationFromRequest({ spann: { space: "ip", search_nprobe: 3 } }, { "hnsw:M": 64 }).hnsw).toEqual({ ...defaultHnswParams(), space: "ip" });
    expect(thrown(() => configurationFromRequest({ hnsw: {}, spann: {} }, null)).message).toBe("Multiple vector index configurations provided");
  });

  it("refuse values an HNSW graph cannot work with", () => {
    for (const hnsw of [{ max_neighbors: 1 }, { sync_threshold: 1 }, { batch_size: 1 }, { resize_factor: 0 }, { resize_factor: -1 }]) {
      expect(thrown(() => configurationFromRequest({ hnsw }, null)).message).toMatch(/^Invalid HNSW configuration: /);
    }
    expect(configurationFromRequest({ hnsw: { max_neighbors: 2, ef_search: 0, ef_construction: 0 } }, null).hnsw.max_neighbors).toBe(2);
  });

  it("round-trip through the schema", () => {
    const c = configurationFromRequest({ hnsw: { space: "ip", ef_search: 9, batch_size: 7 }, embedding_function: { type: "known", name: "x", config: { a: 1 } } }, null);
    expect(configurationFromSchema(schemaFromConfiguration(c))).toEqual(c);
    expect(configurationJson(c)).toEqual({
      hnsw: { space: "ip", ef_construction: 100, ef_search: 9, max_neighbors: 16, resize_factor: 1.2, sync_threshold: 1000 },
      spann: null,
      embedding_function: { type: "known", name: "x", config: { a: 1 } },
    });
  });

  it("are read back leniently from rows stored before schemas were kept", () => {
    expect(configurationFromJson({ hnsw: { space: "cosine", ef_search: 42 }, embedding_function: null }).hnsw).toEqual({ ...defaultHnswParams(), space: "cosine", ef_search: 42 });
    expect(configurationFromJson({ hnsw_configuration: { space: "ip", M: 8 } }).hnsw.space).toBe("ip");
    expect(configurationFromJson({ hnsw: "garbage", embedding_function: { type: "bogus" } })).toEqual({ hnsw: defaultHnswParams(), embedding_function: null });
  });
});

describe("schema and configuration at creation (reconcile_schema_and_config)", () => {
  const ef = { type: "known" as const, name: "openai", config: {} };
  const efSchema = { defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { embedding_function: ef } } } } } };

  it("a non-default schema and a non-default configuration together answer 400", () => {
    for (const config of [{ embedding_function: { type: "known", name: "cohere", config: {} } }, { embedding_function: ef }, { hnsw: { ef_search: 5 } }]) {
      expect(thrown(() => resolveSchema(efSchema, configurationFromRequest(config, null))).message).toBe(
        "Failed to reconcile schema: Cannot set both collection config and schema simultaneously",
      );
    }
  });

  it("the schema wins over a default configuration; a configuration over a default schema", () => {
    const fromSchema = resolveSchema(efSchema, configurationFromRequest({ embedding_function: { type: "known", name: "default", config: {} } }, null));
    expect(configurationFromSchema(fromSchema).embedding_function).toEqual(ef);
    const fromConfig = resolveSchema({ defaults: {}, keys: {} }, configurationFromRequest({ hnsw: { space: "cosine" }, embedding_function: ef }, null));
    expect(fromConfig).toEqual(schemaFromConfiguration(configurationFromRequest({ hnsw: { space: "cosine" }, embedding_function: ef }, null)));
    expect(fromConfig.defaults.float_list!.vector_index!.config).toMatchObject({ space: "cosine", embedding_function: ef });
  });

  it("both default: the default schema, carrying a given (default) embedding function", () => {
    const dflt = { type: "known" as const, name: "default", config: {} };
    const s = resolveSchema(undefined, configurationFromRequest({ embedding_function: dflt }, null));
    expect(s.keys["#embedding"].float_list!.vector_index!.config.embedding_function).toEqual(dflt);
    expect(s.defaults.float_list!.vector_index!.config.embedding_function).toEqual(dflt);
    expect(resolveSchema(undefined, configurationFromRequest(undefined, null))).toEqual(defaultSchema());
  });

  it("validates the merged HNSW settings with upstream's message", () => {
    const raw = { defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { hnsw: { batch_size: 1 } } } } } } };
    expect(thrown(() => resolveSchema(raw, configurationFromRequest(undefined, null))).message).toBe(
      'Failed to reconcile schema: Invalid HNSW configuration: batch_size: Validation error: range [{"value": Number(1), "min": Number(2)}]',
    );
  });
});

describe("modify", () => {
  it("changes the search/write knobs and the embedding function in the defaults and on #embedding", () => {
    const update = parseConfigurationUpdate({ hnsw: { ef_search: 50, num_threads: 3, batch_size: 50, sync_threshold: 500, resize_factor: 1.5 }, embedding_function: { type: "legacy" } });
    const s = applyConfigurationUpdate(defaultSchema(), update);
    const expected = { ...HNSW, ef_search: 50, num_threads: 3, batch_size: 50, sync_threshold: 500, resize_factor: 1.5 };
    expect(s.defaults.float_list!.vector_index!.config).toMatchObject({ hnsw: expected, embedding_function: { type: "legacy" } });
    expect(s.keys["#embedding"].float_list!.vector_index!.config).toMatchObject({ hnsw: expected, embedding_function: { type: "legacy" }, source_key: "#document" });
  });

  it("refuses the graph's shape, SPANN with HNSW, and values out of bounds", () => {
    for (const field of ["space", "ef_construction", "max_neighbors"]) {
      expect(thrown(() => parseConfigurationUpdate({ hnsw: { [field]: 1 } })).message).toMatch(/unknown field/);
    }
    expect(thrown(() => parseConfigurationUpdate({ hnsw: { ef_search: 1 }, spann: { search_nprobe: 1 } })).message).toBe("Multiple vector index configurations provided");
    expect(thrown(() => parseConfigurationUpdate({ hnsw: { sync_threshold: 1 } })).message).toMatch(/^Invalid HNSW configuration: sync_threshold/);
    // SPANN knobs are accepted and change nothing on a single node.
    expect(applyConfigurationUpdate(defaultSchema(), parseConfigurationUpdate({ spann: { search_nprobe: 1, ef_search: 2 } }))).toEqual(defaultSchema());
  });

  it("maps the legacy update keys of new metadata, and only those", () => {
    expect(legacyConfigurationUpdate({ "hnsw:search_ef": 20, "hnsw:batch_size": 5, "hnsw:M": 8, owner: "x" })).toEqual({ hnsw: { ef_search: 20, batch_size: 5 } });
    expect(legacyConfigurationUpdate({ "hnsw:M": 8 })).toBeNull();
    expect(legacyConfigurationUpdate(null)).toBeNull();
    expect(thrown(() => legacyConfigurationUpdate({ "hnsw:search_ef": "x" })).message).toBe("Failed to parse hnsw parameters from segment metadata");
  });
});

describe("keys written by records (ensure_key_from_metadata)", () => {
  it("adds new keys and value types with the defaults' settings, and nothing else", () => {
    const schema = defaultSchema();
    const next = withMetadataKeys(schema, [
      { title: "x", year: 2024, score: 0.5, draft: false, tags: ["a"], scores: [1, 2.5], ids: [1, 2], sp: { "#type": "sparse_vector", indices: [1], values: [1] } },
      { "chroma:document": "x", title: 3 },
      null,
    ]);
    expect(next).not.toBe(schema);
    expect(next.keys.title).toEqual({ string: schema.defaults.string, int: schema.defaults.int });
    expect(next.keys.year).toEqual({ int: schema.defaults.int });
    expect(next.keys.score).toEqual({ float: schema.defaults.float });
    expect(next.keys.draft).toEqual({ bool: schema.defaults.bool });
    expect(next.keys.tags).toEqual({ string: schema.defaults.string });
    expect(next.keys.scores).toEqual({ float: schema.defaults.float });
    expect(next.keys.ids).toEqual({ int: schema.defaults.int });
    expect(next.keys.sp).toEqual({ sparse_vector: schema.defaults.sparse_vector });
    expect(next.keys["chroma:document"]).toBeUndefined();
    expect(withMetadataKeys(next, [{ title: "y", year: 1 }])).toBe(next);
  });

  it("keeps a key's own settings for types it already has", () => {
    const schema = mergeWithDefaults(parseSchema({ defaults: {}, keys: { tag: { string: { string_inverted_index: off } } } }));
    const next = withMetadataKeys(schema, [{ tag: "x" }, { tag: 1 }]);
    expect(next.keys.tag).toEqual({ string: { string_inverted_index: off }, int: schema.defaults.int });
  });
});

describe("the filter check (is_metadata_where_indexing_enabled)", () => {
  const schema: Schema = mergeWithDefaults(
    parseSchema({
      defaults: { bool: { bool_inverted_index: off } },
      keys: { tag: { string: { string_inverted_index: off } }, n: { int: { int_inverted_index: off } } },
    }),
  );
  const check = (where: MetadataFilter) => () => checkFilterIndexes(schema, { where });

  it("refuses a key and operand type whose index is off, with upstream's message, anywhere in the tree", () => {
    expect(check({ kind: "compare", key: "tag", op: "$eq", value: "x" })).toThrow("Cannot filter using metadata key 'tag' with type 'Str' because indexing is disabled");
    expect(check({ kind: "and", children: [{ kind: "compare", key: "ok", op: "$eq", value: 1 }, { kind: "member", key: "n", op: "$in", values: [1] }] })).toThrow(
      "Cannot filter using metadata key 'n' with type 'Int' because indexing is disabled",
    );
    expect(check({ kind: "contains", key: "tag", op: "$contains", value: "x" })).toThrow(/'tag' with type 'Str'/);
    // The defaults' setting applies to keys without their own.
    expect(check({ kind: "compare", key: "any", op: "$ne", value: true })).toThrow("Cannot filter using metadata key 'any' with type 'Bool' because indexing is disabled");
  });

  it("lets other types of the same key through", () => {
    expect(check({ kind: "compare", key: "n", op: "$gt", value: 0.5 })).not.toThrow();
    expect(check({ kind: "compare", key: "tag", op: "$eq", value: 1 })).not.toThrow();
    expect(isIndexEnabled(schema, "tag", "Int")).toBe(true);
  });

  it("refuses document filters when #document's full-text index is off", () => {
    const noFts = mergeWithDefaults(parseSchema({ defaults: {}, keys: { "#document": { string: { fts_index: off } } } }));
    const message = "Cannot filter using full-text search because FTS indexing is disabled";
    expect(() => checkFilterIndexes(noFts, { whereDocument: { kind: "contains", text: "x" } })).toThrow(message);
    expect(() => checkFilterIndexes(noFts, { where: { kind: "document", filter: { kind: "contains", text: "x" } } })).toThrow(message);
    expect(() => checkFilterIndexes(defaultSchema(), { whereDocument: { kind: "contains", text: "x" } })).not.toThrow();
  });

  it("is the Search API's check too: its filter, with array $contains and #document, and its sparse $knn keys", () => {
    const search = (payload: object, s: Schema = schema) => () =>
      checkAgainstCollection(parseSearchRequest({ searches: [payload] }).searches[0], { dimension: 3, schema: s });
    const disabled = (key: string, type: string) => `Cannot filter using metadata key '${key}' with type '${type}' because indexing is disabled`;
    expect(search({ filter: { tag: { $eq: "x" } } })).toThrow(disabled("tag", "Str"));
    expect(search({ filter: { $or: [{ ok: 1 }, { tag: { $contains: "x" } }] } })).toThrow(disabled("tag", "Str"));
    const noFts = mergeWithDefaults(parseSchema({ defaults: {}, keys: { "#document": { string: { fts_index: off } } } }));
    expect(search({ filter: { "#document": { $contains: "x" } } }, noFts)).toThrow("Cannot filter using full-text search because FTS indexing is disabled");
    expect(search({ filter: { "#document": { $contains: "x" } } })).not.toThrow();
    const sparse = { rank: { $knn: { query: { indices: [1], values: [1] }, key: "sp" } } };
    expect(search(sparse)).toThrow(disabled("sp", "SparseVector"));
    const indexed = mergeWithDefaults(parseSchema({ defaults: {}, keys: { sp: { sparse_vector: { sparse_vector_index: { enabled: true, config: {} } } } } }));
    expect(search(sparse, indexed)).not.toThrow();
  });

  it("finds the one sparse-vector index for search", () => {
    expect(sparseVectorIndex(defaultSchema())).toBeNull();
    const s = mergeWithDefaults(parseSchema({ defaults: {}, keys: { bm25: { sparse_vector: { sparse_vector_index: { enabled: true, config: { bm25: true } } } } } }));
    expect(sparseVectorIndex(s)).toEqual({ key: "bm25", config: { bm25: true } });
  });
});
