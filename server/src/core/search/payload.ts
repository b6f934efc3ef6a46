/**
 * Parses and validates a search request (upstream `SearchRequestPayload` → `SearchRequest`), in
 * upstream's two steps and with its wording:
 *  1. deserialization (serde, rust/types/src/execution/{plan,operator}.rs): wrong shapes answer
 *     422 (400 for serde's syntax category) — see decode.ts;
 *  2. validation (`validator`, rust/types/src/validators.rs: validate_rank, validate_group_by,
 *     validate_search_payload): 400 "Validation error: searches[i].<field>: <message>".
 * Fields are read in the order they appear in the JSON object, as serde visits them, so the first
 * error reported is the one upstream reports. Unknown fields are ignored, as upstream does.
 *
 * Limits beyond upstream's (docs/security.md): MAX_SEARCHES per request, MAX_RANK_NODES per rank
 * expression and MAX_KNN_PER_SEARCH `$knn` leaves, so one request cannot pin the server; each
 * answers 400 naming the limit. A `$knn` query value beyond float32's range (upstream would search
 * with an infinity and rank by NaN) also answers 400.
 */
import { InvalidArgumentError } from "../errors.js";
import { isSparseIndex, sparseVectorProblem, SPARSE_VECTOR_TYPE, type SparseVector } from "../sparse-vector.js";
import { parseWhere } from "../where.js";
import {
  boolean,
  externallyTagged,
  f32,
  invalidType,
  isObject,
  optional,
  Path,
  PayloadError,
  required,
  sequence,
  string,
  struct,
  u32,
  unitEnum,
} from "./decode.js";
import { compareKeys, isMetadataField, knnQueries, SCORE, type GroupBy, type KnnRank, type QueryVector, type RankExpr, type SearchPlan } from "./plan.js";

export const READ_LEVELS = ["index_and_wal", "index_only", "index_and_bounded_wal"] as const;
export type ReadLevel = (typeof READ_LEVELS)[number];

export interface SearchRequest {
  searches: SearchPlan[];
  readLevel: ReadLevel;
}

export const MAX_SEARCHES = 1024;
export const MAX_RANK_NODES = 4096;
export const MAX_KNN_PER_SEARCH = 64;

/** Upstream's `$knn` defaults (RankExpr::default_knn_key / default_knn_limit). */
export const DEFAULT_KNN_KEY = "#embedding";
export const DEFAULT_KNN_LIMIT = 16;

/** serde's variant list for `RankExpr`, in declaration order (what "expected one of" lists). */
const RANK_VARIANTS = ["$abs", "$div", "$exp", "$knn", "$log", "$max", "$min", "$mul", "$sub", "$sum", "$val"] as const;
const RANK_VARIANT_KIND: Record<(typeof RANK_VARIANTS)[number], string> = {
  $abs: "newtype variant",
  $div: "struct variant",
  $exp: "newtype variant",
  $knn: "struct variant",
  $log: "newtype variant",
  $max: "newtype variant",
  $min: "newtype variant",
  $mul: "newtype variant",
  $sub: "struct variant",
  $sum: "newtype variant",
  $val: "newtype variant",
};
const AGGREGATE_VARIANTS = ["$min_k", "$max_k"] as const;

function validationError(path: Path, message: string): InvalidArgumentError {
  return new InvalidArgumentError(`Validation error: ${path.text}: ${message}`);
}

/** Counts rank nodes while parsing (MAX_RANK_NODES). */
class NodeBudget {
  private used = 0;
  take(path: Path): void {
    if (++this.used > MAX_RANK_NODES) {
      throw new InvalidArgumentError(`${path.text}: a rank expression may have at most ${MAX_RANK_NODES} terms`);
    }
  }
}

/** Both steps, in upstream's order. */
export function parseSearchRequest(body: unknown): SearchRequest {
  const request = deserializeSearchRequest(body);
  validateSearchRequest(request);
  return request;
}

/** Step 1: the payload's shape (422, or 400 for serde's syntax category). */
export function deserializeSearchRequest(body: unknown): SearchRequest {
  const root = struct(body, Path.root, "SearchRequestPayload");
  let searchesRaw: unknown[] | undefined;
  let readLevel: ReadLevel = "index_and_wal";
  for (const key of Object.keys(root)) {
    if (key === "searches") searchesRaw = sequence(root.searches, Path.root.field("searches"));
    else if (key === "read_level") readLevel = unitEnum(root.read_level, Path.root.field("read_level"), READ_LEVELS, "ReadLevel");
  }
  if (searchesRaw === undefined) required(root, "searches", Path.root);
  const raw = searchesRaw!;
  if (raw.length > MAX_SEARCHES) {
    throw new InvalidArgumentError(`searches: at most ${MAX_SEARCHES} searches per request, got ${raw.length}`);
  }
  return { searches: raw.map((s, i) => parseSearch(s, Path.root.field("searches").index(i))), readLevel };
}

/** Step 2: upstream's validators (400 "Validation error: ..."). */
export function validateSearchRequest(request: SearchRequest): void {
  request.searches.forEach((s, i) => validateSearch(s, Path.root.field("searches").index(i)));
}

function parseSearch(value: unknown, path: Path): SearchPlan {
  const obj = struct(value, path, "SearchPayload");
  const plan: SearchPlan = { offset: 0, select: [] };
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    const at = path.field(key);
    switch (key) {
      case "filter":
        plan.filter = parseFilter(v, at);
        break;
      case "rank":
        plan.rank = v === null ? undefined : parseRank(v, at, new NodeBudget());
        break;
      case "group_by":
        plan.groupBy = parseGroupBy(v, at);
        break;
      case "limit": {
        const limit = struct(v, at, "Limit");
        for (const field of Object.keys(limit)) {
          if (field === "offset") plan.offset = u32(limit.offset, at.field("offset"));
          else if (field === "limit") plan.limit = limit.limit === null ? undefined : u32(limit.limit, at.field("limit"));
        }
        break;
      }
      case "select": {
        const select = struct(v, at, "Select");
        const keys = optional(select, "keys");
        const list = keys === undefined ? [] : sequence(keys, at.field("keys")).map((k, j) => string(k, at.field("keys").index(j)));
        plan.select = [...new Set(list)].sort(compareKeys);
        break;
      }
    }
  }
  return plan;
}

/** upstream `Filter` deserializes the whole value as a where clause; `null` and `{}` mean none. */
function parseFilter(value: unknown, path: Path) {
  if (value === null || (isObject(value) && Object.keys(value).length === 0)) return undefined;
  try {
    return parseWhere(value);
  } catch (err) {
    if (err instanceof InvalidArgumentError) throw new PayloadError(path.text, err.message);
    throw err;
  }
}

function parseRank(value: unknown, path: Path, budget: NodeBudget): RankExpr {
  budget.take(path);
  const { variant, content } = externallyTagged(value, path, RANK_VARIANTS, (v) => RANK_VARIANT_KIND[v as keyof typeof RANK_VARIANT_KIND]);
  const at = path.field(variant);
  switch (variant) {
    case "$abs":
    case "$exp":
    case "$log":
      return { kind: variant.slice(1) as "abs" | "exp" | "log", term: parseRank(content, at, budget) };
    case "$sum":
    case "$mul":
    case "$max":
    case "$min":
      return {
        kind: variant.slice(1) as "sum" | "mul" | "max" | "min",
        terms: sequence(content, at).map((t, i) => parseRank(t, at.index(i), budget)),
      };
    case "$sub":
    case "$div": {
      const pair = struct(content, at, `variant RankExpr::${variant === "$sub" ? "Subtraction" : "Division"}`);
      let left: RankExpr | undefined;
      let right: RankExpr | undefined;
      for (const key of Object.keys(pair)) {
        if (key === "left") left = parseRank(pair.left, at.field("left"), budget);
        else if (key === "right") right = parseRank(pair.right, at.field("right"), budget);
      }
      if (left === undefined) required(pair, "left", at);
      if (right === undefined) required(pair, "right", at);
      return { kind: variant === "$sub" ? "sub" : "div", left: left!, right: right! };
    }
    case "$val":
      return { kind: "val", value: f32(content, at) };
    default:
      return parseKnn(content, at);
  }
}

function parseKnn(content: unknown, path: Path): KnnRank {
  const obj = struct(content, path, "variant RankExpr::Knn");
  let query: QueryVector | undefined;
  const knn: KnnRank = { kind: "knn", query: undefined as unknown as QueryVector, key: DEFAULT_KNN_KEY, limit: DEFAULT_KNN_LIMIT, default: null, returnRank: false };
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    const at = path.field(key);
    if (key === "query") query = parseQueryVector(v, at);
    else if (key === "key") knn.key = string(v, at);
    else if (key === "limit") knn.limit = u32(v, at);
    else if (key === "default") knn.default = v === null ? null : f32(v, at);
    else if (key === "return_rank") knn.returnRank = boolean(v, at);
  }
  if (query === undefined) required(obj, "query", path);
  knn.query = query!;
  return knn;
}

/** Upstream `QueryVector` is `#[serde(untagged)]`: a list of f32, else a SparseVector object. */
function parseQueryVector(value: unknown, path: Path): QueryVector {
  const fail = () => new PayloadError(path.text, "data did not match any variant of untagged enum QueryVector");
  if (Array.isArray(value)) {
    if (!value.every((x) => typeof x === "number")) throw fail();
    return { kind: "dense", vector: Float32Array.from(value as number[]) };
  }
  if (!isObject(value)) throw fail();
  const sparse = readSparseVector(value);
  if (!sparse) throw fail();
  return { kind: "sparse", vector: sparse };
}

/** The SparseVector serde helper: indices: Vec<u32>, values: Vec<f32>, tokens/#type optional. */
function readSparseVector(obj: Record<string, unknown>): SparseVector | undefined {
  const { indices, values, tokens } = obj;
  const type = obj["#type"];
  if (!Array.isArray(indices) || !indices.every(isSparseIndex)) return undefined;
  if (!Array.isArray(values) || !values.every((v) => typeof v === "number")) return undefined;
  if (tokens !== undefined && tokens !== null && !(Array.isArray(tokens) && tokens.every((t) => typeof t === "string"))) return undefined;
  if (type !== undefined && type !== null && type !== SPARSE_VECTOR_TYPE) return undefined;
  return {
    indices: indices as number[],
    values: (values as number[]).map((v) => Math.fround(v)),
    ...(Array.isArray(tokens) ? { tokens: tokens as string[] } : {}),
  };
}

function parseGroupBy(value: unknown, path: Path): GroupBy | undefined {
  const obj = struct(value, path, "GroupBy");
  let keys: string[] = [];
  let aggregate: GroupBy["aggregate"] | undefined;
  for (const key of Object.keys(obj)) {
    const at = path.field(key);
    if (key === "keys") keys = sequence(obj.keys, at).map((k, i) => string(k, at.index(i)));
    else if (key === "aggregate" && obj.aggregate !== null) {
      const { variant, content } = externallyTagged(obj.aggregate, at, AGGREGATE_VARIANTS, () => "struct variant");
      const vat = at.field(variant);
      const args = struct(content, vat, `variant Aggregate::${variant === "$min_k" ? "MinK" : "MaxK"}`);
      let aggKeys: string[] | undefined;
      let k: number | undefined;
      for (const field of Object.keys(args)) {
        if (field === "keys") aggKeys = sequence(args.keys, vat.field("keys")).map((x, i) => string(x, vat.field("keys").index(i)));
        else if (field === "k") k = u32(args.k, vat.field("k"));
      }
      if (aggKeys === undefined) required(args, "keys", vat);
      if (k === undefined) required(args, "k", vat);
      aggregate = { kind: variant === "$min_k" ? "min_k" : "max_k", keys: aggKeys!, k: k! };
    }
  }
  // Upstream keeps an empty GroupBy (no keys, no aggregate) as "no grouping"; a half-given one is
  // refused by validation below, so remember what was given.
  if (keys.length === 0 && aggregate === undefined) return undefined;
  return { keys, aggregate: aggregate as GroupBy["aggregate"] };
}

/** upstream validate_rank, validate_group_by, validate_search_payload, in that order. */
function validateSearch(plan: SearchPlan, path: Path): void {
  const knns = knnQueries(plan.rank);
  for (const knn of knns) {
    if (knn.query.kind !== "sparse") continue;
    const problem = sparseVectorProblem(knn.query.vector);
    if (problem) throw validationError(path.field("rank"), `Invalid sparse vector in KNN query: ${problem}`);
  }
  // Beyond upstream (which would rank by NaN distances): a query value that overflows float32.
  for (const knn of knns) {
    const values = knn.query.kind === "dense" ? knn.query.vector : knn.query.vector.values;
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        throw new InvalidArgumentError(`${path.field("rank").text}: a $knn query value is outside the float32 range (${values[i]} at position ${i})`);
      }
    }
  }
  if (knns.length > MAX_KNN_PER_SEARCH) {
    throw new InvalidArgumentError(`${path.field("rank").text}: a rank expression may have at most ${MAX_KNN_PER_SEARCH} $knn terms, got ${knns.length}`);
  }
  const groupBy = plan.groupBy;
  if (groupBy) {
    const at = path.field("group_by");
    if ((groupBy.keys.length > 0) !== (groupBy.aggregate !== undefined)) {
      throw validationError(at, "group_by keys and aggregate must both be specified or both be omitted");
    }
    if (groupBy.keys.some((k) => !isMetadataField(k))) {
      throw validationError(at, "group_by keys must be metadata fields (cannot use #score, #document, #embedding, or #metadata)");
    }
    const { keys, k } = groupBy.aggregate;
    if (keys.length === 0) throw validationError(at, "aggregate keys must not be empty");
    if (k === 0) throw validationError(at, "aggregate k must be greater than 0");
    if (keys.some((key) => key !== SCORE && !isMetadataField(key))) {
      throw validationError(at, "aggregate keys must be metadata fields or #score (cannot use #document, #embedding, or #metadata)");
    }
    if (plan.rank === undefined) throw validationError(path.field("__all__"), "group_by requires rank expression to be specified");
  }
}
