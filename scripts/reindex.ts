/**
 * `npm run search:reindex`: rebuilds the search index from SQLite and swaps it
 * in atomically. Uses MEILI_URL if set, else the Meilisearch of a running Hub
 * on this data folder, else starts one for the duration.
 */
import fs from "node:fs";
import { closeDb, migrateDatabase } from "../app/platform/db.server";
import { getEnv, getSearchConnection, setSearchConnection } from "../app/platform/env.server";
import { reindexPosts } from "../app/search/reindex.server";
import { readOrCreateMasterKey } from "../server/meilisearch-process";
import { connectSearch, runtimeFile } from "../server/search-runtime";

async function connectToRunningHubSearch(): Promise<boolean> {
  const { dataDir } = getEnv();
  const file = runtimeFile(dataDir);
  if (!fs.existsSync(file)) return false;
  const { url } = JSON.parse(fs.readFileSync(file, "utf8")) as { url: string };
  const healthy = await fetch(`${url}/health`).then(
    (response) => response.ok,
    () => false,
  );
  if (healthy) setSearchConnection({ url, apiKey: readOrCreateMasterKey(dataDir) });
  return healthy;
}

async function main() {
  migrateDatabase();
  let stop = async () => {};
  if (!getSearchConnection() && !(await connectToRunningHubSearch())) {
    const { mode, managed } = await connectSearch();
    if (mode === "off") {
      process.exitCode = 1;
      return;
    }
    stop = async () => managed?.stop();
  }
  try {
    console.log(`Rebuilding the search index at ${getSearchConnection()?.url}...`);
    const report = await reindexPosts({ log: (line) => console.log(line) });
    console.log(
      `Reindexed ${report.documents} posts in ${report.seconds.toFixed(1)} s (${Math.round(report.documentsPerSecond)} documents/s); ${report.replayed} change(s) made meanwhile were queued again.`,
    );
  } finally {
    await stop();
  }
}

main()
  .catch((error) => {
    console.error(`Reindex failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(closeDb);
