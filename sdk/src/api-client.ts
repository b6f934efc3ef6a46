/**
 * The low-level client: openapi-fetch bound to the generated `paths`, so every path, parameter,
 * body and answer is typed from openapi.yaml. The high-level ChromaClient is built on it.
 */
import createClient from "openapi-fetch";
import type { paths } from "./generated/openapi.js";

export interface AuthOptions {
  token: string;
  /** Where the token goes: `Authorization: Bearer <token>` (default) or `X-Chroma-Token: <token>`. */
  header?: "Authorization" | "X-Chroma-Token";
}

export interface ConnectionOptions {
  /** Full base URL, e.g. "http://localhost:8000"; wins over host/port/ssl. */
  path?: string;
  /** Default "localhost". */
  host?: string;
  /** Default 8000. */
  port?: number;
  /** https when true. Default false. */
  ssl?: boolean;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  auth?: AuthOptions;
  /** fetch implementation (default globalThis.fetch): for tests, proxies, or runtimes without one. */
  fetch?: (input: Request) => Promise<Response>;
}

export function baseUrlOf(options: ConnectionOptions): string {
  if (options.path !== undefined) return options.path.replace(/\/+$/, "");
  const scheme = options.ssl ? "https" : "http";
  return `${scheme}://${options.host ?? "localhost"}:${options.port ?? 8000}`;
}

export function headersOf(options: ConnectionOptions): Record<string, string> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth) {
    if (options.auth.header === "X-Chroma-Token") headers["X-Chroma-Token"] = options.auth.token;
    else headers.Authorization = `Bearer ${options.auth.token}`;
  }
  return headers;
}

export function createApiClient(options: ConnectionOptions = {}) {
  const custom = options.fetch;
  return createClient<paths>({
    baseUrl: baseUrlOf(options),
    headers: headersOf(options),
    // Resolved per call so a fetch installed after construction (polyfills, test spies) is used.
    fetch: custom ?? ((request: Request) => globalThis.fetch(request)),
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
