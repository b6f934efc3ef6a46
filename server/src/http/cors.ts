/**
 * CORS, as upstream configures it (rust/frontend/src/server.rs, tower-http CorsLayer): off unless
 * cors_allow_origins is set; then any method and any request header are allowed, for the listed
 * origins, or for every origin when the list is ["*"]. No credentials (cookies) are involved: tokens
 * travel in headers the browser's preflight asks for. chroma-trace-id is exposed to page scripts.
 */
import fastifyCors from "@fastify/cors";
import { TRACE_HEADER } from "./trace.js";
import type { AnyFastifyInstance } from "./router.js";

export async function registerCors(app: AnyFastifyInstance, origins: string[]): Promise<void> {
  if (origins.length === 0) return;
  await app.register(fastifyCors, {
    origin: origins.includes("*") ? "*" : origins,
    methods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
    // allowedHeaders unset: the preflight's Access-Control-Request-Headers are reflected (any header).
    exposedHeaders: [TRACE_HEADER],
    maxAge: 600,
    strictPreflight: false,
  });
}
