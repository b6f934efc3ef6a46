/**
 * Several clients at once against one core and one store, in random interleavings (fast-check's
 * scheduler decides, at every call into storage, which client goes next), checked against a
 * sequential model: every acknowledged write is there, with upstream's merge semantics, counts
 * and query answers equal the model's, no collection is left without its dimension (the
 * issue-14 race: a first add against a rename or modify), names and metadata are ones a client
 * set, and all of it survives a reopen.
 *
 * Each client writes its own record ids (so record writes of different clients commute and the
 * model is exact whatever the interleaving) into shared collections, and races the others on
 * the collections themselves: modify, rename, delete, create.
 */
import fc from "fast-check";
import { afterEach, beforeEach, expect, it } from "vitest";
import { Chroma, DEFAULT_DATABASE, DEFAULT_TENANT } from "../../src/core/chroma.js";
import type { Metadata } from "../../src/core/model.js";
import { openStorage, type OpenedStorage } from "../../src/storage/open.js";
import type { Storage } from "../../src/storage/storage.js";
import { referenceDistance, tempDir } from "../storage/helpers.js";
import { Turns } from "../helpers/turns.js";

const DIM = 3;
const SCOPE = { tenant: DEFAULT_TENANT, database: DEFAULT_DATABASE };
const CLIENTS = 3;

function scheduled(storage: OpenedStorage, turns: Turns): Storage {
  const wrap = <T extends object>(target: T, prefix: string): T =>
    new Proxy(target, {
      get(t, key, receiver) {
        const value = Reflect.get(t, key, receiver) as unknown;
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => turns.gate(`${prefix}.${String(key)}`, () => (value as (...a: unknown[]) => Promise<unknown>).apply(t, args));
      },
    });
  return {
    catalog: wrap(storage.catalog, "catalog"),
    collection: (id, index) => turns.gate("collection", () => storage.collection(id, index)).then((c) => wrap(c, "records")),
    exclusive: (key, task) => storage.exclusive(key, task),
    dropCollection: (id) => turns.gate("dropCollection", () => storage.dropCollection(id)),
    dropDatabase: (t, n) => turns.gate("dropDatabase", () => storage.dropDatabase(t, n)),
    forkCollection: (s, t) => turns.gate("forkCollection", () => storage.forkCollection(s, t)),
    forkCount: (id) => storage.forkCount(id),
    reset: () => storage.reset(),
    close: () => storage.close(),
  };
}

type RecordOp = { kind: "add" | "upsert" | "update" | "delete"; target: number; ids: number[]; vectors: number[][] };
type CollectionOp = { kind: "modify" | "rename" | "drop"; target: number } | { kind: "create" };
type Op = RecordOp | CollectionOp;

/** Targets 0 and 1 are the shared collections; 2 is the one this client created (if it has). */
const vector = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: DIM, maxLength: DIM });
const recordOp: fc.Arbitrary<Op> = fc
  .record({
    kind: fc.constantFrom("add", "upsert", "update", "delete") as fc.Arbitrary<RecordOp["kind"]>,
    target: fc.constantFrom(0, 1, 2),
    ids: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 }),
  })
  .chain((op) => fc.array(vector, { minLength: op.ids.length, maxLength: op.ids.length }).map((vectors) => ({ ...op, vectors })));
const collectionOp: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constantFrom("modify", "rename") as fc.Arbitrary<"modify" | "rename">, target: fc.constantFrom(0, 1) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("drop") as fc.Arbitrary<"drop">, target: fc.constantFrom(0, 1, 2) }), weight: 1 },
  { arbitrary: fc.constant({ kind: "create" as const }), weight: 1 },
);
const clientOps = fc.array(fc.oneof({ arbitrary: recordOp, weight: 3 }, { arbitrary: collectionOp, weight: 2 }), { minLength: 1, maxLength: 5 });

interface ModelRecord {
  embedding: number[];
  document: string;
  metadata: Metadata;
}

/** What the clients know about one collection, and what it must hold. */
interface Tracked {
  id: string;
  names: Set<string>;
  metadatas: Set<string>;
  records: Map<string, ModelRecord>;
  /** A write carrying embeddings was acknowledged: the dimension is fixed. */
  sized: boolean;
  dropped: boolean;
}

/** Errors a client may legitimately get in a race: the collection was dropped (or renamed) meanwhile. */
function isRaceLoss(err: unknown): boolean {
  return (err as { name?: string }).name === "NotFoundError";
}

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await dir.dispose();
});

it("interleaved clients agree with the sequential model (no lost update, no unqueryable collection)", async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), fc.array(clientOps, { minLength: CLIENTS, maxLength: CLIENTS }), async (s, plans) => {
      const path = `${dir.path}/run-${run++}`;
      let storage = await openStorage(path, { memory: { annThreshold: 1_000_000 } });
      try {
        const direct = new Chroma(storage, { allowReset: true, maxBatchSize: 100, version: "test" });
        await direct.init();
        const tracked: Tracked[] = [];
        for (const name of ["shared-0", "shared-1"]) {
          const c = await direct.createCollection(SCOPE, { name, metadata: { origin: name } });
          tracked.push({ id: c.id, names: new Set([name]), metadatas: new Set([JSON.stringify({ origin: name })]), records: new Map(), sized: false, dropped: false });
        }
        const turns = new Turns(s, CLIENTS);
        const chroma = new Chroma(scheduled(storage, turns), { allowReset: true, maxBatchSize: 100, version: "test" });

        const client = async (me: number, plan: Op[]) => {
          try {
            await steps(me, plan);
          } finally {
            turns.done();
          }
        };
        const steps = async (me: number, plan: Op[]) => {
          let own: Tracked | undefined;
          for (const [step, op] of plan.entries()) {
            const t = op.kind === "create" ? undefined : op.target === 2 ? own : tracked[op.target];
            if (op.kind !== "create" && !t) continue;
            try {
              switch (op.kind) {
                case "create": {
                  const name = `new-${me}-${step}`;
                  const c = await chroma.createCollection(SCOPE, { name });
                  own = { id: c.id, names: new Set([name]), metadatas: new Set(["null"]), records: new Map(), sized: false, dropped: false };
                  tracked.push(own);
                  break;
                }
                case "modify": {
                  const metadata = { origin: `client-${me}`, step };
                  await chroma.updateCollection(SCOPE, t!.id, { newMetadata: metadata });
                  t!.metadatas.add(JSON.stringify(metadata));
                  break;
                }
                case "rename": {
                  const name = `renamed-${me}-${step}`;
                  await chroma.updateCollection(SCOPE, t!.id, { newName: name });
                  t!.names.add(name);
                  break;
                }
                case "drop": {
                  const current = await chroma.getCollectionById(SCOPE, t!.id);
                  await chroma.deleteCollection(SCOPE, current.name);
                  t!.dropped = true;
                  break;
                }
                default:
                  await recordWrite(chroma, me, step, op, t!);
              }
            } catch (err) {
              if (!isRaceLoss(err)) throw err;
            }
          }
        };
        await turns.drive(Promise.all(plans.map((plan, me) => client(me, plan))));

        await check(direct, tracked);
        // Durable: the same after a reopen.
        await storage.close();
        storage = await openStorage(path, { memory: { annThreshold: 1_000_000 } });
        await check(new Chroma(storage, { allowReset: true, maxBatchSize: 100, version: "test" }), tracked);
      } finally {
        await storage.close();
      }
    }),
    { numRuns: Number(process.env.CONCURRENCY_RUNS ?? 40) },
  );
}, 240_000);

/** One record op by client `me`; the model changes only once the core acknowledged it. */
async function recordWrite(chroma: Chroma, me: number, step: number, op: RecordOp, t: Tracked): Promise<void> {
  const ids = op.ids.map((i) => `c${me}-r${i}`);
  const metadatas = op.ids.map(() => ({ [`k${step % 2}`]: step, by: me }));
  const documents = op.ids.map(() => `doc ${me}/${step}`);
  const batch = { ids, embeddings: op.vectors, metadatas, documents };
  switch (op.kind) {
    case "add":
      await chroma.add(SCOPE, t.id, batch);
      break;
    case "upsert":
      await chroma.upsert(SCOPE, t.id, batch);
      break;
    case "update":
      await chroma.update(SCOPE, t.id, batch);
      break;
    case "delete":
      await chroma.delete(SCOPE, t.id, { ids });
      for (const id of ids) t.records.delete(id);
      return;
  }
  t.sized = true;
  ids.forEach((id, i) => {
    const current = t.records.get(id);
    const next = { embedding: op.vectors[i], document: documents[i], metadata: metadatas[i] };
    if (op.kind === "add") {
      if (!current) t.records.set(id, next);
    } else if (current) {
      t.records.set(id, { ...next, metadata: { ...current.metadata, ...next.metadata } });
    } else if (op.kind === "upsert") {
      t.records.set(id, next);
    }
  });
}

async function check(chroma: Chroma, tracked: Tracked[]): Promise<void> {
  for (const t of tracked) {
    if (t.dropped) {
      await expect(chroma.getCollectionById(SCOPE, t.id)).rejects.toMatchObject({ name: "NotFoundError" });
      continue;
    }
    const c = await chroma.getCollectionById(SCOPE, t.id);
    expect(t.names).toContain(c.name);
    expect((await chroma.getCollection(SCOPE, c.name)).id).toBe(t.id);
    expect(t.metadatas).toContain(JSON.stringify(c.metadata));
    expect(c.dimension).toBe(t.sized ? DIM : null);
    expect(await chroma.count(SCOPE, t.id)).toBe(t.records.size);

    const got = await chroma.get(SCOPE, t.id, { include: ["embeddings", "documents", "metadatas"] });
    const rows = got.ids.map((id, i) => [id, { embedding: Array.from(got.embeddings![i] as ArrayLike<number>), document: got.documents![i], metadata: got.metadatas![i] }] as const);
    expect(new Map(rows)).toEqual(t.records);

    // Queries rank exactly what the model holds (distances compared, so ties may go either way).
    if (!t.sized) continue;
    const q = [1, -2, 3];
    const want = [...t.records.values()].map((r) => referenceDistance("l2", Float32Array.from(q), Float32Array.from(r.embedding))).sort((a, b) => a - b);
    const answer = await chroma.query(SCOPE, t.id, { queryEmbeddings: [q], nResults: 4, include: ["distances"] });
    expect(answer.distances![0]).toEqual(want.slice(0, 4).map((d) => expect.closeTo(d, 3)));
    answer.ids[0].forEach((id, i) => {
      const r = t.records.get(id)!;
      expect(referenceDistance("l2", Float32Array.from(q), Float32Array.from(r.embedding))).toBeCloseTo(answer.distances![0][i]!, 3);
    });
  }
}
