/**
 * The catalog: round-trips, ordering, partial updates, cascades, concurrent updates, reopen and
 * reset.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStorage, type OpenedStorage } from "../../src/storage/open.js";
import { collection, rec, recordsOf, tempDir } from "./helpers.js";

let dir: Awaited<ReturnType<typeof tempDir>>;
let storage: OpenedStorage;

beforeEach(async () => {
  dir = await tempDir();
  storage = await openStorage(dir.path);
});
afterEach(async () => {
  await storage.close();
  await dir.dispose();
});

async function reopen() {
  await storage.close();
  storage = await openStorage(dir.path);
}

describe("catalog", () => {
  it("round-trips tenants, databases and collections, in creation order, across a reopen", async () => {
    const { catalog } = storage;
    expect(await catalog.listTenants()).toEqual([]);
    await catalog.createTenant({ name: "zeta" });
    await catalog.createTenant({ name: "alpha", resourceName: "alpha-prod" });
    await catalog.createDatabase({ id: "db-2", name: "second", tenant: "zeta" });
    await catalog.createDatabase({ id: "db-1", name: "first", tenant: "zeta" });
    await catalog.createDatabase({ id: "db-3", name: "first", tenant: "alpha" });
    const c1 = collection({
      name: "b-coll",
      tenant: "zeta",
      database: "second",
      metadata: { k: "v", n: 1.5, t: true, tags: ["x", "y"], sp: { "#type": "sparse_vector", indices: [3], values: [0.5] } },
      schema: { defaults: {}, keys: { tag: { string: { string_inverted_index: { enabled: false, config: {} } } } } },
    });
    const c2 = collection({
      name: "a-coll",
      tenant: "zeta",
      database: "second",
      configuration: { hnsw: { space: "cosine", ef_search: 12 }, embedding_function: null },
      dimension: 384,
      version: 3,
      logPosition: 17,
    });
    const c3 = collection({ name: "b-coll", tenant: "zeta", database: "first" });
    for (const c of [c1, c2, c3]) await catalog.createCollection(c);

    const check = async () => {
      const cat = storage.catalog;
      expect(await cat.listTenants()).toEqual([
        { name: "zeta", resourceName: null },
        { name: "alpha", resourceName: "alpha-prod" },
      ]);
      expect(await cat.getTenant("alpha")).toEqual({ name: "alpha", resourceName: "alpha-prod" });
      expect(await cat.getTenant("nope")).toBeNull();
      expect(await cat.listDatabases("zeta")).toEqual([
        { id: "db-2", name: "second", tenant: "zeta" },
        { id: "db-1", name: "first", tenant: "zeta" },
      ]);
      expect(await cat.getDatabase("alpha", "first")).toEqual({ id: "db-3", name: "first", tenant: "alpha" });
      expect(await cat.getDatabase("alpha", "second")).toBeNull();
      expect(await cat.listCollections("zeta", "second")).toEqual([c1, c2]);
      expect(await cat.getCollectionById(c2.id)).toEqual(c2);
      expect(await cat.getCollectionByName("zeta", "first", "b-coll")).toEqual(c3);
      expect(await cat.getCollectionByName("zeta", "second", "b-coll")).toEqual(c1);
      expect(await cat.getCollectionByName("alpha", "first", "b-coll")).toBeNull();
    };
    await check();
    await reopen();
    await check();
  });

  it("replaces a collection by id (rename, metadata, counters) and keeps its place", async () => {
    const a = collection({ name: "a" });
    const b = collection({ name: "b" });
    await storage.catalog.createCollection(a);
    await storage.catalog.createCollection(b);
    const renamed = { ...a, name: "a2", metadata: null, dimension: 3, version: 1, logPosition: 5 };
    await storage.catalog.createCollection(renamed);
    expect(await storage.catalog.getCollectionByName(a.tenant, a.database, "a")).toBeNull();
    expect(await storage.catalog.getCollectionByName(a.tenant, a.database, "a2")).toEqual(renamed);
    await reopen();
    expect(await storage.catalog.listCollections(a.tenant, a.database)).toEqual([renamed, b]);
  });

  it("updates a collection field by field: concurrent patches of different fields all land", async () => {
    const a = collection({ name: "a", metadata: { k: 1 } });
    await storage.catalog.createCollection(a);
    // A rename, a metadata change and a first write's dimension, all in flight at once (the
    // issue-14 race that used to end with dimension null).
    const [renamed, modified, sized] = await Promise.all([
      storage.catalog.updateCollection(a.id, { name: "a2", bumpVersion: true }),
      storage.catalog.updateCollection(a.id, { metadata: { k: 2 }, bumpVersion: true }),
      storage.catalog.updateCollection(a.id, { dimension: 3 }),
    ]);
    expect(renamed).toMatchObject({ name: "a2", metadata: { k: 1 }, dimension: null, version: 1 });
    expect(modified).toMatchObject({ name: "a2", metadata: { k: 2 }, dimension: null, version: 2 });
    expect(sized).toMatchObject({ name: "a2", metadata: { k: 2 }, dimension: 3, version: 2 });
    const want = { ...a, name: "a2", metadata: { k: 2 }, dimension: 3, version: 2 };
    expect(await storage.catalog.getCollectionById(a.id)).toEqual(want);
    await reopen();
    expect(await storage.catalog.getCollectionById(a.id)).toEqual(want);
    expect(await storage.catalog.getCollectionByName(a.tenant, a.database, "a")).toBeNull();
  });

  it("does not bring a removed collection back through a patch", async () => {
    const c = collection();
    await storage.catalog.createCollection(c);
    const [, patched] = await Promise.all([storage.dropCollection(c.id), storage.catalog.updateCollection(c.id, { dimension: 4 })]);
    expect(patched).toBeNull();
    expect(await storage.catalog.updateCollection(c.id, { name: "x" })).toBeNull();
    await reopen();
    expect(await storage.catalog.getCollectionById(c.id)).toBeNull();
  });

  it("keeps no reference to what it was given and hands out read-only snapshots of its own state", async () => {
    const c = collection({ metadata: { k: 1 }, configuration: { hnsw: { space: "l2" } }, schema: { defaults: {}, keys: {} } });
    await storage.catalog.createCollection(c);
    c.metadata!.k = 2;
    const got = (await storage.catalog.getCollectionById(c.id))!;
    expect(got.metadata).toEqual({ k: 1 });
    // Every way in to the row refuses changes (ES modules are strict: a write to a frozen object throws).
    const byName = (await storage.catalog.getCollectionByName(c.tenant, c.database, c.name))!;
    const [listed] = await storage.catalog.listCollections(c.tenant, c.database);
    for (const row of [got, byName, listed]) {
      expect(() => ((row.configuration.hnsw as Record<string, unknown>).space = "ip")).toThrow(TypeError);
      expect(() => (row.metadata!.k = 3)).toThrow(TypeError);
      expect(() => (row.name = "other")).toThrow(TypeError);
      expect(() => ((row.schema as { keys: Record<string, unknown> }).keys.x = {})).toThrow(TypeError);
    }
    expect((await storage.catalog.getCollectionById(c.id))!).toMatchObject({ name: c.name, metadata: { k: 1 }, configuration: { hnsw: { space: "l2" } } });
  });

  it("replaces a snapshot on every change: earlier reads keep the old row, later reads see the new one", async () => {
    const c = collection({ name: "before", metadata: { k: 1 } });
    await storage.catalog.createCollection(c);
    const old = (await storage.catalog.getCollectionById(c.id))!;
    await storage.catalog.updateCollection(c.id, { name: "after", metadata: { k: 2 }, dimension: 3, bumpVersion: true });
    expect(old).toMatchObject({ name: "before", metadata: { k: 1 }, dimension: null, version: 0 });
    expect(await storage.catalog.getCollectionById(c.id)).toMatchObject({ name: "after", metadata: { k: 2 }, dimension: 3, version: 1 });
    expect(await storage.catalog.getCollectionByName(c.tenant, c.database, "before")).toBeNull();
    expect(await storage.catalog.getCollectionByName(c.tenant, c.database, "after")).toMatchObject({ id: c.id, metadata: { k: 2 } });
    await storage.catalog.deleteCollection(c.id);
    expect(await storage.catalog.getCollectionById(c.id)).toBeNull();
    expect(await storage.catalog.listCollections(c.tenant, c.database)).toEqual([]);
    expect(old.name).toBe("before");
  });

  it("applies concurrent collection updates in order and commits them durably", async () => {
    const cs = Array.from({ length: 10 }, (_, i) => collection({ name: `c${i}` }));
    // Ten collections, each bumped 20 times concurrently (as record writes do).
    await Promise.all(cs.map((c) => storage.catalog.createCollection(c)));
    await Promise.all(cs.flatMap((c) => Array.from({ length: 20 }, () => storage.catalog.updateCollection(c.id, { bumpVersion: true }))));
    await reopen();
    const listed = await storage.catalog.listCollections("default_tenant", "default_database");
    expect(listed.map((c) => c.name)).toEqual(cs.map((c) => c.name));
    for (const c of listed) expect(c.version).toBe(20);
  });

  it("orders a delete after a put of the same id and vice versa", async () => {
    const c = collection();
    await Promise.all([storage.catalog.createCollection(c), storage.dropCollection(c.id)]);
    expect(await storage.catalog.getCollectionById(c.id)).toBeNull();
    await Promise.all([storage.dropCollection(c.id), storage.catalog.createCollection(c)]);
    await reopen();
    expect(await storage.catalog.getCollectionById(c.id)).toEqual(c);
  });

  it("deletes a collection", async () => {
    const c = collection();
    await storage.catalog.createCollection(c);
    await storage.dropCollection(c.id);
    expect(await storage.catalog.getCollectionById(c.id)).toBeNull();
    expect(await storage.catalog.getCollectionByName(c.tenant, c.database, c.name)).toBeNull();
    await reopen();
    expect(await storage.catalog.getCollectionById(c.id)).toBeNull();
  });

  it("deletes a database together with its collections and their records, like upstream", async () => {
    await storage.catalog.createTenant({ name: "t" });
    await storage.catalog.createDatabase({ id: "d1", name: "doomed", tenant: "t" });
    await storage.catalog.createDatabase({ id: "d2", name: "kept", tenant: "t" });
    const doomed = collection({ tenant: "t", database: "doomed" });
    const kept = collection({ tenant: "t", database: "kept" });
    for (const c of [doomed, kept]) await (await recordsOf(storage, c)).write([rec("x", [1, 2])]);
    await storage.dropDatabase("t", "doomed");
    expect(await storage.catalog.getDatabase("t", "doomed")).toBeNull();
    expect(await storage.catalog.getCollectionById(doomed.id)).toBeNull();
    expect(await (await recordsOf(storage, doomed)).count()).toBe(0);
    await reopen();
    expect(await storage.catalog.listDatabases("t")).toEqual([{ id: "d2", name: "kept", tenant: "t" }]);
    expect(await storage.catalog.listCollections("t", "kept")).toEqual([kept]);
    expect(await (await recordsOf(storage, kept)).count()).toBe(1);
  });

  it("reset removes everything and leaves a working, empty store", async () => {
    await storage.catalog.createTenant({ name: "t" });
    const c = collection();
    const table = await recordsOf(storage, c);
    await table.write([rec("x", [1, 2])]);
    await storage.reset();
    expect(await storage.catalog.listTenants()).toEqual([]);
    expect(await storage.catalog.getCollectionById(c.id)).toBeNull();
    expect(await table.count()).toBe(0);
    expect(await (await recordsOf(storage, c)).count()).toBe(0);
    await storage.catalog.createTenant({ name: "after" });
    await (await recordsOf(storage, c)).write([rec("y", [1, 2, 3])]);
    await reopen();
    expect(await storage.catalog.listTenants()).toEqual([{ name: "after", resourceName: null }]);
    expect(await (await recordsOf(storage, c)).count()).toBe(1);
  });
});
