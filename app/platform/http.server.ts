import { data } from "@remix-run/node";

/** Thrown by domain commands when the actor may not do what it asked. */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}

/** Thrown by domain commands when the thing asked for does not exist (or may not be seen). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** Expected, user-correctable errors, keyed by form field, carrying message keys. */
export class ValidationError extends Error {
  override name = "ValidationError";
  constructor(readonly fieldErrors: Record<string, string[]>) {
    super("Validation failed");
  }
}

export function notFound(message = "Not found"): never {
  throw data({ message }, { status: 404 });
}

export function forbidden(message = "Forbidden"): never {
  throw data({ message }, { status: 403 });
}

/** Turns domain errors into HTTP responses so a route cannot leak them as 500s. */
export function rethrowAsResponse(error: unknown): never {
  if (error instanceof ForbiddenError) forbidden(error.message);
  if (error instanceof NotFoundError) notFound(error.message);
  throw error;
}

/**
 * Runs a domain command for a form action: bad input comes back as field
 * errors with status 400; forbidden and not-found become thrown responses.
 */
export function runFormCommand<T>(
  command: () => T,
): { ok: true; value: T } | { ok: false; errors: Record<string, string[]> } {
  try {
    return { ok: true, value: command() };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, errors: error.fieldErrors };
    rethrowAsResponse(error);
  }
}
