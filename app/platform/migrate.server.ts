/**
 * Applying the committed migrations (db/migrations, made by drizzle-kit).
 *
 * Foreign keys are off while they run: a migration that rebuilds a table
 * drops the old one, which must cascade nowhere, and SQLite ignores the
 * pragma inside the migrator's transaction, so it is set on the connection
 * here. Before a database with data is changed, it is copied beside itself;
 * afterwards its foreign keys are checked. The migrator applies everything
 * pending in one transaction, so a failure leaves nothing half-applied.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { type Db, getDb } from "./db.server";
import { preparedOnce } from "./prepared.server";

/** Finds db/migrations whether this module runs from source (tsx, vitest) or from the server bundle in build/server. */
function migrationsFolder(): string {
  const candidates = [
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations"),
    path.resolve(process.cwd(), "db/migrations"),
  ];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "meta/_journal.json")));
  if (!found) throw new Error("Cannot find db/migrations");
  return found;
}

// Prepared once per connection: the readiness check asks on every request.
const migrationsTable = preparedOnce((db) =>
  db.$client.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'"),
);
// Prepared only once the table exists (SQLite compiles the statement against the schema).
const lastMigration = preparedOnce((db) =>
  db.$client.prepare<[], { at: number | null }>("select max(created_at) as at from __drizzle_migrations"),
);

/** When the newest migration this database has had was made (drizzle's folder time), or 0 for none. */
function lastAppliedMigration(db: Db): number {
  if (!migrationsTable(db).get()) return 0;
  return Number(lastMigration(db).get()?.at ?? 0);
}

let newestMigration: number | undefined;

/** When the newest migration this code has was made (read from the folder once per process). */
export function newestKnownMigration(): number {
  newestMigration ??= Math.max(
    0,
    ...readMigrationFiles({ migrationsFolder: migrationsFolder() }).map((m) => m.folderMillis),
  );
  return newestMigration;
}

/** Migrations in the folder that this database has not had yet. */
function pendingMigrations(db: Db, folder: string) {
  const last = lastAppliedMigration(db);
  return readMigrationFiles({ migrationsFolder: folder }).filter((migration) => migration.folderMillis > last);
}

/**
 * Whether this database has every migration this code expects: for the
 * readiness check, so cheap (the folder is read once per process, then two
 * prepared queries). Throws when the database cannot be read.
 */
export function migrationsApplied(db: Db = getDb()): boolean {
  return lastAppliedMigration(db) >= newestKnownMigration();
}

function hasData(db: Db): boolean {
  return Boolean(db.$client.prepare("select 1 from sqlite_master where type = 'table' and name = 'users'").get());
}

/** A consistent copy of the database next to it, named for the moment it was taken. */
function backUp(db: Db): string | null {
  const file = db.$client.name;
  if (!file || file === ":memory:") return null;
  const copy = `${file}.before-migration-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  db.$client.exec(`vacuum into '${copy.replace(/'/g, "''")}'`);
  return copy;
}

export function migrateDatabase(db: Db = getDb(), folder: string = migrationsFolder()): void {
  const pending = pendingMigrations(db, folder);
  if (pending.length === 0) return;
  const backup = hasData(db) ? backUp(db) : null;
  const sqlite = db.$client;
  sqlite.pragma("foreign_keys = OFF");
  try {
    try {
      migrate(db, { migrationsFolder: folder });
    } catch (error) {
      // Two Hubs started at once on an old database: the other one applied them first.
      if (pendingMigrations(db, folder).length > 0) throw error;
    }
    const broken = sqlite.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) {
      throw new Error(
        `Migrations left ${broken.length} broken foreign key(s), for example ${JSON.stringify(broken.slice(0, 3))}.` +
          (backup ? ` The database as it was before is in ${backup}.` : ""),
      );
    }
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
}
