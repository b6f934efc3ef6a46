/**
 * Graph build speed of the addon alone (no server, no worker): the first --n records of a
 * `make bench` shape inserted with addPoints in calls of --step labels on --threads threads,
 * once per configuration and round, configurations interleaved (a busy machine's load falls on
 * each alike). Reports wall and CPU seconds per build and CPU per insert.
 *
 *   npx tsx bench/insert-speed.ts [--shape uniform] [--space l2] [--n 20000] \
 *     [--configs 32x2,4096x2] [--rounds 3] [--addon FILE.node]
 *
 * A config is STEPxTHREADS (labels per addPoints call x threads): each call starts its helper
 * threads and ends at their join, which on a loaded machine costs waits for the scheduler (see
 * ann-worker.ts CALL_MS, which sizes the worker's calls).
 */
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { scriptArgs } from "./args.js";
import { generateShape, type DataShape } from "./shapes.js";
import { hnsw, type HnswAddon } from "../src/storage/memory/native.js";
import { CHUNK_BITS } from "../src/storage/memory/protocol.js";

const o = scriptArgs({ shape: "uniform", space: "l2", n: 20_000, dim: 384, configs: "32x2,4096x2", rounds: 3, addon: "", m: 16, "ef-construction": 100 });
const addon: HnswAddon = o.addon ? (createRequire(import.meta.url)(resolve(o.addon)) as HnswAddon) : hnsw();
const data = generateShape(o.shape as DataShape, o.dim, o.n, 1);
const CHUNK = 1 << CHUNK_BITS;
const rows = new Float32Array(Math.ceil(o.n / CHUNK) * CHUNK * o.dim);
rows.set(data.vectors);
const configs = o.configs.split(",").map((c) => {
  const [step, threads] = c.split("x").map(Number);
  return { name: c, step, threads };
});

function build(step: number, threads: number): { wall: number; cpu: number } {
  const g = new addon.HnswIndex(o.space, o.dim, o.n, o.m, o["ef-construction"], 100, CHUNK_BITS);
  for (let c = 0; c * CHUNK < o.n; c++) g.setChunk(c, rows.subarray(c * CHUNK * o.dim, (c + 1) * CHUNK * o.dim));
  const labels = Int32Array.from({ length: o.n }, (_, i) => i);
  const before = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < o.n; i += step) g.addPoints(labels.subarray(i, Math.min(o.n, i + step)), threads);
  const wall = (performance.now() - t) / 1000;
  const used = process.cpuUsage(before);
  return { wall, cpu: (used.user + used.system) / 1e6 };
}

const results = new Map<string, { wall: number[]; cpu: number[] }>(configs.map((c) => [c.name, { wall: [], cpu: [] }]));
console.log(`${o.shape} ${o.space} n=${o.n} M ${o.m} ef_construction ${o["ef-construction"]}; load ${(await import("node:os")).loadavg().map((l) => l.toFixed(2)).join(" ")}`);
for (let r = 0; r < o.rounds; r++) {
  const order = r % 2 === 0 ? configs : [...configs].reverse();
  for (const c of order) {
    const { wall, cpu } = build(c.step, c.threads);
    results.get(c.name)!.wall.push(wall);
    results.get(c.name)!.cpu.push(cpu);
    console.log(`  round ${r + 1} ${c.name}: wall ${wall.toFixed(2)} s, CPU ${cpu.toFixed(2)} s`);
  }
}
const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
for (const c of configs) {
  const { wall, cpu } = results.get(c.name)!;
  console.log(`${c.name}: wall median ${med(wall).toFixed(2)} s (${Math.min(...wall).toFixed(2)}-${Math.max(...wall).toFixed(2)}), CPU ${med(cpu).toFixed(2)} s, ${((med(cpu) * 1e6) / o.n).toFixed(0)} us CPU per insert`);
}
