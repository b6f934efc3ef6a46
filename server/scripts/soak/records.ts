/**
 * What the soak writes: every (id, version) pair has one deterministic content (embedding,
 * document, metadata), so the expected state of an id is just "absent" or a version number, and
 * any record read back can be checked byte for byte.
 */
import { mulberry32 as prng } from "../../test/helpers/random.js";

/** Seedable PRNG (shared with the other test tools). */
export { prng };

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface RecordContent {
  embedding: number[];
  document: string;
  metadata: { owner: number; slot: number; v: number };
}

/** Float32-exact values, so what the server returns compares equal to what was sent. */
export function contentOf(id: string, version: number, owner: number, slot: number, dim: number): RecordContent {
  const rnd = prng(fnv1a(`${id}#${version}`));
  return {
    embedding: Array.from({ length: dim }, () => Math.fround(rnd() * 2 - 1)),
    document: `doc ${id} v${version}`,
    metadata: { owner, slot, v: version },
  };
}

/** A record as read back: which version it is, if its content is exactly that version's. */
export function versionOf(
  id: string,
  got: { embedding?: number[] | null; document?: string | null; metadata?: Record<string, unknown> | null },
  owner: number,
  slot: number,
  dim: number,
): { version: number } | { corrupt: string } {
  const v = got.metadata?.v;
  if (typeof v !== "number") return { corrupt: `${id}: metadata without a version: ${JSON.stringify(got.metadata)}` };
  const want = contentOf(id, v, owner, slot, dim);
  if (got.document !== want.document) return { corrupt: `${id} v${v}: document ${JSON.stringify(got.document)} != ${JSON.stringify(want.document)}` };
  if (JSON.stringify(got.metadata) !== JSON.stringify(want.metadata)) {
    const sorted = (m: object) => JSON.stringify(Object.fromEntries(Object.entries(m).sort()));
    if (sorted(got.metadata!) !== sorted(want.metadata)) return { corrupt: `${id} v${v}: metadata ${JSON.stringify(got.metadata)} != ${JSON.stringify(want.metadata)}` };
  }
  if (got.embedding !== undefined) {
    // Compared as float32: the server may print the shortest decimal of the float32 (0.6284233)
    // rather than of its double widening (0.628423273563385); both are the same stored value.
    if (!got.embedding || got.embedding.length !== dim || got.embedding.some((x, i) => Math.fround(x) !== want.embedding[i])) {
      return { corrupt: `${id} v${v}: embedding ${JSON.stringify(got.embedding)} != ${JSON.stringify(want.embedding)}` };
    }
  }
  return { version: v };
}
