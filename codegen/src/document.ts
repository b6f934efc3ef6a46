/**
 * server/src/generated/document.ts: the whole spec as one JSON value, which the server answers at
 * GET /openapi.json and renders at /docs. Emitted line by line (the pretty-printed JSON, one string
 * per line) so a change to openapi.yaml shows as a readable diff here too.
 */
import { generatedHeader } from "./header.js";
import type { OpenApiDocument } from "./spec.js";

export function renderDocument(doc: OpenApiDocument): string {
  const lines = JSON.stringify(doc, null, 1).split("\n");
  return [
    generatedHeader(["openapi.yaml as JSON, served at GET /openapi.json."]),
    "export const openapiDocument: Readonly<Record<string, unknown>> = JSON.parse(",
    "  [",
    ...lines.map((line) => `    ${JSON.stringify(line)},`),
    '  ].join("\\n"),',
    ");",
    "",
  ].join("\n");
}
