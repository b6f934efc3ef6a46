/**
 * Everything a tenant holds, read through the API with a token that may read it: its databases,
 * their collections (with metadata and configuration) and every record with every column. Two
 * snapshots are deep-equal exactly when nothing in the tenant changed.
 */
import { call, enc } from "./http.js";
import { ok, v2db } from "./cluster.js";

export interface CollectionSnapshot {
  collection: unknown;
  count: unknown;
  records: unknown;
}

export type TenantSnapshot = Record<string, Record<string, CollectionSnapshot>>;

export async function snapshotTenant(url: string, token: string, tenant: string): Promise<TenantSnapshot> {
  const out: TenantSnapshot = {};
  const dbs = ok(await call(url, "GET", `/api/v2/tenants/${enc(tenant)}/databases`, { token }), `list databases of ${tenant}`).json as { name: string }[];
  for (const db of [...dbs].sort((a, b) => a.name.localeCompare(b.name))) {
    const base = v2db(tenant, db.name);
    const cols = ok(await call(url, "GET", `${base}/collections`, { token }), `list collections of ${tenant}/${db.name}`).json as { id: string; name: string }[];
    out[db.name] = {};
    for (const c of cols) {
      const records = ok(
        await call(url, "POST", `${base}/collections/${c.id}/get`, { token, body: { include: ["documents", "metadatas", "embeddings", "uris"] } }),
        `get ${c.name}`,
      ).json;
      const count = ok(await call(url, "GET", `${base}/collections/${c.id}/count`, { token }), `count ${c.name}`).json;
      out[db.name][c.name] = { collection: c, count, records };
    }
  }
  return out;
}

/** Number of records in a snapshot (to report how much was verified). */
export function recordCount(s: TenantSnapshot): number {
  let n = 0;
  for (const db of Object.values(s)) for (const c of Object.values(db)) n += (c.records as { ids: string[] }).ids.length;
  return n;
}
