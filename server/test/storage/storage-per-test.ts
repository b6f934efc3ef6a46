/** A storage per test, for the storage tests (own file: it loads LanceDB, helpers.ts does not). */
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { openStorage, type OpenedStorage, type StorageOptions } from "../../src/storage/open.js";
import { startS3, type S3Emulator } from "../helpers/s3.js";
import { tempDir } from "./helpers.js";

/** Where a test connects: a LanceDB URI and its connection options. */
export interface StoreLocation {
  uri: string;
  options: { storageOptions?: Record<string, string> };
}

/**
 * The two kinds of store the file's tests run on, started before them and removed after: a local
 * directory and `s3://chroma/<prefix>` on the S3 emulator with conditional writes. Each is a
 * function, read once the stores are up (for `describe.each` tables).
 */
export function localAndS3(prefix: string): { local: () => StoreLocation; s3: () => StoreLocation } {
  let dir: Awaited<ReturnType<typeof tempDir>> | null = null;
  let s3: S3Emulator | null = null;
  beforeAll(async () => {
    dir = await tempDir();
    s3 = await startS3();
  });
  afterAll(async () => {
    await s3?.close();
    await dir?.dispose();
  });
  return {
    local: () => ({ uri: join(dir!.path, "local"), options: {} }),
    s3: () => ({ uri: `s3://chroma/${prefix}`, options: { storageOptions: s3!.storageOptions } }),
  };
}

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
 * restart does (with `other` options when given).
 */
export function storagePerTest(options: StorageOptions = {}): { readonly path: string; readonly storage: OpenedStorage; reopen(other?: StorageOptions): Promise<void> } {
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
    async reopen(other?: StorageOptions) {
      await storages.close(storage!);
      storage = await storages.open(other ?? options);
    },
  };
}
