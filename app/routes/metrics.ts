import type { LoaderFunctionArgs } from "@remix-run/node";
import { getUser, requireUser } from "~/auth/session.server";
import { METRICS_CONTENT_TYPE, metricsForScrape } from "~/operations/cluster-metrics.server";
import { mayMonitor } from "~/operations/monitoring-access.server";
import { log } from "~/platform/log.server";

/**
 * Prometheus metrics (decision 023), for monitoring on this machine and for
 * administrators. Anyone else is answered as for an address that does not
 * exist: visitors are asked to sign in, signed-in people are told it is not found.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!(await mayMonitor(context.monitoringAddress, () => getUser(request)))) {
    await requireUser(request);
    throw new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  try {
    return new Response(await metricsForScrape(), {
      headers: { "Content-Type": METRICS_CONTENT_TYPE, "Cache-Control": "no-store" },
    });
  } catch (error) {
    // A cluster worker whose primary did not answer: the scrape fails, and the next one tries again.
    log("warn", "Metrics unavailable", { requestId: context.requestId, reason: String(error) });
    return new Response("Metrics are unavailable just now.", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" },
    });
  }
}
