/**
 * The generator: deterministic output, a route table that is exactly the spec's operations, output
 * that follows the spec (a changed field changes the types and the validators, and code written
 * against the old types stops compiling), and clear refusals of specs it cannot serve.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parse, stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SPEC = join(REPO, "openapi.yaml");
const HEADER = "// generated from openapi.yaml by codegen — do not edit.";
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "chromaspec-codegen-"));
  temps.push(dir);
  // Generated validators require ajv's runtime at run time; let them resolve the repo's packages.
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

async function generateInto(dir: string, spec = SPEC) {
  return generate({ spec, sdkOut: join(dir, "sdk"), serverOut: join(dir, "server") });
}

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ["sdk", "server"]) {
    for (const name of readdirSync(join(dir, sub)).sort()) out[`${sub}/${name}`] = readFileSync(join(dir, sub, name), "utf8");
  }
  return out;
}

/** The operations of a spec file, read independently of the generator. */
function specOperations(file: string): { operationId: string; method: string; path: string }[] {
  const doc = parse(readFileSync(file, "utf8")) as { paths: Record<string, Record<string, { operationId?: string }>> };
  const ops = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      if (item[method]) ops.push({ operationId: String(item[method].operationId), method: method.toUpperCase(), path });
    }
  }
  return ops;
}

/** Type-checks the given files (plus the generated ones they import) with the repo's compiler settings. */
function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("codegen", () => {
  it("is deterministic: two runs on the same spec write byte-identical files", async () => {
    const a = tempDir();
    const b = tempDir();
    await generateInto(a);
    await generateInto(b);
    const first = readTree(a);
    expect(Object.keys(first)).toEqual([
      "sdk/openapi.ts",
      "server/document.ts",
      "server/handlers.ts",
      "server/openapi.ts",
      "server/routes.ts",
      "server/validators.ajv.ts",
      "server/validators.ts",
    ]);
    expect(readTree(b)).toEqual(first);
  });

  it("the committed generated files are what openapi.yaml generates now (run `make codegen` if not)", async () => {
    const dir = tempDir();
    await generateInto(dir);
    const fresh = readTree(dir);
    for (const [rel, text] of Object.entries(fresh)) {
      const committed = rel.startsWith("sdk/") ? join(REPO, "sdk/src/generated", rel.slice(4)) : join(REPO, "server/src/generated", rel.slice(7));
      expect(readFileSync(committed, "utf8") === text, `${committed} is stale`).toBe(true);
    }
  });

  it("marks every file as generated from openapi.yaml", async () => {
    const dir = tempDir();
    await generateInto(dir);
    for (const [rel, text] of Object.entries(readTree(dir))) {
      expect(text.split("\n").slice(0, 3).join("\n"), rel).toContain(HEADER);
    }
  });

  it("writes a route table with exactly the spec's operations, methods and paths", async () => {
    const dir = tempDir();
    const result = await generateInto(dir);
    const { routes } = (await import(join(dir, "server/routes.ts"))) as {
      routes: { operationId: string; method: string; fastifyPath: string; successStatus: number[]; responses: Record<string, string | null> }[];
    };
    const expected = specOperations(SPEC);
    expect(expected.length).toBeGreaterThan(0);
    const fastifyPath = (path: string) => path.replace(/\{([^}]+)\}/g, ":$1");
    expect(routes.map((r) => ({ operationId: r.operationId, method: r.method, fastifyPath: r.fastifyPath }))).toEqual(
      expected.map((o) => ({ operationId: o.operationId, method: o.method, fastifyPath: fastifyPath(o.path) })),
    );
    expect(result.operationIds).toEqual(expected.map((o) => o.operationId));
    for (const r of routes) {
      for (const s of r.successStatus) expect(r.responses[String(s)], `${r.operationId} ${s}`).not.toBeUndefined();
      expect(r.successStatus.length).toBeGreaterThan(0);
      expect(r.successStatus.every((s) => s >= 200 && s < 300)).toBe(true);
    }
    const { validators } = (await import(join(dir, "server/validators.ts"))) as { validators: Record<string, unknown> };
    expect(Object.keys(validators)).toEqual(expected.map((o) => o.operationId));
  });

  it("follows the spec: changing a field changes the types, the validators, and breaks code written against the old types", async () => {
    const doc = parse(readFileSync(SPEC, "utf8"));
    const bodySchema = doc.paths["/api/v2/tenants"].post.requestBody.content["application/json"].schema;
    const component = doc.components.schemas[String(bodySchema.$ref).split("/").pop()!];
    expect(component.properties.name.type).toBe("string");
    component.properties.name.type = "integer";

    const changedSpec = join(tempDir(), "openapi.yaml");
    writeFileSync(changedSpec, stringify(doc));
    const before = tempDir();
    const after = tempDir();
    await generateInto(before);
    await generateInto(after, changedSpec);

    const oldTree = readTree(before);
    const newTree = readTree(after);
    expect(newTree["sdk/openapi.ts"]).not.toBe(oldTree["sdk/openapi.ts"]);
    expect(newTree["server/validators.ajv.ts"]).not.toBe(oldTree["server/validators.ajv.ts"]);

    // The same consumer code, compiled against the old and the new generated types.
    const consumer = [
      'import type { operations } from "./openapi.js";',
      'import type { Handlers } from "./handlers.js";',
      'export const body: operations["v2CreateTenant"]["requestBody"]["content"]["application/json"] = { name: "acme" };',
      'export const handler: Handlers["v2CreateTenant"] = async ({ body }) => { const n: string = body.name; void n; return { status: 200, body: {} }; };',
    ].join("\n");
    for (const dir of [before, after]) writeFileSync(join(dir, "server/consumer.ts"), consumer);
    expect(typeErrors([join(before, "server/consumer.ts")])).toEqual([]);
    expect(typeErrors([join(after, "server/consumer.ts")]).length).toBeGreaterThan(0);

    type Validators = { validators: Record<string, { body: (v: unknown) => { ok: boolean } }> };
    const oldV = ((await import(join(before, "server/validators.ts"))) as Validators).validators;
    const newV = ((await import(join(after, "server/validators.ts"))) as Validators).validators;
    expect(oldV.v2CreateTenant.body({ name: "acme" }).ok).toBe(true);
    expect(newV.v2CreateTenant.body({ name: "acme" }).ok).toBe(false);
    expect(newV.v2CreateTenant.body({ name: 7 }).ok).toBe(true);
  });

  it("removes a file it generated earlier but no longer emits, and leaves other files alone", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "server"), { recursive: true });
    writeFileSync(join(dir, "server/old-output.ts"), `${HEADER}\nexport const stale = 1;\n`);
    writeFileSync(join(dir, "server/hand-written.ts"), "export const mine = 1;\n");
    await generateInto(dir);
    const names = readdirSync(join(dir, "server"));
    expect(names).not.toContain("old-output.ts");
    expect(names).toContain("hand-written.ts");
  });

  describe("refuses specs it cannot serve", () => {
    const minimal = (paths: unknown) => ({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths });
    async function attempt(doc: unknown): Promise<string> {
      const file = join(tempDir(), "spec.yaml");
      writeFileSync(file, stringify(doc));
      return generateInto(dirname(file), file).then(
        () => "generated",
        (err: Error) => err.message,
      );
    }
    const ok = { responses: { "200": { description: "ok" } } };

    it("duplicate operationIds", async () => {
      expect(await attempt(minimal({ "/a": { get: { operationId: "x", ...ok } }, "/b": { get: { operationId: "x", ...ok } } }))).toMatch(/duplicate operationId x/);
    });
    it("a path parameter that is not declared", async () => {
      expect(await attempt(minimal({ "/a/{id}": { get: { operationId: "x", ...ok } } }))).toMatch(/path parameter \{id\} is not declared/);
    });
    it("an operation without a 2xx response", async () => {
      expect(await attempt(minimal({ "/a": { get: { operationId: "x", responses: { "404": { description: "no" } } } } }))).toMatch(/no 2xx/);
    });
    it("OpenAPI 3.0 documents", async () => {
      expect(await attempt({ ...minimal({}), openapi: "3.0.3" })).toMatch(/3\.1/);
    });
    it("unknown schema keywords (ajv strict mode catches spec typos)", async () => {
      const doc = minimal({
        "/a": {
          post: {
            operationId: "x",
            requestBody: { content: { "application/json": { schema: { type: "object", propertiez: {} } } } },
            ...ok,
          },
        },
      });
      expect(await attempt(doc)).toMatch(/propertiez/);
    });
  });
});
