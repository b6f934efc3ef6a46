/**
 * Metadata filters (`where`) on get, query and delete: each operator on str/int/float/bool,
 * shorthand equality, missing keys, $and/$or nesting, and the 400s of invalid filters.
 */
import type { Collection } from "@chromaspec/sdk";
import { beforeAll, expect } from "vitest";
import { raw, recordsPath } from "../support/client.js";
import { forEachApi, group, it } from "../support/contract.js";
import { expectError, expectErrorAnswer, invalidArgument } from "../support/errors.js";
import { columns, FILTER_RECORDS, WHERE_CASES } from "../support/fixtures.js";
import { newCollection, openScope, type Opened } from "../support/scope.js";
import { expectGetShape, expectQueryShape } from "../support/shapes.js";

forEachApi("where", (a) => {
  let o: Opened;
  let c: Collection;
  beforeAll(async () => {
    o = await openScope(a.api);
    c = await newCollection(o);
    await c.add(columns(FILTER_RECORDS));
  });

  group(a, "requests", (g) => {
    for (const wc of WHERE_CASES) {
      it(g, ["CollectionGet"], `get where ${wc.name}`, async () => {
        expectGetShape(await c.get({ where: wc.where }));
      });
    }

    it(g, ["CollectionQuery"], "query with where", async () => {
      expectQueryShape(await c.query({ queryEmbeddings: [[1, 0, 0]], where: { int: { $gte: 2 } } }));
    });

    it(g, ["CollectionDelete"], "delete with where", async () => {
      await c.delete({ where: { nosuchkey: { $in: ["nothing"] } } });
    });
  });

  group(a, "behaviour", (g) => {
    for (const wc of WHERE_CASES) {
      it(g, ["CollectionGet"], `get where ${wc.name}`, async () => {
        const r = await c.get({ where: wc.where, include: ["metadatas"] });
        expect(r.ids).toEqual(wc.ids);
        expect(r.metadatas).toEqual(wc.ids.map((id) => FILTER_RECORDS.find((rec) => rec.id === id)!.metadata));
      });
    }

    it(g, ["CollectionGet"], "where combines with ids, limit and offset", async () => {
      expect((await c.get({ where: { int: { $gte: 1 } }, ids: ["r4", "r2", "r5"] })).ids).toEqual(["r2", "r4"]);
      expect((await c.get({ where: { int: { $gte: 1 } }, limit: 2, offset: 1 })).ids).toEqual(["r2", "r3"]);
    });

    it(g, ["CollectionQuery"], "query considers only the records that match where", async () => {
      const r = await c.query({ queryEmbeddings: [[1, 0, 0]], nResults: 10, where: { $or: [{ bool: false }, { tag: "x" }] }, include: [] });
      expect([...r.ids[0]].sort()).toEqual(["r1", "r2", "r5"]);
      const nearest = await c.query({ queryEmbeddings: [[0, 0, 1]], nResults: 1, where: { str: { $ne: "cherry" } }, include: [] });
      // r3 is the nearest record overall but is filtered out; r5 and r6 tie after it, both match.
      expect(["r5", "r6"]).toContain(nearest.ids[0][0]);
    });

    it(g, ["CollectionGet"], "$gt with a string operand answers 400", async () => {
      await expectError(c.get({ where: { str: { $gt: "apple" } } }), invalidArgument);
    });

    it(g, ["CollectionGet"], "$in with an empty list answers 400", async () => {
      await expectError(c.get({ where: { int: { $in: [] } } }), invalidArgument);
    });

    it(g, ["CollectionQuery"], "an invalid where on query answers 400", async () => {
      await expectError(c.query({ queryEmbeddings: [[1, 0, 0]], where: { str: { $lt: "x" } } }), invalidArgument);
    });

    it(g, ["CollectionDelete"], "an invalid where on delete answers 400 and deletes nothing", async () => {
      await expectError(c.delete({ where: { float: { $nin: [] } } }), invalidArgument);
      expect(await c.count()).toBe(FILTER_RECORDS.length);
    });
  });

  // Filters outside the grammar of openapi.yaml: the server answers 400 as upstream does; Prism
  // (mock, proxy) rejects them before they reach a server, so they go out raw.
  group(a, "invalid requests", (g) => {
    const get = (where: unknown) => raw("POST", `${recordsPath(a.api, o.scope, c.id)}/get`, { where });
    it(g, ["CollectionGet"], "an unknown operator answers 400", async () => {
      expectErrorAnswer(await get({ int: { $bad: 1 } }), invalidArgument);
    });
    it(g, ["CollectionGet"], "an unknown logical operator answers 400", async () => {
      expectErrorAnswer(await get({ $xor: [{ int: 1 }, { int: 2 }] }), invalidArgument);
    });
    it(g, ["CollectionGet"], "two operators for one key answer 400", async () => {
      expectErrorAnswer(await get({ int: { $gt: 1, $lt: 3 } }), invalidArgument);
    });
    it(g, ["CollectionGet"], "$and with a non-list operand answers 400", async () => {
      expectErrorAnswer(await get({ $and: { int: 1 } }), invalidArgument);
    });
    it(g, ["CollectionGet"], "$in with a non-list operand answers 400", async () => {
      expectErrorAnswer(await get({ int: { $in: 1 } }), invalidArgument);
    });
  });
});
