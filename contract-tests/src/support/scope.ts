/**
 * A test file's own tenant and database (or the ones given with --tenant / --database), and
 * collections with unique names inside it.
 */
import { ChromaError, type ChromaClient, type Collection, type CreateCollectionArgs } from "@chromaspec/sdk";
import { clientFor, type Scope } from "./client.js";
import type { Api } from "./contract.js";
import { RUN_TAG, uniqueName } from "./names.js";
import { target } from "./target.js";

export interface Opened {
  api: Api;
  scope: Scope;
  client: ChromaClient;
}

/** Scopes opened by this test file, with whether the database is ours (created by the suite). */
const opened: { o: Opened; ownDatabase: boolean }[] = [];

function remember(o: Opened, ownDatabase: boolean): Opened {
  opened.push({ o, ownDatabase });
  return o;
}

/**
 * Best effort, after a file's tests: drop the databases the suite created (v2), and delete this
 * run's collections from databases it was given (--database) or cannot drop (v1), so a shared
 * server keeps no clutter. Failures are ignored: cleaning up is not under test.
 */
export async function cleanupScopes(api: Api): Promise<void> {
  if (target.kind === "mock") return;
  for (const { o, ownDatabase } of opened.splice(0).filter((x) => x.o.api === api)) {
    try {
      if (ownDatabase && api === "v2") {
        await clientFor(api).deleteDatabase({ name: o.scope.database, tenant: o.scope.tenant });
        continue;
      }
      for (const c of await o.client.listCollections()) {
        if (c.name.includes(RUN_TAG)) await o.client.deleteCollection({ name: c.name });
      }
    } catch {
      /* the server may be gone or the scope already deleted */
    }
  }
}

/**
 * The suite's own tenants, shared by every test file and every run: Chroma's API cannot delete a
 * tenant, so the suite reuses these rather than leave new ones behind on each run. Databases in
 * them are per test file (unique names) and deleted afterwards.
 */
export const SHARED_TENANTS = ["chromaspec-contract-tests", "chromaspec-contract-tests-2"] as const;

const ensured = new Map<string, Promise<string>>();

/** One of the shared tenants, created if the server does not have it yet. */
export function sharedTenant(api: Api, which: 0 | 1 = 0): Promise<string> {
  const name = SHARED_TENANTS[which];
  const key = `${api} ${name}`;
  let done = ensured.get(key);
  if (!done) {
    done = clientFor(api)
      .createTenant({ name })
      .catch((err: unknown) => {
        if (!(err instanceof ChromaError && err.status === 409)) throw err; // another file or run made it
      })
      .then(() => name);
    ensured.set(key, done);
  }
  return done;
}

export async function openScope(api: Api): Promise<Opened> {
  const admin = clientFor(api);
  const tenant = target.tenant ?? (await sharedTenant(api));
  let database = target.database;
  if (!database) {
    database = uniqueName("d");
    await admin.createDatabase({ name: database, tenant });
  }
  const scope = { tenant, database };
  return remember({ api, scope, client: clientFor(api, scope) }, !target.database);
}

/**
 * A database nobody else uses (in --tenant's tenant when given), for the `isolation` tests that
 * need an empty database or a second one.
 */
export async function openFreshScope(api: Api): Promise<Opened> {
  const admin = clientFor(api);
  const tenant = target.tenant ?? (await sharedTenant(api));
  const database = uniqueName("d");
  await admin.createDatabase({ name: database, tenant });
  const scope = { tenant, database };
  return remember({ api, scope, client: clientFor(api, scope) }, true);
}

/** A new, empty collection with a unique name (l2 unless told otherwise). */
export function newCollection(o: Opened, args: Partial<CreateCollectionArgs> = {}): Promise<Collection> {
  return o.client.createCollection({ name: uniqueName("c"), ...args });
}
