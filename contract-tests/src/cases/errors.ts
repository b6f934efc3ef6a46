/**
 * Error answers: every record operation on an unknown collection, ids that are not UUIDs, tenant
 * isolation of record operations (v2), and 422 for malformed JSON and schema violations (raw
 * requests, since the SDK cannot send them). Every error body must be {"error", "message"}.
 */
import type { Collection } from "@chromaspec/sdk";
import { beforeAll, expect } from "vitest";
import { clientFor, raw, recordsPath } from "../support/client.js";
import { forEachApi, group, it } from "../support/contract.js";
import { expectError, expectErrorAnswer, invalidArgument, missingCollectionById, notFound, unprocessable } from "../support/errors.js";
import { newCollection, openFreshScope, openScope, type Opened } from "../support/scope.js";

const GHOST = "6a1b5a9e-8c55-4f4b-9d8f-1b2c3d4e5f60";

forEachApi("errors", (a) => {
  let o: Opened;
  let c: Collection;
  beforeAll(async () => {
    o = await openScope(a.api);
    c = await newCollection(o);
    await c.add({ ids: ["a", "b"], embeddings: [[1, 2, 3], [4, 5, 6]] });
  });
  const path = (suffix: string, id = c.id) => `${recordsPath(a.api, o.scope, id)}${suffix}`;

  group(a, "behaviour", (g) => {
    /** A Collection handle whose collection has been deleted: every call must fail. */
    let gone: Collection;
    beforeAll(async () => {
      gone = await newCollection(o);
      await o.client.deleteCollection({ name: gone.name });
    });
    const cases: [string, () => Promise<unknown>][] = [
      ["CollectionAdd", () => gone.add({ ids: ["x"], embeddings: [[1]] })],
      ["CollectionUpsert", () => gone.upsert({ ids: ["x"], embeddings: [[1]] })],
      ["CollectionUpdate", () => gone.update({ ids: ["x"], documents: ["d"] })],
      ["CollectionGet", () => gone.get()],
      ["CollectionQuery", () => gone.query({ queryEmbeddings: [[1]] })],
      ["CollectionDelete", () => gone.delete({ ids: ["x"] })],
      ["CollectionCount", () => gone.count()],
      ["UpdateCollection", () => gone.modify({ metadata: { a: 1 } })],
    ];
    if (a.api === "v2") cases.push(["IndexingStatus", () => gone.getIndexingStatus()]);
    for (const [op, call] of cases) {
      it(g, [op], `${op} on a deleted collection is not found`, async () => {
        await expectError(call(), missingCollectionById(a.api));
      });
    }

    it(g, ["CollectionGet", "CollectionCount"], "a collection id that is not a UUID answers 400", async () => {
      expectErrorAnswer(await raw("POST", path("/get", "not-a-uuid"), {}), invalidArgument);
      expectErrorAnswer(await raw("GET", path("/count", "not-a-uuid")), invalidArgument);
    });

    if (a.api === "v2") {
      it(g, ["ListCollections"], "an unknown tenant lists no collections", async () => {
        const lost = clientFor(a.api, { tenant: `missing-${c.id}`, database: "default_database" });
        expect(await lost.listCollections()).toEqual([]);
      });
    }

    it(g, ["GetTenant"], "error bodies carry exactly error and message", async () => {
      const r = await raw("GET", `/api/${a.api}/tenants/${"missing-" + c.id}`);
      expect(r.status).toBe(404);
      expect(Object.keys(r.body as object).sort()).toEqual(["error", "message"]);
      expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    });
  });

  // v1 record routes carry no tenant or database, so isolation by path is a v2 matter.
  if (a.api === "v2") group(a, "isolation", (g) => {
    // Record operations address a collection by id under a tenant and database: another
    // tenant's path must not reach it (chromaspec checks; Chroma 1.x ignores the path).
    it(g, ["CollectionGet", "CollectionAdd", "CollectionCount"], "record operations through another tenant's path are not found", async () => {
      const other = await openFreshScope(a.api);
      const foreign = (suffix: string) => `${recordsPath(a.api, other.scope, c.id)}${suffix}`;
      expectErrorAnswer(await raw("POST", foreign("/get"), {}), notFound);
      expectErrorAnswer(await raw("POST", foreign("/add"), { ids: ["intruder"], embeddings: [[0, 0, 0]] }), notFound);
      expectErrorAnswer(await raw("GET", foreign("/count")), notFound);
      expect(await c.count()).toBe(2);
    });

    it(g, ["GetCollection", "ListCollections"], "another database does not see the collection", async () => {
      const other = await openFreshScope(a.api);
      await expectError(other.client.getCollection({ name: c.name }), notFound);
      expect(await other.client.listCollections()).toEqual([]);
    });
  });

  group(a, "invalid requests", (g) => {
    const expect422 = (answer: Awaited<ReturnType<typeof raw>>) => {
      expectErrorAnswer(answer, unprocessable);
      const detail = (answer.body as { detail?: unknown }).detail;
      if (detail !== undefined) {
        expect(Array.isArray(detail)).toBe(true);
        for (const d of detail as Record<string, unknown>[]) expect(Object.keys(d)).toEqual(expect.arrayContaining(["loc", "msg", "type"]));
      }
    };

    it(g, ["CreateCollection"], "malformed JSON answers 422", async () => {
      const url = a.api === "v2" ? `/api/v2/tenants/${o.scope.tenant}/databases/${o.scope.database}/collections` : `/api/v1/collections?tenant=${o.scope.tenant}&database=${o.scope.database}`;
      expect422(await raw("POST", url, '{"name": "abc",'));
    });

    it(g, ["CollectionAdd"], "malformed JSON on add answers 422 and adds nothing", async () => {
      expect422(await raw("POST", path("/add"), '{"ids": ["z"], "embeddings": [[1,2,3]'));
      expect(await c.count()).toBe(2);
    });

    it(g, ["CollectionQuery"], "malformed JSON on query answers 422", async () => {
      expect422(await raw("POST", path("/query"), "query_embeddings=[[1,2,3]]"));
    });

    it(g, ["CollectionAdd"], "add without ids answers 422", async () => {
      expect422(await raw("POST", path("/add"), { embeddings: [[1, 2, 3]] }));
    });

    it(g, ["CollectionAdd"], "ids that are not a list answer 422", async () => {
      expect422(await raw("POST", path("/add"), { ids: "z", embeddings: [[1, 2, 3]] }));
    });

    it(g, ["CollectionAdd"], "an embedding of strings answers 422", async () => {
      expect422(await raw("POST", path("/add"), { ids: ["z"], embeddings: [["1", "2", "3"]] }));
    });

    it(g, ["CollectionGet"], "a non-integer limit answers 422", async () => {
      expect422(await raw("POST", path("/get"), { limit: "ten" }));
    });

    it(g, ["CollectionGet"], "an unknown include value answers 422", async () => {
      expect422(await raw("POST", path("/get"), { include: ["everything"] }));
    });

    it(g, ["CollectionQuery"], "a negative n_results answers 422", async () => {
      expect422(await raw("POST", path("/query"), { query_embeddings: [[1, 2, 3]], n_results: -1 }));
    });

    it(g, ["CollectionQuery"], "query without query_embeddings answers 422", async () => {
      expect422(await raw("POST", path("/query"), { n_results: 1 }));
    });

    it(g, ["CreateCollection"], "a collection name that is not a string answers 422", async () => {
      const url = a.api === "v2" ? `/api/v2/tenants/${o.scope.tenant}/databases/${o.scope.database}/collections` : `/api/v1/collections?tenant=${o.scope.tenant}&database=${o.scope.database}`;
      expect422(await raw("POST", url, { name: 42 }));
    });

    it(g, ["CreateTenant"], "create tenant without a name answers 422", async () => {
      expect422(await raw("POST", `/api/${a.api}/tenants`, {}));
    });

    it(g, ["ListCollections"], "a negative limit on list collections is rejected", async () => {
      const url = a.api === "v2" ? `/api/v2/tenants/${o.scope.tenant}/databases/${o.scope.database}/collections?limit=-1` : `/api/v1/collections?limit=-1`;
      const r = await raw("GET", url);
      // Chroma 1.x answers 400 for an unparsable query string, the schema says 422: both are declared.
      expect([400, 422]).toContain(r.status);
      expectErrorAnswer(r, { status: r.status, error: "*" });
    });
  });
});
