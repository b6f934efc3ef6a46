/**
 * k-NN search against a brute-force computation done here, in float64, in every space, answered
 * by each store: the resident copy in memory, and LanceDB alone (memory disabled).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordFilter } from "../../src/core/filter.js";
import type { DistanceSpace, StoredRecord } from "../../src/core/model.js";
import type { CollectionStore } from "../../src/storage/collection.js";
import { openStorage, type OpenedStorage } from "../../src/storage/open.js";
import { collection, EVERYTHING, IDS_ONLY, rec, recordsOf, referenceDistance, rng, tempDir } from "./helpers.js";

const DIM = 16;
const N = 300;


function bruteForce(records: StoredRecord[], q: Float32Array, k: number, space: DistanceSpace, keep: (r: StoredRecord) => boolean) {
  return records
    .filter(keep)
    .map((r) => ({ id: r.id, distance: referenceDistance(space, q, r.embedding) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, k);
}

const SPACES = ["l2", "cosine", "ip"] as const;
const records: StoredRecord[] = [];
const random = rng(42);
for (let i = 0; i < N; i++) {
  const v = Array.from({ length: DIM }, () => random() * 2 - 1);
  records.push(rec(`r${i}`, v, `doc ${i}`, { bucket: i % 5, tag: i % 2 === 0 ? "even" : "odd" }));
}

const query = () => Float32Array.from({ length: DIM }, () => random() * 2 - 1);

function expectClose(got: { id: string; distance: number }[], want: { id: string; distance: number }[]) {
  expect(got.map((g) => g.id)).toEqual(want.map((w) => w.id));
  got.forEach((g, i) => expect(g.distance).toBeCloseTo(want[i].distance, 4));
}

describe.each([
  ["in memory", true],
  ["in LanceDB", false],
] as const)("answered %s", (_, inMemory) => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let storage: OpenedStorage;
  const tables = new Map<DistanceSpace, CollectionStore>();
  /** A new collection of the given space. */
  const fresh = (space: DistanceSpace) => recordsOf(storage, collection({ configuration: { hnsw: { space } } }));

  beforeAll(async () => {
    dir = await tempDir();
    storage = await openStorage(dir.path, { memory: { enabled: inMemory } });
    for (const space of SPACES) {
      const table = await fresh(space);
      // Several writes, so the search spans fragments.
      for (let i = 0; i < N; i += 100) await table.write(records.slice(i, i + 100));
      tables.set(space, table);
    }
  });
  afterAll(async () => {
    await storage.close();
    await dir.dispose();
  });

  describe.each(SPACES)("%s", (space) => {
    it("returns the exact k nearest with upstream's distances, one list per query", async () => {
      const queries = [query(), query(), query()];
      const got = await tables.get(space)!.nearest(queries, 10, {}, IDS_ONLY);
      expect(got).toHaveLength(3);
      queries.forEach((q, i) => expectClose(got[i], bruteForce(records, q, 10, space, () => true)));
    });

    it("prefilters: the k nearest among the matching records", async () => {
      const q = query();
      const filter: RecordFilter = {
        where: { kind: "and", children: [{ kind: "compare", key: "bucket", op: "$eq", value: 3 }, { kind: "compare", key: "tag", op: "$eq", value: "odd" }] },
      };
      const [got] = await tables.get(space)!.nearest([q], 7, filter, IDS_ONLY);
      const want = bruteForce(records, q, 7, space, (r) => r.metadata!.bucket === 3 && r.metadata!.tag === "odd");
      expect(want).toHaveLength(7);
      expectClose(got, want);
    });

    it("returns what exists when k exceeds the matches", async () => {
      const q = query();
      const table = tables.get(space)!;
      const [got] = await table.nearest([q], 1e9, { ids: ["r5", "r6", "r7", "nope"] }, IDS_ONLY);
      expectClose(got, bruteForce(records, q, 1000, space, (r) => ["r5", "r6", "r7"].includes(r.id)));
      const [none] = await table.nearest([q], 3, { where: { kind: "compare", key: "bucket", op: "$eq", value: 99 } }, IDS_ONLY);
      expect(none).toEqual([]);
    });
  });

  it("projects the requested columns", async () => {
    const q = records[17].embedding;
    const table = tables.get("l2")!;
    const [[first]] = await table.nearest([q], 1, {}, EVERYTHING);
    expect(first).toEqual({ ...records[17], distance: 0 });
    const [[bare]] = await table.nearest([q], 1, {}, { ...IDS_ONLY, metadatas: true });
    expect(bare).toEqual({ id: "r17", metadata: records[17].metadata, distance: 0 });
  });

  it("breaks distance ties the same way every time", async () => {
    const t = await fresh("l2");
    await t.write(Array.from({ length: 30 }, (_, i) => rec(`dup${i}`, [1, 1])));
    const first = await t.nearest([Float32Array.of(0, 0)], 5, {}, IDS_ONLY);
    for (let i = 0; i < 5; i++) expect(await t.nearest([Float32Array.of(0, 0)], 5, {}, IDS_ONLY)).toEqual(first);
    expect(first[0].every((n) => n.distance === 2)).toBe(true);
  });

  it("gives zero vectors cosine distance 1, like upstream", async () => {
    const data = [rec("a", [1, 0]), rec("b", [3, 4]), rec("c", [-2, 0.5]), rec("z", [0, 0])];
    const t = await fresh("cosine");
    await t.write(data);
    // Values recorded from the reference server for the same data (space cosine).
    const [fromQ, fromZero] = await t.nearest([Float32Array.of(2, 1), Float32Array.of(0, 0)], 4, {}, IDS_ONLY);
    expect(fromQ.map((n) => n.id)).toEqual(["a", "b", "z", "c"]);
    expect(fromQ.map((n) => n.distance)).toEqual([0.10557282, 0.10557282, 1, 1.7592566].map((d) => expect.closeTo(d, 6)));
    expect(fromZero.map((n) => [n.id, n.distance])).toEqual([["a", 1], ["b", 1], ["c", 1], ["z", 1]]);
    // The zero vector still obeys the filter and k.
    const [filtered] = await t.nearest([Float32Array.of(2, 1)], 2, { ids: ["c", "z"] }, IDS_ONLY);
    expect(filtered.map((n) => n.id)).toEqual(["z", "c"]);
    const ip = await fresh("ip");
    await ip.write(data);
    const [byIp] = await ip.nearest([Float32Array.of(2, 1)], 4, {}, IDS_ONLY);
    expect(byIp.map((n) => [n.id, n.distance])).toEqual([["b", -9], ["a", -1], ["z", 1], ["c", 4.5]]);
  });
});
