/**
 * GET /metrics in Prometheus' text format (prom-client), one registry per app:
 *   chromaspec_http_requests_total{operation,status}         requests answered
 *   chromaspec_http_request_duration_seconds{operation}      latency histogram (answer sent)
 *   chromaspec_collection_records{tenant,database,collection,collection_id}
 *   chromaspec_collection_unindexed_ops{...same}             writes not yet in the vector index
 *   chromaspec_info{version,api_version}                     always 1
 *   process_* and nodejs_*                                   prom-client's defaults: memory, CPU, event loop, GC
 * `operation` is the spec's operationId; requests no operation matched count as "unmatched" (404,
 * 405), this endpoint and the docs as "metrics" and "docs". Per-collection values are read at scrape
 * time through the core (count, indexingStatus), like any client would.
 *
 * With authentication on, scraping needs the token of an admin user (tenant "*", databases ["*"]):
 * collection names and sizes of every tenant are not for every token holder.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Credentials } from "../auth/credentials.js";
import { authenticate, isAdmin } from "../auth/guard.js";
import type { InternalRequests } from "./internal.js";
import type { Chroma } from "../core/chroma.js";
import { ForbiddenError } from "../core/errors.js";
import { routeConfigOf, type AnswerRecorder } from "./access-log.js";
import { tokenOf, type AnyFastifyInstance } from "./router.js";

export interface MetricsOptions {
  chroma: Chroma;
  credentials?: Credentials;
  version: string;
  apiVersion: string;
  /** Gets the recorder for the answers no hook sees (app.ts frameworkErrors). */
  unrouted?: AnswerRecorder[];
  /** Requests the server sends itself (http/internal.ts): not counted. */
  internal?: InternalRequests;
}

/** Seconds; from a cached heartbeat (~50 us) to a large batch write (seconds). */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Collections read at once during a scrape (each is a count and an indexing status). */
const SCRAPE_CONCURRENCY = 8;

export function registerMetrics(app: AnyFastifyInstance, options: MetricsOptions): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({ name: "chromaspec_http_requests_total", help: "HTTP requests answered, by operation and status", labelNames: ["operation", "status"], registers: [registry] });
  const latency = new Histogram({
    name: "chromaspec_http_request_duration_seconds",
    help: "Time from receiving a request to sending its answer, by operation",
    labelNames: ["operation"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  new Gauge({ name: "chromaspec_info", help: "Server version (value is always 1)", labelNames: ["version", "api_version"], registers: [registry] })
    .labels(options.version, options.apiVersion)
    .set(1);

  const collectionLabels = ["tenant", "database", "collection", "collection_id"] as const;
  const records = new Gauge({ name: "chromaspec_collection_records", help: "Records in a collection", labelNames: collectionLabels, registers: [registry] });
  const unindexed = new Gauge({
    name: "chromaspec_collection_unindexed_ops",
    help: "Writes to a collection not yet in its vector index (searched exactly meanwhile)",
    labelNames: collectionLabels,
    registers: [registry],
  });
  // Read at scrape time; concurrent scrapes share one pass.
  let scraping: Promise<void> | null = null;
  const collectCollections = () =>
    (scraping ??= (async () => {
      const all = await options.chroma.listAllCollections();
      const values: { labels: Record<(typeof collectionLabels)[number], string>; count: number; unindexed: number }[] = [];
      for (let i = 0; i < all.length; i += SCRAPE_CONCURRENCY) {
        await Promise.all(
          all.slice(i, i + SCRAPE_CONCURRENCY).map(async (c) => {
            const scope = { tenant: c.tenant, database: c.database };
            try {
              const [count, status] = await Promise.all([options.chroma.count(scope, c.id), options.chroma.indexingStatus(scope, c.id)]);
              values.push({ labels: { tenant: c.tenant, database: c.database, collection: c.name, collection_id: c.id }, count, unindexed: status.num_unindexed_ops });
            } catch {
              /* deleted during the scrape */
            }
          }),
        );
      }
      // Replaced at once, so a deleted collection's series disappears.
      records.reset();
      unindexed.reset();
      for (const v of values) {
        records.set(v.labels, v.count);
        unindexed.set(v.labels, v.unindexed);
      }
    })().finally(() => {
      scraping = null;
    }));

  // Children per (operation, status) are cached: label hashing is the costly part of an update.
  const counters = new Map<string, { inc(): void }>();
  const histograms = new Map<string, { observe(v: number): void }>();
  const record: AnswerRecorder = (request, reply) => {
    const operation = operationOf(request);
    const status = reply.statusCode;
    const key = `${operation} ${status}`;
    let counter = counters.get(key);
    if (!counter) counters.set(key, (counter = requests.labels(operation, String(status))));
    counter.inc();
    let histogram = histograms.get(operation);
    if (!histogram) histograms.set(operation, (histogram = latency.labels(operation)));
    histogram.observe(reply.elapsedTime / 1000);
  };
  app.addHook("onResponse", (request, reply, done) => {
    // The server's own requests (http/internal.ts) are not counted.
    if (!options.internal?.has(request)) record(request, reply);
    done();
  });
  options.unrouted?.push(record);

  app.get("/metrics", { config: { operationId: "metrics", template: "/metrics" } }, async (request: FastifyRequest, reply: FastifyReply) => {
    if (options.credentials && !isAdmin(authenticate(options.credentials, tokenOf(request)))) {
      throw new ForbiddenError("Forbidden: /metrics needs an admin token (tenant \"*\", databases [\"*\"])");
    }
    await collectCollections();
    const body = await registry.metrics();
    return reply.header("content-type", registry.contentType).send(body);
  });
  return registry;
}

function operationOf(request: FastifyRequest): string {
  const config = routeConfigOf(request);
  if (config?.operationId) return config.operationId;
  const url = config?.url;
  return url === undefined ? "unmatched" : url.startsWith("/docs") ? "docs" : "other";
}
