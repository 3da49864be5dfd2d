import { getEnv, isProduction } from "./env.server";

/**
 * In production cookies are `Secure` with the `__Host-` prefix (bound to this
 * host, path "/", no Domain). Browsers accept that over HTTPS and on
 * loopback addresses, the only places a production Hub should be reached.
 */
export function usesSecureCookies(): boolean {
  return isProduction();
}

/** True when the Hub says it is served over HTTPS: HSTS is then sent. */
export function servedOverHttps(): boolean {
  return isProduction() && getEnv().PUBLIC_ORIGIN?.startsWith("https:") === true;
}
