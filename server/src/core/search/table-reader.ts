/**
 * A SearchReader over nothing but the generic record-table reads (find / nearest / fetch / count),
 * so search works on any storage behind the port. It scans: the ordinal of a record is its position
 * in the collection's storage order (read once per search), sparse `$knn` is a brute-force dot
 * product over every record's metadata, and BM25's statistics are counted over the whole
 * collection. Exact by construction; storage with resident indexes supplies a faster reader.
 */
import type { RecordFilter } from "../filter.js";
import type { Metadata } from "../model.js";
import { sparseDot, type SparseVector } from "../sparse-vector.js";
import type { CollectionRecords, Projection, RecordView } from "../../storage/storage.js";
import { idfWeighted } from "./bm25.js";
import type { SearchReader } from "./execute.js";
import { compareMeasures, type RecordMeasure } from "./rank.js";

const IDS: Projection = { embeddings: false, documents: false, uris: false, metadatas: false };
const METADATA: Projection = { embeddings: false, documents: false, uris: false, metadatas: true };

/**
 * A sparse vector as stored in metadata (upstream's tagged object, or the older untagged form),
 * values as float32. Metadata holds each value as the shortest decimal of its float32 (what both
 * faces print), which is not the float32 itself once parsed (0.1 vs 0.10000000149011612); the
 * resident index keeps Float32Array postings, so the scan rounds too or the two readers would
 * score a record an ulp apart (seen across a restart, when the first searches scan LanceDB).
 */
export function storedSparseVector(value: unknown): SparseVector | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.indices) || !Array.isArray(v.values)) return undefined;
  return { indices: v.indices as number[], values: (v.values as number[]).map((x) => Math.fround(x)) };
}

interface TableMask {
  filter: RecordFilter;
  /** Admitted ordinals, ascending. */
  ordinals: number[];
}

export class TableSearchReader implements SearchReader<TableMask> {
  private order: Promise<{ ids: string[]; ordinalOf: Map<string, number> }> | null = null;

  /** `table`'s distances are in the collection's space (storage opened it with the core's index parameters). */
  constructor(private readonly table: CollectionRecords) {}

  /** Every id in storage order, once per reader (one search request). */
  private storageOrder() {
    this.order ??= this.table.find({}, { offset: 0 }, IDS).then((rows) => {
      const ids = rows.map((r) => r.id);
      return { ids, ordinalOf: new Map(ids.map((id, i) => [id, i])) };
    });
    return this.order;
  }

  async mask(filter: RecordFilter): Promise<TableMask> {
    const [{ ordinalOf }, rows] = await Promise.all([this.storageOrder(), this.table.find(filter, { offset: 0 }, IDS)]);
    const ordinals = rows.map((r) => ordinalOf.get(r.id)).filter((o): o is number => o !== undefined);
    return { filter, ordinals: ordinals.sort((a, b) => a - b) };
  }

  async inOrder(mask: TableMask | null, offset: number, limit: number | undefined): Promise<number[]> {
    const end = limit === undefined ? undefined : offset + limit;
    if (mask) return mask.ordinals.slice(offset, end);
    const { ids } = await this.storageOrder();
    const out: number[] = [];
    for (let i = offset; i < (end === undefined ? ids.length : Math.min(end, ids.length)); i++) out.push(i);
    return out;
  }

  async dense(query: Float32Array, k: number, mask: TableMask | null): Promise<RecordMeasure[]> {
    if (k === 0 || (mask && mask.ordinals.length === 0)) return [];
    const [{ ordinalOf }, [neighbors]] = await Promise.all([this.storageOrder(), this.table.nearest([query], k, mask?.filter ?? {}, IDS)]);
    const out: RecordMeasure[] = [];
    for (const n of neighbors) {
      const ordinal = ordinalOf.get(n.id);
      if (ordinal !== undefined) out.push({ ordinal, measure: Math.fround(n.distance) });
    }
    return out.sort(compareMeasures);
  }

  async sparse(key: string, query: SparseVector, k: number, mask: TableMask | null, bm25: boolean): Promise<RecordMeasure[]> {
    if (k === 0) return [];
    const { ids } = await this.storageOrder();
    const all = await this.table.fetch(ids);
    const vectors = all.map((r) => storedSparseVector(r.metadata?.[key] as unknown));
    let weighted = query;
    if (bm25) {
      const df = new Map<number, number>();
      for (const v of vectors) for (const d of v?.indices ?? []) df.set(d, (df.get(d) ?? 0) + 1);
      weighted = idfWeighted(query, ids.length, (d) => df.get(d) ?? 0);
    }
    const dims = new Set(query.indices);
    const admitted = mask ? new Set(mask.ordinals) : null;
    const hits: RecordMeasure[] = [];
    vectors.forEach((v, ordinal) => {
      if (!v || (admitted && !admitted.has(ordinal)) || !v.indices.some((d) => dims.has(d))) return;
      hits.push({ ordinal, measure: Math.fround(1 - Math.fround(sparseDot(weighted, v))) });
    });
    return hits.sort(compareMeasures).slice(0, k);
  }

  async metadata(ordinals: number[]): Promise<Map<number, Metadata | null>> {
    const views = await this.records(ordinals, METADATA);
    return new Map([...views].map(([o, v]) => [o, v.metadata ?? null]));
  }

  async records(ordinals: number[], projection: Projection): Promise<Map<number, RecordView>> {
    const { ids, ordinalOf } = await this.storageOrder();
    const wanted = ordinals.map((o) => ids[o]).filter((id): id is string => id !== undefined);
    const out = new Map<number, RecordView>();
    for (const r of await this.table.fetch(wanted)) {
      const view: RecordView = { id: r.id };
      if (projection.embeddings) view.embedding = r.embedding;
      if (projection.documents) view.document = r.document;
      if (projection.uris) view.uri = r.uri;
      if (projection.metadatas) view.metadata = r.metadata;
      out.set(ordinalOf.get(r.id)!, view);
    }
    return out;
  }
}
