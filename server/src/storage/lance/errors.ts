/**
 * LanceDB's error texts. Patterns are evaluated by the Rust `regex` crate inside LanceDB, the
 * same engine upstream Chroma uses, so the crate's parse errors are upstream's messages too.
 */

/** LanceDB's error for a table that does not exist (opening or dropping it). */
export function isNotFound(err: unknown): boolean {
  return err instanceof Error && /was not found|not found/i.test(err.message);
}

/**
 * Pulls the regex crate's message out of a LanceDB error, if the pattern is what failed: a parse
 * error (at planning: "regex parse error: ..."), or a pattern that parses but compiles past the
 * crate's size limit (`(a{1000}){1000}`), which Arrow's regexp kernel reports at execution by the
 * error's Debug form, "Regular expression did not compile: CompiledTooBig(10485760)". That one
 * is given in the crate's own Display words. (Upstream 1.3.x answers it with a 500.)
 */
export function regexParseDetail(err: unknown): string | undefined {
  const message = err instanceof Error ? err.message : String(err);
  const tooBig = /did not compile: CompiledTooBig\((\d+)\)/.exec(message);
  if (tooBig) return `Compiled regex exceeds size limit of ${tooBig[1]} bytes.`;
  const start = message.indexOf("regex parse error:");
  if (start < 0) return undefined;
  let detail = message.slice(start);
  // LanceDB appends ", <source path>:<line>:<col>)" and sometimes more context after the error.
  const tail = detail.search(/, \/[^\s]*\.rs:\d+/);
  if (tail >= 0) detail = detail.slice(0, tail);
  return detail.replace(/\)+$/, "").trimEnd();
}
