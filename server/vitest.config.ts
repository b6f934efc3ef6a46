/**
 * Server tests start the real server (and sometimes restart or kill it), so they wait on child
 * processes and disk; timeouts leave room for a loaded 2-core CI machine. They are not timing
 * assertions: speed is measured by `make bench`, never here.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 120_000 },
});
