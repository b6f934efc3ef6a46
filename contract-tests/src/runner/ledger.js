// @ts-check
/**
 * What the suite created on the target, so the runner can delete it afterwards. Test workers
 * record every successful create and delete of a tenant, database or collection (support/client.ts
 * watches every request the SDK and the raw helpers send); the runner reads the records once all
 * phases ran, deletes what is left and checks by listing that it is gone. Records are JSON lines
 * appended to files in one directory (CONTRACT_LEDGER), one file per worker process.
 *
 * Tenants cannot be deleted: Chroma's API (v1 and v2) has no such operation. The suite creates as
 * few as it can (one shared per run, plus those the tenant and database tests must create) and
 * the report lists them, empty.
 */
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const LEDGER_ENV = "CONTRACT_LEDGER";

/**
 * @typedef {object} LedgerEntry
 * @property {"create" | "delete"} op
 * @property {"tenant" | "database" | "collection"} kind
 * @property {"v1" | "v2"} api
 * @property {string} tenant
 * @property {string} [database]
 * @property {string} [id] a collection's id
 */

/**
 * The tenant, database or collection a successful request created (or the database it deleted),
 * if any. Collections are known by id (a test may rename one); deleting them is not recorded: the
 * runner looks for the ids where they were created.
 * @param {string} method
 * @param {URL} url
 * @param {number} status
 * @param {any} body the request's JSON body
 * @param {any} answer the response's JSON body
 * @returns {LedgerEntry | null}
 */
export function entryOf(method, url, status, body, answer) {
  if (status < 200 || status >= 300) return null;
  const p = url.pathname.split("/").map(decodeURIComponent);
  const q = url.searchParams;
  const v1Scope = { tenant: q.get("tenant") ?? "default_tenant", database: q.get("database") ?? "default_database" };
  const name = typeof body?.name === "string" ? body.name : undefined;
  // get_or_create may have found someone else's collection: only the suite's own names count then.
  const reused = body?.get_or_create === true && !name?.startsWith("ct-");
  const id = typeof answer?.id === "string" && !reused ? answer.id : undefined;
  if (p[1] !== "api") return null;
  if (p[2] === "v2" && p[3] === "tenants") {
    // /api/v2/tenants[/t[/databases[/d[/collections[/c]]]]]
    if (method === "POST" && p.length === 4 && name) return { op: "create", kind: "tenant", api: "v2", tenant: name };
    if (method === "POST" && p.length === 6 && p[5] === "databases" && name) return { op: "create", kind: "database", api: "v2", tenant: p[4], database: name };
    if (method === "DELETE" && p.length === 7 && p[5] === "databases") return { op: "delete", kind: "database", api: "v2", tenant: p[4], database: p[6] };
    if (method === "POST" && p.length === 8 && p[7] === "collections" && id) return { op: "create", kind: "collection", api: "v2", tenant: p[4], database: p[6], id };
    return null;
  }
  if (p[2] === "v1") {
    if (method === "POST" && p.length === 4 && p[3] === "tenants" && name) return { op: "create", kind: "tenant", api: "v1", tenant: name };
    if (method === "POST" && p.length === 4 && p[3] === "databases" && name) return { op: "create", kind: "database", api: "v1", tenant: v1Scope.tenant, database: name };
    if (method === "POST" && p.length === 4 && p[3] === "collections" && id) return { op: "create", kind: "collection", api: "v1", ...v1Scope, id };
  }
  return null;
}

/** @param {LedgerEntry} entry */
export function record(entry) {
  const dir = process.env[LEDGER_ENV];
  if (!dir) return;
  appendFileSync(join(dir, `ledger-${process.pid}.jsonl`), JSON.stringify(entry) + "\n");
}

/**
 * What may still be there according to the records: tenants created, databases created and not
 * deleted, collections created in databases the suite did not create (it may have deleted them).
 * @param {string} dir
 */
export function outstanding(dir) {
  /** @type {LedgerEntry[]} */
  const entries = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort()) {
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) if (line) entries.push(JSON.parse(line));
  }
  const key = (/** @type {LedgerEntry} */ e) => JSON.stringify([e.kind, e.tenant, e.database ?? "", e.id ?? ""]);
  /** @type {Map<string, LedgerEntry>} */
  const live = new Map();
  for (const e of entries) {
    if (e.op === "create") live.set(key(e), e);
    else {
      live.delete(key(e));
      // Deleting a database deletes its collections.
      if (e.kind === "database") for (const [k, c] of live) if (c.kind === "collection" && c.tenant === e.tenant && c.database === e.database) live.delete(k);
    }
  }
  const all = [...live.values()];
  const tenants = all.filter((e) => e.kind === "tenant");
  const databases = all.filter((e) => e.kind === "database");
  const ownDatabase = (/** @type {LedgerEntry} */ c) => databases.some((d) => d.tenant === c.tenant && d.database === c.database);
  const collections = all.filter((e) => e.kind === "collection" && !ownDatabase(e));
  return { tenants, databases, collections, created: entries.filter((e) => e.op === "create").length };
}
