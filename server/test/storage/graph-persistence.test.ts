/**
 * Saved graphs, through the index and the real ANN worker: a graph saved and loaded answers as
 * before in every space; records written, replaced or deleted after the save are replayed and
 * nothing else; damaged, missing or mismatched snapshots fall back to a rebuild, logged; saves
 * run while writes and searches go on.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { DistanceSpace } from "../../src/core/model.js";
import { AnnWorkerHost } from "../../src/storage/memory/ann-worker-host.js";
import { SavedSlots, SavePolicy, type IndexLog } from "../../src/storage/memory/graph-persistence.js";
import type { Snapshot } from "../../src/storage/memory/graph-snapshot.js";
import { MemoryBudget } from "../../src/storage/memory/slots.js";
import { VectorIndex, type Entry, type Hit, type VectorIndexOptions } from "../../src/storage/memory/vector-index.js";
import { ForegroundActivity } from "../../src/util/foreground.js";
import { referenceDistance, rng } from "./helpers.js";

const DIM = 12;
const host = new AnnWorkerHost();
afterAll(() => host.close());

/** Keeps the last snapshot, as the composer's store would. */
class MemorySaver {
  bytes: Uint8Array | null = null;
  saves = 0;
  async save(parts: Uint8Array[]): Promise<void> {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    this.bytes = out;
    this.saves++;
  }
  /** A copy, as a restart reads it (the index takes the buffer it is given). */
  read(): Uint8Array | null {
    return this.bytes ? this.bytes.slice() : null;
  }
}

class Log implements IndexLog {
  readonly lines: { level: string; message: string; fields: object }[] = [];
  info(fields: object, message: string): void {
    this.lines.push({ level: "info", message, fields });
  }
  warn(fields: object, message: string): void {
    this.lines.push({ level: "warn", message, fields });
  }
  has(level: string, pattern: RegExp): boolean {
    return this.lines.some((l) => l.level === level && pattern.test(l.message + " " + JSON.stringify(l.fields)));
  }
}

function options(space: DistanceSpace, over: Partial<VectorIndexOptions> = {}): VectorIndexOptions {
  return { space, m: 16, efConstruction: 100, efSearch: 200, annThreshold: 100, exactLimit: 1000, host, budget: new MemoryBudget(1 << 30), chunkBits: 3, ...over };
}

const until = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
};

/** The records as LanceDB would hold them: id -> entry (seq, version, vector). */
type Model = Map<string, Entry>;

function bruteForce(space: DistanceSpace, model: Model, q: Float32Array, k: number) {
  return [...model.values()]
    .map((e) => ({ id: e.id, seq: e.seq, distance: referenceDistance(space, q, e.vector) }))
    .sort((a, b) => a.distance - b.distance || a.seq - b.seq)
    .slice(0, k);
}

function expectBruteForce(space: DistanceSpace, model: Model, queries: Float32Array[], got: Hit[][], k: number) {
  queries.forEach((q, i) => {
    const want = bruteForce(space, model, q, k);
    expect(got[i].map((h) => h.id)).toEqual(want.map((w) => w.id));
    got[i].forEach((h, j) => expect(h.distance).toBeCloseTo(want[j].distance, 5));
  });
}

function dataset(space: DistanceSpace, seed: number) {
  const random = rng(seed);
  const vec = () => Float32Array.from({ length: DIM }, () => random() * 2 - 1);
  const model: Model = new Map();
  let seq = 0;
  const add = (n: number, version: number) => {
    for (let i = 0; i < n; i++) {
      const id = `r${seq}`;
      model.set(id, { id, seq: seq++, version, vector: vec() });
    }
  };
  return { random, vec, model, add };
}

/** An index holding the model, its graph built, on the main thread. */
async function built(space: DistanceSpace, model: Model, saver: MemorySaver, log = new Log()): Promise<VectorIndex> {
  const index = new VectorIndex(DIM, options(space, { graphs: saver, log }));
  index.put([...model.values()]);
  await until(() => index.where === "local" && index.status().unindexed === 0);
  return index;
}

/** A restart: a new index loads the saved graph and the model's records (in a shuffled order). */
function reopen(space: DistanceSpace, model: Model, saved: Uint8Array | null, random: () => number, over: Partial<VectorIndexOptions> = {}) {
  const log = new Log();
  const index = new VectorIndex(DIM, options(space, { graphs: new MemorySaver(), log, ...over }));
  index.beginLoad(saved);
  const records = [...model.values()].sort(() => random() - 0.5);
  for (let i = 0; i < records.length; i += 64) index.load(records.slice(i, i + 64));
  const outcome = index.finishLoad();
  return { index, log, outcome };
}

const ready = (index: VectorIndex) => until(() => index.where === "local" && index.status().unindexed === 0);

describe.each(["l2", "cosine", "ip"] as const)("%s: saved graphs", (space) => {
  it("a loaded graph answers exactly as the saved one did", async () => {
    const { random, vec, model, add } = dataset(space, 3 + space.length);
    add(600, 1);
    const saver = new MemorySaver();
    const before = await built(space, model, saver);
    await before.saveNow();
    expect(saver.saves).toBe(1);
    const queries = Array.from({ length: 30 }, vec);
    const want = await before.search(queries, 10, null);
    before.close();

    const { index, log, outcome } = reopen(space, model, saver.read(), random);
    expect(outcome).toEqual({ graph: "restored", kept: 600, upserts: 0, deletes: 0 });
    await ready(index);
    expect(await index.search(queries, 10, null)).toEqual(want);
    expect(log.has("info", /loading the collection's saved graph/)).toBe(true);
    expect(log.has("info", /graph is ready/)).toBe(true);
    index.close();
  });

  it("replays only what changed after the save: adds, upserts of existing ids, deletes", async () => {
    const { random, vec, model, add } = dataset(space, 5 + space.length);
    add(600, 1);
    const saver = new MemorySaver();
    const first = await built(space, model, saver);
    await first.saveNow();
    first.close();
    // Written after the save (as LanceDB would then hold them): 50 new records, 40 existing ids
    // with new vectors (same seq, new version), 30 deleted.
    add(50, 2);
    const ids = [...model.keys()].slice(0, 600);
    for (const id of ids.slice(0, 40)) model.set(id, { ...model.get(id)!, version: 2, vector: vec() });
    for (const id of ids.slice(40, 70)) model.delete(id);

    const { index, outcome } = reopen(space, model, saver.read(), random);
    expect(outcome).toEqual({ graph: "restored", kept: 530, upserts: 90, deletes: 30 });
    // Exact at once (the replay is the unindexed tail meanwhile), and once the graph has it.
    const queries = Array.from({ length: 20 }, vec);
    expectBruteForce(space, model, queries, await index.search(queries, 5, null), 5);
    await ready(index);
    expect(index.status()).toEqual({ indexed: 620, unindexed: 0 });
    expectBruteForce(space, model, queries, await index.search(queries, 5, null), 5);
    // Each replaced record is found by its new vector.
    if (space !== "ip") {
      for (const id of ids.slice(0, 40)) expect((await index.search([model.get(id)!.vector], 1, null))[0][0].id).toBe(id);
    }
    index.close();
  });
});

describe.each(["l2", "cosine", "ip"] as const)("%s: int8-quantized graph search (quantized)", (space) => {
  it("is built in the worker, handed to the main thread, saved and loaded quantized, and answers as brute force", async () => {
    const { random, vec, model, add } = dataset(space, 31 + space.length);
    add(600, 1);
    const saver = new MemorySaver();
    const first = new VectorIndex(DIM, options(space, { graphs: saver, log: new Log(), quantized: true }));
    first.put([...model.values()]);
    await ready(first);
    expect(first.quantizedGraph).toBe(true);
    const queries = Array.from({ length: 20 }, vec);
    expectBruteForce(space, model, queries, await first.search(queries, 5, null), 5);
    await first.saveNow();
    first.close();

    const { index, outcome } = reopen(space, model, saver.read(), random, { quantized: true });
    expect(outcome).toEqual({ graph: "restored", kept: 600, upserts: 0, deletes: 0 });
    await ready(index);
    expect(index.quantizedGraph).toBe(true);
    expectBruteForce(space, model, queries, await index.search(queries, 5, null), 5);
    index.close();
    // Off by default.
    const plain = await built(space, model, new MemorySaver());
    expect(plain.quantizedGraph).toBe(false);
    plain.close();
  });
});

describe("saved graphs that cannot be used", () => {
  const space = "l2";

  async function savedOnce(seed: number) {
    const data = dataset(space, seed);
    data.add(400, 1);
    const saver = new MemorySaver();
    const index = await built(space, data.model, saver);
    await index.saveNow();
    index.close();
    return { ...data, bytes: saver.read()! };
  }

  async function expectRebuilt(index: VectorIndex, model: Model, vec: () => Float32Array) {
    await ready(index);
    expect(index.status()).toEqual({ indexed: model.size, unindexed: 0 });
    const queries = Array.from({ length: 10 }, vec);
    expectBruteForce(space, model, queries, await index.search(queries, 5, null), 5);
    index.close();
  }

  it("missing: rebuilt, logged, with its progress until the graph is ready", async () => {
    const { random, vec, model } = await savedOnce(21);
    const { index, log, outcome } = reopen(space, model, null, random, { progressMs: 5 });
    expect(outcome).toEqual({ graph: "rebuilding", reason: "no saved graph" });
    expect(log.has("warn", /building the collection's graph.*no saved graph/)).toBe(true);
    await expectRebuilt(index, model, vec);
    const messages = log.lines.map((l) => l.message);
    const ready = messages.indexOf("the collection's graph is ready");
    expect(ready).toBeGreaterThan(0);
    // The graph stays in the worker for a while after it has caught up (handed over only when
    // quiet), so at least one progress line comes before "ready", and none after it.
    const progress = log.lines.filter((l) => l.message === "indexing the collection's graph");
    expect(progress.length).toBeGreaterThan(0);
    expect(messages.lastIndexOf("indexing the collection's graph")).toBeLessThan(ready);
    for (const p of progress) {
      const { applied, ops } = p.fields as { applied: number; ops: number };
      expect(ops).toBe(model.size);
      expect(applied).toBeLessThanOrEqual(ops);
    }
    expect(log.lines[ready].fields).toMatchObject({ records: model.size, ops: model.size });
  });

  it("truncated or with a flipped byte in its slot map: rebuilt, logged", async () => {
    const { random, vec, model, bytes } = await savedOnce(22);
    for (const damaged of [bytes.slice(0, bytes.length - 100), bytes.slice(0, 20), (() => {
      const b = bytes.slice();
      b[200] ^= 4;
      return b;
    })()]) {
      const { index, log, outcome } = reopen(space, model, damaged, random);
      expect(outcome.graph).toBe("rebuilding");
      expect(log.has("warn", /damaged graph snapshot/)).toBe(true);
      await expectRebuilt(index, model, vec);
    }
  });

  it("with a flipped byte in the graph: the worker refuses it, rebuilt, logged", async () => {
    const { random, vec, model, bytes } = await savedOnce(23);
    const damaged = bytes.slice();
    damaged[damaged.length - 7] ^= 1;
    const { index, log, outcome } = reopen(space, model, damaged, random);
    expect(outcome.graph).toBe("restored");
    await until(() => log.has("warn", /could not be loaded.*damaged graph file/));
    await expectRebuilt(index, model, vec);
  });

  it("built with other parameters: rebuilt, logged", async () => {
    const { random, vec, model, bytes } = await savedOnce(24);
    const { index, log, outcome } = reopen(space, model, bytes, random, { m: 8 });
    expect(outcome).toEqual({ graph: "rebuilding", reason: "the saved graph was built with other parameters" });
    expect(log.has("warn", /other parameters/)).toBe(true);
    await expectRebuilt(index, model, vec);
  });
});

describe("saving", () => {
  const space = "cosine";

  it("runs while writes and searches go on; changes queued meanwhile are replayed after a load", async () => {
    const { random, vec, model, add } = dataset(space, 31);
    add(500, 1);
    const saver = new MemorySaver();
    const index = await built(space, model, saver);
    const saving = index.saveNow();
    // Written while the save reads the graph: queued, visible exactly, applied once it is done.
    const fresh = Array.from({ length: 30 }, (_, i) => ({ id: `late${i}`, seq: 10_000 + i, version: 2, vector: vec() }));
    index.put(fresh);
    for (const e of fresh) model.set(e.id, e);
    const gone = [...model.keys()].slice(0, 10);
    index.removeIds(gone);
    for (const id of gone) model.delete(id);
    const queries = Array.from({ length: 10 }, vec);
    expectBruteForce(space, model, queries, await index.search(queries, 5, null), 5);
    await saving;
    await ready(index);
    expectBruteForce(space, model, queries, await index.search(queries, 5, null), 5);
    index.close();

    // The save reflects the graph before those writes: a load replays them.
    const { index: again, outcome } = reopen(space, model, saver.read(), random);
    expect(outcome).toEqual({ graph: "restored", kept: 490, upserts: 30, deletes: 10 });
    await ready(again);
    expectBruteForce(space, model, queries, await again.search(queries, 5, null), 5);
    again.close();
  });

  it("records the slots whose changes the graph has not applied as unknown: a load replays them", async () => {
    const { random, vec, model, add } = dataset(space, 32);
    add(300, 1);
    const saver = new MemorySaver();
    const index = await built(space, model, saver);
    // Replaced and saved at once: their ops are still queued when the save captures the slots.
    const ids = [...model.keys()].slice(0, 20);
    const replaced = ids.map((id) => ({ ...model.get(id)!, version: 2, vector: vec() }));
    index.put(replaced);
    for (const e of replaced) model.set(e.id, e);
    await index.saveNow();
    index.close();
    const { index: again, outcome } = reopen(space, model, saver.read(), random);
    // Graph nodes of the 20 exist but their version is unknown: replayed, the rest kept.
    expect(outcome).toEqual({ graph: "restored", kept: 280, upserts: 20, deletes: 0 });
    await ready(again);
    for (const e of replaced) expect((await again.search([e.vector], 1, null))[0][0].id).toBe(e.id);
    again.close();
  });

  it("saveNow during a build saves the graph as far as it got; a load replays the rest", async () => {
    const { random, vec, model, add } = dataset(space, 35);
    add(3000, 1);
    const saver = new MemorySaver();
    const index = new VectorIndex(DIM, options(space, { graphs: saver, log: new Log() }));
    index.put([...model.values()]);
    expect(index.where).toBe("worker");
    await index.saveNow();
    expect(saver.saves).toBe(1);
    index.close();
    const { index: again, outcome } = reopen(space, model, saver.read(), random);
    expect(outcome.graph).toBe("restored");
    if (outcome.graph === "restored") {
      expect(outcome.kept + outcome.upserts).toBe(3000);
      expect(outcome.deletes).toBe(0);
    }
    await ready(again);
    const queries = Array.from({ length: 10 }, vec);
    expectBruteForce(space, model, queries, await again.search(queries, 5, null), 5);
    again.close();
  });

  it("writes nothing once closed (a dropped collection): settled() says when no save is under way", async () => {
    const { model, add } = dataset(space, 34);
    add(300, 1);
    const saver = new MemorySaver();
    const index = await built(space, model, saver);
    void index.saveNow();
    index.close();
    await index.settled();
    expect(saver.saves).toBe(0);
    await index.saveNow();
    expect(saver.saves).toBe(0);
  });

  it("saves by itself once enough has changed, spaced, backing off after failures", async () => {
    const policy = new SavePolicy();
    policy.unsaved = 999;
    expect(policy.due(10_000, 0)).toBe("no");
    policy.unsaved = 1000;
    expect(policy.due(10_000, 0)).toBe("now");
    // 1% of a large collection.
    expect(policy.due(1_000_000, 0)).toBe("no");
    policy.unsaved = 10_000;
    expect(policy.due(1_000_000, 0)).toBe("now");
    // A save of 2 s captured 9,000 ops: 1,000 remain; the next waits 20 s.
    policy.saved(9_000, 2_000, 0);
    expect(policy.unsaved).toBe(1_000);
    expect(policy.due(10_000, 1_000)).toBe("later");
    expect(policy.wait(1_000)).toBe(19_000);
    expect(policy.due(10_000, 20_000)).toBe("now");
    policy.failed(20_000);
    expect(policy.wait(20_000)).toBe(5_000);
    policy.failed(25_000);
    expect(policy.wait(25_000)).toBe(10_000);

    // In an index: a graph built from 1,200 records is saved without being asked.
    const { model, add } = dataset(space, 33);
    add(1200, 1);
    const saver = new MemorySaver();
    const log = new Log();
    const index = await built(space, model, saver, log);
    await until(() => saver.saves === 1);
    expect(log.has("info", /saved the collection's graph/)).toBe(true);
    index.close();
  });

  /** An index of 1,200 records (a save is due once its graph is built) whose saves watch `activity`. */
  async function dueForSave(seed: number, activity: ForegroundActivity) {
    const { model, add } = dataset(space, seed);
    add(1200, 1);
    const saver = new MemorySaver();
    const index = new VectorIndex(DIM, options(space, { graphs: saver, log: new Log(), foreground: activity }));
    index.put([...model.values()]);
    await ready(index);
    return { index, saver };
  }

  it("a due save waits while requests are in flight, and runs once they have been quiet", async () => {
    const activity = new ForegroundActivity({ quietMs: 30, maxDeferMs: 3_600_000 });
    activity.begin();
    const { index, saver } = await dueForSave(36, activity);
    // Many quiet periods later, still busy: no save (a save that ignored the requests would have run).
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 30));
    expect(saver.saves).toBe(0);
    activity.end();
    await until(() => saver.saves === 1);
    index.close();
  });

  it("a due save runs after maxDeferMs even if requests never stop", async () => {
    const activity = new ForegroundActivity({ quietMs: 30, maxDeferMs: 200 });
    activity.begin();
    const { index, saver } = await dueForSave(37, activity);
    await until(() => saver.saves === 1);
    expect(activity.active).toBe(1);
    index.close();
  });

  it("a failed save is logged as one line without LanceDB's Rust source paths", async () => {
    const { model, add } = dataset("l2", 77);
    add(300, 1);
    const log = new Log();
    const failing = {
      save: async () => {
        throw new Error(
          "lance error: Retryable commit conflict for version 7: This Overwrite transaction was preempted by concurrent transaction Rewrite at version 7. Please retry., /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-10.0.0/src/io/commit/conflict_resolver.rs:854:30\n\nCaused by:\n    the same, /usr/local/cargo/x.rs:1:2",
        );
      },
    };
    const index = new VectorIndex(DIM, options("l2", { graphs: failing, log }));
    index.put([...model.values()]);
    await ready(index);
    await index.saveNow();
    const failed = log.lines.filter((l) => /saving the collection's graph failed/.test(l.message));
    // The policy's own save may have failed before saveNow's.
    expect(failed.length).toBeGreaterThanOrEqual(1);
    for (const line of failed) {
      expect(line.fields).toEqual({
        error: "lance error: Retryable commit conflict for version 7: This Overwrite transaction was preempted by concurrent transaction Rewrite at version 7. Please retry.",
      });
    }
    index.close();
  });
});

describe("saved slots (seq -> slot of a saved graph)", () => {
  it("answers as a Map of the saved seqs would, with holes, freed slots and seqs far apart", () => {
    const random = rng(41);
    const seqs = new Float64Array(5000).fill(-1);
    const model = new Map<number, number>();
    let seq = 0;
    for (let slot = 0; slot < seqs.length; slot++) {
      seq += 1 + Math.floor(random() * 20);
      if (random() < 0.3) continue;
      seqs[slot] = seq;
      model.set(seq, slot);
    }
    const slots = SavedSlots.of({ seqs } as Snapshot);
    for (let s = 0; s <= seq + 10; s++) expect(slots.get(s)).toBe(model.get(s));
    expect(SavedSlots.none.get(0)).toBeUndefined();
  });

  it("refuses seqs that cannot be a record's (a damaged snapshot): the load rebuilds", () => {
    for (const bad of [1.5, 2 ** 40]) expect(() => SavedSlots.of({ seqs: Float64Array.of(0, bad) } as Snapshot)).toThrow(/damaged graph snapshot/);
  });
});
