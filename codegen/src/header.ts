/** The first lines of every generated file: they say where it came from and how to rebuild it. */
export function generatedHeader(extra: string[] = []): string {
  return [
    "// generated from openapi.yaml by codegen — do not edit.",
    "// Regenerate with `make codegen` (npm run generate -w codegen) after changing openapi.yaml.",
    ...extra.map((line) => `// ${line}`),
    "",
  ].join("\n");
}
