import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * Starts the worker module `name` (no extension) that sits beside the module `base` (its
 * import.meta.url): the compiled .js when there is one or, when running from TypeScript sources
 * (the test suite), the .ts through tsx, registered inside the worker first (a worker does not
 * inherit the parent's module hooks, nor take `--import` in its execArgv on Node 20).
 */
export function startWorkerModule(base: string, name: string, workerData: unknown): Worker {
  const js = new URL(`./${name}.js`, base);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData });
  const ts = new URL(`./${name}.ts`, base).href;
  const boot = `import("tsx/esm/api").then((api) => { api.register(); return import(${JSON.stringify(ts)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
