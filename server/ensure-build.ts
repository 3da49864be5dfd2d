import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Everything the server bundle is built from: the app imports db/ (schema and enums) too.
const SOURCES = ["app", "db", "vite.config.ts", "remix.config.js", "package-lock.json"];
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

/** Builds the app with Vite when needed; exits the process if the build fails. */
export function ensureBuild(log: (line: string) => void = console.log): void {
  if (!buildIsStale()) return;
  log("Building the Hub (this takes a minute the first time)...");
  // Always a production bundle, whatever NODE_ENV the Hub itself runs with (tests run it as "test").
  const result = spawnSync(path.resolve("node_modules/.bin/remix"), ["vite:build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) {
    console.error("The build failed; see the messages above.");
    process.exit(result.status ?? 1);
  }
}
