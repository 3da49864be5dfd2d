/**
 * Backups while the Hub runs. The database is copied with SQLite's online
 * backup in a single step, so the copy is one consistent snapshot however
 * many Hub processes keep writing (in WAL mode readers never block writers,
 * and a copy made in small steps would start again after every write from
 * another connection). The Hub's stored files are copied beside it and the
 * manifest is written last; the folder takes its final name only once all of
 * it is there.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  BACKUP_DATABASE_FILE,
  BACKUP_FILES_FOLDER,
  BACKUP_MANIFEST_FILE,
  type BackupManifest,
  copyFiles,
  describeDatabase,
  hubVersion,
  PARTIAL_SUFFIX,
  STORED_FILE_SETS,
} from "./backup-manifest.server";
import type { Db } from "./db.server";

/** Pages per backup step: every page at once (see above). */
const WHOLE_DATABASE = 0x7fffffff;

/** Where backups go unless the operator names a folder. */
export function defaultBackupFolder(dataDir: string): string {
  return path.join(dataDir, "backups");
}

/** `hub-backup-2025-06-01T09-30-00-000Z`: sorts by time, and is safe in any file system. */
export function backupName(at: Date): string {
  return `hub-backup-${at.toISOString().replace(/[:.]/g, "-")}`;
}

export interface BackupOptions {
  /** The live database. */
  db: Db;
  dataDir: string;
  /** The folder the dated backup folder goes in. */
  into: string;
  now?: Date;
}

/** Writes a backup; returns its folder and manifest. */
export async function createBackup({ db, dataDir, into, now = new Date() }: BackupOptions): Promise<{
  folder: string;
  manifest: BackupManifest;
}> {
  // Owner-only only if made here: a folder the operator names keeps the mode it has (it may be /tmp).
  if (fs.mkdirSync(into, { recursive: true, mode: 0o700 }) !== undefined) fs.chmodSync(into, 0o700);
  const folder = path.join(into, backupName(now));
  if (fs.existsSync(folder)) throw new Error(`${folder} already exists`);
  const partial = `${folder}${PARTIAL_SUFFIX}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { mode: 0o700 });
  fs.chmodSync(partial, 0o700);
  try {
    const copy = path.join(partial, BACKUP_DATABASE_FILE);
    await db.$client.backup(copy, { progress: () => WHOLE_DATABASE });
    fs.chmodSync(copy, 0o600);

    // The manifest describes the copy itself, so its counts are the snapshot's.
    const copied = new Database(copy);
    let database: Omit<BackupManifest["database"], "file" | "bytes">;
    try {
      const integrity = copied.pragma("integrity_check", { simple: true });
      if (integrity !== "ok") throw new Error(`The copy of the database failed its integrity check: ${integrity}`);
      // One file, with no write-ahead log beside it: the Hub turns WAL on again when it opens it.
      copied.pragma("journal_mode = DELETE");
      database = describeDatabase(copied);
    } finally {
      copied.close();
    }

    const files = STORED_FILE_SETS.map((set) => ({
      name: set.name,
      ...copyFiles(path.join(dataDir, set.folder), path.join(partial, BACKUP_FILES_FOLDER, set.name)),
    }));
    const manifest: BackupManifest = {
      format: 1,
      createdAt: now.toISOString(),
      hubVersion: hubVersion(),
      database: { file: BACKUP_DATABASE_FILE, bytes: fs.statSync(copy).size, ...database },
      files,
    };
    fs.writeFileSync(path.join(partial, BACKUP_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: 0o600,
    });
    fs.renameSync(partial, folder);
    return { folder, manifest };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
