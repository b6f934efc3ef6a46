/**
 * Core values -> upstream wire shapes. v2 answers with Chroma 1.x's shapes, v1 with 0.6.3's; the
 * differences are only naming and envelope, never semantics.
 */
import type { CollectionInfo } from "../core/model.js";
import type { GetResult, QueryResult } from "../core/results.js";

export function collectionToWire(c: CollectionInfo) {
  return {
    id: c.id,
    name: c.name,
    configuration_json: c.configuration,
    metadata: c.metadata,
    dimension: c.dimension,
    tenant: c.tenant,
    database: c.database,
    log_position: c.logPosition,
    version: c.version,
  };
}

/** 0.6.3's GetResult: `included` instead of `include`, plus the multimodal `data` column (always null here). */
export function getResultV1(r: GetResult) {
  const { include, ...columns } = r;
  return { ...columns, data: null, included: include };
}

export function queryResultV1(r: QueryResult) {
  const { include, ...columns } = r;
  return { ...columns, data: null, included: include };
}
