/**
 * Codegen tests run the generator and tsc on temporary copies of the spec: seconds each on a
 * 2-core CI machine, more when other suites share it, hence the generous timeout.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { testTimeout: 120_000 },
});
