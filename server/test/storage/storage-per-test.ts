/** A storage per test, for the storage tests (own file: it loads LanceDB, helpers.ts does not). */
import { afterEach, beforeEach } from "vitest";
import { openStorage, type OpenedStorage, type StorageOptions } from "../../src/storage/open.js";
import { tempDir } from "./helpers.js";

/**
 * A temp directory for every test of the file, and `open(options)`: a storage on it (several may
 * be open at once, as processes sharing a path). What is still open after a test is closed, then
 * the directory removed; `close(storage)` closes one before that, as a process stopping does.
 */
export function storagesPerTest(): { readonly path: string; open(options?: StorageOptions): Promise<OpenedStorage>; close(storage: OpenedStorage): Promise<void> } {
  let dir: Awaited<ReturnType<typeof tempDir>> | null = null;
  const opened: OpenedStorage[] = [];
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    await dir?.dispose();
  });
  return {
    get path() {
      return dir!.path;
    },
    async open(options = {}) {
      const s = await openStorage(dir!.path, options);
      opened.push(s);
      return s;
    },
    async close(storage) {
      const i = opened.indexOf(storage);
      if (i >= 0) opened.splice(i, 1);
      await storage.close();
    },
  };
}

/**
 * A fresh storage in its own temp directory for every test of the file (closed and removed after
 * it), opened with `options`; `reopen()` closes it and opens the same directory again, as a
 * restart does.
 */
export function storagePerTest(options: StorageOptions = {}): { readonly path: string; readonly storage: OpenedStorage; reopen(): Promise<void> } {
  const storages = storagesPerTest();
  let storage: OpenedStorage | null = null;
  beforeEach(async () => {
    storage = await storages.open(options);
  });
  return {
    get path() {
      return storages.path;
    },
    get storage() {
      return storage!;
    },
    async reopen() {
      await storages.close(storage!);
      storage = await storages.open(options);
    },
  };
}
