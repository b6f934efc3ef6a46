/**
 * What a restart's read of the saved vectors costs, part by part, without a server: writes a
 * vectors file of --n x --dim (once, into --file), then times a load's steps on a fresh store:
 * the chunks' allocation and first touch (SlotStore.restoreLayout), opening and checking the
 * file, and reading its vectors into the chunks (VectorFile.readInto).
 *
 *   node --expose-gc --import tsx bench/vector-load.ts --n 1000000 --dim 384 --file /tmp/v.vectors [--modes populate,plain]
 *
 * --modes, taking turns: "populate" (the chunks' pages faulted in at once before the read, as
 * the server does) and "plain" (faulted in by the read itself).
 *
 * A timing run: take it under the lock (`flock /work/wt/bench.lock ...`).
 */
import { existsSync } from "node:fs";
import { scriptArgs } from "./args.js";
import { CHUNK_BITS } from "../src/storage/memory/protocol.js";
import { MemoryBudget, SlotStore } from "../src/storage/memory/slots.js";
import { VectorFile, writeVectorFile } from "../src/storage/memory/vector-file.js";

const o = scriptArgs({ n: 1_000_000, dim: 384, file: "/tmp/vector-load.vectors", rounds: 2, modes: "populate,plain" });
const modes = o.modes.split(",");
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

if (!existsSync(o.file)) {
  const t = performance.now();
  const store = new SlotStore(o.dim, new MemoryBudget(0));
  const v = new Float32Array(o.dim);
  for (let i = 0; i < o.n; i++) {
    v[i % o.dim] = i;
    store.put(`id${i}`, i, 1, v, undefined);
  }
  await writeVectorFile(o.file, store, { collection: "c" });
  console.log(`wrote ${o.file} in ${ms(t)}`);
  store.release();
}

for (let round = 0; round < o.rounds * modes.length; round++) {
  const mode = modes[round % modes.length];
  const store = new SlotStore(o.dim, new MemoryBudget(0));
  let t = performance.now();
  const file = (await VectorFile.open(o.file, { collection: "c", dim: o.dim, chunkBits: CHUNK_BITS }))!;
  const opened = ms(t);
  t = performance.now();
  // "plain": the chunks' pages are faulted in by the reads themselves, not beforehand.
  store.restoreLayout(file.header.slots, mode === "populate");
  const layout = ms(t);
  t = performance.now();
  const ok = await file.readInto(store.chunks);
  const read = ms(t);
  await file.close();
  store.release();
  (globalThis as { gc?: () => void }).gc?.();
  console.log(`round ${round} (${mode}): open+check ${opened}, chunks allocated+populated ${layout}, vectors read ${read} (${ok.reduce((a, b) => a + b, 0)}/${ok.length} chunks intact)`);
}
