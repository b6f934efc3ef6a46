// Preloaded into a server a bench starts (`node --require bench/gc-events.cjs`): every garbage
// collection of the main thread becomes one JSON line on stderr in the server log's shape (time
// in ms since the epoch, msg "gc", kind, ms), so bench/postindex.ts lists GCs beside the
// server's own log lines.
"use strict";
const { PerformanceObserver, constants, performance } = require("node:perf_hooks");

const kinds = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
  [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
};

new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const time = Math.round(performance.timeOrigin + e.startTime);
    process.stderr.write(`${JSON.stringify({ time, msg: "gc", kind: kinds[e.detail?.kind] ?? String(e.detail?.kind), ms: Math.round(e.duration * 10) / 10 })}\n`);
  }
}).observe({ entryTypes: ["gc"] });
