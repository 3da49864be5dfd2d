/** Turning domain errors into HTTP responses, at the edge of the app. */
import { data } from "@remix-run/node";
import { type FieldErrors, ForbiddenError, NotFoundError, ValidationError } from "./errors";

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

/** Rethrows not-found and forbidden as 404 and 403 responses; anything else is rethrown as it is. */
export function rethrowAsResponse(error: unknown): never {
  if (error instanceof ForbiddenError) forbidden(error.message);
  if (error instanceof NotFoundError) notFound(error.message);
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
