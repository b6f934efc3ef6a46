/**
 * The Search API (Chroma 1.x `collection_search`, v2 only): dense `$knn` ranking against brute force,
 * the where filter with `#id` / `#document`, paging, storage order without a rank, `select`,
 * `group_by`, rank arithmetic (defaults, reciprocal rank fusion, non-finite scores), several
 * searches per request, and upstream's refusals with its wording. Upstream's own single-node
 * server answers every search with 501 (KNOWN_DIFFERENCES.md), but it validates payloads before
 * that, so the `invalid requests` group holds on upstream too.
 */
import { knn, rrf, type Collection, type SearchPayload } from "@chromaspec/sdk";
import { beforeAll, expect } from "vitest";
import { raw, recordsPath } from "../support/client.js";
import { forEachApi, group, it } from "../support/contract.js";
import { rank } from "../support/distance.js";
import { expectError, expectErrorAnswer } from "../support/errors.js";
import { columns, QUERY_RECORDS, QUERY_VECTORS, type FixtureRecord } from "../support/fixtures.js";
import { newCollection, openScope, type Opened } from "../support/scope.js";

const f = Math.fround;
const byId = (id: string) => QUERY_RECORDS.find((r) => r.id === id)!;
/** Brute-force l2 ranking, ties in insertion order (the fixture's order). */
const ranked = (query: number[], records: FixtureRecord[] = QUERY_RECORDS) => rank("l2", query, records);
/** Scores travel as the shortest decimal of a float32: compare float32 values. */
const f32 = (scores: (number | null)[] | null | undefined) => (scores ?? []).map((s) => (s === null ? null : f(s)));

forEachApi(
  "search",
  (a) => {
    let o: Opened;
    let c: Collection;
    beforeAll(async () => {
      o = await openScope(a.api);
      c = await newCollection(o);
      await c.add(columns(QUERY_RECORDS));
    });

    group(a, "requests", (g) => {
      /** The answer's columns line up: one entry per search, each either null or one value per id. */
      const expectSearchShape = (r: Awaited<ReturnType<Collection["search"]>>) => {
        for (const column of [r.documents, r.embeddings, r.metadatas, r.scores, r.select]) expect(column).toHaveLength(r.ids.length);
        r.ids.forEach((ids, s) => {
          for (const column of [r.documents, r.embeddings, r.metadatas, r.scores]) if (column[s] !== null) expect(column[s]).toHaveLength(ids.length);
        });
      };

      it(g, ["CollectionSearch"], "search with every part of a payload", async () => {
        expectSearchShape(
          await c.search({
            filter: { $and: [{ n: { $gte: 1 } }, { "#id": { $nin: ["zz"] } }] },
            rank: knn({ query: QUERY_VECTORS[0], limit: 5 }),
            group_by: { keys: ["even"], aggregate: { $min_k: { keys: ["#score"], k: 2 } } },
            limit: { offset: 0, limit: 3 },
            select: { keys: ["#document", "#embedding", "#metadata", "#score"] },
          }),
        );
      });

      it(g, ["CollectionSearch"], "an empty search and a batch with a read level", async () => {
        expectSearchShape(await c.search([{}, { select: { keys: ["#score"] } }], { readLevel: "index_only" }));
      });
    });

    group(a, "behaviour", (g) => {
      it(g, ["CollectionSearch"], "every part of a payload at once, and a batch answers one entry per search", async () => {
        const r = await c.search([
          {
            filter: { $and: [{ n: { $gte: 2 } }, { "#id": { $nin: ["q4"] } }] },
            rank: knn({ query: QUERY_VECTORS[0], limit: 5 }),
            limit: { offset: 1, limit: 3 },
            select: { keys: ["#document", "#embedding", "#metadata", "#score"] },
          },
          {},
        ]);
        const expected = ranked(QUERY_VECTORS[0], QUERY_RECORDS.filter((x) => (x.metadata?.n as number) >= 2 && x.id !== "q4")).slice(0, 5).slice(1, 4);
        expect(r.ids).toEqual([expected.map((e) => e.id), QUERY_RECORDS.map((x) => x.id)]);
        expect(r.documents).toEqual([expected.map((e) => byId(e.id).document), null]);
        expect(r.embeddings).toEqual([expected.map((e) => byId(e.id).embedding), null]);
        expect(r.metadatas).toEqual([expected.map((e) => byId(e.id).metadata), null]);
        expect(f32(r.scores[0])).toEqual(expected.map((e) => f(e.distance)));
        expect(r.scores[1]).toBeNull();
        expect(r.select).toEqual([["#document", "#embedding", "#metadata", "#score"], []]);
      });

      it(g, ["CollectionSearch"], "a dense $knn ranks by distance like brute force, scores are the distances", async () => {
        for (const query of QUERY_VECTORS) {
          const r = await c.search({ rank: knn({ query, limit: 4 }), select: { keys: ["#score"] } });
          const expected = ranked(query).slice(0, 4);
          expect(r.ids[0]).toEqual(expected.map((e) => e.id));
          expect(f32(r.scores[0])).toEqual(expected.map((e) => f(e.distance)));
        }
      });

      it(g, ["CollectionSearch"], "the $knn limit caps the ranking; limit and offset page it", async () => {
        const all = ranked(QUERY_VECTORS[1]).slice(0, 6).map((e) => e.id);
        const capped = await c.search({ rank: knn({ query: QUERY_VECTORS[1], limit: 6 }), limit: { limit: 100 } });
        expect(capped.ids[0]).toEqual(all);
        const pages = await c.search([0, 2, 4].map((offset) => ({ rank: knn({ query: QUERY_VECTORS[1], limit: 6 }), limit: { offset, limit: 2 } })));
        expect(pages.ids.flat()).toEqual(all);
      });

      it(g, ["CollectionSearch"], "filters on metadata, #id and #document in one where tree", async () => {
        const filter = { $or: [{ $and: [{ even: true }, { n: { $gt: 4 } }] }, { "#id": "q1" }, { "#document": { $contains: "hre" } }] };
        const keep = (r: FixtureRecord) => (r.metadata?.even === true && (r.metadata.n as number) > 4) || r.id === "q1" || (r.document ?? "").includes("hre");
        const r = await c.search({ filter, rank: knn({ query: QUERY_VECTORS[2], limit: 10 }), select: { keys: ["#score"] } });
        expect(r.ids[0]).toEqual(ranked(QUERY_VECTORS[2], QUERY_RECORDS.filter(keep)).map((e) => e.id));
      });

      it(g, ["CollectionSearch"], "without a rank, records come in insertion order, scored by position", async () => {
        const r = await c.search({ filter: { even: false }, limit: { offset: 1, limit: 2 }, select: { keys: ["#score", "#document"] } });
        expect(r.ids).toEqual([["q3", "q5"]]);
        expect(r.scores).toEqual([[0, 1]]);
        expect(r.documents).toEqual([["three", "five"]]);
      });

      it(g, ["CollectionSearch"], "select returns only the named columns and metadata keys, in upstream's key order", async () => {
        const r = await c.search({ filter: { "#id": { $in: ["q2", "q4"] } }, select: { keys: ["n", "#embedding", "missing"] } });
        expect(r.select).toEqual([["#embedding", "missing", "n"]]);
        expect(r.ids).toEqual([["q2", "q4"]]);
        expect(r.embeddings).toEqual([[byId("q2").embedding, byId("q4").embedding]]);
        expect(r.metadatas).toEqual([[{ n: 2 }, { n: 4 }]]);
        expect(r.documents).toEqual([null]);
        expect(r.scores).toEqual([null]);
      });

      it(g, ["CollectionSearch"], "group_by keeps the best k records per group", async () => {
        const limit = 8;
        const r = await c.search({
          rank: knn({ query: QUERY_VECTORS[0], limit }),
          group_by: { keys: ["even"], aggregate: { $min_k: { keys: ["#score"], k: 2 } } },
          select: { keys: ["#score", "even"] },
        });
        const top = ranked(QUERY_VECTORS[0]).slice(0, limit);
        const even = (id: string) => byId(id).metadata?.even === true;
        const keep = [...top.filter((e) => even(e.id)).slice(0, 2), ...top.filter((e) => !even(e.id)).slice(0, 2)];
        expect(r.ids[0]).toEqual(top.filter((e) => keep.includes(e)).map((e) => e.id));
        const maxN = await c.search({
          rank: knn({ query: QUERY_VECTORS[0], limit }),
          group_by: { keys: ["even"], aggregate: { $max_k: { keys: ["n"], k: 1 } } },
        });
        expect([...maxN.ids[0]].sort()).toEqual(["q7", "q8"]);
      });

      it(g, ["CollectionSearch"], "a $knn without default drops records outside its limit; a default keeps them", async () => {
        const a2 = ranked(QUERY_VECTORS[0]).slice(0, 3);
        const b2 = ranked(QUERY_VECTORS[1]).slice(0, 3);
        const sum = (dflt?: number): SearchPayload => ({
          rank: { $sum: [knn({ query: QUERY_VECTORS[0], limit: 3, default: dflt }), knn({ query: QUERY_VECTORS[1], limit: 3, default: dflt })] },
          select: { keys: ["#score"] },
        });
        const both = await c.search(sum());
        const inBoth = a2.filter((x) => b2.some((y) => y.id === x.id)).map((x) => x.id);
        expect([...both.ids[0]].sort()).toEqual([...inBoth].sort());
        const filled = await c.search(sum(100));
        const union = [...new Set([...a2, ...b2].map((x) => x.id))];
        expect([...filled.ids[0]].sort()).toEqual(union.sort());
        const score = (id: string) => f(f(a2.find((x) => x.id === id) ? f(a2.find((x) => x.id === id)!.distance) : 100) + f(b2.find((x) => x.id === id) ? f(b2.find((x) => x.id === id)!.distance) : 100));
        expect(f32(filled.scores[0])).toEqual(filled.ids[0].map(score));
      });

      it(g, ["CollectionSearch"], "reciprocal rank fusion of two rankings", async () => {
        const first = ranked(QUERY_VECTORS[0]).slice(0, 5).map((e) => e.id);
        const second = ranked(QUERY_VECTORS[2]).slice(0, 5).map((e) => e.id);
        const r = await c.search({
          rank: rrf({ ranks: [knn({ query: QUERY_VECTORS[0], limit: 5, returnRank: true, default: 50 }), knn({ query: QUERY_VECTORS[2], limit: 5, returnRank: true, default: 50 })], k: 10 }),
          select: { keys: ["#score"] },
        });
        const pos = (list: string[], id: string) => (list.includes(id) ? list.indexOf(id) : 50);
        const fused = [...new Set([...first, ...second])]
          .map((id) => ({ id, order: QUERY_RECORDS.findIndex((x) => x.id === id), score: f(f(f(1 / f(pos(first, id) + 10)) + f(1 / f(pos(second, id) + 10))) * -1) }))
          .sort((x, y) => x.score - y.score || x.order - y.order);
        expect(r.ids[0]).toEqual(fused.map((e) => e.id));
        expect(f32(r.scores[0])).toEqual(fused.map((e) => e.score));
      });

      it(g, ["CollectionSearch"], "a score that is not a number answers null and ranks last", async () => {
        // ln(2 - distance) is NaN wherever the distance exceeds 2.
        const r = await c.search({ rank: { $log: { $sub: { left: { $val: 2 }, right: knn({ query: QUERY_VECTORS[0], limit: 8 }) } } }, select: { keys: ["#score"] } });
        const expected = ranked(QUERY_VECTORS[0])
          .map((e) => ({ id: e.id, order: QUERY_RECORDS.findIndex((x) => x.id === e.id), score: f(Math.log(f(2 - f(e.distance)))) }))
          .sort((x, y) => (Number.isNaN(x.score) ? 1 : 0) - (Number.isNaN(y.score) ? 1 : 0) || (Number.isNaN(x.score) ? 0 : x.score - y.score) || x.order - y.order);
        expect(expected.some((e) => Number.isNaN(e.score))).toBe(true);
        expect(r.ids[0]).toEqual(expected.map((e) => e.id));
        expect(f32(r.scores[0])).toEqual(expected.map((e) => (Number.isFinite(e.score) ? e.score : null)));
      });

      it(g, ["CollectionSearch"], "a dense query of the wrong dimension answers 400", async () => {
        await expectError(c.search({ rank: knn({ query: [1, 2] }) }), {
          status: 400,
          error: "InvalidArgumentError",
          message: /dimension of 4, got 2/,
        });
      });

      it(g, ["CollectionSearch"], "a sparse $knn on a key without a sparse index answers 400", async () => {
        await expectError(c.search({ rank: knn({ query: { indices: [1], values: [1] }, key: "sparse" }) }), {
          status: 400,
          error: "InvalidArgumentError",
          message: /^Cannot filter using metadata key 'sparse' with type 'SparseVector' because indexing is disabled$/,
        });
      });

      it(g, ["CollectionSearch"], "a missing collection answers 404", async () => {
        const missing = await newCollection(o);
        await o.client.deleteCollection({ name: missing.name });
        await expectError(missing.search({}), { status: 404, error: "NotFoundError" });
      });
    });

    group(a, "invalid requests", (g) => {
      const search = (body: unknown) => raw("POST", `${recordsPath(a.api, o.scope, c.id)}/search`, body);

      it(g, ["CollectionSearch"], "a payload without searches answers 422", async () => {
        expectErrorAnswer(await search({}), { status: 422, error: "*", message: /missing field `searches`/ });
      });

      it(g, ["CollectionSearch"], "an unknown rank operator answers 422 with serde's variant list", async () => {
        expectErrorAnswer(await search({ searches: [{ rank: { $foo: 1 } }] }), {
          status: 422,
          error: "*",
          message: /searches\[0\]\.rank: unknown variant `\$foo`, expected one of `\$abs`, `\$div`, `\$exp`, `\$knn`, `\$log`, `\$max`, `\$min`, `\$mul`, `\$sub`, `\$sum`, `\$val`/,
        });
      });

      it(g, ["CollectionSearch"], "a negative limit answers 422", async () => {
        expectErrorAnswer(await search({ searches: [{ limit: { limit: -1 } }] }), { status: 422, error: "*", message: /searches\[0\]\.limit\.limit: invalid value: integer `-1`, expected u32/ });
      });

      it(g, ["CollectionSearch"], "an invalid where clause answers 422", async () => {
        expectErrorAnswer(await search({ searches: [{ filter: { a: { $foo: 1 } } }] }), { status: 422, error: "*", message: /searches\[0\]\.filter: Invalid where clause/ });
      });

      it(g, ["CollectionSearch"], "group_by with k 0 answers 400", async () => {
        expectErrorAnswer(await search({ searches: [{ rank: { $val: 1 }, group_by: { keys: ["a"], aggregate: { $min_k: { keys: ["#score"], k: 0 } } } }] }), {
          status: 400,
          error: "InvalidArgumentError",
          message: /^Validation error: searches\[0\]\.group_by: aggregate k must be greater than 0$/,
        });
      });

      it(g, ["CollectionSearch"], "unsorted sparse query indices answer 400", async () => {
        expectErrorAnswer(await search({ searches: [{ rank: { $knn: { query: { indices: [2, 1], values: [1, 1] }, key: "sparse" } } }] }), {
          status: 400,
          error: "InvalidArgumentError",
          message: /^Validation error: searches\[0\]\.rank: Invalid sparse vector in KNN query: Sparse vector indices must be sorted in strictly ascending order \(no duplicates\)$/,
        });
      });
    });
  },
  ["v2"],
);
