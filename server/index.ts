/**
 * The server's composition root. `npm start` (and `npm run dev` with --dev):
 * builds if needed, migrates, imports the demo content into an empty
 * database, starts search and its relay, then serves the Hub from one
 * process, or from WEB_CONCURRENCY worker processes (decision 027).
 */
import cluster from "node:cluster";
import { startActionMail } from "../app/actions/action-mail-runner.server";
import { DEMO_PASSWORD } from "../app/content/demo-accounts.server";
import { removeAbandonedUploads } from "../app/files/file-storage.server";
import { answerWorkerMetricsRequests } from "../app/operations/cluster-metrics.server";
import { startPaperTextReader } from "../app/papers/paper-text-runner.server";
import { OWNER_ONLY_UMASK } from "../app/platform/data-folder.server";
import { closeDb, gatherPlannerStatistics, withBusyTimeout } from "../app/platform/db.server";
import { getEnv, getWorkerHost } from "../app/platform/env.server";
import { describeError, log } from "../app/platform/log.server";
import { startSearchLogPruning } from "../app/search-analytics/search-log-pruning.server";
import { ensureBuild } from "./ensure-build";
import { type PreparedDatabase, prepareDatabase } from "./prepare-database";
import { type SearchRuntime, startSearchRuntime } from "./search-runtime";
import { listenForRequests } from "./serve";
import { startBanner } from "./start-banner";
import { runWorkers } from "./workers";

/** What has started so far, for stopping it in order; a signal during start-up just exits. */
let stopRunning: ((signal: string) => void) | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // Ctrl-C reaches every process of the terminal's group: the primary alone stops the workers, in order.
    if (cluster.isWorker && signal === "SIGINT") return;
    if (stopRunning) stopRunning(signal);
    // Exiting runs the exit handlers, which kill a Meilisearch started so far.
    else process.exit(0);
  });
}

// Everything the Hub writes (database, journal, backups, search data) is readable by its own user only.
process.umask(OWNER_ONLY_UMASK);

function bannerFor(url: string, prepared: PreparedDatabase, search: SearchRuntime, workers: number): string {
  const env = getEnv();
  return startBanner({
    url,
    dataDir: env.dataDir,
    search,
    workers,
    demoAccounts: prepared.demoAccounts,
    demoPassword: DEMO_PASSWORD,
    host: env.HOST,
  });
}

/** The primary process (or the only one): everything but serving, and serving too when alone. */
async function main() {
  const dev = process.argv.includes("--dev");
  const env = getEnv();
  if (!dev) ensureBuild();
  const prepared = await prepareDatabase();
  const search = await startSearchRuntime();
  const actionMail = startActionMail({ checkEveryMs: env.ACTIONS_CHECK_MINUTES * 60_000 });
  // Papers' text is read outside requests and outside the search relay's batches (decision 051).
  removeAbandonedUploads();
  const paperText = startPaperTextReader();
  // Searches older than SEARCH_LOG_DAYS are forgotten, by this process alone (decision 060).
  startSearchLogPruning();
  // As the posts grow from dozens to thousands, the planner's statistics must follow (one process does it).
  setInterval(() => {
    try {
      // Statistics can wait for the next hour; a request's write never waits for them.
      withBusyTimeout(100, () => gatherPlannerStatistics("optimize"));
    } catch (error) {
      log("warn", "Planner statistics not refreshed; trying again in an hour", { error: describeError(error) });
    }
  }, 60 * 60_000).unref();
  // The demo accounts' password is public: while they exist, only this machine may reach the Hub unless HOST says otherwise.
  const host = env.HOST ?? (dev || prepared.demoAccounts.length > 0 ? "127.0.0.1" : "0.0.0.0");
  const workers = dev ? 1 : env.workers;
  const urlFor = (port: number) => env.PUBLIC_ORIGIN ?? `http://localhost:${port}`;

  if (workers === 1) {
    const serving = await listenForRequests({ dev, host }, (port) =>
      console.log(bannerFor(urlFor(port), prepared, search, 1)),
    );
    stopRunning = stopOnce(async () => {
      await serving.stop();
      await actionMail.stop();
      await paperText.stop();
      await search.stop();
    });
    return;
  }

  // Workers inherit the environment, which by now names the search connection.
  answerWorkerMetricsRequests();
  const pool = runWorkers({ count: workers, host, log: console.log });
  stopRunning = stopOnce(async () => {
    await pool.stop();
    await actionMail.stop();
    await paperText.stop();
    await search.stop();
  });
  const port = await pool.listening;
  console.log(bannerFor(urlFor(port), prepared, search, workers));
}

/** A worker: serves HTTP until the primary stops it; search and its relay stay with the primary. */
async function worker() {
  const serving = await listenForRequests({ dev: false, host: getWorkerHost() }, (port) =>
    process.send?.({ listening: port }),
  );
  stopRunning = stopOnce(() => serving.stop());
}

/** Stops in order once, whatever signals follow; never waits for ever. */
function stopOnce(stop: () => Promise<void>): (signal: string) => void {
  let stopping = false;
  return (signal) => {
    if (stopping) return;
    stopping = true;
    if (cluster.isPrimary) console.log(`Received ${signal}; stopping.`);
    void stop()
      .catch(() => {})
      .finally(() => {
        closeDb();
        process.exit(0);
      });
    // Keep-alive connections or a slow Meilisearch task can hold the steps
    // above open: do not wait for ever. Exiting also kills a managed Meilisearch.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
}

(cluster.isPrimary ? main() : worker()).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
