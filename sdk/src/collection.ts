/**
 * One collection: the record operations, with chromadb@3's camelCase arguments mapped onto the
 * wire's snake_case bodies. Embeddings must be supplied (this client has no embedding functions).
 */
import type { ChromaApi, Scope } from "./api/adapter.js";
import { SearchResult, type ReadLevel, type SearchPayload } from "./search.js";
import type {
  CollectionConfiguration, CollectionModel, DeleteResult, EmbeddingInput, GetResult, Include, IndexingStatus, Metadata, QueryResult,
  UpdateMetadata, Where, WhereDocument,
} from "./types.js";

export interface RecordsArgs {
  ids: string[];
  embeddings: EmbeddingInput[];
  metadatas?: (Metadata | null)[];
  documents?: (string | null)[];
  uris?: (string | null)[];
}

export interface UpdateArgs {
  ids: string[];
  embeddings?: EmbeddingInput[];
  metadatas?: (UpdateMetadata | null)[];
  documents?: (string | null)[];
  uris?: (string | null)[];
}

export interface GetArgs {
  ids?: string[];
  where?: Where;
  whereDocument?: WhereDocument;
  limit?: number;
  offset?: number;
  include?: Include[];
}

export interface QueryArgs {
  queryEmbeddings: EmbeddingInput[];
  nResults?: number;
  ids?: string[];
  where?: Where;
  whereDocument?: WhereDocument;
  include?: Include[];
}

export interface DeleteArgs {
  ids?: string[];
  where?: Where;
  whereDocument?: WhereDocument;
}

export interface ModifyArgs {
  name?: string;
  metadata?: Metadata;
  configuration?: CollectionConfiguration;
}

const toNumbers = (embeddings: EmbeddingInput[]): number[][] =>
  embeddings.map((e) => (e instanceof Float32Array ? Array.from(e) : e));

/** Drops undefined fields so the wire body carries only what the caller said. */
function defined<T extends object>(body: T): T {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as T;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The server merges a new configuration section by section (e.g. only hnsw.ef_search changes). */
function mergeConfiguration(current: CollectionConfiguration, update: CollectionConfiguration): CollectionConfiguration {
  const merged: CollectionConfiguration = { ...current };
  for (const [key, value] of Object.entries(update)) {
    merged[key] = isPlainObject(value) && isPlainObject(current[key]) ? { ...current[key], ...value } : value;
  }
  return merged;
}

export class Collection {
  readonly id: string;
  readonly tenant: string;
  readonly database: string;
  name: string;
  metadata: Metadata | undefined;
  configuration: CollectionConfiguration;
  /** Embedding dimension fixed by the first write; null before. */
  dimension: number | null;

  /** @internal built by ChromaClient from the server's description of the collection. */
  constructor(
    private readonly api: ChromaApi,
    model: CollectionModel,
  ) {
    this.id = model.id;
    this.name = model.name;
    this.tenant = model.tenant;
    this.database = model.database;
    this.metadata = model.metadata ?? undefined;
    this.configuration = model.configuration_json;
    this.dimension = model.dimension;
  }

  private get scope(): Scope {
    return { tenant: this.tenant, database: this.database };
  }

  async add(args: RecordsArgs): Promise<void> {
    await this.api.add(this.scope, this.id, defined({ ...args, embeddings: toNumbers(args.embeddings) }));
  }

  async upsert(args: RecordsArgs): Promise<void> {
    await this.api.upsert(this.scope, this.id, defined({ ...args, embeddings: toNumbers(args.embeddings) }));
  }

  async update(args: UpdateArgs): Promise<void> {
    await this.api.update(this.scope, this.id, defined({ ...args, embeddings: args.embeddings && toNumbers(args.embeddings) }));
  }

  async get(args: GetArgs = {}): Promise<GetResult> {
    return this.api.get(
      this.scope,
      this.id,
      defined({
        ids: args.ids,
        where: args.where,
        where_document: args.whereDocument,
        limit: args.limit,
        offset: args.offset,
        include: args.include,
      }),
    );
  }

  /** The first `limit` records (default 10). */
  async peek({ limit = 10 }: { limit?: number } = {}): Promise<GetResult> {
    return this.get({ limit });
  }

  async query(args: QueryArgs): Promise<QueryResult> {
    return this.api.query(
      this.scope,
      this.id,
      defined({
        query_embeddings: toNumbers(args.queryEmbeddings),
        n_results: args.nResults,
        ids: args.ids,
        where: args.where,
        where_document: args.whereDocument,
        include: args.include,
      }),
    );
  }

  /**
   * Runs one or more searches (the Search API, v2 only): filter, rank (`knn`, `rrf`, arithmetic),
   * group, page and select, in one request; one answer entry per search.
   */
  async search(searches: SearchPayload | SearchPayload[], options: { readLevel?: ReadLevel } = {}): Promise<SearchResult> {
    const list = Array.isArray(searches) ? searches : [searches];
    const body = await this.api.search(this.scope, this.id, defined({ searches: list, read_level: options.readLevel }));
    return new SearchResult(body);
  }

  async delete(args: DeleteArgs = {}): Promise<DeleteResult> {
    return this.api.delete(this.scope, this.id, defined({ ids: args.ids, where: args.where, where_document: args.whereDocument }));
  }

  async count(): Promise<number> {
    return this.api.count(this.scope, this.id);
  }

  /** Renames the collection and/or replaces its metadata / merges configuration. */
  async modify(args: ModifyArgs): Promise<void> {
    await this.api.updateCollection(
      this.scope,
      this.id,
      defined({ new_name: args.name, new_metadata: args.metadata, new_configuration: args.configuration }),
    );
    if (args.name !== undefined) this.name = args.name;
    if (args.metadata !== undefined) this.metadata = args.metadata;
    if (args.configuration !== undefined) this.configuration = mergeConfiguration(this.configuration, args.configuration);
  }

  /** v2 only (a Chroma 1.x extension). */
  async getIndexingStatus(): Promise<IndexingStatus> {
    return this.api.indexingStatus(this.scope, this.id);
  }
}
