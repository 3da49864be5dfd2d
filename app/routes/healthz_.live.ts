/**
 * Liveness: the process answers requests. No database, no search, nothing
 * that could make a living process look dead; restart it only when this fails.
 */
export function loader() {
  return new Response("live", {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
