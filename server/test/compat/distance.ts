/**
 * Brute-force nearest neighbours in Chroma's three spaces, to check returned distances numerically.
 * Chroma's definitions: l2 = squared euclidean distance, ip = 1 - dot(a, b),
 * cosine = 1 - dot(a, b) / (|a| |b|).
 */
import { expect } from "vitest";
import type { FixtureRecord } from "./fixtures.js";

export type Space = "l2" | "cosine" | "ip";
export const SPACES: Space[] = ["l2", "cosine", "ip"];

const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);

export function distance(space: Space, a: number[], b: number[]): number {
  switch (space) {
    case "l2":
      return a.reduce((sum, x, i) => sum + (x - b[i]) ** 2, 0);
    case "ip":
      return 1 - dot(a, b);
    case "cosine":
      return 1 - dot(a, b) / (Math.sqrt(dot(a, a)) * Math.sqrt(dot(b, b)));
  }
}

/** Servers compute in float32; allow that much slack, relative to the size of the value. */
export function expectDistanceClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(expected)));
}

/** Vectors equal up to float32 rounding (for spaces where a server stores them transformed). */
export function expectVectorsClose(actual: number[][], expected: number[][]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => {
    expect(v).toHaveLength(expected[i].length);
    v.forEach((x, j) => expect(Math.abs(x - expected[i][j])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected[i][j]))));
  });
}

/**
 * Asserts that one query's result is the k nearest candidates: right count, each distance equal
 * to the brute-force one, sorted ascending, and nothing left out that is strictly nearer than the
 * farthest returned (ties at the boundary may go either way).
 */
export function expectNearest(
  space: Space,
  query: number[],
  candidates: FixtureRecord[],
  k: number,
  actualIds: string[],
  actualDistances: number[],
): void {
  const expected = new Map(candidates.map((r) => [r.id, distance(space, query, r.embedding)]));
  expect(actualIds).toHaveLength(Math.min(k, candidates.length));
  expect(actualDistances).toHaveLength(actualIds.length);
  expect(new Set(actualIds).size).toBe(actualIds.length);
  actualIds.forEach((id, i) => {
    expect(expected.has(id), `unexpected id ${id}`).toBe(true);
    expectDistanceClose(actualDistances[i], expected.get(id)!);
    if (i > 0) expect(actualDistances[i]).toBeGreaterThanOrEqual(actualDistances[i - 1] - 1e-5);
  });
  if (actualIds.length === 0) return;
  const worst = expected.get(actualIds[actualIds.length - 1])!;
  const returned = new Set(actualIds);
  for (const [id, d] of expected) {
    if (!returned.has(id)) expect(d, `${id} is nearer than a returned record`).toBeGreaterThanOrEqual(worst - 1e-4);
  }
}

/** The ids in brute-force order, for the cases where the test wants to state the order directly. */
export function bruteForceIds(space: Space, query: number[], candidates: FixtureRecord[], k: number): string[] {
  return candidates
    .map((r) => ({ id: r.id, d: distance(space, query, r.embedding) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, k)
    .map((x) => x.id);
}
