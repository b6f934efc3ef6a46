// @ts-check
/**
 * The deliberate faults of the mutation check: each one a plausible server bug, simulated by
 * rewriting a request or an answer in the fault proxy (the server's code is not touched).
 */

/** @typedef {import("./fault-proxy.js").Fault} Fault */

const RECORD_OP = /\/collections\/[^/]+\/(add|update|upsert|get|delete|query|count|indexing_status)$/;
/** @param {string} path */
const recordOp = (path) => RECORD_OP.exec(path)?.[1];
/** Create collection: POST .../collections (v2) or /api/v1/collections. @param {string} method @param {string} path */
const isCreateCollection = (method, path) => method === "POST" && /\/collections$/.test(path);
const PARALLEL = ["ids", "embeddings", "documents", "metadatas", "uris", "distances"];

/**
 * Applies `fn` to every value under keys named `key`, anywhere in `node`.
 * @param {any} node @param {(obj: any) => void} fn
 */
function walk(node, fn) {
  if (Array.isArray(node)) node.forEach((n) => walk(n, fn));
  else if (node && typeof node === "object") {
    fn(node);
    Object.values(node).forEach((n) => walk(n, fn));
  }
}

/** @param {any} obj @param {string} from @param {string} to */
function renameKey(obj, from, to) {
  if (Object.prototype.hasOwnProperty.call(obj, from)) {
    obj[to] = obj[from];
    delete obj[from];
  }
}

/** Every collection model in an answer (create/get/list/by-id). @param {any} body @returns {any[]} */
const collectionsIn = (body) => (Array.isArray(body) ? body : [body]).filter((c) => c && typeof c === "object" && typeof c.id === "string" && "configuration_json" in c);

/** @type {Set<string>} */
const cosineCollections = new Set();

/** @type {Fault[]} */
export const FAULTS = [
  {
    name: "limit-off-by-one",
    description: "get with a limit returns one record too few (the last one is dropped)",
    response: (x, a) => {
      if (recordOp(x.path) !== "get" || typeof x.body?.limit !== "number" || a.status !== 200 || !a.body?.ids?.length) return;
      for (const k of PARALLEL) if (Array.isArray(a.body[k])) a.body[k] = a.body[k].slice(0, -1);
    },
  },
  {
    name: "gt-as-gte",
    description: "$gt behaves as $gte",
    request: (x) => walk(x.body?.where, (o) => renameKey(o, "$gt", "$gte")),
  },
  {
    name: "lt-as-lte",
    description: "$lt behaves as $lte",
    request: (x) => walk(x.body?.where, (o) => renameKey(o, "$lt", "$lte")),
  },
  {
    name: "cosine-as-l2",
    description: "a cosine collection computes l2 distances (while still describing itself as cosine)",
    request: (x) => {
      if (!isCreateCollection(x.method, x.path) || !x.body) return;
      if (x.body.metadata?.["hnsw:space"] === "cosine") {
        x.body.metadata["hnsw:space"] = "l2";
        x.note.cosine = true;
      }
      if (x.body.configuration?.hnsw?.space === "cosine") {
        x.body.configuration.hnsw.space = "l2";
        x.note.cosine = true;
      }
    },
    response: (x, a) => {
      for (const c of collectionsIn(a.body)) {
        if (x.note.cosine) cosineCollections.add(c.id);
        if (!cosineCollections.has(c.id)) continue;
        if (c.configuration_json?.hnsw) c.configuration_json.hnsw.space = "cosine";
        if (c.metadata?.["hnsw:space"]) c.metadata["hnsw:space"] = "cosine";
      }
    },
  },
  {
    name: "metadata-key-dropped",
    description: "get/query answers lose one key of every metadata that has two or more",
    response: (x, a) => {
      const op = recordOp(x.path);
      if ((op !== "get" && op !== "query") || a.status !== 200) return;
      walk(a.body?.metadatas, (m) => {
        const keys = Object.keys(m);
        if (keys.length >= 2) delete m[keys[keys.length - 1]];
      });
    },
  },
  {
    name: "500-instead-of-404",
    description: "a missing resource answers 500 InternalError instead of 404",
    response: (_x, a) => {
      if (a.status !== 404) return;
      a.status = 500;
      a.body = { error: "InternalError", message: a.body?.message ?? "not found" };
    },
  },
  {
    name: "include-ignored",
    description: "get/query ignore include and answer the defaults",
    request: (x) => {
      const op = recordOp(x.path);
      if ((op === "get" || op === "query") && x.body) delete x.body.include;
    },
  },
  {
    name: "distances-unsorted",
    description: "query results come back farthest first",
    response: (x, a) => {
      if (recordOp(x.path) !== "query" || a.status !== 200) return;
      for (const k of PARALLEL) if (Array.isArray(a.body?.[k])) a.body[k] = a.body[k].map((/** @type {unknown[]} */ row) => (Array.isArray(row) ? [...row].reverse() : row));
    },
  },
  {
    name: "add-answers-200",
    description: "add answers 200 instead of 201",
    response: (x, a) => {
      if (recordOp(x.path) === "add" && a.status === 201) a.status = 200;
    },
  },
  {
    name: "error-without-message",
    description: "error bodies lack the message field",
    response: (_x, a) => {
      if (a.status >= 400 && a.body && typeof a.body === "object") delete a.body.message;
    },
  },
  {
    name: "offset-ignored",
    description: "get ignores offset",
    request: (x) => {
      if (recordOp(x.path) === "get" && x.body) delete x.body.offset;
    },
  },
  {
    name: "get-sorted-by-id",
    description: "get answers records sorted by id instead of insertion order",
    response: (x, a) => {
      if (recordOp(x.path) !== "get" || a.status !== 200 || !Array.isArray(a.body?.ids)) return;
      const order = a.body.ids.map((/** @type {string} */ id, /** @type {number} */ i) => [id, i]).sort((/** @type {any} */ p, /** @type {any} */ q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
      for (const k of PARALLEL) if (Array.isArray(a.body[k])) a.body[k] = order.map((/** @type {any} */ p) => a.body[k][p[1]]);
    },
  },
  {
    name: "update-null-ignored",
    description: "a metadata key set to null in update/upsert is left in place instead of deleted",
    request: (x) => {
      const op = recordOp(x.path);
      if ((op !== "update" && op !== "upsert") || !Array.isArray(x.body?.metadatas)) return;
      for (const m of x.body.metadatas) if (m) for (const k of Object.keys(m)) if (m[k] === null) delete m[k];
    },
  },
  {
    name: "upsert-as-add",
    description: "upsert does not update existing ids (behaves as add)",
    request: (x) => {
      if (recordOp(x.path) !== "upsert") return;
      x.path = x.path.replace(/\/upsert$/, "/add");
      x.note.upsert = true;
    },
    response: (x, a) => {
      // Answer as upsert does, so only the records can give the fault away.
      if (x.note.upsert && a.status === 201) {
        a.status = 200;
        if (x.path.startsWith("/api/v1/")) a.body = null;
      }
    },
  },
  {
    name: "count-off-by-one",
    description: "count answers one more than the number of records",
    response: (x, a) => {
      if (recordOp(x.path) === "count" && a.status === 200 && typeof a.body === "number") a.body += 1;
    },
  },
  {
    name: "duplicate-create-succeeds",
    description: "creating an existing collection answers the existing one instead of 409",
    request: (x) => {
      if (isCreateCollection(x.method, x.path) && x.body && typeof x.body === "object") x.body.get_or_create = true;
    },
  },
  {
    name: "not-contains-as-contains",
    description: "$not_contains behaves as $contains",
    request: (x) => walk(x.body?.where_document, (o) => renameKey(o, "$not_contains", "$contains")),
  },
  {
    name: "delete-ignores-where",
    description: "delete with ids ignores its where filter",
    request: (x) => {
      if (recordOp(x.path) === "delete" && Array.isArray(x.body?.ids) && x.body.where) delete x.body.where;
    },
  },
  {
    name: "ne-matches-only-present-keys",
    description: "$ne no longer matches records that lack the key",
    response: (x, a) => {
      if (recordOp(x.path) !== "get" || a.status !== 200 || !Array.isArray(a.body?.ids)) return;
      /** @type {string[]} */
      const neKeys = [];
      walk(x.body?.where, (o) => {
        for (const [k, v] of Object.entries(o)) if (v && typeof v === "object" && !Array.isArray(v) && "$ne" in v) neKeys.push(k);
      });
      if (neKeys.length === 0 || !Array.isArray(a.body.metadatas)) return;
      const keep = a.body.metadatas.map((/** @type {any} */ m) => neKeys.every((k) => m && k in m));
      for (const k of PARALLEL) if (Array.isArray(a.body[k])) a.body[k] = a.body[k].filter((/** @type {unknown} */ _v, /** @type {number} */ i) => keep[i]);
    },
  },
];
