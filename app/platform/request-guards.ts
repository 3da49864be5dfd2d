/** Pure checks applied to every request before it reaches the app. */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The only methods the Hub answers; anything else is 405. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"] as const;

/** This machine's names, as they appear in a Host header or a URL's hostname. */
export const LOOPBACK_NAMES: readonly string[] = ["localhost", "127.0.0.1", "[::1]"];

/** True for a connection from this machine ("127.0.0.1", "::1", "::ffff:127.0.0.1"). */
export function isLoopbackAddress(address: string): boolean {
  return /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(address) || address === "::1";
}

/** "::ffff:10.0.0.5" → "10.0.0.5"; "::1" → "[::1]": an address as it appears in a Host header. */
function hostForm(address: string): string {
  const v4 = address.replace(/^::ffff:/i, "");
  return v4.includes(":") ? `[${v4}]` : v4;
}

/**
 * The Hub's own origin for a request, or null when the request names a host
 * the Hub does not serve. Allowed: PUBLIC_ORIGIN's host; the loopback names
 * and the address the request arrived on, with the port it arrived on. The
 * result is built from that list, never from the Host header itself.
 */
export function hubOriginFor({
  host,
  publicOrigin,
  localAddress,
  localPort,
  protocol,
}: {
  host: string | undefined;
  publicOrigin: string | undefined;
  localAddress: string | undefined;
  localPort: number | undefined;
  protocol: string;
}): string | null {
  if (!host) return null;
  const wanted = host.toLowerCase();
  const candidates: string[] = [];
  if (publicOrigin) candidates.push(publicOrigin);
  if (localPort !== undefined) {
    const names = localAddress ? [...LOOPBACK_NAMES, hostForm(localAddress)] : LOOPBACK_NAMES;
    for (const name of names) {
      candidates.push(`${protocol}://${name}:${localPort}`);
      if ((protocol === "http" && localPort === 80) || (protocol === "https" && localPort === 443)) {
        candidates.push(`${protocol}://${name}`);
      }
    }
  }
  return candidates.find((origin) => new URL(origin).host === wanted) ?? null;
}

export const MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * The routes that take an uploaded file, each with its own body limit
 * (decision 050): every other route keeps MAX_REQUEST_BYTES. Remix's data
 * requests (`….data`) are the same route.
 */
const UPLOAD_ROUTES: readonly RegExp[] = [/^\/meetings\/\d+\/papers\/new(?:\.data)?$/];

/** Room in an upload's body for its other fields and the multipart boundaries. */
export const UPLOAD_FORM_OVERHEAD_BYTES = 256 * 1024;

/** The largest body a request may send: an upload route's file limit and its form, else MAX_REQUEST_BYTES. */
export function maxRequestBytesFor(method: string, pathname: string, uploadBytes: number): number {
  if (method.toUpperCase() === "POST" && UPLOAD_ROUTES.some((route) => route.test(pathname))) {
    return uploadBytes + UPLOAD_FORM_OVERHEAD_BYTES;
  }
  return MAX_REQUEST_BYTES;
}

/**
 * A state-changing request must come from the Hub's own pages: its Origin
 * (or, failing that, its Referer) must match the Hub's origin. Browsers send
 * Origin on every cross-site POST, so a forged form is refused. `Origin: null`
 * (a sandboxed frame, a data: page, some redirects) is refused outright, and
 * so is a browser's own word that the request is cross-site (Sec-Fetch-Site).
 */
export function isSameOriginRequest({
  method,
  origin,
  referer,
  fetchSite,
  expectedOrigin,
}: {
  method: string;
  origin: string | null | undefined;
  referer: string | null | undefined;
  fetchSite?: string | string[] | null | undefined;
  expectedOrigin: string;
}): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (fetchSite === "cross-site" || origin === "null") return false;
  const claimed = origin ? origin : referer ? safeOrigin(referer) : null;
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
