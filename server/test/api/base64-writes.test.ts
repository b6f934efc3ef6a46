/**
 * Base64 write bodies through a real server, v2 and v1 (add, upsert, update): the fast path that
 * decodes embeddings from the request bytes (http/embeddings-body.ts) stores exactly the values
 * sent, and every refusal (bad base64, a wrong dimension, NaN, ragged or mixed float/base64
 * bodies) is the answer the usual path gives, status and body alike.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callJson } from "../helpers/http.js";
import { startServer, type RunningServer } from "../helpers/server.js";

const COLLECTIONS = "/api/v2/tenants/default_tenant/databases/default_database/collections";
let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.dispose();
});

const b64 = (values: number[]) => Buffer.from(new Float32Array(values).buffer).toString("base64");

async function newCollection(name: string): Promise<string> {
  const created = await callJson(server.url, "POST", COLLECTIONS, { name });
  expect(created.status).toBe(200);
  return created.body.id as string;
}

async function embeddingsOf(id: string, ids: string[]) {
  const got = await callJson(server.url, "POST", `${COLLECTIONS}/${id}/get`, { ids, include: ["embeddings", "metadatas", "documents"] });
  expect(got.status).toBe(200);
  const byId = new Map((got.body.ids as string[]).map((rid, i) => [rid, { e: got.body.embeddings[i], m: got.body.metadatas[i], d: got.body.documents[i] }]));
  return ids.map((rid) => byId.get(rid));
}

describe("base64 write bodies", () => {
  it("stores what was sent through add, upsert and update, v2 and v1", async () => {
    const id = await newCollection("b64-values");
    // Values float32 holds exactly (answers print float32 values in their shortest form).
    const v = [
      [0.125, -2.5, 1024, -0.0009765625],
      [1, 2, 3, 4],
      [0, 0.75, 7, -7],
    ];
    const add = await callJson(server.url, "POST", `${COLLECTIONS}/${id}/add`, {
      ids: ["a", "b"],
      embeddings: [b64(v[0]), b64(v[1]).replace(/=+$/, "")],
      metadatas: [{ k: 1 }, null],
      documents: ['"embeddings": ["AAAA"]', null],
    });
    expect(add.status).toBe(201);
    expect(await embeddingsOf(id, ["a", "b"])).toEqual([
      { e: (v[0]), m: { k: 1 }, d: '"embeddings": ["AAAA"]' },
      { e: (v[1]), m: null, d: null },
    ]);
    const upsert = await callJson(server.url, "POST", `${COLLECTIONS}/${id}/upsert`, { ids: ["b", "c"], embeddings: [b64(v[2]), b64(v[0])] });
    expect(upsert.status).toBe(200);
    const update = await callJson(server.url, "POST", `${COLLECTIONS}/${id}/update`, { ids: ["a"], embeddings: [b64(v[1])] });
    expect(update.status).toBe(200);
    expect((await embeddingsOf(id, ["a", "b", "c"])).map((r) => r!.e)).toEqual([(v[1]), (v[2]), (v[0])]);
    const v1 = await callJson(server.url, "POST", `/api/v1/collections/${id}/add`, { ids: ["d"], embeddings: [b64(v[2])] });
    expect(v1.status).toBe(201);
    const v1up = await callJson(server.url, "POST", `/api/v1/collections/${id}/upsert`, { ids: ["d"], embeddings: [b64(v[0])] });
    expect(v1up.status).toBe(200);
    expect((await embeddingsOf(id, ["d"]))[0]!.e).toEqual((v[0]));
    // Searchable by what was stored.
    const q = await callJson(server.url, "POST", `${COLLECTIONS}/${id}/query`, { query_embeddings: [v[2]], n_results: 1, include: ["distances"] });
    expect(q.body.ids).toEqual([["b"]]);
  });

  it("refuses bad base64, wrong dimensions, NaN, ragged and mixed bodies as before", async () => {
    const id = await newCollection("b64-errors");
    expect((await callJson(server.url, "POST", `${COLLECTIONS}/${id}/add`, { ids: ["x"], embeddings: [b64([1, 2, 3])] })).status).toBe(201);
    const cases: [unknown, number, Record<string, unknown>][] = [
      [{ ids: ["a"], embeddings: ["!!!!"] }, 400, { error: "InvalidArgumentError", message: "Expected embedding 0 to be a list of numbers or a base64 string of float32 values" }],
      [{ ids: ["a", "b"], embeddings: [b64([1, 2, 3]), Buffer.from([1, 2, 3]).toString("base64")] }, 400, { message: "Expected base64 embedding 1 to hold whole float32 values, got 3 bytes" }],
      [{ ids: ["a"], embeddings: [b64([1, 2])] }, 400, { message: "Collection expecting embedding with dimension of 3, got 2" }],
      [{ ids: ["a"], embeddings: [b64([1, Number.NaN, 3])] }, 400, { message: "Validation error: embeddings: Embeddings must not contain NaN or Infinity values" }],
      [{ ids: ["a", "b"], embeddings: [b64([1, 2, 3]), b64([1, 2])] }, 400, { message: "Inconsistent dimensions in provided embeddings" }],
      [{ ids: ["a", "b"], embeddings: [b64([1, 2, 3]), [1, 2]] }, 400, { message: "Inconsistent dimensions in provided embeddings" }],
      [{ ids: ["a", "b"], embeddings: [b64([1, 2, 3])] }, 400, { message: "Inconsistent number of IDs, embeddings, documents, URIs and metadatas" }],
      [{ ids: ["a", 7], embeddings: [b64([1, 2, 3]), b64([1, 2, 3])] }, 422, { error: "InvalidArgumentError" }],
      [{ ids: ["a"], embeddings: [""] }, 400, { message: "Validation error: embeddings: Each embedding must have at least 1 dimension" }],
    ];
    for (const [body, status, answer] of cases) {
      const res = await callJson(server.url, "POST", `${COLLECTIONS}/${id}/add`, body);
      expect({ body, status: res.status, answer: res.body }).toMatchObject({ body, status, answer });
    }
    // A mixed body that is valid is stored as sent, float and base64 alike.
    const mixed = await callJson(server.url, "POST", `${COLLECTIONS}/${id}/add`, { ids: ["m1", "m2"], embeddings: [[1, 2, 3.5], b64([4, 5, 6.5])] });
    expect(mixed.status).toBe(201);
    expect((await embeddingsOf(id, ["m1", "m2"])).map((r) => r!.e)).toEqual([[1, 2, 3.5], [4, 5, 6.5]]);
    const count = await callJson(server.url, "GET", `${COLLECTIONS}/${id}/count`);
    expect(count.body).toBe(3);
  });
});
