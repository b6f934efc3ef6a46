/**
 * The suite's vitest configuration, used by bin/contract-tests.js and by plain `vitest run`.
 * In the monorepo `@chromaspec/sdk` resolves to the SDK's TypeScript source, so nothing has to be
 * built first; an installed copy of this package uses the published SDK instead.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const sdkSource = fileURLToPath(new URL("../sdk/src/index.ts", import.meta.url));
// Installed, this package sits beside @chromaspec/sdk, which ships its sources too: only the
// monorepo (with openapi.yaml at its root) uses them; an installed suite tests the published SDK.
const inMonorepo = existsSync(sdkSource) && existsSync(fileURLToPath(new URL("../openapi.yaml", import.meta.url)));

export default defineConfig({
  resolve: {
    alias: inMonorepo ? { "@chromaspec/sdk": sdkSource } : {},
  },
  test: {
    include: ["src/cases/*.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files are independent (own tenant and database each) and run in parallel.
    pool: "threads",
  },
});
