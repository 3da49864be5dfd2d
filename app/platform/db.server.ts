import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../../db/schema";
import { getEnv } from "./env.server";
import { StorageUnavailableError } from "./errors";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

let instance: Db | undefined;

/**
 * How long a write waits for another process's write lock before it fails
 * (503). better-sqlite3 waits synchronously: the whole process waits with it.
 */
export const BUSY_TIMEOUT_MS = 5000;

/** Opens a SQLite file with the pragmas the Hub relies on. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema });
}

/**
 * The statistics SQLite's planner chooses indexes by. Without them a list of
 * the newest posts sorted all 10,000 posts (80 ms) instead of walking its
 * index (under 2 ms). `analyze` gathers them all (about 16 ms for 10,000
 * posts), at start; `optimize` refreshes those that drifted, periodically.
 */
export function gatherPlannerStatistics(how: "analyze" | "optimize", db: Db = getDb()): void {
  if (how === "analyze") db.$client.exec("ANALYZE");
  else db.$client.pragma("optimize");
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
 * SQLite's "locked for longer than busy_timeout" and "disk full" errors as
 * the domain's StorageUnavailableError (whose write SQLite rolled back);
 * anything else as it is.
 */
export function asStorageError(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  // Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_TIMEOUT...) are kinds of the same two.
  if (error.code.startsWith("SQLITE_BUSY")) return new StorageUnavailableError("busy", { cause: error });
  if (error.code === "SQLITE_FULL") return new StorageUnavailableError("full", { cause: error });
  return error;
}

/**
 * Runs `work` in one synchronous IMMEDIATE transaction: it takes the write lock
 * at once, so two writers never both read-then-write stale rows. A lock held
 * elsewhere past busy_timeout, or a full disk, throws StorageUnavailableError.
 */
export function writeTransaction<T>(work: (tx: Db) => T, db: Db = getDb()): T {
  try {
    return db.transaction((tx) => work(tx as unknown as Db), { behavior: "immediate" });
  } catch (error) {
    throw asStorageError(error);
  }
}

/** Runs `work` against one consistent snapshot of the database (a deferred read transaction). */
export function readTransaction<T>(work: (tx: Db) => T, db: Db = getDb()): T {
  return db.transaction((tx) => work(tx as unknown as Db), { behavior: "deferred" });
}

/**
 * Runs synchronous `work` waiting at most `ms` for the write lock: for
 * background writes (the relay's lease) that can simply try again later,
 * and must not hold up every request of the process for BUSY_TIMEOUT_MS
 * while another process holds the lock.
 */
export function withBusyTimeout<T>(ms: number, work: () => T, db: Db = getDb()): T {
  db.$client.pragma(`busy_timeout = ${ms}`);
  try {
    return work();
  } finally {
    db.$client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}
