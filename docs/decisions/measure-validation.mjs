/**
 * Reproduces the measurements behind 0001-codegen-openapi-typescript-and-own-server-generator.md.
 *
 *   npx tsx docs/decisions/measure-validation.mjs          (from the repo root, after `make codegen`)
 *
 * tsx is needed because it imports the generated TypeScript (server/src/generated) and the router
 * directly. What it measures, on a `v2CollectionAdd` body of 1000 records x 384 float32 embeddings
 * (plus ids, documents and one metadata map each):
 *   1. JSON.parse of the body text (the floor any JSON API pays);
 *   2. the codegen-compiled ajv standalone validator on the parsed body;
 *   3. the whole router path through fastify.inject (parse + validate + route + a no-op handler);
 *   4. start-up cost: importing the standalone validators vs compiling the same schemas with ajv at start;
 *   5. body sizes of a full batch (5461 x 4096) as JSON numbers and as base64, for the body limit.
 * tsoa is not installed here (no network for new packages), so its validator is not measured; the
 * decision record quotes the number from the issue and says so.
 */
import { performance } from "node:perf_hooks";
import { createRequire } from "node:module";

const ROUNDS = 15;
const require = createRequire(import.meta.url);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn, rounds = ROUNDS) {
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

async function timeAsync(fn, rounds = ROUNDS) {
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

const fmt = (r) => `median ${r.median.toFixed(2)} ms (min ${r.min.toFixed(2)}, max ${r.max.toFixed(2)})`;

function addBody(n, dim) {
  return {
    ids: Array.from({ length: n }, (_, i) => `id-${i}`),
    embeddings: Array.from({ length: n }, () => Array.from({ length: dim }, () => Math.fround(Math.random() * 2 - 1))),
    metadatas: Array.from({ length: n }, (_, i) => ({ source: "bench", i, score: i / n, ok: i % 2 === 0 })),
    documents: Array.from({ length: n }, (_, i) => `document number ${i}`),
  };
}

const body = addBody(1000, 384);
const text = JSON.stringify(body);
console.log(`add body: 1000 x 384 floats, ${(text.length / 1e6).toFixed(2)} MB of JSON\n`);

// 1. JSON.parse
const parse = time(() => JSON.parse(text));
console.log(`1. JSON.parse                         ${fmt(parse)}`);

// 2. generated validator
const t0 = performance.now();
const { validators } = await import("../../server/src/generated/validators.ts");
const importMs = performance.now() - t0;
const parsed = JSON.parse(text);
const validate = time(() => {
  const r = validators.v2CollectionAdd.body(parsed);
  if (!r.ok) throw new Error(`benchmark body rejected: ${JSON.stringify(r.issues)}`);
});
console.log(`2. generated ajv validator (body)     ${fmt(validate)}`);

// 3. the router end to end
const { default: Fastify } = await import("fastify");
const { registerRoutes } = await import("../../server/src/http/router.ts");
const { routes } = await import("../../server/src/generated/routes.ts");
const handlers = Object.fromEntries(routes.map((r) => [r.operationId, async () => ({ status: r.successStatus[0], body: {} })]));
const app = Fastify();
registerRoutes(app, handlers);
await app.ready();
const url = "/api/v2/tenants/default_tenant/databases/default_database/collections/5c6f1a4e-1b1c-4c66-9a55-5a1f0f5e0a11/add";
const inject = await timeAsync(async () => {
  const res = await app.inject({ method: "POST", url, payload: text, headers: { "content-type": "application/json" } });
  if (res.statusCode !== 201) throw new Error(`router answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
});
await app.close();
console.log(`3. router via fastify.inject (total)  ${fmt(inject)}`);

// 4. start-up: standalone import vs compiling at start
const { Ajv2020 } = require("ajv/dist/2020.js");
const addFormats = require("ajv-formats");
const { loadSpec, collectOperations } = await import("../../codegen/src/spec.ts");
const { componentsDocument, toJsonSchema, formatsUsed } = await import("../../codegen/src/json-schema.ts");
const doc = loadSpec(new URL("../../openapi.yaml", import.meta.url).pathname);
const ops = collectOperations(doc);
const t1 = performance.now();
const ajv = new Ajv2020({ strict: true, strictTypes: false, strictTuples: false, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
for (const f of formatsUsed(doc)) if (!ajv.formats[f]) ajv.addFormat(f, true);
ajv.addSchema(componentsDocument(doc));
let compiled = 0;
for (const op of ops) {
  if (op.body !== null) {
    ajv.compile({ $id: `/op/${op.operationId}/body`, ...toJsonSchema(op.body) });
    compiled++;
  }
}
const compileMs = performance.now() - t1;
console.log(`4. start-up: import standalone validators ${importMs.toFixed(0)} ms (includes tsx transpiling it);`);
console.log(`   compiling the ${compiled} body schemas with ajv at start ${compileMs.toFixed(0)} ms`);

// 5. body sizes for the body limit
const sample = Array.from({ length: 100_000 }, () => Math.fround(Math.random() * 2 - 1));
const bytesPerNumber = JSON.stringify(sample).length / sample.length; // includes the comma
const full = { n: 5461, dim: 4096 };
const jsonBytes = full.n * (full.dim * bytesPerNumber + 2);
const base64Bytes = full.n * (Math.ceil((full.dim * 4) / 3) * 4 + 3);
console.log(`5. a full batch (${full.n} x ${full.dim}) of float32 embeddings:`);
console.log(`   as JSON numbers  ~${(jsonBytes / 1e6).toFixed(0)} MB (${bytesPerNumber.toFixed(1)} bytes per number incl. comma)`);
console.log(`   as base64        ~${(base64Bytes / 1e6).toFixed(0)} MB`);
console.log(`   V8 max string length: ${(2 ** 29 - 24).toLocaleString("en")} characters`);
