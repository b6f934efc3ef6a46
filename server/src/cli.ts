#!/usr/bin/env node
/**
 * The `chromaspec` executable: sets the process up, then loads the command (command.ts).
 *
 * Why two modules: an ES module's whole import graph is loaded (files read on libuv's pool
 * threads) before any of it runs, and those threads took 4 glibc arenas before the first line of
 * the command ran: 6 arenas with the cap applied there, which stayed (glibc keeps arenas that
 * exist). With only the set-up modules imported statically, the cap (startup/allocator.ts) runs
 * while there are 2, and the server (fastify, LanceDB, its pool threads) loads after it and stays
 * within them. Measured with hnsw().mallocArenas() at the cap: 6 -> 2, and 2 once the server was up.
 */
// V8 flags that must be set before the server's modules run (startup/jit.ts).
import "./startup/jit.js";
// Before anything starts or uses a thread: the allocator's arena cap (startup/allocator.ts).
import "./startup/allocator.js";

await import("./command.js");
