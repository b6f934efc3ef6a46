/**
 * The k smallest (distance, order) pairs seen, in a bounded max-heap over typed arrays (no
 * per-candidate objects on the scan path). `order` breaks distance ties: the record's insertion
 * sequence number, so equal distances come back in insertion order, deterministically.
 */
export class TopK {
  private readonly dist: Float64Array;
  private readonly order: Float64Array;
  private readonly slot: Int32Array;
  private size = 0;

  constructor(readonly k: number) {
    this.dist = new Float64Array(k);
    this.order = new Float64Array(k);
    this.slot = new Int32Array(k);
  }

  get length(): number {
    return this.size;
  }

  /** Whether (d, o) ranks after (d2, o2). */
  private static after(d: number, o: number, d2: number, o2: number): boolean {
    return d > d2 || (d === d2 && o > o2);
  }

  /** The current k-th (worst kept) distance, or +Infinity while fewer than k are kept. */
  bound(): number {
    return this.size < this.k ? Infinity : this.dist[0];
  }

  push(distance: number, order: number, slot: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      // Sift up.
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopK.after(distance, order, this.dist[parent], this.order[parent])) break;
        this.dist[i] = this.dist[parent];
        this.order[i] = this.order[parent];
        this.slot[i] = this.slot[parent];
        i = parent;
      }
      this.dist[i] = distance;
      this.order[i] = order;
      this.slot[i] = slot;
      return;
    }
    if (!TopK.after(this.dist[0], this.order[0], distance, order)) return;
    // Replace the root and sift down.
    let i = 0;
    const n = this.size;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && TopK.after(this.dist[r], this.order[r], this.dist[l], this.order[l])) c = r;
      if (!TopK.after(this.dist[c], this.order[c], distance, order)) break;
      this.dist[i] = this.dist[c];
      this.order[i] = this.order[c];
      this.slot[i] = this.slot[c];
      i = c;
    }
    this.dist[i] = distance;
    this.order[i] = order;
    this.slot[i] = slot;
  }

  /** The kept entries, nearest first. */
  sorted(): { slot: number; distance: number; order: number }[] {
    const out: { slot: number; distance: number; order: number }[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = { slot: this.slot[i], distance: this.dist[i], order: this.order[i] };
    out.sort((a, b) => a.distance - b.distance || a.order - b.order);
    return out;
  }
}
