/**
 * Whether `p` settles (resolves or rejects) within `ms` milliseconds. Its timer is ref'd on
 * purpose: the caller awaits the answer, so the wait keeps the process alive (a shutdown that
 * bounds a wait must not end mid-close instead). The timer is cleared as soon as `p` settles.
 */
export async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
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
