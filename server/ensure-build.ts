import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "../app/platform/env.server";

// Everything the server bundle is built from: the app imports db/ (schema and enums) and the service pages' text too.
const SOURCES = ["app", "db", "content/pages", "vite.config.ts", "remix.config.js", "package-lock.json"];
const BUILD_MARKER = "build/server/index.js";

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** True when there is no production build or a source file changed after it was made. */
export function buildIsStale(): boolean {
  if (!fs.existsSync(BUILD_MARKER)) return true;
  const built = fs.statSync(BUILD_MARKER).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

export interface BuildOptions {
  /** Where the build's own output goes; by default build.log in the data folder. */
  logFile?: string;
  /** The build command; Remix's Vite build unless a test says otherwise. */
  command?: { file: string; args: string[] };
}

const REMIX_BUILD = { file: path.resolve("node_modules/.bin/remix"), args: ["vite:build"] };

/** An open file for the build's output, or null when the data folder cannot take one (then it is shown). */
function openBuildLog(file: string): number | null {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return fs.openSync(file, "w");
  } catch {
    return null;
  }
}

/** A build's outcome: on failure, its whole output when it went to the log file (else it was shown as it ran). */
export type BuildResult = { ok: true } | { ok: false; status: number; output: string | null; logFile: string | null };

/**
 * Runs the build. Vite's pages of per-file sizes go to a log file, so the
 * person starting the Hub reads one line before and one after; when the
 * data folder cannot take the file, the output is shown as it comes.
 */
export function runBuild(log: (line: string) => void, options: BuildOptions = {}): BuildResult {
  const logFile = options.logFile ?? path.join(getEnv().dataDir, "build.log");
  const command = options.command ?? REMIX_BUILD;
  const output = openBuildLog(logFile);
  log(
    output === null
      ? "Building the Hub (this takes a minute the first time)..."
      : `Building the Hub (this takes a minute the first time; its output goes to ${logFile})...`,
  );
  const startedAt = Date.now();
  // Always a production bundle, whatever NODE_ENV the Hub itself runs with (tests run it as "test").
  const result = spawnSync(command.file, command.args, {
    stdio: output === null ? "inherit" : ["ignore", output, output],
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (output !== null) fs.closeSync(output);
  if (result.status !== 0) {
    return {
      ok: false,
      status: result.status ?? 1,
      output: output === null ? null : fs.readFileSync(logFile, "utf8"),
      logFile: output === null ? null : logFile,
    };
  }
  log(`Built in ${Math.round((Date.now() - startedAt) / 1000)} s.`);
  return { ok: true };
}

/** Builds the app with Vite when needed; when the build fails, shows all it said and exits. */
export function ensureBuild(log: (line: string) => void = console.log, options: BuildOptions = {}): void {
  if (!buildIsStale()) return;
  const result = runBuild(log, options);
  if (result.ok) return;
  if (result.output !== null) process.stderr.write(result.output);
  console.error(`The build failed; see the messages above${result.logFile ? ` (also in ${result.logFile})` : ""}.`);
  process.exit(result.status);
}
