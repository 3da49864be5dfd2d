/** Turning domain errors into HTTP responses, at the edge of the app. */
import { data } from "@remix-run/node";
import { asStorageError } from "./db.server";
import {
  type FieldErrors,
  ForbiddenError,
  NotFoundError,
  type StorageUnavailableError,
  ValidationError,
} from "./errors";

/** Seconds a client is asked to wait before trying again after a 503. */
export const RETRY_AFTER_SECONDS = 5;

export function notFound(message = "Not found"): never {
  throw data({ message }, { status: 404 });
}

export function forbidden(message = "Forbidden"): never {
  throw data({ message }, { status: 403 });
}

/** The request's form; a body that cannot be read as one (a broken multipart, say) is a 400, not a 500. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw data({ message: "The form could not be read" }, { status: 400 });
  }
}

/**
 * A database that cannot take a write is the service's state, not the
 * request's fault and not a bug: 503 with Retry-After while another writer
 * holds the lock, 507 when the storage is full. Null for any other error.
 */
export function storageErrorResponse(error: unknown) {
  const storage = asStorageError(error);
  // Known by its name: the server and the built app each load their own copy of the class.
  if (!(storage instanceof Error) || storage.name !== "StorageUnavailableError") return null;
  return (storage as StorageUnavailableError).reason === "busy"
    ? data(
        { message: "The Hub is busy: nothing was saved. Try again in a few seconds." },
        { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
      )
    : data({ message: "The Hub's storage is full: nothing was saved." }, { status: 507 });
}

/**
 * Rethrows not-found and forbidden as 404 and 403 responses; anything else
 * as it is (storage errors are answered for every route, with a log line,
 * by the server's wrapper of the routes: server/storage-errors.ts).
 */
export function rethrowAsResponse(error: unknown): never {
  if (error instanceof ForbiddenError) forbidden(error.message);
  // One answer for "no such record" and "not yours to see": the message would tell them apart.
  if (error instanceof NotFoundError) notFound();
  throw error;
}

/** Runs a domain query or command for a loader or action, so its not-found and forbidden become 404 and 403. */
export function orRespond<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    rethrowAsResponse(error);
  }
}

/**
 * Runs a domain command for a form action: bad input comes back as field
 * errors (the route answers 400 with them); forbidden and not-found become
 * thrown responses.
 */
export function runFormCommand<T>(command: () => T): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  try {
    return { ok: true, value: command() };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, errors: error.fieldErrors };
    rethrowAsResponse(error);
  }
}
