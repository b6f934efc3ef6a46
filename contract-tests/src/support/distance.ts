/**
 * Brute-force distances in Chroma's three spaces, to check what a server answers:
 * l2 = squared euclidean distance, ip = 1 - dot(a, b), cosine = 1 - dot(a, b) / (|a| |b|).
 */
import { expect } from "vitest";

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

export interface Ranked {
  id: string;
  distance: number;
}

/** All candidates, nearest first. */
export function rank(space: Space, query: number[], candidates: { id: string; embedding: number[] }[]): Ranked[] {
  return candidates.map((c) => ({ id: c.id, distance: distance(space, query, c.embedding) })).sort((a, b) => a.distance - b.distance);
}

/** Servers compute in float32: allow that much, relative to the size of the value. */
export function expectDistancesClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((d, i) => {
    expect(Math.abs(d - expected[i]), `distance #${i}: got ${d}, brute force says ${expected[i]}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(expected[i])));
  });
}

/** Embeddings equal up to float32 rounding (cosine stores normalised vectors upstream). */
export function expectEmbeddingsClose(actual: number[][] | null | undefined, expected: number[][]): void {
  expect(actual).not.toBeNull();
  expect(actual).toHaveLength(expected.length);
  actual!.forEach((v, i) => {
    expect(v).toHaveLength(expected[i].length);
    v.forEach((x, j) => expect(Math.abs(x - expected[i][j]), `embedding ${i}[${j}]: ${x} vs ${expected[i][j]}`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected[i][j]))));
  });
}

/** Little-endian float32 bytes as base64, the encoding chromadb@3 sends when the server allows it. */
export function toBase64(embedding: number[]): string {
  return Buffer.from(new Float32Array(embedding).buffer).toString("base64");
}
