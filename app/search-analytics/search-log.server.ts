/**
 * The search log: one row per search with words (what was searched, when,
 * how many results, whether one was opened), and never who searched
 * (decision 060). Writing to it must never slow or break a search: a row
 * that cannot be written is logged and forgotten.
 */
import { and, eq, isNull, lt } from "drizzle-orm";
import { searchLog } from "../../db/schema";
import { type Db, getDb, withBusyTimeout } from "../platform/db.server";
import { describeError, log } from "../platform/log.server";
import { queryForLog } from "./search-log-query";
import { searchLogIdForToken, tokenForSearchLogId } from "./search-log-token.server";

/** How long a search waits for the write lock before giving up on its row: a log row is not worth waiting for. */
const LOG_WRITE_WAIT_MS = 50;
const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;

/**
 * Times are kept to the hour: the figures are by week, and a time to the
 * millisecond could be matched with the request log, which names who made
 * each request. London's offset is whole hours, so the week stays right.
 */
export function toTheHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/**
 * Writes a search's row; returns the opaque token its results' links carry,
 * or null when nothing was written (nothing left of the query, or the write failed).
 */
export function recordSearch(
  { query, resultCount, at = new Date() }: { query: string; resultCount: number; at?: Date },
  db: Db = getDb(),
): string | null {
  const logged = queryForLog(query);
  if (logged === null) return null;
  try {
    const row = withBusyTimeout(
      LOG_WRITE_WAIT_MS,
      () =>
        db
          .insert(searchLog)
          .values({ query: logged, searchedAt: toTheHour(at), resultCount: Math.max(0, Math.trunc(resultCount)) })
          .returning({ id: searchLog.id })
          .get(),
      db,
    );
    return tokenForSearchLogId(row.id, db);
  } catch (error) {
    log("warn", "Search not recorded in the search log", { error: describeError(error) });
    return null;
  }
}

export type OpenedOutcome = "opened" | "already-opened" | "unknown" | "not-recorded";

/**
 * Notes that a result of the search the token names was opened: the first
 * open only. "unknown" for a token this installation did not make, or whose
 * row has been pruned.
 */
export function recordResultOpened(token: string, at = new Date(), db: Db = getDb()): OpenedOutcome {
  const id = searchLogIdForToken(token, db);
  if (id === null) return "unknown";
  let changed: number;
  try {
    changed = withBusyTimeout(
      LOG_WRITE_WAIT_MS * 4,
      () =>
        db
          .update(searchLog)
          .set({ openedAt: toTheHour(at) })
          .where(and(eq(searchLog.id, id), isNull(searchLog.openedAt)))
          .run().changes,
      db,
    );
  } catch (error) {
    // A figure, never worth an error page: logged and let go.
    log("warn", "Opened result not recorded in the search log", { error: describeError(error) });
    return "not-recorded";
  }
  if (changed > 0) return "opened";
  const exists = db.select({ id: searchLog.id }).from(searchLog).where(eq(searchLog.id, id)).get();
  return exists ? "already-opened" : "unknown";
}

/** Deletes rows older than `days` days; returns how many. */
export function pruneSearchLog(days: number, now = Date.now(), db: Db = getDb()): number {
  return db
    .delete(searchLog)
    .where(lt(searchLog.searchedAt, new Date(now - days * DAY_MS)))
    .run().changes;
}
