/**
 * Name rules for collections, databases and tenants, with upstream 1.x's messages: 3-512
 * characters from [a-zA-Z0-9._-], starting and ending with an alphanumeric character.
 */
import { InvalidArgumentError } from "./errors.js";

const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,510}[a-zA-Z0-9]$/;
const RULE = "Expected a name containing 3-512 characters from [a-zA-Z0-9._-], starting and ending with a character in [a-zA-Z0-9]";

function isValidName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

export function validateCollectionName(name: string): void {
  if (!isValidName(name)) throw new InvalidArgumentError(`Validation error: name: ${RULE}. Got: ${name}`);
}

export function validateDatabaseName(name: string): void {
  if (!isValidName(name)) throw new InvalidArgumentError(`${RULE}. Got: ${name}`);
}

export function validateTenantName(name: string): void {
  // Upstream 1.x only enforces a minimum length for tenants; path-hostile characters are refused
  // too, since a tenant name becomes a URL path segment for every client.
  if (name.length < 3) throw new InvalidArgumentError(`Validation error: name: Expected a tenant name of at least 3 characters. Got: ${name}`);
  if (name.length > 512 || /[/\\\u0000-\u001f]/.test(name)) {
    throw new InvalidArgumentError(`Validation error: name: Expected a tenant name of at most 512 characters without '/', '\\' or control characters. Got: ${JSON.stringify(name)}`);
  }
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateCollectionId(id: string): void {
  if (!UUID_PATTERN.test(id)) throw new InvalidArgumentError("Collection ID is not a valid UUIDv4");
}
