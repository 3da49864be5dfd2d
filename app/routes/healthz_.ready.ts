import { checkReadiness } from "~/platform/health.server";

/**
 * Readiness: send this process traffic. 200 while the database answers and
 * has every migration this code needs, else 503. Search being down does not
 * make the Hub unready (see /healthz, "degraded"): everything but search still works.
 */
export function loader() {
  const { ready, database, migrations } = checkReadiness();
  return Response.json(
    { status: ready ? "ready" : "unready", database, migrations },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
