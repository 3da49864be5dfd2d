/**
 * Search for a running Hub: connects to MEILI_URL, or to the Meilisearch
 * another Hub on this data folder runs, or starts one; then runs the search
 * relay (which only one process per data folder runs at a time). Without any
 * Meilisearch the Hub still starts, says how to get one, and changes wait in
 * the event log until search is back.
 */
import fs from "node:fs";
import path from "node:path";
import {
  getEnv,
  getMeilisearchBinarySetting,
  getMeilisearchIndexingMemory,
  getSearchConnection,
  setSearchConnection,
} from "../app/platform/env.server";
import { startSearchRelay } from "../app/search/relay-runner.server";
import {
  findMeilisearchBinary,
  HOW_TO_GET_MEILISEARCH,
  type ManagedMeilisearch,
  readOrCreateMasterKey,
  startMeilisearch,
} from "./meilisearch-process";

export interface SearchRuntime {
  /** external: MEILI_URL; shared: another Hub's on this data folder; managed: started here; off: none. */
  mode: "external" | "shared" | "managed" | "off";
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

interface RuntimeRecord {
  url: string;
  hubPid: number;
  meiliPid: number;
}

function readRuntime(dataDir: string): RuntimeRecord | null {
  try {
    return JSON.parse(fs.readFileSync(runtimeFile(dataDir), "utf8")) as RuntimeRecord;
  } catch {
    return null;
  }
}

/**
 * Uses the Meilisearch that another running Hub (or a script) started on this
 * data folder, if it answers. True when connected.
 */
export async function connectToRunningHubSearch(dataDir: string): Promise<boolean> {
  const runtime = readRuntime(dataDir);
  if (!runtime || !isAlive(runtime.hubPid)) return false;
  const healthy = await fetch(`${runtime.url}/health`).then(
    (response) => response.ok,
    () => false,
  );
  if (healthy) setSearchConnection({ url: runtime.url, apiKey: readOrCreateMasterKey(dataDir) });
  return healthy;
}

/** A Meilisearch left running by a Hub that was killed would hold its data's lock: stop it. */
function stopOrphan(dataDir: string, log: (line: string) => void): void {
  const runtime = readRuntime(dataDir);
  if (runtime && !isAlive(runtime.hubPid) && isAlive(runtime.meiliPid) && isMeilisearch(runtime.meiliPid)) {
    log(`Stopping a Meilisearch left running by an earlier Hub (pid ${runtime.meiliPid}).`);
    process.kill(runtime.meiliPid, "SIGKILL");
  }
  if (!runtime || !isAlive(runtime.hubPid)) fs.rmSync(runtimeFile(dataDir), { force: true });
}

/** Starts Meilisearch if the Hub manages it; connects otherwise. */
export async function connectSearch(log: (line: string) => void = console.log): Promise<{
  mode: SearchRuntime["mode"];
  managed?: ManagedMeilisearch;
}> {
  if (getSearchConnection()) return { mode: "external" };
  const { dataDir } = getEnv();
  if (await connectToRunningHubSearch(dataDir)) return { mode: "shared" };
  const explicit = getMeilisearchBinarySetting();
  const binary = findMeilisearchBinary(explicit, log);
  if (!binary) {
    if (explicit) log(`MEILI_BIN is set to ${explicit}, which is not an executable file.`);
    log(HOW_TO_GET_MEILISEARCH);
    return { mode: "off" };
  }
  stopOrphan(dataDir, log);
  try {
    const indexingMemory = getMeilisearchIndexingMemory();
    const managed = await startMeilisearch({
      binary: binary.path,
      dir: path.join(dataDir, "meili"),
      masterKey: readOrCreateMasterKey(dataDir),
      settings: indexingMemory ? { MEILI_MAX_INDEXING_MEMORY: indexingMemory } : {},
      log,
    });
    setSearchConnection({ url: managed.url, apiKey: managed.apiKey });
    return { mode: "managed", managed };
  } catch (error) {
    // The Hub runs without search rather than not at all; changes wait in the event log.
    log(`Meilisearch (${binary.path}) could not be started: ${error instanceof Error ? error.message : error}`);
    log(HOW_TO_GET_MEILISEARCH);
    return { mode: "off" };
  }
}

/** Search for the Hub's lifetime: the engine (if managed) and the search relay. */
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
  if (managed) {
    // From the moment the Hub is told to stop, an exit of its Meilisearch is part of stopping:
    // the steps before search.stop() (open requests finishing) may take seconds.
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => managed.expectStop());
  }
  const relay = startSearchRelay({ log, checkEveryMs: getEnv().SEARCH_CHECK_MINUTES * 60_000 });
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
