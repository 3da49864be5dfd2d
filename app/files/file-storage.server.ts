/**
 * The only code that touches stored files (decision 050). Files are kept
 * under `<data folder>/files/`, named by the SHA-256 of their content
 * (`files/ab/cdef…`), so the same file uploaded twice is stored once and no
 * name a client sent ever reaches the file system. An upload is streamed to a
 * temporary file in that folder, hashed as it arrives and cut off past its
 * size limit; only a complete upload of an allowed type is renamed into
 * place (after fsync). Whatever goes wrong on the way (too large, a type not
 * allowed, the client gone mid-body), the temporary file is removed.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { eq } from "drizzle-orm";
import type { PaperFileType } from "../../db/enums";
import { papers, storedFiles } from "../../db/schema";
import type { Db } from "../platform/db.server";
import { getEnv } from "../platform/env.server";
import { detectFileType } from "./file-detection.server";
import { cleanFileName } from "./file-types";

/** The stored files' folder in the data folder (also what backups copy). */
export const STORED_FILES_FOLDER = "files";
const TEMPORARY_PREFIX = ".upload-";
const SHA256 = /^[0-9a-f]{64}$/;

export interface StoredFileFacts {
  sha256: string;
  size: number;
  fileType: PaperFileType;
}

/** A complete upload of an allowed type, waiting in its temporary file to be kept or discarded. */
export interface StagedUpload extends StoredFileFacts {
  /** The uploaded name, cleaned (for the download's suggested name only). */
  fileName: string;
  temporaryPath: string;
}

export type StageOutcome =
  | { ok: true; upload: StagedUpload }
  | { ok: false; problem: "empty" | "too-large" | "wrong-type" };

export function storedFilesFolder(dataDir: string = getEnv().dataDir): string {
  return path.join(dataDir, STORED_FILES_FOLDER);
}

/** Where a stored file lives: `files/ab/cdef…`. Only ever from a hash checked to be one. */
export function storedFilePath(sha256: string, dataDir?: string): string {
  if (!SHA256.test(sha256)) throw new Error("Not a stored file's hash");
  return path.join(storedFilesFolder(dataDir), sha256.slice(0, 2), sha256.slice(2));
}

function ensureFolder(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
}

/**
 * Counts and hashes what passes through. Past `maxBytes` it writes nothing
 * more but goes on reading to the end: a multipart parser must see the whole
 * body (the fields after the file, and the answer waits for it).
 */
class HashingLimit extends Transform {
  readonly hash = createHash("sha256");
  size = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  get tooLarge(): boolean {
    return this.size > this.maxBytes;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.tooLarge) {
      callback();
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncFolder(folder: string): void {
  try {
    fsyncFile(folder);
  } catch {
    // Some file systems cannot sync a folder; the file's own fsync still stands.
  }
}

/**
 * Streams an upload into a temporary file, hashing it; checks its size and
 * type. Rejects (with the temporary file gone) when the stream fails, such as
 * a client that leaves mid-upload.
 */
export async function stageUpload(
  content: Readable,
  { name, maxBytes, dataDir }: { name: string; maxBytes: number; dataDir?: string },
): Promise<StageOutcome> {
  const folder = storedFilesFolder(dataDir);
  ensureFolder(folder);
  const temporaryPath = path.join(folder, `${TEMPORARY_PREFIX}${randomBytes(12).toString("hex")}`);
  const counter = new HashingLimit(maxBytes);
  try {
    await pipeline(content, counter, fs.createWriteStream(temporaryPath, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    fs.rmSync(temporaryPath, { force: true });
    throw error;
  }
  if (counter.tooLarge) {
    fs.rmSync(temporaryPath, { force: true });
    return { ok: false, problem: "too-large" };
  }
  if (counter.size === 0) {
    fs.rmSync(temporaryPath, { force: true });
    return { ok: false, problem: "empty" };
  }
  const fileType = detectFileType(temporaryPath, name);
  if (!fileType) {
    fs.rmSync(temporaryPath, { force: true });
    return { ok: false, problem: "wrong-type" };
  }
  return {
    ok: true,
    upload: {
      sha256: counter.hash.digest("hex"),
      size: counter.size,
      fileType,
      fileName: cleanFileName(name, fileType),
      temporaryPath,
    },
  };
}

/** Stages a file already in memory (the demo content's papers), by the same checks as an upload. */
export function stageBytes(
  content: Buffer,
  { name, maxBytes, dataDir }: { name: string; maxBytes: number; dataDir?: string },
): StageOutcome {
  if (content.length === 0) return { ok: false, problem: "empty" };
  if (content.length > maxBytes) return { ok: false, problem: "too-large" };
  const folder = storedFilesFolder(dataDir);
  ensureFolder(folder);
  const temporaryPath = path.join(folder, `${TEMPORARY_PREFIX}${randomBytes(12).toString("hex")}`);
  fs.writeFileSync(temporaryPath, content, { flag: "wx", mode: 0o600 });
  const fileType = detectFileType(temporaryPath, name);
  if (!fileType) {
    fs.rmSync(temporaryPath, { force: true });
    return { ok: false, problem: "wrong-type" };
  }
  return {
    ok: true,
    upload: {
      sha256: createHash("sha256").update(content).digest("hex"),
      size: content.length,
      fileType,
      fileName: cleanFileName(name, fileType),
      temporaryPath,
    },
  };
}

/** Drops a staged upload that will not be kept (the form had other errors). */
export function discardUpload(upload: StagedUpload): void {
  fs.rmSync(upload.temporaryPath, { force: true });
}

/**
 * Moves a staged upload to its place, durably; when the same content is
 * stored already, the copy is dropped. Call before the transaction that
 * records it (see `recordStoredFile`), and `removeUnusedStoredFile` if that
 * transaction fails.
 */
export function keepUpload(upload: StagedUpload, dataDir?: string): void {
  const target = storedFilePath(upload.sha256, dataDir);
  if (fs.existsSync(target)) {
    fs.rmSync(upload.temporaryPath, { force: true });
    return;
  }
  ensureFolder(path.dirname(target));
  fsyncFile(upload.temporaryPath);
  fs.renameSync(upload.temporaryPath, target);
  fsyncFolder(path.dirname(target));
}

/** The stored_files row of a kept upload, in the transaction of the record that uses it. */
export function recordStoredFile(tx: Db, file: StoredFileFacts): void {
  tx.insert(storedFiles)
    .values({ sha256: file.sha256, size: file.size, fileType: file.fileType })
    .onConflictDoNothing()
    .run();
}

/** In a transaction: deletes the stored_files row when no paper uses the file any more; true if it did. */
export function forgetStoredFileIfUnused(tx: Db, sha256: string): boolean {
  const used = tx.select({ id: papers.id }).from(papers).where(eq(papers.fileSha256, sha256)).limit(1).get();
  if (used) return false;
  return tx.delete(storedFiles).where(eq(storedFiles.sha256, sha256)).run().changes > 0;
}

/** Removes a stored file from the disk (its row forgotten in the same transaction). */
export function removeStoredFile(sha256: string, dataDir?: string): void {
  fs.rmSync(storedFilePath(sha256, dataDir), { force: true });
}

/** After the transaction: removes the file itself when no row names it (forgotten, or never recorded). */
export function removeUnusedStoredFile(db: Db, sha256: string, dataDir?: string): void {
  const row = db.select({ sha256: storedFiles.sha256 }).from(storedFiles).where(eq(storedFiles.sha256, sha256)).get();
  if (!row) fs.rmSync(storedFilePath(sha256, dataDir), { force: true });
}

/** A stored file to stream out (a download); null when it is missing from the disk. */
export function openStoredFile(sha256: string, dataDir?: string): fs.ReadStream | null {
  const file = storedFilePath(sha256, dataDir);
  try {
    const fd = fs.openSync(file, "r");
    return fs.createReadStream(file, { fd });
  } catch {
    return null;
  }
}

/** The stored file's path for a reader in this process (text extraction). */
export function storedFileForReading(sha256: string, dataDir?: string): string {
  return storedFilePath(sha256, dataDir);
}

/** Temporary files of uploads older than an hour: left by a process that died mid-upload. Removed at start. */
export function removeAbandonedUploads(dataDir?: string, now = Date.now()): number {
  const folder = storedFilesFolder(dataDir);
  if (!fs.existsSync(folder)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(folder)) {
    if (!name.startsWith(TEMPORARY_PREFIX)) continue;
    const file = path.join(folder, name);
    if (now - fs.statSync(file).mtimeMs > 60 * 60_000) {
      fs.rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Temporary upload files present now (tests check an upload left none). */
export function temporaryUploads(dataDir?: string): string[] {
  const folder = storedFilesFolder(dataDir);
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.startsWith(TEMPORARY_PREFIX)) : [];
}
