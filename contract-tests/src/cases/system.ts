/** System endpoints: root, heartbeat, version, pre-flight checks, identity, healthcheck. */
import { beforeAll, expect } from "vitest";
import { clientFor } from "../support/client.js";
import { forEachApi, group, it } from "../support/contract.js";
import { openScope, newCollection, type Opened } from "../support/scope.js";
import { target } from "../support/target.js";

const NS_PER_DAY = 86_400 * 1e9;

forEachApi("system", (a) => {
  const client = clientFor(a.api);

  group(a, "requests", (g) => {
    it(g, ["Heartbeat"], "heartbeat answers a non-negative integer of nanoseconds", async () => {
      const beat = await client.heartbeat();
      expect(Number.isInteger(beat)).toBe(true);
      expect(beat).toBeGreaterThanOrEqual(0);
    });

    it(g, ["Root"], "the API root answers a heartbeat", async () => {
      const { data, response } =
        a.api === "v2" ? await client.api.GET("/api/v2") : await client.api.GET("/api/v1");
      expect(response.status).toBe(200);
      expect(Object.keys(data!)).toEqual(["nanosecond heartbeat"]);
      expect(Number.isInteger(data!["nanosecond heartbeat"])).toBe(true);
    });

    it(g, ["Version"], "version answers a non-empty string", async () => {
      const version = await client.version();
      expect(typeof version).toBe("string");
      expect(version.length).toBeGreaterThan(0);
    });

    it(g, ["PreFlightChecks"], "pre-flight checks state a positive max_batch_size", async () => {
      const checks = await client.getPreflightChecks();
      expect(Number.isInteger(checks.max_batch_size)).toBe(true);
      expect(checks.max_batch_size).toBeGreaterThan(0);
      if (checks.supports_base64_encoding !== undefined) expect(typeof checks.supports_base64_encoding).toBe("boolean");
      expect(await client.getMaxBatchSize()).toBe(checks.max_batch_size);
    });

    if (a.api === "v2") {
      it(g, ["GetUserIdentity"], "identity names a user, a tenant and its databases", async () => {
        const identity = await client.getUserIdentity();
        expect(typeof identity.user_id).toBe("string");
        expect(typeof identity.tenant).toBe("string");
        expect(Array.isArray(identity.databases)).toBe(true);
        for (const db of identity.databases) expect(typeof db).toBe("string");
      });

      it(g, ["Healthcheck"], "healthcheck reports its components", async () => {
        const health = await client.healthcheck();
        expect(typeof health.is_executor_ready).toBe("boolean");
        expect(typeof health.is_log_client_ready).toBe("boolean");
      });
    }
  });

  group(a, "behaviour", (g) => {
    let o: Opened;
    beforeAll(async () => {
      o = await openScope(a.api);
    });

    it(g, ["Heartbeat", "Root"], "heartbeat is the server clock in nanoseconds since the epoch", async () => {
      // A sanity window of a day either way: catches seconds or milliseconds, not clock skew.
      const now = Date.now() * 1e6;
      const beat = await client.heartbeat();
      expect(Math.abs(beat - now)).toBeLessThan(NS_PER_DAY);
      const root = a.api === "v2" ? await client.api.GET("/api/v2") : await client.api.GET("/api/v1");
      expect(Math.abs(root.data!["nanosecond heartbeat"] - now)).toBeLessThan(NS_PER_DAY);
    });

    it(g, ["PreFlightChecks", "CollectionAdd", "CollectionCount"], "a batch of exactly max_batch_size records is accepted", async () => {
      const max = await o.client.getMaxBatchSize();
      // Very large limits would make this test send megabytes; past 20000 it checks 20000.
      const n = Math.min(max, 20_000);
      const collection = await newCollection(o);
      const ids = Array.from({ length: n }, (_, i) => `b${i}`);
      await collection.add({ ids, embeddings: ids.map((_, i) => [i % 7, 1]) });
      expect(await collection.count()).toBe(n);
    }, 120_000);

    if (a.api === "v2") {
      // With a token the identity is the token's, which the suite cannot know.
      if (!target.token) it(g, ["GetUserIdentity"], "without credentials the identity is the default tenant and database", async () => {
        const identity = await client.getUserIdentity();
        expect(identity.tenant).toBe("default_tenant");
        expect(identity.databases).toContain("default_database");
      });

      it(g, ["Healthcheck"], "a running server is healthy", async () => {
        expect(await client.healthcheck()).toEqual({ is_executor_ready: true, is_log_client_ready: true });
      });

      it(g, ["PreFlightChecks"], "pre-flight checks advertise base64 embeddings", async () => {
        expect((await client.getPreflightChecks()).supports_base64_encoding).toBe(true);
      });
    }
  });
});
