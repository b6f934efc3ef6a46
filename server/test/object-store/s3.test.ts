/**
 * The same server on a LanceDB object-store URI: chromaspec started with `--path s3://bucket/prefix`
 * against a local S3 emulator (s3rver, on loopback) stores, filters, ranks and — after a restart —
 * still has everything, with nothing written to local disk but the emulator's own files.
 * Credentials and endpoint come from the standard AWS_* environment variables, as for real S3.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startS3, type S3Emulator } from "../helpers/s3.js";
import { logLines, startServer, type RunningServer } from "../helpers/server.js";
import { callJson as call } from "../helpers/http.js";
import { mulberry32 } from "../helpers/random.js";

const DB = "/api/v2/tenants/default_tenant/databases/default_database";
let s3: S3Emulator;
const running: RunningServer[] = [];

beforeAll(async () => {
  // The plain emulator, as before the conditional-PUT proxy existed: one server writes at a time here.
  s3 = await startS3({ conditional: false });
});

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  await s3?.close();
});

describe("object-store URI", () => {
  it("serves and keeps a collection on s3://", { timeout: 60_000 }, async () => {
    const uri = "s3://chroma/tenants-data";
    let server = await startServer({ dataDir: uri, env: s3.env });
    running.push(server);
    const created = await call(server.url, "POST", `${DB}/collections`, { name: "on-s3", metadata: { "hnsw:space": "cosine" } });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    const add = await call(server.url, "POST", `${DB}/collections/${id}/add`, {
      ids: ["a", "b", "c"],
      embeddings: [[1, 0], [0, 1], [1, 1]],
      documents: ["east", "north", "north-east"],
      metadatas: [{ axis: true }, { axis: true }, { axis: false }],
    });
    expect(add.status).toBe(201);
    const query = { query_embeddings: [[1, 0.1]], n_results: 2, where: { axis: true }, include: ["documents", "distances"] };
    const before = await call(server.url, "POST", `${DB}/collections/${id}/query`, query);
    expect(before.body.ids).toEqual([["a", "b"]]);
    expect(before.body.distances[0][0]).toBeCloseTo(1 - 1 / Math.hypot(1, 0.1), 5);

    await server.stop();
    running.pop();
    server = await startServer({ dataDir: uri, env: s3.env });
    running.push(server);
    expect((await call(server.url, "GET", `${DB}/collections/${id}/count`)).body).toBe(3);
    const after = (await call(server.url, "POST", `${DB}/collections/${id}/query`, query)).body;
    expect(after.ids).toEqual(before.body.ids);
    expect(after.documents).toEqual(before.body.documents);
    // The same distances, up to float32 rounding (computed in LanceDB or in memory).
    after.distances[0].forEach((d: number, i: number) => expect(d).toBeCloseTo(before.body.distances[0][i], 5));
  });

  it("saves graphs on s3:// and loads them after a restart instead of rebuilding", { timeout: 180_000 }, async () => {
    const uri = "s3://chroma/graphs-data";
    const args = ["--log-level", "info"];
    let server = await startServer({ dataDir: uri, env: s3.env, args });
    running.push(server);
    const id = (await call(server.url, "POST", `${DB}/collections`, { name: "graph-on-s3" })).body.id as string;
    // Above the server's graph threshold (2,048 records).
    const random = mulberry32(1);
    for (let b = 0; b < 3; b++) {
      const ids = Array.from({ length: 1000 }, (_, i) => `r${b * 1000 + i}`);
      const add = await call(server.url, "POST", `${DB}/collections/${id}/add`, { ids, embeddings: ids.map(() => Array.from({ length: 8 }, () => random() * 2 - 1)) });
      expect(add.status).toBe(201);
    }
    // Polled within the test's own time limit.
    const poll = { timeout: 180_000, interval: 100 };
    await vi.waitUntil(async () => (await call(server.url, "GET", `${DB}/collections/${id}/indexing_status`)).body.num_unindexed_ops === 0, poll);
    const query = { query_embeddings: [[0.1, 0.2, 0.3, 0.4, -0.1, -0.2, -0.3, -0.4]], n_results: 10, include: ["distances"] };
    const before = (await call(server.url, "POST", `${DB}/collections/${id}/query`, query)).body;
    await server.stop();
    running.pop();
    expect(logLines(server).some((l) => l.msg === "saved the collection's graph")).toBe(true);

    server = await startServer({ dataDir: uri, env: s3.env, args });
    running.push(server);
    await vi.waitUntil(() => logLines(server).some((l) => l.msg === "the collection's graph is ready"), poll);
    expect(logLines(server).find((l) => l.msg === "collection loaded into memory")?.graph).toBe("restored");
    expect((await call(server.url, "POST", `${DB}/collections/${id}/query`, query)).body).toEqual(before);
  });
});
