/** The kit's own unit tests (report, runner helpers), separate from the conformance suite in src/cases. */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 },
});
