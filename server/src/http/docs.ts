/**
 * The API reference, as upstream serves it (rust/frontend/src/server.rs: Swagger UI at /docs, the
 * spec at /openapi.json):
 *   GET /openapi.json   openapi.yaml as JSON (codegen's document.ts), with `servers` pointing at
 *                       this server, so "Try it out" calls the server the page came from
 *   GET /docs           Swagger UI (@fastify/swagger-ui), every asset served from the package
 *                       itself: no CDN, works offline
 * Both are public, as upstream's are, also when authentication is on.
 */
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { openapiDocument } from "../generated/document.js";
import type { AnyFastifyInstance } from "./router.js";

/** The spec as this server serves it. */
export function servedDocument(): Record<string, unknown> {
  return { ...openapiDocument, servers: [{ url: "/", description: "this server" }] };
}

export async function registerDocs(app: AnyFastifyInstance): Promise<void> {
  const document = servedDocument();
  const json = JSON.stringify(document);
  app.get("/openapi.json", { config: { operationId: "docs", template: "/openapi.json" } }, async (_request, reply) =>
    reply.header("content-type", "application/json; charset=utf-8").send(json),
  );
  // @fastify/swagger in static mode only hands the document to the UI plugin.
  await app.register(fastifySwagger, { mode: "static", specification: { document: document as never } });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/docs",
    uiConfig: { docExpansion: "list", deepLinking: true, displayOperationId: true, tryItOutEnabled: false },
  });
}
