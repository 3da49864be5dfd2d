/**
 * Before anything opens the database: is the data folder a folder, can this
 * user write in it, and is there room? Each problem stops the Hub with one
 * message that says what to change, instead of a stack trace from deep in
 * SQLite (decision 026). A supervisor restarting the Hub gets the same
 * message each time, and nothing half-made is left in the folder.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Below this much free space the Hub does not start: a write could fail at any moment. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

/** A data folder the Hub cannot run on; its message is meant for the operator as it is. */
export class DataFolderError extends Error {
  override name = "DataFolderError";
}

function whoAmI(): string {
  try {
    return os.userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? "?"}`;
  }
}

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? "";
}

function describe(error: unknown, dir: string): string {
  switch (code(error)) {
    case "EACCES":
    case "EPERM":
      return `The data folder ${dir} is not writable by the user the Hub runs as (${whoAmI()}). Give that user the folder (chown), or set DATA_DIR to a folder it owns.`;
    case "EROFS":
      return `The data folder ${dir} is on a read-only file system. Set DATA_DIR to a folder on a writable disk.`;
    case "ENOSPC":
    case "EDQUOT":
    case "EFBIG":
      return `The disk holding the data folder ${dir} is full. Free some space, or set DATA_DIR to a folder on another disk.`;
    case "ENOTDIR":
    case "EEXIST":
      return `The data folder ${dir} cannot be made: part of its path is a file. Set DATA_DIR to a folder.`;
    default:
      return `The data folder ${dir} cannot be used: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Throws DataFolderError when the Hub cannot keep its data in `dir`. */
export function checkDataFolder(dir: string, minFreeBytes = MIN_FREE_BYTES): void {
  const existing = fs.statSync(dir, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory()) {
    throw new DataFolderError(
      `DATA_DIR (${dir}) is a file, not a folder. Move the file away, or set DATA_DIR to a folder.`,
    );
  }
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DataFolderError(describe(error, dir));
  }
  // Written and synced, as SQLite's journal would be: a folder can be listed yet refuse new files.
  const probe = path.join(dir, `.write-check-${process.pid}`);
  try {
    const fd = fs.openSync(probe, "w", 0o600);
    try {
      fs.writeSync(fd, Buffer.alloc(64 * 1024));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw new DataFolderError(describe(error, dir));
  } finally {
    fs.rmSync(probe, { force: true });
  }
  const { bavail, bsize } = fs.statfsSync(dir);
  const free = bavail * bsize;
  if (free < minFreeBytes) {
    throw new DataFolderError(
      `The disk holding the data folder ${dir} has ${Math.floor(free / 1024 / 1024)} MB free; the Hub needs at least ${Math.ceil(minFreeBytes / 1024 / 1024)} MB. Free some space, or set DATA_DIR to a folder on another disk.`,
    );
  }
}
