/**
 * What /healthz reports: the database, search, and how far the index is
 * behind. Finding out costs a call to Meilisearch and several queries, so a
 * process works it out at most once a second and every request in between
 * (however many monitors, load balancers and scripts ask at once) shares
 * the same report (decision 023).
 */
import { checkDatabase } from "../platform/health.server";
import { isSearchHealthy } from "../search/meili.server";
import { searchIndexStatus } from "../search/search-status.server";

/** Changes older than this still not in search mean the relay is stuck or gone. */
const STALE_BACKLOG_SECONDS = 60;

/** How long a finished report is shared: a monitor polling every few seconds always sees a fresh one. */
export const HEALTH_REPORT_LIFETIME_MS = 1_000;

export interface HealthReport {
  /** 200 while the database answers, 503 when it does not. */
  httpStatus: 200 | 503;
  /** The whole report, for this machine and administrators; anyone else sees only its `status`. */
  body: { status: "ok" | "degraded" | "down" } & Record<string, unknown>;
}

/**
 * "degraded" when search is down, records are parked, no process relays
 * changes to search, changes have waited more than a minute, or the last
 * check of the index against the database failed.
 */
export async function measureHealth(): Promise<HealthReport> {
  const database = checkDatabase();
  if (database !== "ok") {
    return { httpStatus: 503, body: { status: "down", database, search: "unknown", index: null } };
  }
  const search = (await isSearchHealthy()) ? "ok" : "down";
  const { relay, lastCheck, rebuilding, ...index } = searchIndexStatus();
  const degraded =
    search !== "ok" ||
    index.parked > 0 ||
    relay === null ||
    (index.oldestPendingSeconds ?? 0) > STALE_BACKLOG_SECONDS ||
    lastCheck?.outcome === "failed";
  return {
    httpStatus: 200,
    body: {
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
    },
  };
}

let shared: { report: Promise<HealthReport>; expiresAt: number } | undefined;

/**
 * The report, shared: while one is being worked out, everyone waits for it;
 * once it is done, it serves for HEALTH_REPORT_LIFETIME_MS. A report that
 * failed is not kept.
 */
export function currentHealth(): Promise<HealthReport> {
  if (shared && performance.now() < shared.expiresAt) return shared.report;
  const entry = { report: measureHealth(), expiresAt: Number.POSITIVE_INFINITY };
  shared = entry;
  entry.report.then(
    () => {
      entry.expiresAt = performance.now() + HEALTH_REPORT_LIFETIME_MS;
    },
    () => {
      if (shared === entry) shared = undefined;
    },
  );
  return entry.report;
}
