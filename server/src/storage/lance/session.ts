/**
 * LanceDB's own caches (a Session), one per connection and shared by all its tables: index pages
 * (the scalar indices' BTREE pages) and metadata (each table version's manifest, data files'
 * footers and page tables). LanceDB's defaults are 6 GB and 1 GB.
 */
import * as lancedb from "@lancedb/lancedb";

/**
 * The bounds when not configured, bytes. LanceDB's own (6 GB, 1 GB) let the caches grow for as
 * long as a server runs: every optimize writes new index files and every write a new table
 * version, whose pages and manifests are cached beside the superseded ones until the bound is
 * reached. Bounded at 64 MiB each, a 1M x 384 collection's id index (the largest: ~30-50 MB)
 * still fits.
 */
export const LANCE_CACHE_DEFAULTS = { indexCacheBytes: 64 * 1024 ** 2, metadataCacheBytes: 64 * 1024 ** 2 } as const;

/** Cache bounds in bytes; an absent one is LANCE_CACHE_DEFAULTS'. */
export interface LanceCacheBounds {
  indexCacheBytes?: number;
  metadataCacheBytes?: number;
}

/** A LanceDB session whose caches are bounded as `bounds` say. */
export function lanceSession(bounds: LanceCacheBounds): lancedb.Session {
  return new lancedb.Session(
    BigInt(bounds.indexCacheBytes ?? LANCE_CACHE_DEFAULTS.indexCacheBytes),
    BigInt(bounds.metadataCacheBytes ?? LANCE_CACHE_DEFAULTS.metadataCacheBytes),
  );
}

