import { describe, expect, it } from "vitest";
import { mergeMetadata, validateBatch } from "../../src/core/records.js";
import { decodeEmbedding, checkDimension } from "../../src/core/embeddings.js";
import { float32ToJson } from "../../src/core/results.js";

const opts = { maxBatchSize: 10, allowNullValues: false };

function errorOf(fn: () => unknown): { name: string; status: number; message: string } {
  try {
    fn();
  } catch (err) {
    return err as { name: string; status: number; message: string };
  }
  throw new Error("expected an error");
}

describe("validateBatch", () => {
  it("accepts a consistent batch and decodes embeddings to Float32Array", () => {
    const v = validateBatch({ ids: ["a", "b"], embeddings: [[1, 2], [3, 4]], documents: ["x", null], metadatas: [{ k: 1 }, null] }, opts);
    expect(v.embeddings![1]).toEqual(new Float32Array([3, 4]));
    expect(v.documents).toEqual(["x", null]);
  });

  it("rejects empty ids, inconsistent lengths and duplicates with upstream's messages", () => {
    expect(errorOf(() => validateBatch({ ids: [""], embeddings: [[1]] }, opts)).message).toBe("Empty ID, ID must have at least one character");
    expect(errorOf(() => validateBatch({ ids: ["a", "b"], embeddings: [[1]] }, opts)).message).toBe(
      "Inconsistent number of IDs, embeddings, documents, URIs and metadatas",
    );
    const dup = errorOf(() => validateBatch({ ids: ["a", "b", "a"], embeddings: [[1], [2], [3]] }, opts));
    expect(dup).toMatchObject({ name: "DuplicateIDError", status: 400, message: "Expected IDs to be unique, found duplicates of: a" });
  });

  it("rejects metadata values that are not str/int/float/bool, and null outside updates", () => {
    for (const bad of [[1, 2], { nested: 1 }, null]) {
      const err = errorOf(() => validateBatch({ ids: ["a"], embeddings: [[1]], metadatas: [{ k: bad as never }] }, opts));
      expect(err.status).toBe(400);
      expect(err.message).toContain("Expected metadata value");
    }
    expect(() => validateBatch({ ids: ["a"], metadatas: [{ k: null }] }, { ...opts, allowNullValues: true })).not.toThrow();
  });

  it("enforces the advertised batch size with 413", () => {
    const ids = Array.from({ length: 11 }, (_, i) => `id${i}`);
    expect(errorOf(() => validateBatch({ ids }, opts))).toMatchObject({ status: 413, name: "BatchSizeExceededError" });
  });
});

describe("embeddings", () => {
  it("decodes little-endian float32 base64 exactly", () => {
    const values = new Float32Array([0.5, -1.25, 3]);
    const text = Buffer.from(values.buffer).toString("base64");
    expect(decodeEmbedding(text, 0)).toEqual(values);
  });

  it("rejects non-finite numbers and bad base64", () => {
    expect(() => decodeEmbedding([1, Number.NaN], 0)).toThrow(/finite/);
    expect(() => decodeEmbedding("!!!", 0)).toThrow(/base64/);
    const good = Buffer.from(new Float32Array([1, 2]).buffer).toString("base64");
    expect(() => decodeEmbedding(`${good.slice(0, 4)}\n${good.slice(4)}`, 0)).toThrow(/base64/);
    expect(() => decodeEmbedding(good.replace("A", "é"), 0)).toThrow(/base64/);
    expect(decodeEmbedding(good.replace(/=+$/, ""), 0)).toEqual(new Float32Array([1, 2]));
    expect(() => decodeEmbedding(Buffer.from([1, 2, 3]).toString("base64"), 0)).toThrow(/whole float32/);
  });

  it("checks dimensions with upstream's message", () => {
    expect(() => checkDimension([new Float32Array(3)], 2)).toThrow("Collection expecting embedding with dimension of 2, got 3");
    expect(checkDimension([new Float32Array(4)], null)).toBe(4);
  });

  it("prints float32 values by their shortest decimal", () => {
    expect(float32ToJson(Math.fround(0.1))).toBe(0.1);
    expect(float32ToJson(Math.fround(1 / 3))).toBe(0.33333334);
    expect(Math.fround(float32ToJson(Math.fround(Math.PI)))).toBe(Math.fround(Math.PI));
  });
});

describe("mergeMetadata", () => {
  it("merges keys and deletes those set to null", () => {
    expect(mergeMetadata({ a: 1, b: "x" }, { b: null, c: true })).toEqual({ a: 1, c: true });
    expect(mergeMetadata({ a: 1 }, { a: null })).toBeNull();
    expect(mergeMetadata({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});
