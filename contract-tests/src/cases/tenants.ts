/** Tenants: create, get, duplicates, unknown names, name rules. */
import { expect } from "vitest";
import { clientFor } from "../support/client.js";
import { forEachApi, group, it } from "../support/contract.js";
import { duplicate, expectError, invalidArgument, notFound } from "../support/errors.js";
import { uniqueName } from "../support/names.js";
import { sharedTenant } from "../support/scope.js";

forEachApi("tenants", (a) => {
  const client = clientFor(a.api);

  group(a, "requests", (g) => {
    it(g, ["CreateTenant", "GetTenant"], "create a tenant and get it", async () => {
      const name = uniqueName("t");
      await client.createTenant({ name });
      expect(typeof (await client.getTenant({ name }))).toBe("string");
    });
  });

  group(a, "behaviour", (g) => {
    it(g, ["CreateTenant", "GetTenant"], "a created tenant is found by its name", async () => {
      const name = uniqueName("t");
      await client.createTenant({ name });
      expect(await client.getTenant({ name })).toBe(name);
      if (a.api === "v2") {
        const { data } = await client.api.GET("/api/v2/tenants/{tenant}", { params: { path: { tenant: name } } });
        expect(data).toEqual({ name, resource_name: null });
      }
    });

    it(g, ["CreateTenant"], "creating a tenant twice answers 409 UniqueConstraintError", async () => {
      // The suite's shared tenant exists (tenants cannot be deleted, so the suite creates few).
      const name = await sharedTenant(a.api);
      await expectError(client.createTenant({ name }), duplicate);
    });

    it(g, ["GetTenant"], "an unknown tenant answers 404 NotFoundError", async () => {
      await expectError(client.getTenant({ name: uniqueName("missing") }), notFound);
    });

    it(g, ["CreateTenant"], "a tenant name shorter than 3 characters answers 400", async () => {
      await expectError(client.createTenant({ name: "ab" }), invalidArgument);
    });
  });
});
