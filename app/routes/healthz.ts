import { checkDatabase } from "~/platform/health.server";
import { isSearchHealthy } from "~/search/meili.server";
import { searchIndexStatus } from "~/search/search-status.server";

/** Changes older than this still not in search mean the relay is stuck or gone. */
const STALE_BACKLOG_SECONDS = 60;

/**
 * Monitoring, open to anyone who can reach the Hub (so it says nothing about
 * records or machines): 200 while the database answers, 503 when it does
 * not. "degraded" when search is down, records are parked, no process
 * relays changes to search, or changes have waited more than a minute.
 */
export async function loader() {
  const database = checkDatabase();
  if (database !== "ok") {
    return Response.json(
      { status: "down", database, search: "unknown", index: null },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
  const search = (await isSearchHealthy()) ? "ok" : "down";
  const { relay, ...index } = searchIndexStatus();
  const degraded =
    search !== "ok" || index.parked > 0 || relay === null || (index.oldestPendingSeconds ?? 0) > STALE_BACKLOG_SECONDS;
  return Response.json(
    {
      status: degraded ? "degraded" : "ok",
      database,
      search,
      index: { ...index, relay: relay === null ? "none" : "running" },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
