/**
 * `npm run restore -- FOLDER`: restores a backup made by `npm run backup` into
 * an empty data folder (DATA_DIR). Refuses, and exits non-zero, when the data
 * folder already holds a database or the backup is incomplete or damaged.
 * The search index is rebuilt by the Hub when it next starts.
 */
import path from "node:path";
import { OWNER_ONLY_UMASK } from "../app/platform/data-folder.server";
import { getEnv } from "../app/platform/env.server";
import { RestoreRefusedError, restoreBackup } from "../app/platform/restore.server";

const USAGE = "Usage: npm run restore -- BACKUP_FOLDER   (into DATA_DIR, which must hold no database)";

function main() {
  const args = process.argv.slice(2);
  const [from] = args;
  if (args.length !== 1 || !from || from.startsWith("-")) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  process.umask(OWNER_ONLY_UMASK);
  const { dataDir } = getEnv();
  try {
    const manifest = restoreBackup(path.resolve(from), dataDir);
    const { tables } = manifest.database;
    console.log(`Restored the backup of ${manifest.createdAt} (Hub ${manifest.hubVersion}) into ${dataDir}`);
    console.log(`  ${tables.posts ?? 0} posts, ${tables.users ?? 0} people, ${tables.events ?? 0} events`);
    console.log("Start the Hub: it rebuilds the search index from the restored database.");
  } catch (error) {
    if (!(error instanceof RestoreRefusedError)) throw error;
    console.error(`Restore refused: ${error.message}`);
    process.exitCode = 1;
  }
}

try {
  main();
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
