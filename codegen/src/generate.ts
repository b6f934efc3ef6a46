/**
 * Entry point of `npm run generate -w codegen` / `make codegen`: reads openapi.yaml and writes
 *   sdk/src/generated/openapi.ts         openapi-typescript types (paths, components, operations)
 *   server/src/generated/openapi.ts      the same types, so the server does not depend on the sdk
 *   server/src/generated/routes.ts       route table
 *   server/src/generated/handlers.ts     Handlers interface
 *   server/src/generated/validators.ts   typed request validators
 *   server/src/generated/validators.ajv.ts  ajv standalone code behind them
 *   server/src/generated/document.ts     the spec as JSON (GET /openapi.json, /docs)
 * Output is a pure function of the spec text, so CI can regenerate and `git diff --exit-code`.
 *
 * Usage: tsx src/generate.ts [--spec ../openapi.yaml] [--sdk-out dir] [--server-out dir]
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { collectOperations, loadSpec } from "./spec.js";
import { renderTypes } from "./types.js";
import { renderRoutes } from "./routes.js";
import { renderHandlers } from "./handlers.js";
import { renderValidators } from "./validators.js";
import { renderDocument } from "./document.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface GenerateOptions {
  spec?: string;
  sdkOut?: string;
  serverOut?: string;
}

export interface GenerateResult {
  /** Absolute paths of every file written (or left unchanged because identical). */
  files: string[];
  operationIds: string[];
}

/** Marker that identifies files this generator owns (and may delete when it stops emitting them). */
const MARKER = "generated from openapi.yaml by codegen";

export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const spec = resolve(options.spec ?? join(REPO, "openapi.yaml"));
  const sdkOut = resolve(options.sdkOut ?? join(REPO, "sdk/src/generated"));
  const serverOut = resolve(options.serverOut ?? join(REPO, "server/src/generated"));

  const doc = loadSpec(spec);
  const ops = collectOperations(doc);
  const types = await renderTypes(doc);
  const validators = renderValidators(doc, ops);

  const outputs = new Map<string, string>([
    [join(sdkOut, "openapi.ts"), types],
    [join(serverOut, "openapi.ts"), types],
    [join(serverOut, "routes.ts"), renderRoutes(ops)],
    [join(serverOut, "handlers.ts"), renderHandlers(ops)],
    [join(serverOut, "validators.ts"), validators.wrapper],
    [join(serverOut, "validators.ajv.ts"), validators.compiled],
    [join(serverOut, "document.ts"), renderDocument(doc)],
  ]);

  for (const [file, text] of outputs) {
    mkdirSync(dirname(file), { recursive: true });
    let current: string | undefined;
    try {
      current = readFileSync(file, "utf8");
    } catch {
      current = undefined;
    }
    // Leave identical files untouched so watchers and incremental builds do not rebuild for nothing.
    if (current !== text) writeFileSync(file, text);
  }

  // A file we generated earlier but no longer emit would otherwise linger and still compile.
  for (const dir of new Set([sdkOut, serverOut])) {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (outputs.has(file) || !name.endsWith(".ts")) continue;
      if (readFileSync(file, "utf8").slice(0, 400).includes(MARKER)) rmSync(file);
    }
  }

  return { files: [...outputs.keys()], operationIds: ops.map((op) => op.operationId) };
}

function parseArgs(argv: string[]): GenerateOptions {
  const options: GenerateOptions = {};
  const keys: Record<string, keyof GenerateOptions> = { "--spec": "spec", "--sdk-out": "sdkOut", "--server-out": "serverOut" };
  for (let i = 0; i < argv.length; i++) {
    const key = keys[argv[i]];
    const value = argv[i + 1];
    if (!key || value === undefined) throw new Error(`usage: generate [--spec file] [--sdk-out dir] [--server-out dir] (bad argument ${argv[i]})`);
    options[key] = value;
    i++;
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const result = await generate(parseArgs(process.argv.slice(2)));
    console.log(`codegen: ${result.operationIds.length} operations -> ${result.files.map((f) => f.replace(REPO + "/", "")).join(", ")}`);
  } catch (err) {
    console.error(`codegen failed: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
