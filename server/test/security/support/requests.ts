/**
 * One well-formed request per operation of openapi.yaml, aimed at a given tenant, database and
 * collection. Bodies are valid and meaningful (right dimension, existing record ids), so if a
 * guard let one through it would really read or change data: the isolation suite relies on that.
 */
import { addressesByName, type SpecOperation } from "./spec.js";

export interface Target {
  tenant: string;
  database: string;
  /** Collection id (for by-id operations). */
  collectionId: string;
  /** Collection name (for by-name operations). */
  collectionName: string;
  /** Ids of records in that collection, and its embedding dimension. */
  recordIds: string[];
  dim: number;
  /** Send v1's tenant/database query parameters (otherwise the server's defaults apply). */
  v1Scope?: boolean;
}

export interface BuiltRequest {
  method: string;
  path: string;
  body?: unknown;
}

const vec = (dim: number, x: number) => Array.from({ length: dim }, (_, i) => Math.fround(x + i / 8));

/** A valid body for each operation that takes one. Throws for an operation it does not know. */
export function bodyFor(operationId: string, t: Target): unknown {
  const ids = t.recordIds.slice(0, 2);
  switch (operationId.replace(/^v[12]/, "")) {
    case "CreateTenant":
      return { name: "intruder-tenant" };
    case "UpdateTenant":
      return { resource_name: "intruder-resource-name" };
    case "CreateDatabase":
      return { name: t.database };
    case "CreateCollection":
      return { name: t.collectionName, get_or_create: true };
    case "UpdateCollection":
      return { new_name: "renamed-by-intruder", new_metadata: { owned: "intruder" } };
    case "CollectionAdd":
      return { ids: ["intruder-record"], embeddings: [vec(t.dim, 9)], documents: ["planted"], metadatas: [{ by: "intruder" }] };
    case "CollectionUpsert":
      return { ids: [...ids, "intruder-record"], embeddings: [...ids, "x"].map((_, i) => vec(t.dim, 7 + i)), documents: [...ids, "x"].map(() => "overwritten") };
    case "CollectionUpdate":
      return { ids, documents: ids.map(() => "changed"), metadatas: ids.map(() => ({ changed: true })) };
    case "CollectionGet":
      return { include: ["documents", "metadatas", "embeddings", "uris"] };
    case "CollectionDelete":
      return { ids: t.recordIds };
    case "CollectionQuery":
      return { query_embeddings: [vec(t.dim, 0.25)], n_results: 5, include: ["documents", "metadatas", "distances"] };
    case "CollectionSearch":
      return { searches: [{ rank: { $knn: { query: vec(t.dim, 0.25), limit: 5 } }, select: { keys: ["#document", "#metadata", "#score"] } }, { filter: { "#id": { $in: ids } } }] };
    case "ForkCollection":
      return { new_name: "forked-by-intruder" };
    default:
      throw new Error(`no body known for ${operationId}`);
  }
}

/** The value of the path parameter `name` of `op` that addresses the target. */
function pathValue(op: SpecOperation, name: string, t: Target): string | undefined {
  switch (name) {
    case "tenant":
      return t.tenant;
    case "database":
      return t.database;
    case "collection_id":
      return addressesByName(op) ? t.collectionName : t.collectionId;
    case "crn":
      return `${t.tenant}:${t.database}:${t.collectionName}`;
  }
  return undefined;
}

export function buildRequest(op: SpecOperation, t: Target): BuiltRequest {
  let path = op.path;
  for (const p of op.parameters.filter((p) => p.in === "path")) {
    const value = pathValue(op, p.name, t);
    if (value === undefined) throw new Error(`${op.operationId}: no value for path parameter ${p.name}`);
    path = path.replace(`{${p.name}}`, encodeURIComponent(value));
  }
  const query = new URLSearchParams();
  if (t.v1Scope) {
    for (const p of op.parameters.filter((p) => p.in === "query")) {
      if (p.name === "tenant") query.set("tenant", t.tenant);
      if (p.name === "database") query.set("database", t.database);
    }
  }
  const qs = query.toString();
  return { method: op.method, path: qs ? `${path}?${qs}` : path, body: op.body ? bodyFor(op.operationId, t) : undefined };
}
