/**
 * Wire request bodies -> core inputs. v1 and v2 send the same body fields (0.6.3 defined them and
 * 1.x kept them), so both faces translate through these, and can only differ in their envelopes.
 */
import type { CreateCollectionInput, DeleteInput, GetInput, QueryInput, UpdateCollectionInput } from "../core/chroma.js";

type Config = Record<string, unknown> | null | undefined;

export function createCollectionInput(body: {
  name: string;
  metadata?: Record<string, unknown> | null;
  configuration?: unknown;
  schema?: unknown;
  get_or_create?: boolean | null;
}): CreateCollectionInput {
  return {
    name: body.name,
    metadata: body.metadata,
    configuration: body.configuration as Config,
    schema: body.schema,
    getOrCreate: body.get_or_create ?? false,
  };
}

export function updateCollectionInput(body: { new_name?: string | null; new_metadata?: Record<string, unknown> | null; new_configuration?: unknown }): UpdateCollectionInput {
  return { newName: body.new_name, newMetadata: body.new_metadata, newConfiguration: body.new_configuration as Config };
}

export function getInput(body: { ids?: string[] | null; where?: unknown; where_document?: unknown; limit?: number | null; offset?: number | null; include?: unknown }): GetInput {
  return { ids: body.ids, where: body.where, whereDocument: body.where_document, limit: body.limit, offset: body.offset, include: body.include };
}

export function queryInput(body: {
  query_embeddings: QueryInput["queryEmbeddings"];
  n_results?: number | null;
  ids?: string[] | null;
  where?: unknown;
  where_document?: unknown;
  include?: unknown;
}): QueryInput {
  return {
    queryEmbeddings: body.query_embeddings,
    nResults: body.n_results,
    ids: body.ids,
    where: body.where,
    whereDocument: body.where_document,
    include: body.include,
  };
}

export function deleteInput(body: { ids?: string[] | null; where?: unknown; where_document?: unknown; limit?: number | null }): DeleteInput {
  return { ids: body.ids, where: body.where, whereDocument: body.where_document, limit: body.limit };
}
