/**
 * SDK clients and raw requests aimed at the target. Behind Prism (mock and proxy targets) every
 * answer is checked for Prism's `sl-violations` header: a request the spec rejects (mock) or an
 * answer that breaks the spec (proxy) fails the call that caused it, naming the violation.
 */
import { ChromaClient, DEFAULT_DATABASE, DEFAULT_TENANT } from "@chromaspec/sdk";
import { entryOf, record } from "../runner/ledger.js";
import type { Api } from "./contract.js";
import { behindPrism, target } from "./target.js";

export interface Scope {
  tenant: string;
  database: string;
}

export class SpecViolation extends Error {
  override name = "SpecViolation";
}

function describeViolations(header: string): string {
  try {
    const list = JSON.parse(header) as { location?: unknown[]; message?: string; severity?: string }[];
    return list.map((v) => `${v.severity ?? "?"} at ${(v.location ?? []).join(".")}: ${v.message ?? ""}`).join("; ");
  } catch {
    return header;
  }
}

/** Throws when Prism reported that this exchange violates openapi.yaml. */
export function checkViolations(method: string, url: string, res: Response): void {
  if (!behindPrism) return;
  const header = res.headers.get("sl-violations");
  if (header) throw new SpecViolation(`openapi.yaml violated by ${method} ${new URL(url).pathname} (HTTP ${res.status}): ${describeViolations(header)}`);
}

/** Creations and database deletions go to the ledger, for the runner's cleanup (runner/ledger.js). */
async function recordChange(method: string, url: string, requestBody: string | undefined, res: Response): Promise<void> {
  if ((method !== "POST" && method !== "DELETE") || !res.ok || target.kind === "mock") return;
  const json = (text: string | undefined) => {
    try {
      return text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      return undefined;
    }
  };
  const answer = method === "POST" ? json(await res.clone().text()) : undefined;
  const entry = entryOf(method, new URL(url), res.status, json(requestBody), answer);
  if (entry) record(entry);
}

/** fetch for the SDK: adds the Prefer header when asked (spec examples) and checks violations. */
export function checkingFetch(prefer?: () => string | undefined) {
  return async (request: Request): Promise<Response> => {
    const wanted = prefer?.();
    if (wanted) request.headers.set("Prefer", wanted);
    const body = request.method === "POST" ? await request.clone().text() : undefined;
    const res = await fetch(request);
    checkViolations(request.method, request.url, res);
    await recordChange(request.method, request.url, body, res);
    return res;
  };
}

export function authHeaders(): Record<string, string> {
  return target.token ? { Authorization: `Bearer ${target.token}` } : {};
}

export function clientFor(api: Api, scope: Scope = { tenant: DEFAULT_TENANT, database: DEFAULT_DATABASE }, prefer?: () => string | undefined): ChromaClient {
  return new ChromaClient({
    path: target.url,
    apiVersion: api,
    tenant: scope.tenant,
    database: scope.database,
    ...(target.token ? { auth: { token: target.token } } : {}),
    fetch: checkingFetch(prefer),
  });
}

export interface RawAnswer {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

/**
 * A request the SDK cannot (or should not) send: malformed JSON, wrong types, exact statuses.
 * `body` is JSON-encoded unless it is already a string.
 */
export async function raw(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const init: RequestInit = { method, headers: { ...authHeaders(), ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const res = await fetch(target.url + path, init);
  checkViolations(method, target.url + path, res);
  await recordChange(method, target.url + path, typeof init.body === "string" ? init.body : undefined, res);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** Path prefix of a collection's record operations. */
export function recordsPath(api: Api, scope: Scope, collectionId: string): string {
  return api === "v2"
    ? `/api/v2/tenants/${encodeURIComponent(scope.tenant)}/databases/${encodeURIComponent(scope.database)}/collections/${collectionId}`
    : `/api/v1/collections/${collectionId}`;
}
