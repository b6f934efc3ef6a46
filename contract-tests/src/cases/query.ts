/**
 * Nearest-neighbour queries: distances in l2 (squared euclidean), cosine (1 - cos) and ip
 * (1 - dot) against brute force, several query embeddings, n_results beyond the collection size,
 * include defaults, restricting to ids, base64 query vectors and dimension errors.
 */
import type { Collection, CreateCollectionArgs } from "@chromaspec/sdk";
import { beforeAll, expect } from "vitest";
import { forEachApi, group, it, type Api } from "../support/contract.js";
import { expectDistancesClose, rank, SPACES, toBase64, type Space } from "../support/distance.js";
import { dimensionMismatch, expectError } from "../support/errors.js";
import { columns, QUERY_RECORDS, QUERY_VECTORS } from "../support/fixtures.js";
import { queryLow } from "../support/low-level.js";
import { newCollection, openScope, type Opened } from "../support/scope.js";
import { expectQueryShape } from "../support/shapes.js";

/** How each space is asked for: metadata `hnsw:space` (both APIs) or, in v2, `configuration.hnsw.space` too. */
function spaceArgs(api: Api, space: Space): Partial<CreateCollectionArgs> {
  if (space === "l2") return {};
  if (space === "ip" && api === "v2") return { configuration: { hnsw: { space: "ip" } } };
  return { metadata: { "hnsw:space": space } };
}

const record = (id: string) => QUERY_RECORDS.find((r) => r.id === id)!;

forEachApi("query", (a) => {
  let o: Opened;
  const bySpace = {} as Record<Space, Collection>;
  beforeAll(async () => {
    o = await openScope(a.api);
    for (const space of SPACES) {
      bySpace[space] = await newCollection(o, spaceArgs(a.api, space));
      await bySpace[space].add(columns(QUERY_RECORDS));
    }
  });

  group(a, "requests", (g) => {
    it(g, ["CollectionQuery"], "query one embedding with the default include", async () => {
      expectQueryShape(await bySpace.l2.query({ queryEmbeddings: [QUERY_VECTORS[0]] }));
    });

    it(g, ["CollectionQuery"], "query several embeddings with every include", async () => {
      expectQueryShape(
        await bySpace.l2.query({ queryEmbeddings: QUERY_VECTORS, nResults: 3, include: ["documents", "embeddings", "metadatas", "distances", "uris"] }),
      );
    });

    it(g, ["CollectionQuery"], "query with include []", async () => {
      expectQueryShape(await bySpace.l2.query({ queryEmbeddings: [QUERY_VECTORS[1]], nResults: 2, include: [] }));
    });

    it(g, ["CollectionQuery"], "query with a base64 query embedding", async () => {
      const r = await queryLow(o, bySpace.l2.id, { query_embeddings: [toBase64(QUERY_VECTORS[0])], n_results: 2 });
      expect(r.status).toBe(200);
    });

    if (a.api === "v2") {
      it(g, ["CollectionQuery"], "query restricted to ids", async () => {
        expectQueryShape(await bySpace.l2.query({ queryEmbeddings: [QUERY_VECTORS[0]], ids: ["q2", "q5"], nResults: 5 }));
      });
    }
  });

  group(a, "behaviour", (g) => {
    for (const space of SPACES) {
      it(g, ["CollectionQuery", "CreateCollection"], `${space}: nearest records and distances match brute force`, async () => {
        const r = await bySpace[space].query({ queryEmbeddings: QUERY_VECTORS, nResults: 3, include: ["distances"] });
        expect(r.ids).toHaveLength(QUERY_VECTORS.length);
        QUERY_VECTORS.forEach((q, i) => {
          const expected = rank(space, q, QUERY_RECORDS).slice(0, 3);
          expect(r.ids[i], `query #${i}`).toEqual(expected.map((e) => e.id));
          expectDistancesClose(r.distances![i], expected.map((e) => e.distance));
        });
      });

      it(g, ["CollectionQuery"], `${space}: n_results larger than the collection answers every record, nearest first`, async () => {
        const r = await bySpace[space].query({ queryEmbeddings: [QUERY_VECTORS[2]], nResults: 50, include: ["distances"] });
        const expected = rank(space, QUERY_VECTORS[2], QUERY_RECORDS);
        expect(r.ids).toEqual([expected.map((e) => e.id)]);
        expectDistancesClose(r.distances![0], expected.map((e) => e.distance));
      });
    }

    it(g, ["CollectionQuery"], "each query embedding gets its own result list", async () => {
      const r = await bySpace.l2.query({ queryEmbeddings: [QUERY_VECTORS[1], QUERY_VECTORS[0], QUERY_VECTORS[1]], nResults: 2, include: [] });
      const first = rank("l2", QUERY_VECTORS[1], QUERY_RECORDS).slice(0, 2).map((e) => e.id);
      const second = rank("l2", QUERY_VECTORS[0], QUERY_RECORDS).slice(0, 2).map((e) => e.id);
      expect(r.ids).toEqual([first, second, first]);
    });

    it(g, ["CollectionQuery"], "the default include is documents, metadatas and distances", async () => {
      const r = await bySpace.l2.query({ queryEmbeddings: [QUERY_VECTORS[0]], nResults: 2 });
      const ids = rank("l2", QUERY_VECTORS[0], QUERY_RECORDS).slice(0, 2).map((e) => e.id);
      expect(r).toMatchObject({
        ids: [ids],
        documents: [ids.map((id) => record(id).document)],
        metadatas: [ids.map((id) => record(id).metadata)],
        embeddings: null,
        uris: null,
      });
      expect(r.distances).toHaveLength(1);
      expect([...r.include].sort()).toEqual(["distances", "documents", "metadatas"]);
    });

    it(g, ["CollectionQuery"], "query returns exactly the included fields", async () => {
      const r = await bySpace.l2.query({ queryEmbeddings: [QUERY_VECTORS[1]], nResults: 3, include: ["embeddings"] });
      const ids = rank("l2", QUERY_VECTORS[1], QUERY_RECORDS).slice(0, 3).map((e) => e.id);
      expect(r).toMatchObject({ ids: [ids], embeddings: [ids.map((id) => record(id).embedding)], documents: null, metadatas: null, distances: null, uris: null, include: ["embeddings"] });
      const none = await bySpace.l2.query({ queryEmbeddings: [QUERY_VECTORS[1]], nResults: 3, include: [] });
      expect(none).toMatchObject({ ids: [ids], embeddings: null, documents: null, metadatas: null, distances: null, uris: null, include: [] });
    });

    it(g, ["CollectionQuery"], "n_results defaults to 10", async () => {
      const c = await newCollection(o);
      const ids = Array.from({ length: 12 }, (_, i) => `n${i}`);
      await c.add({ ids, embeddings: ids.map((_, i) => [i, 0]) });
      const r = await c.query({ queryEmbeddings: [[0, 0]], include: [] });
      expect(r.ids).toEqual([ids.slice(0, 10)]);
    });

    it(g, ["CollectionQuery"], "a base64 query embedding queries the vector it encodes", async () => {
      const r = await queryLow(o, bySpace.l2.id, { query_embeddings: [toBase64(QUERY_VECTORS[0])], n_results: 3, include: ["distances"] });
      const expected = rank("l2", QUERY_VECTORS[0], QUERY_RECORDS).slice(0, 3);
      expect((r.data as { ids: string[][] }).ids).toEqual([expected.map((e) => e.id)]);
    });

    it(g, ["CollectionQuery"], "a query embedding of the wrong dimension answers 400", async () => {
      await expectError(bySpace.l2.query({ queryEmbeddings: [[1, 2, 3]] }), dimensionMismatch(a.api));
    });

    it(g, ["CollectionQuery"], "query on an empty collection answers one empty list per embedding", async () => {
      const c = await newCollection(o);
      const r = await c.query({ queryEmbeddings: [[1, 2], [3, 4]], nResults: 3, include: ["distances"] });
      expect(r.ids).toEqual([[], []]);
    });

    if (a.api === "v2") {
      it(g, ["CollectionQuery"], "n_results 0 answers one empty list per embedding", async () => {
        const r = await bySpace.l2.query({ queryEmbeddings: [QUERY_VECTORS[0], QUERY_VECTORS[1]], nResults: 0, include: ["distances"] });
        expect(r.ids).toEqual([[], []]);
        expect(r.distances).toEqual([[], []]);
      });

      it(g, ["CollectionQuery"], "query restricted to ids ranks only those records", async () => {
        const only = ["q2", "q5", "q8"];
        const r = await bySpace.l2.query({ queryEmbeddings: [QUERY_VECTORS[0]], ids: only, nResults: 5, include: ["distances"] });
        const expected = rank("l2", QUERY_VECTORS[0], QUERY_RECORDS.filter((x) => only.includes(x.id)));
        expect(r.ids).toEqual([expected.map((e) => e.id)]);
        expectDistancesClose(r.distances![0], expected.map((e) => e.distance));
      });
    }
  });
});
