/**
 * One collection: the record operations, with chromadb@3's camelCase arguments mapped onto the
 * wire's snake_case bodies. Embeddings must be supplied (this client has no embedding functions).
 */
import type { ChromaApi, Scope } from "./api/adapter.js";
import { SearchResult, type ReadLevel, type SearchPayload } from "./search.js";
import type {
  CollectionConfigurationJson, CollectionModel, DeleteResult, EmbeddingInput, GetResult, Include, IndexingStatus, Metadata, QueryResult,
  Schema, UpdateCollectionConfiguration, UpdateMetadata, Where, WhereDocument,
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
  /** Delete at most this many of the matching records, first inserted first (needs where / whereDocument). */
  limit?: number;
}

export interface ModifyArgs {
  name?: string;
  metadata?: Metadata;
  configuration?: UpdateCollectionConfiguration;
}

const toNumbers = (embeddings: EmbeddingInput[]): number[][] =>
  embeddings.map((e) => (e instanceof Float32Array ? Array.from(e) : e));

/** Drops undefined fields so the wire body carries only what the caller said. */
function defined<T extends object>(body: T): T {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as T;
}


export class Collection {
  readonly id: string;
  readonly tenant: string;
  readonly database: string;
  name: string;
  metadata: Metadata | undefined;
  /** The effective configuration (`configuration_json`). */
  configuration: CollectionConfigurationJson;
  /** The resolved index schema (v2; null from a v1 server). */
  schema: Schema | null;
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
    this.schema = model.schema ?? null;
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
    return this.api.delete(this.scope, this.id, defined({ ids: args.ids, where: args.where, where_document: args.whereDocument, limit: args.limit }));
  }

  async count(): Promise<number> {
    return this.api.count(this.scope, this.id);
  }

  /**
   * Renames the collection and/or replaces its metadata / changes its configuration, and applies
   * the same change to this object as the server does to the collection (as chromadb's clients
   * do): HNSW knobs and the embedding function in `configuration` and in the schema's vector
   * index. (Legacy `hnsw:*` keys in new metadata change the server's configuration only; read the
   * collection again to see them.)
   */
  async modify(args: ModifyArgs): Promise<void> {
    await this.api.updateCollection(
      this.scope,
      this.id,
      defined({ new_name: args.name, new_metadata: args.metadata, new_configuration: args.configuration }),
    );
    if (args.name !== undefined) this.name = args.name;
    if (args.metadata !== undefined) this.metadata = args.metadata;
    if (args.configuration) this.applyConfiguration(args.configuration);
  }

  private applyConfiguration(update: UpdateCollectionConfiguration): void {
    const hnsw = Object.fromEntries(Object.entries(update.hnsw ?? {}).filter(([, v]) => v !== null && v !== undefined));
    const ef = update.embedding_function ?? undefined;
    const shown = Object.fromEntries(Object.entries(hnsw).filter(([k]) => k !== "num_threads" && k !== "batch_size"));
    this.configuration = {
      ...this.configuration,
      hnsw: this.configuration.hnsw ? { ...this.configuration.hnsw, ...shown } : this.configuration.hnsw,
      ...(ef ? { embedding_function: ef } : {}),
    };
    if (!this.schema) return;
    const schema = structuredClone(this.schema);
    for (const vi of [schema.defaults.float_list?.vector_index, schema.keys["#embedding"]?.float_list?.vector_index]) {
      if (!vi) continue;
      if (vi.config.hnsw) vi.config.hnsw = { ...vi.config.hnsw, ...hnsw };
      if (ef) vi.config.embedding_function = ef;
    }
    this.schema = schema;
  }

  /**
   * A new collection `name` in the same database with this collection's records, metadata,
   * configuration and schema, independent of it afterwards (v2 only; upstream's `fork_collection`).
   * Rejects with UniqueConstraintError when `name` is taken, NotFoundError when this collection is gone.
   */
  async fork({ name }: { name: string }): Promise<Collection> {
    return new Collection(this.api, await this.api.forkCollection(this.scope, this.id, name));
  }

  /** The number of forks in this collection's lineage (counted from its root, as upstream; v2 only). */
  async forkCount(): Promise<number> {
    return this.api.forkCount(this.scope, this.id);
  }

  /** v2 only (a Chroma 1.x extension). */
  async getIndexingStatus(): Promise<IndexingStatus> {
    return this.api.indexingStatus(this.scope, this.id);
  }
}
