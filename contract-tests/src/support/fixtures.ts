/**
 * Data sets with hand-computed expectations. Vectors are small integers or quarter steps, exact in
 * float32, so stored embeddings compare exactly and float64 brute force matches the server.
 */
import type { Metadata, Where, WhereDocument } from "@chromaspec/sdk";

export interface FixtureRecord {
  id: string;
  embedding: number[];
  document: string | null;
  metadata: Metadata | null;
}

/**
 * Six records for the filter tests: every metadata type (str, int, float, bool), keys missing on
 * some records, one record without metadata and one without a document.
 */
export const FILTER_RECORDS: FixtureRecord[] = [
  { id: "r1", embedding: [1, 0, 0], document: "the quick brown fox", metadata: { str: "apple", int: 1, float: 1.5, bool: true, tag: "x" } },
  { id: "r2", embedding: [0, 1, 0], document: "jumps over the lazy dog", metadata: { str: "banana", int: 2, float: 2.5, bool: false } },
  { id: "r3", embedding: [0, 0, 1], document: "clever thinking wins", metadata: { str: "cherry", int: 3, float: -0.5, bool: true } },
  { id: "r4", embedding: [1, 1, 0], document: null, metadata: { int: 4, float: 4.25 } },
  { id: "r5", embedding: [0, 1, 1], document: "apple pie with a fox", metadata: { str: "apple", bool: false } },
  { id: "r6", embedding: [1, 0, 1], document: "hound", metadata: null },
];

export interface WhereCase {
  name: string;
  where: Where;
  /** Matching ids in insertion order. */
  ids: string[];
}

const ALL = FILTER_RECORDS.map((r) => r.id);
const except = (...ids: string[]) => ALL.filter((id) => !ids.includes(id));

/** Each operator on each type, shorthand equality, missing keys, $and/$or and their nesting. */
export const WHERE_CASES: WhereCase[] = [
  { name: "str $eq", where: { str: { $eq: "apple" } }, ids: ["r1", "r5"] },
  { name: "str shorthand equality", where: { str: "banana" }, ids: ["r2"] },
  { name: "str $ne (records without the key match)", where: { str: { $ne: "apple" } }, ids: ["r2", "r3", "r4", "r6"] },
  { name: "str $in", where: { str: { $in: ["banana", "cherry"] } }, ids: ["r2", "r3"] },
  { name: "str $nin (records without the key match)", where: { str: { $nin: ["apple", "banana"] } }, ids: ["r3", "r4", "r6"] },
  { name: "int $eq", where: { int: { $eq: 2 } }, ids: ["r2"] },
  { name: "int shorthand equality", where: { int: 3 }, ids: ["r3"] },
  { name: "int $ne", where: { int: { $ne: 2 } }, ids: except("r2") },
  { name: "int $gt", where: { int: { $gt: 2 } }, ids: ["r3", "r4"] },
  { name: "int $gte", where: { int: { $gte: 2 } }, ids: ["r2", "r3", "r4"] },
  { name: "int $lt", where: { int: { $lt: 2 } }, ids: ["r1"] },
  { name: "int $lte", where: { int: { $lte: 2 } }, ids: ["r1", "r2"] },
  { name: "int $in", where: { int: { $in: [1, 4] } }, ids: ["r1", "r4"] },
  { name: "int $nin", where: { int: { $nin: [1, 4] } }, ids: ["r2", "r3", "r5", "r6"] },
  { name: "float $eq", where: { float: { $eq: 2.5 } }, ids: ["r2"] },
  { name: "float shorthand equality", where: { float: 4.25 }, ids: ["r4"] },
  { name: "float $ne", where: { float: { $ne: 2.5 } }, ids: except("r2") },
  { name: "float $gt", where: { float: { $gt: 1.5 } }, ids: ["r2", "r4"] },
  { name: "float $gte", where: { float: { $gte: 1.5 } }, ids: ["r1", "r2", "r4"] },
  { name: "float $lt (negative value)", where: { float: { $lt: 0 } }, ids: ["r3"] },
  { name: "float $lte", where: { float: { $lte: 2.5 } }, ids: ["r1", "r2", "r3"] },
  { name: "float $in", where: { float: { $in: [1.5, 4.25] } }, ids: ["r1", "r4"] },
  { name: "float $nin", where: { float: { $nin: [1.5, 4.25] } }, ids: ["r2", "r3", "r5", "r6"] },
  { name: "bool $eq true", where: { bool: { $eq: true } }, ids: ["r1", "r3"] },
  { name: "bool shorthand false", where: { bool: false }, ids: ["r2", "r5"] },
  { name: "bool $ne", where: { bool: { $ne: true } }, ids: ["r2", "r4", "r5", "r6"] },
  { name: "bool $in", where: { bool: { $in: [false] } }, ids: ["r2", "r5"] },
  { name: "bool $nin", where: { bool: { $nin: [true] } }, ids: ["r2", "r4", "r5", "r6"] },
  { name: "key present on one record", where: { tag: "x" }, ids: ["r1"] },
  { name: "$ne on a key present on one record", where: { tag: { $ne: "x" } }, ids: except("r1") },
  { name: "key present on no record", where: { nosuchkey: "x" }, ids: [] },
  { name: "$gt on a key some records lack", where: { float: { $gt: -10 } }, ids: ["r1", "r2", "r3", "r4"] },
  { name: "$and", where: { $and: [{ str: "apple" }, { bool: true }] }, ids: ["r1"] },
  { name: "$or", where: { $or: [{ int: { $gte: 3 } }, { str: "banana" }] }, ids: ["r2", "r3", "r4"] },
  {
    name: "$or of $and",
    where: { $or: [{ $and: [{ int: { $gte: 2 } }, { bool: true }] }, { $and: [{ str: "apple" }, { bool: false }] }] },
    ids: ["r3", "r5"],
  },
  {
    name: "$and of $or",
    where: { $and: [{ $or: [{ str: "apple" }, { str: "cherry" }] }, { float: { $gt: 0 } }] },
    ids: ["r1"],
  },
  {
    name: "three levels of nesting",
    where: { $or: [{ $and: [{ $or: [{ int: 1 }, { int: 2 }] }, { bool: false }] }, { tag: "x" }] },
    ids: ["r1", "r2"],
  },
];

export interface WhereDocumentCase {
  name: string;
  whereDocument: WhereDocument;
  ids: string[];
}

/** Document filters; r4 has no document, so it matches the negated operators (as upstream). */
export const WHERE_DOCUMENT_CASES: WhereDocumentCase[] = [
  { name: "$contains", whereDocument: { $contains: "fox" }, ids: ["r1", "r5"] },
  { name: "$contains with a space", whereDocument: { $contains: "lazy dog" }, ids: ["r2"] },
  { name: "$contains nothing matches", whereDocument: { $contains: "zebra" }, ids: [] },
  { name: "$not_contains (a record without a document matches)", whereDocument: { $not_contains: "fox" }, ids: ["r2", "r3", "r4", "r6"] },
  { name: "$regex", whereDocument: { $regex: "o[gx]$" }, ids: ["r1", "r2", "r5"] },
  { name: "$regex anchored", whereDocument: { $regex: "^[a-z]+ (pie|thinking)" }, ids: ["r3", "r5"] },
  { name: "$not_regex (a record without a document matches)", whereDocument: { $not_regex: "^(the|apple)" }, ids: ["r2", "r3", "r4", "r6"] },
  { name: "$and", whereDocument: { $and: [{ $contains: "fox" }, { $not_contains: "apple" }] }, ids: ["r1"] },
  { name: "$or", whereDocument: { $or: [{ $contains: "dog" }, { $regex: "^hou" }] }, ids: ["r2", "r6"] },
  {
    name: "$or of $and",
    whereDocument: { $or: [{ $and: [{ $contains: "the" }, { $contains: "fox" }] }, { $regex: "wins$" }] },
    ids: ["r1", "r3"],
  },
];

/** Queries: eight records in 4 dimensions, distinct distances from every query vector in every space. */
export const QUERY_RECORDS: FixtureRecord[] = [
  { id: "q1", embedding: [1, 0, 0, 0], document: "one", metadata: { n: 1, even: false } },
  { id: "q2", embedding: [0, 2, 0, 0], document: "two", metadata: { n: 2, even: true } },
  { id: "q3", embedding: [0, 0.25, 0.5, -0.25], document: "three", metadata: { n: 3, even: false } },
  { id: "q4", embedding: [1, 1, 0, 0.25], document: "four", metadata: { n: 4, even: true } },
  { id: "q5", embedding: [-1, 0.5, 0, 1], document: "five", metadata: { n: 5, even: false } },
  { id: "q6", embedding: [0.25, -0.5, 1.5, 0.75], document: "six", metadata: { n: 6, even: true } },
  { id: "q7", embedding: [2, 0.75, -1, 0.5], document: "seven", metadata: { n: 7, even: false } },
  { id: "q8", embedding: [-0.75, -1.25, 0.25, 2], document: "eight", metadata: { n: 8, even: true } },
];

export const QUERY_VECTORS: number[][] = [
  [1.5, -0.25, 0.25, -0.25],
  [-0.25, 1.5, 0.75, 0],
  [-0.75, -1.5, 0.75, 1.25],
];

export function columns(records: FixtureRecord[]) {
  return {
    ids: records.map((r) => r.id),
    embeddings: records.map((r) => r.embedding),
    documents: records.map((r) => r.document),
    metadatas: records.map((r) => r.metadata),
  };
}
