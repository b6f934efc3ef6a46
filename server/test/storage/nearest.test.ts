/**
 * k-NN search against a brute-force computation done here, in float64, in every space.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordFilter } from "../../src/core/filter.js";
import type { DistanceSpace, StoredRecord } from "../../src/core/model.js";
import { openLanceStorage, type LanceStorage } from "../../src/storage/lance/index.js";
import type { LanceRecordTable } from "../../src/storage/lance/records.js";
import { collection, EVERYTHING, IDS_ONLY, rec, referenceDistance, rng, tempDir } from "./helpers.js";

const DIM = 16;
const N = 300;


function bruteForce(records: StoredRecord[], q: Float32Array, k: number, space: DistanceSpace, keep: (r: StoredRecord) => boolean) {
  return records
    .filter(keep)
    .map((r) => ({ id: r.id, distance: referenceDistance(space, q, r.embedding) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, k);
}

let dir: Awaited<ReturnType<typeof tempDir>>;
let storage: LanceStorage;
let table: LanceRecordTable;
const records: StoredRecord[] = [];
const random = rng(42);

beforeAll(async () => {
  dir = await tempDir();
  storage = await openLanceStorage(dir.path);
  table = await storage.records(collection());
  for (let i = 0; i < N; i++) {
    const v = Array.from({ length: DIM }, () => random() * 2 - 1);
    records.push(rec(`r${i}`, v, `doc ${i}`, { bucket: i % 5, tag: i % 2 === 0 ? "even" : "odd" }));
  }
  // Several writes, so the search spans fragments.
  for (let i = 0; i < N; i += 100) await table.write(records.slice(i, i + 100));
});
afterAll(async () => {
  await storage.close();
  await dir.dispose();
});

const query = () => Float32Array.from({ length: DIM }, () => random() * 2 - 1);

function expectClose(got: { id: string; distance: number }[], want: { id: string; distance: number }[]) {
  expect(got.map((g) => g.id)).toEqual(want.map((w) => w.id));
  got.forEach((g, i) => expect(g.distance).toBeCloseTo(want[i].distance, 4));
}

describe.each(["l2", "cosine", "ip"] as const)("%s", (space) => {
  it("returns the exact k nearest with upstream's distances, one list per query", async () => {
    const queries = [query(), query(), query()];
    const got = await table.nearest(queries, 10, space, {}, IDS_ONLY);
    expect(got).toHaveLength(3);
    queries.forEach((q, i) => expectClose(got[i], bruteForce(records, q, 10, space, () => true)));
  });

  it("prefilters: the k nearest among the matching records", async () => {
    const q = query();
    const filter: RecordFilter = {
      where: { kind: "and", children: [{ kind: "compare", key: "bucket", op: "$eq", value: 3 }, { kind: "compare", key: "tag", op: "$eq", value: "odd" }] },
    };
    const [got] = await table.nearest([q], 7, space, filter, IDS_ONLY);
    const want = bruteForce(records, q, 7, space, (r) => r.metadata!.bucket === 3 && r.metadata!.tag === "odd");
    expect(want).toHaveLength(7);
    expectClose(got, want);
  });

  it("returns what exists when k exceeds the matches", async () => {
    const q = query();
    const [got] = await table.nearest([q], 1e9, space, { ids: ["r5", "r6", "r7", "nope"] }, IDS_ONLY);
    expectClose(got, bruteForce(records, q, 1000, space, (r) => ["r5", "r6", "r7"].includes(r.id)));
    const [none] = await table.nearest([q], 3, space, { where: { kind: "compare", key: "bucket", op: "$eq", value: 99 } }, IDS_ONLY);
    expect(none).toEqual([]);
  });
});

it("projects the requested columns", async () => {
  const q = records[17].embedding;
  const [[first]] = await table.nearest([q], 1, "l2", {}, EVERYTHING);
  expect(first).toEqual({ ...records[17], distance: 0 });
  const [[bare]] = await table.nearest([q], 1, "l2", {}, { ...IDS_ONLY, metadatas: true });
  expect(bare).toEqual({ id: "r17", metadata: records[17].metadata, distance: 0 });
});

it("breaks distance ties the same way every time", async () => {
  const t = await storage.records(collection());
  await t.write(Array.from({ length: 30 }, (_, i) => rec(`dup${i}`, [1, 1])));
  const first = await t.nearest([Float32Array.of(0, 0)], 5, "l2", {}, IDS_ONLY);
  for (let i = 0; i < 5; i++) expect(await t.nearest([Float32Array.of(0, 0)], 5, "l2", {}, IDS_ONLY)).toEqual(first);
  expect(first[0].every((n) => n.distance === 2)).toBe(true);
});

it("gives zero vectors cosine distance 1, like upstream", async () => {
  const t = await storage.records(collection());
  await t.write([rec("a", [1, 0]), rec("b", [3, 4]), rec("c", [-2, 0.5]), rec("z", [0, 0])]);
  // Values recorded from the reference server for the same data (space cosine).
  const [fromQ, fromZero] = await t.nearest([Float32Array.of(2, 1), Float32Array.of(0, 0)], 4, "cosine", {}, IDS_ONLY);
  expect(fromQ.map((n) => n.id)).toEqual(["a", "b", "z", "c"]);
  expect(fromQ.map((n) => n.distance)).toEqual([0.10557282, 0.10557282, 1, 1.7592566].map((d) => expect.closeTo(d, 6)));
  expect(fromZero.map((n) => [n.id, n.distance])).toEqual([["a", 1], ["b", 1], ["c", 1], ["z", 1]]);
  // The zero vector still obeys the filter and k.
  const [filtered] = await t.nearest([Float32Array.of(2, 1)], 2, "cosine", { ids: ["c", "z"] }, IDS_ONLY);
  expect(filtered.map((n) => n.id)).toEqual(["z", "c"]);
  const [ip] = await t.nearest([Float32Array.of(2, 1)], 4, "ip", {}, IDS_ONLY);
  expect(ip.map((n) => [n.id, n.distance])).toEqual([["b", -9], ["a", -1], ["z", 1], ["c", 4.5]]);
});
