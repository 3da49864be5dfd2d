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
