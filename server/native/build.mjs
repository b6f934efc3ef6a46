// Builds the HNSW addon (binding.gyp) at install time, then records the CPU features of this
// machine next to it: the "native" build may use any of them, so the loader only picks it on a
// CPU that has them all (an image built here and run elsewhere falls back to "portable").
//
// If the compiler rejects the tuned flags, both targets are built portable.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import os from "node:os";

const here = dirname(fileURLToPath(import.meta.url));

function nodeGyp() {
  // npm runs install scripts with the path of its bundled node-gyp in this variable.
  const bundled = process.env.npm_config_node_gyp;
  if (bundled && existsSync(bundled)) return [process.execPath, bundled];
  const besideNode = join(dirname(process.execPath), "..", "lib", "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js");
  if (existsSync(besideNode)) return [process.execPath, besideNode];
  return [process.platform === "win32" ? "npx.cmd" : "npx", "--yes", "node-gyp"];
}

/** The running node's own headers when it ships them (no download: installs may be offline). */
function nodeDir() {
  if (process.env.npm_config_nodedir) return [];
  const prefix = join(dirname(process.execPath), "..");
  return existsSync(join(prefix, "include", "node", "node_api.h")) ? [`--nodedir=${prefix}`] : [];
}

function gyp(extra) {
  const [cmd, ...pre] = nodeGyp();
  const r = spawnSync(cmd, [...pre, "rebuild", `--directory=${here}`, ...nodeDir(), ...extra], { cwd: here, stdio: "inherit", env: process.env });
  return r.status === 0;
}

function cpuFlags() {
  if (process.platform !== "linux") return null;
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => /^(flags|Features)\s*:/.test(l));
    return line ? line.split(":")[1].trim().split(/\s+/).sort() : null;
  } catch {
    return null;
  }
}

let tuned = process.env.CHROMASPEC_PORTABLE_BUILD !== "1" && gyp([]);
if (!tuned) {
  console.warn("chromaspec: building the HNSW addon without CPU tuning");
  if (!gyp(["--", "-Dnative_cflags="])) process.exit(1);
}
const info = { tuned, platform: process.platform, arch: os.arch(), cpuFlags: tuned ? cpuFlags() : null, builtAt: new Date().toISOString() };
writeFileSync(join(here, "build", "Release", "cpu.json"), JSON.stringify(info, null, 2) + "\n");
