/**
 * Name rules for collections, databases and tenants, with Chroma 1.x's messages
 * (rust/types/src/validators.rs validate_name, api_types.rs CreateTenantRequest):
 * - collections and databases: 3-512 characters from [a-zA-Z0-9._-], starting and ending with an
 *   alphanumeric character, no two consecutive periods, not an IP address; optionally
 *   `topology+name`, each part following the same rule (at most one `+`, 512 characters in all);
 * - tenants: at least 3 characters (upstream checks nothing else); chromaspec also refuses '/',
 *   '\' and control characters and more than 512 characters, since a tenant name becomes a URL path
 *   segment for every client.
 * The same rules apply on create and on rename.
 */
import { isIP } from "node:net";
import { InvalidArgumentError } from "./errors.js";

const ALNUM = /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,510}[a-zA-Z0-9]$/;

/** The reason `name` is not a valid collection / database name, in upstream's words, or null. */
export function nameProblem(name: string): string | null {
  const plus = name.indexOf("+");
  if (plus >= 0) {
    if (name.length > 512) return `Expected a name containing 3-512 characters. Got: ${name.length}`;
    const rest = name.slice(plus + 1);
    if (rest.includes("+")) return "Expected a name to contain at most one topology:  Got two `+` characters.";
    return nameProblem(name.slice(0, plus)) ?? nameProblem(rest);
  }
  if (!ALNUM.test(name)) {
    return `Expected a name containing 3-512 characters from [a-zA-Z0-9._-], starting and ending with a character in [a-zA-Z0-9]. Got: ${name}`;
  }
  if (name.includes("..")) return `Expected a name that does not contains two consecutive periods (..). Got ${name}`;
  // Rust's IpAddr::from_str: after the character rule only a dotted-quad IPv4 can get here, and
  // Rust refuses octets with leading zeros, as node's isIP does.
  if (isIP(name) !== 0) return `Expected a name that is not a valid ip address. Got ${name}`;
  return null;
}

/** `field` is the request field upstream names in the message: `name` on create, `new_name` on rename. */
export function validateCollectionName(name: string, field: "name" | "new_name" = "name"): void {
  const problem = nameProblem(name);
  if (problem) throw new InvalidArgumentError(`Validation error: ${field}: ${problem}`);
}

export function validateDatabaseName(name: string): void {
  const problem = nameProblem(name);
  if (problem) throw new InvalidArgumentError(problem);
}

export function validateTenantName(name: string): void {
  if ([...name].length < 3) {
    throw new InvalidArgumentError(
      `Validation error: name: Validation error: length [{"min": Number(3), "value": String(${JSON.stringify(name)})}]`,
    );
  }
  if (name.length > 512 || /[/\\\u0000-\u001f\u007f]/.test(name)) {
    throw new InvalidArgumentError(
      `Validation error: name: Expected a tenant name of at most 512 characters without '/', '\\' or control characters. Got: ${JSON.stringify(name)}`,
    );
  }
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateCollectionId(id: string): void {
  if (!UUID_PATTERN.test(id)) throw new InvalidArgumentError("Collection ID is not a valid UUIDv4");
}
