/**
 * The matrix's per-phase load (bench/window-load.ts): the server's CPU must be charged to the
 * server, a stranger's to "others", never the other way round, or a slow phase gets blamed on
 * the wrong one (issue 18's second case).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseStat } from "../../bench/proc-stat.js";
import { loadMark, windowLoad, type LoadMark } from "../../bench/window-load.js";

const spinner = (): ChildProcess => spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** utime + stime of a process in clock ticks (/proc/<pid>/stat fields 14 and 15). */
async function ticks(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(f[11]) + Number(f[12]);
}

describe("windowLoad", () => {
  it("splits the machine's CPU into server, client and others", () => {
    const a: LoadMark = { at: 0, machineMs: 10_000, serverNs: 1e9, clientUs: 5_000_000 };
    // 2 s of wall: the server 1.2 s of CPU, the client 0.4 s, the machine 2.0 s in all.
    const b: LoadMark = { at: 2000, machineMs: 12_000, serverNs: 2.2e9, clientUs: 5_400_000 };
    const l = windowLoad(a, b, 400);
    expect(l.seconds).toBeCloseTo(2);
    expect(l.serverMsPerQuery).toBeCloseTo(3);
    expect(l.serverCores).toBeCloseTo(0.6);
    expect(l.clientCores).toBeCloseTo(0.2);
    expect(l.otherCores).toBeCloseTo(0.2);
  });

  it("says unknown, not zero, without the server's pid or the machine's counters", () => {
    const a: LoadMark = { at: 0, machineMs: null, serverNs: null, clientUs: 0 };
    const b: LoadMark = { at: 1000, machineMs: null, serverNs: null, clientUs: 1000 };
    const l = windowLoad(a, b, 10);
    expect(l.serverMsPerQuery).toBeNull();
    expect(l.otherCores).toBeNull();
    expect(l.clientCores).toBeCloseTo(0.001);
  });

  it.runIf(process.platform === "linux")("charges a busy server to the server and a busy stranger to others", async () => {
    const server = spinner();
    const stranger = spinner();
    try {
      await sleep(200);
      const [s0, t0] = [await ticks(server.pid!), await ticks(stranger.pid!)];
      const a = await loadMark(server.pid!);
      await sleep(1500);
      const b = await loadMark(server.pid!);
      const [s1, t1] = [await ticks(server.pid!), await ticks(stranger.pid!)];
      const l = windowLoad(a, b, 100);
      const wallMs = l.seconds * 1000;
      // What each spinner got depends on the machine's other work (the test may run beside
      // anything): compare with the kernel's own per-process count, in 10 ms ticks.
      const serverCores = ((s1 - s0) * 10) / wallMs;
      const strangerCores = ((t1 - t0) * 10) / wallMs;
      expect(serverCores).toBeGreaterThan(0.02);
      expect(strangerCores).toBeGreaterThan(0.02);
      expect(Math.abs(l.serverCores! - serverCores)).toBeLessThan(0.05);
      expect(l.serverMsPerQuery!).toBeCloseTo((l.serverCores! * wallMs) / 100, 5);
      // The stranger lands in "others" (with whatever else runs), not in the server's figure,
      // and is named there by its pid.
      expect(l.otherCores!).toBeGreaterThan(strangerCores - 0.05);
      expect(l.clientCores).toBeLessThan(0.2);
      const named = l.others!.find((o) => o.pid === stranger.pid);
      expect(named?.cores ?? 0).toBeGreaterThan(strangerCores - 0.05);
      expect(l.others!.some((o) => o.pid === server.pid)).toBe(false);
      // The spinning main thread is the server's busiest thread, all user time.
      expect(l.server!.threads[0].rank).toBe(0);
      expect(l.server!.threads[0].ms).toBeGreaterThan(l.serverCores! * wallMs * 0.8);
      expect(l.server!.userMs).toBeGreaterThan(l.server!.systemMs);
    } finally {
      server.kill("SIGKILL");
      stranger.kill("SIGKILL");
    }
  });

  it.runIf(process.platform === "linux")("charges a server thread that ends inside the window to the server", async () => {
    // The main thread idles; a worker thread spins ~500 ms and exits before the end mark. Summed
    // over the threads listed at the end, its CPU vanished from the server into "others".
    const src = `const { Worker } = require("node:worker_threads");
      process.stdin.once("data", () => {
        const w = new Worker("const t = Date.now(); while (Date.now() - t < 500) {}", { eval: true });
        w.once("exit", () => process.stdout.write("exited\\n"));
      });
      process.stdout.write("ready\\n");`;
    const server = spawn(process.execPath, ["-e", src], { stdio: ["pipe", "pipe", "ignore"] });
    const said = (word: string) =>
      new Promise<void>((resolve) => {
        const on = (chunk: Buffer) => {
          if (chunk.toString().includes(word)) {
            server.stdout!.off("data", on);
            resolve();
          }
        };
        server.stdout!.on("data", on);
      });
    try {
      await said("ready");
      const s0 = await ticks(server.pid!);
      const a = await loadMark(server.pid!);
      const exited = said("exited");
      server.stdin!.write("go\n");
      await exited;
      await sleep(100);
      const b = await loadMark(server.pid!, "end");
      const s1 = await ticks(server.pid!);
      const l = windowLoad(a, b, 10);
      const kernelMs = (s1 - s0) * 10;
      expect(kernelMs).toBeGreaterThan(100);
      expect(Math.abs(l.serverCores! * l.seconds * 1000 - kernelMs)).toBeLessThan(30);
      const gone = l.server!.threads.find((t) => t.tid === null);
      expect(gone?.name).toBe("(exited)");
      expect(gone!.ms).toBeGreaterThan(100);
    } finally {
      server.kill("SIGKILL");
    }
  });
});

describe("parseStat", () => {
  it("reads a stat line whose command holds spaces and parentheses", () => {
    const line = "4242 (node (vitest 1)) S 4200 4200 4100 0 -1 4194560 1234 0 5 0 250 40 0 0 20 0 12 0 100 0 0";
    expect(parseStat(line)).toEqual({ pid: 4242, comm: "node (vitest 1)", state: "S", ppid: 4200, minflt: 1234, majflt: 5, utime: 250, stime: 40 });
    expect(parseStat("garbage")).toBeNull();
  });
});
