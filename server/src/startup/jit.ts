/**
 * How V8 compiles the server's JavaScript. By default V8 runs a function in its interpreter until
 * the function has spent a budget of bytecode there, then compiles it to baseline (Sparkplug) code,
 * and much later, once hot, optimizes it (TurboFan). A server's query route is ~200 functions
 * (node's HTTP parser callbacks, fastify, the validators, the core, the search and its merge, the
 * response writer) that no request runs before a collection is loaded and indexed: right after a
 * bulk load the first queries run interpreted while TurboFan optimizes the route on V8's helper
 * threads, which on a small machine also take the cores the queries need (issue 18: p50 1.5-2.5 ms
 * for the first second after "all indexed" at 100k x 384, ~1.0 ms from the third second on).
 *
 * `--always-sparkplug` compiles every function to baseline code at its first call instead (cheap:
 * no optimization, about as fast to produce as bytecode), so the cold route runs at baseline speed
 * from the first request. Measured with bench/postindex.ts (100k subspace l2, one client, busy
 * 2-core machine, two interleaved A/B runs): p50 in the first 0.5 s after indexed 2.55 / 4.24 ms ->
 * 2.12 / 1.73, 0.5-1 s 1.97 / 2.61 -> 1.32 / 1.23, 1-2 s 1.50 / 1.74 -> 1.06 / 1.03. TurboFan still
 * optimizes hot code as before, so steady state is unchanged.
 *
 * Imported first by the command (cli.ts) so the flag is set before the server's modules run. An
 * operator's own choice wins: a node flag or NODE_OPTIONS that names sparkplug leaves V8 as told.
 */
import { setFlagsFromString } from "node:v8";

export function chosenByOperator(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, nodeOptions ?? ""].some((arg) => /sparkplug/.test(arg));
}

if (!chosenByOperator(process.execArgv, process.env.NODE_OPTIONS)) setFlagsFromString("--always-sparkplug");
