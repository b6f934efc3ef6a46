/**
 * The Search API through the official chromadb@3.5.0 client, unchanged: its `Search`, `K`, `Knn`,
 * `Rrf`, `GroupBy` / `MinK` / `MaxK` builders and `collection.search`. Every answer is compared
 * with a brute-force computation written out here (independently of the server's core): the data
 * set is small enough that the server searches exactly, and its vectors are quarter steps, so
 * float32 distances are exact and ids / scores can be compared for equality.
 *
 * Upstream's single-node server answers every search with 501, so these scenarios run against
 * chromaspec only (with COMPAT_URL set they are skipped).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChromaClient, ChromaClientError, GroupBy, K, Knn, MaxK, MinK, Rrf, Search, type Collection } from "chromadb-v3";
import { mulberry32 } from "../helpers/random.js";
import { uniqueName } from "./fixtures.js";
import { openCompatTarget, type CompatTarget } from "./target.js";

const DIM = 16;
const N = 240;
const GROUPS = ["red", "green", "blue", "cyan", "gray"];
const WORDS = ["river", "stone", "cloud", "ember", "frost", "meadow", "harbor", "lantern"];

interface Rec {
  id: string;
  embedding: number[];
  document: string;
  metadata: { i: number; group: string; rating: number; even: boolean };
}

/** Quarter steps in [-2, 2], exactly representable in float32. */
function vec(next: () => number): number[] {
  return Array.from({ length: DIM }, () => Math.round(next() * 16 - 8) / 4 || 0);
}

const rand = mulberry32(20240613);
const RECORDS: Rec[] = Array.from({ length: N }, (_, i) => ({
  id: `doc-${String(i).padStart(3, "0")}`,
  embedding: vec(rand),
  document: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} number ${i}`,
  metadata: { i, group: GROUPS[(i * 3) % GROUPS.length], rating: (i % 17) + 0.5, even: i % 2 === 0 },
}));
const QUERIES = [vec(rand), vec(rand), vec(rand)];

const l2 = (a: number[], b: number[]) => a.reduce((s, x, j) => s + (x - b[j]) ** 2, 0);

/** Records by (l2 distance, insertion order): the exact ranking a dense $knn gives. */
function ranked(query: number[], records: Rec[] = RECORDS): { rec: Rec; score: number }[] {
  return records
    .map((rec) => ({ rec, score: l2(query, rec.embedding) }))
    .sort((a, b) => a.score - b.score || a.rec.metadata.i - b.rec.metadata.i);
}

describe.skipIf(process.env.COMPAT_URL !== undefined)("chromadb@3.5.0 Search API", { timeout: 60_000 }, () => {
  let target: CompatTarget;
  let client: ChromaClient;
  let collection: Collection;

  beforeAll(async () => {
    target = await openCompatTarget("chromadb-3.5.0-search");
    client = new ChromaClient({ host: target.host, port: target.port, ssl: false });
    collection = await client.createCollection({ name: uniqueName("search"), embeddingFunction: null });
    await collection.add({
      ids: RECORDS.map((r) => r.id),
      embeddings: RECORDS.map((r) => r.embedding),
      documents: RECORDS.map((r) => r.document),
      metadatas: RECORDS.map((r) => r.metadata),
    });
  }, 60_000);

  afterAll(async () => {
    await target?.close();
  });

  it("ranks by a dense Knn exactly as brute force, with the selected fields", async () => {
    for (const query of QUERIES) {
      const result = await collection.search(new Search().rank(Knn({ query, limit: 25 })).limit(10).select(K.DOCUMENT, K.SCORE, K.EMBEDDING, "group"));
      const expected = ranked(query).slice(0, 10);
      const rows = result.rows()[0];
      expect(rows.map((r) => r.id)).toEqual(expected.map((e) => e.rec.id));
      expect(rows.map((r) => r.score)).toEqual(expected.map((e) => e.score));
      expect(rows.map((r) => r.document)).toEqual(expected.map((e) => e.rec.document));
      expect(rows.map((r) => r.embedding)).toEqual(expected.map((e) => e.rec.embedding));
      expect(rows.map((r) => r.metadata)).toEqual(expected.map((e) => ({ group: e.rec.metadata.group })));
      expect(result.select).toEqual([["#document", "#embedding", "#score", "group"]]);
    }
  });

  it("answers only the Knn's limit when the page asks for more, and nothing beyond it", async () => {
    const result = await collection.search(new Search().rank(Knn({ query: QUERIES[0], limit: 7 })).limit(50).select(K.SCORE));
    expect(result.ids[0]).toEqual(ranked(QUERIES[0]).slice(0, 7).map((e) => e.rec.id));
  });

  it("filters with where on metadata, #id and #document before ranking", async () => {
    const cases: { where: Parameters<Search["where"]>[0]; keep: (r: Rec) => boolean }[] = [
      { where: K("group").eq("red").and(K("i").gt(40)), keep: (r) => r.metadata.group === "red" && r.metadata.i > 40 },
      { where: K.ID.isIn(["doc-001", "doc-050", "doc-199", "doc-404"]), keep: (r) => ["doc-001", "doc-050", "doc-199"].includes(r.id) },
      { where: K.DOCUMENT.contains("ember"), keep: (r) => r.document.includes("ember") },
      {
        where: K("even").eq(true).or(K.DOCUMENT.contains("frost")),
        keep: (r) => r.metadata.even || r.document.includes("frost"),
      },
      { where: K("rating").lte(3.5).and(K.ID.notIn(["doc-000"])), keep: (r) => r.metadata.rating <= 3.5 && r.id !== "doc-000" },
    ];
    for (const { where, keep } of cases) {
      const result = await collection.search(new Search().where(where).rank(Knn({ query: QUERIES[1], limit: 300 })).limit(300).select(K.SCORE));
      const expected = ranked(QUERIES[1], RECORDS.filter(keep));
      expect(result.ids[0]).toEqual(expected.map((e) => e.rec.id));
      expect(result.scores[0]).toEqual(expected.map((e) => e.score));
    }
  });

  it("pages with limit and offset over the same ranking", async () => {
    const full = ranked(QUERIES[2]).slice(0, 40).map((e) => e.rec.id);
    const pages: string[] = [];
    for (let offset = 0; offset < 40; offset += 15) {
      const result = await collection.search(new Search().rank(Knn({ query: QUERIES[2], limit: 40 })).limit(15, offset));
      pages.push(...result.ids[0]);
    }
    expect(pages).toEqual(full);
  });

  it("without a rank, returns filtered records in insertion order, scored by position", async () => {
    const result = await collection.search(new Search().where(K("group").eq("blue")).limit(5, 3).select(K.SCORE, K.METADATA));
    const expected = RECORDS.filter((r) => r.metadata.group === "blue").slice(3, 8);
    expect(result.ids[0]).toEqual(expected.map((r) => r.id));
    expect(result.scores[0]).toEqual([0, 1, 2, 3, 4]);
    expect(result.metadatas[0]).toEqual(expected.map((r) => r.metadata));
  });

  it("keeps the best records per group with GroupBy + MinK / MaxK", async () => {
    const knn = Knn({ query: QUERIES[0], limit: 60 });
    const top = ranked(QUERIES[0]).slice(0, 60);
    const byGroup = new Map<string, { rec: Rec; score: number }[]>();
    for (const e of top) byGroup.set(e.rec.metadata.group, [...(byGroup.get(e.rec.metadata.group) ?? []), e]);
    const sortByScore = (list: { rec: Rec; score: number }[]) => list.sort((a, b) => a.score - b.score || a.rec.metadata.i - b.rec.metadata.i);

    const minK = await collection.search(new Search().rank(knn).groupBy(new GroupBy([K("group")], new MinK([K.SCORE], 2))).limit(100).select(K.SCORE, "group"));
    const expectedMin = sortByScore([...byGroup.values()].flatMap((list) => list.slice(0, 2)));
    expect(minK.ids[0]).toEqual(expectedMin.map((e) => e.rec.id));

    const maxK = await collection.search(new Search().rank(knn).groupBy(new GroupBy([K("group")], new MaxK([K("rating")], 1))).limit(100).select(K.SCORE, "rating"));
    const expectedMax = sortByScore(
      [...byGroup.values()].map((list) => [...list].sort((a, b) => b.rec.metadata.rating - a.rec.metadata.rating)[0]),
    );
    expect(maxK.ids[0]).toEqual(expectedMax.map((e) => e.rec.id));
    expect(maxK.metadatas[0]).toEqual(expectedMax.map((e) => ({ rating: e.rec.metadata.rating })));
  });

  it("fuses rankings with the client's Rrf: -(sum of w / (k + rank)), float32", async () => {
    const a = ranked(QUERIES[0]).slice(0, 30);
    const b = ranked(QUERIES[1]).slice(0, 30);
    const rank = Rrf({
      ranks: [Knn({ query: QUERIES[0], limit: 30, returnRank: true, default: 1000 }), Knn({ query: QUERIES[1], limit: 30, returnRank: true, default: 1000 })],
      k: 60,
      weights: [0.75, 0.25],
    });
    const result = await collection.search(new Search().rank(rank).limit(15).select(K.SCORE));
    const f = Math.fround;
    const position = (list: { rec: Rec }[], id: string) => {
      const p = list.findIndex((e) => e.rec.id === id);
      return p < 0 ? 1000 : p;
    };
    const candidates = [...new Set([...a, ...b].map((e) => e.rec))];
    const fused = candidates
      .map((rec) => {
        const ta = f(f(0.75) / f(f(position(a, rec.id)) + 60));
        const tb = f(f(0.25) / f(f(position(b, rec.id)) + 60));
        return { rec, score: f(f(-1) * f(ta + tb)) };
      })
      .sort((x, y) => x.score - y.score || x.rec.metadata.i - y.rec.metadata.i)
      .slice(0, 15);
    expect(result.ids[0]).toEqual(fused.map((e) => e.rec.id));
    // Scores travel as the shortest decimal of their float32 value, as upstream prints them.
    expect(result.scores[0]!.map((s) => Math.fround(s!))).toEqual(fused.map((e) => e.score));
  });

  it("runs several searches in one request, each with its own columns", async () => {
    const result = await collection.search([
      new Search().rank(Knn({ query: QUERIES[0], limit: 3 })).limit(3).select(K.SCORE),
      new Search().where(K.ID.eq("doc-007")).select(K.DOCUMENT),
      new Search().where(K("group").eq("nope")),
    ]);
    expect(result.ids).toEqual([ranked(QUERIES[0]).slice(0, 3).map((e) => e.rec.id), ["doc-007"], []]);
    expect(result.documents).toEqual([null, [RECORDS[7].document], null]);
    expect(result.scores[0]).toHaveLength(3);
    expect(result.scores[1]).toBeNull();
  });

  it("surfaces upstream's refusals through the client", async () => {
    const refusal = async (search: Search) => {
      try {
        await collection.search(search);
      } catch (err) {
        return err as Error;
      }
      throw new Error("the search was accepted");
    };
    const wrongDim = await refusal(new Search().rank(Knn({ query: [1, 2, 3] })));
    expect(wrongDim).toBeInstanceOf(ChromaClientError);
    expect(wrongDim.message).toContain(`Collection expecting embedding with dimension of ${DIM}, got 3`);
    const noIndex = await refusal(new Search().rank(Knn({ query: { indices: [1], values: [1] }, key: "sparse" })));
    expect(noIndex.message).toContain("Cannot filter using metadata key 'sparse' with type 'SparseVector' because indexing is disabled");
    const groupWithoutRank = await refusal(new Search().groupBy(new GroupBy([K("group")], new MinK([K.SCORE], 1))));
    expect(groupWithoutRank.message).toContain("group_by requires rank expression to be specified");
  });
});
