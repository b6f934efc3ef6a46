/**
 * Where the compatibility scenarios send their traffic.
 *
 * By default each test file starts its own chromaspec server (server/dist/cli.js, via the shared
 * startServer helper). With COMPAT_URL set, the files use that server instead and start nothing,
 * which is how the same scenarios are checked against the real upstream Chroma.
 * Either way the client talks to a recording proxy in front of the server (see recording-proxy.ts).
 * With COMPAT_REQUEST_LOG set to a directory, each file's target writes its traffic summary there
 * (`<label>.json`) when it is closed.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startServer, type RunningServer } from "../helpers/server.js";
import { startRecordingProxy, summarizeTraffic, type RecordedRequest } from "./recording-proxy.js";

export interface CompatTarget {
  /** The proxy's base URL: give this to the client. */
  url: string;
  host: string;
  port: number;
  /** The server behind the proxy. */
  upstreamUrl: string;
  /** True when COMPAT_URL pointed at an external server. */
  external: boolean;
  requests: RecordedRequest[];
  /** Writes the traffic summary (COMPAT_REQUEST_LOG), then stops the proxy and our server. */
  close(): Promise<void>;
}

/** `label` names the traffic summary of this file's scenario (e.g. "chromadb-3.5.0"). */
export async function openCompatTarget(label: string): Promise<CompatTarget> {
  const externalUrl = process.env.COMPAT_URL?.replace(/\/+$/, "");
  let server: RunningServer | undefined;
  const upstreamUrl = externalUrl ?? (server = await startServer()).url;
  const proxy = await startRecordingProxy(upstreamUrl);
  return {
    url: proxy.url,
    host: proxy.host,
    port: proxy.port,
    upstreamUrl,
    external: externalUrl !== undefined,
    requests: proxy.requests,
    close: async () => {
      await writeTrafficLog(label, proxy.requests);
      await proxy.close();
      await server?.dispose();
    },
  };
}

/** Writes `<label>.json` (the endpoint summary) into COMPAT_REQUEST_LOG, if set. */
async function writeTrafficLog(label: string, requests: RecordedRequest[]): Promise<void> {
  const dir = process.env.COMPAT_REQUEST_LOG;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${label}.json`), JSON.stringify(summarizeTraffic(requests), null, 2) + "\n");
}

/**
 * True when an external target has dropped the v1 API, as Chroma 1.x does (410 Gone). Only
 * then may the chromadb@1.8 scenario be skipped: our own server must always serve v1.
 */
export async function externalTargetLacksV1(): Promise<boolean> {
  const externalUrl = process.env.COMPAT_URL?.replace(/\/+$/, "");
  if (!externalUrl) return false;
  const res = await fetch(`${externalUrl}/api/v1/heartbeat`);
  await res.arrayBuffer();
  return res.status === 410;
}
