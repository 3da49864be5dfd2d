import { useEffect } from "react";
import { queryForLog } from "~/search-analytics/search-log-query";

/** Where the page keeps its search's token, for Back to the results and the next pages of the same words. */
const STORAGE_KEY = "hub.search-log";

function readKept(): { query: string; token: string } | null {
  try {
    const kept = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as unknown;
    if (kept && typeof kept === "object" && "query" in kept && "token" in kept) {
      const { query, token } = kept as { query: unknown; token: unknown };
      if (typeof query === "string" && typeof token === "string") return { query, token };
    }
  } catch {
    // Storage refused or spoiled: the open is simply not counted.
  }
  return null;
}

function keep(query: string, token: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ query, token }));
  } catch {
    // Storage refused: opens from later pages of this search go uncounted.
  }
}

/**
 * Tells the search log that a result was opened (decision 060). Result
 * links stay plain links to the record; once scripts run, a click on one
 * also sends a small beacon naming the search by its opaque token. The
 * token of the search's first page is kept for this tab, so that opening a
 * result from a later page, or after Back, counts for the same search.
 */
export function SearchOpenedBeacon({ q, token }: { q: string; token: string | null }) {
  useEffect(() => {
    const query = queryForLog(q);
    if (query === null) return;
    if (token) keep(query, token);
    const kept = readKept();
    const current = token ?? (kept?.query === query ? kept.token : null);
    if (!current) return;
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.(".app-results > li > h3 a");
      if (!link || typeof navigator.sendBeacon !== "function") return;
      navigator.sendBeacon("/search/opened", new URLSearchParams({ search: current }));
    };
    // Middle clicks (a new tab) count too: "auxclick".
    document.addEventListener("click", onClick);
    document.addEventListener("auxclick", onClick);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("auxclick", onClick);
    };
  }, [q, token]);
  return null;
}
