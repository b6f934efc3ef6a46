/**
 * Chroma 1.x's data model and input rules: the collection schema and how it meets the
 * configuration (defaults, schema <-> configuration, legacy `hnsw:*` metadata, SPANN on a single
 * node, conflicts, modify), array and sparse-vector metadata values with `$contains` /
 * `$not_contains`, the filter check against disabled indexes, names (create and rename), reserved
 * metadata keys, empty embeddings, delete's rules (`ids: []`, `limit`), exact number comparison,
 * tenant resource names and collection CRNs.
 */
import type { Collection, Metadata, Schema } from "@chromaspec/sdk";
import { beforeAll, expect } from "vitest";
import { clientFor, raw, recordsPath } from "../support/client.js";
import { forEachApi, group, it } from "../support/contract.js";
import { expectError, expectErrorAnswer, invalidArgument, notFound, unprocessable } from "../support/errors.js";
import { uniqueName } from "../support/names.js";
import { newCollection, openScope, type Opened } from "../support/scope.js";
import { expectCollectionShape } from "../support/shapes.js";

const HNSW_DEFAULTS = { ef_construction: 100, max_neighbors: 16, ef_search: 100, batch_size: 100, sync_threshold: 1000, resize_factor: 1.2 };

/** The HNSW settings of a schema's vector index on `#embedding` (num_threads is machine-dependent). */
function embeddingIndex(schema: Schema | null | undefined) {
  const vi = schema?.keys["#embedding"]?.float_list?.vector_index;
  expect(vi, "schema.keys['#embedding'].float_list.vector_index").toBeDefined();
  const { num_threads: _threads, ...hnsw } = vi!.config.hnsw ?? {};
  return { enabled: vi!.enabled, space: vi!.config.space, source_key: vi!.config.source_key, embedding_function: vi!.config.embedding_function, hnsw };
}

const v2Collections = (o: Opened) => `/api/v2/tenants/${encodeURIComponent(o.scope.tenant)}/databases/${encodeURIComponent(o.scope.database)}/collections`;

/** Record ids a where filter selects, through get. */
async function idsWhere(c: Collection, where: unknown): Promise<string[]> {
  return (await c.get({ where: where as never, include: [] })).ids.sort();
}

forEachApi("data model", (a) => {
  let o: Opened;
  beforeAll(async () => {
    o = await openScope(a.api);
  });

  group(a, "behaviour", (g) => {
    it(g, ["CreateCollection", "UpdateCollection", "CreateDatabase"], "names with two consecutive periods or shaped like an IPv4 address answer 400 on create and on rename", async () => {
      for (const name of ["a..b-coll", "10.0.0.1"]) {
        await expectError(o.client.createCollection({ name }), { ...invalidArgument, message: /Expected a name that (does not contains two consecutive periods|is not a valid ip address)/ });
        await expectError(clientFor(a.api).createDatabase({ name, tenant: o.scope.tenant }), invalidArgument);
      }
      const c = await newCollection(o);
      for (const name of ["a..b-coll", "10.0.0.1", "ab", "-abc"]) await expectError(c.modify({ name }), invalidArgument);
      expect((await o.client.getCollection({ name: c.name })).id).toBe(c.id);
    });

    it(g, ["CollectionAdd", "CollectionUpsert", "CollectionUpdate"], "metadata keys starting with # or $ answer 400 and write nothing", async () => {
      const c = await newCollection(o);
      await c.add({ ids: ["a"], embeddings: [[1, 2, 3]], metadatas: [{ ok: 1 }] });
      for (const key of ["#tag", "$tag"]) {
        await expectError(c.add({ ids: ["b"], embeddings: [[1, 2, 3]], metadatas: [{ [key]: 1 }] }), { ...invalidArgument, message: /Invalid metadata at index 0/ });
        await expectError(c.upsert({ ids: ["a", "b"], embeddings: [[1, 2, 3], [3, 2, 1]], metadatas: [{ ok: 2 }, { [key]: 1 }] }), invalidArgument);
        await expectError(c.update({ ids: ["a"], metadatas: [{ [key]: 1 }] }), invalidArgument);
      }
      const got = await c.get({ include: ["metadatas"] });
      expect(got.ids).toEqual(["a"]);
      expect(got.metadatas).toEqual([{ ok: 1 }]);
    });

    it(g, ["CreateCollection", "UpdateCollection"], "collection metadata keys starting with # or $ answer 400", async () => {
      for (const key of ["#owner", "$owner"]) {
        await expectError(o.client.createCollection({ name: uniqueName("c"), metadata: { [key]: "x" } }), {
          ...invalidArgument,
          message: /Metadata key cannot start with '#' or '\$'/,
        });
      }
      const c = await newCollection(o, { metadata: { owner: "docs" } });
      await expectError(c.modify({ metadata: { $owner: "x" } }), invalidArgument);
      expect((await o.client.getCollection({ name: c.name })).metadata).toEqual({ owner: "docs" });
    });

    it(g, ["CollectionAdd", "CollectionUpsert", "CollectionUpdate"], "an embedding with no dimensions answers 400, and so do embeddings of different lengths", async () => {
      const c = await newCollection(o);
      const empty = { ...invalidArgument, message: /Each embedding must have at least 1 dimension/ };
      await expectError(c.add({ ids: ["a"], embeddings: [[]] }), empty);
      await expectError(c.upsert({ ids: ["a"], embeddings: [[]] }), empty);
      await c.add({ ids: ["b"], embeddings: [[1, 2, 3]] });
      await expectError(c.update({ ids: ["b"], embeddings: [[]] }), empty);
      await expectError(c.add({ ids: ["c", "d"], embeddings: [[1, 2, 3], [1, 2]] }), { ...invalidArgument, message: /Inconsistent dimensions/ });
      expect(await c.count()).toBe(1);
    });

    it(g, ["CollectionDelete"], "delete with ids: [] and no where answers 400", async () => {
      const c = await newCollection(o);
      await c.add({ ids: ["a"], embeddings: [[1, 2, 3]] });
      await expectError(c.delete({ ids: [] }), { ...invalidArgument, message: /Either ids or where must be specified/ });
      expect(await c.count()).toBe(1);
    });

    it(g, ["CollectionDelete"], "delete honours limit: the first matching records, none for 0, and only with a where", async () => {
      const c = await newCollection(o);
      await c.add({ ids: ["a", "b", "c", "d"], embeddings: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]], metadatas: [{ g: 1 }, { g: 1 }, { g: 1 }, { g: 2 }] });
      await c.delete({ where: { g: 1 }, limit: 0 });
      expect(await c.count()).toBe(4);
      await c.delete({ where: { g: 1 }, limit: 2 });
      expect((await c.get()).ids).toEqual(["c", "d"]);
      await expectError(c.delete({ ids: ["c"], limit: 1 }), { ...invalidArgument, message: /limit can only be specified when a where clause is provided/ });
      expect(await c.count()).toBe(2);
    });

    it(g, ["CollectionAdd", "CollectionGet", "CollectionQuery"], "array metadata values are stored and returned as given", async () => {
      const c = await newCollection(o);
      const metadatas: Metadata[] = [{ tags: ["news", "sport"], scores: [1, 2.5], flags: [true, false], title: "x" }, { tags: ["tech"] }];
      await c.add({ ids: ["a", "b"], embeddings: [[1, 0, 0], [0, 1, 0]], metadatas });
      expect((await c.get({ include: ["metadatas"] })).metadatas).toEqual(metadatas);
      expect((await c.query({ queryEmbeddings: [[1, 0, 0]], nResults: 1, include: ["metadatas"] })).metadatas).toEqual([[metadatas[0]]]);
    });

    it(g, ["CollectionGet", "CollectionQuery", "CollectionDelete"], "$contains and $not_contains test membership in array values, nested in $and / $or, in get, query and delete", async () => {
      const c = await newCollection(o);
      await c.add({
        ids: ["a", "b", "c", "d", "e"],
        embeddings: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [0, 1, 1]],
        metadatas: [{ tags: ["x", "y"] }, { tags: "x" }, { tags: ["z"], n: [1, 2, 3] }, { n: [4, 5.5], f: [true] }, null],
      });
      expect(await idsWhere(c, { tags: { $contains: "x" } })).toEqual(["a"]);
      // Complement: scalars, other arrays and records without the key.
      expect(await idsWhere(c, { tags: { $not_contains: "x" } })).toEqual(["b", "c", "d", "e"]);
      expect(await idsWhere(c, { n: { $contains: 5.5 } })).toEqual(["d"]);
      expect(await idsWhere(c, { f: { $contains: true } })).toEqual(["d"]);
      expect(await idsWhere(c, { $or: [{ tags: { $contains: "z" } }, { n: { $contains: 5.5 } }] })).toEqual(["c", "d"]);
      expect(await idsWhere(c, { $and: [{ tags: { $contains: "x" } }, { tags: { $contains: "y" } }] })).toEqual(["a"]);
      // Comparisons look at scalar values only.
      expect(await idsWhere(c, { tags: "x" })).toEqual(["b"]);
      const q = await c.query({ queryEmbeddings: [[1, 0, 0]], nResults: 5, where: { tags: { $contains: "z" } }, include: [] });
      expect(q.ids).toEqual([["c"]]);
      await c.delete({ where: { $and: [{ n: { $contains: 2 } }, { tags: { $contains: "z" } }] } });
      expect((await c.get()).ids).toEqual(["a", "b", "d", "e"]);
    });

    it(g, ["CollectionAdd"], "an empty metadata list or one of mixed types answers 400", async () => {
      const c = await newCollection(o);
      for (const bad of [[], [1, "x"]]) {
        const r = await raw("POST", `${recordsPath(a.api, o.scope, c.id)}/add`, { ids: ["a"], embeddings: [[1, 2, 3]], metadatas: [{ tags: bad }] });
        expect(r.status, r.text).toBeGreaterThanOrEqual(400);
        expect(r.status, r.text).toBeLessThan(500);
      }
      expect(await c.count()).toBe(0);
    });

    it(g, ["CollectionAdd", "CollectionGet", "CollectionUpdate"], "sparse vector metadata values are stored, returned with #type, and validated", async () => {
      const c = await newCollection(o);
      const sparse = { "#type": "sparse_vector", indices: [3, 17, 256], values: [0.5, 1.25, 2] };
      await c.add({
        ids: ["a", "b"],
        embeddings: [[1, 0, 0], [0, 1, 0]],
        // The older form without #type is accepted too.
        metadatas: [{ bm25: sparse as never }, { bm25: { indices: [1], values: [4] } as never }],
      });
      expect((await c.get({ include: ["metadatas"] })).metadatas).toEqual([{ bm25: sparse }, { bm25: { "#type": "sparse_vector", indices: [1], values: [4] } }]);
      for (const bad of [{ indices: [2, 1], values: [1, 2] }, { indices: [1, 1], values: [1, 2] }, { indices: [1], values: [1, 2] }]) {
        await expectError(c.update({ ids: ["a"], metadatas: [{ bm25: bad as never }] }), { ...invalidArgument, message: /Invalid metadata at index 0/ });
      }
      expect((await c.get({ ids: ["a"], include: ["metadatas"] })).metadatas).toEqual([{ bm25: sparse }]);
    });

    it(g, ["CollectionGet"], "numbers compare by value: a fractional operand never matches an integer-stored value it does not equal", async () => {
      const c = await newCollection(o);
      await c.add({ ids: ["two", "twohalf", "three"], embeddings: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], metadatas: [{ grade: 2 }, { grade: 2.5 }, { grade: 3 }] });
      expect(await idsWhere(c, { grade: { $eq: 2.5 } })).toEqual(["twohalf"]);
      expect(await idsWhere(c, { grade: { $lt: 2.5 } })).toEqual(["two"]);
      expect(await idsWhere(c, { grade: { $gte: 2.5 } })).toEqual(["three", "twohalf"]);
      expect(await idsWhere(c, { grade: { $ne: 2.5 } })).toEqual(["three", "two"]);
      expect(await idsWhere(c, { grade: { $in: [2.5, 7] } })).toEqual(["twohalf"]);
      // Numbers compare by value, inside arrays too: 3 is an element of [1.5, 3].
      await c.add({ ids: ["list"], embeddings: [[1, 1, 1]], metadatas: [{ grades: [1.5, 3] }] });
      expect(await idsWhere(c, { grades: { $contains: 3 } })).toEqual(["list"]);
    });

    it(g, ["CreateDatabase", "GetDatabase"], "creating a database in an unknown tenant creates it, as Chroma 1.x", async () => {
      const tenant = uniqueName("ghost");
      const name = uniqueName("d");
      const admin = clientFor(a.api);
      await admin.createDatabase({ name, tenant });
      expect(await admin.getDatabase({ name, tenant })).toMatchObject({ name, tenant });
    });
  });

  // Outside the grammar of openapi.yaml, so sent raw (Prism on mock and proxy answers them itself).
  group(a, "invalid requests", (g) => {
    it(g, ["CollectionGet"], "$contains with a list operand answers 400", async () => {
      const c = await newCollection(o);
      expectErrorAnswer(await raw("POST", `${recordsPath(a.api, o.scope, c.id)}/get`, { where: { tags: { $contains: ["x"] } } }), invalidArgument);
    });

    if (a.api === "v1") {
      it(g, ["CollectionGet"], "an unknown where operator answers chromadb 0.6.3's wording", async () => {
        const c = await newCollection(o);
        expectErrorAnswer(await raw("POST", `${recordsPath(a.api, o.scope, c.id)}/get`, { where: { k: { $foo: 1 } } }), {
          ...invalidArgument,
          message: /^Expected where operator to be one of \$gt, \$gte, \$lt, \$lte, \$ne, \$eq, \$in, \$nin, got \$foo$/,
        });
      });
    }
  });

  if (a.api !== "v2") return;

  group(a, "requests", (g) => {
    it(g, ["CreateCollection"], "create a collection with a schema", async () => {
      const c = await o.client.createCollection({
        name: uniqueName("c"),
        schema: { defaults: {}, keys: { body_hash: { string: { string_inverted_index: { enabled: false, config: {} } } } } },
      });
      expectCollectionShape(c);
      expect(c.schema).toBeTypeOf("object");
    });

    it(g, ["UpdateTenant"], "set a tenant's resource name", async () => {
      const tenant = uniqueName("t");
      const admin = clientFor(a.api);
      await admin.createTenant({ name: tenant });
      await admin.updateTenant({ name: tenant, resourceName: uniqueName("rn") });
    });

    it(g, ["GetCollectionByCrn"], "get a collection by CRN", async () => {
      const c = await newCollection(o);
      expectCollectionShape(await clientFor(a.api).getCollectionByCrn(`${o.scope.tenant}:${o.scope.database}:${c.name}`));
    });
  });

  group(a, "behaviour", (g) => {
    it(g, ["CreateCollection", "GetCollection", "GetCollectionById", "ListCollections"], "a new collection answers upstream's default schema, and its configuration agrees", async () => {
      const c = await newCollection(o);
      const schema = c.schema!;
      expect(schema.defaults.string).toEqual({ fts_index: { enabled: false, config: {} }, string_inverted_index: { enabled: true, config: {} } });
      expect(schema.defaults.int).toEqual({ int_inverted_index: { enabled: true, config: {} } });
      expect(schema.defaults.float).toEqual({ float_inverted_index: { enabled: true, config: {} } });
      expect(schema.defaults.bool).toEqual({ bool_inverted_index: { enabled: true, config: {} } });
      expect(schema.defaults.sparse_vector?.sparse_vector_index?.enabled).toBe(false);
      expect(schema.defaults.float_list?.vector_index?.enabled).toBe(false);
      expect(schema.keys["#document"]).toEqual({ string: { fts_index: { enabled: true, config: {} }, string_inverted_index: { enabled: false, config: {} } } });
      expect(embeddingIndex(schema)).toEqual({ enabled: true, space: "l2", source_key: "#document", embedding_function: undefined, hnsw: HNSW_DEFAULTS });
      expect(c.configuration).toEqual({
        hnsw: { space: "l2", ef_construction: 100, ef_search: 100, max_neighbors: 16, resize_factor: 1.2, sync_threshold: 1000 },
        spann: null,
        embedding_function: null,
      });
      for (const again of [await o.client.getCollection({ name: c.name }), await o.client.getCollectionById(c.id), (await o.client.listCollections()).find((x) => x.id === c.id)!]) {
        expect({ schema: again.schema, configuration: again.configuration }).toEqual({ schema: c.schema, configuration: c.configuration });
      }
    });

    it(g, ["CreateCollection", "GetCollection"], "the space, HNSW values and embedding function set through a schema show in configuration_json", async () => {
      const ef = { type: "known" as const, name: "openai", config: { model_name: "text-embedding-3-small" } };
      const c = await o.client.createCollection({
        name: uniqueName("c"),
        schema: { defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { space: "cosine", embedding_function: ef, hnsw: { ef_search: 42 } } } } } } },
      });
      expect(c.configuration.hnsw).toMatchObject({ space: "cosine", ef_search: 42, ef_construction: 100 });
      expect(c.configuration.embedding_function).toEqual(ef);
      expect((await o.client.getCollection({ name: c.name })).configuration).toEqual(c.configuration);
    });

    it(g, ["CreateCollection"], "the space, HNSW values and embedding function set through configuration show in the schema", async () => {
      const ef = { type: "known" as const, name: "cohere", config: {} };
      const c = await o.client.createCollection({ name: uniqueName("c"), configuration: { hnsw: { space: "ip", ef_construction: 64, max_neighbors: 8 }, embedding_function: ef } });
      expect(embeddingIndex(c.schema)).toEqual({
        enabled: true,
        space: "ip",
        source_key: "#document",
        embedding_function: ef,
        hnsw: { ...HNSW_DEFAULTS, ef_construction: 64, max_neighbors: 8 },
      });
      expect(c.schema!.defaults.float_list?.vector_index?.config.space).toBe("ip");
      expect(c.configuration).toMatchObject({ hnsw: { space: "ip", ef_construction: 64, max_neighbors: 8 }, embedding_function: ef });
    });

    it(g, ["CreateCollection"], "legacy hnsw:* metadata keys configure the index; an unknown hnsw: key answers 400", async () => {
      const metadata = { "hnsw:space": "cosine", "hnsw:M": 32, "hnsw:construction_ef": 50, "hnsw:search_ef": 20, "hnsw:batch_size": 10, "hnsw:sync_threshold": 20, "hnsw:resize_factor": 1.5 };
      const c = await o.client.createCollection({ name: uniqueName("c"), metadata });
      expect(c.configuration.hnsw).toEqual({ space: "cosine", ef_construction: 50, ef_search: 20, max_neighbors: 32, resize_factor: 1.5, sync_threshold: 20 });
      expect(embeddingIndex(c.schema).hnsw).toEqual({ ef_construction: 50, max_neighbors: 32, ef_search: 20, batch_size: 10, sync_threshold: 20, resize_factor: 1.5 });
      expect(c.metadata).toEqual(metadata);
      // A configuration with HNSW settings of its own wins over the legacy keys.
      const d = await o.client.createCollection({ name: uniqueName("c"), metadata: { "hnsw:space": "cosine" }, configuration: { hnsw: { space: "ip" } } });
      expect(d.configuration.hnsw?.space).toBe("ip");
      const bads: Metadata[] = [{ "hnsw:foo": 1 }, { "hnsw:M": "many" }, { "hnsw:space": "manhattan" }];
      for (const bad of bads) {
        await expectError(o.client.createCollection({ name: uniqueName("c"), metadata: bad }), { ...invalidArgument, message: /Failed to parse hnsw parameters from segment metadata/ });
      }
    });

    it(g, ["CreateCollection"], "a spann configuration gives an HNSW index with its space, as the single-node server does", async () => {
      const c = await o.client.createCollection({ name: uniqueName("c"), configuration: { spann: { space: "cosine", search_nprobe: 10, ef_construction: 150 } } });
      expect(c.configuration).toEqual({
        hnsw: { space: "cosine", ef_construction: 100, ef_search: 100, max_neighbors: 16, resize_factor: 1.2, sync_threshold: 1000 },
        spann: null,
        embedding_function: null,
      });
      await expectError(o.client.createCollection({ name: uniqueName("c"), configuration: { hnsw: { space: "l2" }, spann: { space: "l2" } } }), {
        ...invalidArgument,
        message: /Multiple vector index configurations provided/,
      });
    });

    it(g, ["CreateCollection"], "a schema and a configuration that both set something answer 400, including an embedding function given in both", async () => {
      const schema: Schema = { defaults: {}, keys: { "#embedding": { float_list: { vector_index: { enabled: true, config: { embedding_function: { type: "known", name: "openai", config: {} } } } } } } };
      const conflict = { ...invalidArgument, message: /Cannot set both collection config and schema simultaneously/ };
      await expectError(o.client.createCollection({ name: uniqueName("c"), schema, configuration: { embedding_function: { type: "known", name: "cohere", config: {} } } }), conflict);
      await expectError(o.client.createCollection({ name: uniqueName("c"), schema, configuration: { hnsw: { ef_search: 5 } } }), conflict);
      await expectError(o.client.createCollection({ name: uniqueName("c"), schema, metadata: { "hnsw:space": "cosine" } }), conflict);
      // The default embedding function (what clients send when given none) is no conflict.
      const c = await o.client.createCollection({ name: uniqueName("c"), schema, configuration: { embedding_function: { type: "known", name: "default", config: {} } } });
      expect(c.configuration.embedding_function).toEqual({ type: "known", name: "openai", config: {} });
    });

    it(g, ["UpdateCollection", "GetCollection"], "modify changes ef_search, num_threads, batch_size, sync_threshold and resize_factor in configuration and schema", async () => {
      const c = await newCollection(o);
      await c.modify({ configuration: { hnsw: { ef_search: 50, num_threads: 3, batch_size: 50, sync_threshold: 500, resize_factor: 1.5 } } });
      const got = await o.client.getCollection({ name: c.name });
      expect(got.configuration.hnsw).toEqual({ space: "l2", ef_construction: 100, ef_search: 50, max_neighbors: 16, resize_factor: 1.5, sync_threshold: 500 });
      const vi = got.schema!.keys["#embedding"]!.float_list!.vector_index!.config.hnsw;
      expect(vi).toEqual({ ef_construction: 100, max_neighbors: 16, ef_search: 50, num_threads: 3, batch_size: 50, sync_threshold: 500, resize_factor: 1.5 });
      expect(got.schema!.defaults.float_list!.vector_index!.config.hnsw).toEqual(vi);
      expect(c.configuration).toEqual(got.configuration);
      const ef = { type: "known" as const, name: "openai", config: { model_name: "x" } };
      await c.modify({ configuration: { embedding_function: ef } });
      expect((await o.client.getCollection({ name: c.name })).configuration.embedding_function).toEqual(ef);
    });

    it(g, ["CollectionGet", "CollectionQuery", "CollectionDelete"], "a key whose inverted index the schema disables cannot be filtered on", async () => {
      const c = await o.client.createCollection({
        name: uniqueName("c"),
        schema: { defaults: {}, keys: { tag: { string: { string_inverted_index: { enabled: false, config: {} } } }, n: { int: { int_inverted_index: { enabled: false, config: {} } } } } },
      });
      await c.add({ ids: ["a", "b"], embeddings: [[1, 0, 0], [0, 1, 0]], metadatas: [{ tag: "x", n: 1, f: 1.5 }, { tag: "y", n: 2, f: 2.5 }] });
      const disabled = (key: string, type: string) => ({ ...invalidArgument, message: new RegExp(`^Cannot filter using metadata key '${key}' with type '${type}' because indexing is disabled$`) });
      await expectError(c.get({ where: { tag: "x" } }), disabled("tag", "Str"));
      await expectError(c.get({ where: { $and: [{ f: 1.5 }, { tag: { $in: ["x"] } }] } }), disabled("tag", "Str"));
      await expectError(c.query({ queryEmbeddings: [[1, 0, 0]], where: { n: { $gt: 0 } } }), disabled("n", "Int"));
      await expectError(c.delete({ where: { tag: "x" } }), disabled("tag", "Str"));
      expect(await c.count()).toBe(2);
      // Other keys and other value types of the same key still filter.
      expect(await idsWhere(c, { f: { $gt: 2 } })).toEqual(["b"]);
    });

    it(g, ["CollectionAdd", "GetCollection"], "metadata keys written by records appear in the schema with the defaults' settings", async () => {
      const c = await newCollection(o);
      await c.add({ ids: ["a"], embeddings: [[1, 0, 0]], metadatas: [{ title: "x", year: 2024, score: 0.5, draft: false }] });
      const keys = (await o.client.getCollection({ name: c.name })).schema!.keys;
      expect(keys.title).toEqual({ string: { fts_index: { enabled: false, config: {} }, string_inverted_index: { enabled: true, config: {} } } });
      expect(keys.year).toEqual({ int: { int_inverted_index: { enabled: true, config: {} } } });
      expect(keys.score).toEqual({ float: { float_inverted_index: { enabled: true, config: {} } } });
      expect(keys.draft).toEqual({ bool: { bool_inverted_index: { enabled: true, config: {} } } });
    });

    it(g, ["DeleteCollection", "CreateCollection"], "a collection deleted and created again with the same name starts from a fresh schema", async () => {
      const name = uniqueName("c");
      const c = await o.client.createCollection({
        name,
        schema: { defaults: {}, keys: { tag: { string: { string_inverted_index: { enabled: false, config: {} } } }, "#embedding": { float_list: { vector_index: { enabled: true, config: { space: "cosine" } } } } } },
      });
      await c.add({ ids: ["a"], embeddings: [[1, 0, 0]], metadatas: [{ tag: "x", other: 1 }] });
      await o.client.deleteCollection({ name });
      const again = await o.client.createCollection({ name });
      const fresh = await newCollection(o);
      expect(again.schema).toEqual(fresh.schema);
      expect(again.configuration).toEqual(fresh.configuration);
      await again.add({ ids: ["a"], embeddings: [[1, 0, 0]], metadatas: [{ tag: "x" }] });
      expect(await idsWhere(again, { tag: "x" })).toEqual(["a"]);
    });

    it(g, ["CreateCollection"], "a sparse-vector index can be enabled on one key", async () => {
      const c = await o.client.createCollection({
        name: uniqueName("c"),
        schema: { defaults: {}, keys: { bm25: { sparse_vector: { sparse_vector_index: { enabled: true, config: { bm25: true } } } } } },
      });
      expect(c.schema!.keys.bm25?.sparse_vector?.sparse_vector_index).toEqual({ enabled: true, config: { bm25: true } });
      await expectError(
        o.client.createCollection({
          name: uniqueName("c"),
          schema: { defaults: {}, keys: { a: { sparse_vector: { sparse_vector_index: { enabled: true, config: {} } } }, b: { sparse_vector: { sparse_vector_index: { enabled: true, config: {} } } } } },
        }),
        { ...invalidArgument, message: /At most one sparse vector index is allowed/ },
      );
    });

    it(g, ["CreateCollection", "UpdateCollection"], "HNSW values an index cannot work with answer 400", async () => {
      for (const hnsw of [{ max_neighbors: 1 }, { sync_threshold: 1 }, { batch_size: 0 }, { resize_factor: 0 }]) {
        await expectError(o.client.createCollection({ name: uniqueName("c"), configuration: { hnsw } }), invalidArgument);
      }
      const c = await newCollection(o);
      await expectError(c.modify({ configuration: { hnsw: { sync_threshold: 1 } } }), invalidArgument);
      expect((await o.client.getCollection({ name: c.name })).configuration.hnsw?.sync_threshold).toBe(1000);
    });

    it(g, ["UpdateCollection"], "legacy hnsw:search_ef metadata in a modify updates the configuration", async () => {
      const c = await newCollection(o);
      await c.modify({ metadata: { "hnsw:search_ef": 77, owner: "x" } });
      const got = await o.client.getCollection({ name: c.name });
      expect(got.configuration.hnsw?.ef_search).toBe(77);
      expect(got.metadata).toEqual({ "hnsw:search_ef": 77, owner: "x" });
      await expectError(c.modify({ metadata: { "hnsw:space": "cosine" } }), invalidArgument);
    });

    it(g, ["GetCollectionByCrn"], "a malformed CRN answers 400", async () => {
      for (const crn of ["nope", "a:b", "a:b:c:d", "a::c"]) {
        await expectError(clientFor(a.api).getCollectionByCrn(crn), { ...invalidArgument, message: /CRN must be in the format/ });
      }
    });

    it(g, ["UpdateTenant", "GetTenant", "GetCollectionByCrn"], "a tenant's resource name is set once, answered by get, and names it in CRNs", async () => {
      const admin = clientFor(a.api);
      const tenant = uniqueName("t");
      const resource = uniqueName("rn");
      await admin.createTenant({ name: tenant });
      await admin.createDatabase({ name: "main", tenant });
      const scoped = clientFor(a.api, { tenant, database: "main" });
      const c = await scoped.createCollection({ name: "articles" });
      // Without a resource name, the tenant's name addresses it.
      expect((await admin.getCollectionByCrn(`${tenant}:main:articles`)).id).toBe(c.id);
      await admin.updateTenant({ name: tenant, resourceName: resource });
      const t = await raw("GET", `/api/v2/tenants/${tenant}`);
      expect(t.body).toEqual({ name: tenant, resource_name: resource });
      expect((await admin.getCollectionByCrn(`${resource}:main:articles`)).id).toBe(c.id);
      await expectError(admin.getCollectionByCrn(`${resource}:main:missing`), notFound);
      await expectError(admin.updateTenant({ name: tenant, resourceName: "another" }), { status: 409, error: "ChromaError" });
      await expectError(admin.updateTenant({ name: uniqueName("missing"), resourceName: "x" }), notFound);
    });
  });

  group(a, "invalid requests", (g) => {
    it(g, ["CreateCollection"], "configuration values of the wrong type or sign answer 422", async () => {
      for (const configuration of [{ hnsw: { ef_construction: -1 } }, { hnsw: { ef_construction: "x" } }, { hnsw: { foo: 1 } }, { hnsw: { space: "manhattan" } }, { embedding_function: { type: "known", name: "x" } }]) {
        const r = await raw("POST", v2Collections(o), { name: uniqueName("c"), configuration });
        expectErrorAnswer(r, unprocessable);
      }
    });

    it(g, ["UpdateCollection"], "modify refuses to change the space, ef_construction or max_neighbors (422)", async () => {
      const c = await newCollection(o);
      for (const hnsw of [{ space: "cosine" }, { ef_construction: 32 }, { max_neighbors: 32 }]) {
        const r = await raw("PUT", `${v2Collections(o)}/${c.id}`, { new_configuration: { hnsw } });
        expectErrorAnswer(r, unprocessable);
      }
      expect((await o.client.getCollection({ name: c.name })).configuration.hnsw).toMatchObject({ space: "l2", ef_construction: 100, max_neighbors: 16 });
    });
  });
});
