/**
 * The official chromadb@3 client and our @chromaspec/sdk, configured with their token options,
 * against a server that requires tokens: the token gets them in, its absence gets the client's
 * own "unauthorized" error, and a token scoped to one database steers chromadb@3 there by itself.
 */
import { ChromaClient as SpecClient, UnauthorizedError, ForbiddenError } from "@chromaspec/sdk";
import { ChromaClient, ChromaForbiddenError, ChromaUnauthorizedError } from "chromadb-v3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { HashedCharsEmbedding } from "../compat/embedding.js";
import { adminOps, startAuthServer, type AuthServer } from "./support/cluster.js";

let server: AuthServer;
let host: string;
let port: number;

beforeAll(async () => {
  server = await startAuthServer([
    { id: "root", tenant: "*", databases: ["*"], tokens: ["root-token"] },
    { id: "writer", tenant: "team", databases: ["one", "two"], tokens: ["writer-token"] },
    { id: "solo", tenant: "team", databases: ["one"], tokens: ["solo-token"] },
  ]);
  const url = new URL(server.url);
  host = url.hostname;
  port = Number(url.port);
  const admin = adminOps(server.url, "root-token");
  await admin.tenant("team");
  await admin.database("team", "one");
  await admin.database("team", "two");
}, 60_000);

afterAll(async () => {
  await server?.dispose();
});

describe("chromadb@3", () => {
  const ef = new HashedCharsEmbedding();

  it("works with headers: { Authorization: 'Bearer ...' } and reads back what it wrote", async () => {
    const client = new ChromaClient({ host, port, ssl: false, tenant: "team", database: "two", headers: { Authorization: "Bearer writer-token" } });
    expect(await client.getUserIdentity()).toEqual({ user_id: "writer", tenant: "team", databases: ["one", "two"] });
    const c = await client.createCollection({ name: "v3-bearer", embeddingFunction: ef });
    await c.add({ ids: ["a", "b"], embeddings: [[1, 0, 0, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0, 0, 0]], documents: ["alpha", "beta"] });
    const got = await c.get({ ids: ["a", "b"] });
    expect(got.ids).toEqual(["a", "b"]);
    expect(got.documents).toEqual(["alpha", "beta"]);
    expect((await client.listCollections()).map((x) => x.name)).toEqual(["v3-bearer"]);
  });

  it("works with headers: { 'x-chroma-token': ... } and with the deprecated auth option", async () => {
    const viaHeader = new ChromaClient({ host, port, ssl: false, tenant: "team", database: "two", headers: { "x-chroma-token": "writer-token" } });
    expect((await viaHeader.listCollections()).map((x) => x.name)).toContain("v3-bearer");
    // chromadb@3 still accepts `auth` (with a deprecation warning) and maps only the
    // X_CHROMA_TOKEN header type onto a header; silence the warning it prints.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const viaAuth = new ChromaClient({
        host, port, ssl: false, tenant: "team", database: "two",
        auth: { provider: "token", credentials: "writer-token", tokenHeaderType: "X_CHROMA_TOKEN" },
      });
      expect(await viaAuth.countCollections()).toBeGreaterThanOrEqual(1);
    } finally {
      warn.mockRestore();
    }
  });

  it("names the tenant and database itself: a v2 path is never rewritten to the token's scope", async () => {
    // chromadb@3's ChromaClient defaults to default_tenant/default_database (only CloudClient asks
    // /auth/identity); v2 paths are taken literally, so a scoped token must be paired with them.
    const unscoped = new ChromaClient({ host, port, ssl: false, headers: { Authorization: "Bearer solo-token" } });
    await expect(unscoped.listCollections()).rejects.toBeInstanceOf(ChromaForbiddenError);
    const scoped = new ChromaClient({ host, port, ssl: false, tenant: "team", database: "one", headers: { Authorization: "Bearer solo-token" } });
    const c = await scoped.getOrCreateCollection({ name: "v3-solo", embeddingFunction: ef });
    expect([c.tenant, c.database]).toEqual(["team", "one"]);
  });

  it("raises its unauthorized / forbidden errors without a token, with a wrong one, or outside the token's scope", async () => {
    const none = new ChromaClient({ host, port, ssl: false, tenant: "team", database: "two" });
    await expect(none.listCollections()).rejects.toBeInstanceOf(ChromaUnauthorizedError);
    const wrong = new ChromaClient({ host, port, ssl: false, tenant: "team", database: "two", headers: { Authorization: "Bearer nope" } });
    await expect(wrong.heartbeat()).resolves.toBeTypeOf("number"); // public
    await expect(wrong.listCollections()).rejects.toBeInstanceOf(ChromaUnauthorizedError);
    const outside = new ChromaClient({ host, port, ssl: false, tenant: "team", database: "two", headers: { Authorization: "Bearer solo-token" } });
    await expect(outside.listCollections()).rejects.toBeInstanceOf(ChromaForbiddenError);
  });
});

describe("@chromaspec/sdk", () => {
  it("works with auth: { token } (Bearer) and auth: { token, header: 'X-Chroma-Token' }", async () => {
    for (const auth of [{ token: "writer-token" }, { token: "writer-token", header: "X-Chroma-Token" as const }]) {
      const client = new SpecClient({ path: server.url, tenant: "team", database: "one", auth });
      expect(await client.getUserIdentity()).toEqual({ user_id: "writer", tenant: "team", databases: ["one", "two"] });
      const c = await client.getOrCreateCollection({ name: "sdk-auth" });
      await c.upsert({ ids: ["x"], embeddings: [[0.5, 0.25]], documents: [`via ${auth.header ?? "Authorization"}`] });
      expect((await c.get({ ids: ["x"] })).documents).toEqual([`via ${auth.header ?? "Authorization"}`]);
    }
  });

  it("works over v1 with a token too (single-database token: no tenant/database needed)", async () => {
    const client = new SpecClient({ path: server.url, apiVersion: "v1", auth: { token: "solo-token" } });
    const names = (await client.listCollections()).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["sdk-auth", "v3-solo"]));
  });

  it("raises UnauthorizedError without a token and ForbiddenError outside the token's scope", async () => {
    await expect(new SpecClient({ path: server.url, tenant: "team", database: "one" }).listCollections()).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(new SpecClient({ path: server.url, tenant: "team", database: "one", auth: { token: "bad" } }).countCollections()).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(new SpecClient({ path: server.url, tenant: "team", database: "two", auth: { token: "solo-token" } }).listCollections()).rejects.toBeInstanceOf(ForbiddenError);
  });
});
