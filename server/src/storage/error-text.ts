/**
 * LanceDB's (native) errors as one log line. Their messages end with the Rust source location
 * (", /usr/local/cargo/registry/.../conflict_resolver.rs:854:30"), often followed by a
 * "Caused by" chain repeating the same text and by debug dumps: build paths that say nothing to
 * a user. Every line storage logs about such an error, and every start-up error built from one,
 * carries this text instead of the raw error.
 */
export function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const first = message.split("\n")[0].split(/\s*Caused by:/)[0];
  return first.replace(/,?\s*\/\S*\.rs:\d+(:\d+)?/g, "").replace(/\s+/g, " ").trim();
}
