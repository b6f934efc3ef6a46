/**
 * Measuring helpers every bench script uses: percentiles of latencies (ms), a timed call, a fixed
 * number of calls spread over concurrent loops (clients), and the run's progress log.
 */

import { readdir, readFile } from "node:fs/promises";

/** CPU time (ns) a process's threads have run, from /proc/PID/task/TID/schedstat (ns resolution; 0 where there is no /proc). */
export async function processCpuNs(pid: number): Promise<number> {
  let total = 0;
  for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [] as string[])) {
    const text = await readFile(`/proc/${pid}/task/${tid}/schedstat`, "utf8").catch(() => "0");
    total += Number(text.split(" ")[0]);
  }
  return total;
}

/** The p-quantile (0..1) of ascending `sorted`, nearest rank; NaN when empty. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1) + 0.5))];
}

/** p50, p99 and mean of latencies in any order. */
export function stats(latencies: number[]): { p50: number; p99: number; mean: number } {
  const s = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(s, 0.5), p99: percentile(s, 0.99), mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
}

/** The median (upper one of an even count) of values in any order, as `stats` takes p50. */
export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

const started = Date.now();
/** A progress line on stderr, stamped with the seconds since the run started. */
export function log(m: string): void {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${m}\n`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/** Runs `total` calls of fn over `clients` concurrent loops; returns the wall time in ms. */
export async function concurrently(clients: number, total: number, fn: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        await fn(i);
      }
    }),
  );
  return performance.now() - t;
}
