/** Telling whether another process of this host is gone (its leases, its temporary files). */
import { hostname } from "node:os";

/** How this process names itself in lease rows and temporary files: `host:pid:suffix`. */
export function processTag(suffix: string): string {
  return `${hostname()}:${process.pid}:${suffix}`;
}

/**
 * Whether a process tagged `host:pid:suffix` is a process of this host that has exited (a
 * replica restarted after kill -9 takes its keys over at once instead of after the ttl; its
 * half-written files can go).
 */
export function deadLocalProcess(holder: string): boolean {
  const [host, pidText] = holder.split(":");
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}
