/**
 * Reads V8 CPU profiles (`node --cpu-prof`, the .cpuprofile format) and says
 * which functions the time went to: self time, summed over every place a
 * function appears in the call tree and over every profile given.
 */
import fs from "node:fs";
import path from "node:path";

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  /** Microseconds. */
  startTime: number;
  endTime: number;
  /** The node on top of the stack at each sample. */
  samples?: number[];
  /** Microseconds since the previous sample (the first: since startTime). */
  timeDeltas?: number[];
}

export interface FunctionSelfTime {
  name: string;
  /** file:line, relative to `root` when under it; empty for V8's own entries such as (garbage collector). */
  location: string;
  selfMs: number;
  /** Of the time the process was busy (not idle), 0 to 1. */
  share: number;
}

export interface CpuProfileSummary {
  profiles: number;
  /** Sampled time, idle included. */
  totalMs: number;
  idleMs: number;
  /** Busiest first; (idle) is left out, (program) and (garbage collector) are kept. */
  functions: FunctionSelfTime[];
}

function locationOf(url: string, lineNumber: number, root: string): string {
  if (!url) return "";
  let file = url.startsWith("file://") ? decodeURIComponent(new URL(url).pathname) : url;
  const inModules = file.lastIndexOf("/node_modules/");
  if (inModules >= 0) file = file.slice(inModules + 1);
  else if (root && file.startsWith(`${root}/`)) file = file.slice(root.length + 1);
  // V8 counts lines from 0; editors and stack traces from 1.
  return `${file}:${lineNumber + 1}`;
}

/** Self time per function across the profiles; `root` shortens file names under it. */
export function summariseCpuProfiles(profiles: readonly CpuProfile[], root = ""): CpuProfileSummary {
  const byFunction = new Map<string, { name: string; location: string; micros: number }>();
  let totalMicros = 0;
  let idleMicros = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    // A sample lasts from its own time stamp to the next one's (the last one, to the profile's end).
    const stamps: number[] = [];
    let stamp = profile.startTime;
    for (let i = 0; i < samples.length; i++) {
      stamp += deltas[i] ?? 0;
      stamps.push(stamp);
    }
    for (let i = 0; i < samples.length; i++) {
      const start = stamps[i] ?? profile.endTime;
      const micros = Math.max(0, (stamps[i + 1] ?? profile.endTime) - start);
      const node = nodes.get(samples[i] ?? -1);
      if (!node) continue;
      totalMicros += micros;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === "(idle)") {
        idleMicros += micros;
        continue;
      }
      const name = functionName || "(anonymous)";
      const location = locationOf(url, lineNumber, root);
      const key = `${name}\n${location}`;
      const entry = byFunction.get(key) ?? { name, location, micros: 0 };
      entry.micros += micros;
      byFunction.set(key, entry);
    }
  }
  const busyMicros = totalMicros - idleMicros;
  const functions = [...byFunction.values()]
    .map(({ name, location, micros }) => ({
      name,
      location,
      selfMs: micros / 1000,
      share: busyMicros > 0 ? micros / busyMicros : 0,
    }))
    .sort((a, b) => b.selfMs - a.selfMs || a.name.localeCompare(b.name));
  return { profiles: profiles.length, totalMs: totalMicros / 1000, idleMs: idleMicros / 1000, functions };
}

/** The summary as a small table of the `top` busiest functions. */
export function formatCpuProfileSummary(summary: CpuProfileSummary, top = 15): string {
  const busyMs = summary.totalMs - summary.idleMs;
  const lines = [
    `CPU profile: ${summary.profiles} file(s), ${(summary.totalMs / 1000).toFixed(1)} s sampled, ${(busyMs / 1000).toFixed(1)} s busy. Top ${top} functions by self time:`,
    `  ${"self ms".padStart(9)}  ${"busy".padStart(6)}  function`,
  ];
  for (const entry of summary.functions.slice(0, top)) {
    const where = entry.location ? `  ${entry.location}` : "";
    lines.push(
      `  ${entry.selfMs.toFixed(0).padStart(9)}  ${`${(entry.share * 100).toFixed(1)}%`.padStart(6)}  ${entry.name}${where}`,
    );
  }
  return lines.join("\n");
}

/** The .cpuprofile files in a folder written since `since` (ms since the epoch), so earlier runs' are left out. */
export function cpuProfilesWrittenSince(dir: string, since: number): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).mtimeMs >= since)
    .sort();
}

/**
 * Node names a profile CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile;
 * thread 0 is a process's main thread, where requests are served (others run
 * module loaders and the like).
 */
export function isMainThreadProfile(file: string): boolean {
  return /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(path.basename(file));
}

export function readCpuProfile(file: string): CpuProfile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
}
