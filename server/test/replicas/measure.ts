/**
 * Replica figures for docs/scaling.md (`make bench-replicas`, or
 * `npx tsx server/test/replicas/measure.ts --replicas 1,2,3 --seconds 20 --clients 6 --probes 60`):
 * for each replica count N, N chromaspec processes over one s3:// store (the S3 emulator behind
 * the conditional-PUT proxy, all on loopback) at the default read-consistency interval;
 * round-robin soak clients (every request to the next replica; each read checked against the
 * client's model, so it runs at interval 0 like the CI soak) give the throughput, then a
 * staleness probe (N >= 2) at the default 1 s gives p50/p99 until a write is read everywhere.
 * Timings depend on the machine and its load: run it on a quiet one.
 */
import { scriptArgs } from "../../bench/args.js";
import { formatReport, runSoak } from "../../scripts/soak/run.js";
import { measureStaleness } from "../../scripts/soak/staleness.js";
import { startS3 } from "../helpers/s3.js";
import { startServer, type RunningServer } from "../helpers/server.js";

const values = scriptArgs({ replicas: "1,2,3", seconds: 20, clients: 6, probes: 60, local: false });

const counts = values.replicas.split(",").map(Number);
const s3 = await startS3();
const rows: string[] = [];
try {
  for (const n of counts) {
    const start = async (uri: string, interval: string, first?: RunningServer) =>
      startServer({ dataDir: first?.dataDir ?? (uri || undefined), env: values.local ? {} : s3.env, args: ["--read-consistency-interval", interval], readyTimeoutMs: 120_000 });
    const uri = values.local ? undefined : `s3://${s3.bucket}/measure-${n}-${Date.now()}`;
    // Throughput: exact reads across replicas need interval 0.
    const first = await start(uri ?? "", "0");
    const servers = [first, ...(await Promise.all(Array.from({ length: n - 1 }, () => start(uri ?? "", "0", first))))];
    const report = await runSoak({
      target: { url: first.url, urls: servers.map((s) => s.url), tenant: "default_tenant", database: "default_database" },
      clients: values.clients,
      durationMs: values.seconds * 1000,
    });
    await Promise.all(servers.map((s) => s.dispose()));
    const seconds = report.durationMs / 1000;
    const reads = (report.ops.get ?? 0) + (report.ops.query ?? 0);
    console.log(formatReport(report));
    let staleness = "-";
    if (n >= 2) {
      const f = await start(values.local ? "" : `s3://${s3.bucket}/staleness-${n}-${Date.now()}`, "1");
      const rest = await Promise.all(Array.from({ length: n - 1 }, () => start("", "1", f)));
      const st = await measureStaleness({ urls: [f, ...rest].map((s) => s.url), probes: values.probes });
      staleness = `p50 ${st.p50.toFixed(0)} ms, p99 ${st.p99.toFixed(0)} ms, max ${st.max.toFixed(0)} ms${st.errors.length ? ` (${st.errors.length} errors)` : ""}`;
      await Promise.all([f, ...rest].map((s) => s.dispose()));
    }
    rows.push(
      `| ${n} | ${(report.ackedWrites / seconds).toFixed(1)} | ${(reads / seconds).toFixed(1)} | ${report.errors.length} | ${staleness} |`,
    );
  }
} finally {
  await s3.close();
}
console.log(`\n| replicas | acked writes/s | reads/s | errors | staleness at 1 s interval |\n|---|---|---|---|---|\n${rows.join("\n")}`);
