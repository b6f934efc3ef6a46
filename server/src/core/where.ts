/**
 * Parses upstream's `where` and `where_document` JSON into the typed filter tree, rejecting what
 * upstream rejects (400 InvalidArgumentError). Grammar, as Chroma 1.x accepts it:
 *   where     := {"$and"|"$or": [where, ...]} | {key: scalar} | {key: {op: scalar}} | {key: {"$in"|"$nin": [scalar, ...]}}
 *                | {key: {"$contains"|"$not_contains": scalar}}   (membership in an array value)
 *   document  := {"$and"|"$or": [document, ...]} | {"$contains"|"$not_contains"|"$regex"|"$not_regex": string}
 * Exactly one key per object; $gt/$gte/$lt/$lte take numbers; $in/$nin take a non-empty list of one type.
 * In `where`, the reserved keys `#id` ($eq/$ne/$in/$nin on string ids) and `#document`
 * ($contains/$not_contains/$regex/$not_regex) test the record's id and document (upstream 1.x).
 *
 * Messages: v2 answers upstream's "Invalid where clause" / "Invalid where document clause" followed
 * by the reason; v1 answers chromadb 0.6.3's wording (chromadb/api/types.py validate_where), which
 * v1 clients match on, carried as the error's `v1Message`.
 */
import { InvalidArgumentError } from "./errors.js";
import type { ComparisonOp, ContainsOp, DocumentFilter, MembershipOp, MetadataFilter, MetadataScalar } from "./filter.js";

const COMPARISON_OPS = new Set<string>(["$eq", "$ne", "$gt", "$gte", "$lt", "$lte"]);
const ORDER_OPS = new Set<string>(["$gt", "$gte", "$lt", "$lte"]);
const MEMBERSHIP_OPS = new Set<string>(["$in", "$nin"]);
const CONTAINS_OPS = new Set<string>(["$contains", "$not_contains"]);
const DOCUMENT_OPS = new Set<string>(["$contains", "$not_contains", "$regex", "$not_regex"]);

/**
 * Filter limits, enforced here and advertised in docs/security.md. Storage compiles a filter to one
 * SQL expression whose parser gives up past ~45 levels of nesting; a filter within these limits
 * stays within ~40 (storage joins wide $and/$or lists as balanced trees, so width adds only its
 * logarithm). Upstream 1.x accepts 62 levels but crashes on very wide lists; we refuse both
 * with a 400 instead.
 */
export const MAX_FILTER_DEPTH = 24;
export const MAX_FILTER_CONDITIONS = 4096;

type ErrorFactory = (message: string, v1Message?: string) => InvalidArgumentError;

/** Counts the conditions of one where / where_document as it is parsed. */
class Budget {
  private used = 0;
  constructor(private readonly error: ErrorFactory) {}
  take(): void {
    if (++this.used > MAX_FILTER_CONDITIONS) throw this.error(`more than ${MAX_FILTER_CONDITIONS} conditions`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is MetadataScalar {
  return typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text !== undefined && text.length > 200 ? `${text.slice(0, 200)}...` : String(text);
}

const whereError: ErrorFactory = (message, v1Message) =>
  new InvalidArgumentError(`Invalid where clause: ${message}`, { v1Message: v1Message ?? `Invalid where clause: ${message}` });

export function parseWhere(raw: unknown, depth = 0, budget = new Budget(whereError)): MetadataFilter {
  if (depth > MAX_FILTER_DEPTH) throw whereError(`nesting deeper than ${MAX_FILTER_DEPTH} levels`);
  budget.take();
  if (!isPlainObject(raw)) throw whereError(`expected where to be an object, got ${show(raw)}`, `Expected where to be a dict, got ${show(raw)}`);
  const keys = Object.keys(raw);
  if (keys.length !== 1) {
    throw whereError(`expected where to have exactly one operator, got ${show(raw)}`, `Expected where to have exactly one operator, got ${show(raw)}`);
  }
  const key = keys[0];
  const value = raw[key];

  if (key === "$and" || key === "$or") {
    if (!Array.isArray(value)) {
      throw whereError(
        `expected the value of ${key} to be a list of where expressions, got ${show(value)}`,
        `Expected where value for $and or $or to be a list of where expressions, got ${show(value)}`,
      );
    }
    return { kind: key === "$and" ? "and" : "or", children: value.map((child) => parseWhere(child, depth + 1, budget)) };
  }
  if (key.startsWith("$")) throw whereError(`unknown operator ${key}; expected $and, $or or a metadata key`);
  if (key === ID_KEY) {
    const ids = idCondition(value);
    if (ids) return ids;
  }
  if (key === DOCUMENT_KEY) {
    const document = documentCondition(value);
    if (document) return document;
  }

  if (isScalar(value)) return { kind: "compare", key, op: "$eq", value };
  if (!isPlainObject(value)) {
    throw whereError(
      `expected the value of ${show(key)} to be a str, int, float, bool or operator expression, got ${show(value)}`,
      `Expected where value to be a str, int, float, or operator expression, got ${show(value)}`,
    );
  }
  const ops = Object.keys(value);
  if (ops.length !== 1) {
    throw whereError(
      `expected operator expression to have exactly one operator, got ${show(value)}`,
      `Expected operator expression to have exactly one operator, got ${show(value)}`,
    );
  }
  const op = ops[0];
  const operand = value[op];

  if (COMPARISON_OPS.has(op)) {
    if (ORDER_OPS.has(op)) {
      if (typeof operand !== "number" || !Number.isFinite(operand)) {
        const message = `expected operand value to be an int or a float for operator ${op}, got ${show(operand)}`;
        throw whereError(message, `Expected operand value to be an int or a float for operator ${op}, got ${show(operand)}`);
      }
    } else if (!isScalar(operand)) {
      throw whereError(
        `expected operand value for ${op} to be a str, int, float or bool, got ${show(operand)}`,
        `Expected where operand value to be a str, int, float, or list of those type, got ${show(operand)}`,
      );
    }
    return { kind: "compare", key, op: op as ComparisonOp, value: operand as MetadataScalar };
  }
  if (MEMBERSHIP_OPS.has(op)) {
    if (!Array.isArray(operand)) {
      throw whereError(
        `expected operand value for ${op} to be a non-empty list of str, int, float or bool, got ${show(operand)}`,
        `Expected operand value to be an list for operator ${op}, got ${show(operand)}`,
      );
    }
    const kindOf = (v: MetadataScalar) => typeof v;
    if (operand.length === 0 || !operand.every(isScalar) || !operand.every((v) => kindOf(v) === kindOf(operand[0]))) {
      throw whereError(
        operand.length === 0 || !operand.every(isScalar)
          ? `expected operand value for ${op} to be a non-empty list of str, int, float or bool, got ${show(operand)}`
          : `expected all values of ${op} to be of the same type, got ${show(operand)}`,
        `Expected where operand value to be a non-empty list, and all values to be of the same type got ${show(operand)}`,
      );
    }
    return { kind: "member", key, op: op as MembershipOp, values: operand };
  }
  if (CONTAINS_OPS.has(op)) {
    if (!isScalar(operand)) {
      throw whereError(
        `expected operand value for ${op} to be a str, int, float or bool (an element of an array value), got ${show(operand)}`,
        `Expected where operand value to be a str, int, float, or bool for operator ${op}, got ${show(operand)}`,
      );
    }
    return { kind: "contains", key, op: op as ContainsOp, value: operand };
  }
  throw whereError(
    `expected where operator to be one of $gt, $gte, $lt, $lte, $ne, $eq, $in, $nin, $contains, $not_contains, got ${op}`,
    `Expected where operator to be one of $gt, $gte, $lt, $lte, $ne, $eq, $in, $nin, got ${op}`,
  );
}

/**
 * Reserved where keys (upstream's `Key::ID`/`Key::DOCUMENT`): no metadata key may begin with `#`,
 * so these never collide with a record's metadata. Other operators on them fall through to the
 * metadata grammar and, as upstream, match no record (no metadata key is called `#id`).
 */
export const ID_KEY = "#id";
export const DOCUMENT_KEY = "#document";

/** `{"#id": "x"}`, `{"#id": {"$eq"|"$ne": "x"}}`, `{"#id": {"$in"|"$nin": ["x", ...]}}` with string ids. */
function idCondition(value: unknown): MetadataFilter | undefined {
  if (typeof value === "string") return { kind: "id", op: "$in", ids: [value] };
  if (!isPlainObject(value) || Object.keys(value).length !== 1) return undefined;
  const [op, operand] = Object.entries(value)[0];
  if ((op === "$eq" || op === "$ne") && typeof operand === "string") return { kind: "id", op: op === "$eq" ? "$in" : "$nin", ids: [operand] };
  if ((op === "$in" || op === "$nin") && Array.isArray(operand) && operand.length > 0 && operand.every((v) => typeof v === "string")) {
    return { kind: "id", op, ids: [...new Set(operand as string[])] };
  }
  return undefined;
}

/** `{"#document": {"$contains"|"$not_contains"|"$regex"|"$not_regex": "text"}}`: a document condition. */
function documentCondition(value: unknown): MetadataFilter | undefined {
  if (!isPlainObject(value) || Object.keys(value).length !== 1) return undefined;
  const [op, operand] = Object.entries(value)[0];
  if (!DOCUMENT_OPS.has(op)) return undefined;
  if (typeof operand !== "string") throw whereError(`expected the operand of ${op} on ${DOCUMENT_KEY} to be a str, got ${show(operand)}`);
  return { kind: "document", filter: documentLeaf(op, operand) };
}

function documentLeaf(op: string, operand: string): DocumentFilter {
  // Patterns are compiled by storage's regex engine (Rust regex syntax, like upstream), which
  // rejects bad ones with InvalidPatternError; JS RegExp would judge them by another dialect.
  if (op === "$regex" || op === "$not_regex") return { kind: op === "$regex" ? "regex" : "not_regex", pattern: operand };
  return { kind: op === "$contains" ? "contains" : "not_contains", text: operand };
}


const documentError: ErrorFactory = (message, v1Message) =>
  new InvalidArgumentError(`Invalid where document clause: ${message}`, {
    v1Message: v1Message ?? `Invalid where document clause: ${message}`,
  });

export function parseWhereDocument(raw: unknown, depth = 0, budget = new Budget(documentError)): DocumentFilter {
  if (depth > MAX_FILTER_DEPTH) throw documentError(`nesting deeper than ${MAX_FILTER_DEPTH} levels`);
  budget.take();
  if (!isPlainObject(raw)) {
    throw documentError(`expected where document to be an object, got ${show(raw)}`, `Expected where document to be a dictionary, got ${show(raw)}`);
  }
  const keys = Object.keys(raw);
  if (keys.length !== 1) {
    throw documentError(
      `expected where document to have exactly one operator, got ${show(raw)}`,
      `Expected where document to have exactly one operator, got ${show(raw)}`,
    );
  }
  const op = keys[0];
  const operand = raw[op];
  if (op === "$and" || op === "$or") {
    if (!Array.isArray(operand)) {
      throw documentError(
        `expected the value of ${op} to be a list of where document expressions, got ${show(operand)}`,
        `Expected document value for $and or $or to be a list of where document expressions, got ${show(operand)}`,
      );
    }
    return { kind: op === "$and" ? "and" : "or", children: operand.map((child) => parseWhereDocument(child, depth + 1, budget)) };
  }
  if (!DOCUMENT_OPS.has(op)) {
    throw documentError(
      `expected where document operator to be one of $contains, $not_contains, $regex, $not_regex, $and, $or, got ${op}`,
      `Expected where document operator to be one of $contains, $and, $or, got ${op}`,
    );
  }
  if (typeof operand !== "string") {
    throw documentError(
      `expected the operand of ${op} to be a str, got ${show(operand)}`,
      `Expected where document operand value for operator ${op} to be a str, got ${show(operand)}`,
    );
  }
  return documentLeaf(op, operand);
}

/** Optional filters as they arrive on the wire; `null` and absent both mean "no filter". */
export function parseOptionalWhere(raw: unknown): MetadataFilter | undefined {
  return raw === undefined || raw === null ? undefined : parseWhere(raw);
}

export function parseOptionalWhereDocument(raw: unknown): DocumentFilter | undefined {
  return raw === undefined || raw === null ? undefined : parseWhereDocument(raw);
}
