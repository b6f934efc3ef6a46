/**
 * Which tagged processes count as exited processes of this host (util/local-process.ts): only a
 * tag of this hostname and PID namespace whose pid no longer exists. A tag of a process in another
 * PID namespace of the same hostname (containers on the host's network sharing a data directory)
 * is never taken for dead: its pid means nothing here (its lease would be taken over at once and
 * its temporary vectors file removed mid-save).
 */
import { spawnSync } from "node:child_process";
import { readlinkSync } from "node:fs";
import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { deadLocalProcess, localHost, processTag } from "../../src/util/local-process.js";

/** A pid that existed and has exited (a child run to its end). */
function exitedPid(): number {
  const child = spawnSync(process.execPath, ["-e", "0"]);
  return child.pid!;
}

describe("deadLocalProcess", () => {
  it("an exited process of this host and PID namespace is dead; this process and a live one are not", () => {
    const pid = exitedPid();
    expect(deadLocalProcess(`${localHost()}:${pid}:abcd`)).toBe(true);
    expect(deadLocalProcess(processTag("abcd"))).toBe(false);
    expect(deadLocalProcess(`${localHost()}:${process.ppid}:abcd`)).toBe(false);
  });

  it("a tag of another host, or of another PID namespace of this hostname, is never dead", () => {
    const pid = exitedPid();
    expect(deadLocalProcess(`other-host:${pid}:abcd`)).toBe(false);
    expect(deadLocalProcess(`${hostname()}~pidns1:${pid}:abcd`)).toBe(false);
  });

  it.runIf(process.platform === "linux")("on Linux, this host's tag names its PID namespace", () => {
    const ns = /\[(\d+)\]/.exec(readlinkSync("/proc/self/ns/pid"))![1];
    expect(localHost()).toBe(`${hostname()}~pidns${ns}`);
    expect(processTag("abcd")).toBe(`${hostname()}~pidns${ns}:${process.pid}:abcd`);
    // What a process of another namespace with this hostname writes is not this host's.
    expect(deadLocalProcess(`${hostname()}:${exitedPid()}:abcd`)).toBe(false);
  });
});
