/**
 * Reads main-thread.ts's --out JSON and its --keep-logs DIR (runs with --cpu-prof): per process
 * and phase, the main thread's self time per query by area in each kind's window, and the
 * functions whose self time per query differs most between two kinds (--a, --b; default the
 * paused phase's first "distances" and its later "distances2": the same queries, slow then fast).
 *
 *   npx tsx bench/main-thread-diff.ts --json OUT.json --dir DIR [--phase paused] [--a distances] [--b distances2] [--top 25]
 */
import { readdirSync } from "node:fs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scriptArgs } from "./args.js";
import { loadProfile, summarize } from "./cpu-profile.js";

const o = scriptArgs({ json: "", dir: "", phase: "paused", a: "distances", b: "distances2", top: 25 });
interface Kind { kind: string; queries: number; mainMsPerQuery: number; fromUs: number; toUs: number }
const run = JSON.parse(readFileSync(o.json, "utf8")) as { results: { process: number; phase: string; kinds: Kind[] }[] };
for (const r of run.results) {
  const file = readdirSync(o.dir).filter((f) => f.startsWith(`p${r.process}-`) && f.endsWith(".001.cpuprofile"))[0];
  if (!file) continue;
  const profile = await loadProfile(join(o.dir, file));
  const areaLine = r.kinds.map((k) => {
    const s = summarize(profile, k.fromUs, k.toUs);
    const per = (us: number) => (us / 1000 / k.queries).toFixed(2);
    const top = [...s.areas].filter(([a]) => a !== "(idle)").sort((x, y) => y[1] - x[1]).slice(0, 6).map(([a, us]) => `${a} ${per(us)}`).join(" ");
    return `  ${k.kind.padEnd(10)} busy ${per(s.busy)} ms/q (schedstat ${k.mainMsPerQuery.toFixed(2)}): ${top}`;
  });
  console.log(`p${r.process} ${r.phase}\n${areaLine.join("\n")}`);
  if (r.phase !== o.phase) continue;
  const ka = r.kinds.find((k) => k.kind === o.a)!;
  const kb = r.kinds.find((k) => k.kind === o.b)!;
  const sa = summarize(profile, ka.fromUs, ka.toUs);
  const sb = summarize(profile, kb.fromUs, kb.toUs);
  const keys = new Set([...sa.self.keys(), ...sb.self.keys()]);
  const diff = [...keys].map((k) => [k, (sa.self.get(k) ?? 0) / ka.queries - (sb.self.get(k) ?? 0) / kb.queries, (sa.self.get(k) ?? 0) / ka.queries] as const);
  diff.sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
  console.log(`  ${o.a} - ${o.b}, us per query (${o.a}'s own):`);
  for (const [k, d, own] of diff.slice(0, o.top)) if (!k.startsWith("(idle)")) console.log(`    ${d.toFixed(1).padStart(7)} (${own.toFixed(1)})  ${k}`);
}
