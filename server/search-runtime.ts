/**
 * Search for a running Hub: connects to MEILI_URL, or starts a managed
 * Meilisearch, then runs the outbox relay. Without any Meilisearch the Hub
 * still starts, says how to get one, and leaves changes queued in the outbox.
 */
import fs from "node:fs";
import path from "node:path";
import {
  getEnv,
  getMeilisearchBinarySetting,
  getSearchConnection,
  setSearchConnection,
} from "../app/platform/env.server";
import { ensurePostsIndex } from "../app/search/indexes.server";
import { startOutboxRelay } from "../app/search/outbox.server";
import {
  findMeilisearchBinary,
  HOW_TO_GET_MEILISEARCH,
  type ManagedMeilisearch,
  readOrCreateMasterKey,
  startMeilisearch,
} from "./meilisearch-process";

export interface SearchRuntime {
  mode: "external" | "managed" | "off";
  url: string | null;
  stop(): Promise<void>;
}

/** Where a Hub publishes its managed Meilisearch, so scripts like search:reindex can find it. */
export function runtimeFile(dataDir: string): string {
  return path.join(dataDir, "meili", "runtime.json");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** After a reboot the pid may belong to something else: only a Meilisearch is ever stopped. */
function isMeilisearch(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("meilisearch");
  } catch {
    return false;
  }
}

/** A Meilisearch left running by a Hub that was killed would hold the database lock: stop it. */
function stopOrphan(dataDir: string, log: (line: string) => void): void {
  const file = runtimeFile(dataDir);
  if (!fs.existsSync(file)) return;
  try {
    const { hubPid, meiliPid } = JSON.parse(fs.readFileSync(file, "utf8")) as { hubPid: number; meiliPid: number };
    if (!isAlive(hubPid) && isAlive(meiliPid) && isMeilisearch(meiliPid)) {
      log(`Stopping a Meilisearch left running by an earlier Hub (pid ${meiliPid}).`);
      process.kill(meiliPid, "SIGKILL");
    }
  } catch {
    // unreadable: ignore
  }
  fs.rmSync(file, { force: true });
}

/** Starts Meilisearch if the Hub manages it; connects otherwise. */
export async function connectSearch(log: (line: string) => void = console.log): Promise<{
  mode: SearchRuntime["mode"];
  managed?: ManagedMeilisearch;
}> {
  if (getSearchConnection()) return { mode: "external" };
  const explicit = getMeilisearchBinarySetting();
  const binary = findMeilisearchBinary(explicit);
  if (!binary) {
    if (explicit) log(`MEILI_BIN is set to ${explicit}, which is not an executable file.`);
    log(HOW_TO_GET_MEILISEARCH);
    return { mode: "off" };
  }
  const { dataDir } = getEnv();
  stopOrphan(dataDir, log);
  try {
    const managed = await startMeilisearch({
      binary: binary.path,
      dir: path.join(dataDir, "meili"),
      masterKey: readOrCreateMasterKey(dataDir),
      log,
    });
    setSearchConnection({ url: managed.url, apiKey: managed.apiKey });
    return { mode: "managed", managed };
  } catch (error) {
    // The Hub runs without search rather than not at all; changes wait in the outbox.
    log(`Meilisearch (${binary.path}) could not be started: ${error instanceof Error ? error.message : error}`);
    log(HOW_TO_GET_MEILISEARCH);
    return { mode: "off" };
  }
}

/** Search for the Hub's lifetime: the engine (if managed) and the outbox relay. */
export async function startSearchRuntime(log: (line: string) => void = console.log): Promise<SearchRuntime> {
  const { mode, managed } = await connectSearch(log);
  if (mode === "off") return { mode, url: null, stop: async () => {} };
  const { dataDir } = getEnv();
  if (managed) {
    fs.writeFileSync(
      runtimeFile(dataDir),
      JSON.stringify({ url: managed.url, hubPid: process.pid, meiliPid: managed.pid }),
    );
  }
  const relay = startOutboxRelay({ log, prepare: () => ensurePostsIndex() });
  return {
    mode,
    url: getSearchConnection()?.url ?? null,
    async stop() {
      await relay.stop();
      await managed?.stop();
      if (managed) fs.rmSync(runtimeFile(dataDir), { force: true });
    },
  };
}
