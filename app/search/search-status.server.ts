/** How the search index is doing, for /healthz and the administrators' page. */
import { failureCounts, listFailures } from "../events/consumer-failures.server";
import { consumerBacklog } from "../events/consumers.server";
import { type Db, getDb } from "../platform/db.server";
import { leaseHolder } from "../platform/lease.server";
import { type IndexCheckReport, lastIndexCheck } from "./index-check.server";
import { type RebuildInProgress, rebuildInProgress } from "./index-rebuild.server";
import { RELAY_LEASE } from "./relay-runner.server";
import { SEARCH_CONSUMER } from "./search-relay.server";

export interface SearchIndexStatus {
  /** Changes not yet in the index. */
  backlog: number;
  /** How long the oldest of them has waited, in seconds. */
  oldestPendingSeconds: number | null;
  /** Records that failed and will be tried again. */
  retrying: number;
  /** Records that kept failing and wait for an administrator. */
  parked: number;
  /** The process relaying changes into the index, or null when none is. */
  relay: string | null;
  /** The last comparison of the index with the database, and what it repaired. */
  lastCheck: IndexCheckReport | null;
  /** A full rebuild under way, if any. */
  rebuilding: Omit<RebuildInProgress, "holder"> | null;
}

export function searchIndexStatus(db: Db = getDb()): SearchIndexStatus {
  const backlog = consumerBacklog(SEARCH_CONSUMER, db);
  const failures = failureCounts(SEARCH_CONSUMER, db);
  return {
    backlog: backlog.pending,
    oldestPendingSeconds: backlog.oldestPendingSeconds,
    retrying: failures.retrying,
    parked: failures.parked,
    relay: leaseHolder(RELAY_LEASE, db)?.holder ?? null,
    lastCheck: lastIndexCheck(db),
    rebuilding: rebuildInProgress(db),
  };
}

/** Records search could not index: parked ones first, then those still being retried. */
export function listFailingRecords(db: Db = getDb()) {
  return listFailures(SEARCH_CONSUMER, db);
}
