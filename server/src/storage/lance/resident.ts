/**
 * The bridge between a LanceDB record table and its in-memory vector index: index parameters
 * from the collection's configuration, and the load of every record from LanceDB (on open,
 * after a restart) into a VectorIndex, whose graph is then rebuilt in the background.
 */
import type { Table } from "@lancedb/lancedb";
import type { CollectionInfo, DistanceSpace } from "../../core/model.js";
import { spaceOf } from "../../core/space.js";
import type { Entry, AnnParams, VectorIndex } from "../memory/vector-index.js";
import type { ArrowModule } from "./arrow.js";

/**
 * Upstream's HNSW defaults (Chroma 1.x collection configuration), used as upstream uses them:
 * on the benchmark's clustered data they give recall@10 0.9995 (docs/performance.md), where a
 * cheaper graph (ef_construction 64) needed twice the search ef for 0.99.
 */
const DEFAULTS = { m: 16, efConstruction: 100, efSearch: 100 };

function positiveInt(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isInteger(v) && v > 0 ? v : fallback;
}

/**
 * The ANN parameters of a collection: its space and upstream's HNSW knobs from
 * `configuration.hnsw` (max_neighbors, ef_construction, ef_search), upstream's defaults otherwise.
 * `minEf` raises ef_search to the floor chromaspec searches with (see VECTOR_DEFAULTS).
 */
export function annParams(collection: CollectionInfo, minEf: number): AnnParams {
  const c = collection.configuration ?? {};
  const raw = (c.hnsw ?? c.hnsw_configuration) as Record<string, unknown> | null | undefined;
  const hnsw = typeof raw === "object" && raw !== null ? raw : {};
  const space: DistanceSpace = spaceOf(collection.configuration ?? {});
  return {
    space,
    m: Math.min(positiveInt(hnsw.max_neighbors, DEFAULTS.m), 128),
    efConstruction: Math.min(positiveInt(hnsw.ef_construction, DEFAULTS.efConstruction), 2000),
    efSearch: Math.max(minEf, Math.min(positiveInt(hnsw.ef_search, DEFAULTS.efSearch), 10_000)),
  };
}

function strings(batch: ArrowModule.RecordBatch, name: string): (string | null)[] {
  const col = batch.getChild(name);
  const out = new Array<string | null>(batch.numRows);
  if (!col) return out.fill(null);
  let i = 0;
  for (const v of col) out[i++] = (v as string | null) ?? null;
  return out;
}

/**
 * Streams every record of the table into the index: id, seq, vector and payload. The caller
 * holds the table's write lock, so nothing changes underneath.
 */
export async function loadRecords(table: Table, index: VectorIndex): Promise<void> {
  const dim = index.store.dim;
  const q = table.query().select(["id", "seq", "embedding", "document", "uri", "metadata_json"]);
  for await (const batch of q as AsyncIterable<ArrowModule.RecordBatch>) {
    const n = batch.numRows;
    if (n === 0) continue;
    const ids = strings(batch, "id");
    const documents = strings(batch, "document");
    const uris = strings(batch, "uri");
    const metadata = strings(batch, "metadata_json");
    const seqs = batch.getChild("seq")!;
    const entries: Entry[] = new Array(n);
    let row = 0;
    for (const chunk of batch.getChild("embedding")!.data) {
      const child = chunk.children[0];
      const values = child.values as Float32Array;
      for (let i = 0; i < chunk.length; i++, row++) {
        // The child's offset already accounts for any slice of the list column.
        const start = child.offset + i * dim;
        entries[row] = {
          id: ids[row]!,
          seq: Number(seqs.get(row) as bigint),
          // Versions matter once graphs are saved (not yet wired here): 0 until rows carry one.
          version: 0,
          vector: values.subarray(start, start + dim),
          payload: { document: documents[row], uri: uris[row], metadataJson: metadata[row] },
        };
      }
    }
    index.put(entries, false);
  }
  index.activate();
}
