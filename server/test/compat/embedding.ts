/**
 * A tiny deterministic embedding function for the compatibility tests.
 *
 * The official clients' default embedding functions download a model at run time, which this
 * project cannot do (no network beyond package registries, and tests must not depend on it).
 * So every scenario passes embeddings explicitly, and wherever a client insists on having an
 * embedding function (chromadb@1.x `createCollection`/`getCollection`, chromadb@3's collection
 * configuration, or a query by text) it gets this one instead of the default.
 *
 * It hashes each character (code point mod 8) into one of 8 buckets and counts them: a bag of characters. The
 * values are small integers, so they survive the float32 round trip through any server exactly,
 * which lets the tests compare stored and returned embeddings with plain equality.
 */
export const EMBEDDING_DIM = 8;

export function embedText(text: string): number[] {
  const vector = new Array<number>(EMBEDDING_DIM).fill(0);
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    // Neighbouring letters land in neighbouring buckets: crude, but deterministic and enough
    // to make different texts point in different directions.
    vector[code % EMBEDDING_DIM] += 1;
  }
  return vector;
}

/**
 * Structurally compatible with chromadb@1.8's and @1.10's `IEmbeddingFunction` and with
 * chromadb@3's `EmbeddingFunction` (no `getConfig`, so chromadb@3 records it as a "legacy"
 * embedding function in the collection configuration instead of trying to load a package).
 */
export class HashedCharsEmbedding {
  readonly name = "compat_hashed_chars";
  /** Texts this instance embedded, so a test can prove the client used it. */
  readonly seen: string[] = [];

  async generate(texts: string[]): Promise<number[][]> {
    this.seen.push(...texts);
    return texts.map(embedText);
  }
}
