import type { LoaderFunctionArgs } from "@remix-run/node";
import { mayMonitor } from "~/operations/monitoring-access.server";
import { checkDatabase } from "~/platform/health.server";
import { isSearchHealthy } from "~/search/meili.server";
import { searchIndexStatus } from "~/search/search-status.server";

/** Changes older than this still not in search mean the relay is stuck or gone. */
const STALE_BACKLOG_SECONDS = 60;

/**
 * Monitoring: 200 while the database answers, 503 when it does not.
 * "degraded" when search is down, records are parked, no process relays
 * changes to search, changes have waited more than a minute, or the last
 * check of the index against the database failed. Anyone may
 * ask for the status; the details (which part is wrong, how far behind
 * search is) only from this machine or as an administrator. Load balancers
 * and orchestrators use /healthz/live and /healthz/ready instead.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  // Details are for monitoring on the machine itself and for administrators.
  const details = await mayMonitor(request, context.clientAddress);
  const answer = (body: Record<string, unknown>, status = 200) =>
    Response.json(details ? body : { status: body.status }, { status, headers: { "Cache-Control": "no-store" } });
  const database = checkDatabase();
  if (database !== "ok") return answer({ status: "down", database, search: "unknown", index: null }, 503);
  const search = (await isSearchHealthy()) ? "ok" : "down";
  const { relay, lastCheck, rebuilding, ...index } = searchIndexStatus();
  const degraded =
    search !== "ok" ||
    index.parked > 0 ||
    relay === null ||
    (index.oldestPendingSeconds ?? 0) > STALE_BACKLOG_SECONDS ||
    lastCheck?.outcome === "failed";
  return answer({
    status: degraded ? "degraded" : "ok",
    database,
    search,
    index: {
      ...index,
      relay: relay === null ? "none" : "running",
      // The last comparison of the index with the database (see index-check.server.ts), and a rebuild under way.
      lastCheck: lastCheck && { ...lastCheck, at: new Date(lastCheck.at).toISOString() },
      rebuilding: rebuilding && { ...rebuilding, since: new Date(rebuilding.since).toISOString() },
    },
  });
}
