/**
 * The request id to quote when something went wrong. A page loaded with an
 * error carries its id in the root loader's data; after that, pages load
 * their data with fetch, so the id of the last request the server failed is
 * read from its `X-Request-Id` header as the response goes by.
 */
let lastFailedRequestId: string | null = null;

/** Watches the browser's requests to the Hub for server errors; reads headers only, changes nothing. */
export function watchFailedRequests(): void {
  const original = window.fetch.bind(window);
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    const response = await original(...args);
    // Only the page data Remix loads while navigating: a handled failure elsewhere (suggestions) is not the page's.
    if (response.status >= 500 && new URL(response.url, window.location.href).pathname.endsWith(".data")) {
      lastFailedRequestId = response.headers.get("X-Request-Id") ?? lastFailedRequestId;
    }
    return response;
  };
}

/** The id of the last failed request since this page loaded, if any. */
export function failedRequestId(): string | null {
  return lastFailedRequestId;
}
