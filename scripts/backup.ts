/**
 * `npm run backup [folder]`: a consistent copy of the database (SQLite's
 * online backup, safe while the Hub runs) and of the files the Hub stores,
 * in a dated folder under `folder` (default: the data folder's backups/),
 * owner-only, with a manifest. See README, "Backups and restore".
 */
import fs from "node:fs";
import path from "node:path";
import { createBackup, defaultBackupFolder } from "../app/platform/backup.server";
import { OWNER_ONLY_UMASK } from "../app/platform/data-folder.server";
import { closeDb, getDb } from "../app/platform/db.server";
import { getEnv } from "../app/platform/env.server";

const USAGE = "Usage: npm run backup [-- FOLDER]   (default: the data folder's backups/)";

async function main() {
  const args = process.argv.slice(2);
  if (args.length > 1 || args[0]?.startsWith("-")) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  process.umask(OWNER_ONLY_UMASK);
  const env = getEnv();
  if (!fs.existsSync(env.databasePath)) {
    console.error(`There is no database at ${env.databasePath} to back up (is DATA_DIR right?).`);
    process.exitCode = 1;
    return;
  }
  const into = path.resolve(args[0] ?? defaultBackupFolder(env.dataDir));
  const started = performance.now();
  const { folder, manifest } = await createBackup({ db: getDb(), dataDir: env.dataDir, into });
  const { tables, bytes } = manifest.database;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Backed up the database (${(bytes / 1e6).toFixed(1)} MB) in ${seconds} s to ${folder}`);
  console.log(
    `  ${tables.posts ?? 0} posts, ${tables.users ?? 0} people, ${tables.events ?? 0} events; Hub ${manifest.hubVersion}`,
  );
  for (const set of manifest.files) console.log(`  ${set.files} ${set.name} file(s), ${set.bytes} bytes`);
}

main()
  .catch((error) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(closeDb);
