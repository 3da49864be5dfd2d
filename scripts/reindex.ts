/**
 * `npm run search:reindex`: rebuilds the search index from SQLite and swaps it
 * in atomically. Uses MEILI_URL if set, else the Meilisearch of a running Hub
 * on this data folder, else starts one for the duration.
 */
import { closeDb, migrateDatabase } from "../app/platform/db.server";
import { getSearchConnection } from "../app/platform/env.server";
import { rebuildSearchIndex } from "../app/search/relay-runner.server";
import { connectSearch } from "../server/search-runtime";

async function main() {
  migrateDatabase();
  const { mode, managed } = await connectSearch();
  if (mode === "off") {
    process.exitCode = 1;
    return;
  }
  try {
    console.log(`Rebuilding the search index at ${getSearchConnection()?.url}...`);
    const report = await rebuildSearchIndex({ log: (line: string) => console.log(line) });
    console.log(
      `Reindexed ${report.documents} records in ${report.seconds.toFixed(1)} s (${Math.round(report.documentsPerSecond)} documents/s).`,
    );
    if (report.failed > 0) {
      console.log(`${report.failed} record(s) could not be indexed: see /admin/search in the Hub.`);
      process.exitCode = 2;
    }
    console.log("Changes made during the rebuild are sent again by the running Hub's search relay.");
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
