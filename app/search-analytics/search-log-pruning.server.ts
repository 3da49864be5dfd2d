/**
 * Forgets searches older than SEARCH_LOG_DAYS: once when the Hub starts, then
 * every hour, from the primary process only (workers only serve requests).
 * Deleting old rows twice does no harm, so two Hubs on one data folder need
 * no lease for it.
 */
import { withBusyTimeout } from "../platform/db.server";
import { getEnv } from "../platform/env.server";
import { describeError, log } from "../platform/log.server";
import { pruneSearchLog } from "./search-log.server";

const PRUNE_EVERY_MS = 60 * 60_000;

/** Prunes now; how many rows went. */
export function pruneSearchLogNow(now = Date.now()): number {
  return pruneSearchLog(getEnv().SEARCH_LOG_DAYS, now);
}

/** Starts the hourly pruning; `stop` ends it. A failure waits for the next hour. */
export function startSearchLogPruning({ everyMs = PRUNE_EVERY_MS }: { everyMs?: number } = {}) {
  const prune = () => {
    try {
      // The next hour will do as well: a request's write never waits for this one.
      withBusyTimeout(100, () => pruneSearchLogNow());
    } catch (error) {
      log("warn", "Old searches not pruned from the search log; trying again in an hour", {
        error: describeError(error),
      });
    }
  };
  prune();
  const timer = setInterval(prune, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
