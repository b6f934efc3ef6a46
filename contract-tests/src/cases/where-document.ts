/** Document filters (`where_document`): $contains, $not_contains, $regex, $not_regex, $and, $or. */
import type { Collection } from "@chromaspec/sdk";
import { beforeAll, expect } from "vitest";
import { raw, recordsPath } from "../support/client.js";
import { forEachApi, group, it } from "../support/contract.js";
import { expectErrorAnswer, invalidArgument } from "../support/errors.js";
import { columns, FILTER_RECORDS, WHERE_DOCUMENT_CASES } from "../support/fixtures.js";
import { newCollection, openScope, type Opened } from "../support/scope.js";
import { expectGetShape, expectQueryShape } from "../support/shapes.js";

forEachApi("where_document", (a) => {
  let o: Opened;
  let c: Collection;
  beforeAll(async () => {
    o = await openScope(a.api);
    c = await newCollection(o);
    await c.add(columns(FILTER_RECORDS));
  });

  group(a, "requests", (g) => {
    for (const wc of WHERE_DOCUMENT_CASES) {
      it(g, ["CollectionGet"], `get where_document ${wc.name}`, async () => {
        expectGetShape(await c.get({ whereDocument: wc.whereDocument }));
      });
    }

    it(g, ["CollectionQuery"], "query with where_document and where", async () => {
      expectQueryShape(await c.query({ queryEmbeddings: [[1, 0, 0]], whereDocument: { $contains: "fox" }, where: { bool: true } }));
    });

    it(g, ["CollectionDelete"], "delete with where_document", async () => {
      await c.delete({ whereDocument: { $contains: "no such text anywhere" } });
    });
  });

  group(a, "behaviour", (g) => {
    for (const wc of WHERE_DOCUMENT_CASES) {
      it(g, ["CollectionGet"], `get where_document ${wc.name}`, async () => {
        const r = await c.get({ whereDocument: wc.whereDocument });
        expect(r.ids).toEqual(wc.ids);
        expect(r.documents).toEqual(wc.ids.map((id) => FILTER_RECORDS.find((rec) => rec.id === id)!.document));
      });
    }

    it(g, ["CollectionGet"], "where and where_document must both match", async () => {
      expect((await c.get({ where: { bool: false }, whereDocument: { $contains: "fox" } })).ids).toEqual(["r5"]);
      expect((await c.get({ where: { bool: true }, whereDocument: { $not_contains: "fox" } })).ids).toEqual(["r3"]);
    });

    it(g, ["CollectionQuery"], "query considers only the records whose document matches", async () => {
      const r = await c.query({ queryEmbeddings: [[0, 0, 1]], nResults: 10, whereDocument: { $contains: "fox" }, include: ["documents"] });
      // r5 [0,1,1] is nearer to [0,0,1] than r1 [1,0,0].
      expect(r.ids).toEqual([["r5", "r1"]]);
      expect(r.documents).toEqual([["apple pie with a fox", "the quick brown fox"]]);
    });
  });

  group(a, "invalid requests", (g) => {
    const get = (whereDocument: unknown) => raw("POST", `${recordsPath(a.api, o.scope, c.id)}/get`, { where_document: whereDocument });
    it(g, ["CollectionGet"], "an unknown document operator answers 400", async () => {
      expectErrorAnswer(await get({ $startswith: "the" }), invalidArgument);
    });
    it(g, ["CollectionGet"], "a non-string $contains operand answers 400", async () => {
      expectErrorAnswer(await get({ $contains: 5 }), invalidArgument);
    });
  });
});
