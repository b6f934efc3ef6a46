/**
 * Writing and reading records: add, upsert, update, get (include, ordering, paging), count,
 * base64 embeddings, indexing status, and the 400s of malformed batches.
 */
import type { Collection, Metadata } from "@chromaspec/sdk";
import { beforeAll, expect } from "vitest";
import { raw, recordsPath } from "../support/client.js";
import { forEachApi, group, it } from "../support/contract.js";
import { expectEmbeddingsClose, toBase64 } from "../support/distance.js";
import { dimensionMismatch, expectError, expectErrorAnswer, invalidArgument } from "../support/errors.js";
import { addLow, updateLow, upsertLow } from "../support/low-level.js";
import { newCollection, openScope, type Opened } from "../support/scope.js";
import { expectGetShape } from "../support/shapes.js";

const THREE = {
  ids: ["a", "b", "c"],
  embeddings: [
    [1, 2, 3],
    [4, 5, 6],
    [-1, 0.5, 0.25],
  ],
  documents: ["alpha", null, "gamma"],
  metadatas: [{ k: "v", n: 1 }, null, { flag: true, x: 2.5 }] as (Metadata | null)[],
  uris: ["s3://bucket/a", null, "file:///c"],
};

forEachApi("records", (a) => {
  let o: Opened;
  beforeAll(async () => {
    o = await openScope(a.api);
  });

  group(a, "requests", (g) => {
    let c: Collection;
    beforeAll(async () => {
      c = await newCollection(o);
    });

    it(g, ["CollectionAdd"], "add with every field answers 201", async () => {
      const r = await addLow(o, c.id, THREE);
      expect(r.status).toBe(201);
      expect(r.data).toEqual(a.api === "v2" ? {} : true);
    });

    it(g, ["CollectionAdd"], "add with base64 float32 embeddings", async () => {
      const r = await addLow(o, c.id, { ids: ["b64"], embeddings: [toBase64([0.5, -1, 2])] });
      expect(r.status).toBe(201);
    });

    it(g, ["CollectionUpsert"], "upsert answers 200", async () => {
      const r = await upsertLow(o, c.id, { ids: ["a", "d"], embeddings: [[1, 2, 3], [0, 0, 1]], metadatas: [{ k: "w" }, null], documents: ["alpha2", "delta"] });
      expect(r.status).toBe(200);
      expect(r.data).toEqual(a.api === "v2" ? {} : null);
    });

    it(g, ["CollectionUpdate"], "update with a null metadata value answers 200", async () => {
      const r = await updateLow(o, c.id, { ids: ["a"], metadatas: [{ k: null, m: 3 }], documents: ["alpha3"] });
      expect(r.status).toBe(200);
      expect(r.data).toEqual(a.api === "v2" ? {} : null);
    });

    it(g, ["CollectionUpdate"], "update with embeddings only", async () => {
      await c.update({ ids: ["b"], embeddings: [[7, 8, 9]] });
    });

    it(g, ["CollectionGet"], "get with defaults", async () => {
      expectGetShape(await c.get());
    });

    it(g, ["CollectionGet"], "get by ids with every include", async () => {
      expectGetShape(await c.get({ ids: ["a", "b"], include: ["documents", "embeddings", "metadatas", "uris"] }));
    });

    it(g, ["CollectionGet"], "get with include []", async () => {
      expectGetShape(await c.get({ include: [] }));
    });

    it(g, ["CollectionGet"], "get with limit and offset", async () => {
      expectGetShape(await c.get({ limit: 2, offset: 1 }));
    });

    it(g, ["CollectionGet"], "peek", async () => {
      expectGetShape(await c.peek({ limit: 2 }));
    });

    it(g, ["CollectionCount"], "count answers an integer", async () => {
      const n = await c.count();
      expect(Number.isInteger(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(0);
    });

    if (a.api === "v2") {
      it(g, ["IndexingStatus"], "indexing status answers the four counters", async () => {
        const s = await c.getIndexingStatus();
        expect(s.op_indexing_progress).toBeGreaterThanOrEqual(0);
        expect(s.op_indexing_progress).toBeLessThanOrEqual(1);
        for (const k of ["num_unindexed_ops", "num_indexed_ops", "total_ops"] as const) expect(Number.isInteger(s[k])).toBe(true);
      });
    }
  });

  group(a, "behaviour", (g) => {
    it(g, ["CollectionAdd", "CollectionGet"], "add stores every field and get returns them", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      const r = await c.get({ include: ["documents", "embeddings", "metadatas", "uris"] });
      expect(r.ids).toEqual(THREE.ids);
      expect(r.embeddings).toEqual(THREE.embeddings);
      expect(r.documents).toEqual(THREE.documents);
      expect(r.metadatas).toEqual(THREE.metadatas);
      expect(r.uris).toEqual(THREE.uris);
      expect(await c.count()).toBe(3);
    });

    it(g, ["CollectionAdd", "CollectionGet"], "add answers 201 and ignores ids that already exist", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      const again = await addLow(o, c.id, { ids: ["a", "new"], embeddings: [[9, 9, 9], [0, 1, 0]], documents: ["changed", "fresh"], metadatas: [{ k: "changed" }, { k: "fresh" }] });
      expect(again.status).toBe(201);
      const r = await c.get({ ids: ["a", "new"], include: ["documents", "embeddings", "metadatas"] });
      expect(r.ids).toEqual(["a", "new"]);
      expect(r.documents).toEqual(["alpha", "fresh"]);
      expect(r.metadatas).toEqual([{ k: "v", n: 1 }, { k: "fresh" }]);
      expect(r.embeddings).toEqual([[1, 2, 3], [0, 1, 0]]);
      expect(await c.count()).toBe(4);
    });

    it(g, ["CollectionAdd", "CollectionGet"], "base64 embeddings are stored as the floats they encode", async () => {
      const c = await newCollection(o);
      const vectors = [
        [0.5, -1, 2],
        [1e-3, 3.25, -7.5],
      ];
      const r = await addLow(o, c.id, { ids: ["x", "y"], embeddings: vectors.map(toBase64) });
      expect(r.status).toBe(201);
      const got = await c.get({ include: ["embeddings"] });
      expect(got.ids).toEqual(["x", "y"]);
      expectEmbeddingsClose(got.embeddings, vectors.map((v) => Array.from(new Float32Array(v))));
    });

    it(g, ["CollectionUpsert", "CollectionGet"], "upsert inserts new ids and merges into existing ones", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      await c.upsert({ ids: ["a", "d"], embeddings: [[0, 0, 1], [2, 2, 2]], metadatas: [{ n: 5, extra: "yes" }, { k: "d" }] });
      const r = await c.get({ ids: ["a", "d"], include: ["documents", "embeddings", "metadatas"] });
      expect(r.ids).toEqual(["a", "d"]);
      expect(r.embeddings).toEqual([[0, 0, 1], [2, 2, 2]]);
      // Absent fields keep their stored value; metadata keys are merged.
      expect(r.documents).toEqual(["alpha", null]);
      expect(r.metadatas).toEqual([{ k: "v", n: 5, extra: "yes" }, { k: "d" }]);
      expect(await c.count()).toBe(4);
    });

    it(g, ["CollectionUpdate", "CollectionGet"], "update merges metadata and a null value deletes the key", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      await c.update({ ids: ["a", "c"], metadatas: [{ n: null, added: "yes" }, { flag: false }] });
      const r = await c.get({ ids: ["a", "c"], include: ["documents", "embeddings", "metadatas"] });
      expect(r.metadatas).toEqual([{ k: "v", added: "yes" }, { flag: false, x: 2.5 }]);
      // Fields not named in the update are untouched.
      expect(r.documents).toEqual(["alpha", "gamma"]);
      expect(r.embeddings).toEqual([THREE.embeddings[0], THREE.embeddings[2]]);
    });

    it(g, ["CollectionUpdate", "CollectionGet"], "update replaces documents and embeddings", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      await c.update({ ids: ["b"], embeddings: [[0, 0, 0.5]], documents: ["beta"] });
      const r = await c.get({ ids: ["b"], include: ["documents", "embeddings", "metadatas"] });
      expect(r).toMatchObject({ ids: ["b"], embeddings: [[0, 0, 0.5]], documents: ["beta"], metadatas: [null] });
      const q = await c.query({ queryEmbeddings: [[0, 0, 0.5]], nResults: 1, include: ["distances"] });
      expect(q.ids).toEqual([["b"]]);
      expect(q.distances![0][0]).toBeCloseTo(0, 5);
    });

    it(g, ["CollectionUpdate", "CollectionGet", "CollectionCount"], "update of an id that does not exist is ignored", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      const r = await updateLow(o, c.id, { ids: ["a", "ghost"], documents: ["alpha-updated", "boo"] });
      expect(r.status).toBe(200);
      expect(await c.count()).toBe(3);
      const got = await c.get({ ids: ["a", "ghost"] });
      expect(got.ids).toEqual(["a"]);
      expect(got.documents).toEqual(["alpha-updated"]);
    });

    it(g, ["CollectionGet"], "get returns records in insertion order, also by ids, and pages with limit/offset", async () => {
      const c = await newCollection(o);
      await c.add({ ids: ["k3", "k1", "k2"], embeddings: [[3, 0, 0], [1, 0, 0], [2, 0, 0]] });
      await c.add({ ids: ["k0"], embeddings: [[0, 0, 0]] });
      expect((await c.get()).ids).toEqual(["k3", "k1", "k2", "k0"]);
      expect((await c.get({ ids: ["k0", "k2", "k3"] })).ids).toEqual(["k3", "k2", "k0"]);
      expect((await c.get({ limit: 2 })).ids).toEqual(["k3", "k1"]);
      expect((await c.get({ limit: 2, offset: 1 })).ids).toEqual(["k1", "k2"]);
      expect((await c.get({ offset: 3 })).ids).toEqual(["k0"]);
      expect((await c.get({ limit: 10, offset: 4 })).ids).toEqual([]);
      expect((await c.get({ ids: ["k0", "k2", "k3"], limit: 1, offset: 1 })).ids).toEqual(["k2"]);
      expect((await c.peek({ limit: 3 })).ids).toEqual(["k3", "k1", "k2"]);
    });

    it(g, ["CollectionGet"], "get by ids skips ids that do not exist", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      expect((await c.get({ ids: ["zz", "b", "yy"] })).ids).toEqual(["b"]);
      expect((await c.get({ ids: ["zz"] })).ids).toEqual([]);
    });

    it(g, ["CollectionGet"], "get includes documents and metadatas by default, the rest is null", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      const r = await c.get();
      expect(r).toMatchObject({ ids: THREE.ids, documents: THREE.documents, metadatas: THREE.metadatas, embeddings: null, uris: null });
      expect([...r.include].sort()).toEqual(["documents", "metadatas"]);
    });

    it(g, ["CollectionGet"], "get returns exactly the included fields", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      const e = await c.get({ include: ["embeddings"] });
      expect(e).toMatchObject({ ids: THREE.ids, embeddings: THREE.embeddings, documents: null, metadatas: null, uris: null, include: ["embeddings"] });
      const u = await c.get({ include: ["uris", "metadatas"] });
      expect(u).toMatchObject({ ids: THREE.ids, embeddings: null, documents: null, metadatas: THREE.metadatas, uris: THREE.uris });
      expect([...u.include].sort()).toEqual(["metadatas", "uris"]);
      const none = await c.get({ include: [] });
      expect(none).toMatchObject({ ids: THREE.ids, embeddings: null, documents: null, metadatas: null, uris: null, include: [] });
    });

    it(g, ["CollectionCount", "CollectionAdd", "CollectionDelete"], "count follows adds and deletes", async () => {
      const c = await newCollection(o);
      expect(await c.count()).toBe(0);
      await c.add(THREE);
      expect(await c.count()).toBe(3);
      await c.delete({ ids: ["b"] });
      expect(await c.count()).toBe(2);
    });

    it(g, ["CollectionAdd", "GetCollection"], "the first add fixes the collection's dimension", async () => {
      const c = await newCollection(o);
      expect(c.dimension).toBeNull();
      await c.add(THREE);
      expect((await o.client.getCollection({ name: c.name })).dimension).toBe(3);
    });

    it(g, ["CollectionAdd"], "add with the wrong dimension answers 400", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      await expectError(c.add({ ids: ["z"], embeddings: [[1, 2]] }), dimensionMismatch(a.api));
      expect(await c.count()).toBe(3);
    });

    it(g, ["CollectionAdd"], "one batch with mixed dimensions answers 400", async () => {
      const c = await newCollection(o);
      await expectError(c.add({ ids: ["y", "z"], embeddings: [[1, 2, 3], [1, 2]] }), dimensionMismatch(a.api));
      expect(await c.count()).toBe(0);
    });

    it(g, ["CollectionUpsert"], "upsert with the wrong dimension answers 400", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      await expectError(c.upsert({ ids: ["a"], embeddings: [[1, 2, 3, 4]] }), dimensionMismatch(a.api));
      expect((await c.get({ ids: ["a"], include: ["embeddings"] })).embeddings).toEqual([[1, 2, 3]]);
    });

    it(g, ["CollectionUpdate"], "update with the wrong dimension answers 400", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      await expectError(c.update({ ids: ["a"], embeddings: [[1]] }), dimensionMismatch(a.api));
    });

    it(g, ["CollectionAdd"], "add with fewer embeddings than ids answers 400", async () => {
      const c = await newCollection(o);
      await expectError(c.add({ ids: ["a", "b"], embeddings: [[1, 2, 3]] }), invalidArgument);
      expect(await c.count()).toBe(0);
    });

    it(g, ["CollectionAdd"], "add with more metadatas than ids answers 400", async () => {
      const c = await newCollection(o);
      await expectError(c.add({ ids: ["a"], embeddings: [[1, 2, 3]], metadatas: [{ a: 1 }, { a: 2 }] }), invalidArgument);
    });

    it(g, ["CollectionAdd"], "add with fewer documents than ids answers 400", async () => {
      const c = await newCollection(o);
      await expectError(c.add({ ids: ["a", "b"], embeddings: [[1, 2, 3], [3, 2, 1]], documents: ["one"] }), invalidArgument);
    });

    it(g, ["CollectionUpsert"], "upsert with inconsistent lengths answers 400", async () => {
      const c = await newCollection(o);
      await expectError(c.upsert({ ids: ["a", "b"], embeddings: [[1, 2, 3], [3, 2, 1]], uris: ["x"] }), invalidArgument);
    });

    it(g, ["CollectionUpdate"], "update with inconsistent lengths answers 400", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      await expectError(c.update({ ids: ["a", "b"], documents: ["x"] }), invalidArgument);
    });

    it(g, ["CollectionAdd"], "an id repeated in one add answers 400 DuplicateIDError", async () => {
      const c = await newCollection(o);
      await expectError(c.add({ ids: ["a", "a"], embeddings: [[1, 2, 3], [1, 2, 3]] }), { status: 400, error: "DuplicateIDError" });
      expect(await c.count()).toBe(0);
    });

    it(g, ["CollectionUpsert"], "an id repeated in one upsert answers 400 DuplicateIDError", async () => {
      const c = await newCollection(o);
      await expectError(c.upsert({ ids: ["a", "a"], embeddings: [[1, 2, 3], [1, 2, 3]] }), { status: 400, error: "DuplicateIDError" });
    });

    if (a.api === "v2") {
      it(g, ["IndexingStatus"], "indexing status reports every operation indexed", async () => {
        const c = await newCollection(o);
        await c.add(THREE);
        await c.upsert({ ids: ["d"], embeddings: [[0, 0, 0]] });
        const s = await c.getIndexingStatus();
        expect(s.op_indexing_progress).toBe(1);
        expect(s.num_unindexed_ops).toBe(0);
        expect(s.num_indexed_ops).toBe(s.total_ops);
        expect(s.total_ops).toBeGreaterThan(0);
      });
    }
  });

  group(a, "invalid requests", (g) => {
    it(g, ["CollectionUpdate"], "a metadata value that is an object answers 400", async () => {
      const c = await newCollection(o);
      await c.add(THREE);
      const r = await raw("POST", `${recordsPath(a.api, o.scope, c.id)}/update`, { ids: ["a"], metadatas: [{ nested: { x: 1 } }] });
      expectErrorAnswer(r, invalidArgument);
    });
  });
});
