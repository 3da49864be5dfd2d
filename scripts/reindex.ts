/**
 * `npm run search:reindex`: rebuilds the search index from SQLite and swaps it
 * in atomically. When a Hub relays on this data folder, it asks that Hub to
 * rebuild (so a rebuild never overlaps its relaying) and waits for the
 * outcome; otherwise it takes the relay lease and rebuilds itself. Search is
 * MEILI_URL if set, else the running Hub's Meilisearch, else one started for
 * the duration.
 */
import { closeDb } from "../app/platform/db.server";
import { getSearchConnection } from "../app/platform/env.server";
import { newHolderId, releaseLease } from "../app/platform/lease.server";
import { migrateDatabase } from "../app/platform/migrate.server";
import type { ReindexReport } from "../app/search/reindex.server";
import {
  RELAY_LEASE,
  rebuildOutcome,
  rebuildSearchIndex,
  relayIsRunning,
  requestRebuild,
} from "../app/search/relay-runner.server";
import { LeaseLostError } from "../app/search/search-relay.server";
import { connectSearch } from "../server/search-runtime";

const WAIT_FOR_HUB_MS = 30 * 60_000;

async function askRunningHub(): Promise<ReindexReport> {
  const requestedAt = requestRebuild();
  console.log("A Hub is relaying on this data folder: asked it to rebuild the index; waiting...");
  const deadline = Date.now() + WAIT_FOR_HUB_MS;
  while (Date.now() < deadline) {
    const outcome = rebuildOutcome(requestedAt);
    if (outcome?.report) return outcome.report;
    if (outcome?.error) throw new Error(outcome.error);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The running Hub did not finish the rebuild within 30 minutes; see its log");
}

async function rebuildHere(): Promise<ReindexReport | null> {
  const holder = newHolderId();
  try {
    return await rebuildSearchIndex(holder, { log: (line: string) => console.log(line) });
  } catch (error) {
    if (error instanceof LeaseLostError) return null;
    throw error;
  } finally {
    releaseLease(RELAY_LEASE, holder);
  }
}

async function main() {
  migrateDatabase();
  const { mode, managed } = await connectSearch();
  if (mode === "off") {
    process.exitCode = 1;
    return;
  }
  try {
    console.log(`Rebuilding the search index at ${getSearchConnection()?.url}...`);
    // A Hub may start relaying between the check and the lease: then ask it instead.
    const report = (!relayIsRunning() && (await rebuildHere())) || (await askRunningHub());
    console.log(
      `Reindexed ${report.documents} records in ${report.seconds.toFixed(1)} s (${Math.round(report.documentsPerSecond)} documents/s).`,
    );
    if (report.failed > 0) {
      console.log(`${report.failed} record(s) could not be indexed: see /admin/search in the Hub.`);
      process.exitCode = 2;
    }
  } finally {
    await managed?.stop();
  }
}

main()
  .catch((error) => {
    console.error(`Reindex failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(closeDb);
