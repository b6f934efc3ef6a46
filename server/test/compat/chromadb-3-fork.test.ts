/**
 * Collection forks through the official chromadb@3.5.0 client, unchanged: `collection.fork({name})`
 * gives a working collection with the source's records, metadata and configuration, independent
 * afterwards; `forkCount()` counts the lineage; a taken name and a deleted source surface as the
 * client's ChromaUniqueError / ChromaNotFoundError.
 *
 * Upstream's single-node server answers fork with 501 (known difference), so these run against
 * chromaspec only (with COMPAT_URL set they are skipped).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChromaClient, ChromaNotFoundError, ChromaUniqueError, Search, K, Knn } from "chromadb-v3";
import { uniqueName } from "./fixtures.js";
import { openCompatTarget, type CompatTarget } from "./target.js";

describe.skipIf(process.env.COMPAT_URL !== undefined)("chromadb@3.5.0 collection.fork", { timeout: 60_000 }, () => {
  let target: CompatTarget;
  let client: ChromaClient;

  beforeAll(async () => {
    target = await openCompatTarget("chromadb-3.5.0-fork");
    client = new ChromaClient({ host: target.host, port: target.port, ssl: false });
  }, 60_000);

  afterAll(async () => {
    await target?.close();
  });

  const ids = Array.from({ length: 40 }, (_, i) => `id-${String(i).padStart(2, "0")}`);
  const embeddings = ids.map((_, i) => [i % 5, Math.floor(i / 5), 1]);

  it("forks: same records, metadata and configuration, then independent in both directions", async () => {
    const source = await client.createCollection({
      name: uniqueName("fork-src"),
      metadata: { owner: "compat" },
      configuration: { hnsw: { space: "cosine", ef_search: 64 } },
      embeddingFunction: null,
    });
    await source.add({ ids, embeddings, documents: ids.map((id) => `doc ${id}`), metadatas: ids.map((_, i) => ({ i, even: i % 2 === 0 })) });

    const name = uniqueName("fork-copy");
    const copy = await source.fork({ name });
    expect(copy.name).toBe(name);
    expect(copy.id).not.toBe(source.id);
    expect(copy.metadata).toEqual({ owner: "compat" });
    expect(copy.configuration).toMatchObject({ hnsw: { space: "cosine", ef_search: 64 } });
    const reread = await client.getCollection({ name });
    expect(reread.id).toBe(copy.id);

    const include = ["embeddings", "documents", "metadatas"] as const;
    expect(await copy.get({ include: [...include] })).toEqual(await source.get({ include: [...include] }));
    const q = { queryEmbeddings: [[2, 3, 1]], nResults: 5, where: { even: true } };
    expect(await copy.query(q)).toEqual(await source.query(q));
    const search = new Search().where(K("i").lt(20)).rank(Knn({ query: [4, 0, 1], limit: 10 })).limit(5).select(K.SCORE, K.DOCUMENT);
    expect((await copy.search(search)).rows()).toEqual((await source.search(search)).rows());

    await copy.delete({ ids: ids.slice(0, 10) });
    await copy.add({ ids: ["fork-only"], embeddings: [[9, 9, 9]] });
    await source.update({ ids: ["id-39"], metadatas: [{ i: 39, even: false, touched: true }] });
    expect(await copy.count()).toBe(31);
    expect(await source.count()).toBe(40);
    expect((await copy.get({ ids: ["id-39"] })).metadatas).toEqual([{ i: 39, even: false }]);
    expect((await source.get({ ids: ["fork-only"] })).ids).toEqual([]);

    expect(await source.forkCount()).toBe(1);
    const second = await copy.fork({ name: uniqueName("fork-of-fork") });
    expect(await second.count()).toBe(31);
    for (const c of [source, copy, second]) expect(await c.forkCount()).toBe(2);
  });

  it("surfaces upstream's refusals as the client's errors", async () => {
    const source = await client.createCollection({ name: uniqueName("fork-refuse"), embeddingFunction: null });
    const taken = await client.createCollection({ name: uniqueName("fork-taken"), embeddingFunction: null });
    await expect(source.fork({ name: taken.name })).rejects.toBeInstanceOf(ChromaUniqueError);
    await client.deleteCollection({ name: source.name });
    await expect(source.fork({ name: uniqueName("fork-gone") })).rejects.toBeInstanceOf(ChromaNotFoundError);
    await expect(source.forkCount()).rejects.toBeInstanceOf(ChromaNotFoundError);
  });
});
