/**
 * Runs the search relay for the life of a Hub process: polls the event log,
 * backs off while Meilisearch is unreachable, and holds a lease so that only
 * one process per data folder relays, and rebuilds the index, at a time.
 * Others stand by and take over when the holder stops or dies (its lease runs
 * out). The holder checks the index against the database when it takes the
 * lease and every `checkEveryMs` after (index-check.server.ts), repairing
 * what drifted. Rebuilds asked for from elsewhere (`npm run search:reindex` while a
 * Hub runs) are done here, between batches, so they never overlap relaying.
 */
import { withBusyTimeout } from "../platform/db.server";
import { StorageUnavailableError } from "../platform/errors";
import { acquireLease, leaseHolder, newHolderId, releaseLease } from "../platform/lease.server";
import { getSetting, setSetting } from "../platform/settings.server";
import { checkSearchIndex } from "./index-check.server";
import { rebuildSearchIndex } from "./index-rebuild.server";
import type { ReindexOptions, ReindexReport } from "./reindex.server";
import { LeaseLostError, RELAY_LEASE, relayAll } from "./search-relay.server";

export { markIndexCurrent, REBUILD_LEASE_MS, rebuildSearchIndex } from "./index-rebuild.server";
export { RELAY_LEASE };

const REBUILD_REQUESTED = "search_rebuild_requested";
const REBUILD_DONE = "search_rebuild_done";
/** How often the relay compares the index with the database, unless told otherwise (SEARCH_CHECK_MINUTES). */
export const DEFAULT_CHECK_EVERY_MS = 10 * 60_000;
/** How long renewing the lease waits for another process's write lock before trying again next round. */
const BACKGROUND_BUSY_TIMEOUT_MS = 100;

/** What the last rebuild asked of a running relay came to. */
export interface RebuildOutcome {
  requestedAt: number;
  report?: ReindexReport;
  error?: string;
}

/** Asks the Hub that relays to rebuild the index; returns the request's time, to match its outcome. */
export function requestRebuild(now = Date.now()): number {
  setSetting(REBUILD_REQUESTED, String(now));
  return now;
}

/** The outcome of the rebuild asked for at `requestedAt`, once there is one. */
export function rebuildOutcome(requestedAt: number): RebuildOutcome | null {
  const done = getSetting(REBUILD_DONE);
  if (!done) return null;
  const outcome = JSON.parse(done) as RebuildOutcome;
  return outcome.requestedAt >= requestedAt ? outcome : null;
}

/** Is some process relaying (and so able to take a rebuild request)? */
export function relayIsRunning(): boolean {
  return leaseHolder(RELAY_LEASE) !== null;
}

export interface RelayRunnerOptions {
  pollMs?: number;
  maxBackoffMs?: number;
  leaseTtlMs?: number;
  /** How often a standing-by process checks whether the lease is free. */
  standbyCheckMs?: number;
  holder?: string;
  log?: (line: string) => void;
  /** Passed to every rebuild this relay does (tests use `onSnapshotTaken`). */
  rebuild?: ReindexOptions;
  /** How often the index is compared with the database, after the check at start. */
  checkEveryMs?: number;
}

export type RelayRole = "starting" | "active" | "standby" | "stopped";

export function startSearchRelay({
  pollMs = 100,
  maxBackoffMs = 30_000,
  leaseTtlMs = 30_000,
  standbyCheckMs = 5_000,
  holder = newHolderId(),
  log = console.log,
  rebuild = {},
  checkEveryMs = DEFAULT_CHECK_EVERY_MS,
}: RelayRunnerOptions = {}) {
  let role: RelayRole = "starting";
  let stopped = false;
  let prepared = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let failures = 0;
  let renewedAt = 0;
  let checkedAt = 0;

  /** Takes or renews the lease; renewing only once a third of it has run keeps writes rare. */
  const holdLease = (): boolean => {
    const now = Date.now();
    if (role === "active" && now - renewedAt < leaseTtlMs / 3) return true;
    // Renewing can wait for the next round: it never holds up the process's requests for long.
    let acquired: boolean;
    try {
      acquired = withBusyTimeout(BACKGROUND_BUSY_TIMEOUT_MS, () => acquireLease(RELAY_LEASE, holder, leaseTtlMs));
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      // Another process's write held the lock: try again next round, as what this process was, while its
      // lease still has time left (a failure here would make the next round check the whole index again).
      return role === "active" && now - renewedAt < (leaseTtlMs * 2) / 3;
    }
    if (!acquired) {
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

  /** A rebuild someone asked for, done between batches; its outcome is kept for whoever asked. */
  const rebuildIfAsked = async () => {
    const requested = Number(getSetting(REBUILD_REQUESTED) ?? 0);
    if (!requested || rebuildOutcome(requested)) return;
    log("Search index: rebuilding it, as asked...");
    let outcome: RebuildOutcome;
    try {
      outcome = {
        requestedAt: requested,
        report: await rebuildSearchIndex(holder, rebuild, "an administrator asked for it"),
      };
      log(`Search index: rebuilt with ${outcome.report?.documents} documents.`);
    } catch (error) {
      outcome = { requestedAt: requested, error: error instanceof Error ? error.message : String(error) };
    }
    setSetting(REBUILD_DONE, JSON.stringify(outcome));
    renewedAt = 0;
    if (outcome.error) throw new Error(outcome.error);
  };

  /** One round of work; resolves with the delay before the next (it never rejects). */
  const tick = async (): Promise<number> => {
    try {
      if (!holdLease()) return standbyCheckMs;
      // On taking the lease (the index may have been lost or the database restored), then now and then.
      if (!prepared || Date.now() - checkedAt >= checkEveryMs) {
        await checkSearchIndex({
          holder,
          log,
          logMatch: !prepared,
          rebuild,
          shouldStop: () => stopped || !holdLease(),
        });
        renewedAt = 0;
        prepared = true;
        checkedAt = Date.now();
      }
      await rebuildIfAsked();
      const result = await relayAll({ holder }, () => stopped || !holdLease());
      if (failures > 0) log(`Search index caught up after ${failures} failed attempt(s).`);
      failures = 0;
      if (result.failed > 0) log(`Search index: ${result.failed} record(s) could not be indexed; see /admin/search.`);
      return pollMs;
    } catch (error) {
      if (error instanceof LeaseLostError) {
        log(`Search relay: ${error.message}.`);
        role = "standby";
        prepared = false;
        return standbyCheckMs;
      }
      failures++;
      prepared = false;
      if (failures === 1 || failures % 10 === 0) {
        log(`Search index update failed (attempt ${failures}): ${error instanceof Error ? error.message : error}`);
      }
      return Math.min(maxBackoffMs, 500 * 2 ** (failures - 1));
    }
  };

  // Between ticks, and while a batch waits on Meilisearch, the lease is kept fresh.
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
