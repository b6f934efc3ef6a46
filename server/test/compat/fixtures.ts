/**
 * The shared data set and filter cases that every client scenario runs, so the three client
 * files check the same behaviour and differ only in how each client spells it.
 */
import { randomBytes } from "node:crypto";
import { EMBEDDING_DIM } from "./embedding.js";
import { mulberry32 } from "../helpers/random.js";

export const DIM = EMBEDDING_DIM;

export interface FixtureMetadata {
  [key: string]: string | number | boolean;
  i: number;
  group: string;
  score: number;
  flag: boolean;
}

export interface FixtureRecord {
  id: string;
  embedding: number[];
  document: string;
  metadata: FixtureMetadata;
}

/**
 * A unique, server-valid name (3-512 chars of [a-zA-Z0-9._-], alphanumeric at both ends) so the
 * scenario files can share one server, even the long-lived upstream reference, without resetting.
 */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
}


/**
 * Quarter steps in [-2, 2]: exactly representable in float32, so what comes back from a server
 * can be compared with toEqual, and distances computed here in float64 are exact too.
 */
export function vector(seed: number, dim = DIM): number[] {
  const next = mulberry32(seed);
  return Array.from({ length: dim }, () => {
    const v = Math.round(next() * 16 - 8) / 4;
    return v === 0 ? 0 : v; // no -0: JSON would turn it into 0 anyway
  });
}

// Lowercase only: chromadb 0.6.3 matched $contains with SQLite FTS5 trigram LIKE (case-insensitive),
// Chroma 1.x matches case-sensitively. Lowercase documents and terms keep both readings equal.
const DOCUMENTS = [
  "apple pie with cinnamon",
  "banana bread recipe",
  "cherry tart and apple crumble",
  "dates and figs",
  "elderberry wine",
  "fig jam on toast",
  "grape juice",
  "honeydew melon salad",
  "apple cider vinegar",
  "kiwi smoothie",
];

const GROUPS = ["a", "b", "c"];

export const RECORDS: FixtureRecord[] = DOCUMENTS.map((document, i) => ({
  id: `rec-${String(i).padStart(2, "0")}`,
  embedding: vector(1000 + i),
  document,
  // score is never an integer: a JS 2.0 would be serialised as 2 and typed as an int upstream.
  metadata: { i, group: GROUPS[i % 3], score: i + 0.25, flag: i % 2 === 0 },
}));

export const ids = (records: FixtureRecord[]): string[] => records.map((r) => r.id);

export const QUERY_VECTORS = [vector(7), vector(8)];

export interface FilterCase<F> {
  name: string;
  filter: F;
  /** The same predicate written out in JS, to compute the expected ids from the fixture. */
  matches: (r: FixtureRecord) => boolean;
}

type Where = Record<string, unknown>;

/** Metadata filters: every comparison, inclusion and logical operator of the where language. */
export const WHERE_CASES: FilterCase<Where>[] = [
  { name: "implicit $eq on a string", filter: { group: "a" }, matches: (r) => r.metadata.group === "a" },
  { name: "$eq on a string", filter: { group: { $eq: "b" } }, matches: (r) => r.metadata.group === "b" },
  { name: "$eq on a bool", filter: { flag: { $eq: true } }, matches: (r) => r.metadata.flag },
  { name: "$ne on a string", filter: { group: { $ne: "a" } }, matches: (r) => r.metadata.group !== "a" },
  { name: "$ne on an int", filter: { i: { $ne: 4 } }, matches: (r) => r.metadata.i !== 4 },
  { name: "$gt on an int", filter: { i: { $gt: 6 } }, matches: (r) => r.metadata.i > 6 },
  { name: "$gte on an int", filter: { i: { $gte: 6 } }, matches: (r) => r.metadata.i >= 6 },
  { name: "$lt on an int", filter: { i: { $lt: 2 } }, matches: (r) => r.metadata.i < 2 },
  { name: "$lte on an int", filter: { i: { $lte: 2 } }, matches: (r) => r.metadata.i <= 2 },
  { name: "$gt on a float", filter: { score: { $gt: 4.5 } }, matches: (r) => r.metadata.score > 4.5 },
  { name: "$lte on a float", filter: { score: { $lte: 3.25 } }, matches: (r) => r.metadata.score <= 3.25 },
  { name: "$in on ints", filter: { i: { $in: [1, 3, 5, 42] } }, matches: (r) => [1, 3, 5].includes(r.metadata.i) },
  { name: "$in on strings", filter: { group: { $in: ["a", "c"] } }, matches: (r) => ["a", "c"].includes(r.metadata.group) },
  { name: "$nin on strings", filter: { group: { $nin: ["a", "b"] } }, matches: (r) => !["a", "b"].includes(r.metadata.group) },
  { name: "$nin on ints", filter: { i: { $nin: [0, 9] } }, matches: (r) => ![0, 9].includes(r.metadata.i) },
  {
    name: "$and",
    filter: { $and: [{ group: "a" }, { i: { $gt: 2 } }] },
    matches: (r) => r.metadata.group === "a" && r.metadata.i > 2,
  },
  {
    name: "$or",
    filter: { $or: [{ i: { $lt: 1 } }, { group: "c" }] },
    matches: (r) => r.metadata.i < 1 || r.metadata.group === "c",
  },
  {
    name: "$and nesting $or",
    filter: { $and: [{ $or: [{ group: "a" }, { group: "b" }] }, { flag: false }, { score: { $gte: 3 } }] },
    matches: (r) => ["a", "b"].includes(r.metadata.group) && !r.metadata.flag && r.metadata.score >= 3,
  },
  { name: "no match", filter: { group: "zzz" }, matches: () => false },
];

type WhereDocument = Record<string, unknown>;

/** Document filters every client version can send. */
export const WHERE_DOCUMENT_CASES: FilterCase<WhereDocument>[] = [
  { name: "$contains", filter: { $contains: "apple" }, matches: (r) => r.document.includes("apple") },
  { name: "$not_contains", filter: { $not_contains: "apple" }, matches: (r) => !r.document.includes("apple") },
  {
    name: "$and",
    filter: { $and: [{ $contains: "apple" }, { $contains: "pie" }] },
    matches: (r) => r.document.includes("apple") && r.document.includes("pie"),
  },
  {
    name: "$or",
    filter: { $or: [{ $contains: "fig" }, { $contains: "kiwi" }] },
    matches: (r) => r.document.includes("fig") || r.document.includes("kiwi"),
  },
  {
    name: "$and with $not_contains",
    filter: { $and: [{ $contains: "an" }, { $not_contains: "banana" }] },
    matches: (r) => r.document.includes("an") && !r.document.includes("banana"),
  },
];

/** $regex / $not_regex: Chroma 1.x only, and only chromadb@3 lets you write them. */
export const REGEX_CASES: FilterCase<WhereDocument>[] = [
  { name: "$regex anchored", filter: { $regex: "^[a-c]" }, matches: (r) => /^[a-c]/.test(r.document) },
  { name: "$regex with alternation", filter: { $regex: "ja[mn]|wi(ne|th)" }, matches: (r) => /ja[mn]|wi(ne|th)/.test(r.document) },
  { name: "$not_regex", filter: { $not_regex: "e$" }, matches: (r) => !/e$/.test(r.document) },
  {
    name: "$regex inside $or",
    filter: { $or: [{ $regex: "^kiwi" }, { $contains: "toast" }] },
    matches: (r) => /^kiwi/.test(r.document) || r.document.includes("toast"),
  },
];

/** A where and a where_document together: both must hold. */
export const COMBINED_CASE = {
  where: { i: { $gte: 2 } },
  whereDocument: { $contains: "apple" },
  matches: (r: FixtureRecord) => r.metadata.i >= 2 && r.document.includes("apple"),
};

export const matching = (matches: (r: FixtureRecord) => boolean, records = RECORDS): string[] =>
  records.filter(matches).map((r) => r.id);
