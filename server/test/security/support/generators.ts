/**
 * fast-check generators of HTTP requests for one operation of openapi.yaml, derived from its
 * parameters and request-body schema: a schema walker produces valid values (steered towards a
 * live "playground" collection so many requests do real work), and mutations then break them —
 * wrong types, huge or empty arrays, numbers JSON cannot carry, filters deeper than the server
 * allows, unknown operators, oversize bodies and batches, hostile path segments, query values,
 * headers and raw bytes.
 */
import * as fc from "fast-check";
import {
  BAD_WHERE_DOCUMENTS, BAD_WHERES, corruptText, deepWhere, deepWhereDocument, encodeSegment, hostileString, HOSTILE_CONFIGURATIONS,
  HOSTILE_METADATA_KEYS, HOSTILE_METADATA_VALUES, HOSTILE_QUERY_VALUES, HOSTILE_SCHEMAS, RAGGED_EMBEDDINGS, RAW_BODIES, RAW_NUMBERS,
  rawSegment, rawToken, requestLineSafe,
} from "./hostile.js";
import { hostileSearchBodies } from "./search.js";
import { addressesByName, type Schema, type SpecOperation } from "./spec.js";

/** Placeholders resolved when the request is sent (the playground collection can be recreated). */
export const MAIN_ID = "@main-id@";
export const MAIN_NAME = "@main-name@";

export interface GenContext {
  tenant: string;
  database: string;
  /** Tokens: one covering the playground tenant (most requests), one for everything. */
  token: string;
  adminToken: string;
  /** Limits the server was started with. */
  maxBatchSize: number;
  bodyLimit: number;
  /** Embedding dimension of the playground collection. */
  dim: number;
  /** MAX_FILTER_DEPTH of the core, to aim deep filters just around it. */
  maxFilterDepth: number;
}

export interface HostileRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  chunked?: boolean;
  /** Which mutations were applied, for the report and for reading a counterexample. */
  notes: string[];
}

/** A number JSON cannot express, kept as a marker in the value tree until serialisation. */
class Raw {
  constructor(readonly token: string) {}
}

const RECORD_ARRAYS = ["embeddings", "metadatas", "documents", "uris"];
const ID_POOL = ["r1", "r2", "r3", "r4", "r5", "r6", "seed-0", "x"];
const NAME_POOL = ["scratch-one", "scratch-two", "scratch_3", "abc", "Zz9", "play-main"];
const META_KEYS = ["owner", "i", "tag", "score", "flag"];
/** Keys upstream reserves (or that configure the index): refused or interpreted, never a 5xx. */
const RESERVED_KEYS = ["#tag", "$score", "chroma:document", "hnsw:space", "hnsw:M", "hnsw:search_ef"];

function typesOf(schema: Schema): string[] {
  const t = schema.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === "string" ? [t] : [];
}

const finite = () => fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
const scalar = () => fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -5, max: 50 }), finite(), fc.boolean());

function embedding(dim: number): fc.Arbitrary<unknown> {
  const dims = fc.oneof({ weight: 8, arbitrary: fc.constant(dim) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, dim + 1) });
  return dims.chain((d) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -10, max: 10 }), { minLength: d, maxLength: d }) },
      // base64 little-endian float32, as chromadb@3 sends (advertised by pre-flight-checks).
      { weight: 1, arbitrary: fc.float32Array({ minLength: d, maxLength: d, noNaN: true, noDefaultInfinity: true }).map((a) => Buffer.from(a.buffer).toString("base64")) },
    ),
  );
}

/** A value valid for `schema` (mostly: semantic rules such as equal lengths are the server's to check). */
export function fromSchema(schema: Schema, ctx: GenContext, depth = 4, prop?: string): fc.Arbitrary<unknown> {
  // Leaves steered by property name, so requests address existing records with the right dimension.
  if (prop === "ids") return fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ID_POOL) }, { weight: 1, arbitrary: hostileString() }), { maxLength: 5 });
  if (prop === "query_embeddings") return fc.array(embedding(ctx.dim), { maxLength: 3 });
  if (prop === "include") return fc.subarray(["documents", "embeddings", "metadatas", "distances", "uris"]);
  if ((prop === "name" || prop === "new_name") && typesOf(schema).includes("string")) {
    return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...NAME_POOL) }, { weight: 1, arbitrary: hostileString() });
  }

  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (branches) return depth <= 0 ? fromSchema(branches[0], ctx, depth, prop) : fc.oneof(...branches.map((b) => fromSchema(b, ctx, depth - 1, prop)));
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const types = typesOf(schema);
  if (types.length === 0) return scalar();
  return fc.oneof(...types.map((t) => fromType(t, schema, ctx, depth, prop)));
}

function fromType(type: string, schema: Schema, ctx: GenContext, depth: number, prop?: string): fc.Arbitrary<unknown> {
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "integer": {
      const min = typeof schema.minimum === "number" ? schema.minimum : -5;
      return fc.integer({ min, max: min + 20 });
    }
    case "number":
      return finite();
    case "string":
      if (schema.contentEncoding === "base64") return embedding(ctx.dim).filter((e) => typeof e === "string");
      return fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: hostileString() });
    case "array": {
      const items = (schema.items ?? {}) as Schema;
      if (prop === "embeddings") return fc.array(embedding(ctx.dim), { maxLength: 4 });
      // Recursive schemas (Where inside $and) end here: arbitraries are built eagerly.
      if (depth <= 0) return fc.constant([]);
      return fc.array(fromSchema(items, ctx, depth - 1), { maxLength: 3 });
    }
    case "object":
      return objectArb(schema, ctx, depth);
    default:
      throw new Error(`schema type ${type} not handled`);
  }
}

function objectArb(schema: Schema, ctx: GenContext, depth: number): fc.Arbitrary<unknown> {
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const names = Object.keys(props);
  const ap = schema.additionalProperties;
  if (names.length === 0) {
    const minKeys = typeof schema.minProperties === "number" ? schema.minProperties : 0;
    const maxKeys = typeof schema.maxProperties === "number" ? schema.maxProperties : depth <= 0 ? minKeys : 4;
    if (ap && typeof ap === "object") {
      const keys = fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...META_KEYS) },
        { weight: 1, arbitrary: hostileString().filter((k) => !k.startsWith("$")) },
        { weight: 1, arbitrary: fc.constantFrom(...RESERVED_KEYS) },
      );
      return fc.dictionary(keys, fromSchema(ap as Schema, ctx, depth - 1), { minKeys, maxKeys });
    }
    // A free-form object (configuration, schema): known configuration shapes or small junk.
    return fc.oneof(
      fc.constantFrom({}, { hnsw: { space: "cosine" } }, { hnsw: { space: "ip", ef_search: 20 } }, { hnsw: { space: "bogus" } }, { hnsw: { ef_search: -1 } }, { spann: {} }),
      fc.dictionary(fc.string({ maxLength: 6 }), scalar(), { maxKeys: 3 }),
    );
  }
  if (schema.maxProperties === 1 && required.size === 0) {
    // Exactly one of the listed keys (an operator expression such as {"$gte": 3}).
    return fc.oneof(...names.map((n) => fromSchema(props[n], ctx, depth - 1, n).map((v) => ({ [n]: v }))));
  }
  const parallel = names.includes("ids") && names.some((n) => RECORD_ARRAYS.includes(n));
  const build = (n: number | undefined) => {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const name of names) {
      const s = props[name];
      if (n !== undefined && (name === "ids" || RECORD_ARRAYS.includes(name)) && typesOf(s).includes("array")) {
        // Parallel record arrays: one length for all, as the server requires.
        const item = name === "ids" ? fc.constantFrom(...ID_POOL) : name === "embeddings" ? embedding(ctx.dim) : fromSchema((s.items ?? {}) as Schema, ctx, depth - 1);
        const arr = fc.array(item, { minLength: n, maxLength: n });
        model[name] = typesOf(s).includes("null") && name !== "ids" ? fc.oneof({ weight: 4, arbitrary: arr }, { weight: 1, arbitrary: fc.constant(null) }) : arr;
      } else {
        model[name] = fromSchema(s, ctx, depth - 1, name);
      }
    }
    return fc.record(model, { requiredKeys: [...required].filter((r) => names.includes(r)) });
  };
  return parallel ? fc.integer({ min: 0, max: 5 }).chain((n) => build(n)) : build(undefined);
}

// ---- mutations of a value tree -------------------------------------------------------------

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (out.length > 300) return out;
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === "object" && !(value instanceof Raw)) for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = setAt(copy[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  // defineProperty, so that a "__proto__" key stays an own key instead of setting the prototype.
  Object.defineProperty(copy, head as string, { value: setAt(copy[head as string], rest, replacement), enumerable: true, writable: true, configurable: true });
  return copy;
}

function removeAt(value: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = parentPath.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
  if (Array.isArray(parent)) return setAt(value, parentPath, parent.filter((_, i) => i !== key));
  const { [key as string]: _dropped, ...rest } = parent as Record<string, unknown>;
  return setAt(value, parentPath, rest);
}

/** A replacement for one node of a request body, with a label for the report. */
function hostileNode(ctx: GenContext): fc.Arbitrary<[string, unknown]> {
  return fc.oneof(
    fc.constantFrom<unknown>(null, true, false, 0, -1, "", "str", [], {}, [[[]]], { $x: 1 }, [null], ["a", 1, null, {}], JSON.parse('{"__proto__":{"polluted":1}}')).map((v) => ["wrong type", v] as [string, unknown]),
    hostileString().map((s) => ["hostile string", s] as [string, unknown]),
    fc.constantFrom(...RAW_NUMBERS).map((t) => ["raw number " + t, new Raw(t)] as [string, unknown]),
    fc.tuple(fc.constantFrom(1_000, 20_000, 60_000), fc.constantFrom<unknown>(0.5, "x", null, [])).map(([n, e]) => [`array of ${n}`, new Array(n).fill(e)] as [string, unknown]),
    fc.constantFrom(0, 1, ctx.maxFilterDepth - 1, ctx.maxFilterDepth, ctx.maxFilterDepth + 1, 200, 600).map((d) => [`where nested ${d}`, deepWhere(d)] as [string, unknown]),
    fc.constantFrom(...BAD_WHERES).map((w) => ["bad where", w] as [string, unknown]),
    fc.constantFrom(...BAD_WHERE_DOCUMENTS).map((w) => ["bad where_document", w] as [string, unknown]),
    fc.tuple(fc.constantFrom(...HOSTILE_METADATA_KEYS, "tag"), fc.constantFrom(...HOSTILE_METADATA_VALUES, 1, "x")).map(([k, v]) => [`metadata ${k}=${JSON.stringify(v).slice(0, 40)}`, { [k]: v }] as [string, unknown]),
    fc.constantFrom(...HOSTILE_METADATA_VALUES).map((v) => ["metadata value", v] as [string, unknown]),
    fc.constantFrom(...RAGGED_EMBEDDINGS).map((e) => ["ragged embeddings", e] as [string, unknown]),
    fc.constantFrom(...HOSTILE_SCHEMAS).map((x) => ["hostile schema", x] as [string, unknown]),
    fc.constantFrom(...HOSTILE_CONFIGURATIONS).map((x) => ["hostile configuration", x] as [string, unknown]),
    fc.constant(["huge string", "z".repeat(200_000)] as [string, unknown]),
  );
}

const mutation = (ctx: GenContext) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.nat(), hostileNode(ctx)).map(([i, [label, node]]) => (v: unknown) => {
      const ps = pathsOf(v);
      const p = ps[i % ps.length];
      return [`${label} at ${p.join(".") || "(root)"}`, setAt(v, p, node)] as [string, unknown];
    }) },
    { weight: 2, arbitrary: fc.nat().map((i) => (v: unknown) => {
      const ps = pathsOf(v).filter((p) => p.length > 0);
      if (ps.length === 0) return ["nothing to remove", v] as [string, unknown];
      const p = ps[i % ps.length];
      return [`removed ${p.join(".")}`, removeAt(v, p)] as [string, unknown];
    }) },
    { weight: 2, arbitrary: fc.tuple(fc.nat(), fc.constantFrom("unknown_field", "__proto__", "constructor", "$and", "tenant", "database", "id"), scalar()).map(([i, key, val]) => (v: unknown) => {
      const objects = pathsOf(v).filter((p) => {
        const node = p.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], v);
        return node !== null && typeof node === "object" && !Array.isArray(node) && !(node instanceof Raw);
      });
      if (objects.length === 0) return ["no object to extend", v] as [string, unknown];
      const p = objects[i % objects.length];
      const node = p.reduce<unknown>((n, k) => (n as Record<string | number, unknown>)[k], v) as Record<string, unknown>;
      // defineProperty: a plain `{...node, __proto__: x}` would set the prototype, not a key.
      const extended = { ...node };
      Object.defineProperty(extended, key, { value: val, enumerable: true, writable: true, configurable: true });
      return [`added ${key} at ${p.join(".") || "(root)"}`, setAt(v, p, extended)] as [string, unknown];
    }) },
  );

/** JSON text of a value tree; Raw markers become their raw tokens (NaN, 1e999, ...). */
export function serialize(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v) => {
    if (v instanceof Raw) {
      raws.push(v.token);
      return rawToken(raws.length - 1);
    }
    return v;
  }) ?? "";
  return raws.reduce((t, token, i) => t.split(JSON.stringify(rawToken(i))).join(token), text);
}

// ---- whole requests ------------------------------------------------------------------------

function pathArb(op: SpecOperation, ctx: GenContext): fc.Arbitrary<[string, string[]]> {
  const segments = op.parameters.filter((p) => p.in === "path").map((p) => {
    let valid: fc.Arbitrary<string>;
    if (p.name === "tenant") valid = fc.constant(ctx.tenant);
    else if (p.name === "database") valid = fc.constantFrom(ctx.database, ctx.database, "default_database");
    else if (p.name === "collection_id") valid = addressesByName(op) ? fc.constantFrom(MAIN_NAME, MAIN_NAME, ...NAME_POOL) : fc.oneof({ weight: 5, arbitrary: fc.constant(MAIN_ID) }, { weight: 1, arbitrary: fc.uuid() });
    else valid = fc.string({ minLength: 1, maxLength: 8 }).map(encodeSegment);
    return fc.oneof(
      { weight: 8, arbitrary: valid.map((v) => [p.name, v, ""] as [string, string, string]) },
      { weight: 2, arbitrary: rawSegment().map((v) => [p.name, v, `hostile ${p.name} segment ${v.slice(0, 40)}`] as [string, string, string]) },
    );
  });
  return fc.tuple(...segments).map((parts) => {
    let path = op.path;
    const notes: string[] = [];
    for (const [name, value, note] of parts) {
      path = path.replace(`{${name}}`, value);
      if (note) notes.push(note);
    }
    return [path, notes] as [string, string[]];
  });
}

function queryArb(op: SpecOperation, ctx: GenContext): fc.Arbitrary<[string, string[]]> {
  const params = op.parameters.filter((p) => p.in === "query").map((p) => {
    const valid = p.name === "tenant" ? fc.constant(ctx.tenant) : p.name === "database" ? fc.constantFrom(ctx.database, "default_database") : fc.integer({ min: 0, max: 10 }).map(String);
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      { weight: 4, arbitrary: valid.map((v) => [`${p.name}=${encodeURIComponent(v)}`, ""] as [string, string]) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_QUERY_VALUES).map((v) => [`${p.name}=${requestLineSafe(v)}`, `hostile query ${p.name}=${v}`] as [string, string]) },
      { weight: 1, arbitrary: hostileString().map((v) => [`${p.name}=${encodeSegment(v)}`, `hostile query ${p.name}`] as [string, string]) },
      { weight: 1, arbitrary: fc.constant([`${p.name}=1&${p.name}=2`, `repeated ${p.name}`] as [string, string]) },
    );
  });
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom("foo=bar", "tenant[]=x", "__proto__[x]=1", "a=%zz", "=", "&&&", "limit", "x=" + "q".repeat(5000)).map((q) => [q, `extra query ${q.slice(0, 30)}`] as [string, string]) },
  );
  return fc.tuple(fc.tuple(...params), extra).map(([ps, x]) => {
    const all = [...ps, x].filter((v): v is [string, string] => v !== null);
    return [all.length ? "?" + all.map(([q]) => q).join("&") : "", all.map(([, n]) => n).filter(Boolean)] as [string, string[]];
  });
}

function headersArb(ctx: GenContext, hasBody: boolean): fc.Arbitrary<[Record<string, string>, string[]]> {
  const token = fc.oneof(
    { weight: 14, arbitrary: fc.constant<[Record<string, string>, string]>([{ authorization: `Bearer ${ctx.token}` }, ""]) },
    { weight: 1, arbitrary: fc.constant<[Record<string, string>, string]>([{ "x-chroma-token": ctx.adminToken }, "admin token"]) },
    { weight: 1, arbitrary: fc.constant<[Record<string, string>, string]>([{}, "no token"]) },
    { weight: 1, arbitrary: fc.constantFrom("Bearer", "Bearer ", "Basic eDp5", "Bearer " + "t".repeat(16_000), `Bearer ${ctx.token} extra`, `Bearer\t${ctx.token}`, "Bearer %00").map((a) => [{ authorization: a }, `authorization ${a.slice(0, 20)}`] as [Record<string, string>, string]) },
  );
  const type = hasBody
    ? fc.oneof(
        { weight: 8, arbitrary: fc.constant<[Record<string, string>, string]>([{ "content-type": "application/json" }, ""]) },
        { weight: 1, arbitrary: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/octet-stream", "").map((t) => [t ? { "content-type": t } : {}, `content-type ${t || "(none)"}`] as [Record<string, string>, string]) },
      )
    : fc.constant<[Record<string, string>, string]>([{}, ""]);
  return fc.tuple(token, type).map(([[h1, n1], [h2, n2]]) => [{ ...h1, ...h2 }, [n1, n2].filter(Boolean)]);
}

function bodyArb(op: SpecOperation, ctx: GenContext): fc.Arbitrary<[string | Buffer | undefined, string[], boolean]> {
  if (!op.body) {
    // Operations without a body get one now and then anyway.
    return fc.oneof(
      { weight: 9, arbitrary: fc.constant<[undefined, string[], boolean]>([undefined, [], false]) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((b) => [b, ["unexpected body"], false] as [string | Buffer, string[], boolean]) },
    );
  }
  const valid = fromSchema(op.body.schema, ctx);
  const mutated = fc.tuple(valid, fc.array(mutation(ctx), { minLength: 1, maxLength: 2 })).map(([v, ms]) => {
    const notes: string[] = [];
    let value = v;
    for (const m of ms) {
      const [note, next] = m(value);
      notes.push(note);
      value = next;
    }
    return [value === undefined ? undefined : serialize(value), notes, false] as [string | undefined, string[], boolean];
  });
  const props = ((op.body.schema.properties ?? {}) as Record<string, Schema>);
  const special: fc.Arbitrary<[string | Buffer | undefined, string[], boolean]>[] = [
    // Beyond the body limit, with a Content-Length or streamed in chunks.
    fc.tuple(valid, fc.integer({ min: 1, max: 100_000 }), fc.boolean()).map(([v, extra, chunked]) => [serialize(v) + " ".repeat(ctx.bodyLimit + extra), [`oversize body (+${extra} bytes${chunked ? ", chunked" : ""})`], chunked] as [string, string[], boolean]),
    fc.tuple(valid, corruptText()).map(([v, f]) => [f(serialize(v)), ["corrupted JSON text"], false] as [string, string[], boolean]),
    fc.constantFrom(...RAW_BODIES).map((b) => [b, ["raw body"], false] as [string | Buffer, string[], boolean]),
  ];
  if (props.ids && props.embeddings) {
    // A batch above max_batch_size, otherwise well-formed.
    special.push(fc.integer({ min: ctx.maxBatchSize + 1, max: ctx.maxBatchSize * 3 }).map((n) => {
      const ids = Array.from({ length: n }, (_, i) => `batch-${i}`);
      return [JSON.stringify({ ids, embeddings: ids.map((_, i) => Array.from({ length: ctx.dim }, (__, j) => i + j)) }), [`batch of ${n} (max ${ctx.maxBatchSize})`], false] as [string, string[], boolean];
    }));
  }
  for (const key of ["where", "where_document"]) {
    if (!props[key]) continue;
    const make = key === "where" ? deepWhere : deepWhereDocument;
    special.push(fc.constantFrom(ctx.maxFilterDepth, ctx.maxFilterDepth + 1, ctx.maxFilterDepth + 5, 250, 2_000).map((d) => [JSON.stringify({ [key]: make(d), ...(props.query_embeddings ? { query_embeddings: [Array(ctx.dim).fill(0.5)] } : {}) }), [`${key} nested ${d}`], false] as [string, string[], boolean]));
  }
  if (props.searches) {
    // The Search API: generated rank expressions and extreme payloads weigh as much as the rest.
    return fc.oneof(
      { weight: 2, arbitrary: valid.map((v) => [serialize(v), [], false] as [string, string[], boolean]) },
      { weight: 3, arbitrary: mutated },
      { weight: 1, arbitrary: fc.oneof(...special) },
      { weight: 6, arbitrary: hostileSearchBodies(ctx.dim).map(([b, n]) => [b, n, false] as [string, string[], boolean]) },
    );
  }
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((v) => [serialize(v), [], false] as [string, string[], boolean]) },
    { weight: 5, arbitrary: mutated },
    { weight: 2, arbitrary: fc.oneof(...special) },
  );
}

export function requestArb(op: SpecOperation, ctx: GenContext): fc.Arbitrary<HostileRequest> {
  return fc.tuple(pathArb(op, ctx), queryArb(op, ctx), headersArb(ctx, op.body !== null), bodyArb(op, ctx)).map(([[path, pn], [query, qn], [headers, hn], [body, bn, chunked]]) => ({
    method: op.method,
    path: path + query,
    headers,
    body,
    chunked,
    notes: [...pn, ...qn, ...hn, ...bn],
  }));
}
