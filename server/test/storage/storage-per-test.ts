/** A storage per test, for the storage tests (own file: it loads LanceDB, helpers.ts does not). */
import { afterEach, beforeEach } from "vitest";
import { openStorage, type OpenedStorage, type StorageOptions } from "../../src/storage/open.js";
import { tempDir } from "./helpers.js";

/**
 * A fresh storage in its own temp directory for every test of the file (closed and removed after
 * it), opened with `options`; `reopen()` closes it and opens the same directory again, as a
 * restart does.
 */
export function storagePerTest(options: StorageOptions = {}): { readonly path: string; readonly storage: OpenedStorage; reopen(): Promise<void> } {
  let dir: Awaited<ReturnType<typeof tempDir>> | null = null;
  let storage: OpenedStorage | null = null;
  beforeEach(async () => {
    dir = await tempDir();
    storage = await openStorage(dir.path, options);
  });
  afterEach(async () => {
    await storage?.close();
    await dir?.dispose();
  });
  return {
    get path() {
      return dir!.path;
    },
    get storage() {
      return storage!;
    },
    async reopen() {
      await storage!.close();
      storage = await openStorage(dir!.path, options);
    },
  };
}
