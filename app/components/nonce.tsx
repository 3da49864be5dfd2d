import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of the response being rendered, for the
 * inline scripts Remix writes. Empty in the browser, which needs none after
 * the page has loaded.
 */
export const NonceContext = createContext("");

export function useNonce(): string {
  return useContext(NonceContext);
}
