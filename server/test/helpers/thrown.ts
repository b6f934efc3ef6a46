/**
 * What `fn` throws, for tests that assert on an error's fields (message, status, v1Message, ...);
 * throws "expected an error" when `fn` returns.
 */
export function thrown<E = Error>(fn: () => unknown): E {
  try {
    fn();
  } catch (err) {
    return err as E;
  }
  throw new Error("expected an error");
}
