/**
 * A separate process that starts search as the Hub does (MEILI_URL given) on
 * DATA_DIR, waits until the relay has checked the index against the database
 * and relayed every event, prints the check's report as JSON and stops.
 */
import { consumerBacklog } from "~/events/consumers.server";
import { closeDb } from "~/platform/db.server";
import { lastIndexCheck } from "~/search/index-check.server";
import { SEARCH_CONSUMER } from "~/search/search-relay.server";
import { startSearchRuntime } from "../../server/search-runtime";

async function main() {
  const lines: string[] = [];
  const runtime = await startSearchRuntime((line) => lines.push(line));
  const deadline = Date.now() + 60_000;
  while (!(lastIndexCheck() && consumerBacklog(SEARCH_CONSUMER).pending === 0)) {
    if (Date.now() > deadline) throw new Error(`The relay did not check and catch up in time:\n${lines.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await runtime.stop();
  process.stdout.write(`${JSON.stringify({ check: lastIndexCheck(), log: lines })}\n`);
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(closeDb);
