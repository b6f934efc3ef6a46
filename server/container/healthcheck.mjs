// The image's HEALTHCHECK: exit 0 when the server answers GET /api/v2/heartbeat, 1 otherwise. It
// reads the port the server reads (CONFIG_PATH, CHROMA_PORT, ...), so a changed port is followed.
import { resolveConfig } from "./node_modules/@chromaspec/server/dist/config.js";

try {
  const { port } = resolveConfig({ env: process.env }).config;
  const res = await fetch(`http://127.0.0.1:${port}/api/v2/heartbeat`, { signal: AbortSignal.timeout(4000) });
  if (!res.ok) throw new Error(`heartbeat answered ${res.status}`);
  process.exit(0);
} catch (err) {
  console.error(`unhealthy: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
