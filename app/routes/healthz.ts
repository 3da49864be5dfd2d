import { checkDatabase } from "~/platform/health.server";

/** Liveness and readiness for monitoring: 200 when the database answers, 503 otherwise. */
export function loader() {
  const database = checkDatabase();
  return Response.json(
    { status: database === "ok" ? "ok" : "degraded", database },
    { status: database === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
