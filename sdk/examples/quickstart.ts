/**
 * Quickstart for @chromaspec/sdk (the same code as in sdk/README.md).
 * Start a server first (`make run`, or any Chroma server), then:
 *   CHROMA_URL=http://localhost:8000 npx tsx sdk/examples/quickstart.ts
 */
import { ChromaClient, NotFoundError } from "@chromaspec/sdk";

declare const process: { env: Record<string, string | undefined> }; // Node's; the SDK itself needs only fetch

const client = new ChromaClient({ path: process.env.CHROMA_URL ?? "http://localhost:8000" });

console.log("heartbeat", await client.heartbeat());

const collection = await client.getOrCreateCollection({
  name: "quickstart",
  metadata: { topic: "animals" },
  configuration: { hnsw: { space: "cosine" } },
});

// This client sends embeddings you computed; it has no embedding functions.
await collection.upsert({
  ids: ["cat", "dog", "eel"],
  embeddings: [
    [0.9, 0.1, 0.0],
    [0.8, 0.2, 0.1],
    [0.0, 0.1, 0.9],
  ],
  documents: ["cats purr", "dogs bark", "eels swim"],
  metadatas: [{ legs: 4 }, { legs: 4 }, { legs: 0 }],
});

const nearest = await collection.query({
  queryEmbeddings: [[0.85, 0.15, 0.05]],
  nResults: 2,
  where: { legs: { $gt: 0 } },
  include: ["documents", "distances"],
});
console.log("nearest", nearest.ids[0], nearest.distances?.[0]);

const swimmers = await collection.get({ whereDocument: { $contains: "swim" } });
console.log("swimmers", swimmers.ids, "count", await collection.count());

await client.deleteCollection({ name: "quickstart" });
try {
  await client.getCollection({ name: "quickstart" });
} catch (err) {
  // Errors are typed from the server's {"error", "message"} body.
  if (err instanceof NotFoundError) console.log("gone:", err.message);
  else throw err;
}
