/**
 * An inverted index over one sparse-vector metadata key of a collection: for each dimension, the
 * documents whose vector has it and their values. It answers exact top-k by dot product (the
 * Search API's sparse `$knn`, upstream rust/worker/src/execution/operators/sparse_index_knn.rs,
 * measure `1 - q·d`) by accumulating the query's posting lists: only documents sharing at least one
 * dimension with the query are scored, which is what an inverted index can see. It also keeps each
 * dimension's document frequency, the statistic BM25's IDF weighting needs.
 *
 * Documents are small integers chosen by the owner (the resident collection's slots), each with an
 * `order` (storage order) that breaks score ties. Writes never fail: replacing or removing a
 * document bumps its generation, which makes its old postings stale; stale postings are skipped
 * by searches and compacted away once they outnumber live ones. Everything is synchronous, so a
 * search sees one consistent state.
 */

export interface SparseEntry {
  indices: ArrayLike<number>;
  values: ArrayLike<number>;
}

export interface SparseHit {
  doc: number;
  order: number;
  /** Float32 `1 - dot`, upstream's measure. */
  measure: number;
}

const INITIAL_POSTING = 4;

class Posting {
  docs = new Int32Array(INITIAL_POSTING);
  gens = new Uint32Array(INITIAL_POSTING);
  values = new Float32Array(INITIAL_POSTING);
  length = 0;
  /** Documents currently having this dimension (the document frequency). */
  live = 0;

  push(doc: number, gen: number, value: number): void {
    if (this.length === this.docs.length) {
      const size = this.docs.length * 2;
      this.docs = grow(this.docs, new Int32Array(size));
      this.gens = grow(this.gens, new Uint32Array(size));
      this.values = grow(this.values, new Float32Array(size));
    }
    this.docs[this.length] = doc;
    this.gens[this.length] = gen;
    this.values[this.length] = value;
    this.length++;
  }
}

function grow<T extends Int32Array | Uint32Array | Float32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

export class SparseIndex {
  private readonly postings = new Map<number, Posting>();
  /** Per document: the dimensions of its current vector (undefined: no vector). */
  private terms: (Uint32Array | undefined)[] = [];
  private gens = new Uint32Array(16);
  private orders = new Float64Array(16);
  private count = 0;
  // Scratch for searches, sized to the document range and reused.
  private scores = new Float64Array(16);
  private marks = new Uint32Array(16);
  private epoch = 0;

  /** Documents that have a vector. */
  get size(): number {
    return this.count;
  }

  has(doc: number): boolean {
    return this.terms[doc] !== undefined;
  }

  /** Number of documents whose vector has `dimension`. */
  documentFrequency(dimension: number): number {
    return this.postings.get(dimension)?.live ?? 0;
  }

  private ensure(doc: number): void {
    if (doc < this.gens.length) return;
    let size = this.gens.length;
    while (size <= doc) size *= 2;
    this.gens = grow(this.gens, new Uint32Array(size));
    this.orders = grow(this.orders, new Float64Array(size));
    this.scores = new Float64Array(size);
    this.marks = new Uint32Array(size);
    this.epoch = 0;
  }

  /** Sets (or replaces) a document's vector; `indices` must be strictly ascending. */
  put(doc: number, order: number, vector: SparseEntry): void {
    this.remove(doc);
    this.ensure(doc);
    const gen = this.gens[doc];
    const n = vector.indices.length;
    const dims = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const dim = vector.indices[i];
      dims[i] = dim;
      let posting = this.postings.get(dim);
      if (!posting) this.postings.set(dim, (posting = new Posting()));
      posting.push(doc, gen, vector.values[i]);
      posting.live++;
    }
    this.terms[doc] = dims;
    this.orders[doc] = order;
    this.count++;
  }

  /** Forgets a document's vector (no-op when it has none). */
  remove(doc: number): void {
    const dims = this.terms[doc];
    if (dims === undefined) return;
    this.terms[doc] = undefined;
    this.gens[doc] = (this.gens[doc] + 1) >>> 0;
    this.count--;
    for (const dim of dims) {
      const posting = this.postings.get(dim)!;
      posting.live--;
      if (posting.live === 0) this.postings.delete(dim);
      else if (posting.length > 2 * posting.live + 16) this.compact(posting);
    }
  }

  clear(): void {
    this.postings.clear();
    this.terms = [];
    this.gens.fill(0);
    this.count = 0;
  }

  private isCurrent(posting: Posting, i: number): boolean {
    return posting.gens[i] === this.gens[posting.docs[i]] && this.terms[posting.docs[i]] !== undefined;
  }

  private compact(posting: Posting): void {
    let w = 0;
    for (let r = 0; r < posting.length; r++) {
      if (!this.isCurrent(posting, r)) continue;
      posting.docs[w] = posting.docs[r];
      posting.gens[w] = posting.gens[r];
      posting.values[w] = posting.values[r];
      w++;
    }
    posting.length = w;
  }

  /**
   * The `k` documents with the largest dot product with `query` among those sharing a dimension
   * with it (and admitted by `allowed`, a bitset over documents, when given), by measure
   * `fround(1 - fround(dot))` ascending, then by order.
   */
  search(query: SparseEntry, k: number, allowed: Uint8Array | null): SparseHit[] {
    if (k <= 0 || this.count === 0) return [];
    const epoch = (this.epoch = (this.epoch + 1) >>> 0);
    if (epoch === 0) {
      this.marks.fill(0);
      this.epoch = 1;
    }
    const { scores, marks } = this;
    const touched: number[] = [];
    for (let q = 0; q < query.indices.length; q++) {
      const posting = this.postings.get(query.indices[q]);
      if (!posting) continue;
      const weight = query.values[q];
      const { docs, gens, values, length } = posting;
      for (let i = 0; i < length; i++) {
        const doc = docs[i];
        if (gens[i] !== this.gens[doc]) continue;
        if (allowed !== null && (allowed[doc >> 3] & (1 << (doc & 7))) === 0) continue;
        if (marks[doc] !== this.epoch) {
          marks[doc] = this.epoch;
          scores[doc] = 0;
          touched.push(doc);
        }
        scores[doc] += weight * values[i];
      }
    }
    const hits: SparseHit[] = touched.map((doc) => ({ doc, order: this.orders[doc], measure: Math.fround(1 - Math.fround(scores[doc])) }));
    return topK(hits, k);
  }
}

function better(a: SparseHit, b: SparseHit): boolean {
  return a.measure < b.measure || (a.measure === b.measure && a.order < b.order);
}

/** The k best hits, best first: a bounded max-heap (worst on top) when k is small, else a sort. */
function topK(hits: SparseHit[], k: number): SparseHit[] {
  const byRank = (a: SparseHit, b: SparseHit) => (better(a, b) ? -1 : better(b, a) ? 1 : 0);
  if (k >= hits.length || k * 8 >= hits.length) return hits.sort(byRank).slice(0, k);
  const heap: SparseHit[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!better(heap[p], heap[i])) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst], heap[l])) worst = l;
      if (r < heap.length && better(heap[worst], heap[r])) worst = r;
      if (worst === i) return;
      [heap[worst], heap[i]] = [heap[i], heap[worst]];
      i = worst;
    }
  };
  for (const hit of hits) {
    if (heap.length < k) {
      heap.push(hit);
      up(heap.length - 1);
    } else if (better(hit, heap[0])) {
      heap[0] = hit;
      down(0);
    }
  }
  return heap.sort(byRank);
}
