/**
 * Which finder requests count as a search for the log. A search counts when
 * it has words, is the first page, and search answered it; the same words
 * again from the finder itself (a filter ticked, the order changed, Back to
 * the results) are the same search, and a query run from the analytics page
 * to look at its results is nobody's search (decision 060).
 */
import type { SearchQuery } from "../search/search-query";
import { recordSearch } from "./search-log.server";
import { queryForLog } from "./search-log-query";

/** The path of the page that shows the log: its links to the finder are not searches. */
const ANALYTICS_PATH = "/admin/search";

/** True when the request came from a finder page for the same words, or from the analytics page. */
function isRepeatOrReview(request: Request, logged: string): boolean {
  const referer = request.headers.get("referer");
  if (!referer) return false;
  let from: URL;
  try {
    from = new URL(referer);
  } catch {
    return false;
  }
  if (from.origin !== new URL(request.url).origin) return false;
  if (from.pathname === ANALYTICS_PATH) return true;
  return from.pathname === "/search" && queryForLog(from.searchParams.get("q") ?? "") === logged;
}

/**
 * Records the finder's search when it counts; the token its result links
 * carry, or null. Never throws: a search is never held up by its log.
 */
export function recordFinderSearch(
  request: Request,
  {
    query,
    resultCount,
    searchDown,
    nothingToSearch = false,
  }: { query: SearchQuery; resultCount: number; searchDown: boolean; nothingToSearch?: boolean },
): string | null {
  // While search is down the words go unmatched, and stop words alone were never searched:
  // a count would say nothing about them.
  if (searchDown || nothingToSearch || query.page > 1) return null;
  const logged = queryForLog(query.q);
  if (logged === null || isRepeatOrReview(request, logged)) return null;
  return recordSearch({ query: query.q, resultCount });
}
