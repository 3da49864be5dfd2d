/** Pure checks applied to every request before it reaches the app. */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * A state-changing request must come from the Hub's own pages: its Origin
 * (or, failing that, its Referer) must match the Hub's origin. Browsers send
 * Origin on every cross-site POST, so a forged form is refused.
 */
export function isSameOriginRequest({
  method,
  origin,
  referer,
  expectedOrigin,
}: {
  method: string;
  origin: string | null | undefined;
  referer: string | null | undefined;
  expectedOrigin: string;
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const claimed = origin && origin !== "null" ? origin : referer ? safeOrigin(referer) : null;
  return claimed !== null && claimed === expectedOrigin;
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The bodies the Hub's forms send; anything else is refused before it reaches a route. */
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/**
 * A state-changing request with a body must send it as a form. (A body-less
 * request, such as an empty sign-out, needs no type.)
 */
export function isFormBody({
  method,
  contentType,
  hasBody,
}: {
  method: string;
  contentType: string | null | undefined;
  hasBody: boolean;
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase()) || !hasBody) return true;
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return FORM_TYPES.includes(type);
}
