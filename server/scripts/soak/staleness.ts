/**
 * Replica staleness (docs/scaling.md): how long after a write is acknowledged by one replica
 * every other replica reads it. Each probe adds one record through the next replica in turn,
 * then polls every other replica (a `get` of that id every `pollMs`) until all of them return
 * it; the probe's staleness is the last replica's first successful read minus the moment the
 * write was acknowledged (so it includes one poll round trip: an upper bound, ±pollMs).
 */

export interface StalenessOptions {
  /** Base URLs of the replicas (at least two). */
  urls: string[];
  tenant?: string;
  database?: string;
  probes: number;
  /** Between polls of one replica (default 10 ms). */
  pollMs?: number;
  /** Between probes (default 100 ms), so probes land at every phase of the replicas' checks. */
  gapMs?: number;
  /** A probe not visible everywhere after this long is reported as an error (default 30 s). */
  giveUpMs?: number;
}

export interface StalenessReport {
  /** Milliseconds, one per probe, sorted ascending. */
  samples: number[];
  p50: number;
  p99: number;
  max: number;
  errors: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(url: string, path: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(url + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

/** The q-quantile (0..1) of ascending samples, nearest-rank. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export async function measureStaleness(o: StalenessOptions): Promise<StalenessReport> {
  if (o.urls.length < 2) throw new Error("staleness needs at least two replicas");
  const db = `/api/v2/tenants/${o.tenant ?? "default_tenant"}/databases/${o.database ?? "default_database"}`;
  const name = `staleness-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const created = await post(o.urls[0]!, `${db}/collections`, { name });
  if (created.status !== 200) throw new Error(`creating ${name}: ${created.status} ${JSON.stringify(created.json)}`);
  const path = `${db}/collections/${created.json.id as string}`;
  const pollMs = o.pollMs ?? 10;
  const giveUpMs = o.giveUpMs ?? 30_000;
  const samples: number[] = [];
  const errors: string[] = [];
  for (let i = 0; i < o.probes; i++) {
    const writer = i % o.urls.length;
    const id = `probe-${i}`;
    const added = await post(o.urls[writer]!, `${path}/add`, { ids: [id], embeddings: [[i, 1]] });
    const acked = performance.now();
    if (added.status !== 201) {
      errors.push(`probe ${i}: add answered ${added.status}`);
      continue;
    }
    const seen = await Promise.all(
      o.urls
        .filter((_, r) => r !== writer)
        .map(async (url) => {
          for (;;) {
            const got = await post(url, `${path}/get`, { ids: [id], include: [] });
            if (got.status === 200 && got.json.ids.includes(id)) return performance.now();
            if (performance.now() - acked > giveUpMs) return NaN;
            await sleep(pollMs);
          }
        }),
    );
    const last = Math.max(...seen);
    if (Number.isNaN(last) || seen.some(Number.isNaN)) errors.push(`probe ${i}: not visible on every replica after ${giveUpMs} ms`);
    else samples.push(last - acked);
    await sleep(o.gapMs ?? 100);
  }
  samples.sort((a, b) => a - b);
  return { samples, p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), max: samples.at(-1) ?? NaN, errors };
}
