/**
 * The start-up preload opens each collection with the index parameters every request opens it with
 * (core/space.ts indexParams): storage keeps what the first opening gives it, so a collection with
 * a sparse-vector index must load with that index after a restart, or the Search API would scan
 * LanceDB for it until the next restart.
 */
import { expect, it } from "vitest";
import { preloadCollections } from "../../src/core/preload.js";
import { mergeWithDefaults, parseSchema } from "../../src/core/schema.js";
import { collection, rec, recordsOf } from "../storage/helpers.js";
import { storagesPerTest } from "../storage/storage-per-test.js";

const storages = storagesPerTest();

const quiet = { info: () => undefined, warn: () => undefined };

it("loads a collection with its sparse-vector index, as a request would open it", async () => {
  const schema = mergeWithDefaults(parseSchema({ defaults: {}, keys: { sp: { sparse_vector: { sparse_vector_index: { enabled: true, config: {} } } } } }));
  const coll = collection({ schema });
  const first = await storages.open();
  // The preload walks the catalog's tenants and databases: the collection's must be there.
  await first.catalog.createTenant({ name: coll.tenant });
  await first.catalog.createDatabase({ id: "db-1", name: coll.database, tenant: coll.tenant });
  const records = await recordsOf(first, coll);
  await records.write([
    rec("a", [1, 0], null, { sp: { "#type": "sparse_vector", indices: [1, 4], values: [0.5, 1] } }),
    rec("b", [0, 1], null, { sp: { "#type": "sparse_vector", indices: [4], values: [2] } }),
  ]);
  await storages.close(first);

  const restarted = await storages.open();
  expect(await preloadCollections(restarted, quiet)).toBe(1);
  // A later opening without sparse keys does not change what the preload opened.
  const store = await restarted.collection(coll.id, { space: "l2", m: 16, efConstruction: 100, efSearch: 100 });
  await store.ready();
  const view = store.searchView();
  expect(view).not.toBeNull();
  expect(view!.hasSparseIndex("sp")).toBe(true);
  expect(view!.documentFrequency("sp", 4)).toBe(2);
});
