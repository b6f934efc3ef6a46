/** setTimeout's longest delay (a 31-bit int of ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Whether `p` settles (resolves or rejects) within `ms` milliseconds. Its timer is ref'd on
 * purpose: the caller awaits the answer, so the wait keeps the process alive (a shutdown that
 * bounds a wait must not end mid-close instead). The timer is cleared as soon as `p` settles.
 */
export async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  // setTimeout fires at once past a 31-bit delay: a longer bound (or Infinity) is no bound.
  if (!(ms <= MAX_TIMER_MS)) {
    await p.then(
      () => undefined,
      () => undefined,
    );
    return true;
  }
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([p.then(() => true, () => true), bound]);
  } finally {
    clearTimeout(timer);
  }
}
