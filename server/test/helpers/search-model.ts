/**
 * A brute-force model of a collection for the Search API: records kept in plain arrays in insertion
 * order, filters evaluated in JS with upstream's semantics, distances and sparse dot products
 * computed by scanning. It implements the core's SearchReader, so `executeSearch(plan, facts,
 * model)` gives the answer a correct server must give; tests compare the real server with it.
 */
import type { MetadataFilter } from "../../src/core/filter.js";
import type { Metadata } from "../../src/core/model.js";
import { idfWeighted } from "../../src/core/search/bm25.js";
import type { SearchReader } from "../../src/core/search/execute.js";
import { compareMeasures, type RecordMeasure } from "../../src/core/search/rank.js";
import { storedSparseVector } from "../../src/core/search/table-reader.js";
import { sparseDot, type SparseVector } from "../../src/core/sparse-vector.js";
import type { Projection, RecordView } from "../../src/storage/storage.js";

export interface ModelRecord {
  id: string;
  embedding: number[];
  document: string | null;
  metadata: Metadata | null;
}

export type ModelSpace = "l2" | "cosine" | "ip";

/** Float32 distances as the server computes them (float32 inputs, float64 sums). */
export function modelDistance(space: ModelSpace, q: Float32Array, v: number[]): number {
  let dot = 0;
  let qq = 0;
  let vv = 0;
  let l2 = 0;
  for (let i = 0; i < q.length; i++) {
    const a = q[i];
    const b = Math.fround(v[i]);
    dot += a * b;
    qq += a * a;
    vv += b * b;
    l2 += (a - b) * (a - b);
  }
  if (space === "l2") return l2;
  if (space === "ip") return 1 - dot;
  return qq === 0 || vv === 0 ? 1 : 1 - dot / Math.sqrt(qq * vv);
}

type Scalar = string | number | boolean;
const kind = (v: unknown) => (typeof v === "number" ? "number" : typeof v);

/** Upstream's where semantics: comparisons see only values of the operand's type; $ne/$nin also match missing keys. */
export function matches(f: MetadataFilter, r: ModelRecord): boolean {
  const m = r.metadata ?? {};
  switch (f.kind) {
    case "and":
      return f.children.every((c) => matches(c, r));
    case "or":
      return f.children.some((c) => matches(c, r));
    case "id":
      return f.op === "$in" ? f.ids.includes(r.id) : !f.ids.includes(r.id);
    case "document": {
      const d = f.filter;
      if (d.kind === "contains") return r.document !== null && r.document.includes(d.text);
      if (d.kind === "not_contains") return r.document === null || !r.document.includes(d.text);
      throw new Error("the model does not evaluate regexes");
    }
    case "compare": {
      const v = m[f.key] as Scalar | undefined;
      const same = v !== undefined && kind(v) === kind(f.value);
      if (f.op === "$ne") return !same || v !== f.value;
      if (!same) return false;
      switch (f.op) {
        case "$eq":
          return v === f.value;
        case "$gt":
          return v! > f.value;
        case "$gte":
          return v! >= f.value;
        case "$lt":
          return v! < f.value;
        case "$lte":
          return v! <= f.value;
      }
      return false;
    }
    case "member": {
      const v = m[f.key] as Scalar | undefined;
      const hit = v !== undefined && f.values.some((x) => kind(x) === kind(v) && x === v);
      return f.op === "$in" ? hit : !hit;
    }
    default:
      throw new Error(`the model does not evaluate ${(f as { kind: string }).kind}`);
  }
}

interface Mask {
  ordinals: number[];
}

export class ModelReader implements SearchReader<Mask> {
  constructor(
    private readonly rows: ModelRecord[],
    private readonly space: ModelSpace,
  ) {}

  async mask(filter: { where?: MetadataFilter }): Promise<Mask> {
    return { ordinals: this.rows.flatMap((r, i) => (!filter.where || matches(filter.where, r) ? [i] : [])) };
  }

  async inOrder(mask: Mask | null, offset: number, limit: number | undefined): Promise<number[]> {
    const all = mask?.ordinals ?? this.rows.map((_, i) => i);
    return all.slice(offset, limit === undefined ? undefined : offset + limit);
  }

  private admitted(mask: Mask | null): number[] {
    return mask?.ordinals ?? this.rows.map((_, i) => i);
  }

  async dense(query: Float32Array, k: number, mask: Mask | null): Promise<RecordMeasure[]> {
    return this.admitted(mask)
      .map((ordinal) => ({ ordinal, measure: Math.fround(modelDistance(this.space, query, this.rows[ordinal].embedding)) }))
      .sort(compareMeasures)
      .slice(0, k);
  }

  async sparse(key: string, query: SparseVector, k: number, mask: Mask | null, bm25: boolean): Promise<RecordMeasure[]> {
    const vectors = this.rows.map((r) => storedSparseVector(r.metadata?.[key]));
    let weighted = query;
    if (bm25) {
      weighted = idfWeighted(query, this.rows.length, (d) => vectors.filter((v) => v?.indices.includes(d)).length);
    }
    return this.admitted(mask)
      .filter((o) => vectors[o]?.indices.some((d) => query.indices.includes(d)))
      .map((ordinal) => ({ ordinal, measure: Math.fround(1 - Math.fround(sparseDot(weighted, vectors[ordinal]!))) }))
      .sort(compareMeasures)
      .slice(0, k);
  }

  async metadata(ordinals: number[]): Promise<Map<number, Metadata | null>> {
    return new Map(ordinals.map((o) => [o, this.rows[o].metadata]));
  }

  async records(ordinals: number[], projection: Projection): Promise<Map<number, RecordView>> {
    return new Map(
      ordinals.map((o) => {
        const r = this.rows[o];
        const view: RecordView = { id: r.id };
        if (projection.documents) view.document = r.document;
        if (projection.embeddings) view.embedding = Float32Array.from(r.embedding);
        if (projection.metadatas) view.metadata = r.metadata;
        return [o, view];
      }),
    );
  }
}
