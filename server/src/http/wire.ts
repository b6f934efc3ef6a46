/**
 * Core values -> upstream wire shapes. v2 answers with Chroma 1.x's shapes, v1 with 0.6.3's; the
 * differences are only naming and envelope, never semantics.
 */
import type { CollectionInfo } from "../core/model.js";
import type { GetResult, QueryResult } from "../core/results.js";
import { configurationFromSchema, configurationJson } from "../core/configuration.js";
import { schemaToWire } from "../core/schema.js";

/** The fields after the configuration, the same on both faces (in upstream's order). */
function placement(c: CollectionInfo) {
  return {
    metadata: c.metadata,
    dimension: c.dimension,
    tenant: c.tenant,
    database: c.database,
    log_position: c.logPosition,
    version: c.version,
  };
}

/**
 * A collection as Chroma 1.x answers it: its resolved `schema` and the configuration that schema
 * describes (the core keeps every answered collection's schema resolved).
 */
export function collectionToWire(c: CollectionInfo) {
  return {
    id: c.id,
    name: c.name,
    configuration_json: configurationJson(configurationFromSchema(c.schema!)),
    schema: schemaToWire(c.schema!),
    ...placement(c),
  };
}

/**
 * A collection as chromadb 0.6.3 answers it: no schema, and its configuration in 0.6.3's
 * `CollectionConfigurationInternal` serialisation.
 */
export function collectionToWireV1(c: CollectionInfo) {
  const h = configurationFromSchema(c.schema!).hnsw;
  return {
    id: c.id,
    name: c.name,
    configuration_json: {
      hnsw_configuration: {
        space: h.space,
        ef_construction: h.ef_construction,
        ef_search: h.ef_search,
        num_threads: h.num_threads,
        M: h.max_neighbors,
        resize_factor: h.resize_factor,
        batch_size: h.batch_size,
        sync_threshold: h.sync_threshold,
        _type: "HNSWConfigurationInternal" as const,
      },
      _type: "CollectionConfigurationInternal" as const,
    },
    ...placement(c),
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
