/**
 * Collection forks (Chroma 1.x `fork_collection` and `fork_count`, v2 only): a fork holds the
 * source's records, metadata and configuration and is independent afterwards; fork_count counts
 * the forks of the whole lineage; upstream's refusals. Upstream's own single-node server answers
 * fork and fork_count with 501 (KNOWN_DIFFERENCES.md), after looking the collection up, so the
 * missing-collection and invalid-request tests hold on upstream too.
 */
import type { Collection } from "@chromaspec/sdk";
import { beforeAll, expect } from "vitest";
import { raw, recordsPath } from "../support/client.js";
import { forEachApi, group, it } from "../support/contract.js";
import { expectError, expectErrorAnswer, unprocessable } from "../support/errors.js";
import { columns, QUERY_RECORDS, QUERY_VECTORS } from "../support/fixtures.js";
import { uniqueName } from "../support/names.js";
import { newCollection, openScope, type Opened } from "../support/scope.js";

forEachApi(
  "fork",
  (a) => {
    let o: Opened;
    let c: Collection;
    beforeAll(async () => {
      o = await openScope(a.api);
      c = await newCollection(o, { metadata: { owner: "contract" } });
      await c.add(columns(QUERY_RECORDS));
    });

    group(a, "requests", (g) => {
      it(g, ["ForkCollection"], "fork answers a collection", async () => {
        const fork = await c.fork({ name: uniqueName("f") });
        expect(typeof fork.id).toBe("string");
        expect(typeof fork.name).toBe("string");
      });

      it(g, ["ForkCount"], "fork_count answers a count", async () => {
        expect(Number.isInteger(await c.forkCount())).toBe(true);
      });
    });

    group(a, "behaviour", (g) => {
      it(g, ["ForkCollection", "CollectionGet", "CollectionQuery"], "a fork holds the source's records, metadata and configuration", async () => {
        const name = uniqueName("f");
        const fork = await c.fork({ name });
        expect(fork.name).toBe(name);
        expect(fork.id).not.toBe(c.id);
        expect(fork.metadata).toEqual({ owner: "contract" });
        expect(fork.configuration).toEqual(c.configuration);
        expect(fork.dimension).toBe((await o.client.getCollection({ name: c.name })).dimension);
        expect((await o.client.getCollection({ name })).id).toBe(fork.id);
        const include = ["embeddings", "documents", "metadatas"] as const;
        expect(await fork.get({ include: [...include] })).toEqual(await c.get({ include: [...include] }));
        const q = { queryEmbeddings: [QUERY_VECTORS[0]], nResults: 3 };
        expect(await fork.query(q)).toEqual(await c.query(q));
      });

      it(g, ["ForkCollection", "CollectionAdd", "CollectionDelete", "CollectionCount"], "a fork and its source change independently", async () => {
        const source = await newCollection(o);
        await source.add(columns(QUERY_RECORDS));
        const fork = await source.fork({ name: uniqueName("f") });
        const [first, second] = QUERY_RECORDS;
        await fork.delete({ ids: [first.id] });
        await source.delete({ ids: [second.id] });
        expect(await fork.count()).toBe(QUERY_RECORDS.length - 1);
        expect(await source.count()).toBe(QUERY_RECORDS.length - 1);
        expect((await fork.get({ ids: [first.id, second.id] })).ids).toEqual([second.id]);
        expect((await source.get({ ids: [first.id, second.id] })).ids).toEqual([first.id]);
      });

      it(g, ["ForkCollection", "ForkCount"], "fork_count counts the forks of the whole lineage, from every member", async () => {
        const root = await newCollection(o);
        expect(await root.forkCount()).toBe(0);
        const one = await root.fork({ name: uniqueName("f") });
        const two = await root.fork({ name: uniqueName("f") });
        const grandchild = await one.fork({ name: uniqueName("f") });
        for (const member of [root, one, two, grandchild]) expect(await member.forkCount()).toBe(3);
        await o.client.deleteCollection({ name: two.name });
        expect(await root.forkCount()).toBe(3);
      });

      it(g, ["ForkCollection"], "a fork outlives its deleted source", async () => {
        const source = await newCollection(o);
        await source.add(columns(QUERY_RECORDS));
        const fork = await source.fork({ name: uniqueName("f") });
        await o.client.deleteCollection({ name: source.name });
        expect((await fork.get()).ids).toEqual(QUERY_RECORDS.map((r) => r.id));
      });

      it(g, ["ForkCollection"], "forking onto an existing name answers 409", async () => {
        const taken = await newCollection(o);
        await expectError(c.fork({ name: taken.name }), { status: 409, error: "UniqueConstraintError", message: new RegExp(`^Collection \\[${taken.name}\\] already exists$`) });
      });

      it(g, ["ForkCollection", "ForkCount"], "a missing collection answers 404", async () => {
        const missing = await newCollection(o);
        await o.client.deleteCollection({ name: missing.name });
        await expectError(missing.fork({ name: uniqueName("f") }), { status: 404, error: "NotFoundError", message: new RegExp(`^Collection \\[${missing.id}\\] does not exist\\.$`) });
      });
    });

    group(a, "invalid requests", (g) => {
      it(g, ["ForkCollection"], "a payload without new_name answers 422", async () => {
        expectErrorAnswer(await raw("POST", `${recordsPath(a.api, o.scope, c.id)}/fork`, {}), unprocessable);
      });
    });
  },
  ["v2"],
);
