/**
 * What the server's composition root (server/http-app.ts) hands every loader
 * and action besides the request: the request's id, which every log line and
 * the error page carry; the client's address (behind a proxy only when
 * PUBLIC_ORIGIN says there is one), for sign-in throttling; and the nonce of
 * this response's Content-Security-Policy, for Remix's inline scripts.
 */
declare module "@remix-run/node" {
  interface AppLoadContext {
    requestId: string;
    clientAddress: string;
    /** The address health details and /metrics are judged by (see server/client-address.ts). */
    monitoringAddress: string;
    cspNonce: string;
  }
}

/** Request ids are ours, or a proxy's in this shape: never arbitrary text in logs or pages. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;
