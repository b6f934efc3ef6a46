/**
 * Structural checks of what the SDK hands back, for the `requests` tests that must pass on the
 * mock (which answers spec examples) as well as on real servers.
 */
import type { Collection, GetResult, QueryResult } from "@chromaspec/sdk";
import { expect } from "vitest";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function expectCollectionShape(c: Collection): void {
  expect(c.id).toMatch(UUID);
  expect(typeof c.name).toBe("string");
  expect(typeof c.tenant).toBe("string");
  expect(typeof c.database).toBe("string");
  expect(c.configuration).toBeTypeOf("object");
  expect(c.dimension === null || Number.isInteger(c.dimension)).toBe(true);
  if (c.metadata !== undefined && c.metadata !== null) expect(c.metadata).toBeTypeOf("object");
}

const parallel = (field: unknown[] | null, n: number) => {
  if (field !== null) expect(field).toHaveLength(n);
};

export function expectGetShape(r: GetResult): void {
  expect(Array.isArray(r.ids)).toBe(true);
  for (const id of r.ids) expect(typeof id).toBe("string");
  for (const f of [r.embeddings, r.documents, r.metadatas, r.uris]) parallel(f, r.ids.length);
  expect(Array.isArray(r.include)).toBe(true);
}

export function expectQueryShape(r: QueryResult, queries?: number): void {
  expect(Array.isArray(r.ids)).toBe(true);
  if (queries !== undefined) expect(r.ids).toHaveLength(queries);
  for (const f of [r.embeddings, r.documents, r.metadatas, r.uris, r.distances]) {
    if (f === null) continue;
    expect(f).toHaveLength(r.ids.length);
    f.forEach((row, i) => expect(row).toHaveLength(r.ids[i].length));
  }
  expect(Array.isArray(r.include)).toBe(true);
}
