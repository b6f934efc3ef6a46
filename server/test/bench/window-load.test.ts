/**
 * The matrix's per-phase load (bench/window-load.ts): the server's CPU must be charged to the
 * server, a stranger's to "others", never the other way round, or a slow phase gets blamed on
 * the wrong one (issue 18's second case).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
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
      // The stranger lands in "others" (with whatever else runs), not in the server's figure.
      expect(l.otherCores!).toBeGreaterThan(strangerCores - 0.05);
      expect(l.clientCores).toBeLessThan(0.2);
    } finally {
      server.kill("SIGKILL");
      stranger.kill("SIGKILL");
    }
  });
});
