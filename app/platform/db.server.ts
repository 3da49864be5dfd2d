import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../../db/schema";
import { getEnv } from "./env.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

let instance: Db | undefined;

/** Opens a SQLite file with the pragmas the Hub relies on. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema });
}

/** The process-wide database at $DATA_DIR/hub.db. */
export function getDb(): Db {
  instance ??= openDatabase(getEnv().databasePath);
  return instance;
}

export function closeDb(): void {
  instance?.$client.close();
  instance = undefined;
}

/**
 * Finds db/migrations whether this module runs from source (tsx, vitest) or
 * from the server bundle in build/server.
 */
function migrationsFolder(): string {
  const candidates = [
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations"),
    path.resolve(process.cwd(), "db/migrations"),
  ];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "meta/_journal.json")));
  if (!found) throw new Error("Cannot find db/migrations");
  return found;
}

/**
 * Applies the committed migrations. Foreign keys are off while they run (a
 * migration that rebuilds a table drops the old one, which must cascade
 * nowhere; SQLite ignores the pragma inside the migrator's transaction, so it
 * is set here) and checked before they are switched back on.
 */
export function migrateDatabase(db: Db = getDb(), folder: string = migrationsFolder()): void {
  const sqlite = db.$client;
  sqlite.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder: folder });
    const broken = sqlite.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) {
      throw new Error(`Migrations left ${broken.length} broken foreign key(s): ${JSON.stringify(broken.slice(0, 5))}`);
    }
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}

/**
 * Runs `work` in one synchronous IMMEDIATE transaction: it takes the write lock
 * at once, so two writers never both read-then-write stale rows.
 */
export function writeTransaction<T>(work: (tx: Db) => T, db: Db = getDb()): T {
  return db.transaction((tx) => work(tx as unknown as Db), { behavior: "immediate" });
}

/** Runs `work` against one consistent snapshot of the database (a deferred read transaction). */
export function readTransaction<T>(work: (tx: Db) => T, db: Db = getDb()): T {
  return db.transaction((tx) => work(tx as unknown as Db), { behavior: "deferred" });
}
