/**
 * The official chromadb@3.5.0 client against Chroma 1.x's data model (issue 12): a collection
 * created with a schema (space + an embedding-function descriptor) read back through
 * `configuration` and `schema`; array metadata stored and filtered with $contains; delete with a
 * limit; a database under a tenant nobody created; collections by CRN; and the server's answers to
 * each input rule the client itself does not check (it refuses empty embeddings and `ids: []`
 * before sending; the contract suite covers the server's answers to those).
 *
 * The client's error classes are asserted together with the server's message it carries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AdminClient,
  ChromaClient,
  ChromaClientError,
  ChromaNotFoundError,
  Schema,
  StringInvertedIndexConfig,
  VectorIndexConfig,
  registerEmbeddingFunction,
  type Collection,
  type Where,
} from "chromadb-v3";
import { embedText } from "./embedding.js";
import { uniqueName } from "./fixtures.js";
import { openCompatTarget, type CompatTarget } from "./target.js";

/**
 * A "known" embedding function (name + config + buildFromConfig, registered with the client), so
 * chromadb@3 records `{"type": "known", ...}` and rebuilds the function from what the server
 * answers. It embeds with the deterministic bag of characters of embedding.ts.
 */
class KnownHashedChars {
  readonly name = "compat_known_hashed_chars";
  constructor(private readonly options: { scale: number } = { scale: 1 }) {}
  async generate(texts: string[]): Promise<number[][]> {
    return texts.map((t) => embedText(t).map((x) => x * this.options.scale));
  }
  getConfig(): Record<string, unknown> {
    return { scale: this.options.scale };
  }
  defaultSpace(): "cosine" {
    return "cosine";
  }
  supportedSpaces(): ("cosine" | "l2" | "ip")[] {
    return ["cosine", "l2", "ip"];
  }
  static buildFromConfig(config: { scale: number }): KnownHashedChars {
    return new KnownHashedChars(config);
  }
}
registerEmbeddingFunction("compat_known_hashed_chars", KnownHashedChars as never);

describe("chromadb@3.5.0 and Chroma 1.x's data model", { timeout: 60_000 }, () => {
  let target: CompatTarget;
  let admin: AdminClient;
  let client: ChromaClient;
  const tenant = uniqueName("compat-v3-dm");
  const database = "dm-main";

  beforeAll(async () => {
    target = await openCompatTarget("chromadb-3.5.0-data-model");
    admin = new AdminClient({ host: target.host, port: target.port, ssl: false });
    await admin.createTenant({ name: tenant });
    await admin.createDatabase({ name: database, tenant });
    client = new ChromaClient({ host: target.host, port: target.port, ssl: false, tenant, database });
  }, 60_000);

  afterAll(async () => {
    await target?.close();
  });

  const vec = (text: string) => embedText(text);

  it("creates a collection with a schema carrying the space and an embedding-function descriptor, and reads both back", async () => {
    const ef = new KnownHashedChars({ scale: 2 });
    const schema = new Schema()
      .createIndex(new VectorIndexConfig({ space: "ip", embeddingFunction: ef as never }))
      .createIndex(new StringInvertedIndexConfig(), "title")
      .deleteIndex(new StringInvertedIndexConfig(), "body_hash");
    const name = uniqueName("schema");
    const created = await client.createCollection({ name, schema });
    const descriptor = { type: "known", name: "compat_known_hashed_chars", config: { scale: 2 } };
    for (const c of [created, await client.getCollection({ name }), (await client.listCollections()).find((x) => x.name === name)!]) {
      const configuration = c.configuration as unknown as { hnsw: { space: string }; embedding_function: unknown };
      expect(configuration.embedding_function).toEqual(descriptor);
      expect(configuration.hnsw.space).toBe("ip");
      // The client rebuilt the function from the descriptor the server answered.
      expect(c.embeddingFunction).toBeInstanceOf(KnownHashedChars);
      expect((c.embeddingFunction as KnownHashedChars).getConfig()).toEqual({ scale: 2 });
      // And read the schema back: the key whose index it turned off, and the vector index.
      expect(c.schema?.keys.body_hash?.string?.stringInvertedIndex?.enabled).toBe(false);
      expect(c.schema?.keys["#embedding"]?.floatList?.vectorIndex?.config.space).toBe("ip");
    }
    // The function is used: a query by text embeds with it (scale 2, inner product).
    await created.add({ ids: ["a", "b"], embeddings: [vec("alpha").map((x) => x * 2), vec("zzz").map((x) => x * 2)] });
    const q = await created.query({ queryTexts: ["alpha"], nResults: 1, include: ["distances"] });
    expect(q.ids).toEqual([["a"]]);
    // The disabled index refuses filters on that key, with upstream's message.
    await expect(created.get({ where: { body_hash: "x" } })).rejects.toThrow(
      /Cannot filter using metadata key 'body_hash' with type 'Str' because indexing is disabled/,
    );
  });

  it("modifies HNSW search knobs and sees them in configuration_json", async () => {
    const name = uniqueName("modify");
    const c = await client.createCollection({ name, embeddingFunction: new KnownHashedChars() as never });
    await c.modify({ configuration: { hnsw: { ef_search: 64, batch_size: 50 } } as never });
    const again = await client.getCollection({ name });
    const configuration = again.configuration as unknown as { hnsw: Record<string, unknown> };
    expect(configuration.hnsw).toMatchObject({ ef_search: 64, ef_construction: 100, space: "cosine" });
  });

  it("stores array metadata and filters it with $contains / $not_contains", async () => {
    const c = await client.createCollection({ name: uniqueName("arrays"), embeddingFunction: new KnownHashedChars() as never });
    const metadatas: Record<string, string | number | string[] | number[]>[] = [{ tags: ["news", "sport"], year: 2024 }, { tags: ["tech"], scores: [1, 2.5] }, { tags: "news" }];
    await c.add({ ids: ["a", "b", "c"], embeddings: [vec("a"), vec("b"), vec("c")], metadatas });
    expect((await c.get({ include: ["metadatas"] as never })).metadatas).toEqual(metadatas);
    const byWhere = async (where: Where) => (await c.get({ where })).ids.sort();
    expect(await byWhere({ tags: { $contains: "news" } } as unknown as Where)).toEqual(["a"]);
    expect(await byWhere({ tags: { $not_contains: "news" } } as unknown as Where)).toEqual(["b", "c"]);
    expect(await byWhere({ $or: [{ tags: { $contains: "tech" } }, { year: { $gte: 2024 } }] } as unknown as Where)).toEqual(["a", "b"]);
    const q = await c.query({ queryEmbeddings: [vec("a")], nResults: 3, where: { scores: { $contains: 2.5 } } as unknown as Where });
    expect(q.ids).toEqual([["b"]]);
  });

  it("deletes with a limit: the first matching records", async () => {
    const c = await client.createCollection({ name: uniqueName("limit"), embeddingFunction: new KnownHashedChars() as never });
    await c.add({ ids: ["a", "b", "c"], embeddings: [vec("a"), vec("b"), vec("c")], metadatas: [{ g: 1 }, { g: 1 }, { g: 1 }] });
    expect(await c.delete({ where: { g: 1 }, limit: 2 })).toEqual({ deleted: 2 });
    expect((await c.get()).ids).toEqual(["c"]);
    expect(await c.delete({ where: { g: 1 }, limit: 0 })).toEqual({ deleted: 0 });
    expect(await c.count()).toBe(1);
  });

  it("creates a database under a tenant nobody created, as Chroma 1.x", async () => {
    const ghost = uniqueName("compat-v3-ghost");
    await admin.createDatabase({ name: "ghost-db", tenant: ghost });
    expect(await admin.getDatabase({ name: "ghost-db", tenant: ghost })).toMatchObject({ name: "ghost-db", tenant: ghost });
    await expect(admin.getTenant({ name: ghost })).rejects.toBeInstanceOf(ChromaNotFoundError);
  });

  it("finds a collection by CRN", async () => {
    const name = uniqueName("crn");
    const c = await client.createCollection({ name, embeddingFunction: new KnownHashedChars() as never });
    const found = await client.getCollectionByCrn(`${tenant}:${database}:${name}`);
    expect(found.id).toBe(c.id);
    expect(found.embeddingFunction).toBeInstanceOf(KnownHashedChars);
    await expect(client.getCollectionByCrn(`${tenant}:${database}:${uniqueName("missing")}`)).rejects.toBeInstanceOf(ChromaNotFoundError);
    await expect(client.getCollectionByCrn("not-a-crn")).rejects.toThrow(/CRN must be in the format/);
  });

  describe("the server's answer to each input rule the client does not check itself", () => {
    let c: Collection;
    beforeAll(async () => {
      c = await client.createCollection({ name: uniqueName("rules"), embeddingFunction: new KnownHashedChars() as never });
      await c.add({ ids: ["a"], embeddings: [vec("a")], metadatas: [{ ok: 1 }] });
    });

    it("names: two consecutive periods or an IPv4 address, on create and on rename", async () => {
      await expect(client.createCollection({ name: "a..b", embeddingFunction: new KnownHashedChars() as never })).rejects.toThrow(
        /Expected a name that does not contains two consecutive periods \(\.\.\)\. Got a\.\.b/,
      );
      await expect(client.createCollection({ name: "10.1.2.3", embeddingFunction: new KnownHashedChars() as never })).rejects.toThrow(
        /Expected a name that is not a valid ip address\. Got 10\.1\.2\.3/,
      );
      await expect(c.modify({ name: "x..y" })).rejects.toBeInstanceOf(ChromaClientError);
      await expect(admin.createDatabase({ name: "a..b", tenant })).rejects.toThrow(/two consecutive periods/);
    });

    it("metadata keys starting with # or $, on records and on collections", async () => {
      await expect(c.add({ ids: ["b"], embeddings: [vec("b")], metadatas: [{ "#x": 1 }] })).rejects.toThrow(/Invalid metadata at index 0/);
      await expect(c.upsert({ ids: ["b"], embeddings: [vec("b")], metadatas: [{ $x: 1 }] })).rejects.toThrow(/Metadata key cannot start with '#' or '\$'/);
      await expect(c.update({ ids: ["a"], metadatas: [{ $x: 1 }] })).rejects.toBeInstanceOf(ChromaClientError);
      await expect(client.createCollection({ name: uniqueName("k"), metadata: { "#owner": "x" }, embeddingFunction: new KnownHashedChars() as never })).rejects.toThrow(
        /Metadata key cannot start with '#' or '\$': #owner/,
      );
      expect((await c.get({ include: ["metadatas"] as never })).metadatas).toEqual([{ ok: 1 }]);
    });

    it("a schema and a configuration that both set an embedding function", async () => {
      const schema = new Schema().createIndex(new VectorIndexConfig({ embeddingFunction: new KnownHashedChars({ scale: 3 }) as never }));
      await expect(
        client.createCollection({ name: uniqueName("conflict"), schema, configuration: { hnsw: { space: "cosine" } } as never }),
      ).rejects.toThrow(/Cannot set both collection config and schema simultaneously/);
    });
  });
});
