/**
 * Runs the search relay for the life of a Hub process: polls the event log,
 * backs off while Meilisearch is unreachable, and holds a lease so that only
 * one process relays against a data folder. Others stand by and take over
 * when the holder stops or dies (its lease runs out).
 */
import { acquireLease, newHolderId, releaseLease } from "../platform/lease.server";
import { getSetting, setSetting } from "../platform/settings.server";
import { dropIndex, ensureIndex, LEGACY_INDEXES, SEARCH_INDEX, SEARCH_INDEX_VERSION } from "./index-settings.server";
import { type ReindexOptions, type ReindexReport, reindexAll } from "./reindex.server";
import { relayAll } from "./search-relay.server";

export const RELAY_LEASE = "search-relay";
const VERSION_SETTING = "search_index_version";

/**
 * Makes sure the index exists with its settings, and rebuilds it when it was
 * just created or was built for another version of the documents.
 */
export async function prepareSearchIndex(log: (line: string) => void = console.log): Promise<void> {
  const created = await ensureIndex(SEARCH_INDEX);
  if (!created && getSetting(VERSION_SETTING) === String(SEARCH_INDEX_VERSION)) return;
  log(created ? "Search index: building it from the database..." : "Search index: rebuilding it for this version...");
  const report = await rebuildSearchIndex();
  log(`Search index: ${report.documents} documents indexed in ${report.seconds.toFixed(1)} s.`);
}

/** A full rebuild (see reindex.server.ts), after which the index is recorded as current and old indexes go. */
export async function rebuildSearchIndex(options: ReindexOptions = {}): Promise<ReindexReport> {
  const report = await reindexAll(options);
  markIndexCurrent();
  for (const legacy of LEGACY_INDEXES) await dropIndex(legacy);
  return report;
}

/** Records that the live index holds documents of the current version (a full rebuild just made it so). */
export function markIndexCurrent(): void {
  setSetting(VERSION_SETTING, String(SEARCH_INDEX_VERSION));
}

export interface RelayRunnerOptions {
  pollMs?: number;
  maxBackoffMs?: number;
  leaseTtlMs?: number;
  /** How often a standing-by process checks whether the lease is free. */
  standbyCheckMs?: number;
  holder?: string;
  log?: (line: string) => void;
}

export type RelayRole = "starting" | "active" | "standby" | "stopped";

export function startSearchRelay({
  pollMs = 200,
  maxBackoffMs = 30_000,
  leaseTtlMs = 30_000,
  standbyCheckMs = 5_000,
  holder = newHolderId(),
  log = console.log,
}: RelayRunnerOptions = {}) {
  let role: RelayRole = "starting";
  let stopped = false;
  let prepared = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let failures = 0;
  let renewedAt = 0;

  /** Takes or renews the lease; renewing only once a third of it has run keeps writes rare. */
  const holdLease = (): boolean => {
    const now = Date.now();
    if (role === "active" && now - renewedAt < leaseTtlMs / 3) return true;
    if (!acquireLease(RELAY_LEASE, holder, leaseTtlMs)) {
      if (role !== "standby") log("Search relay: another Hub process holds the relay lease; standing by.");
      role = "standby";
      prepared = false;
      return false;
    }
    if (role === "standby") log("Search relay: took over the relay lease.");
    role = "active";
    renewedAt = now;
    return true;
  };

  /** One round of work; resolves with the delay before the next (it never rejects). */
  const tick = async (): Promise<number> => {
    try {
      if (!holdLease()) return standbyCheckMs;
      if (!prepared) {
        await prepareSearchIndex(log);
        prepared = true;
      }
      const result = await relayAll({}, () => stopped || !holdLease());
      if (failures > 0) log(`Search index caught up after ${failures} failed attempt(s).`);
      failures = 0;
      if (result.failed > 0) log(`Search index: ${result.failed} record(s) could not be indexed; see /admin/search.`);
      return pollMs;
    } catch (error) {
      failures++;
      prepared = false;
      if (failures === 1 || failures % 10 === 0) {
        log(`Search index update failed (attempt ${failures}): ${error instanceof Error ? error.message : error}`);
      }
      return Math.min(maxBackoffMs, 500 * 2 ** (failures - 1));
    }
  };

  // A long piece of work (rebuilding a large index) must not let the lease run out under it.
  const heartbeat = setInterval(() => {
    if (role !== "active" || stopped) return;
    try {
      holdLease();
    } catch {
      // The next tick retries, and reports what is wrong.
    }
  }, leaseTtlMs / 3);
  heartbeat.unref();

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().then(schedule);
    }, delay);
    timer.unref();
  };
  schedule(0);

  return {
    holder,
    get role(): RelayRole {
      return role;
    },
    async stop() {
      stopped = true;
      clearInterval(heartbeat);
      if (timer) clearTimeout(timer);
      await running;
      releaseLease(RELAY_LEASE, holder);
      role = "stopped";
    },
  };
}
