/**
 * Reset wipes the whole server, so it never runs alongside other tests: on the mock it only
 * checks the answer; against a server the runner runs this file alone, last, and only when reset
 * is allowed (our own freshly started server, or --allow-reset).
 */
import { expect } from "vitest";
import { clientFor } from "../support/client.js";
import { forEachApi, group, it } from "../support/contract.js";
import { expectError, missingCollectionByName, notFound } from "../support/errors.js";
import { openScope } from "../support/scope.js";
import { target } from "../support/target.js";

forEachApi("reset", (a) => {
  group(a, "reset", (g) => {
    it(g, ["Reset"], "reset answers true", async () => {
      expect(await clientFor(a.api).reset()).toBe(true);
    });

    // A mock cannot show the effect; this one only runs against a real server.
    if (target.kind !== "mock") {
      it(g, ["Reset", "GetTenant", "GetDatabase", "CountCollections", "CreateCollection"], "reset deletes everything and recreates the default tenant and database", async () => {
        const o = await openScope(a.api);
        await o.client.createCollection({ name: "inside" });
        const admin = clientFor(a.api);
        await admin.createCollection({ name: "in-default" });
        expect(await admin.reset()).toBe(true);
        await expectError(admin.getTenant({ name: o.scope.tenant }), notFound);
        expect(await admin.getTenant({ name: "default_tenant" })).toBe("default_tenant");
        expect((await admin.getDatabase({ name: "default_database" })).name).toBe("default_database");
        expect(await admin.countCollections()).toBe(0);
        await expectError(admin.getCollection({ name: "in-default" }), missingCollectionByName(a.api));
        const fresh = await admin.createCollection({ name: "in-default" });
        expect(await fresh.count()).toBe(0);
      });
    }
  });
});
