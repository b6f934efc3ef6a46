import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeMetadata } from "../../src/core/metadata.js";
import { validateBatch } from "../../src/core/records.js";
import { decodeEmbedding, decodeEmbeddings, checkDimension, type WireEmbedding } from "../../src/core/embeddings.js";
import { float32ToJson } from "../../src/core/float32.js";
import { thrown } from "../helpers/thrown.js";

const opts = { maxBatchSize: 10, allowNullValues: false };

const errorOf = (fn: () => unknown) => thrown<{ name: string; status: number; message: string }>(fn);

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

  it("accepts scalars, homogeneous lists and sparse vectors, normalising sparse vectors", () => {
    const v = validateBatch(
      {
        ids: ["a"],
        embeddings: [[1]],
        metadatas: [{ s: "x", n: 1.5, b: true, tags: ["a", "b"], nums: [1, 2.5], flags: [false], sp: { indices: [1, 7], values: [0.1, 2] } }],
      },
      opts,
    );
    expect(v.metadatas![0]).toEqual({
      s: "x",
      n: 1.5,
      b: true,
      tags: ["a", "b"],
      nums: [1, 2.5],
      flags: [false],
      sp: { "#type": "sparse_vector", indices: [1, 7], values: [0.1, 2] },
    });
  });

  it("rejects other metadata values, empty and mixed lists, bad sparse vectors, and null outside updates", () => {
    const cases: [unknown, RegExp][] = [
      [{ nested: 1 }, /Expected metadata value for key k/],
      [null, /Expected metadata value for key k/],
      [[], /to be non-empty/],
      [[1, "x"], /only strings, only numbers or only booleans/],
      [[[1]], /only strings, only numbers or only booleans/],
      [{ indices: [2, 1], values: [1, 2] }, /Invalid sparse vector: Sparse vector indices must be sorted in strictly ascending order \(no duplicates\)/],
      [{ indices: [1, 1], values: [1, 2] }, /strictly ascending/],
      [{ indices: [1], values: [1, 2] }, /Invalid sparse vector: Sparse vector indices, values, and tokens \(when present\) must have the same length/],
      [{ indices: [1], values: [1], tokens: ["a", "b"] }, /same length/],
      [{ indices: [-1], values: [1] }, /indices must be integers/],
      [{ "#type": "dense", indices: [1], values: [1] }, /Expected #type='sparse_vector'/],
    ];
    for (const [bad, message] of cases) {
      const err = errorOf(() => validateBatch({ ids: ["a", "b"], embeddings: [[1], [2]], metadatas: [{ ok: 1 }, { k: bad as never }] }, opts));
      expect(err.status).toBe(400);
      expect(err.message).toMatch(/^Validation error: metadatas: Invalid metadata at index 1: /);
      expect(err.message).toMatch(message);
    }
    expect(() => validateBatch({ ids: ["a"], metadatas: [{ k: null }] }, { ...opts, allowNullValues: true })).not.toThrow();
  });

  it("refuses empty keys, keys starting with # or $, and chroma:document, in every write", () => {
    for (const key of ["", "#tag", "$tag", "chroma:document"]) {
      for (const allowNullValues of [false, true]) {
        const err = errorOf(() => validateBatch({ ids: ["a"], embeddings: [[1]], metadatas: [{ [key]: 1 }] }, { ...opts, allowNullValues }));
        expect(err.status).toBe(400);
        expect(err.message).toMatch(/^Validation error: metadatas: Invalid metadata at index 0: Metadata key/);
      }
    }
  });

  it("refuses empty and ragged embeddings with upstream's messages", () => {
    expect(errorOf(() => validateBatch({ ids: ["a"], embeddings: [[]] }, opts)).message).toBe(
      "Validation error: embeddings: Each embedding must have at least 1 dimension",
    );
    expect(errorOf(() => validateBatch({ ids: ["a", "b"], embeddings: [[1, 2], [1]] }, opts)).message).toBe("Inconsistent dimensions in provided embeddings");
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
    expect(() => decodeEmbedding([1, Number.NaN], 0)).toThrow("Validation error: embeddings: Embeddings must not contain NaN or Infinity values");
    expect(() => decodeEmbedding("!!!", 0)).toThrow(/base64/);
    const good = Buffer.from(new Float32Array([1, 2]).buffer).toString("base64");
    expect(() => decodeEmbedding(`${good.slice(0, 4)}\n${good.slice(4)}`, 0)).toThrow(/base64/);
    expect(() => decodeEmbedding(good.replace("A", "é"), 0)).toThrow(/base64/);
    expect(decodeEmbedding(good.replace(/=+$/, ""), 0)).toEqual(new Float32Array([1, 2]));
    expect(() => decodeEmbedding(Buffer.from([1, 2, 3]).toString("base64"), 0)).toThrow(/whole float32/);
  });

  it("decodes a batch into views of one buffer, in order, and names the first embedding at fault", () => {
    const a = new Float32Array([1, 2, 3]);
    const b = new Float32Array([4.5, -6]);
    const got = decodeEmbeddings([Buffer.from(a.buffer).toString("base64"), [7, 8], Buffer.from(b.buffer).toString("base64").replace(/=+$/, ""), ""]);
    expect(got).toEqual([a, new Float32Array([7, 8]), b, new Float32Array(0)]);
    expect(new Set(got.map((e) => e.buffer)).size).toBe(1);
    expect(got.map((e) => e.byteOffset)).toEqual([0, 12, 20, 28]);
    const nan = Buffer.from(new Float32Array([1, Number.NaN]).buffer).toString("base64");
    // Embedding 1 is not finite and embedding 2 not base64: the first one found in order is reported.
    expect(() => decodeEmbeddings(["AACAPw==", nan, "!!!!"])).toThrow("Validation error: embeddings: Embeddings must not contain NaN or Infinity values");
    expect(() => decodeEmbeddings(["AACAPw==", "!!!!", nan])).toThrow("Expected embedding 1 to be a list of numbers or a base64 string of float32 values");
    expect(() => decodeEmbeddings(["AACAPw==", "AACAP"])).toThrow("Expected base64 embedding 1 to hold whole float32 values, got 3 bytes");
  });

  it("accepts and refuses exactly what a character check then Node's decoder would, per embedding", () => {
    // The model: standard alphabet with at most two trailing "=", decoded by Buffer.from, whole
    // float32 values, all finite (the per-embedding rule before batches were decoded together).
    const model = (text: string): Float32Array | string => {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return "alphabet";
      const bytes = Buffer.from(text, "base64");
      if (bytes.byteLength % 4 !== 0) return "whole";
      const out = new Float32Array(new Uint8Array(bytes).buffer);
      return out.every(Number.isFinite) ? out : "finite";
    };
    const outcome = (text: string): Float32Array | string => {
      try {
        return decodeEmbeddings([text])[0];
      } catch (err) {
        const m = (err as Error).message;
        return m.includes("list of numbers") ? "alphabet" : m.includes("whole float32") ? "whole" : "finite";
      }
    };
    const canonical = fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString("base64"));
    // Canonical text, then damaged: padding dropped or doubled, a character replaced by anything
    // (URL-safe, whitespace, "=", non-ASCII), inserted or removed.
    const damaged = fc
      .tuple(canonical, fc.nat(), fc.constantFrom("-", "_", " ", "\n", "=", "é", "A", "/", "+", "\u0100"), fc.constantFrom("keep", "unpad", "pad", "replace", "insert", "remove"))
      .map(([text, at, c, how]) => {
        const i = text.length === 0 ? 0 : at % text.length;
        switch (how) {
          case "keep":
            return text;
          case "unpad":
            return text.replace(/=+$/, "");
          case "pad":
            return `${text}=`;
          case "replace":
            return text.slice(0, i) + c + text.slice(i + 1);
          case "insert":
            return text.slice(0, i) + c + text.slice(i);
          default:
            return text.slice(0, i) + text.slice(i + 1);
        }
      });
    fc.assert(
      fc.property(damaged, (text) => {
        expect(outcome(text)).toEqual(model(text));
      }),
      { numRuns: 3000 },
    );
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
