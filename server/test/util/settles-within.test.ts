/** settlesWithin (util/settles-within.ts): true once the promise settles in time, false after the bound. */
import { expect, it } from "vitest";
import { settlesWithin } from "../../src/util/settles-within.js";

const after = (ms: number, fail = false) => new Promise<void>((resolve, reject) => setTimeout(() => (fail ? reject(new Error("x")) : resolve()), ms));

it("true when the promise resolves or rejects within the bound, false once the bound passes", async () => {
  expect(await settlesWithin(after(10), 2000)).toBe(true);
  expect(await settlesWithin(after(10, true), 2000)).toBe(true);
  const slow = after(1000);
  expect(await settlesWithin(slow, 50)).toBe(false);
  await slow;
});

it("a bound past setTimeout's 31-bit limit (or Infinity) is no bound: it does not fire at once", async () => {
  expect(await settlesWithin(after(100), Infinity)).toBe(true);
  expect(await settlesWithin(after(100), 2 ** 32)).toBe(true);
});
