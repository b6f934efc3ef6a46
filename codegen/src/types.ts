/**
 * TypeScript types for the whole API (`paths`, `components`, `operations`) via openapi-typescript's
 * Node API. The same text is written for the SDK and for the server, so neither depends on the other.
 */
import openapiTS, { astToString } from "openapi-typescript";
import type { OpenApiDocument } from "./spec.js";
import { generatedHeader } from "./header.js";

export async function renderTypes(doc: OpenApiDocument): Promise<string> {
  // openapi-typescript may annotate the object it is given; hand it a private copy.
  const copy = structuredClone(doc) as unknown as Parameters<typeof openapiTS>[0];
  // emptyObjectsUnknown: `{type: object}` without properties admits any object in JSON Schema, so it
  // must be Record<string, unknown>, not openapi-typescript's default Record<string, never>.
  // defaultNonNullable off: a property with a `default` may still be omitted by the sender (the
  // server fills it in), so request bodies must keep it optional, e.g. QueryEmbedding.n_results.
  const ast = await openapiTS(copy, { silent: true, emptyObjectsUnknown: true, defaultNonNullable: false });
  return `${generatedHeader(["TypeScript types produced by openapi-typescript."])}\n${astToString(ast)}`;
}
