/**
 * The read-consistency interval (lance/freshness.ts): a read waits for a check that started at
 * most interval/2 before it (so the check's own time fits in the bound), concurrent reads share a
 * check, 0 checks on every read, a failed check fails its readers and is retried by the next.
 */
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { Freshness } from "../../src/storage/lance/freshness.js";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["performance", "setTimeout", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

function counted(fail = () => false) {
  const calls = { n: 0 };
  const check = async () => {
    calls.n++;
    if (fail()) throw new Error("store unreachable");
  };
  return { calls, check };
}

it("checks again only once half the interval has passed since the last check started", async () => {
  const { calls, check } = counted();
  const f = new Freshness(1000, check);
  await f.ensure();
  expect(calls.n).toBe(1);
  vi.advanceTimersByTime(499);
  await f.ensure();
  expect(calls.n).toBe(1);
  vi.advanceTimersByTime(2);
  await f.ensure();
  expect(calls.n).toBe(2);
});

it("concurrent reads share one check; 0 checks on every read; Infinity never", async () => {
  const { calls, check } = counted();
  const f = new Freshness(1000, check);
  await Promise.all([f.ensure(), f.ensure(), f.ensure()]);
  expect(calls.n).toBe(1);
  const every = counted();
  const zero = new Freshness(0, every.check);
  await zero.ensure();
  await zero.ensure();
  expect(every.calls.n).toBe(2);
  const never = counted();
  await new Freshness(Infinity, never.check).ensure();
  expect(never.calls.n).toBe(0);
});

it("a failed check fails the reads that waited for it, and the next read checks again", async () => {
  let broken = true;
  const { calls, check } = counted(() => broken);
  const f = new Freshness(1000, check);
  await expect(f.ensure()).rejects.toThrow("store unreachable");
  broken = false;
  await f.ensure();
  expect(calls.n).toBe(2);
});
