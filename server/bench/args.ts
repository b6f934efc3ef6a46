/**
 * The `--name value` options of a bench or measuring script (node:util parseArgs), each declared
 * by its default: a number default makes a numeric option, a boolean one a flag, a string one a
 * text option. Unknown options and options without their value are refused.
 */
import { parseArgs } from "node:util";

/** `args`: the arguments to read (process.argv's, after the script, by default). */
export function scriptArgs<T extends Record<string, string | number | boolean>>(defaults: T, args?: string[]): T {
  const options = Object.fromEntries(
    Object.entries(defaults).map(([name, d]) => [name, typeof d === "boolean" ? { type: "boolean" as const, default: d } : { type: "string" as const, default: String(d) }]),
  );
  const { values } = parseArgs({ args, options });
  return Object.fromEntries(Object.entries(defaults).map(([name, d]) => [name, typeof d === "number" ? Number(values[name]) : values[name]])) as T;
}
