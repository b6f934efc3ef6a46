/**
 * Collections: create (name rules, metadata, space), get by name and id, get-or-create, list with
 * paging, count, modify (rename, metadata), delete, duplicates and unknown names.
 */
import { beforeAll, expect } from "vitest";
import { clientFor } from "../support/client.js";
import { forEachApi, group, it } from "../support/contract.js";
import {
  duplicate, expectError, invalidArgument, missingCollectionById, missingCollectionByName, missingCollectionOnDelete, notFound,
} from "../support/errors.js";
import { uniqueName } from "../support/names.js";
import { newCollection, openFreshScope, openScope, type Opened } from "../support/scope.js";
import { expectCollectionShape, UUID } from "../support/shapes.js";

forEachApi("collections", (a) => {
  let o: Opened;
  beforeAll(async () => {
    o = await openScope(a.api);
  });

  group(a, "requests", (g) => {
    it(g, ["CreateCollection"], "create a collection with metadata", async () => {
      expectCollectionShape(await o.client.createCollection({ name: uniqueName("c"), metadata: { owner: "docs", rank: 2 } }));
    });

    it(g, ["CreateCollection"], "create a collection with a configuration", async () => {
      expectCollectionShape(await o.client.createCollection({ name: uniqueName("c"), configuration: { hnsw: { space: "ip" } } }));
    });

    it(g, ["CreateCollection"], "get-or-create a collection", async () => {
      expectCollectionShape(await o.client.getOrCreateCollection({ name: uniqueName("c"), metadata: { a: true } }));
    });

    it(g, ["GetCollection"], "get a collection by name", async () => {
      const c = await newCollection(o);
      expectCollectionShape(await o.client.getCollection({ name: c.name }));
    });

    if (a.api === "v2") {
      it(g, ["GetCollectionById"], "get a collection by id", async () => {
        const c = await newCollection(o);
        expectCollectionShape(await o.client.getCollectionById(c.id));
      });
    }

    it(g, ["ListCollections"], "list collections with and without paging", async () => {
      await newCollection(o);
      for (const page of [{}, { limit: 1 }, { limit: 5, offset: 1 }]) {
        const list = await o.client.listCollections(page);
        expect(Array.isArray(list)).toBe(true);
        list.forEach(expectCollectionShape);
      }
    });

    it(g, ["CountCollections"], "count collections answers an integer", async () => {
      const n = await o.client.countCollections();
      expect(Number.isInteger(n)).toBe(true);
    });

    it(g, ["UpdateCollection"], "modify a collection's name and metadata", async () => {
      const c = await newCollection(o);
      await c.modify({ name: uniqueName("renamed"), metadata: { v: 2 } });
    });

    if (a.api === "v2") {
      it(g, ["UpdateCollection"], "modify a collection's configuration", async () => {
        const c = await newCollection(o);
        await c.modify({ configuration: { hnsw: { ef_search: 50 } } });
      });
    }

    it(g, ["DeleteCollection"], "delete a collection", async () => {
      const c = await newCollection(o);
      await o.client.deleteCollection({ name: c.name });
    });
  });

  group(a, "behaviour", (g) => {
    it(g, ["CreateCollection"], "a created collection describes itself", async () => {
      const name = uniqueName("c");
      const c = await o.client.createCollection({ name, metadata: { owner: "docs", rank: 2, public: true, score: 0.5 } });
      expect(c.id).toMatch(UUID);
      expect({ name: c.name, tenant: c.tenant, database: c.database, dimension: c.dimension, metadata: c.metadata }).toEqual({
        name,
        tenant: o.scope.tenant,
        database: o.scope.database,
        dimension: null,
        metadata: { owner: "docs", rank: 2, public: true, score: 0.5 },
      });
    });

    it(g, ["CreateCollection", "GetCollection"], "the default space is l2", async () => {
      const c = await newCollection(o);
      const got = await o.client.getCollection({ name: c.name });
      expect((got.configuration as { hnsw?: { space?: string } }).hnsw?.space).toBe("l2");
    });

    it(g, ["CreateCollection"], "the hnsw:space metadata key picks the space", async () => {
      const c = await newCollection(o, { metadata: { "hnsw:space": "cosine" } });
      expect(c.metadata).toEqual({ "hnsw:space": "cosine" });
      expect((c.configuration as { hnsw?: { space?: string } }).hnsw?.space).toBe("cosine");
    });

    it(g, ["CreateCollection"], "configuration.hnsw.space picks the space", async () => {
      const c = await newCollection(o, { configuration: { hnsw: { space: "ip" } } });
      expect((c.configuration as { hnsw?: { space?: string } }).hnsw?.space).toBe("ip");
    });

    it(g, ["GetCollection"], "get by name answers the created collection", async () => {
      const c = await newCollection(o, { metadata: { a: "b" } });
      const got = await o.client.getCollection({ name: c.name });
      expect({ id: got.id, name: got.name, metadata: got.metadata, tenant: got.tenant, database: got.database }).toEqual({
        id: c.id,
        name: c.name,
        metadata: { a: "b" },
        tenant: o.scope.tenant,
        database: o.scope.database,
      });
    });

    if (a.api === "v2") {
      it(g, ["GetCollectionById"], "get by id answers the created collection", async () => {
        const c = await newCollection(o, { metadata: { a: "b" } });
        const got = await o.client.getCollectionById(c.id);
        expect({ id: got.id, name: got.name, metadata: got.metadata }).toEqual({ id: c.id, name: c.name, metadata: { a: "b" } });
      });

      it(g, ["GetCollectionById"], "get by an unknown id answers 404 NotFoundError", async () => {
        await expectError(o.client.getCollectionById("6a1b5a9e-8c55-4f4b-9d8f-1b2c3d4e5f60"), notFound);
      });
    }

    it(g, ["CreateCollection"], "get-or-create returns an existing collection unchanged", async () => {
      const c = await newCollection(o, { metadata: { first: 1 } });
      const again = await o.client.getOrCreateCollection({ name: c.name, metadata: { second: 2 } });
      expect(again.id).toBe(c.id);
      expect(again.metadata).toEqual({ first: 1 });
      expect((await o.client.getCollection({ name: c.name })).metadata).toEqual({ first: 1 });
    });

    it(g, ["CreateCollection", "GetCollection"], "get-or-create creates a missing collection", async () => {
      const name = uniqueName("c");
      const c = await o.client.getOrCreateCollection({ name, metadata: { made: true } });
      expect(c.name).toBe(name);
      expect(c.metadata).toEqual({ made: true });
      expect((await o.client.getCollection({ name })).id).toBe(c.id);
    });

    it(g, ["CreateCollection"], "creating a collection twice answers 409 UniqueConstraintError", async () => {
      const c = await newCollection(o);
      await expectError(o.client.createCollection({ name: c.name }), duplicate);
    });


    for (const bad of ["ab", "-abc", "abc-", "a b c", "a/b/c"]) {
      it(g, ["CreateCollection"], `the collection name ${JSON.stringify(bad)} answers 400`, async () => {
        await expectError(o.client.createCollection({ name: bad }), invalidArgument);
      });
    }

    it(g, ["CreateCollection"], "empty collection metadata answers 400", async () => {
      await expectError(o.client.createCollection({ name: uniqueName("c"), metadata: {} }), invalidArgument);
    });

    if (a.api === "v2") {
      it(g, ["CreateCollection"], "creating a collection in an unknown database answers 400", async () => {
        const lost = clientFor(a.api, { tenant: o.scope.tenant, database: uniqueName("missing") });
        await expectError(lost.createCollection({ name: uniqueName("c") }), invalidArgument);
      });
    }

    it(g, ["GetCollection"], "an unknown collection name is not found", async () => {
      await expectError(o.client.getCollection({ name: uniqueName("missing") }), missingCollectionByName(a.api));
    });


    it(g, ["ListCollections"], "an unknown database lists no collections", async () => {
      const lost = clientFor(a.api, { tenant: o.scope.tenant, database: uniqueName("missing") });
      expect(await lost.listCollections()).toEqual([]);
    });

    it(g, ["UpdateCollection", "GetCollection"], "renaming keeps the id and frees the old name", async () => {
      const c = await newCollection(o, { metadata: { keep: "me" } });
      const oldName = c.name;
      const newName = uniqueName("renamed");
      await c.modify({ name: newName });
      const got = await o.client.getCollection({ name: newName });
      expect({ id: got.id, metadata: got.metadata }).toEqual({ id: c.id, metadata: { keep: "me" } });
      await expectError(o.client.getCollection({ name: oldName }), missingCollectionByName(a.api));
    });

    it(g, ["UpdateCollection", "GetCollection"], "new metadata replaces the old metadata", async () => {
      const c = await newCollection(o, { metadata: { a: 1, b: "two" } });
      await c.modify({ metadata: { c: true } });
      expect((await o.client.getCollection({ name: c.name })).metadata).toEqual({ c: true });
    });

    if (a.api === "v2") {
      it(g, ["UpdateCollection", "GetCollection"], "a new configuration is merged into the stored one", async () => {
        const c = await newCollection(o, { configuration: { hnsw: { space: "ip" } } });
        await c.modify({ configuration: { hnsw: { ef_search: 57 } } });
        const hnsw = (await o.client.getCollection({ name: c.name })).configuration.hnsw as Record<string, unknown>;
        expect({ space: hnsw.space, ef_search: hnsw.ef_search }).toEqual({ space: "ip", ef_search: 57 });
      });

      it(g, ["GetCollection"], "a collection looked up in an unknown database is not found", async () => {
        const c = await newCollection(o);
        const lost = clientFor(a.api, { tenant: o.scope.tenant, database: uniqueName("missing") });
        await expectError(lost.getCollection({ name: c.name }), notFound);
      });
    }

    it(g, ["UpdateCollection"], "renaming onto an existing name answers 409 UniqueConstraintError", async () => {
      const one = await newCollection(o);
      const two = await newCollection(o);
      await expectError(two.modify({ name: one.name }), duplicate);
      expect((await o.client.getCollection({ name: two.name })).id).toBe(two.id);
    });

    it(g, ["UpdateCollection"], "renaming to an invalid name answers 400", async () => {
      const c = await newCollection(o);
      await expectError(c.modify({ name: "x" }), invalidArgument);
    });

    it(g, ["UpdateCollection"], "modifying an unknown collection id is not found", async () => {
      const c = await newCollection(o);
      await o.client.deleteCollection({ name: c.name });
      await expectError(c.modify({ metadata: { a: 1 } }), missingCollectionById(a.api));
    });


    it(g, ["DeleteCollection", "CreateCollection", "CollectionCount"], "a name freed by delete can be reused for a new, empty collection", async () => {
      const c = await newCollection(o);
      await c.add({ ids: ["a"], embeddings: [[1, 2]] });
      await o.client.deleteCollection({ name: c.name });
      const again = await o.client.createCollection({ name: c.name });
      expect(again.id).not.toBe(c.id);
      expect(await again.count()).toBe(0);
      expect(again.dimension).toBeNull();
    });

    it(g, ["DeleteCollection"], "deleting an unknown collection is not found", async () => {
      await expectError(o.client.deleteCollection({ name: uniqueName("missing") }), missingCollectionOnDelete(a.api));
    });
  });

  group(a, "isolation", (g) => {
    it(g, ["CreateCollection"], "the same collection name in two databases names two collections", async () => {
      const other = await openFreshScope(a.api);
      const name = uniqueName("c");
      const one = await o.client.createCollection({ name });
      const two = await other.client.createCollection({ name });
      expect(one.id).not.toBe(two.id);
      expect((await other.client.getCollection({ name })).id).toBe(two.id);
    });
    it(g, ["ListCollections", "CountCollections"], "list and count show exactly the database's collections", async () => {
      const mine = await openFreshScope(a.api);
      expect(await mine.client.listCollections()).toEqual([]);
      expect(await mine.client.countCollections()).toBe(0);
      const made = [await newCollection(mine), await newCollection(mine), await newCollection(mine)];
      const all = await mine.client.listCollections();
      expect(all.map((c) => c.name).sort()).toEqual(made.map((c) => c.name).sort());
      expect(all.map((c) => c.id).sort()).toEqual(made.map((c) => c.id).sort());
      expect(await mine.client.countCollections()).toBe(3);
      // Pages are consecutive slices of the full list, whatever order the server keeps.
      expect((await mine.client.listCollections({ limit: 2 })).map((c) => c.id)).toEqual(all.slice(0, 2).map((c) => c.id));
      expect((await mine.client.listCollections({ limit: 1, offset: 1 })).map((c) => c.id)).toEqual([all[1].id]);
      expect((await mine.client.listCollections({ offset: 2 })).map((c) => c.id)).toEqual([all[2].id]);
      expect(await mine.client.listCollections({ offset: 3 })).toEqual([]);
    });
    it(g, ["DeleteCollection", "GetCollection", "CountCollections"], "a deleted collection is gone", async () => {
      const mine = await openFreshScope(a.api);
      const keep = await newCollection(mine);
      const drop = await newCollection(mine);
      await mine.client.deleteCollection({ name: drop.name });
      await expectError(mine.client.getCollection({ name: drop.name }), missingCollectionByName(a.api));
      expect(await mine.client.countCollections()).toBe(1);
      expect((await mine.client.listCollections()).map((c) => c.id)).toEqual([keep.id]);
    });
  });
});
