/**
 * Saved graphs in LanceDB (lance/graph-store.ts), on a local directory and on s3:// (a local S3
 * emulator): bytes round-trip across many rows, a save replaces the previous one whole and
 * leaves no old version behind, a missing or dropped graph reads as none.
 */
import * as lancedb from "@lancedb/lancedb";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphStore, graphTableName } from "../../src/storage/lance/graph-store.js";
import { freePort } from "../helpers/server.js";

let s3: S3rver;
let dir = "";
let s3Options: Record<string, string> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "chromaspec-graphs-"));
  const port = await freePort();
  s3 = new S3rver({ port, address: "127.0.0.1", silent: true, directory: join(dir, "s3"), configureBuckets: [{ name: "graphs", configs: [] }] });
  await s3.run();
  s3Options = {
    endpoint: `http://127.0.0.1:${port}`,
    aws_access_key_id: "S3RVER",
    aws_secret_access_key: "S3RVER",
    region: "us-east-1",
    allow_http: "true",
    virtual_hosted_style_request: "false",
  };
});

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed * 7) & 255;
  return out;
}

const concat = (parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

/** The bytes over shared memory, as the server's snapshots are (they reach a save thread without a copy). */
function shared(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(b.length));
  out.set(b);
  return out;
}

describe.each([
  ["a local directory, written on this thread", () => ({ uri: join(dir, "local"), options: {} as { storageOptions?: Record<string, string> } }), false],
  ["s3://, written on this thread", () => ({ uri: "s3://graphs/data", options: { storageOptions: s3Options } }), false],
  ["a local directory, written on a save thread", () => ({ uri: join(dir, "local-thread"), options: {} as { storageOptions?: Record<string, string> } }), true],
  ["s3://, written on a save thread", () => ({ uri: "s3://graphs/thread", options: { storageOptions: s3Options } }), true],
])("saved graphs on %s", (_, where, thread) => {
  it("round-trip across rows, replace whole, leave no old version, read none when missing", { timeout: 60_000 }, async () => {
    const { uri, options } = where();
    const db = await lancedb.connect(uri, options);
    // Rows of 1000 bytes: every snapshot spans several, and parts end mid-row.
    const store = new GraphStore(db, 0, 1000, thread ? { uri, storageOptions: options.storageOptions } : undefined);
    const id = "0000000a-aaaa-4bbb-8ccc-000000000001";
    expect(await store.read(id)).toBeNull();

    const first = [bytes(150, 1), shared(bytes(2500, 2))];
    await store.save(id, first);
    expect(await store.read(id)).toEqual(concat(first));

    const second = [bytes(90, 3), bytes(1000, 4), bytes(3001, 5)];
    await store.save(id, second);
    expect(await store.read(id)).toEqual(concat(second));
    const table = await db.openTable(graphTableName(id));
    expect((await table.listVersions()).length).toBe(1);
    table.close();

    // Another collection's graph is its own.
    const other = "0000000b-aaaa-4bbb-8ccc-000000000002";
    await store.save(other, [bytes(10, 6)]);
    expect(await store.read(other)).toEqual(bytes(10, 6));
    expect(await store.read(id)).toEqual(concat(second));

    await store.drop(id);
    expect(await store.read(id)).toBeNull();
    await store.drop(id);
    // A save LanceDB refuses fails for its caller (from the save thread too), and the next works.
    await expect(store.save("not/a table", [bytes(10, 7)])).rejects.toThrow();
    await store.save(other, [bytes(20, 8)]);
    expect(await store.read(other)).toEqual(bytes(20, 8));
    await store.close();
    db.close();
  });
});
