/** Databases: create, get, list (v2), delete (v2), duplicates, unknown tenant/database, names. */
import { beforeAll, expect } from "vitest";
import { clientFor } from "../support/client.js";
import { forEachApi, group, it } from "../support/contract.js";
import { duplicate, expectError, invalidArgument, missingCollectionByName, notFound } from "../support/errors.js";
import { uniqueName } from "../support/names.js";
import { sharedTenant } from "../support/scope.js";
import { UUID } from "../support/shapes.js";

forEachApi("databases", (a) => {
  const client = clientFor(a.api);
  let tenant: string;
  beforeAll(async () => {
    tenant = await sharedTenant(a.api);
  });

  group(a, "requests", (g) => {
    it(g, ["CreateDatabase", "GetDatabase"], "create a database and get it", async () => {
      const name = uniqueName("d");
      await client.createDatabase({ name, tenant });
      const db = await client.getDatabase({ name, tenant });
      expect(db.id).toMatch(UUID);
      expect(typeof db.name).toBe("string");
      expect(typeof db.tenant).toBe("string");
    });

    if (a.api === "v2") {
      it(g, ["ListDatabases"], "list databases with and without paging", async () => {
        for (const page of [{}, { limit: 1 }, { limit: 5, offset: 1 }]) {
          const list = await client.listDatabases({ tenant, ...page });
          expect(Array.isArray(list)).toBe(true);
          for (const db of list) expect(db.id).toMatch(UUID);
        }
      });

      it(g, ["DeleteDatabase"], "delete a database", async () => {
        const name = uniqueName("d");
        await client.createDatabase({ name, tenant });
        await client.deleteDatabase({ name, tenant });
      });
    }
  });

  group(a, "behaviour", (g) => {
    it(g, ["CreateDatabase", "GetDatabase"], "a created database is found by tenant and name", async () => {
      const name = uniqueName("d");
      await client.createDatabase({ name, tenant });
      const db = await client.getDatabase({ name, tenant });
      expect(db).toEqual({ id: expect.stringMatching(UUID), name, tenant });
      expect((await client.getDatabase({ name, tenant })).id).toBe(db.id);
    });

    it(g, ["CreateDatabase", "GetDatabase"], "the same database name in two tenants names two databases", async () => {
      const other = await sharedTenant(a.api, 1);
      const name = uniqueName("d");
      await client.createDatabase({ name, tenant });
      await client.createDatabase({ name, tenant: other });
      const [one, two] = [await client.getDatabase({ name, tenant }), await client.getDatabase({ name, tenant: other })];
      expect(one.tenant).toBe(tenant);
      expect(two.tenant).toBe(other);
      expect(one.id).not.toBe(two.id);
    });

    it(g, ["CreateDatabase"], "creating a database twice answers 409 UniqueConstraintError", async () => {
      const name = uniqueName("d");
      await client.createDatabase({ name, tenant });
      await expectError(client.createDatabase({ name, tenant }), duplicate);
    });

    it(g, ["GetDatabase"], "an unknown database answers 404 NotFoundError", async () => {
      await expectError(client.getDatabase({ name: uniqueName("missing"), tenant }), notFound);
    });

    it(g, ["CreateDatabase"], "a database name shorter than 3 characters answers 400", async () => {
      await expectError(client.createDatabase({ name: "ab", tenant }), invalidArgument);
    });

    if (a.api === "v2") {
      it(g, ["ListDatabases"], "list databases pages through a tenant's databases", async () => {
        const t = uniqueName("t");
        await client.createTenant({ name: t });
        // Names sort in creation order, so both orders upstream uses (name, creation) agree.
        const names = ["db-a", "db-b", "db-c"];
        for (const name of names) await client.createDatabase({ name, tenant: t });
        const all = await client.listDatabases({ tenant: t });
        expect(all.map((d) => d.name)).toEqual(names);
        for (const db of all) expect(db).toEqual({ id: expect.stringMatching(UUID), name: db.name, tenant: t });
        expect((await client.listDatabases({ tenant: t, limit: 2 })).map((d) => d.name)).toEqual(["db-a", "db-b"]);
        expect((await client.listDatabases({ tenant: t, limit: 1, offset: 1 })).map((d) => d.name)).toEqual(["db-b"]);
        expect((await client.listDatabases({ tenant: t, offset: 2 })).map((d) => d.name)).toEqual(["db-c"]);
        expect(await client.listDatabases({ tenant: t, offset: 3 })).toEqual([]);
      });

      it(g, ["ListDatabases"], "an unknown tenant lists no databases", async () => {
        expect(await client.listDatabases({ tenant: uniqueName("missing") })).toEqual([]);
      });

      it(g, ["DeleteDatabase", "GetDatabase", "ListDatabases"], "a deleted database is gone", async () => {
        const t = uniqueName("t");
        await client.createTenant({ name: t });
        await client.createDatabase({ name: "keep", tenant: t });
        await client.createDatabase({ name: "drop", tenant: t });
        await client.deleteDatabase({ name: "drop", tenant: t });
        await expectError(client.getDatabase({ name: "drop", tenant: t }), notFound);
        expect((await client.listDatabases({ tenant: t })).map((d) => d.name)).toEqual(["keep"]);
      });

      it(g, ["DeleteDatabase", "CreateDatabase", "CountCollections", "GetCollection"], "deleting a database deletes its collections", async () => {
        const name = uniqueName("d");
        await client.createDatabase({ name, tenant });
        const scoped = clientFor(a.api, { tenant, database: name });
        await scoped.createCollection({ name: "inside" });
        await client.deleteDatabase({ name, tenant });
        await client.createDatabase({ name, tenant });
        expect(await scoped.countCollections()).toBe(0);
        await expectError(scoped.getCollection({ name: "inside" }), missingCollectionByName(a.api));
      });

      it(g, ["DeleteDatabase"], "deleting an unknown database answers 404 NotFoundError", async () => {
        await expectError(client.deleteDatabase({ name: uniqueName("missing"), tenant }), notFound);
      });
    }
  });
});
