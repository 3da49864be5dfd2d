/**
 * Queries that cannot find anything: nothing but stop words ("the of and")
 * or nothing but punctuation ("?!*"). The finder answers them with what to
 * type instead, without asking the engine. Client-safe.
 */
import type { FinderResults } from "./finder-results";
import { meaningfulWords } from "./stop-words";

export type EmptyQueryReason = "stopWordsOnly" | "punctuationOnly";

/** Why this query has nothing to search on, or null when it has words (or is blank: the finder's plain list). */
export function emptyQueryReason(q: string): EmptyQueryReason | null {
  if (!q.trim()) return null;
  if (!/[\p{L}\p{N}]/u.test(q)) return "punctuationOnly";
  return meaningfulWords(q).length === 0 ? "stopWordsOnly" : null;
}

/** The finder's answer to a query with nothing to search on: no results, no counts, the engine not asked. */
export function nothingToSearch(page: number): FinderResults {
  return {
    hits: [],
    total: 0,
    page,
    pageCount: 0,
    facets: { type: [], kind: [], partner: [], tag: [], item: [], year: [] },
    totalWithout: {},
    unfilteredTotal: null,
  };
}
