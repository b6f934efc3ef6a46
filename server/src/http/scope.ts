/**
 * Which tenant and database a request addresses, for every operation of both faces: the one
 * place these rules live, used by the v1 and v2 handlers and by the auth guard.
 * - v2: tenant and database are in the path (creating a database names it in the body);
 * - v1: they are optional query parameters defaulting to default_tenant / default_database
 *   (0.6.3's shape); v1's record routes carry only a collection id: the collection's own scope
 *   applies, found through the catalog (`locate`).
 */
import { DEFAULT_DATABASE, DEFAULT_TENANT, type Scope } from "../core/chroma.js";
import type { OperationId } from "../generated/routes.js";

/** The parts of a request a scope is read from. */
export interface ScopedInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown> | null;
  body?: unknown;
}

/** A tenant (and database), or a collection whose scope must be looked up. */
export type Addressed = { tenant: string; database?: string } | { collectionId: string };

/** v1 routes by collection id: no tenant or database in the request. */
const V1_BY_ID: ReadonlySet<OperationId> = new Set<OperationId>([
  "v1UpdateCollection",
  "v1CollectionAdd",
  "v1CollectionUpdate",
  "v1CollectionUpsert",
  "v1CollectionGet",
  "v1CollectionDelete",
  "v1CollectionQuery",
  "v1CollectionCount",
]);

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** v2: the path's tenant and database. */
export function v2Scope(params: { tenant: string; database: string }): Scope {
  return { tenant: params.tenant, database: params.database };
}

/** v1: the query's tenant and database, upstream 0.6.3's defaults where absent. */
export function v1Scope(query: { tenant?: string | null; database?: string | null } | null | undefined): Scope {
  return { tenant: query?.tenant ?? DEFAULT_TENANT, database: query?.database ?? DEFAULT_DATABASE };
}

/** What an operation addresses, read from the request alone. */
export function addressed(op: OperationId, input: ScopedInput): Addressed {
  const p = input.params ?? {};
  const q = input.query ?? {};
  const bodyName = () => str((input.body as { name?: unknown } | undefined)?.name);
  if (op.startsWith("v2")) return { tenant: str(p.tenant) ?? DEFAULT_TENANT, database: op === "v2CreateDatabase" ? bodyName() : str(p.database) };
  if (V1_BY_ID.has(op)) return { collectionId: str(p.collection_id) ?? "" };
  if (op === "v1GetTenant") return { tenant: str(p.tenant) ?? DEFAULT_TENANT };
  const tenant = str(q.tenant) ?? DEFAULT_TENANT;
  if (op === "v1GetDatabase") return { tenant, database: str(p.database) };
  if (op === "v1CreateDatabase") return { tenant, database: bodyName() };
  return v1Scope({ tenant, database: str(q.database) });
}
