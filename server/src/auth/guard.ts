/**
 * Authentication and tenant isolation, as one wrapper around the Handlers. Every operation is
 * classified once (public, admin-only, identity, or scoped to a tenant/database taken from its
 * path or v1 query parameters); a scoped call is let through only when the caller's token covers
 * that tenant and database. Collections are then looked up inside that scope by the core, so an
 * id from another tenant answers exactly as a missing collection does.
 */
import { DEFAULT_DATABASE, DEFAULT_TENANT } from "../core/chroma.js";
import type { Scope } from "../core/chroma.js";
import { CollectionNotFoundError, ForbiddenError, UnauthorizedError } from "../core/errors.js";
import type { Handlers } from "../generated/handlers.js";
import { addressed } from "../http/scope.js";
import { ANY, type Credentials, type User } from "./credentials.js";

type OperationId = keyof Handlers;
type AnyInput = { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; auth: { token?: string } };
type AnyHandler = (input: AnyInput) => Promise<{ status: number; body: unknown }>;

const PUBLIC = new Set<OperationId>([
  "v1Root", "v2Root", "v1Heartbeat", "v2Heartbeat", "v1Version", "v2Version", "v2Healthcheck", "v1PreFlightChecks", "v2PreFlightChecks",
]);
/** Operations that act on the whole server, not inside one tenant. */
const ADMIN = new Set<OperationId>(["v1Reset", "v2Reset", "v1CreateTenant", "v2CreateTenant"]);

export function coversTenant(user: User, tenant: string): boolean {
  return user.tenant === ANY || user.tenant === tenant;
}

export function coversDatabase(user: User, database: string): boolean {
  return user.databases.includes(ANY) || user.databases.includes(database);
}

/** The user a token belongs to; UnauthorizedError (401) when the token is missing or unknown. */
export function authenticate(credentials: Credentials, token: string | undefined): User {
  const user = credentials.userOf(token);
  if (!user) throw new UnauthorizedError(token === undefined ? "Unauthorized: missing token" : "Unauthorized: invalid token");
  return user;
}

/** An admin (tenant "*", databases ["*"]) may act on the whole server: reset, create tenants, /metrics. */
export function isAdmin(user: User): boolean {
  return user.tenant === ANY && user.databases.includes(ANY);
}

/** The identity /auth/identity reports for a caller. */
export function identityOfUser(user: User): { user_id: string; tenant: string; databases: string[] } {
  return { user_id: user.id, tenant: user.tenant, databases: user.databases };
}

/**
 * v1 has no tenant in its paths: like upstream 0.6.3, a caller whose token names exactly one tenant
 * (database) gets it instead of default_tenant (default_database) when the request leaves it out
 * or names the default. Both cases must be covered: the query validator has already filled in the
 * spec's defaults, so an omitted parameter arrives here as "default_tenant" / "default_database".
 */
function withV1Defaults(op: OperationId, input: AnyInput, user: User): AnyInput {
  if (!op.startsWith("v1")) return input;
  const query = { ...(input.query ?? {}) };
  const isDefault = (value: unknown, fallback: string) => value === undefined || value === null || value === fallback;
  if (isDefault(query.tenant, DEFAULT_TENANT) && user.tenant !== ANY) query.tenant = user.tenant;
  if (isDefault(query.database, DEFAULT_DATABASE) && user.databases.length === 1 && user.databases[0] !== ANY) query.database = user.databases[0];
  return { ...input, query };
}

/**
 * @param locate finds the scope of a collection by id (v1 routes by id); it throws NotFoundError
 *   for a missing collection, and the guard answers the same for one outside the token's scope.
 */
export function guardHandlers(handlers: Handlers, credentials: Credentials, locate: (collectionId: string) => Promise<Scope>): Handlers {
  const caller = (input: AnyInput): User => authenticate(credentials, input.auth.token);
  const forbidden = () => new ForbiddenError("Forbidden: the token does not grant access to this tenant or database");

  const guarded: Partial<Record<OperationId, AnyHandler>> = {};
  for (const op of Object.keys(handlers) as OperationId[]) {
    const inner = (handlers[op] as unknown as AnyHandler).bind(handlers);
    if (PUBLIC.has(op)) {
      guarded[op] = inner;
    } else if (op === "v2GetUserIdentity") {
      guarded[op] = async (input) => ({ status: 200, body: identityOfUser(caller(input)) });
    } else if (op === "v2GetCollectionByCrn") {
      // The CRN names the scope; a collection outside the token's answers exactly as a missing one.
      guarded[op] = async (input) => {
        const user = caller(input);
        const reply = await inner(input);
        const c = reply.body as { name: string; tenant: string; database: string };
        if (!coversTenant(user, c.tenant) || !coversDatabase(user, c.database)) {
          throw new CollectionNotFoundError(c.name, `Collection [${c.name}] does not exist`);
        }
        return reply;
      };
    } else if (ADMIN.has(op)) {
      guarded[op] = async (input) => {
        if (!isAdmin(caller(input))) throw forbidden();
        return inner(input);
      };
    } else {
      guarded[op] = async (raw) => {
        const user = caller(raw);
        const target = addressed(op, raw);
        if ("collectionId" in target) {
          // v1 by id: the collection's own scope; outside the token's, it answers as a missing one.
          const id = target.collectionId;
          const scope = await locate(id);
          if (!coversTenant(user, scope.tenant) || !coversDatabase(user, scope.database)) {
            throw new CollectionNotFoundError(id, `Collection [${id}] does not exist.`);
          }
          return inner(raw);
        }
        const input = withV1Defaults(op, raw, user);
        const scope = addressed(op, input) as typeof target;
        if (!coversTenant(user, scope.tenant)) throw forbidden();
        if (scope.database !== undefined && !coversDatabase(user, scope.database)) throw forbidden();
        const reply = await inner(input);
        // Listing databases shows only those the token covers.
        if ((op === "v2ListDatabases") && Array.isArray(reply.body)) {
          return { ...reply, body: (reply.body as { name: string }[]).filter((d) => coversDatabase(user, d.name)) };
        }
        return reply;
      };
    }
  }
  return guarded as unknown as Handlers;
}
