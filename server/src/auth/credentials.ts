/**
 * Token credentials, in upstream Chroma's token-authn file shape (YAML or JSON):
 *
 *   users:
 *     - id: alice
 *       tenant: acme            # "*" = every tenant (may also reset and create tenants)
 *       databases: [main]       # ["*"] = every database of the tenant
 *       tokens: [alice-token]
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";

export interface User {
  id: string;
  tenant: string;
  databases: string[];
}

export const ANY = "*";

export class Credentials {
  private readonly byToken = new Map<string, User>();

  constructor(users: (User & { tokens: string[] })[]) {
    for (const { tokens, ...user } of users) {
      for (const token of tokens) {
        if (this.byToken.has(token)) throw new Error(`credentials: token of user ${user.id} is also given to another user`);
        this.byToken.set(token, user);
      }
    }
  }

  /** The user a token belongs to, or undefined. */
  userOf(token: string | undefined): User | undefined {
    return token === undefined ? undefined : this.byToken.get(token);
  }

  get size(): number {
    return this.byToken.size;
  }
}

function fail(message: string): never {
  throw new Error(`credentials: ${message}`);
}

function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === "string" && v.length > 0)) {
    fail(`${what} must be a non-empty list of non-empty strings`);
  }
  return value as string[];
}

export function parseCredentials(text: string): Credentials {
  const doc = parseYaml(text) as unknown; // YAML is a superset of JSON: one parser for both formats
  const users = (doc as { users?: unknown })?.users;
  if (!Array.isArray(users) || users.length === 0) fail("expected a non-empty `users` list");
  return new Credentials(
    users.map((raw, i) => {
      const u = raw as Record<string, unknown>;
      if (typeof u.id !== "string" || !u.id) fail(`users[${i}].id must be a string`);
      if (typeof u.tenant !== "string" || !u.tenant) fail(`users[${i}].tenant must be a string`);
      return {
        id: u.id,
        tenant: u.tenant,
        databases: u.databases === undefined ? [ANY] : stringList(u.databases, `users[${i}].databases`),
        tokens: stringList(u.tokens, `users[${i}].tokens`),
      };
    }),
  );
}

export async function loadCredentials(path: string): Promise<Credentials> {
  return parseCredentials(await readFile(path, "utf8"));
}
