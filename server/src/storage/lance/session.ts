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
 * reached. Index pages: 64 MiB, so a 1M x 384 collection's id index (the largest: ~30-50 MB)
 * still fits. Metadata: 16 MiB. It is mostly superseded versions' manifests, each larger than
 * the last while fragments pile up between compactions: 1000 adds of 100 x 384 records filled
 * 4 / 15 / 32 / 51 / 61 MiB after 100-500 writes and sat at the 64 MiB bound from ~600 on,
 * while the writes only need the latest version's. At 16 MiB the adds measured no dearer: CPU per
 * add over writes 301-1000, interleaved (64, 16, 64, 16 MiB) 49.3 / 31.9 / 35.4 / 22.1 ms, but
 * unlocked on a busy machine whose load fell during the series (issue 14 item 6, session 15):
 * no drop, not a gain.
 */
export const LANCE_CACHE_DEFAULTS = { indexCacheBytes: 64 * 1024 ** 2, metadataCacheBytes: 16 * 1024 ** 2 } as const;

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

