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

/** Whether the operator's node flags or NODE_OPTIONS name `flag` (a substring, e.g. "sparkplug"): then V8 is left as told. */
export function chosenByOperator(execArgv: readonly string[], nodeOptions: string | undefined, flag = "sparkplug"): boolean {
  return [...execArgv, nodeOptions ?? ""].some((arg) => arg.includes(flag));
}

if (!chosenByOperator(process.execArgv, process.env.NODE_OPTIONS)) setFlagsFromString("--always-sparkplug");

/*
 * `--no-memory-reducer`: V8's memory reducer runs memory-reducing full GCs once the process has
 * been idle for a few seconds after a collection that freed a lot (here: the forced collection
 * after a bulk load or a graph save, storage/memory/process-memory.ts). Such a GC does not keep
 * maps alive that no live object uses any more (a regular GC retains them for a few GCs), and
 * while the server is idle no request object is alive: the maps of node's, fastify's and our
 * per-request objects die, and every optimized function of the query route that embeds them is
 * deoptimized ("marking dependent code ... for deoptimization, reason: weak objects" under
 * --trace-deopt, ~40 functions: Reply.send, writeHead, parserOnBody, the validators, the query
 * handler, ...). The first few hundred queries after the quiet period then run baseline code and
 * re-learn their feedback while TurboFan recompiles the route on the cores they need (issue 18:
 * the slow distances-only window after a pause, main-thread CPU ~2x the steady state). Without
 * the reducer the route stays optimized through a quiet period; the heap is still collected and
 * trimmed by our own quiet-time collection, which is a regular full GC.
 */
if (!chosenByOperator(process.execArgv, process.env.NODE_OPTIONS, "memory-reducer")) setFlagsFromString("--no-memory-reducer");
/*
 * `--retain-maps-for-n-gc`: a regular full GC also lets an unused map die once it has gone
 * unused for this many GCs (V8's default: 2). A quiet period after a load or a save has more
 * than two (our forced collection, the save's, V8's own), with the same effect as above;
 * keeping maps for 64 GCs holds the route's through any quiet period we have (a few hundred
 * maps, a few tens of KB).
 */
if (!chosenByOperator(process.execArgv, process.env.NODE_OPTIONS, "retain-maps")) setFlagsFromString("--retain-maps-for-n-gc=64");
