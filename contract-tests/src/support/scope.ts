/**
 * A test file's own tenant and database (or the ones given with --tenant / --database), and
 * collections with unique names inside it.
 */
import type { ChromaClient, Collection, CreateCollectionArgs } from "@chromaspec/sdk";
import { clientFor, type Scope } from "./client.js";
import type { Api } from "./contract.js";
import { uniqueName } from "./names.js";
import { target } from "./target.js";

export interface Opened {
  api: Api;
  scope: Scope;
  client: ChromaClient;
}

export async function openScope(api: Api): Promise<Opened> {
  const admin = clientFor(api);
  let tenant = target.tenant;
  if (!tenant) {
    tenant = uniqueName("t");
    await admin.createTenant({ name: tenant });
  }
  let database = target.database;
  if (!database) {
    database = uniqueName("d");
    await admin.createDatabase({ name: database, tenant });
  }
  const scope = { tenant, database };
  return { api, scope, client: clientFor(api, scope) };
}

/** A new, empty collection with a unique name (l2 unless told otherwise). */
export function newCollection(o: Opened, args: Partial<CreateCollectionArgs> = {}): Promise<Collection> {
  return o.client.createCollection({ name: uniqueName("c"), ...args });
}
