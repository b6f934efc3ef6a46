/**
 * The C allocator's settings (glibc's arena cap, storage/memory/process-memory.ts tuneAllocator),
 * applied before the server's modules start any thread. glibc fixes its arena limit the first time
 * a thread needs a new arena beyond the first eight, and arenas that exist by then stay: applied
 * once storage opened (as it was), the cap came after LanceDB's, libuv's and V8's threads had
 * taken their own, and a 1M x 384 load (bench/fill-rss.ts, main 54ebbd8) ended with 23 arena
 * heaps, 433 MiB. Before the server's modules are loaded node has made one arena besides the main
 * one (measured with hnsw().mallocArenas()), so the cap holds from here as MALLOC_ARENA_MAX in the
 * environment would: 2 arenas in all.
 *
 * Imported statically by the executable (cli.ts), which loads the rest of the server only after
 * it. Embedders that open storage themselves get the same call there (openStorage), later.
 */
import { tuneAllocator } from "../storage/memory/process-memory.js";

tuneAllocator();
