/** Deleting records by ids, by where, by where_document, and combinations. */
import type { Collection } from "@chromaspec/sdk";
import { expect } from "vitest";
import { beforeAll } from "vitest";
import { forEachApi, group, it } from "../support/contract.js";
import { columns, FILTER_RECORDS } from "../support/fixtures.js";
import { newCollection, openScope, type Opened } from "../support/scope.js";

forEachApi("delete", (a) => {
  let o: Opened;
  beforeAll(async () => {
    o = await openScope(a.api);
  });
  const filled = async (): Promise<Collection> => {
    const c = await newCollection(o);
    await c.add(columns(FILTER_RECORDS));
    return c;
  };
  const remaining = async (c: Collection) => (await c.get({ include: [] })).ids;
  /** v2 answers the number of records deleted; v1 (chromadb 0.6.3) answers null. */
  const deleted = (n: number) => (a.api === "v2" ? n : null);

  group(a, "requests", (g) => {
    it(g, ["CollectionDelete"], "delete by ids", async () => {
      const c = await newCollection(o);
      const r = await c.delete({ ids: ["nothing-here"] });
      expect(r.deleted === null || Number.isInteger(r.deleted)).toBe(true);
    });
  });

  group(a, "behaviour", (g) => {
    it(g, ["CollectionDelete", "CollectionGet"], "delete by ids removes exactly those records", async () => {
      const c = await filled();
      expect(await c.delete({ ids: ["r2", "r5"] })).toEqual({ deleted: deleted(2) });
      expect(await remaining(c)).toEqual(["r1", "r3", "r4", "r6"]);
    });

    it(g, ["CollectionDelete"], "delete by ids counts only the records that existed", async () => {
      const c = await filled();
      expect(await c.delete({ ids: ["r1", "ghost", "r3"] })).toEqual({ deleted: deleted(2) });
      expect(await c.delete({ ids: ["r1"] })).toEqual({ deleted: deleted(0) });
      expect(await remaining(c)).toEqual(["r2", "r4", "r5", "r6"]);
    });

    it(g, ["CollectionDelete", "CollectionGet"], "delete by where removes the matching records", async () => {
      const c = await filled();
      expect(await c.delete({ where: { $or: [{ int: { $gt: 2 } }, { tag: "x" }] } })).toEqual({ deleted: deleted(3) });
      expect(await remaining(c)).toEqual(["r2", "r5", "r6"]);
    });

    it(g, ["CollectionDelete", "CollectionGet"], "delete by where_document removes the matching records", async () => {
      const c = await filled();
      expect(await c.delete({ whereDocument: { $contains: "fox" } })).toEqual({ deleted: deleted(2) });
      expect(await remaining(c)).toEqual(["r2", "r3", "r4", "r6"]);
    });

    it(g, ["CollectionDelete", "CollectionGet"], "ids and where must both match", async () => {
      const c = await filled();
      expect(await c.delete({ ids: ["r1", "r2", "r5"], where: { str: "apple" } })).toEqual({ deleted: deleted(2) });
      expect(await remaining(c)).toEqual(["r2", "r3", "r4", "r6"]);
    });

    it(g, ["CollectionDelete", "CollectionGet"], "ids and where_document must both match", async () => {
      const c = await filled();
      expect(await c.delete({ ids: ["r2", "r3", "r5"], whereDocument: { $contains: "o" } })).toEqual({ deleted: deleted(2) });
      expect(await remaining(c)).toEqual(["r1", "r3", "r4", "r6"]);
    });

    it(g, ["CollectionDelete", "CollectionGet"], "ids, where and where_document must all match", async () => {
      const c = await filled();
      expect(await c.delete({ ids: ["r1", "r2", "r5"], where: { str: "apple" }, whereDocument: { $contains: "pie" } })).toEqual({ deleted: deleted(1) });
      expect(await remaining(c)).toEqual(["r1", "r2", "r3", "r4", "r6"]);
    });

    it(g, ["CollectionDelete", "CollectionQuery", "CollectionCount"], "deleted records no longer answer queries", async () => {
      const c = await filled();
      await c.delete({ ids: ["r1"] });
      expect(await c.count()).toBe(5);
      const r = await c.query({ queryEmbeddings: [[1, 0, 0]], nResults: 10, include: [] });
      expect(r.ids[0]).toHaveLength(5);
      expect(r.ids[0]).not.toContain("r1");
    });

    it(g, ["CollectionDelete", "CollectionAdd", "CollectionGet"], "a deleted id can be added again", async () => {
      const c = await filled();
      await c.delete({ ids: ["r1"] });
      await c.add({ ids: ["r1"], embeddings: [[5, 5, 5]], documents: ["reborn"] });
      const r = await c.get({ ids: ["r1"], include: ["documents", "embeddings", "metadatas"] });
      expect(r).toMatchObject({ ids: ["r1"], documents: ["reborn"], embeddings: [[5, 5, 5]], metadatas: [null] });
    });
  });
});
