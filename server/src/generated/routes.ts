// generated from openapi.yaml by codegen — do not edit.
// Regenerate with `make codegen` (npm run generate -w codegen) after changing openapi.yaml.
// Route table: one entry per operation, in spec order.

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

/** A JSON Schema (OpenAPI 3.1 dialect) exactly as written in openapi.yaml. */
export type JsonSchema = { [key: string]: unknown } | boolean;

export type OperationId =
  | "v2Root"
  | "v2Reset"
  | "v2Version"
  | "v2Heartbeat"
  | "v2PreFlightChecks"
  | "v2GetUserIdentity"
  | "v2Healthcheck"
  | "v2CreateTenant"
  | "v2GetTenant"
  | "v2ListDatabases"
  | "v2CreateDatabase"
  | "v2GetDatabase"
  | "v2DeleteDatabase"
  | "v2ListCollections"
  | "v2CreateCollection"
  | "v2CountCollections"
  | "v2GetCollection"
  | "v2UpdateCollection"
  | "v2DeleteCollection"
  | "v2GetCollectionById"
  | "v2CollectionAdd"
  | "v2CollectionUpdate"
  | "v2CollectionUpsert"
  | "v2CollectionGet"
  | "v2CollectionDelete"
  | "v2CollectionQuery"
  | "v2CollectionCount"
  | "v2IndexingStatus"
  | "v2CollectionSearch"
  | "v1Root"
  | "v1Reset"
  | "v1Version"
  | "v1Heartbeat"
  | "v1PreFlightChecks"
  | "v1CreateDatabase"
  | "v1GetDatabase"
  | "v1CreateTenant"
  | "v1GetTenant"
  | "v1ListCollections"
  | "v1CreateCollection"
  | "v1CountCollections"
  | "v1GetCollection"
  | "v1UpdateCollection"
  | "v1DeleteCollection"
  | "v1CollectionAdd"
  | "v1CollectionUpdate"
  | "v1CollectionUpsert"
  | "v1CollectionGet"
  | "v1CollectionDelete"
  | "v1CollectionCount"
  | "v1CollectionQuery";

export interface RouteDefinition {
  operationId: OperationId;
  method: HttpMethod;
  /** OpenAPI path template, e.g. /api/v2/tenants/{tenant} */
  path: string;
  /** The same path in fastify syntax, e.g. /api/v2/tenants/:tenant */
  fastifyPath: string;
  summary: string | null;
  /** The operation's 2xx status codes, ascending. */
  successStatus: readonly number[];
  request: {
    /** Object schema of the path parameters, null when there are none. */
    params: JsonSchema | null;
    /** Object schema of the query parameters, null when there are none. */
    querystring: JsonSchema | null;
    /** application/json request body schema, null when the operation takes no body. */
    body: JsonSchema | null;
    bodyRequired: boolean;
  };
  /** Response schemas by status code as written in the spec ("200", "404", "default"). */
  responses: { readonly [status: string]: { mediaType: string | null; schema: JsonSchema | null } };
}

export const routes: readonly RouteDefinition[] = [
  {
    operationId: "v2Root",
    method: "GET",
    path: "/api/v2",
    fastifyPath: "/api/v2",
    summary: "Root (heartbeat)",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HeartbeatResponse"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2Reset",
    method: "POST",
    path: "/api/v2/reset",
    fastifyPath: "/api/v2/reset",
    summary: "Reset the server",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "boolean"
        }
      },
      "403": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2Version",
    method: "GET",
    path: "/api/v2/version",
    fastifyPath: "/api/v2/version",
    summary: "Server version",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "string"
        }
      }
    },
  },
  {
    operationId: "v2Heartbeat",
    method: "GET",
    path: "/api/v2/heartbeat",
    fastifyPath: "/api/v2/heartbeat",
    summary: "Heartbeat",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HeartbeatResponse"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2PreFlightChecks",
    method: "GET",
    path: "/api/v2/pre-flight-checks",
    fastifyPath: "/api/v2/pre-flight-checks",
    summary: "Pre-flight checks",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/PreFlightChecks"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2GetUserIdentity",
    method: "GET",
    path: "/api/v2/auth/identity",
    fastifyPath: "/api/v2/auth/identity",
    summary: "Identity of the caller",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/UserIdentity"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2Healthcheck",
    method: "GET",
    path: "/api/v2/healthcheck",
    fastifyPath: "/api/v2/healthcheck",
    summary: "Healthcheck",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HealthcheckResponse"
        }
      },
      "503": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HealthcheckResponse"
        }
      }
    },
  },
  {
    operationId: "v2CreateTenant",
    method: "POST",
    path: "/api/v2/tenants",
    fastifyPath: "/api/v2/tenants",
    summary: "Create a tenant",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: {
        "$ref": "#/components/schemas/CreateTenant"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/EmptyResponse"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "409": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2GetTenant",
    method: "GET",
    path: "/api/v2/tenants/{tenant}",
    fastifyPath: "/api/v2/tenants/:tenant",
    summary: "Get a tenant",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          }
        },
        "required": [
          "tenant"
        ]
      },
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/Tenant"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2ListDatabases",
    method: "GET",
    path: "/api/v2/tenants/{tenant}/databases",
    fastifyPath: "/api/v2/tenants/:tenant/databases",
    summary: "List the databases of a tenant",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          }
        },
        "required": [
          "tenant"
        ]
      },
      querystring: {
        "type": "object",
        "properties": {
          "limit": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295
          },
          "offset": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295
          }
        }
      },
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/Database"
          }
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2CreateDatabase",
    method: "POST",
    path: "/api/v2/tenants/{tenant}/databases",
    fastifyPath: "/api/v2/tenants/:tenant/databases",
    summary: "Create a database",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          }
        },
        "required": [
          "tenant"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/CreateDatabase"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/EmptyResponse"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "409": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2GetDatabase",
    method: "GET",
    path: "/api/v2/tenants/{tenant}/databases/{database}",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database",
    summary: "Get a database",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database"
        ]
      },
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/Database"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2DeleteDatabase",
    method: "DELETE",
    path: "/api/v2/tenants/{tenant}/databases/{database}",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database",
    summary: "Delete a database",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database"
        ]
      },
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/EmptyResponse"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2ListCollections",
    method: "GET",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections",
    summary: "List collections",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database"
        ]
      },
      querystring: {
        "type": "object",
        "properties": {
          "limit": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295
          },
          "offset": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295
          }
        }
      },
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/Collection"
          }
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2CreateCollection",
    method: "POST",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections",
    summary: "Create a collection (or get it with get_or_create)",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/CreateCollection"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/Collection"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "409": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2CountCollections",
    method: "GET",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections_count",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections_count",
    summary: "Count collections",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database"
        ]
      },
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "integer",
          "minimum": 0
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2GetCollection",
    method: "GET",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id",
    summary: "Get a collection by name",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          },
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database",
          "collection_id"
        ]
      },
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/Collection"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2UpdateCollection",
    method: "PUT",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id",
    summary: "Rename a collection or change its metadata / configuration",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          },
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database",
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/UpdateCollection"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/EmptyResponse"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "409": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2DeleteCollection",
    method: "DELETE",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id",
    summary: "Delete a collection by name",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          },
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database",
          "collection_id"
        ]
      },
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/EmptyResponse"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2GetCollectionById",
    method: "GET",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections/by-id/{collection_id}",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/by-id/:collection_id",
    summary: "Get a collection by id",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          },
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database",
          "collection_id"
        ]
      },
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/Collection"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2CollectionAdd",
    method: "POST",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/add",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/add",
    summary: "Add records",
    successStatus: [201],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          },
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database",
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/AddEmbedding"
      },
      bodyRequired: true,
    },
    responses: {
      "201": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/EmptyResponse"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2CollectionUpdate",
    method: "POST",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/update",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/update",
    summary: "Update records",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          },
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database",
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/UpdateEmbedding"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/EmptyResponse"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2CollectionUpsert",
    method: "POST",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/upsert",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/upsert",
    summary: "Insert or update records",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          },
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database",
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/AddEmbedding"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/EmptyResponse"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2CollectionGet",
    method: "POST",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/get",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/get",
    summary: "Get records",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          },
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database",
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/GetEmbedding"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/GetResult"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2CollectionDelete",
    method: "POST",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/delete",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/delete",
    summary: "Delete records",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          },
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database",
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/DeleteEmbedding"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/DeleteRecordsResponse"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2CollectionQuery",
    method: "POST",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/query",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/query",
    summary: "Nearest-neighbour query",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          },
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database",
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/QueryEmbedding"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/QueryResult"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2CollectionCount",
    method: "GET",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/count",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/count",
    summary: "Count records",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          },
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database",
          "collection_id"
        ]
      },
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "integer",
          "minimum": 0
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2IndexingStatus",
    method: "GET",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/indexing_status",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/indexing_status",
    summary: "Indexing progress of a collection",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          },
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database",
          "collection_id"
        ]
      },
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/IndexingStatusResponse"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v2CollectionSearch",
    method: "POST",
    path: "/api/v2/tenants/{tenant}/databases/{database}/collections/{collection_id}/search",
    fastifyPath: "/api/v2/tenants/:tenant/databases/:database/collections/:collection_id/search",
    summary: "Search records (dense, sparse and hybrid ranking)",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          },
          "database": {
            "type": "string"
          },
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "tenant",
          "database",
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/SearchRequestPayload"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/SearchResponse"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1Root",
    method: "GET",
    path: "/api/v1",
    fastifyPath: "/api/v1",
    summary: "Root (heartbeat)",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HeartbeatResponse"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1Reset",
    method: "POST",
    path: "/api/v1/reset",
    fastifyPath: "/api/v1/reset",
    summary: "Reset the server",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "boolean"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1Version",
    method: "GET",
    path: "/api/v1/version",
    fastifyPath: "/api/v1/version",
    summary: "Server version",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "string"
        }
      }
    },
  },
  {
    operationId: "v1Heartbeat",
    method: "GET",
    path: "/api/v1/heartbeat",
    fastifyPath: "/api/v1/heartbeat",
    summary: "Heartbeat",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HeartbeatResponse"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1PreFlightChecks",
    method: "GET",
    path: "/api/v1/pre-flight-checks",
    fastifyPath: "/api/v1/pre-flight-checks",
    summary: "Pre-flight checks",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/PreFlightChecks"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1CreateDatabase",
    method: "POST",
    path: "/api/v1/databases",
    fastifyPath: "/api/v1/databases",
    summary: "Create a database",
    successStatus: [200],
    request: {
      params: null,
      querystring: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string",
            "default": "default_tenant"
          }
        }
      },
      body: {
        "$ref": "#/components/schemas/CreateDatabase"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "null"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "409": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1GetDatabase",
    method: "GET",
    path: "/api/v1/databases/{database}",
    fastifyPath: "/api/v1/databases/:database",
    summary: "Get a database",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "database": {
            "type": "string"
          }
        },
        "required": [
          "database"
        ]
      },
      querystring: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string",
            "default": "default_tenant"
          }
        }
      },
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/Database"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1CreateTenant",
    method: "POST",
    path: "/api/v1/tenants",
    fastifyPath: "/api/v1/tenants",
    summary: "Create a tenant",
    successStatus: [200],
    request: {
      params: null,
      querystring: null,
      body: {
        "$ref": "#/components/schemas/CreateTenant"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "null"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "409": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1GetTenant",
    method: "GET",
    path: "/api/v1/tenants/{tenant}",
    fastifyPath: "/api/v1/tenants/:tenant",
    summary: "Get a tenant",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string"
          }
        },
        "required": [
          "tenant"
        ]
      },
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/Tenant"
        }
      },
      "404": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1ListCollections",
    method: "GET",
    path: "/api/v1/collections",
    fastifyPath: "/api/v1/collections",
    summary: "List collections",
    successStatus: [200],
    request: {
      params: null,
      querystring: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string",
            "default": "default_tenant"
          },
          "database": {
            "type": "string",
            "default": "default_database"
          },
          "limit": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295
          },
          "offset": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295
          }
        }
      },
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "array",
          "items": {
            "$ref": "#/components/schemas/Collection"
          }
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1CreateCollection",
    method: "POST",
    path: "/api/v1/collections",
    fastifyPath: "/api/v1/collections",
    summary: "Create a collection (or get it with get_or_create)",
    successStatus: [200],
    request: {
      params: null,
      querystring: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string",
            "default": "default_tenant"
          },
          "database": {
            "type": "string",
            "default": "default_database"
          }
        }
      },
      body: {
        "$ref": "#/components/schemas/CreateCollection"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/Collection"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "409": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1CountCollections",
    method: "GET",
    path: "/api/v1/count_collections",
    fastifyPath: "/api/v1/count_collections",
    summary: "Count collections",
    successStatus: [200],
    request: {
      params: null,
      querystring: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string",
            "default": "default_tenant"
          },
          "database": {
            "type": "string",
            "default": "default_database"
          }
        }
      },
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "integer",
          "minimum": 0
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1GetCollection",
    method: "GET",
    path: "/api/v1/collections/{collection_id}",
    fastifyPath: "/api/v1/collections/:collection_id",
    summary: "Get a collection by name",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "collection_id"
        ]
      },
      querystring: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string",
            "default": "default_tenant"
          },
          "database": {
            "type": "string",
            "default": "default_database"
          }
        }
      },
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/Collection"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1UpdateCollection",
    method: "PUT",
    path: "/api/v1/collections/{collection_id}",
    fastifyPath: "/api/v1/collections/:collection_id",
    summary: "Rename a collection or replace its metadata",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/UpdateCollection"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "null"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "409": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1DeleteCollection",
    method: "DELETE",
    path: "/api/v1/collections/{collection_id}",
    fastifyPath: "/api/v1/collections/:collection_id",
    summary: "Delete a collection by name",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "collection_id"
        ]
      },
      querystring: {
        "type": "object",
        "properties": {
          "tenant": {
            "type": "string",
            "default": "default_tenant"
          },
          "database": {
            "type": "string",
            "default": "default_database"
          }
        }
      },
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "null"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1CollectionAdd",
    method: "POST",
    path: "/api/v1/collections/{collection_id}/add",
    fastifyPath: "/api/v1/collections/:collection_id/add",
    summary: "Add records",
    successStatus: [201],
    request: {
      params: {
        "type": "object",
        "properties": {
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/AddEmbedding"
      },
      bodyRequired: true,
    },
    responses: {
      "201": {
        "mediaType": "application/json",
        "schema": {
          "type": "boolean"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1CollectionUpdate",
    method: "POST",
    path: "/api/v1/collections/{collection_id}/update",
    fastifyPath: "/api/v1/collections/:collection_id/update",
    summary: "Update records",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/UpdateEmbedding"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "null"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1CollectionUpsert",
    method: "POST",
    path: "/api/v1/collections/{collection_id}/upsert",
    fastifyPath: "/api/v1/collections/:collection_id/upsert",
    summary: "Insert or update records",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/AddEmbedding"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "null"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1CollectionGet",
    method: "POST",
    path: "/api/v1/collections/{collection_id}/get",
    fastifyPath: "/api/v1/collections/:collection_id/get",
    summary: "Get records",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/GetEmbedding"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/V1GetResult"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1CollectionDelete",
    method: "POST",
    path: "/api/v1/collections/{collection_id}/delete",
    fastifyPath: "/api/v1/collections/:collection_id/delete",
    summary: "Delete records",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/DeleteEmbedding"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "null"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1CollectionCount",
    method: "GET",
    path: "/api/v1/collections/{collection_id}/count",
    fastifyPath: "/api/v1/collections/:collection_id/count",
    summary: "Count records",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "collection_id"
        ]
      },
      querystring: null,
      body: null,
      bodyRequired: false,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "type": "integer",
          "minimum": 0
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
  {
    operationId: "v1CollectionQuery",
    method: "POST",
    path: "/api/v1/collections/{collection_id}/query",
    fastifyPath: "/api/v1/collections/:collection_id/query",
    summary: "Nearest-neighbour query",
    successStatus: [200],
    request: {
      params: {
        "type": "object",
        "properties": {
          "collection_id": {
            "type": "string"
          }
        },
        "required": [
          "collection_id"
        ]
      },
      querystring: null,
      body: {
        "$ref": "#/components/schemas/QueryEmbedding"
      },
      bodyRequired: true,
    },
    responses: {
      "200": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/V1QueryResult"
        }
      },
      "400": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      },
      "422": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/HTTPValidationError"
        }
      },
      "500": {
        "mediaType": "application/json",
        "schema": {
          "$ref": "#/components/schemas/ErrorBody"
        }
      }
    },
  },
];

/** components/schemas of openapi.yaml, for resolving the `#/components/schemas/...` refs above. */
export const componentSchemas: { readonly [name: string]: JsonSchema } = {
  "ErrorBody": {
    "type": "object",
    "description": "Every error answer.",
    "required": [
      "error",
      "message"
    ],
    "properties": {
      "error": {
        "type": "string",
        "description": "Upstream error name, e.g. InvalidArgumentError, NotFoundError, UniqueConstraintError, InternalError."
      },
      "message": {
        "type": "string",
        "description": "Human-readable explanation."
      }
    }
  },
  "ValidationError": {
    "type": "object",
    "description": "One schema violation, in FastAPI's format.",
    "required": [
      "loc",
      "msg",
      "type"
    ],
    "properties": {
      "loc": {
        "type": "array",
        "description": "Path to the offending value, starting with `body`, `query` or `path`.",
        "items": {
          "type": [
            "string",
            "integer"
          ]
        }
      },
      "msg": {
        "type": "string"
      },
      "type": {
        "type": "string"
      }
    }
  },
  "HTTPValidationError": {
    "type": "object",
    "description": "422 answer; `error`/`message` like every error, plus FastAPI's `detail` list.",
    "required": [
      "error",
      "message"
    ],
    "properties": {
      "error": {
        "type": "string"
      },
      "message": {
        "type": "string"
      },
      "detail": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ValidationError"
        }
      }
    }
  },
  "MetadataValue": {
    "description": "A metadata value.",
    "type": [
      "string",
      "number",
      "boolean"
    ]
  },
  "Metadata": {
    "type": "object",
    "description": "Flat key/value metadata of a record or collection. A value of another type in a request\nis answered 400 InvalidArgumentError by the server (as upstream), not 422.\n",
    "additionalProperties": {
      "$ref": "#/components/schemas/MetadataValue"
    },
    "x-chromaspec-runtime-schema": {
      "type": "object"
    }
  },
  "UpdateMetadata": {
    "type": "object",
    "description": "Metadata in an update; a key set to `null` is removed. A value of another type is answered\n400 InvalidArgumentError by the server (as upstream), not 422.\n",
    "additionalProperties": {
      "type": [
        "string",
        "number",
        "boolean",
        "null"
      ]
    },
    "x-chromaspec-runtime-schema": {
      "type": "object"
    }
  },
  "Embedding": {
    "description": "One embedding: an array of numbers, or a base64 string of its little-endian float32 bytes\n(advertised by `supports_base64_encoding` in pre-flight-checks).\n",
    "oneOf": [
      {
        "type": "array",
        "items": {
          "type": "number"
        }
      },
      {
        "type": "string",
        "contentEncoding": "base64"
      }
    ]
  },
  "IncludeEnum": {
    "type": "string",
    "description": "A record field that get / query can return.",
    "enum": [
      "documents",
      "embeddings",
      "metadatas",
      "distances",
      "uris"
    ]
  },
  "Include": {
    "type": "array",
    "description": "Which record fields to return.",
    "items": {
      "$ref": "#/components/schemas/IncludeEnum"
    }
  },
  "Where": {
    "description": "Metadata filter. Exactly one of: `{\"$and\": [Where, ...]}`, `{\"$or\": [Where, ...]}`, or a\nsingle key (not starting with `$`) mapped to a scalar (equality) or to one operator object.\nA filter outside this grammar is answered 400 InvalidArgumentError (as upstream), not 422.\n",
    "x-chromaspec-runtime-schema": {
      "type": "object"
    },
    "anyOf": [
      {
        "$ref": "#/components/schemas/WhereAnd"
      },
      {
        "$ref": "#/components/schemas/WhereOr"
      },
      {
        "$ref": "#/components/schemas/WhereField"
      }
    ]
  },
  "WhereAnd": {
    "type": "object",
    "required": [
      "$and"
    ],
    "additionalProperties": false,
    "properties": {
      "$and": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Where"
        }
      }
    }
  },
  "WhereOr": {
    "type": "object",
    "required": [
      "$or"
    ],
    "additionalProperties": false,
    "properties": {
      "$or": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Where"
        }
      }
    }
  },
  "WhereField": {
    "type": "object",
    "description": "One metadata key compared with a value.",
    "minProperties": 1,
    "maxProperties": 1,
    "propertyNames": {
      "pattern": "^[^$]"
    },
    "additionalProperties": {
      "$ref": "#/components/schemas/WhereFieldCondition"
    }
  },
  "WhereFieldCondition": {
    "description": "A scalar (shorthand for `$eq`) or exactly one operator.",
    "anyOf": [
      {
        "$ref": "#/components/schemas/MetadataValue"
      },
      {
        "$ref": "#/components/schemas/WhereOperatorExpression"
      }
    ]
  },
  "WhereOperatorExpression": {
    "type": "object",
    "minProperties": 1,
    "maxProperties": 1,
    "additionalProperties": false,
    "properties": {
      "$eq": {
        "$ref": "#/components/schemas/MetadataValue"
      },
      "$ne": {
        "$ref": "#/components/schemas/MetadataValue"
      },
      "$gt": {
        "$ref": "#/components/schemas/MetadataValue"
      },
      "$gte": {
        "$ref": "#/components/schemas/MetadataValue"
      },
      "$lt": {
        "$ref": "#/components/schemas/MetadataValue"
      },
      "$lte": {
        "$ref": "#/components/schemas/MetadataValue"
      },
      "$in": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/MetadataValue"
        }
      },
      "$nin": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/MetadataValue"
        }
      }
    }
  },
  "WhereDocument": {
    "description": "Document filter. Exactly one of `$contains`, `$not_contains`, `$regex`, `$not_regex` (a\nstring), or `$and` / `$or` (a list of WhereDocument). A filter outside this grammar is\nanswered 400 InvalidArgumentError (as upstream), not 422.\n",
    "x-chromaspec-runtime-schema": {
      "type": "object"
    },
    "anyOf": [
      {
        "type": "object",
        "required": [
          "$contains"
        ],
        "additionalProperties": false,
        "properties": {
          "$contains": {
            "type": "string"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$not_contains"
        ],
        "additionalProperties": false,
        "properties": {
          "$not_contains": {
            "type": "string"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$regex"
        ],
        "additionalProperties": false,
        "properties": {
          "$regex": {
            "type": "string"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$not_regex"
        ],
        "additionalProperties": false,
        "properties": {
          "$not_regex": {
            "type": "string"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$and"
        ],
        "additionalProperties": false,
        "properties": {
          "$and": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/WhereDocument"
            }
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$or"
        ],
        "additionalProperties": false,
        "properties": {
          "$or": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/WhereDocument"
            }
          }
        }
      }
    ]
  },
  "AddEmbedding": {
    "type": "object",
    "description": "Records to add or upsert; optional arrays may be omitted or `null`.",
    "required": [
      "ids",
      "embeddings"
    ],
    "properties": {
      "ids": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "embeddings": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Embedding"
        }
      },
      "metadatas": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "anyOf": [
            {
              "$ref": "#/components/schemas/Metadata"
            },
            {
              "type": "null"
            }
          ]
        }
      },
      "documents": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": [
            "string",
            "null"
          ]
        }
      },
      "uris": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": [
            "string",
            "null"
          ]
        }
      }
    }
  },
  "UpdateEmbedding": {
    "type": "object",
    "description": "Fields to change on existing records; omitted or `null` arrays are left alone.",
    "required": [
      "ids"
    ],
    "properties": {
      "ids": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "embeddings": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "$ref": "#/components/schemas/Embedding"
        }
      },
      "metadatas": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "anyOf": [
            {
              "$ref": "#/components/schemas/UpdateMetadata"
            },
            {
              "type": "null"
            }
          ]
        }
      },
      "documents": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": [
            "string",
            "null"
          ]
        }
      },
      "uris": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": [
            "string",
            "null"
          ]
        }
      }
    }
  },
  "GetEmbedding": {
    "type": "object",
    "description": "Filters, paging and fields of a get. Every field is optional.",
    "properties": {
      "ids": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "string"
        }
      },
      "where": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Where"
          },
          {
            "type": "null"
          }
        ]
      },
      "where_document": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/WhereDocument"
          },
          {
            "type": "null"
          }
        ]
      },
      "sort": {
        "type": [
          "string",
          "null"
        ],
        "description": "Accepted for chromadb 0.6.3 compatibility; sorting is not supported."
      },
      "limit": {
        "type": [
          "integer",
          "null"
        ],
        "minimum": 0,
        "maximum": 4294967295,
        "description": "Upstream takes an unsigned 32-bit integer (422 beyond)."
      },
      "offset": {
        "type": [
          "integer",
          "null"
        ],
        "minimum": 0,
        "maximum": 4294967295,
        "description": "Upstream takes an unsigned 32-bit integer (422 beyond)."
      },
      "include": {
        "$ref": "#/components/schemas/Include",
        "default": [
          "metadatas",
          "documents"
        ]
      }
    }
  },
  "QueryEmbedding": {
    "type": "object",
    "description": "A nearest-neighbour query.",
    "required": [
      "query_embeddings"
    ],
    "properties": {
      "query_embeddings": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/Embedding"
        }
      },
      "n_results": {
        "type": [
          "integer",
          "null"
        ],
        "minimum": 0,
        "maximum": 4294967295,
        "default": 10,
        "description": "Results per query embedding (`null` means 10). Chroma 1.x accepts 0 and answers empty\nlists; chromadb 0.6.3 answers 400 for 0.\n"
      },
      "ids": {
        "type": [
          "array",
          "null"
        ],
        "description": "Only consider these ids (Chroma 1.x).",
        "items": {
          "type": "string"
        }
      },
      "where": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Where"
          },
          {
            "type": "null"
          }
        ]
      },
      "where_document": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/WhereDocument"
          },
          {
            "type": "null"
          }
        ]
      },
      "include": {
        "$ref": "#/components/schemas/Include",
        "default": [
          "metadatas",
          "documents",
          "distances"
        ]
      }
    }
  },
  "DeleteEmbedding": {
    "type": "object",
    "description": "Which records to delete. Every field is optional; all given filters must match.",
    "properties": {
      "ids": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "string"
        }
      },
      "where": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Where"
          },
          {
            "type": "null"
          }
        ]
      },
      "where_document": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/WhereDocument"
          },
          {
            "type": "null"
          }
        ]
      }
    }
  },
  "CreateCollection": {
    "type": "object",
    "required": [
      "name"
    ],
    "properties": {
      "name": {
        "type": "string",
        "description": "3-512 characters from [a-zA-Z0-9._-], starting and ending with [a-zA-Z0-9] (checked by the server)."
      },
      "configuration": {
        "type": [
          "object",
          "null"
        ],
        "description": "Collection configuration (e.g. `{\"hnsw\": {\"space\": \"cosine\"}}`), stored as `configuration_json`."
      },
      "schema": {
        "type": [
          "object",
          "null"
        ],
        "description": "Chroma 1.x index schema; stored and echoed, not interpreted."
      },
      "metadata": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Metadata"
          },
          {
            "type": "null"
          }
        ]
      },
      "get_or_create": {
        "type": "boolean",
        "default": false
      }
    }
  },
  "UpdateCollection": {
    "type": "object",
    "properties": {
      "new_name": {
        "type": [
          "string",
          "null"
        ]
      },
      "new_metadata": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Metadata"
          },
          {
            "type": "null"
          }
        ]
      },
      "new_configuration": {
        "type": [
          "object",
          "null"
        ],
        "description": "Chroma 1.x; merged into `configuration_json` (e.g. `{\"hnsw\": {\"ef_search\": 50}}`)."
      }
    }
  },
  "CreateDatabase": {
    "type": "object",
    "required": [
      "name"
    ],
    "properties": {
      "name": {
        "type": "string"
      }
    }
  },
  "CreateTenant": {
    "type": "object",
    "required": [
      "name"
    ],
    "properties": {
      "name": {
        "type": "string"
      }
    }
  },
  "EmptyResponse": {
    "type": "object",
    "description": "An empty JSON object, Chroma 1.x's answer to most writes.",
    "maxProperties": 0
  },
  "DeleteRecordsResponse": {
    "type": "object",
    "required": [
      "deleted"
    ],
    "properties": {
      "deleted": {
        "type": "integer",
        "minimum": 0
      }
    }
  },
  "Tenant": {
    "type": "object",
    "required": [
      "name"
    ],
    "properties": {
      "name": {
        "type": "string"
      },
      "resource_name": {
        "type": [
          "string",
          "null"
        ],
        "description": "Chroma 1.x only; `null` unless set."
      }
    }
  },
  "Database": {
    "type": "object",
    "required": [
      "id",
      "name",
      "tenant"
    ],
    "properties": {
      "id": {
        "type": "string",
        "format": "uuid"
      },
      "name": {
        "type": "string"
      },
      "tenant": {
        "type": "string"
      }
    }
  },
  "Collection": {
    "type": "object",
    "required": [
      "id",
      "name",
      "configuration_json",
      "metadata",
      "dimension",
      "tenant",
      "database",
      "log_position",
      "version"
    ],
    "properties": {
      "id": {
        "type": "string",
        "format": "uuid"
      },
      "name": {
        "type": "string"
      },
      "configuration_json": {
        "type": "object",
        "description": "Effective configuration (hnsw parameters, embedding function, ...)."
      },
      "schema": {
        "type": [
          "object",
          "null"
        ],
        "description": "Chroma 1.x index schema (absent in chromadb 0.6.3 answers)."
      },
      "metadata": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/Metadata"
          },
          {
            "type": "null"
          }
        ]
      },
      "dimension": {
        "type": [
          "integer",
          "null"
        ],
        "description": "Embedding dimension, fixed by the first write; `null` before."
      },
      "tenant": {
        "type": "string"
      },
      "database": {
        "type": "string"
      },
      "log_position": {
        "type": "integer"
      },
      "version": {
        "type": "integer"
      }
    }
  },
  "GetResult": {
    "type": "object",
    "description": "Parallel arrays, one entry per record; fields not in `include` are `null`.",
    "required": [
      "ids",
      "embeddings",
      "documents",
      "uris",
      "metadatas",
      "include"
    ],
    "properties": {
      "ids": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "embeddings": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "array",
          "items": {
            "type": "number"
          }
        }
      },
      "documents": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": [
            "string",
            "null"
          ]
        }
      },
      "uris": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": [
            "string",
            "null"
          ]
        }
      },
      "metadatas": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "anyOf": [
            {
              "$ref": "#/components/schemas/Metadata"
            },
            {
              "type": "null"
            }
          ]
        }
      },
      "include": {
        "$ref": "#/components/schemas/Include"
      }
    }
  },
  "QueryResult": {
    "type": "object",
    "description": "One list per query embedding, nearest first; fields not in `include` are `null`.",
    "required": [
      "ids",
      "embeddings",
      "documents",
      "uris",
      "metadatas",
      "distances",
      "include"
    ],
    "properties": {
      "ids": {
        "type": "array",
        "items": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      },
      "embeddings": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "array",
          "items": {
            "type": "array",
            "items": {
              "type": "number"
            }
          }
        }
      },
      "documents": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "array",
          "items": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "uris": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "array",
          "items": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "metadatas": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "array",
          "items": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/Metadata"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "distances": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "array",
          "items": {
            "type": "number"
          }
        }
      },
      "include": {
        "$ref": "#/components/schemas/Include"
      }
    }
  },
  "V1GetResult": {
    "type": "object",
    "description": "chromadb 0.6.3's get answer (`included` instead of `include`, plus an always-null `data`).",
    "required": [
      "ids",
      "embeddings",
      "documents",
      "uris",
      "data",
      "metadatas",
      "included"
    ],
    "properties": {
      "ids": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "embeddings": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "array",
          "items": {
            "type": "number"
          }
        }
      },
      "documents": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": [
            "string",
            "null"
          ]
        }
      },
      "uris": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": [
            "string",
            "null"
          ]
        }
      },
      "data": {
        "type": "null"
      },
      "metadatas": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "anyOf": [
            {
              "$ref": "#/components/schemas/Metadata"
            },
            {
              "type": "null"
            }
          ]
        }
      },
      "included": {
        "$ref": "#/components/schemas/Include"
      }
    }
  },
  "V1QueryResult": {
    "type": "object",
    "description": "chromadb 0.6.3's query answer (`included` instead of `include`, plus an always-null `data`).",
    "required": [
      "ids",
      "embeddings",
      "documents",
      "uris",
      "data",
      "metadatas",
      "distances",
      "included"
    ],
    "properties": {
      "ids": {
        "type": "array",
        "items": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      },
      "embeddings": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "array",
          "items": {
            "type": "array",
            "items": {
              "type": "number"
            }
          }
        }
      },
      "documents": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "array",
          "items": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "uris": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "array",
          "items": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "data": {
        "type": "null"
      },
      "metadatas": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "array",
          "items": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/Metadata"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "distances": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "array",
          "items": {
            "type": "number"
          }
        }
      },
      "included": {
        "$ref": "#/components/schemas/Include"
      }
    }
  },
  "UserIdentity": {
    "type": "object",
    "required": [
      "user_id",
      "tenant",
      "databases"
    ],
    "properties": {
      "user_id": {
        "type": "string"
      },
      "tenant": {
        "type": "string"
      },
      "databases": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    }
  },
  "HeartbeatResponse": {
    "type": "object",
    "required": [
      "nanosecond heartbeat"
    ],
    "properties": {
      "nanosecond heartbeat": {
        "type": "integer",
        "minimum": 0
      }
    }
  },
  "PreFlightChecks": {
    "type": "object",
    "required": [
      "max_batch_size"
    ],
    "properties": {
      "max_batch_size": {
        "type": "integer",
        "minimum": 0
      },
      "supports_base64_encoding": {
        "type": "boolean",
        "description": "Chroma 1.x; when true, clients may send embeddings as base64 strings."
      }
    }
  },
  "HealthcheckResponse": {
    "type": "object",
    "required": [
      "is_executor_ready",
      "is_log_client_ready"
    ],
    "properties": {
      "is_executor_ready": {
        "type": "boolean"
      },
      "is_log_client_ready": {
        "type": "boolean"
      }
    }
  },
  "IndexingStatusResponse": {
    "type": "object",
    "required": [
      "op_indexing_progress",
      "num_unindexed_ops",
      "num_indexed_ops",
      "total_ops"
    ],
    "properties": {
      "op_indexing_progress": {
        "type": "number",
        "minimum": 0,
        "maximum": 1
      },
      "num_unindexed_ops": {
        "type": "integer",
        "minimum": 0
      },
      "num_indexed_ops": {
        "type": "integer",
        "minimum": 0
      },
      "total_ops": {
        "type": "integer",
        "minimum": 0
      }
    }
  },
  "ReadLevel": {
    "type": "string",
    "description": "Upstream's consistency knob for search (index only, index plus write-ahead log, ...).\nchromaspec applies every acknowledged write to its indexes before answering it, so every\nlevel reads everything written; the value is validated and otherwise has no effect.\n",
    "enum": [
      "index_and_wal",
      "index_only",
      "index_and_bounded_wal"
    ]
  },
  "SearchRequestPayload": {
    "type": "object",
    "description": "A batch of searches over one collection (upstream `SearchRequestPayload`). The server checks\nthe payload itself, with upstream's (serde's) wording, so a malformed search answers\n422/400 from the core rather than from the schema layer.\n",
    "required": [
      "searches"
    ],
    "properties": {
      "searches": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/SearchPayload"
        }
      },
      "read_level": {
        "$ref": "#/components/schemas/ReadLevel"
      }
    },
    "x-chromaspec-runtime-schema": {
      "type": "object"
    }
  },
  "SearchPayload": {
    "type": "object",
    "description": "One search (upstream `SearchPayload`); every part is optional. Unknown fields are ignored,\nas upstream does.\n",
    "properties": {
      "filter": {
        "description": "The where clause itself (not wrapped): `null` or `{}` for none. `query_ids` of other\nclients arrive as `{\"#id\": {\"$in\": [...]}}`.\n",
        "anyOf": [
          {
            "$ref": "#/components/schemas/SearchWhere"
          },
          {
            "type": "object",
            "maxProperties": 0
          },
          {
            "type": "null"
          }
        ]
      },
      "rank": {
        "description": "How records are scored (lower first); `null` or absent keeps storage order.",
        "anyOf": [
          {
            "$ref": "#/components/schemas/RankExpression"
          },
          {
            "type": "null"
          }
        ]
      },
      "group_by": {
        "$ref": "#/components/schemas/SearchGroupBy"
      },
      "limit": {
        "$ref": "#/components/schemas/SearchLimit"
      },
      "select": {
        "$ref": "#/components/schemas/SearchSelect"
      }
    }
  },
  "SearchWhere": {
    "description": "The search filter: upstream's where grammar over metadata keys (see `Where`), plus the\nreserved keys `#id` (`$eq`, `$ne`, `$in`, `$nin` on record ids) and `#document`\n(`$contains`, `$not_contains`, `$regex`, `$not_regex` on the document), freely combined\nwith `$and` / `$or`.\n",
    "anyOf": [
      {
        "$ref": "#/components/schemas/SearchWhereAnd"
      },
      {
        "$ref": "#/components/schemas/SearchWhereOr"
      },
      {
        "$ref": "#/components/schemas/SearchIdCondition"
      },
      {
        "$ref": "#/components/schemas/SearchDocumentCondition"
      },
      {
        "$ref": "#/components/schemas/WhereField"
      }
    ]
  },
  "SearchWhereAnd": {
    "type": "object",
    "required": [
      "$and"
    ],
    "additionalProperties": false,
    "properties": {
      "$and": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/SearchWhere"
        }
      }
    }
  },
  "SearchWhereOr": {
    "type": "object",
    "required": [
      "$or"
    ],
    "additionalProperties": false,
    "properties": {
      "$or": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/SearchWhere"
        }
      }
    }
  },
  "SearchIdCondition": {
    "type": "object",
    "description": "A condition on record ids.",
    "required": [
      "#id"
    ],
    "additionalProperties": false,
    "properties": {
      "#id": {
        "anyOf": [
          {
            "type": "string"
          },
          {
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "additionalProperties": false,
            "properties": {
              "$eq": {
                "type": "string"
              },
              "$ne": {
                "type": "string"
              },
              "$in": {
                "type": "array",
                "minItems": 1,
                "items": {
                  "type": "string"
                }
              },
              "$nin": {
                "type": "array",
                "minItems": 1,
                "items": {
                  "type": "string"
                }
              }
            }
          }
        ]
      }
    }
  },
  "SearchDocumentCondition": {
    "type": "object",
    "description": "A condition on the document text (substring or Rust-syntax regular expression).",
    "required": [
      "#document"
    ],
    "additionalProperties": false,
    "properties": {
      "#document": {
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        "additionalProperties": false,
        "properties": {
          "$contains": {
            "type": "string"
          },
          "$not_contains": {
            "type": "string"
          },
          "$regex": {
            "type": "string"
          },
          "$not_regex": {
            "type": "string"
          }
        }
      }
    }
  },
  "RankExpression": {
    "description": "A score per record (upstream `RankExpr`), lower is better. `$knn` scores the records among\nits `limit` nearest; the others take its `default`, or drop out of the result when it has\nnone. Arithmetic is float32 as upstream: `$sum`/`$mul`/`$max`/`$min` over lists,\n`$sub`/`$div` over `left`/`right`, `$abs`/`$exp`/`$log` over one expression, `$val` a\nconstant. Reciprocal rank fusion (the clients' `Rrf`) is built from these.\n",
    "oneOf": [
      {
        "$ref": "#/components/schemas/RankKnn"
      },
      {
        "type": "object",
        "required": [
          "$val"
        ],
        "additionalProperties": false,
        "properties": {
          "$val": {
            "type": "number"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$sum"
        ],
        "additionalProperties": false,
        "properties": {
          "$sum": {
            "$ref": "#/components/schemas/RankExpressionList"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$mul"
        ],
        "additionalProperties": false,
        "properties": {
          "$mul": {
            "$ref": "#/components/schemas/RankExpressionList"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$max"
        ],
        "additionalProperties": false,
        "properties": {
          "$max": {
            "$ref": "#/components/schemas/RankExpressionList"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$min"
        ],
        "additionalProperties": false,
        "properties": {
          "$min": {
            "$ref": "#/components/schemas/RankExpressionList"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$sub"
        ],
        "additionalProperties": false,
        "properties": {
          "$sub": {
            "$ref": "#/components/schemas/RankExpressionPair"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$div"
        ],
        "additionalProperties": false,
        "properties": {
          "$div": {
            "$ref": "#/components/schemas/RankExpressionPair"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$abs"
        ],
        "additionalProperties": false,
        "properties": {
          "$abs": {
            "$ref": "#/components/schemas/RankExpression"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$exp"
        ],
        "additionalProperties": false,
        "properties": {
          "$exp": {
            "$ref": "#/components/schemas/RankExpression"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$log"
        ],
        "additionalProperties": false,
        "properties": {
          "$log": {
            "$ref": "#/components/schemas/RankExpression"
          }
        }
      }
    ]
  },
  "RankExpressionList": {
    "type": "array",
    "items": {
      "$ref": "#/components/schemas/RankExpression"
    }
  },
  "RankExpressionPair": {
    "type": "object",
    "required": [
      "left",
      "right"
    ],
    "properties": {
      "left": {
        "$ref": "#/components/schemas/RankExpression"
      },
      "right": {
        "$ref": "#/components/schemas/RankExpression"
      }
    }
  },
  "RankKnn": {
    "type": "object",
    "required": [
      "$knn"
    ],
    "additionalProperties": false,
    "properties": {
      "$knn": {
        "type": "object",
        "description": "The `limit` nearest records to `query` on `key`: a dense query searches `#embedding`\n(distance in the collection's space), a sparse query searches the metadata key whose\nsparse-vector index the collection's schema enables (score `1 - query · record`, exact;\nwith the index's `bm25` option the query is first weighted by IDF from the collection's\nstatistics). `return_rank` scores by position (0, 1, ...) instead.\n",
        "required": [
          "query"
        ],
        "properties": {
          "query": {
            "$ref": "#/components/schemas/QueryVector"
          },
          "key": {
            "type": "string",
            "default": "#embedding"
          },
          "limit": {
            "type": "integer",
            "minimum": 0,
            "maximum": 4294967295,
            "default": 16
          },
          "default": {
            "type": [
              "number",
              "null"
            ]
          },
          "return_rank": {
            "type": "boolean",
            "default": false
          }
        }
      }
    }
  },
  "QueryVector": {
    "description": "A dense query (list of numbers) or a sparse one.",
    "oneOf": [
      {
        "type": "array",
        "items": {
          "type": "number"
        }
      },
      {
        "$ref": "#/components/schemas/SparseVector"
      }
    ]
  },
  "SparseVector": {
    "type": "object",
    "description": "A sparse vector (upstream `SparseVector`): strictly ascending unsigned 32-bit `indices`\nwith one value each; `tokens` (optional, as the BM25 embedding functions send them) align\nwith `indices`. As a metadata value it carries `\"#type\": \"sparse_vector\"`.\n",
    "required": [
      "indices",
      "values"
    ],
    "properties": {
      "#type": {
        "type": "string",
        "const": "sparse_vector"
      },
      "indices": {
        "type": "array",
        "items": {
          "type": "integer",
          "minimum": 0,
          "maximum": 4294967295
        }
      },
      "values": {
        "type": "array",
        "items": {
          "type": "number"
        }
      },
      "tokens": {
        "type": [
          "array",
          "null"
        ],
        "items": {
          "type": "string"
        }
      }
    }
  },
  "SearchGroupBy": {
    "type": "object",
    "description": "Groups ranked records by the values of metadata `keys` (a missing key is its own group)\nand keeps, per group, the `k` records with the smallest (`$min_k`) or largest (`$max_k`)\nvalues of the aggregate's keys (`#score` or metadata keys); needs a `rank`.\n",
    "properties": {
      "keys": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "aggregate": {
        "anyOf": [
          {
            "$ref": "#/components/schemas/SearchAggregate"
          },
          {
            "type": "null"
          }
        ]
      }
    }
  },
  "SearchAggregate": {
    "oneOf": [
      {
        "type": "object",
        "required": [
          "$min_k"
        ],
        "additionalProperties": false,
        "properties": {
          "$min_k": {
            "$ref": "#/components/schemas/SearchAggregateArguments"
          }
        }
      },
      {
        "type": "object",
        "required": [
          "$max_k"
        ],
        "additionalProperties": false,
        "properties": {
          "$max_k": {
            "$ref": "#/components/schemas/SearchAggregateArguments"
          }
        }
      }
    ]
  },
  "SearchAggregateArguments": {
    "type": "object",
    "required": [
      "keys",
      "k"
    ],
    "properties": {
      "keys": {
        "type": "array",
        "items": {
          "type": "string"
        }
      },
      "k": {
        "type": "integer",
        "minimum": 0,
        "maximum": 4294967295
      }
    }
  },
  "SearchLimit": {
    "type": "object",
    "description": "Paging of the ranked list; no `limit` means every record.",
    "properties": {
      "offset": {
        "type": "integer",
        "minimum": 0,
        "maximum": 4294967295,
        "default": 0
      },
      "limit": {
        "type": [
          "integer",
          "null"
        ],
        "minimum": 0,
        "maximum": 4294967295
      }
    }
  },
  "SearchSelect": {
    "type": "object",
    "description": "Fields to return: `#document`, `#embedding`, `#metadata` (all keys), `#score`, or\nmetadata keys (only those keys of each record's metadata). Ids are always returned.\n",
    "properties": {
      "keys": {
        "type": "array",
        "items": {
          "type": "string"
        }
      }
    }
  },
  "SearchResponse": {
    "type": "object",
    "description": "One entry per search in each column. `documents`, `embeddings`, `metadatas` and `scores`\nare `null` for a search that did not select them; `select` lists each search's selected\nkeys in upstream's order (`#document`, `#embedding`, `#metadata`, `#score`, then metadata\nkeys). A score that is not a finite number (e.g. the log of a negative) is `null`.\n",
    "required": [
      "ids",
      "documents",
      "embeddings",
      "metadatas",
      "scores",
      "select"
    ],
    "properties": {
      "ids": {
        "type": "array",
        "items": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      },
      "documents": {
        "type": "array",
        "items": {
          "type": [
            "array",
            "null"
          ],
          "items": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "embeddings": {
        "type": "array",
        "items": {
          "type": [
            "array",
            "null"
          ],
          "items": {
            "type": [
              "array",
              "null"
            ],
            "items": {
              "type": "number"
            }
          }
        }
      },
      "metadatas": {
        "type": "array",
        "items": {
          "type": [
            "array",
            "null"
          ],
          "items": {
            "anyOf": [
              {
                "$ref": "#/components/schemas/Metadata"
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "scores": {
        "type": "array",
        "items": {
          "type": [
            "array",
            "null"
          ],
          "items": {
            "type": [
              "number",
              "null"
            ]
          }
        }
      },
      "select": {
        "type": "array",
        "items": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    }
  }
};
