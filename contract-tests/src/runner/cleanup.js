// @ts-check
/**
 * After every phase: deletes what the suite created and left (see ledger.js), then checks by
 * listing that it is gone. Databases are deleted through v2 (v1 has no delete), which also takes
 * their collections; collections the suite made in databases it did not create (--database, or
 * the default one) are found by id and deleted by name. Tenants stay: no Chroma API deletes them.
 */
import { outstanding } from "./ledger.js";

/**
 * @typedef {object} CleanupReport
 * @property {number} created things the suite created (tenants, databases, collections)
 * @property {number} deletedDatabases
 * @property {number} deletedCollections
 * @property {string[]} tenantsLeft tenants the suite created, now without any database it made
 * @property {string[]} problems what could not be deleted or is still listed
 */

/**
 * @param {{ url: string, token?: string, apis: string[] }} target
 * @param {string} ledgerDir
 * @returns {Promise<CleanupReport>}
 */
export async function cleanUp(target, ledgerDir) {
  const { tenants, databases, collections, created } = outstanding(ledgerDir);
  /** @type {CleanupReport} */
  const report = { created, deletedDatabases: 0, deletedCollections: 0, tenantsLeft: [...new Set(tenants.map((t) => t.tenant))].sort(), problems: [] };
  /** @type {Record<string, string>} */
  const headers = target.token ? { authorization: `Bearer ${target.token}` } : {};
  const call = async (/** @type {string} */ method, /** @type {string} */ path) => {
    const res = await fetch(target.url + path, { method, headers });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  const e = encodeURIComponent;
  const v2 = (/** @type {string} */ t, /** @type {string} */ d) => `/api/v2/tenants/${e(t)}/databases/${e(d)}`;

  for (const d of databases) {
    const res = await call("DELETE", v2(d.tenant, d.database ?? "")).catch((err) => ({ status: 0, json: String(err) }));
    if (res.status === 200 || res.status === 204) report.deletedDatabases++;
    else if (res.status !== 404) report.problems.push(`database ${d.tenant}/${d.database}: DELETE answered ${res.status}`);
  }

  /** @type {Map<string, { tenant: string, database: string, api: string, ids: Set<string> }>} */
  const byScope = new Map();
  for (const c of collections) {
    const key = `${c.api} ${c.tenant} ${c.database}`;
    if (!byScope.has(key)) byScope.set(key, { tenant: c.tenant, database: c.database ?? "", api: c.api, ids: new Set() });
    byScope.get(key)?.ids.add(c.id ?? "");
  }
  const list = async (/** @type {{ tenant: string, database: string, api: string }} */ s) => {
    const path = s.api === "v2" ? `${v2(s.tenant, s.database)}/collections` : `/api/v1/collections?tenant=${e(s.tenant)}&database=${e(s.database)}`;
    const res = await call("GET", path);
    return res.status === 200 && Array.isArray(res.json) ? /** @type {{ id: string, name: string }[]} */ (res.json) : [];
  };
  for (const scope of byScope.values()) {
    for (const c of (await list(scope)).filter((x) => scope.ids.has(x.id))) {
      const path = scope.api === "v2" ? `${v2(scope.tenant, scope.database)}/collections/${e(c.name)}` : `/api/v1/collections/${e(c.name)}?tenant=${e(scope.tenant)}&database=${e(scope.database)}`;
      const res = await call("DELETE", path);
      if (res.status === 200 || res.status === 204) report.deletedCollections++;
      else report.problems.push(`collection ${c.name} (${c.id}) in ${scope.tenant}/${scope.database}: DELETE answered ${res.status}`);
    }
  }

  // Check by listing: none of the suite's databases or collections remain.
  if (target.apis.includes("v2")) {
    for (const tenant of new Set(databases.map((d) => d.tenant))) {
      const res = await call("GET", `/api/v2/tenants/${e(tenant)}/databases`);
      const names = new Set(Array.isArray(res.json) ? res.json.map((/** @type {{ name: string }} */ d) => d.name) : []);
      for (const d of databases.filter((x) => x.tenant === tenant && names.has(x.database ?? ""))) report.problems.push(`database ${tenant}/${d.database} is still listed`);
    }
  }
  for (const scope of byScope.values()) {
    for (const c of (await list(scope)).filter((x) => scope.ids.has(x.id))) report.problems.push(`collection ${c.name} (${c.id}) in ${scope.tenant}/${scope.database} is still listed`);
  }
  return report;
}

/** @param {CleanupReport} r */
export function formatCleanup(r) {
  const lines = [`cleanup: deleted ${r.deletedDatabases} databases and ${r.deletedCollections} collections left over (of ${r.created} things created)`];
  if (r.tenantsLeft.length > 0) lines.push(`  tenants created (Chroma's API cannot delete tenants; none keeps a database of this run): ${r.tenantsLeft.join(", ")}`);
  for (const p of r.problems) lines.push(`  NOT CLEANED: ${p}`);
  return lines.join("\n");
}
