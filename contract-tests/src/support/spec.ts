/**
 * openapi.yaml, read for its operations and example responses (the spec-examples tests on the
 * mock). The runner passes the file it uses (--spec, else the packed copy, else the monorepo's) in
 * CONTRACT_SPEC; a plain `vitest run` in the monorepo reads ../openapi.yaml.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const SPEC_PATH = process.env.CONTRACT_SPEC || fileURLToPath(new URL("../../../openapi.yaml", import.meta.url));

type Json = Record<string, unknown>;

export interface ExampleResponse {
  operationId: string;
  method: string;
  path: string;
  status: number;
  example: string;
  value: unknown;
}

function resolve(doc: Json, node: unknown): Json {
  let n = node as Json;
  while (n && typeof n.$ref === "string") {
    n = (n.$ref as string)
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((at, key) => (at as Json)[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc) as Json;
  }
  return n;
}

let cached: Json | undefined;
export function loadSpec(): Json {
  cached ??= parse(readFileSync(SPEC_PATH, "utf8")) as Json;
  return cached;
}

/** Every example of every JSON response of every operation. */
export function exampleResponses(): ExampleResponse[] {
  const doc = loadSpec();
  const out: ExampleResponse[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      const operation = op as Json;
      if (typeof operation?.operationId !== "string") continue;
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Json)) {
        const media = (resolve(doc, response).content as Json | undefined)?.["application/json"] as Json | undefined;
        for (const [name, example] of Object.entries((media?.examples ?? {}) as Json)) {
          out.push({ operationId: operation.operationId, method: method.toUpperCase(), path, status: Number(status), example: name, value: resolve(doc, example).value });
        }
      }
    }
  }
  return out;
}
