/**
 * Start-up: every collection in the catalog is opened, so its records (and saved graph) load
 * into memory in the background, one collection at a time, while the server already answers
 * (from LanceDB until a collection is loaded). Without this, the first request to each
 * collection after a restart would start its load and wait for LanceDB meanwhile.
 */
import type { Storage } from "../storage/storage.js";
import { indexParams } from "./space.js";
import { errorText } from "../storage/error-text.js";

export interface PreloadLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** Opens every collection (the loads themselves run in the background); resolves to how many. */
export async function preloadCollections(storage: Storage, log: PreloadLog): Promise<number> {
  let count = 0;
  for (const tenant of await storage.catalog.listTenants()) {
    for (const database of await storage.catalog.listDatabases(tenant.name)) {
      for (const c of await storage.catalog.listCollections(tenant.name, database.name)) {
        try {
          await storage.collection(c.id, indexParams(c));
          log.info({ collection: c.id, collectionName: c.name, tenant: tenant.name, database: database.name }, "collection queued to load into memory");
          count++;
        } catch (err) {
          // Dropped meanwhile, or unreadable: the first request to it will tell.
          log.warn({ collection: c.id, error: errorText(err) }, "collection could not be opened at start-up");
        }
      }
    }
  }
  return count;
}
