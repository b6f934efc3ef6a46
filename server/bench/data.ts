/**
 * The benchmark's data set, the same for every server and every run with the same seed:
 * unit-length vectors (like the output of sentence-embedding models) in clusters, each cluster
 * spread over its own low-dimensional subspace plus a little noise in every dimension, so
 * neighbours are meaningful (as in real embeddings) rather than the near-ties of pure noise.
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { mulberry32 as rng } from "../test/helpers/random.js";

/** Seedable PRNG (shared with the other test tools). */
export { rng };

/** A standard normal sample (Box-Muller) from the uniform generator r. */
export function gaussian(r: () => number): number {
  let u = 0;
  while (u === 0) u = r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

export interface DataSpec {
  dim: number;
  clusters: number;
  /** Dimension of each cluster's subspace. */
  subspace: number;
  /** Spread along the subspace and isotropic noise, before normalization. */
  spread: number;
  noise: number;
}

export const DEFAULT_SPEC: DataSpec = { dim: 384, clusters: 100, subspace: 16, spread: 0.25, noise: 0.05 };

export interface Dataset {
  dim: number;
  n: number;
  /** n x dim, row-major. */
  vectors: Float32Array;
  /** The cluster of each vector. */
  cluster: Int32Array;
}

/** The cluster model (centers and bases) depends on the spec only; `seed` picks the points. */
export function generate(spec: DataSpec, n: number, seed: number): Dataset {
  const { dim, clusters, subspace, spread, noise } = spec;
  const model = rng(0x5eed);
  const centers = new Float32Array(clusters * dim);
  for (let i = 0; i < centers.length; i++) centers[i] = gaussian(model);
  const bases = new Float32Array(clusters * subspace * dim);
  for (let i = 0; i < bases.length; i++) bases[i] = gaussian(model) * spread;

  const r = rng(seed);
  const vectors = new Float32Array(n * dim);
  const cluster = new Int32Array(n);
  const z = new Float64Array(subspace);
  const v = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(r() * clusters);
    cluster[i] = c;
    for (let j = 0; j < subspace; j++) z[j] = gaussian(r);
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      let s = centers[c * dim + d] + noise * gaussian(r);
      for (let j = 0; j < subspace; j++) s += bases[(c * subspace + j) * dim + d] * z[j];
      v[d] = s;
      norm += s * s;
    }
    norm = Math.sqrt(norm);
    for (let d = 0; d < dim; d++) vectors[i * dim + d] = v[d] / norm;
  }
  return { dim, n, vectors, cluster };
}

/**
 * A cheap deterministic uniform-ish vector in [0, 1)^dim for record i (xorshift32 seeded by i):
 * for benches that need many distinct vectors fast and care about graph mechanics, not data shape.
 */
export function hashedVector(i: number, dim: number): Float32Array {
  const v = new Float32Array(dim);
  let x = (i + 1) * 2654435761;
  for (let d = 0; d < dim; d++) {
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    v[d] = x / 2 ** 32;
  }
  return v;
}

export function row(data: Dataset, i: number): Float32Array {
  return data.vectors.subarray(i * data.dim, (i + 1) * data.dim);
}

/** Metadata of record i in `cluster`: `bucket` (i mod 10, so {bucket: b} selects 10%) and the cluster. */
export function metadataOf(i: number, cluster: number): { bucket: number; cluster: number } {
  return { bucket: i % 10, cluster };
}

export function idOf(i: number): string {
  return `rec-${i}`;
}

/** A float32 vector as base64 (little-endian), as the official clients send embeddings when the server supports it. */
export function base64Of(v: Float32Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64");
}

/**
 * The v2 add body of every row of `data`, row 0 being record `first`: ids, base64 embeddings,
 * `metadata(i, cluster)` and the document "record i of cluster c"; as the UTF-8 bytes a client
 * sends, encoded here with the rest of the body's building, which no timing includes (see client.ts).
 */
export function addBody(data: Dataset, first: number, metadata: (i: number, cluster: number) => object): Buffer {
  const ids: string[] = [];
  const embeddings: string[] = [];
  const metadatas: object[] = [];
  const documents: string[] = [];
  for (let r = 0; r < data.n; r++) {
    const i = first + r;
    ids.push(idOf(i));
    embeddings.push(base64Of(row(data, r)));
    metadatas.push(metadata(i, data.cluster[r]));
    documents.push(`record ${i} of cluster ${data.cluster[r]}`);
  }
  return Buffer.from(JSON.stringify({ ids, embeddings, metadatas, documents }));
}

/**
 * The records of a case, batch by batch: held in memory (`inMemory`), or regenerated batch by
 * batch from the seed (`streamed`) when the whole set would not fit beside the server (1M x
 * 1536 is 6 GB). Either way both servers get the same bytes.
 */
export interface Records {
  n: number;
  dim: number;
  batchSize: number;
  /** Rows [b * batchSize, (b + 1) * batchSize) as a Dataset (row 0 is record b * batchSize). */
  batch(b: number): Dataset;
}

export function inMemory(data: Dataset, batchSize: number): Records {
  return {
    n: data.n,
    dim: data.dim,
    batchSize,
    batch(b) {
      const from = b * batchSize;
      const to = Math.min(data.n, from + batchSize);
      return { dim: data.dim, n: to - from, vectors: data.vectors.subarray(from * data.dim, to * data.dim), cluster: data.cluster.subarray(from, to) };
    },
  };
}

/**
 * Bump when `generate` or `streamed` change the bytes they produce: cached data sets
 * (`cachedStream`) are named by it. (Not the functions' source text: tsx transpiles it
 * differently depending on the importing file's tsconfig.)
 */
export const GENERATOR_VERSION = 1;

/** Each batch generated from its own seed: any batch, any number of times, without the rest. */
export function streamed(spec: DataSpec, n: number, seed: number, batchSize: number): Records {
  return {
    n,
    dim: spec.dim,
    batchSize,
    batch: (b) => generate(spec, Math.min(batchSize, n - b * batchSize), Math.imul(seed + 1, 0x9e3779b1) + b),
  };
}

/**
 * `streamed`'s records, generated once into a file under `dir` and read back batch by batch
 * after (1M x 1536 takes minutes of CPU to generate, and a case reads it more than once: ground
 * truth, then ingest). The file is named by a hash of everything its bytes depend on (spec, n,
 * seed, batch size, GENERATOR_VERSION); it is written under a temporary name and renamed when
 * complete. Truth and ingest both read the file, so recall is measured on the bytes sent even if
 * a generator change forgot its version bump.
 */
export function cachedStream(spec: DataSpec, n: number, seed: number, batchSize: number, dir: string, log: (m: string) => void = () => undefined): Records {
  const source = streamed(spec, n, seed, batchSize);
  const key = createHash("sha256").update(JSON.stringify({ spec, n, seed, batchSize, generator: GENERATOR_VERSION })).digest("hex").slice(0, 16);
  const file = join(dir, `records-${spec.dim}d-${n}-${key}.bin`);
  // Per batch: its vectors (float32), then its clusters (int32); every batch but the last is full.
  const rowBytes = spec.dim * 4 + 4;
  const size = n * rowBytes;
  if (!existsSync(file) || statSync(file).size !== size) {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    log(`generating ${n} x ${spec.dim} records into ${file}`);
    const fd = openSync(partial, "w");
    try {
      for (let b = 0; b * batchSize < n; b++) {
        const d = source.batch(b);
        writeSync(fd, new Uint8Array(d.vectors.buffer, d.vectors.byteOffset, d.vectors.byteLength));
        writeSync(fd, new Uint8Array(d.cluster.buffer, d.cluster.byteOffset, d.cluster.byteLength));
      }
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
  } else log(`records read from ${file}`);
  let fd: number | null = null;
  return {
    n,
    dim: spec.dim,
    batchSize,
    batch(b) {
      fd ??= openSync(file, "r");
      const rows = Math.min(batchSize, n - b * batchSize);
      const bytes = Buffer.allocUnsafe(rows * rowBytes);
      if (readSync(fd, bytes, 0, bytes.length, b * batchSize * rowBytes) !== bytes.length) throw new Error(`${file}: short read`);
      // Copies (aligned, owned by the caller) of the batch's two parts.
      const vectors = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + rows * spec.dim * 4));
      const cluster = new Int32Array(bytes.buffer.slice(bytes.byteOffset + rows * spec.dim * 4, bytes.byteOffset + bytes.length));
      return { dim: spec.dim, n: rows, vectors, cluster };
    },
  };
}
