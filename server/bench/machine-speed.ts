/**
 * A fixed-work probe of the machine's speed (issue 18, notes spread--18--process-spread.md r5):
 * this VM (a PVM guest on a shared host) runs the same code 1.6-1.8x slower for a few seconds at
 * a time, for every process alike, with no steal or run-queue wait to show for it. The probe is
 * the one branch spread used (bench/main-thread.ts --probe at 7e3e75e): in a FRESH child process
 * (so it shares no heap, JIT state or caches' warmth with the bench client), random reads over a
 * 64 MiB Float64Array ("memory"), then a dependent floating-point loop ("compute"); each half's
 * CPU ms (process.cpuUsage: user + system, so time spent runnable but not running is not in it).
 * On a normal stretch compute took 58-66 ms, memory 68-74; right after a slow phase 96-116 and
 * 122-127.
 */
import { spawn } from "node:child_process";

/** One probe: CPU ms of each half, and when it ran. */
export interface Probe {
  /** CPU ms of 2e6 random reads over 64 MiB. */
  memoryMs: number;
  /** CPU ms of 1e7 dependent multiply-adds: the figure the gate compares. */
  computeMs: number;
  /** ISO time the probe finished. */
  at: string;
}

const CODE =
  "const a=new Float64Array(8<<20);for(let i=0;i<a.length;i+=512)a[i]=i;" +
  "let u0=process.cpuUsage();let s=0,x=12345;for(let i=0;i<2e6;i++){x=(x*1103515245+12345)>>>0;s+=a[x&((8<<20)-1)]}" +
  "const m=process.cpuUsage(u0);u0=process.cpuUsage();let y=1.0001;for(let i=0;i<1e7;i++)y=y*1.0000001+1e-9;" +
  "const c=process.cpuUsage(u0);console.log(((m.user+m.system)/1000).toFixed(2)+' '+((c.user+c.system)/1000).toFixed(2)+' '+(s>0&&y>0?'':'x'))";

/**
 * Runs one probe in a fresh node process (~250 ms of wall: start-up, 64 MiB, the two halves).
 * Rejects if the child fails or prints something else (never a silent 0).
 */
export function probeMachine(): Promise<Probe> {
  return new Promise<Probe>((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", CODE], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      const [mem, cpu] = out.trim().split(" ").map(Number);
      if (code !== 0 || !(mem > 0) || !(cpu > 0)) reject(new Error(`machine probe failed (exit ${code}, output ${JSON.stringify(out)})`));
      else resolve({ memoryMs: mem, computeMs: cpu, at: new Date().toISOString() });
    });
  });
}

/** "compute 61.2 ms (memory 70.1)" for the log. */
export function formatProbe(p: Probe): string {
  return `compute ${p.computeMs.toFixed(1)} ms (memory ${p.memoryMs.toFixed(1)})`;
}
