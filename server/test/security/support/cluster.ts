/**
 * A real server with token authentication: writes a credentials file in upstream's shape and
 * starts the built CLI with `--auth-credentials`. Also the fixed cast of users the security
 * suites share, so each suite reads the same way.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer, type StartOptions } from "../../helpers/server.js";
import { call, enc, type RawResponse } from "./http.js";

export interface TestUser {
  id: string;
  tenant: string;
  databases: string[];
  tokens: string[];
}

export interface AuthServer extends RunningServer {
  credentialsFile: string;
}

export function credentialsYaml(users: TestUser[]): string {
  const lines = ["users:"];
  for (const u of users) {
    lines.push(`  - id: ${JSON.stringify(u.id)}`);
    lines.push(`    tenant: ${JSON.stringify(u.tenant)}`);
    lines.push(`    databases: ${JSON.stringify(u.databases)}`);
    lines.push(`    tokens: ${JSON.stringify(u.tokens)}`);
  }
  return lines.join("\n") + "\n";
}

export async function startAuthServer(users: TestUser[], options: StartOptions = {}): Promise<AuthServer> {
  const dir = await mkdtemp(join(tmpdir(), "chromaspec-creds-"));
  const credentialsFile = join(dir, "credentials.yaml");
  await writeFile(credentialsFile, credentialsYaml(users));
  const server = await startServer({ ...options, args: [...(options.args ?? []), "--auth-credentials", credentialsFile] });
  return {
    ...server,
    credentialsFile,
    dispose: async () => {
      await server.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Fails with the whole answer when a setup call does not succeed, so a broken fixture is obvious. */
export function ok(res: RawResponse, what: string): RawResponse {
  if (res.status < 200 || res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text.slice(0, 500)}`);
  return res;
}

export const v2db = (tenant: string, database: string) => `/api/v2/tenants/${enc(tenant)}/databases/${enc(database)}`;

/** Admin-side setup helpers (the caller passes a token that may do everything). */
export function adminOps(url: string, token: string) {
  return {
    async tenant(name: string) {
      ok(await call(url, "POST", "/api/v2/tenants", { token, body: { name } }), `create tenant ${name}`);
    },
    async database(tenant: string, name: string) {
      ok(await call(url, "POST", `/api/v2/tenants/${enc(tenant)}/databases`, { token, body: { name } }), `create database ${tenant}/${name}`);
    },
    async collection(tenant: string, database: string, name: string, metadata?: Record<string, unknown>): Promise<string> {
      const res = ok(await call(url, "POST", `${v2db(tenant, database)}/collections`, { token, body: { name, metadata } }), `create collection ${name}`);
      return (res.json as { id: string }).id;
    },
    async add(tenant: string, database: string, id: string, records: SeedRecords) {
      ok(await call(url, "POST", `${v2db(tenant, database)}/collections/${id}/add`, { token, body: records }), `add to ${id}`);
    },
  };
}

export interface SeedRecords {
  ids: string[];
  embeddings: number[][];
  documents: (string | null)[];
  metadatas: (Record<string, string | number | boolean> | null)[];
  uris: (string | null)[];
}

/** n deterministic records of dimension `dim`, with every column filled (float32-exact values). */
export function seedRecords(prefix: string, n: number, dim = 3): SeedRecords {
  const r: SeedRecords = { ids: [], embeddings: [], documents: [], metadatas: [], uris: [] };
  for (let i = 0; i < n; i++) {
    r.ids.push(`${prefix}-${i}`);
    r.embeddings.push(Array.from({ length: dim }, (_, j) => Math.fround((i + 1) * 0.25 + j * 0.125)));
    r.documents.push(i % 5 === 4 ? null : `${prefix} document ${i} — ünïcödé ✓`);
    r.metadatas.push(i % 7 === 6 ? null : { owner: prefix, i, even: i % 2 === 0, score: Math.fround(i / 3) });
    r.uris.push(i % 3 === 0 ? `s3://bucket/${prefix}/${i}` : null);
  }
  return r;
}
