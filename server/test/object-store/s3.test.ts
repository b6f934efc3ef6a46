/**
 * The same server on a LanceDB object-store URI: chromaspec started with `--path s3://bucket/prefix`
 * against a local S3 emulator (s3rver, on loopback) stores, filters, ranks and — after a restart —
 * still has everything, with nothing written to local disk but the emulator's own files.
 * Credentials and endpoint come from the standard AWS_* environment variables, as for real S3.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startServer, type RunningServer } from "../helpers/server.js";
import { callJson as call } from "../helpers/http.js";

const DB = "/api/v2/tenants/default_tenant/databases/default_database";
let s3: S3rver;
let s3Dir = "";
let env: Record<string, string> = {};
const running: RunningServer[] = [];

beforeAll(async () => {
  s3Dir = await mkdtemp(join(tmpdir(), "chromaspec-s3-"));
  const port = await freePort();
  s3 = new S3rver({ port, address: "127.0.0.1", silent: true, directory: s3Dir, configureBuckets: [{ name: "chroma", configs: [] }] });
  await s3.run();
  env = {
    AWS_ENDPOINT: `http://127.0.0.1:${port}`,
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
    AWS_REGION: "us-east-1",
    AWS_ALLOW_HTTP: "true",
    AWS_VIRTUAL_HOSTED_STYLE_REQUEST: "false",
  };
});

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  await s3?.close();
  await rm(s3Dir, { recursive: true, force: true });
});

describe("object-store URI", () => {
  it("serves and keeps a collection on s3://", { timeout: 60_000 }, async () => {
    const uri = "s3://chroma/tenants-data";
    let server = await startServer({ dataDir: uri, env });
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
    server = await startServer({ dataDir: uri, env });
    running.push(server);
    expect((await call(server.url, "GET", `${DB}/collections/${id}/count`)).body).toBe(3);
    const after = (await call(server.url, "POST", `${DB}/collections/${id}/query`, query)).body;
    expect(after.ids).toEqual(before.body.ids);
    expect(after.documents).toEqual(before.body.documents);
    // The same distances, up to float32 rounding (computed in LanceDB or in memory).
    after.distances[0].forEach((d: number, i: number) => expect(d).toBeCloseTo(before.body.distances[0][i], 5));
  });
});
