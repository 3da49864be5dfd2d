import { checkDatabase } from "~/platform/health.server";
import { isSearchHealthy } from "~/search/meili.server";
import { outboxBacklog } from "~/search/outbox.server";

/**
 * Monitoring: 200 while the database answers (search being down degrades the
 * Hub but does not stop it), 503 when the database does not.
 */
export async function loader() {
  const database = checkDatabase();
  const search = (await isSearchHealthy()) ? "ok" : "down";
  const outbox = database === "ok" ? outboxBacklog() : null;
  const status = database !== "ok" ? "down" : search === "ok" ? "ok" : "degraded";
  return Response.json(
    { status, database, search, outbox },
    { status: database === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
