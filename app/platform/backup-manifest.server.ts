/**
 * What a backup holds and how it is described: the database as `hub.db`, the
 * Hub's stored files under `files/<set>/`, and `manifest.json`, written last,
 * with the counts a restore checks the copy against. See
 * docs/decisions/025-backups.md for what is left out, and why.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";
import { z } from "zod";
import { listFiles } from "./files.server";

export const BACKUP_DATABASE_FILE = "hub.db";
export const BACKUP_MANIFEST_FILE = "manifest.json";
export const BACKUP_FILES_FOLDER = "files";
/** A backup being written; renamed without it once complete, so a half-written one is never taken for a backup. */
export const PARTIAL_SUFFIX = ".partial";

/**
 * Folders of files the Hub keeps in its data folder besides the database,
 * each backed up as `files/<name>` and restored to `<data folder>/<folder>`:
 * the papers' stored files (app/files/file-storage.server.ts). The search
 * engine's data is not one of them: the index is rebuilt from the database.
 */
export const STORED_FILE_SETS: readonly { name: string; folder: string }[] = [{ name: "papers", folder: "files" }];

export const BackupManifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.iso.datetime(),
  hubVersion: z.string(),
  database: z.object({
    file: z.literal(BACKUP_DATABASE_FILE),
    bytes: z.number().int().nonnegative(),
    /** The last schema migration applied, by its time stamp (drizzle's `created_at`), and how many there are. */
    migration: z.object({ createdAt: z.number().int(), count: z.number().int() }).nullable(),
    lastEventId: z.number().int().nonnegative(),
    /** Rows per table. */
    tables: z.record(z.string(), z.number().int().nonnegative()),
  }),
  files: z.array(
    z.object({
      name: z.string(),
      files: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      /** Each file with its SHA-256, checked on restore (absent from backups made before papers). */
      entries: z
        .array(
          z.object({
            path: z.string(),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
            bytes: z.number().int().nonnegative(),
          }),
        )
        .optional(),
    }),
  ),
});

export type BackupManifest = z.infer<typeof BackupManifestSchema>;

/** The Hub's version, from package.json (found whether this runs from source or from the server bundle). */
export function hubVersion(): string {
  const candidates = [
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../package.json"),
    path.resolve(process.cwd(), "package.json"),
  ];
  for (const file of candidates) {
    try {
      const { version } = JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string };
      if (version) return version;
    } catch {
      // try the next place
    }
  }
  return "unknown";
}

/** Rows per table, the last migration and the last event of a database, as the manifest records them. */
export function describeDatabase(sqlite: Database.Database): Omit<BackupManifest["database"], "file" | "bytes"> {
  const names = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  const tables: Record<string, number> = {};
  for (const name of names) {
    tables[name] = sqlite
      .prepare(`select count(*) from "${name.replace(/"/g, '""')}"`)
      .pluck()
      .get() as number;
  }
  const migration = names.includes("__drizzle_migrations")
    ? (sqlite.prepare("select max(created_at) as createdAt, count(*) as count from __drizzle_migrations").get() as {
        createdAt: number | null;
        count: number;
      })
    : null;
  const lastEventId = names.includes("events")
    ? ((sqlite.prepare("select coalesce(max(id), 0) from events").pluck().get() as number) ?? 0)
    : 0;
  return {
    migration: migration?.createdAt == null ? null : { createdAt: Number(migration.createdAt), count: migration.count },
    lastEventId,
    tables,
  };
}

export interface CopiedFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** A set's files, without temporary ones (an upload under way is named with a leading dot). */
export function filesOfSet(folder: string): string[] {
  return listFiles(folder).filter((file) => !path.basename(file).startsWith("."));
}

export function sha256Of(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Copies a folder's files, owner-only, and says how many, how big, and each one's hash (of the copy). */
export function copyFiles(from: string, to: string): { files: number; bytes: number; entries: CopiedFile[] } {
  let bytes = 0;
  const entries: CopiedFile[] = [];
  for (const file of filesOfSet(from)) {
    const target = path.join(to, file);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    fs.copyFileSync(path.join(from, file), target, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(target, 0o600);
    const size = fs.statSync(target).size;
    bytes += size;
    entries.push({ path: file.split(path.sep).join("/"), sha256: sha256Of(target), bytes: size });
  }
  return { files: entries.length, bytes, entries };
}
