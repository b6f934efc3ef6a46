/**
 * Unique, valid names: every test file makes its own tenant, database and collections, so files
 * run in parallel and against shared servers (the upstream reference) without resetting them.
 * Names satisfy both rule sets: Chroma 1.x (3-512 chars of [a-zA-Z0-9._-], alphanumeric ends)
 * and chromadb 0.6.3 (3-63 chars, no "..", not an IPv4 address).
 */
export const RUN_TAG = `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, "0")}`;
let counter = 0;

export function uniqueName(prefix: string): string {
  counter += 1;
  return `ct-${prefix}-${RUN_TAG}-${process.pid.toString(36)}-${counter}`;
}
