/**
 * Domain errors: what commands and queries throw when a request cannot be
 * met. No web-framework import here; `http.server.ts` turns them into
 * responses (404, 403, 400) at the edge.
 */

/** The thing asked for does not exist, or the actor may not know it exists. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** The actor may see the thing but not do this to it. */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}

/** Field name ("title", "section.lesson") to message keys. */
export type FieldErrors = Record<string, string[]>;

/** Expected, user-correctable input errors, keyed by form field, carrying message keys. */
export class ValidationError extends Error {
  override name = "ValidationError";
  constructor(readonly fieldErrors: FieldErrors) {
    super(`Invalid input: ${Object.keys(fieldErrors).join(", ")}`);
  }
}

/**
 * The database could not take the write: another process held its write
 * lock for longer than the Hub waits ("busy"), or the disk (or the file's
 * size limit) is full ("full"). Nothing of the write was kept; trying again
 * later may work.
 */
export class StorageUnavailableError extends Error {
  override name = "StorageUnavailableError";
  constructor(
    readonly reason: "busy" | "full",
    options?: { cause?: unknown },
  ) {
    super(
      reason === "busy" ? "The database stayed locked by another writer" : "The database's storage is full",
      options,
    );
  }
}
