// generated from openapi.yaml by codegen — do not edit.
// Regenerate with `make codegen` (npm run generate -w codegen) after changing openapi.yaml.
// TypeScript types produced by openapi-typescript.

export interface paths {
    "/api/v2": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Root (heartbeat)
         * @description Same answer as `GET /api/v2/heartbeat`.
         */
        get: operations["v2Root"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset the server
         * @description Deletes every tenant, database, collection and record, then recreates `default_tenant` /
         *     `default_database`. Only allowed when the server was started with reset enabled (Chroma's
         *     `ALLOW_RESET` / `--allow-reset`); otherwise Chroma 1.x answers 403.
         */
        post: operations["v2Reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server version
         * @description A JSON string. Chroma 1.x answers the fixed string `"1.0.0"`.
         */
        get: operations["v2Version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Heartbeat
         * @description Current time in nanoseconds since the epoch.
         */
        get: operations["v2Heartbeat"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/pre-flight-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pre-flight checks
         * @description Limits and capabilities clients read before writing: the largest accepted batch and whether
         *     embeddings may be sent as base64 strings of little-endian float32 (`chromadb@3` then does).
         */
        get: operations["v2PreFlightChecks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/auth/identity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Identity of the caller
         * @description Without authentication this is an anonymous user with the default tenant and database.
         */
        get: operations["v2GetUserIdentity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/healthcheck": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Healthcheck
         * @description Extension (not in chromadb 0.6.3): Chroma 1.x serves it, chromadb@3's generated API exposes
         *     it as `SystemService.healthcheck`, and deployment tooling probes it. Answers 200 when every
         *     internal component is ready, 503 with the same body otherwise.
         */
        get: operations["v2Healthcheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a tenant */
        post: operations["v2CreateTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        /** Get a tenant */
        get: operations["v2GetTenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set a tenant's resource name
         * @description Extension (not in chromadb 0.6.3): Chroma 1.x serves it and `chromadb@3`'s generated
         *     `TenantService.updateTenant` calls it. Sets the tenant's `resource_name` once, as Chroma's
         *     sysdb does (409 when it is already set, 404 for an unknown tenant); `GET` then answers it and
         *     collection CRNs (`GET /api/v2/collections/{crn}`) use it. (Single-node Chroma 1.x answers 200
         *     and forgets the name.)
         */
        patch: operations["v2UpdateTenant"];
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        /**
         * List the databases of a tenant
         * @description Extension (beyond the seed list and chromadb 0.6.3's v1 API; 0.6.3's own v2 router already
         *     had it): Chroma 1.x serves it and `chromadb@3`'s `AdminClient.listDatabases` calls it.
         *     Ordered by creation; an unknown tenant lists nothing.
         */
        get: operations["v2ListDatabases"];
        put?: never;
        /**
         * Create a database
         * @description As Chroma 1.x, the tenant is not checked: a database can be created under a tenant name
         *     nobody created (it is then listed and found under that name, while `GET /tenants/{tenant}`
         *     still answers 404). Names: 3-512 characters from [a-zA-Z0-9._-], starting and ending with an
         *     alphanumeric character, no `..`, not an IP address; optionally `topology+name` (each part
         *     following the same rule, as Chroma 1.x).
         */
        post: operations["v2CreateDatabase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
            };
            cookie?: never;
        };
        /** Get a database */
        get: operations["v2GetDatabase"];
        put?: never;
        post?: never;
        /**
         * Delete a database
         * @description Extension (beyond the seed list and chromadb 0.6.3's v1 API; 0.6.3's own v2 router already
         *     had it): Chroma 1.x serves it and `chromadb@3`'s `AdminClient.deleteDatabase` calls it.
         *     Deletes the database with all its collections.
         */
        delete: operations["v2DeleteDatabase"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/collections/{crn}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Chroma Resource Name `<tenant_resource_name>:<database_name>:<collection_name>`. The first
                 *     part is the tenant's `resource_name` (PATCH /api/v2/tenants/{tenant}); a tenant without
                 *     one is addressed by its name.
                 * @example acme-prod:default_database:articles
                 */
                crn: string;
            };
            cookie?: never;
        };
        /**
         * Get a collection by CRN
         * @description Extension (not in chromadb 0.6.3): Chroma 1.x serves it and `chromadb@3`'s
         *     `getCollectionByCrn` calls it. (Single-node Chroma 1.x drops the connection on a
         *     well-formed CRN.)
         */
        get: operations["v2GetCollectionByCrn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
            };
            cookie?: never;
        };
        /**
         * List collections
         * @description Ordered by creation. An unknown tenant or database lists nothing.
         */
        get: operations["v2ListCollections"];
        put?: never;
        /**
         * Create a collection (or get it with get_or_create)
         * @description With `get_or_create: true` an existing collection of that name is returned unchanged (its
         *     metadata is not replaced). `metadata` must not be an empty object nor use keys starting with
         *     `#` or `$`, and the database must exist (Chroma 1.x answers 400 "Database [x] does not
         *     exist" otherwise). The distance (`l2` default, `cosine`, `ip`) and the HNSW parameters come
         *     from `configuration.hnsw`, or, without `hnsw` and `spann` in the configuration, from the
         *     legacy metadata keys `hnsw:space`, `hnsw:construction_ef`, `hnsw:search_ef`, `hnsw:M`,
         *     `hnsw:num_threads`, `hnsw:batch_size`, `hnsw:sync_threshold`, `hnsw:resize_factor` (another
         *     `hnsw:` key or a value of the wrong type answers 400 "Failed to parse hnsw parameters from
         *     segment metadata"), or from `schema` (its `#embedding` vector index). The answer carries the
         *     resolved `configuration_json` and `schema`.
         */
        post: operations["v2CreateCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections_count": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
            };
            cookie?: never;
        };
        /** Count collections */
        get: operations["v2CountCollections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
            };
            cookie?: never;
        };
        /**
         * Get a collection by name
         * @description As upstream, the `{collection_id}` segment holds the collection's NAME here.
         */
        get: operations["v2GetCollection"];
        /**
         * Rename a collection or change its metadata / configuration
         * @description The `{collection_id}` segment holds the collection's id. `new_name` follows the naming rules
         *     of creation. `new_metadata` replaces the whole metadata (same rules as at creation; the
         *     legacy keys `hnsw:search_ef`, `hnsw:num_threads`, `hnsw:batch_size`, `hnsw:sync_threshold`,
         *     `hnsw:resize_factor` also update the configuration when `new_configuration` is absent, as
         *     Chroma's Python sysdb does; `hnsw:space` cannot change: 400). `new_configuration` changes
         *     the search/write knobs of the HNSW index (`ef_search`, `num_threads`, `batch_size`,
         *     `sync_threshold`, `resize_factor`) and the embedding function; the graph's `space`,
         *     `ef_construction` and `max_neighbors` answer 422. Configuration and schema change together.
         *     Renaming onto an existing name fails (Chroma 1.x answers a 500 InternalError carrying the
         *     SQLite unique-constraint message; chromaspec answers 409).
         */
        put: operations["v2UpdateCollection"];
        post?: never;
        /**
         * Delete a collection by name
         * @description As upstream, the `{collection_id}` segment holds the collection's NAME here.
         */
        delete: operations["v2DeleteCollection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections/by-id/{collection_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        /**
         * Get a collection by id
         * @description Extension (not in chromadb 0.6.3): Chroma 1.x serves it and `chromadb@3`'s
         *     `getCollection({ id })` path calls it.
         */
        get: operations["v2GetCollectionById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/add": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add records
         * @description Ids that already exist are skipped silently (Chroma 1.x); a repeated id inside one batch is
         *     stored once. The first embeddings written fix the collection's dimension.
         */
        post: operations["v2CollectionAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update records
         * @description Changes the given fields of existing records; ids that do not exist are ignored. A metadata
         *     key set to `null` is removed from the record's metadata.
         */
        post: operations["v2CollectionUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/upsert": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Insert or update records
         * @description Adds new ids and updates existing ones. For an existing id, fields absent from the request
         *     keep their stored value.
         */
        post: operations["v2CollectionUpsert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get records
         * @description Records matching all given filters, in insertion order. Fields not named in `include`
         *     (default `["documents", "metadatas"]`) are `null` in the result.
         */
        post: operations["v2CollectionGet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete records
         * @description Deletes the records matching all given filters and answers how many were deleted.
         */
        post: operations["v2CollectionDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/query": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Nearest-neighbour query
         * @description For each query embedding, the `n_results` (default 10) nearest records among those matching
         *     the filters, nearest first. Fields not named in `include` (default
         *     `["documents", "metadatas", "distances"]`) are `null`.
         */
        post: operations["v2CollectionQuery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/count": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        /** Count records */
        get: operations["v2CollectionCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/indexing_status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        /**
         * Indexing progress of a collection
         * @description Extension (not in chromadb 0.6.3): Chroma 1.x serves it and `chromadb@3`'s
         *     `collection.getIndexingStatus()` calls it. `op_indexing_progress` is
         *     `num_indexed_ops / total_ops`, or 1.0 when there were no operations. chromaspec indexes
         *     synchronously, so every operation is indexed. (Single-node Chroma 1.3.x answers 500
         *     "Method scout_logs is not implemented" here.)
         */
        get: operations["v2IndexingStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/search": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search records (dense, sparse and hybrid ranking)
         * @description Extension (not in chromadb 0.6.3): Chroma 1.x's Search API (`collection_search` upstream),
         *     which `chromadb@3`'s `collection.search(...)` and the Python client's `Collection.search`
         *     call; upstream's own single-node server answers it with 501. Each entry of `searches` runs
         *     independently (one batch): `filter` narrows the records (the where grammar, with `#id` and
         *     `#document` keys), `rank` scores them (`$knn` over `#embedding` or a sparse-vector metadata
         *     key, combined arithmetically; lower scores rank first; no rank means storage order),
         *     `group_by` keeps the best `k` records per group, `limit`/`offset` page the ranked list and
         *     `select` names the returned fields. Result columns come back per search; a column not
         *     selected by a search is `null` for it. Semantics follow upstream's types
         *     (rust/types/src/execution/operator.rs, plan.rs, api_types.rs) and operators
         *     (rust/worker/src/execution/operators: rank, ranked_group_by, select, sparse_index_knn, idf).
         *     Malformed payloads answer 422 (or 400, as upstream) with serde's wording; semantic checks
         *     answer 400 `Validation error: searches[i].field: ...`.
         */
        post: operations["v2CollectionSearch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/fork": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fork a collection
         * @description Extension (not in chromadb 0.6.3): Chroma 1.x's `fork_collection`, called by `chromadb@3`'s
         *     `collection.fork({name})`; upstream's single-node server answers 501. Creates `new_name` in
         *     the same database with the source's records, metadata, configuration, schema and dimension;
         *     the two collections are independent afterwards. Every fork is recorded in the lineage of
         *     the source's root collection (see `fork_count`).
         */
        post: operations["v2ForkCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/fork_count": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        /**
         * Number of forks in a collection's lineage
         * @description Extension (not in chromadb 0.6.3): Chroma 1.x's `fork_count`, called by `chromadb@3`'s
         *     `collection.forkCount()`; upstream's frontend routes it from 1.5 (1.3.x's does not). As
         *     upstream's `CountForks`, the count is the number of forks recorded in the lineage of the
         *     collection's root (the collection itself when it is no fork): every collection of one
         *     lineage answers the same number, forks of forks count, and deleting a fork does not lower
         *     it. Unlike upstream, a lineage whose root was deleted still answers its count (upstream
         *     answers 404 there).
         */
        get: operations["v2ForkCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Root (heartbeat) */
        get: operations["v1Root"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset the server
         * @description As `POST /api/v2/reset`, but chromadb 0.6.3 refuses a disabled reset with a ValueError, hence
         *     400 InvalidArgumentError.
         */
        post: operations["v1Reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server version */
        get: operations["v1Version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Heartbeat */
        get: operations["v1Heartbeat"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pre-flight-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pre-flight checks
         * @description chromadb 0.6.3 answers only `max_batch_size`; chromaspec also states base64 support.
         */
        get: operations["v1PreFlightChecks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/databases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a database */
        post: operations["v1CreateDatabase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/databases/{database}": {
        parameters: {
            query?: {
                /** @description Tenant name (v1 only; defaults to `default_tenant`). */
                tenant?: components["parameters"]["V1Tenant"];
            };
            header?: never;
            path: {
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
            };
            cookie?: never;
        };
        /** Get a database */
        get: operations["v1GetDatabase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a tenant */
        post: operations["v1CreateTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        /** Get a tenant */
        get: operations["v1GetTenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collections": {
        parameters: {
            query?: {
                /** @description Tenant name (v1 only; defaults to `default_tenant`). */
                tenant?: components["parameters"]["V1Tenant"];
                /** @description Database name (v1 only; defaults to `default_database`). */
                database?: components["parameters"]["V1Database"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List collections */
        get: operations["v1ListCollections"];
        put?: never;
        /** Create a collection (or get it with get_or_create) */
        post: operations["v1CreateCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/count_collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Count collections */
        get: operations["v1CountCollections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collections/{collection_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a collection by name
         * @description As upstream, the `{collection_id}` segment holds the collection's NAME here.
         */
        get: operations["v1GetCollection"];
        /**
         * Rename a collection or replace its metadata
         * @description The `{collection_id}` segment holds the collection's id.
         */
        put: operations["v1UpdateCollection"];
        post?: never;
        /**
         * Delete a collection by name
         * @description As upstream, the `{collection_id}` segment holds the collection's NAME here.
         */
        delete: operations["v1DeleteCollection"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collections/{collection_id}/add": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add records */
        post: operations["v1CollectionAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collections/{collection_id}/update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Update records */
        post: operations["v1CollectionUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collections/{collection_id}/upsert": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Insert or update records */
        post: operations["v1CollectionUpsert"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collections/{collection_id}/get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get records
         * @description Default `include` is `["metadatas", "documents"]`.
         */
        post: operations["v1CollectionGet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collections/{collection_id}/delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete records */
        post: operations["v1CollectionDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collections/{collection_id}/count": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        /** Count records */
        get: operations["v1CollectionCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collections/{collection_id}/query": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Nearest-neighbour query
         * @description Default `n_results` 10, default `include` `["metadatas", "documents", "distances"]`.
         */
        post: operations["v1CollectionQuery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Every error answer. */
        ErrorBody: {
            /** @description Upstream error name, e.g. InvalidArgumentError, NotFoundError, UniqueConstraintError, InternalError. */
            error: string;
            /** @description Human-readable explanation. */
            message: string;
        };
        /** @description One schema violation, in FastAPI's format. */
        ValidationError: {
            /** @description Path to the offending value, starting with `body`, `query` or `path`. */
            loc: (string | number)[];
            msg: string;
            type: string;
        };
        /** @description 422 answer; `error`/`message` like every error, plus FastAPI's `detail` list. */
        HTTPValidationError: {
            error: string;
            message: string;
            detail?: components["schemas"]["ValidationError"][];
        };
        /** @description A single metadata value (also every operand of a where filter). */
        MetadataScalar: string | number | boolean;
        /**
         * @description A metadata value: a scalar, a non-empty homogeneous list of strings, numbers or booleans
         *     (Chroma 1.x array metadata, filtered with `$contains` / `$not_contains`), or a sparse vector.
         *     A list mixing integers and floats is a list of numbers.
         */
        MetadataValue: components["schemas"]["MetadataScalar"] | string[] | number[] | boolean[] | components["schemas"]["SparseVector"];
        /**
         * @description A sparse vector (upstream `SparseVector`), as a metadata value or a search query:
         *     `indices` strictly ascending unsigned 32-bit integers, `values` of the same length (kept as
         *     float32), optional `tokens` of the same length (the strings BM25 embedded). `#type` may be
         *     omitted on input (the older form); metadata answers always carry it. Unsorted or repeated
         *     indices and unequal lengths answer 400.
         */
        SparseVector: {
            /** @constant */
            "#type"?: "sparse_vector";
            indices: number[];
            values: number[];
            tokens?: string[] | null;
        };
        /**
         * @description Key/value metadata of a record or collection. Keys are non-empty and must not start with `#`
         *     or `$` (reserved by Chroma 1.x). A value outside `MetadataValue`, a reserved key, an empty
         *     list, a list of mixed types or an invalid sparse vector is answered 400 InvalidArgumentError
         *     by the server (as upstream), not 422.
         */
        Metadata: {
            [key: string]: components["schemas"]["MetadataValue"];
        };
        /**
         * @description Metadata in an update; a key set to `null` is removed. Otherwise as `Metadata` (400
         *     InvalidArgumentError from the server for values and keys it refuses, as upstream, not 422).
         */
        UpdateMetadata: {
            [key: string]: components["schemas"]["MetadataValue"] | null;
        };
        /**
         * @description One embedding: an array of numbers, or a base64 string of its little-endian float32 bytes
         *     (advertised by `supports_base64_encoding` in pre-flight-checks).
         */
        Embedding: number[] | string;
        /**
         * @description A record field that get / query can return.
         * @enum {string}
         */
        IncludeEnum: "documents" | "embeddings" | "metadatas" | "distances" | "uris";
        /** @description Which record fields to return. */
        Include: components["schemas"]["IncludeEnum"][];
        /**
         * @description Metadata filter. Exactly one of: `{"$and": [Where, ...]}`, `{"$or": [Where, ...]}`, or a
         *     single key (not starting with `$`) mapped to a scalar (equality) or to one operator object.
         *     `$contains` / `$not_contains` with a scalar operand test membership in an array value (only
         *     array values can contain; records without the key match `$not_contains`). The key
         *     `#document` takes the document operators (`$contains`, `$not_contains`, `$regex`,
         *     `$not_regex`), as in `where_document`. Numbers compare by value (an integer-stored 2 equals
         *     2.0 and never equals 2.5). A filter outside this grammar is answered 400
         *     InvalidArgumentError (as upstream), not 422; so is a filter on a key and type whose inverted
         *     index the collection's schema disables.
         */
        Where: components["schemas"]["WhereAnd"] | components["schemas"]["WhereOr"] | components["schemas"]["WhereDocumentKey"] | components["schemas"]["WhereField"];
        WhereAnd: {
            $and: components["schemas"]["Where"][];
        };
        WhereOr: {
            $or: components["schemas"]["Where"][];
        };
        /** @description A document condition inside a where filter: `{"#document": {"$contains": "fox"}}`. */
        WhereDocumentKey: {
            "#document": {
                $contains?: string;
                $not_contains?: string;
                $regex?: string;
                $not_regex?: string;
            };
        };
        /** @description One metadata key compared with a value. */
        WhereField: {
            [key: string]: components["schemas"]["WhereFieldCondition"];
        };
        /** @description A scalar (shorthand for `$eq`) or exactly one operator. */
        WhereFieldCondition: components["schemas"]["MetadataScalar"] | components["schemas"]["WhereOperatorExpression"];
        WhereOperatorExpression: {
            $eq?: components["schemas"]["MetadataScalar"];
            $ne?: components["schemas"]["MetadataScalar"];
            $gt?: components["schemas"]["MetadataScalar"];
            $gte?: components["schemas"]["MetadataScalar"];
            $lt?: components["schemas"]["MetadataScalar"];
            $lte?: components["schemas"]["MetadataScalar"];
            $in?: components["schemas"]["MetadataScalar"][];
            $nin?: components["schemas"]["MetadataScalar"][];
            $contains?: components["schemas"]["MetadataScalar"];
            $not_contains?: components["schemas"]["MetadataScalar"];
        };
        /**
         * @description Document filter. Exactly one of `$contains`, `$not_contains`, `$regex`, `$not_regex` (a
         *     string), or `$and` / `$or` (a list of WhereDocument). A filter outside this grammar is
         *     answered 400 InvalidArgumentError (as upstream), not 422.
         */
        WhereDocument: {
            $contains: string;
        } | {
            $not_contains: string;
        } | {
            $regex: string;
        } | {
            $not_regex: string;
        } | {
            $and: components["schemas"]["WhereDocument"][];
        } | {
            $or: components["schemas"]["WhereDocument"][];
        };
        /** @description Records to add or upsert; optional arrays may be omitted or `null`. */
        AddEmbedding: {
            ids: string[];
            embeddings: components["schemas"]["Embedding"][];
            metadatas?: (components["schemas"]["Metadata"] | null)[] | null;
            documents?: (string | null)[] | null;
            uris?: (string | null)[] | null;
        };
        /** @description Fields to change on existing records; omitted or `null` arrays are left alone. */
        UpdateEmbedding: {
            ids: string[];
            embeddings?: components["schemas"]["Embedding"][] | null;
            metadatas?: (components["schemas"]["UpdateMetadata"] | null)[] | null;
            documents?: (string | null)[] | null;
            uris?: (string | null)[] | null;
        };
        /** @description Filters, paging and fields of a get. Every field is optional. */
        GetEmbedding: {
            ids?: string[] | null;
            where?: components["schemas"]["Where"] | null;
            where_document?: components["schemas"]["WhereDocument"] | null;
            /** @description Accepted for chromadb 0.6.3 compatibility; sorting is not supported. */
            sort?: string | null;
            /** @description Upstream takes an unsigned 32-bit integer (422 beyond). */
            limit?: number | null;
            /** @description Upstream takes an unsigned 32-bit integer (422 beyond). */
            offset?: number | null;
            /**
             * @default [
             *       "metadatas",
             *       "documents"
             *     ]
             */
            include?: components["schemas"]["Include"];
        };
        /** @description A nearest-neighbour query. */
        QueryEmbedding: {
            query_embeddings: components["schemas"]["Embedding"][];
            /**
             * @description Results per query embedding (`null` means 10). Chroma 1.x accepts 0 and answers empty
             *     lists; chromadb 0.6.3 answers 400 for 0.
             * @default 10
             */
            n_results?: number | null;
            /** @description Only consider these ids (Chroma 1.x). */
            ids?: string[] | null;
            where?: components["schemas"]["Where"] | null;
            where_document?: components["schemas"]["WhereDocument"] | null;
            /**
             * @default [
             *       "metadatas",
             *       "documents",
             *       "distances"
             *     ]
             */
            include?: components["schemas"]["Include"];
        };
        /**
         * @description Which records to delete; all given filters must match. No filter at all deletes nothing;
         *     `ids: []` without `where` / `where_document` answers 400 (Chroma 1.x: "Either ids or where
         *     must be specified").
         */
        DeleteEmbedding: {
            ids?: string[] | null;
            where?: components["schemas"]["Where"] | null;
            where_document?: components["schemas"]["WhereDocument"] | null;
            /**
             * @description Chroma 1.x: delete at most this many of the matching records (the first ones in insertion
             *     order); `0` deletes none. Only with `where` or `where_document` (400 otherwise).
             */
            limit?: number | null;
        };
        CreateCollection: {
            /** @description 3-512 characters from [a-zA-Z0-9._-], starting and ending with [a-zA-Z0-9] (checked by the server). */
            name: string;
            /**
             * @description Collection configuration (e.g. `{"hnsw": {"space": "cosine"}}`). Without `hnsw` and
             *     `spann`, the legacy `hnsw:*` metadata keys configure the index (as Chroma 1.x). Conflicts
             *     with a non-default `schema` (400).
             */
            configuration?: components["schemas"]["CollectionConfiguration"] | null;
            /**
             * @description Chroma 1.x index schema, merged field by field into the default schema; answered as
             *     `schema` on every collection. A non-default schema together with a non-default
             *     configuration (including an embedding function given in both) answers 400 "Cannot set
             *     both collection config and schema simultaneously".
             */
            schema?: components["schemas"]["Schema"] | null;
            metadata?: components["schemas"]["Metadata"] | null;
            /** @default false */
            get_or_create?: boolean;
        };
        UpdateCollection: {
            new_name?: string | null;
            new_metadata?: components["schemas"]["Metadata"] | null;
            /** @description Chroma 1.x; merged into `configuration_json` and the schema (e.g. `{"hnsw": {"ef_search": 50}}`). */
            new_configuration?: components["schemas"]["UpdateCollectionConfiguration"] | null;
        };
        /**
         * @description Distance function of the vector index (`l2` squared euclidean, `cosine` 1 - cos, `ip` 1 - dot).
         * @enum {string}
         */
        Space: "l2" | "cosine" | "ip";
        /**
         * @description How clients embed text for this collection (the server never embeds): `known` names an
         *     embedding function and its client-side configuration, `legacy` marks one from before Chroma
         *     1.x configurations, `unknown` an unnamed one. Stored and echoed; clients rebuild the function
         *     from it.
         */
        EmbeddingFunctionConfiguration: {
            /** @constant */
            type: "legacy";
        } | {
            /** @constant */
            type: "known";
            name: string;
            /** @description The embedding function's own configuration (any JSON value). */
            config: unknown;
        } | {
            /** @constant */
            type: "unknown";
        };
        /**
         * @description HNSW parameters at creation (Chroma 1.x `HnswConfiguration`). Omitted fields take the
         *     defaults (space l2, ef_construction 100, ef_search 100, max_neighbors 16, resize_factor 1.2,
         *     sync_threshold 1000, batch_size 100, num_threads = CPU count). Unknown fields and values of
         *     the wrong type answer 422, as upstream. chromaspec also refuses (400) values an HNSW graph
         *     cannot work with: max_neighbors below 2, sync_threshold or batch_size below 2 (upstream's own
         *     bounds), a resize_factor that is not positive.
         */
        HnswConfiguration: {
            space?: components["schemas"]["Space"] | null;
            ef_construction?: number | null;
            ef_search?: number | null;
            max_neighbors?: number | null;
            num_threads?: number | null;
            resize_factor?: number | null;
            sync_threshold?: number | null;
            batch_size?: number | null;
        };
        /**
         * @description SPANN parameters (Chroma 1.x, distributed). A single node indexes with HNSW, as upstream's
         *     single-node server does: the collection gets an HNSW index with the SPANN `space` (default
         *     l2) and default HNSW parameters, and `configuration_json` answers `hnsw` with `spann: null`.
         *     The fields are checked for type (422 otherwise), as upstream.
         */
        SpannConfiguration: {
            search_nprobe?: number | null;
            write_nprobe?: number | null;
            space?: components["schemas"]["Space"] | null;
            ef_construction?: number | null;
            ef_search?: number | null;
            max_neighbors?: number | null;
            reassign_neighbor_count?: number | null;
            split_threshold?: number | null;
            merge_threshold?: number | null;
        };
        /**
         * @description Configuration given at creation. `hnsw` and `spann` are mutually exclusive (400 "Multiple
         *     vector index configurations provided").
         */
        CollectionConfiguration: {
            hnsw?: components["schemas"]["HnswConfiguration"] | null;
            spann?: components["schemas"]["SpannConfiguration"] | null;
            embedding_function?: components["schemas"]["EmbeddingFunctionConfiguration"] | null;
        };
        /**
         * @description HNSW parameters a modify may change: search-time and write-batching knobs. The graph's shape
         *     (`space`, `ef_construction`, `max_neighbors`) is fixed at creation: those fields answer 422
         *     (upstream's server takes `max_neighbors` here and does not rebuild the graph; chromaspec and
         *     the official Python client's `UpdateHNSWConfiguration` do not offer it).
         */
        UpdateHnswConfiguration: {
            ef_search?: number | null;
            num_threads?: number | null;
            resize_factor?: number | null;
            sync_threshold?: number | null;
            batch_size?: number | null;
        };
        /** @description SPANN search knobs a modify may change (accepted for compatibility; a single node indexes with HNSW). */
        UpdateSpannConfiguration: {
            search_nprobe?: number | null;
            ef_search?: number | null;
        };
        /** @description Configuration changes of a modify; `hnsw` and `spann` are mutually exclusive (400). */
        UpdateCollectionConfiguration: {
            hnsw?: components["schemas"]["UpdateHnswConfiguration"] | null;
            spann?: components["schemas"]["UpdateSpannConfiguration"] | null;
            embedding_function?: components["schemas"]["EmbeddingFunctionConfiguration"] | null;
        };
        /**
         * @description A collection's effective configuration as answered in `configuration_json` (Chroma 1.x
         *     `CollectionConfiguration`): the HNSW parameters without the write-side `num_threads` /
         *     `batch_size` (those show in `schema`), `spann` null on a single node, and the embedding
         *     function descriptor or null.
         */
        CollectionConfigurationJson: {
            hnsw: {
                space?: components["schemas"]["Space"];
                ef_construction?: number;
                ef_search?: number;
                max_neighbors?: number;
                resize_factor?: number;
                sync_threshold?: number;
            } | null;
            spann: Record<string, unknown> | null;
            embedding_function: components["schemas"]["EmbeddingFunctionConfiguration"] | null;
        };
        /**
         * @description A collection's index schema (Chroma 1.x). `defaults` holds the index settings per value type
         *     for every metadata key; `keys` overrides them per key, including the two system keys
         *     `#document` (full-text index) and `#embedding` (the vector index, carrying the collection's
         *     space, HNSW parameters and embedding function). Resolved against upstream's defaults at
         *     creation: string / int / float / bool inverted indexes on, full-text search on `#document`,
         *     the vector index on `#embedding`, the sparse-vector index off unless enabled on one key.
         *     Keys first written by a record are added with the defaults' settings. A key whose inverted
         *     index is disabled cannot be filtered on with that value type (400).
         */
        Schema: {
            defaults: components["schemas"]["ValueTypes"];
            keys: {
                [key: string]: components["schemas"]["ValueTypes"];
            };
        };
        /** @description Index settings per value type (upstream also reads the older names `#string`, `#float_list`, ...). */
        ValueTypes: {
            string?: components["schemas"]["StringValueType"];
            float_list?: components["schemas"]["FloatListValueType"];
            sparse_vector?: components["schemas"]["SparseVectorValueType"];
            int?: components["schemas"]["IntValueType"];
            float?: components["schemas"]["FloatValueType"];
            bool?: components["schemas"]["BoolValueType"];
        };
        StringValueType: {
            fts_index?: components["schemas"]["EmptyConfigIndex"];
            string_inverted_index?: components["schemas"]["EmptyConfigIndex"];
        };
        IntValueType: {
            int_inverted_index?: components["schemas"]["EmptyConfigIndex"];
        };
        FloatValueType: {
            float_inverted_index?: components["schemas"]["EmptyConfigIndex"];
        };
        BoolValueType: {
            bool_inverted_index?: components["schemas"]["EmptyConfigIndex"];
        };
        FloatListValueType: {
            vector_index?: components["schemas"]["VectorIndexType"];
        };
        SparseVectorValueType: {
            sparse_vector_index?: components["schemas"]["SparseVectorIndexType"];
        };
        /** @description An index without parameters (full-text, string / int / float / bool inverted), on or off. */
        EmptyConfigIndex: {
            enabled: boolean;
            config: Record<string, unknown>;
        };
        VectorIndexType: {
            enabled: boolean;
            config: components["schemas"]["VectorIndexConfig"];
        };
        VectorIndexConfig: {
            space?: components["schemas"]["Space"];
            embedding_function?: components["schemas"]["EmbeddingFunctionConfiguration"];
            source_key?: string;
            hnsw?: components["schemas"]["HnswIndexConfig"];
            /** @description SPANN parameters (distributed Chroma; a single node keeps HNSW and drops these, as upstream). */
            spann?: Record<string, unknown>;
        };
        HnswIndexConfig: {
            ef_construction?: number;
            max_neighbors?: number;
            ef_search?: number;
            num_threads?: number;
            batch_size?: number;
            sync_threshold?: number;
            resize_factor?: number;
        };
        SparseVectorIndexType: {
            enabled: boolean;
            config: components["schemas"]["SparseVectorIndexConfig"];
        };
        SparseVectorIndexConfig: {
            embedding_function?: components["schemas"]["EmbeddingFunctionConfiguration"];
            source_key?: string;
            bm25?: boolean;
            /** @enum {string} */
            algorithm?: "wand" | "max_score";
        };
        UpdateTenant: {
            resource_name: string;
        };
        CreateDatabase: {
            name: string;
        };
        CreateTenant: {
            name: string;
        };
        /** @description An empty JSON object, Chroma 1.x's answer to most writes. */
        EmptyResponse: Record<string, unknown>;
        DeleteRecordsResponse: {
            deleted: number;
        };
        Tenant: {
            name: string;
            /** @description Chroma 1.x only; `null` unless set. */
            resource_name?: string | null;
        };
        Database: {
            /** Format: uuid */
            id: string;
            name: string;
            tenant: string;
        };
        Collection: {
            /** Format: uuid */
            id: string;
            name: string;
            configuration_json: components["schemas"]["CollectionConfigurationJson"];
            /** @description The collection's resolved index schema (Chroma 1.x). */
            schema?: components["schemas"]["Schema"] | null;
            metadata: components["schemas"]["Metadata"] | null;
            /** @description Embedding dimension, fixed by the first write; `null` before. */
            dimension: number | null;
            tenant: string;
            database: string;
            log_position: number;
            version: number;
        };
        /** @description A collection as chromadb 0.6.3 answers it (no `schema`; the 0.6.3 configuration shape). */
        CollectionV1: {
            /** Format: uuid */
            id: string;
            name: string;
            configuration_json: components["schemas"]["V1CollectionConfiguration"];
            metadata: components["schemas"]["Metadata"] | null;
            /** @description Embedding dimension, fixed by the first write; `null` before. */
            dimension: number | null;
            tenant: string;
            database: string;
            log_position: number;
            version: number;
        };
        /** @description chromadb 0.6.3's `CollectionConfigurationInternal` serialization of the same HNSW parameters. */
        V1CollectionConfiguration: {
            hnsw_configuration: {
                space: components["schemas"]["Space"];
                ef_construction: number;
                ef_search: number;
                num_threads: number;
                M: number;
                resize_factor: number;
                batch_size: number;
                sync_threshold: number;
                /** @constant */
                _type: "HNSWConfigurationInternal";
            };
            /** @constant */
            _type: "CollectionConfigurationInternal";
        };
        /** @description Parallel arrays, one entry per record; fields not in `include` are `null`. */
        GetResult: {
            ids: string[];
            embeddings: number[][] | null;
            documents: (string | null)[] | null;
            uris: (string | null)[] | null;
            metadatas: (components["schemas"]["Metadata"] | null)[] | null;
            include: components["schemas"]["Include"];
        };
        /** @description One list per query embedding, nearest first; fields not in `include` are `null`. */
        QueryResult: {
            ids: string[][];
            embeddings: number[][][] | null;
            documents: (string | null)[][] | null;
            uris: (string | null)[][] | null;
            metadatas: (components["schemas"]["Metadata"] | null)[][] | null;
            distances: number[][] | null;
            include: components["schemas"]["Include"];
        };
        /** @description chromadb 0.6.3's get answer (`included` instead of `include`, plus an always-null `data`). */
        V1GetResult: {
            ids: string[];
            embeddings: number[][] | null;
            documents: (string | null)[] | null;
            uris: (string | null)[] | null;
            data: null;
            metadatas: (components["schemas"]["Metadata"] | null)[] | null;
            included: components["schemas"]["Include"];
        };
        /** @description chromadb 0.6.3's query answer (`included` instead of `include`, plus an always-null `data`). */
        V1QueryResult: {
            ids: string[][];
            embeddings: number[][][] | null;
            documents: (string | null)[][] | null;
            uris: (string | null)[][] | null;
            data: null;
            metadatas: (components["schemas"]["Metadata"] | null)[][] | null;
            distances: number[][] | null;
            included: components["schemas"]["Include"];
        };
        UserIdentity: {
            user_id: string;
            tenant: string;
            databases: string[];
        };
        HeartbeatResponse: {
            "nanosecond heartbeat": number;
        };
        PreFlightChecks: {
            max_batch_size: number;
            /** @description Chroma 1.x; when true, clients may send embeddings as base64 strings. */
            supports_base64_encoding?: boolean;
        };
        HealthcheckResponse: {
            is_executor_ready: boolean;
            is_log_client_ready: boolean;
        };
        IndexingStatusResponse: {
            op_indexing_progress: number;
            num_unindexed_ops: number;
            num_indexed_ops: number;
            total_ops: number;
        };
        /**
         * @description Upstream's consistency knob for search (index only, index plus write-ahead log, ...).
         *     chromaspec applies every acknowledged write to its indexes before answering it, so every
         *     level reads everything written; the value is validated and otherwise has no effect.
         * @enum {string}
         */
        ReadLevel: "index_and_wal" | "index_only" | "index_and_bounded_wal";
        /**
         * @description A batch of searches over one collection (upstream `SearchRequestPayload`). The server checks
         *     the payload itself, with upstream's (serde's) wording, so a malformed search answers
         *     422/400 from the core rather than from the schema layer.
         */
        SearchRequestPayload: {
            searches: components["schemas"]["SearchPayload"][];
            read_level?: components["schemas"]["ReadLevel"];
        };
        /**
         * @description One search (upstream `SearchPayload`); every part is optional. Unknown fields are ignored,
         *     as upstream does.
         */
        SearchPayload: {
            /**
             * @description The where clause itself (not wrapped): `null` or `{}` for none. `query_ids` of other
             *     clients arrive as `{"#id": {"$in": [...]}}`.
             */
            filter?: components["schemas"]["SearchWhere"] | Record<string, unknown> | null;
            /** @description How records are scored (lower first); `null` or absent keeps storage order. */
            rank?: components["schemas"]["RankExpression"] | null;
            group_by?: components["schemas"]["SearchGroupBy"];
            limit?: components["schemas"]["SearchLimit"];
            select?: components["schemas"]["SearchSelect"];
        };
        /**
         * @description The search filter: upstream's where grammar over metadata keys (see `Where`), plus the
         *     reserved keys `#id` (`$eq`, `$ne`, `$in`, `$nin` on record ids) and `#document`
         *     (`$contains`, `$not_contains`, `$regex`, `$not_regex` on the document), freely combined
         *     with `$and` / `$or`.
         */
        SearchWhere: components["schemas"]["SearchWhereAnd"] | components["schemas"]["SearchWhereOr"] | components["schemas"]["SearchIdCondition"] | components["schemas"]["SearchDocumentCondition"] | components["schemas"]["WhereField"];
        SearchWhereAnd: {
            $and: components["schemas"]["SearchWhere"][];
        };
        SearchWhereOr: {
            $or: components["schemas"]["SearchWhere"][];
        };
        /** @description A condition on record ids. */
        SearchIdCondition: {
            "#id": string | {
                $eq?: string;
                $ne?: string;
                $in?: string[];
                $nin?: string[];
            };
        };
        /** @description A condition on the document text (substring or Rust-syntax regular expression). */
        SearchDocumentCondition: {
            "#document": {
                $contains?: string;
                $not_contains?: string;
                $regex?: string;
                $not_regex?: string;
            };
        };
        /**
         * @description A score per record (upstream `RankExpr`), lower is better. `$knn` scores the records among
         *     its `limit` nearest; the others take its `default`, or drop out of the result when it has
         *     none. Arithmetic is float32 as upstream: `$sum`/`$mul`/`$max`/`$min` over lists,
         *     `$sub`/`$div` over `left`/`right`, `$abs`/`$exp`/`$log` over one expression, `$val` a
         *     constant. Reciprocal rank fusion (the clients' `Rrf`) is built from these.
         */
        RankExpression: components["schemas"]["RankKnn"] | {
            $val: number;
        } | {
            $sum: components["schemas"]["RankExpressionList"];
        } | {
            $mul: components["schemas"]["RankExpressionList"];
        } | {
            $max: components["schemas"]["RankExpressionList"];
        } | {
            $min: components["schemas"]["RankExpressionList"];
        } | {
            $sub: components["schemas"]["RankExpressionPair"];
        } | {
            $div: components["schemas"]["RankExpressionPair"];
        } | {
            $abs: components["schemas"]["RankExpression"];
        } | {
            $exp: components["schemas"]["RankExpression"];
        } | {
            $log: components["schemas"]["RankExpression"];
        };
        RankExpressionList: components["schemas"]["RankExpression"][];
        RankExpressionPair: {
            left: components["schemas"]["RankExpression"];
            right: components["schemas"]["RankExpression"];
        };
        RankKnn: {
            /**
             * @description The `limit` nearest records to `query` on `key`: a dense query searches `#embedding`
             *     (distance in the collection's space), a sparse query searches the metadata key whose
             *     sparse-vector index the collection's schema enables (score `1 - query · record`, exact;
             *     with the index's `bm25` option the query is first weighted by IDF from the collection's
             *     statistics). `return_rank` scores by position (0, 1, ...) instead.
             */
            $knn: {
                query: components["schemas"]["QueryVector"];
                /** @default #embedding */
                key?: string;
                /** @default 16 */
                limit?: number;
                default?: number | null;
                /** @default false */
                return_rank?: boolean;
            };
        };
        /** @description A dense query (list of numbers) or a sparse one. */
        QueryVector: number[] | components["schemas"]["SparseVector"];
        /**
         * @description Groups ranked records by the values of metadata `keys` (a missing key is its own group)
         *     and keeps, per group, the `k` records with the smallest (`$min_k`) or largest (`$max_k`)
         *     values of the aggregate's keys (`#score` or metadata keys); needs a `rank`.
         */
        SearchGroupBy: {
            keys?: string[];
            aggregate?: components["schemas"]["SearchAggregate"] | null;
        };
        SearchAggregate: {
            $min_k: components["schemas"]["SearchAggregateArguments"];
        } | {
            $max_k: components["schemas"]["SearchAggregateArguments"];
        };
        SearchAggregateArguments: {
            keys: string[];
            k: number;
        };
        /** @description Paging of the ranked list; no `limit` means every record. */
        SearchLimit: {
            /** @default 0 */
            offset?: number;
            limit?: number | null;
        };
        /**
         * @description Fields to return: `#document`, `#embedding`, `#metadata` (all keys), `#score`, or
         *     metadata keys (only those keys of each record's metadata). Ids are always returned.
         */
        SearchSelect: {
            keys?: string[];
        };
        /**
         * @description One entry per search in each column. `documents`, `embeddings`, `metadatas` and `scores`
         *     are `null` for a search that did not select them; `select` lists each search's selected
         *     keys in upstream's order (`#document`, `#embedding`, `#metadata`, `#score`, then metadata
         *     keys). A score that is not a finite number (e.g. the log of a negative) is `null`.
         */
        SearchResponse: {
            ids: string[][];
            documents: ((string | null)[] | null)[];
            embeddings: ((number[] | null)[] | null)[];
            metadatas: ((components["schemas"]["Metadata"] | null)[] | null)[];
            scores: ((number | null)[] | null)[];
            select: string[][];
        };
        ForkCollectionPayload: {
            /** @description Name of the new collection (the usual collection-name rules apply). */
            new_name: string;
        };
        ForkCountResponse: {
            count: number;
        };
    };
    responses: {
        /** @description Current time in nanoseconds since the epoch. */
        Heartbeat: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HeartbeatResponse"];
            };
        };
        /** @description Version string. */
        Version: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": string;
            };
        };
        /** @description A non-negative integer. */
        Count: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": number;
            };
        };
        /** @description Done; the body is an empty object. */
        EmptyOk: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EmptyResponse"];
            };
        };
        /** @description Done; chromadb 0.6.3 answers JSON `null`. */
        V1Null: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": null;
            };
        };
        /** @description A semantic check failed (array lengths, embedding dimension, metadata rules, ...). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description A filter or argument is invalid. */
        BadFilter: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description A search payload that deserializes but fails upstream's validation, a filter or rank that
         *     the collection cannot serve, or a query vector of the wrong dimension.
         */
        BadSearch: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The collection id is not a UUID. */
        InvalidCollectionId: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No such database. */
        DatabaseNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No tenant with this name. */
        TenantNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No collection with this name. */
        CollectionNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No collection with this id. */
        CollectionIdNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No such collection (chromadb 0.6.3 answers 400 InvalidCollection, not 404). */
        V1InvalidCollection: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description chromadb 0.6.3's 400 answers (unknown collection id, failed semantic checks). */
        V1BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Malformed JSON, or a body / parameter that does not match this schema. */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["HTTPValidationError"];
            };
        };
        /** @description Unexpected server failure. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: {
        /**
         * @description Tenant name.
         * @example default_tenant
         */
        Tenant: string;
        /**
         * @description Database name.
         * @example default_database
         */
        Database: string;
        /**
         * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
         * @example 67fc0f93-69ef-4075-9716-2d5776d75125
         */
        CollectionIdSegment: string;
        /**
         * @description Collection NAME (upstream reuses the `{collection_id}` template for it on GET and DELETE).
         * @example articles
         */
        CollectionNameSegment: string;
        /**
         * @description Return at most this many items (an unsigned 32-bit integer, as upstream).
         * @example 10
         */
        Limit: number;
        /**
         * @description Skip this many items first (an unsigned 32-bit integer, as upstream).
         * @example 0
         */
        Offset: number;
        /** @description Tenant name (v1 only; defaults to `default_tenant`). */
        V1Tenant: string;
        /** @description Database name (v1 only; defaults to `default_database`). */
        V1Database: string;
    };
    requestBodies: {
        /**
         * @description Parallel arrays: index i of every given array belongs to record `ids[i]`. All given arrays
         *     must have the same length (checked by the server: 400).
         */
        Add: {
            content: {
                "application/json": components["schemas"]["AddEmbedding"];
            };
        };
        Update: {
            content: {
                "application/json": components["schemas"]["UpdateEmbedding"];
            };
        };
        Get: {
            content: {
                "application/json": components["schemas"]["GetEmbedding"];
            };
        };
        Delete: {
            content: {
                "application/json": components["schemas"]["DeleteEmbedding"];
            };
        };
        Query: {
            content: {
                "application/json": components["schemas"]["QueryEmbedding"];
            };
        };
    };
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    v2Root: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Heartbeat"];
            500: components["responses"]["InternalError"];
        };
    };
    v2Reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reset done; the body is `true`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": boolean;
                };
            };
            /** @description Reset is not enabled on this server (Chroma 1.x names this error `ChromaError`). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    v2Version: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Version"];
        };
    };
    v2Heartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Heartbeat"];
            500: components["responses"]["InternalError"];
        };
    };
    v2PreFlightChecks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server limits and capabilities. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreFlightChecks"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    v2GetUserIdentity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's identity. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserIdentity"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    v2Healthcheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthcheckResponse"];
                };
            };
            /** @description Not ready yet. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthcheckResponse"];
                };
            };
        };
    };
    v2CreateTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTenant"];
            };
        };
        responses: {
            200: components["responses"]["EmptyOk"];
            /** @description The name breaks the naming rules (at least 3 characters). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A tenant with this name exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2GetTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description No such tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    v2UpdateTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTenant"];
            };
        };
        responses: {
            200: components["responses"]["EmptyOk"];
            404: components["responses"]["TenantNotFound"];
            /** @description The tenant already has a resource name. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2ListDatabases: {
        parameters: {
            query?: {
                /**
                 * @description Return at most this many items (an unsigned 32-bit integer, as upstream).
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Skip this many items first (an unsigned 32-bit integer, as upstream).
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The databases. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Database"][];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2CreateDatabase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDatabase"];
            };
        };
        responses: {
            200: components["responses"]["EmptyOk"];
            /** @description The name breaks the naming rules. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description The tenant already has a database with this name. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2GetDatabase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Database"];
                };
            };
            404: components["responses"]["DatabaseNotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    v2DeleteDatabase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EmptyOk"];
            /** @description No such database. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    v2GetCollectionByCrn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Chroma Resource Name `<tenant_resource_name>:<database_name>:<collection_name>`. The first
                 *     part is the tenant's `resource_name` (PATCH /api/v2/tenants/{tenant}); a tenant without
                 *     one is addressed by its name.
                 * @example acme-prod:default_database:articles
                 */
                crn: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"];
                };
            };
            /** @description Not three non-empty parts separated by `:`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: components["responses"]["CollectionNotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    v2ListCollections: {
        parameters: {
            query?: {
                /**
                 * @description Return at most this many items (an unsigned 32-bit integer, as upstream).
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Skip this many items first (an unsigned 32-bit integer, as upstream).
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collections. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"][];
                };
            };
            /** @description A query parameter is not a non-negative integer (Chroma 1.x answers 400 here). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2CreateCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCollection"];
            };
        };
        responses: {
            /** @description The created (or existing) collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"];
                };
            };
            /** @description Invalid name or metadata. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A collection with this name exists and `get_or_create` is false. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2CountCollections: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Count"];
            500: components["responses"]["InternalError"];
        };
    };
    v2GetCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection NAME (upstream reuses the `{collection_id}` template for it on GET and DELETE).
                 * @example articles
                 */
                collection_id: components["parameters"]["CollectionNameSegment"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"];
                };
            };
            404: components["responses"]["CollectionNotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    v2UpdateCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCollection"];
            };
        };
        responses: {
            200: components["responses"]["EmptyOk"];
            /** @description Invalid name, metadata or configuration. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: components["responses"]["CollectionIdNotFound"];
            /** @description Another collection already has the new name. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2DeleteCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection NAME (upstream reuses the `{collection_id}` template for it on GET and DELETE).
                 * @example articles
                 */
                collection_id: components["parameters"]["CollectionNameSegment"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EmptyOk"];
            404: components["responses"]["CollectionNotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    v2GetCollectionById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"];
                };
            };
            400: components["responses"]["InvalidCollectionId"];
            /** @description No collection with this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    v2CollectionAdd: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Add"];
        responses: {
            /** @description Added; Chroma 1.x answers an empty object. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmptyResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["CollectionIdNotFound"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2CollectionUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Update"];
        responses: {
            200: components["responses"]["EmptyOk"];
            400: components["responses"]["BadRequest"];
            404: components["responses"]["CollectionIdNotFound"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2CollectionUpsert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Add"];
        responses: {
            200: components["responses"]["EmptyOk"];
            400: components["responses"]["BadRequest"];
            404: components["responses"]["CollectionIdNotFound"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2CollectionGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Get"];
        responses: {
            /** @description The matching records. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetResult"];
                };
            };
            400: components["responses"]["BadFilter"];
            404: components["responses"]["CollectionIdNotFound"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2CollectionDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Delete"];
        responses: {
            /** @description Number of records deleted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteRecordsResponse"];
                };
            };
            400: components["responses"]["BadFilter"];
            404: components["responses"]["CollectionIdNotFound"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2CollectionQuery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Query"];
        responses: {
            /** @description One result list per query embedding. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueryResult"];
                };
            };
            400: components["responses"]["BadFilter"];
            404: components["responses"]["CollectionIdNotFound"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2CollectionCount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Count"];
            400: components["responses"]["InvalidCollectionId"];
            404: components["responses"]["CollectionIdNotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    v2IndexingStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Indexing progress. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndexingStatusResponse"];
                };
            };
            400: components["responses"]["InvalidCollectionId"];
            404: components["responses"]["CollectionIdNotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    v2CollectionSearch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SearchRequestPayload"];
            };
        };
        responses: {
            /** @description One list per search, best first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResponse"];
                };
            };
            400: components["responses"]["BadSearch"];
            404: components["responses"]["CollectionIdNotFound"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2ForkCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForkCollectionPayload"];
            };
        };
        responses: {
            /** @description The new collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["CollectionIdNotFound"];
            /** @description A collection named `new_name` exists in the database. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v2ForkCount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The number of forks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForkCountResponse"];
                };
            };
            400: components["responses"]["InvalidCollectionId"];
            404: components["responses"]["CollectionIdNotFound"];
            500: components["responses"]["InternalError"];
        };
    };
    v1Root: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Heartbeat"];
            500: components["responses"]["InternalError"];
        };
    };
    v1Reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reset done; the body is `true`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": boolean;
                };
            };
            /** @description Reset is not enabled on this server. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    v1Version: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Version"];
        };
    };
    v1Heartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Heartbeat"];
            500: components["responses"]["InternalError"];
        };
    };
    v1PreFlightChecks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server limits. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreFlightChecks"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    v1CreateDatabase: {
        parameters: {
            query?: {
                /** @description Tenant name (v1 only; defaults to `default_tenant`). */
                tenant?: components["parameters"]["V1Tenant"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDatabase"];
            };
        };
        responses: {
            200: components["responses"]["V1Null"];
            /** @description The name is shorter than 3 characters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            404: components["responses"]["TenantNotFound"];
            /** @description The tenant already has a database with this name. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v1GetDatabase: {
        parameters: {
            query?: {
                /** @description Tenant name (v1 only; defaults to `default_tenant`). */
                tenant?: components["parameters"]["V1Tenant"];
            };
            header?: never;
            path: {
                /**
                 * @description Database name.
                 * @example default_database
                 */
                database: components["parameters"]["Database"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Database"];
                };
            };
            /** @description No such database. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    v1CreateTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTenant"];
            };
        };
        responses: {
            200: components["responses"]["V1Null"];
            /** @description The name is shorter than 3 characters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A tenant with this name exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v1GetTenant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Tenant name.
                 * @example default_tenant
                 */
                tenant: components["parameters"]["Tenant"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tenant. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            /** @description No such tenant. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    v1ListCollections: {
        parameters: {
            query?: {
                /** @description Tenant name (v1 only; defaults to `default_tenant`). */
                tenant?: components["parameters"]["V1Tenant"];
                /** @description Database name (v1 only; defaults to `default_database`). */
                database?: components["parameters"]["V1Database"];
                /**
                 * @description Return at most this many items (an unsigned 32-bit integer, as upstream).
                 * @example 10
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Skip this many items first (an unsigned 32-bit integer, as upstream).
                 * @example 0
                 */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collections. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionV1"][];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v1CreateCollection: {
        parameters: {
            query?: {
                /** @description Tenant name (v1 only; defaults to `default_tenant`). */
                tenant?: components["parameters"]["V1Tenant"];
                /** @description Database name (v1 only; defaults to `default_database`). */
                database?: components["parameters"]["V1Database"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCollection"];
            };
        };
        responses: {
            /** @description The created (or existing) collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionV1"];
                };
            };
            /** @description Invalid name or metadata. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description A collection with this name exists and `get_or_create` is false. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v1CountCollections: {
        parameters: {
            query?: {
                /** @description Tenant name (v1 only; defaults to `default_tenant`). */
                tenant?: components["parameters"]["V1Tenant"];
                /** @description Database name (v1 only; defaults to `default_database`). */
                database?: components["parameters"]["V1Database"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Count"];
            500: components["responses"]["InternalError"];
        };
    };
    v1GetCollection: {
        parameters: {
            query?: {
                /** @description Tenant name (v1 only; defaults to `default_tenant`). */
                tenant?: components["parameters"]["V1Tenant"];
                /** @description Database name (v1 only; defaults to `default_database`). */
                database?: components["parameters"]["V1Database"];
            };
            header?: never;
            path: {
                /**
                 * @description Collection NAME (upstream reuses the `{collection_id}` template for it on GET and DELETE).
                 * @example articles
                 */
                collection_id: components["parameters"]["CollectionNameSegment"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionV1"];
                };
            };
            400: components["responses"]["V1InvalidCollection"];
            500: components["responses"]["InternalError"];
        };
    };
    v1UpdateCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCollection"];
            };
        };
        responses: {
            200: components["responses"]["V1Null"];
            400: components["responses"]["V1InvalidCollection"];
            /** @description Another collection already has the new name. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v1DeleteCollection: {
        parameters: {
            query?: {
                /** @description Tenant name (v1 only; defaults to `default_tenant`). */
                tenant?: components["parameters"]["V1Tenant"];
                /** @description Database name (v1 only; defaults to `default_database`). */
                database?: components["parameters"]["V1Database"];
            };
            header?: never;
            path: {
                /**
                 * @description Collection NAME (upstream reuses the `{collection_id}` template for it on GET and DELETE).
                 * @example articles
                 */
                collection_id: components["parameters"]["CollectionNameSegment"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["V1Null"];
            /** @description No such collection (0.6.3 raises a ValueError, hence InvalidArgumentError). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    v1CollectionAdd: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Add"];
        responses: {
            /** @description Added; chromadb 0.6.3 answers `true`. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": boolean;
                };
            };
            400: components["responses"]["V1BadRequest"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v1CollectionUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Update"];
        responses: {
            200: components["responses"]["V1Null"];
            400: components["responses"]["V1BadRequest"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v1CollectionUpsert: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Add"];
        responses: {
            200: components["responses"]["V1Null"];
            400: components["responses"]["V1BadRequest"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v1CollectionGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Get"];
        responses: {
            /** @description The matching records (0.6.3 shape, with `included` and `data`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1GetResult"];
                };
            };
            400: components["responses"]["V1BadRequest"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v1CollectionDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Delete"];
        responses: {
            200: components["responses"]["V1Null"];
            400: components["responses"]["V1BadRequest"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
    v1CollectionCount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["Count"];
            400: components["responses"]["V1BadRequest"];
            500: components["responses"]["InternalError"];
        };
    };
    v1CollectionQuery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Collection id (a UUID; other strings answer 400 "Collection ID is not a valid UUIDv4" in v2).
                 * @example 67fc0f93-69ef-4075-9716-2d5776d75125
                 */
                collection_id: components["parameters"]["CollectionIdSegment"];
            };
            cookie?: never;
        };
        requestBody: components["requestBodies"]["Query"];
        responses: {
            /** @description One result list per query embedding (0.6.3 shape, with `included` and `data`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["V1QueryResult"];
                };
            };
            400: components["responses"]["V1BadRequest"];
            422: components["responses"]["UnprocessableEntity"];
            500: components["responses"]["InternalError"];
        };
    };
}
