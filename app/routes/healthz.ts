import { checkDatabase } from "~/platform/health.server";
import { isSearchHealthy } from "~/search/meili.server";
import { searchIndexStatus } from "~/search/search-status.server";

/**
 * Monitoring: 200 while the database answers (search being down, or records
 * parked, degrades the Hub but does not stop it), 503 when it does not.
 */
export async function loader() {
  const database = checkDatabase();
  const search = (await isSearchHealthy()) ? "ok" : "down";
  const index = database === "ok" ? searchIndexStatus() : null;
  const status = database !== "ok" ? "down" : search === "ok" && (index?.parked ?? 0) === 0 ? "ok" : "degraded";
  return Response.json(
    { status, database, search, index },
    { status: database === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
