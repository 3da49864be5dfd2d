/**
 * Restoring a backup into an empty data folder. Nothing is overwritten: a
 * folder that already holds a database is refused, and so is a backup that
 * is incomplete, fails SQLite's integrity check, does not match its manifest,
 * names stored files the Hub does not keep (a name is a path: never one
 * outside the backup) or comes from a newer Hub. The database is checked as a copy beside its
 * final name and renamed into place last, so a refused or interrupted
 * restore leaves no database behind. The search index is not in the backup:
 * the Hub finds it missing or out of step when it starts, and rebuilds or
 * repairs it (see app/search/index-check.server.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import Database from "better-sqlite3";
import {
  BACKUP_DATABASE_FILE,
  BACKUP_FILES_FOLDER,
  BACKUP_MANIFEST_FILE,
  type BackupManifest,
  BackupManifestSchema,
  copyFiles,
  describeDatabase,
  filesOfSet,
  PARTIAL_SUFFIX,
  STORED_FILE_SETS,
  sha256Of,
} from "./backup-manifest.server";
import { secureDataFolder } from "./data-folder.server";
import { newestKnownMigration } from "./migrate.server";

/** The restore was refused; the message says why, for the operator. */
export class RestoreRefusedError extends Error {
  override name = "RestoreRefusedError";
}

/** Reads and checks a backup folder's manifest. */
export function readBackupManifest(from: string): BackupManifest {
  if (!fs.existsSync(from) || !fs.statSync(from).isDirectory()) {
    throw new RestoreRefusedError(`${from} is not a folder.`);
  }
  if (from.replace(/[/\\]+$/, "").endsWith(PARTIAL_SUFFIX)) {
    throw new RestoreRefusedError(`${from} is a backup that was never finished; choose a complete one.`);
  }
  const manifestFile = path.join(from, BACKUP_MANIFEST_FILE);
  if (!fs.existsSync(manifestFile)) {
    throw new RestoreRefusedError(`${from} is not a complete backup: it has no ${BACKUP_MANIFEST_FILE}.`);
  }
  let parsed: ReturnType<typeof BackupManifestSchema.safeParse>;
  try {
    parsed = BackupManifestSchema.safeParse(JSON.parse(fs.readFileSync(manifestFile, "utf8")));
  } catch {
    throw new RestoreRefusedError(`${manifestFile} is not valid JSON.`);
  }
  if (!parsed.success) {
    throw new RestoreRefusedError(`${manifestFile} is not a backup manifest this Hub can read.`);
  }
  return parsed.data;
}

/** A backup of a database with migrations this Hub does not have comes from a newer Hub. */
function checkSchemaIsKnown(manifest: BackupManifest): void {
  if (manifest.database.migration && manifest.database.migration.createdAt > newestKnownMigration()) {
    throw new RestoreRefusedError(
      `This backup was made by a newer Hub (version ${manifest.hubVersion}) whose database this one cannot read; restore it with that version.`,
    );
  }
}

/** A stored file set's name in a manifest becomes a path: only the Hub's own sets, by their plain names. */
const FILE_SET_NAME = /^[a-z0-9-]+$/;

/** Refuses a manifest naming file sets this Hub does not store, before any of its names is used as a path. */
function checkFileSetNames(from: string, manifest: BackupManifest): void {
  for (const { name } of manifest.files) {
    if (!FILE_SET_NAME.test(name) || !STORED_FILE_SETS.some((set) => set.name === name)) {
      throw new RestoreRefusedError(
        `${from} lists stored files under ${JSON.stringify(name)}, which is not a set of files this Hub keeps; nothing was restored.`,
      );
    }
  }
}

/**
 * A set's files in the backup are exactly those its manifest lists, each
 * with the hash listed (a stored file's own name is its hash too): a file
 * missing, added or altered since the backup was made is refused.
 */
function checkStoredFiles(from: string, set: BackupManifest["files"][number]): void {
  const folder = path.join(from, BACKUP_FILES_FOLDER, set.name);
  const files = filesOfSet(folder);
  if (files.length !== set.files) {
    throw new RestoreRefusedError(`${from} is not a complete backup: files/${set.name} lacks files.`);
  }
  if (!set.entries) return;
  const listed = new Map(set.entries.map((entry) => [entry.path, entry]));
  for (const file of files) {
    const entry = listed.get(file.split(path.sep).join("/"));
    if (!entry) {
      throw new RestoreRefusedError(`${from} holds a file its manifest does not list (files/${set.name}/${file}).`);
    }
    const full = path.join(folder, file);
    if (fs.statSync(full).size !== entry.bytes || sha256Of(full) !== entry.sha256) {
      throw new RestoreRefusedError(
        `${from} has a stored file that was changed after the backup (files/${set.name}/${file}); nothing was restored.`,
      );
    }
  }
  if (listed.size !== files.length) {
    throw new RestoreRefusedError(`${from} is not a complete backup: files/${set.name} lacks files.`);
  }
}

function checkDataFolderIsEmpty(dataDir: string): void {
  for (const name of [BACKUP_DATABASE_FILE, `${BACKUP_DATABASE_FILE}-wal`]) {
    if (fs.existsSync(path.join(dataDir, name))) {
      throw new RestoreRefusedError(
        `The data folder ${dataDir} already holds a database (${name}). A backup is only restored into an empty data folder: move this one aside, or set DATA_DIR to a new folder.`,
      );
    }
  }
  for (const set of STORED_FILE_SETS) {
    if (filesOfSet(path.join(dataDir, set.folder)).length > 0) {
      throw new RestoreRefusedError(`The data folder ${dataDir} already holds files in ${set.folder}/.`);
    }
  }
}

/** Checks the copied database against the manifest: SQLite's integrity check, then every count. */
function checkCopy(file: string, manifest: BackupManifest): void {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new RestoreRefusedError(`The backup's database cannot be opened: ${(error as Error).message}`);
  }
  try {
    let integrity: unknown;
    try {
      integrity = sqlite.pragma("integrity_check", { simple: true });
    } catch (error) {
      integrity = (error as Error).message;
    }
    if (integrity !== "ok") {
      throw new RestoreRefusedError(`The backup's database failed SQLite's integrity check: ${integrity}`);
    }
    const found = describeDatabase(sqlite);
    const expected = {
      migration: manifest.database.migration,
      lastEventId: manifest.database.lastEventId,
      tables: manifest.database.tables,
    };
    if (!isDeepStrictEqual(found, expected)) {
      throw new RestoreRefusedError("The backup's database does not match its manifest (its tables' rows differ).");
    }
  } finally {
    sqlite.close();
  }
}

/** Restores the backup in `from` into the empty data folder `dataDir`. Throws RestoreRefusedError with the reason. */
export function restoreBackup(from: string, dataDir: string): BackupManifest {
  const manifest = readBackupManifest(from);
  checkSchemaIsKnown(manifest);
  const source = path.join(from, BACKUP_DATABASE_FILE);
  if (!fs.existsSync(source)) throw new RestoreRefusedError(`${from} is not a complete backup: it has no database.`);
  if (fs.statSync(source).size !== manifest.database.bytes) {
    throw new RestoreRefusedError(`${from} is not a complete backup: its database is not the size its manifest says.`);
  }
  checkFileSetNames(from, manifest);
  for (const set of manifest.files) checkStoredFiles(from, set);
  checkDataFolderIsEmpty(dataDir);

  secureDataFolder(dataDir);
  const target = path.join(dataDir, BACKUP_DATABASE_FILE);
  const restoring = `${target}.restoring`;
  const copiedFolders: string[] = [];
  try {
    fs.rmSync(restoring, { force: true });
    fs.copyFileSync(source, restoring);
    fs.chmodSync(restoring, 0o600);
    checkCopy(restoring, manifest);
    for (const set of STORED_FILE_SETS) {
      const stored = manifest.files.find((entry) => entry.name === set.name);
      if (!stored) continue;
      const folder = path.join(dataDir, set.folder);
      copiedFolders.push(folder);
      copyFiles(path.join(from, BACKUP_FILES_FOLDER, set.name), folder);
    }
    // Last: from here on the data folder holds the restored database.
    fs.renameSync(restoring, target);
  } catch (error) {
    fs.rmSync(restoring, { force: true });
    for (const folder of copiedFolders) fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return manifest;
}
