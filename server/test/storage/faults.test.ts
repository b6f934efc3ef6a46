/**
 * Memory is never stale: a fault injected at each step of a write (add, upsert, update, delete)
 * leaves LanceDB and the resident copy agreeing. A fault before the LanceDB commit changes
 * nothing; from the commit on the write is in LanceDB (acknowledged or, if the commit call itself
 * failed after committing, reported as failed) and memory is either in step or reloaded from
 * LanceDB before it answers again. Then the same ids written again give no duplicate rows.
 */
import * as lancedb from "@lancedb/lancedb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Chroma, DEFAULT_DATABASE, DEFAULT_TENANT } from "../../src/core/chroma.js";
import type { Metadata } from "../../src/core/model.js";
import { LanceTable } from "../../src/storage/lance/table.js";
import { ResidentCollection } from "../../src/storage/memory/resident.js";
import { openStorage, type OpenedStorage } from "../../src/storage/open.js";
import { referenceDistance, tempDir } from "./helpers.js";

const SCOPE = { tenant: DEFAULT_TENANT, database: DEFAULT_DATABASE };
const DIM = 4;

interface Row {
  embedding: number[];
  document: string;
  metadata: Metadata;
}
type Model = Map<string, Row>;

type Op = "add" | "upsert" | "update" | "delete by id" | "delete by filter";
/** Where the fault strikes, and whether LanceDB has the write by then. */
interface Fault {
  step: string;
  ops: Op[];
  committed: boolean;
  /** The write call itself reports the failure (else it succeeds: memory catches up on its own). */
  rejects: boolean;
  arm(): void;
}

const injected = () => new Error("injected fault");
const WRITES: Op[] = ["add", "upsert", "update"];
const DELETES: Op[] = ["delete by id", "delete by filter"];

/** The LanceDB call lands, then the call reports a failure anyway: an outcome the caller cannot know. */
function afterLanding(name: "commit" | "delete"): void {
  const original = LanceTable.prototype[name] as (this: LanceTable, arg: never) => Promise<unknown>;
  vi.spyOn(LanceTable.prototype, name).mockImplementationOnce(async function (this: LanceTable, arg: never) {
    await original.call(this, arg);
    throw injected();
  } as never);
}

/** The resident collection's `name` throws, once. */
function memoryThrows(name: "assignSeqs" | "reserve" | "put", error: Error = injected()): void {
  vi.spyOn(ResidentCollection.prototype, name).mockImplementationOnce(() => {
    throw error;
  });
}

/** The resident collection's `name` applies part of its batch (what `cut` keeps), then throws, once: a midway failure. */
function halfway<K extends "put" | "remove">(name: K, cut: (args: Parameters<ResidentCollection[K]>) => Parameters<ResidentCollection[K]>): void {
  const original = ResidentCollection.prototype[name] as (this: ResidentCollection, ...args: Parameters<ResidentCollection[K]>) => void;
  vi.spyOn(ResidentCollection.prototype, name).mockImplementationOnce(function (this: ResidentCollection, ...args: Parameters<ResidentCollection[K]>) {
    original.apply(this, cut(args));
    throw injected();
  } as never);
}

const FAULTS: Fault[] = [
  { step: "prepare (table, columns)", ops: WRITES, committed: false, rejects: true, arm: () => void vi.spyOn(LanceTable.prototype, "prepare").mockRejectedValueOnce(injected()) },
  { step: "seqs from memory", ops: WRITES, committed: false, rejects: true, arm: () => memoryThrows("assignSeqs") },
  {
    step: "room in memory (it cannot grow)",
    ops: WRITES,
    committed: true,
    rejects: false,
    arm: () => memoryThrows("reserve", new RangeError("Array buffer allocation failed")),
  },
  { step: "LanceDB commit, before it lands", ops: WRITES, committed: false, rejects: true, arm: () => void vi.spyOn(LanceTable.prototype, "commit").mockRejectedValueOnce(injected()) },
  { step: "LanceDB commit, after it landed", ops: WRITES, committed: true, rejects: true, arm: () => afterLanding("commit") },
  { step: "memory apply, before any record", ops: WRITES, committed: true, rejects: false, arm: () => memoryThrows("put") },
  { step: "memory apply, halfway", ops: WRITES, committed: true, rejects: false, arm: () => halfway("put", ([records, activate]) => [records.slice(0, 1), activate]) },
  { step: "matching records in LanceDB", ops: ["delete by filter"], committed: false, rejects: true, arm: () => void vi.spyOn(LanceTable.prototype, "matchingSeqs").mockRejectedValueOnce(injected()) },
  { step: "LanceDB delete, before it lands", ops: DELETES, committed: false, rejects: true, arm: () => void vi.spyOn(LanceTable.prototype, "delete").mockRejectedValueOnce(injected()) },
  { step: "LanceDB delete, after it landed", ops: DELETES, committed: true, rejects: true, arm: () => afterLanding("delete") },
  { step: "memory removal, halfway", ops: DELETES, committed: true, rejects: false, arm: () => halfway("remove", ([slots]) => [slots.subarray(0, 1)]) },
];

const vec = (i: number, salt: number) => [i % 7, (i * salt) % 5, salt, 1 + (i % 3)];

/** The initial records: r0..r9. */
function initial(): Model {
  const m: Model = new Map();
  for (let i = 0; i < 10; i++) m.set(`r${i}`, { embedding: vec(i, 1), document: `doc ${i}`, metadata: { i, even: i % 2 === 0 } });
  return m;
}

/** The op's request, and the model after it (upstream's semantics: add ignores existing ids, upsert and update merge metadata). */
function plan(op: Op, before: Model): { run: (chroma: Chroma, id: string) => Promise<unknown>; after: Model } {
  const after: Model = new Map([...before].map(([k, v]) => [k, { ...v, metadata: { ...v.metadata } }]));
  if (op === "delete by id" || op === "delete by filter") {
    const doomed = op === "delete by id" ? ["r1", "r2", "r8"] : [...before].filter(([, r]) => r.metadata.even === true).map(([id]) => id);
    for (const id of doomed) after.delete(id);
    const body = op === "delete by id" ? { ids: ["r1", "r2", "r8", "nope"] } : { where: { even: true } };
    return { run: (chroma, id) => chroma.delete(SCOPE, id, body), after };
  }
  // Existing r8, r9 and new n0, n1, n2 (update skips the new ones).
  const ids = ["r8", "r9", "n0", "n1", "n2"];
  const rows = ids.map((id, i) => ({ id, embedding: vec(i + 20, 3), document: `${op} ${id}`, metadata: { by: op, i: 100 + i } }));
  for (const r of rows) {
    const current = after.get(r.id);
    if (op === "add") {
      if (!current) after.set(r.id, { embedding: r.embedding, document: r.document, metadata: r.metadata });
    } else if (current) {
      after.set(r.id, { embedding: r.embedding, document: r.document, metadata: { ...current.metadata, ...r.metadata } });
    } else if (op === "upsert") {
      after.set(r.id, { embedding: r.embedding, document: r.document, metadata: r.metadata });
    }
  }
  const batch = { ids, embeddings: rows.map((r) => r.embedding), documents: rows.map((r) => r.document), metadatas: rows.map((r) => r.metadata) };
  return { run: (chroma, id) => (op === "add" ? chroma.add(SCOPE, id, batch) : op === "upsert" ? chroma.upsert(SCOPE, id, batch) : chroma.update(SCOPE, id, batch)), after };
}

let dir: Awaited<ReturnType<typeof tempDir>>;
let storage: OpenedStorage;
let chroma: Chroma;

beforeEach(async () => {
  dir = await tempDir();
  storage = await openStorage(dir.path, { memory: { annThreshold: 4, onWarning: () => undefined } });
  chroma = new Chroma(storage, { allowReset: true, maxBatchSize: 100, version: "test" });
  await chroma.init();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await storage.close();
  await dir.dispose();
});

/** Everything a client can read equals the model, from whichever store answers; LanceDB holds each id once. */
async function expectState(id: string, model: Model): Promise<void> {
  expect(await chroma.count(SCOPE, id)).toBe(model.size);
  const got = await chroma.get(SCOPE, id, { include: ["embeddings", "documents", "metadatas"] });
  const rows = new Map(got.ids.map((rid, i) => [rid, { embedding: Array.from(got.embeddings![i] as ArrayLike<number>), document: got.documents![i], metadata: got.metadatas![i] }]));
  expect(rows).toEqual(model);
  const byId = await chroma.get(SCOPE, id, { ids: [...model.keys(), "nope"], include: ["documents"] });
  expect(new Set(byId.ids)).toEqual(new Set(model.keys()));
  const q = [1, 2, 3, 1];
  const answer = await chroma.query(SCOPE, id, { queryEmbeddings: [q], nResults: 3, include: ["distances"] });
  const want = [...model.values()].map((r) => referenceDistance("l2", Float32Array.from(q), Float32Array.from(r.embedding))).sort((a, b) => a - b);
  expect(answer.distances![0]).toEqual(want.slice(0, 3).map((d) => expect.closeTo(d, 4)));
  const filtered = await chroma.query(SCOPE, id, { queryEmbeddings: [q], nResults: 20, where: { even: true }, include: [] });
  expect(new Set(filtered.ids[0])).toEqual(new Set([...model].filter(([, r]) => r.metadata.even === true).map(([k]) => k)));
  const db = await lancedb.connect(dir.path);
  try {
    const ids = (await (await db.openTable(id)).query().select(["id"]).toArray()).map((r) => String(r.id));
    expect(ids.sort()).toEqual([...model.keys()].sort());
  } finally {
    db.close();
  }
}

describe.each(FAULTS)("a fault at: $step", (fault) => {
  it.each(fault.ops)("%s: LanceDB and memory agree afterwards, and a retry writes no duplicate", async (op) => {
    const c = await chroma.createCollection(SCOPE, { name: "faulty" });
    const before = initial();
    await chroma.add(SCOPE, c.id, {
      ids: [...before.keys()],
      embeddings: [...before.values()].map((r) => r.embedding),
      documents: [...before.values()].map((r) => r.document),
      metadatas: [...before.values()].map((r) => r.metadata),
    });
    const table = await storage.collection(c.id, { space: "l2", m: 16, efConstruction: 100, efSearch: 100 });
    await table.ready();
    expect(table.source).toBe("memory");

    const { run, after } = plan(op, before);
    fault.arm();
    const outcome = run(chroma, c.id);
    if (fault.rejects) await expect(outcome).rejects.toThrow(/injected fault/);
    else await outcome;
    await table.ready();
    const expected = fault.committed ? after : before;
    await expectState(c.id, expected);

    // The same request again: nothing doubles, and the end state is the op's.
    await run(chroma, c.id);
    await table.ready();
    await expectState(c.id, after);
    // Memory serves again (at once, or after the wait a collection that did not fit gets).
    if (table.source === "lance") {
      await new Promise((r) => setTimeout(r, 1100));
      await storage.collection(c.id, { space: "l2", m: 16, efConstruction: 100, efSearch: 100 });
      await table.ready();
    }
    expect(table.source).toBe("memory");
    await expectState(c.id, after);
  });
});
