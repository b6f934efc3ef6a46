/**
 * One soak client: a loop of add / upsert / update / delete (by ids and by filter) / get / query
 * against its own ids, spread over the shared collections. Reads are checked against the model
 * as they happen (read-your-writes); every acknowledged write updates the model.
 */
import { contentOf, prng, versionOf } from "./records.js";
import { ABSENT, Model } from "./model.js";

export interface Target {
  /** Current base URL; the kill test swaps it when the server comes back on a new port. */
  url: string;
  /**
   * Replicas serving one store (docs/scaling.md): when given, each request goes to the next one
   * in turn (a round-robin load balancer; the replica soak swaps entries as replicas die and return).
   */
  urls?: string[];
  token?: string;
  tenant: string;
  database: string;
}

export interface SoakCollection {
  name: string;
  id: string;
}

export interface ClientStats {
  ops: Record<string, number>;
  /** Writes answered 2xx, and the records they carried. */
  ackedWrites: number;
  ackedRecordWrites: number;
  readsChecked: number;
  queriesChecked: number;
  /** Requests that got no answer (server down or killed mid-request). */
  connectionErrors: number;
  /** Ids whose unknown outcome was later read back and found to be one of the two possibilities. */
  resolved: number;
  /** Anything wrong: error answers, lost or corrupt data, wrong query results. */
  errors: string[];
}

export class ConnectionError extends Error {}

export interface ClientOptions {
  index: number;
  target: Target;
  collections: SoakCollection[];
  dim: number;
  /** Ids per client (its whole key space). */
  idsPerClient: number;
  maxBatch: number;
  seed: number;
  /** Connection errors are expected (kill test): the op's outcome becomes uncertain. */
  tolerateConnectionErrors: boolean;
}

const SLOTS = 4;

/** Back-off while the server is down (between a kill and the restart). */
const pause = () => new Promise((r) => setTimeout(r, 50));

export class SoakClient {
  readonly model = new Model();
  readonly stats: ClientStats = { ops: {}, ackedWrites: 0, ackedRecordWrites: 0, readsChecked: 0, queriesChecked: 0, connectionErrors: 0, resolved: 0, errors: [] };
  private readonly rnd: () => number;
  private turn = 0;

  constructor(readonly o: ClientOptions) {
    this.rnd = prng(o.seed * 7919 + o.index);
  }

  // ---- ids ---------------------------------------------------------------------------------

  idOf(n: number): string {
    return `c${this.o.index}-${n}`;
  }

  private numberOf(id: string): number {
    return Number(id.slice(id.indexOf("-") + 1));
  }

  slotOf(id: string): number {
    return this.numberOf(id) % SLOTS;
  }

  collectionOf(id: string): SoakCollection {
    return this.o.collections[this.numberOf(id) % this.o.collections.length];
  }

  /** All ids of this client in one collection. */
  private idsIn(c: SoakCollection): string[] {
    const out: string[] = [];
    for (let n = 0; n < this.o.idsPerClient; n++) if (this.o.collections[n % this.o.collections.length] === c) out.push(this.idOf(n));
    return out;
  }

  private pick<T>(items: T[]): T {
    return items[Math.floor(this.rnd() * items.length)];
  }

  /** Up to maxBatch distinct ids of one collection matching `keep`. */
  private sample(c: SoakCollection, keep: (id: string) => boolean): string[] {
    const candidates = this.idsIn(c).filter(keep);
    const n = 1 + Math.floor(this.rnd() * this.o.maxBatch);
    const out = new Set<string>();
    for (let i = 0; i < n * 3 && out.size < n && candidates.length > 0; i++) out.add(this.pick(candidates));
    return [...out];
  }

  // ---- HTTP --------------------------------------------------------------------------------

  private async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; text: string }> {
    const t = this.o.target;
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (t.token) headers.authorization = `Bearer ${t.token}`;
    const urls = t.urls;
    const url = urls && urls.length > 0 ? urls[(this.o.index + this.turn++) % urls.length] : t.url;
    const base = `${url}/api/v2/tenants/${encodeURIComponent(t.tenant)}/databases/${encodeURIComponent(t.database)}`;
    let res: Response;
    let text: string;
    try {
      res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(120_000) });
      text = await res.text();
    } catch (err) {
      throw new ConnectionError(`${method} ${path}: ${(err as Error).message} ${String((err as { cause?: unknown }).cause ?? "")}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text };
  }

  private fail(message: string): void {
    if (this.stats.errors.length < 50) this.stats.errors.push(`client ${this.o.index}: ${message}`);
    else if (this.stats.errors.length === 50) this.stats.errors.push(`client ${this.o.index}: more errors omitted`);
  }

  /** Runs a write; on an answer updates the model, on no answer marks the outcome uncertain. */
  private async write(op: string, c: SoakCollection, body: unknown, ids: string[], after: (id: string) => number): Promise<void> {
    this.stats.ops[op] = (this.stats.ops[op] ?? 0) + 1;
    let res;
    try {
      res = await this.call("POST", `/collections/${c.id}/${op === "delete-where" ? "delete" : op}`, body);
    } catch (err) {
      if (!(err instanceof ConnectionError) || !this.o.tolerateConnectionErrors) return this.fail((err as Error).message);
      this.stats.connectionErrors++;
      for (const id of ids) this.model.maybe(id, after(id));
      await pause();
      return;
    }
    if (res.status < 200 || res.status >= 300) return this.fail(`${op} answered ${res.status}: ${res.text.slice(0, 300)}`);
    this.stats.ackedWrites++;
    this.stats.ackedRecordWrites += ids.length;
    for (const id of ids) this.model.set(id, after(id));
  }

  // ---- operations --------------------------------------------------------------------------

  private body(ids: string[], versions: Map<string, number>) {
    const contents = ids.map((id) => contentOf(id, versions.get(id)!, this.o.index, this.slotOf(id), this.o.dim));
    return { ids, embeddings: contents.map((x) => x.embedding), documents: contents.map((x) => x.document), metadatas: contents.map((x) => x.metadata) };
  }

  private async add(c: SoakCollection): Promise<void> {
    const ids = this.sample(c, (id) => this.model.certain(id) === ABSENT);
    if (ids.length === 0) return;
    const versions = new Map(ids.map((id) => [id, this.model.version(id)]));
    await this.write("add", c, this.body(ids, versions), ids, (id) => versions.get(id)!);
  }

  private async upsert(c: SoakCollection): Promise<void> {
    const ids = this.sample(c, () => true);
    const versions = new Map(ids.map((id) => [id, this.model.version(id)]));
    await this.write("upsert", c, this.body(ids, versions), ids, (id) => versions.get(id)!);
  }

  private async update(c: SoakCollection): Promise<void> {
    const ids = this.sample(c, (id) => (this.model.certain(id) ?? ABSENT) !== ABSENT);
    if (ids.length === 0) return;
    const versions = new Map(ids.map((id) => [id, this.model.version(id)]));
    await this.write("update", c, this.body(ids, versions), ids, (id) => versions.get(id)!);
  }

  private async deleteIds(c: SoakCollection): Promise<void> {
    const ids = this.sample(c, () => true);
    await this.write("delete", c, { ids }, ids, () => ABSENT);
  }

  private async deleteWhere(c: SoakCollection): Promise<void> {
    const slot = Math.floor(this.rnd() * SLOTS);
    const ids = this.idsIn(c).filter((id) => this.slotOf(id) === slot);
    await this.write("delete-where", c, { where: { $and: [{ owner: this.o.index }, { slot }] } }, ids, () => ABSENT);
  }

  private async get(c: SoakCollection): Promise<void> {
    this.stats.ops.get = (this.stats.ops.get ?? 0) + 1;
    const ids = this.sample(c, () => true);
    const res = await this.tolerant(() => this.call("POST", `/collections/${c.id}/get`, { ids, include: ["embeddings", "documents", "metadatas"] }));
    if (!res) return;
    if (res.status !== 200) return this.fail(`get answered ${res.status}: ${res.text.slice(0, 300)}`);
    const got = res.json as { ids: string[]; embeddings: number[][]; documents: string[]; metadatas: Record<string, unknown>[] };
    const seen = new Map<string, number>();
    got.ids.forEach((id, i) => {
      const v = versionOf(id, { embedding: got.embeddings[i], document: got.documents[i], metadata: got.metadatas[i] }, this.o.index, this.slotOf(id), this.o.dim);
      if ("corrupt" in v) this.fail(`get: ${v.corrupt}`);
      else seen.set(id, v.version);
    });
    for (const id of ids) {
      const want = this.model.certain(id);
      const have = seen.get(id) ?? ABSENT;
      if (want !== undefined && want !== have) this.fail(`get ${id}: expected ${want === ABSENT ? "absent" : `v${want}`}, read ${have === ABSENT ? "absent" : `v${have}`}`);
    }
    for (const id of seen.keys()) if (!ids.includes(id)) this.fail(`get returned ${id}, which was not asked for`);
    this.stats.readsChecked++;
  }

  private async query(c: SoakCollection): Promise<void> {
    const present = this.idsIn(c).filter((id) => (this.model.certain(id) ?? ABSENT) !== ABSENT);
    if (present.length === 0) return;
    this.stats.ops.query = (this.stats.ops.query ?? 0) + 1;
    const target = this.pick(present);
    const v = this.model.certain(target)!;
    const embedding = contentOf(target, v, this.o.index, this.slotOf(target), this.o.dim).embedding;
    const res = await this.tolerant(() =>
      this.call("POST", `/collections/${c.id}/query`, { query_embeddings: [embedding], n_results: 3, where: { owner: this.o.index }, include: ["metadatas", "documents", "distances"] }),
    );
    if (!res) return;
    if (res.status !== 200) return this.fail(`query answered ${res.status}: ${res.text.slice(0, 300)}`);
    const got = res.json as { ids: string[][]; distances: number[][]; metadatas: Record<string, unknown>[][]; documents: string[][] };
    if (got.ids[0]?.[0] !== target || !(got.distances[0][0] <= 1e-6)) {
      return this.fail(`query for ${target} v${v}: nearest was ${got.ids[0]?.[0]} at ${got.distances[0]?.[0]}`);
    }
    got.ids[0].forEach((id, i) => {
      const meta = got.metadatas[0][i];
      if (meta?.owner !== this.o.index) this.fail(`query with where owner=${this.o.index} returned ${id} of owner ${String(meta?.owner)}`);
      const want = this.model.certain(id);
      if (want !== undefined && meta?.v !== want) this.fail(`query returned ${id} v${String(meta?.v)}, expected ${want === ABSENT ? "absent" : `v${want}`}`);
    });
    this.stats.queriesChecked++;
  }

  /** A read: undefined when it got no answer in a kill test (nothing to check then). */
  private async tolerant<T>(f: () => Promise<T>): Promise<T | undefined> {
    try {
      return await f();
    } catch (err) {
      if (err instanceof ConnectionError && this.o.tolerateConnectionErrors) {
        this.stats.connectionErrors++;
        await pause();
        return undefined;
      }
      this.fail((err as Error).message);
      return undefined;
    }
  }

  /**
   * Reads back every id whose last write got no answer; what is stored must be one of the two
   * possibilities (the write happened, or it did not). Retries until the server answers.
   */
  async resolveUncertain(deadline: number): Promise<boolean> {
    const pending = this.model.uncertainIds();
    for (const c of this.o.collections) {
      const ids = pending.filter((id) => this.collectionOf(id) === c);
      if (ids.length === 0) continue;
      for (;;) {
        let res;
        try {
          res = await this.call("POST", `/collections/${c.id}/get`, { ids, include: ["embeddings", "documents", "metadatas"] });
        } catch (err) {
          if (!(err instanceof ConnectionError) || Date.now() > deadline) {
            this.fail(`resolving ${ids.length} uncertain ids: ${(err as Error).message}`);
            return false;
          }
          this.stats.connectionErrors++;
          await pause();
          continue;
        }
        if (res.status !== 200) {
          this.fail(`resolving uncertain ids: get answered ${res.status}: ${res.text.slice(0, 300)}`);
          return false;
        }
        const got = res.json as { ids: string[]; embeddings: number[][]; documents: string[]; metadatas: Record<string, unknown>[] };
        const seen = new Map<string, number>();
        got.ids.forEach((id, i) => {
          const v = versionOf(id, { embedding: got.embeddings[i], document: got.documents[i], metadata: got.metadatas[i] }, this.o.index, this.slotOf(id), this.o.dim);
          if ("corrupt" in v) this.fail(`after a kill: ${v.corrupt}`);
          else seen.set(id, v.version);
        });
        for (const id of ids) {
          const have = seen.get(id) ?? ABSENT;
          const possible = this.model.possible(id);
          if (!possible.has(have)) this.fail(`after a kill ${id} is ${have === ABSENT ? "absent" : `v${have}`}, expected one of ${[...possible].map((p) => (p === ABSENT ? "absent" : `v${p}`)).join(", ")}`);
          this.model.set(id, have);
          this.stats.resolved++;
        }
        break;
      }
    }
    return true;
  }

  /** The loop: until `until`, one operation at a time (uncertain ids are resolved first). */
  async run(until: number): Promise<void> {
    const ops: [number, (c: SoakCollection) => Promise<void>][] = [
      [4, (c) => this.add(c)],
      [4, (c) => this.upsert(c)],
      [1, (c) => this.update(c)],
      [2, (c) => this.deleteIds(c)],
      [1, (c) => this.deleteWhere(c)],
      [3, (c) => this.get(c)],
      [2, (c) => this.query(c)],
    ];
    const total = ops.reduce((n, [w]) => n + w, 0);
    while (Date.now() < until) {
      if (this.model.uncertainIds().length > 0 && !(await this.resolveUncertain(until + 60_000))) return;
      let r = this.rnd() * total;
      const [, op] = ops.find(([w]) => (r -= w) < 0) ?? ops[0];
      await op(this.pick(this.o.collections));
    }
  }
}
