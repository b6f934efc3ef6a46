/** Errors the lance layer raises for the core to translate into API errors. */

/**
 * A $regex / $not_regex pattern the regex engine rejects. LanceDB evaluates patterns with the
 * Rust `regex` crate, the same engine upstream Chroma uses, so `detail` is that crate's own
 * parse error (e.g. "regex parse error:\n    (\n    ^\nerror: unclosed group"); upstream answers
 * 400 InvalidArgumentError "Regex syntax errror: " + detail.
 */
export class InvalidPatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly detail: string,
  ) {
    super(`invalid regular expression ${JSON.stringify(pattern)}: ${detail}`);
    this.name = "InvalidPatternError";
  }
}

/** Pulls the regex crate's message out of a LanceDB planning error, if it is one. */
export function regexParseDetail(err: unknown): string | undefined {
  const message = err instanceof Error ? err.message : String(err);
  const start = message.indexOf("regex parse error:");
  if (start < 0) return undefined;
  let detail = message.slice(start);
  // LanceDB appends ", <source path>:<line>:<col>)" and sometimes more context after the error.
  const tail = detail.search(/, \/[^\s]*\.rs:\d+/);
  if (tail >= 0) detail = detail.slice(0, tail);
  return detail.replace(/\)+$/, "").trimEnd();
}
