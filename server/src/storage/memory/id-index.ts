/**
 * id -> slot for a collection of any size. V8's Map holds at most 2^24 (16.7M) entries and then
 * throws ("Map maximum size exceeded"): a collection of 128-dimensional vectors reaches that at
 * ~13 GB, below this machine's memory. So ids are kept in one Map while they fit in `shardLimit`,
 * and spread over 2^k Maps by a hash of the id once they do not (a one-time rehash, ~1 s at 8M).
 */
export class IdIndex {
  private shards: Map<string, number>[] = [new Map()];
  private bits = 0;
  private count = 0;

  /** `shardLimit`: ids per Map before the index splits (tests use a tiny one). */
  constructor(private readonly shardLimit = 1 << 23) {}

  get size(): number {
    return this.count;
  }

  get(id: string): number | undefined {
    return this.shardOf(id).get(id);
  }

  set(id: string, slot: number): void {
    const shard = this.shardOf(id);
    const before = shard.size;
    shard.set(id, slot);
    if (shard.size > before) {
      this.count++;
      // Split well before any Map nears V8's limit; the average shard holds count / 2^bits.
      if (shard.size > this.shardLimit) this.split();
    }
  }

  delete(id: string): boolean {
    const gone = this.shardOf(id).delete(id);
    if (gone) this.count--;
    return gone;
  }

  private shardOf(id: string): Map<string, number> {
    if (this.bits === 0) return this.shards[0];
    // FNV-1a over the UTF-16 code units: cheap next to the Map lookup it routes.
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    return this.shards[(h >>> 0) & ((1 << this.bits) - 1)];
  }

  /** Four times as many shards, every id rehashed. */
  private split(): void {
    const old = this.shards;
    this.bits += 2;
    this.shards = Array.from({ length: 1 << this.bits }, () => new Map<string, number>());
    for (const shard of old) for (const [id, slot] of shard) this.shardOf(id).set(id, slot);
  }
}
