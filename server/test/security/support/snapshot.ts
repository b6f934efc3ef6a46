/**
 * Everything a tenant (or one database) holds, read through the API with a token that may read
 * it: databases, their collections (with metadata and configuration) and every record with every
 * column. Two snapshots are deep-equal exactly when nothing in them changed.
 */
import { call, enc } from "./http.js";
import { ok, v2db } from "./cluster.js";

export interface CollectionSnapshot {
  collection: unknown;
  count: unknown;
  records: unknown;
}

export type DatabaseSnapshot = Record<string, CollectionSnapshot>;
export type TenantSnapshot = Record<string, DatabaseSnapshot>;

export async function snapshotDatabase(url: string, token: string, tenant: string, database: string): Promise<DatabaseSnapshot> {
  const base = v2db(tenant, database);
  const cols = ok(await call(url, "GET", `${base}/collections`, { token }), `list collections of ${tenant}/${database}`).json as { id: string; name: string }[];
  const out: DatabaseSnapshot = {};
  for (const c of cols) {
    const records = ok(
      await call(url, "POST", `${base}/collections/${c.id}/get`, { token, body: { include: ["documents", "metadatas", "embeddings", "uris"] } }),
      `get ${c.name}`,
    ).json;
    const count = ok(await call(url, "GET", `${base}/collections/${c.id}/count`, { token }), `count ${c.name}`).json;
    out[c.name] = { collection: c, count, records };
  }
  return out;
}

export async function snapshotTenant(url: string, token: string, tenant: string): Promise<TenantSnapshot> {
  const out: TenantSnapshot = {};
  const dbs = ok(await call(url, "GET", `/api/v2/tenants/${enc(tenant)}/databases`, { token }), `list databases of ${tenant}`).json as { name: string }[];
  for (const db of [...dbs].sort((a, b) => a.name.localeCompare(b.name))) out[db.name] = await snapshotDatabase(url, token, tenant, db.name);
  return out;
}

/** Number of records in a snapshot (to report how much was verified). */
export function recordCount(s: TenantSnapshot | DatabaseSnapshot): number {
  let n = 0;
  for (const v of Object.values(s)) {
    if ("records" in v && "collection" in v) n += ((v as CollectionSnapshot).records as { ids: string[] }).ids.length;
    else n += recordCount(v as DatabaseSnapshot);
  }
  return n;
}
