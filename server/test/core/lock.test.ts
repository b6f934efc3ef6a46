import { describe, expect, it } from "vitest";
import { KeyedMutex } from "../../src/core/lock.js";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("KeyedMutex", () => {
  it("runs tasks of one key one at a time, in order, and other keys alongside", async () => {
    const lock = new KeyedMutex();
    const log: string[] = [];
    const task = (key: string, name: string) =>
      lock.run(key, async () => {
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
      });
    await Promise.all([task("a", "a1"), task("a", "a2"), task("b", "b1")]);
    expect(log.indexOf("end a1")).toBeLessThan(log.indexOf("start a2"));
    expect(log.indexOf("start b1")).toBeLessThan(log.indexOf("end a1"));
  });

  it("keeps going after a failed task, whose caller sees the error", async () => {
    const lock = new KeyedMutex();
    await expect(lock.run("a", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await lock.run("a", async () => 42)).toBe(42);
  });

  it("drain waits for every task queued so far", async () => {
    const lock = new KeyedMutex();
    let done = 0;
    for (const key of ["a", "a", "b"]) void lock.run(key, async () => { await tick(); done++; });
    await lock.drain();
    expect(done).toBe(3);
  });
});
