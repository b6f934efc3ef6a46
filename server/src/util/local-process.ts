/** Telling whether another process of this host is gone (its leases, its temporary files). */
import { readlinkSync } from "node:fs";
import { hostname } from "node:os";

let host: string | undefined;

/**
 * This host as process tags name it: the hostname and, where Linux shows it, the PID namespace.
 * Containers may share a hostname (the host's network: `--network host`) and a data directory
 * while each has its own pids: a pid read in a tag from another namespace names some other
 * process here, or none, so its process must not be taken for exited (its lease taken over at
 * once, its temporary file removed mid-save). A tag of another namespace reads as another host's.
 * `host~pidns<id>`: a tag is part of file names (no "/") and split on ":".
 */
export function localHost(): string {
  if (host === undefined) {
    let namespace = "";
    try {
      const id = /\[(\d+)\]/.exec(readlinkSync("/proc/self/ns/pid"))?.[1];
      if (id) namespace = `~pidns${id}`;
    } catch {
      // Not Linux, or no /proc: the hostname alone.
    }
    host = `${hostname()}${namespace}`;
  }
  return host;
}

/** How this process names itself in lease rows and temporary files: `host:pid:suffix` (host: localHost()). */
export function processTag(suffix: string): string {
  return `${localHost()}:${process.pid}:${suffix}`;
}

/**
 * Whether a process tagged `host:pid:suffix` is a process of this host (and PID namespace) that
 * has exited (a replica restarted after kill -9 takes its keys over at once instead of after the
 * ttl; its half-written files can go).
 */
export function deadLocalProcess(holder: string): boolean {
  const [tagHost, pidText] = holder.split(":");
  const pid = Number(pidText);
  if (tagHost !== localHost() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}
