/**
 * `npm run search:prune-log`: forgets searches older than SEARCH_LOG_DAYS now,
 * as a running Hub does every hour (for a Hub that is stopped, or a shorter
 * period just set).
 */
import { closeDb } from "../app/platform/db.server";
import { getEnv } from "../app/platform/env.server";
import { migrateDatabase } from "../app/platform/migrate.server";
import { pruneSearchLogNow } from "../app/search-analytics/search-log-pruning.server";

migrateDatabase();
const pruned = pruneSearchLogNow();
console.log(`Search log: ${pruned} search(es) older than ${getEnv().SEARCH_LOG_DAYS} days forgotten.`);
closeDb();
