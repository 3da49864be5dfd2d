/** What the finder shows, whichever store answered. Client-safe: types and pure helpers only. */
import type { FilterName, SearchableType, TextSegment } from "./search-query";

/** Where a board record belongs, for its result card: the board, the meeting's start (ms), a paper's file type. */
export interface BoardFacts {
  boardName: string;
  meetingAt: number;
  fileType: string | null;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** One result, in the shape the finder page renders. */
export interface FinderHit {
  type: SearchableType;
  url: string;
  kind: string | null;
  status: string;
  partners: { slug: string; name: string }[];
  title: TextSegment[];
  snippet: TextSegment[];
  /**
   * The part of the record the words matched first, in reading order:
   * "title", "summary", "sections.<key>", "body", "tags", "partnerNames" or "linkedItemTitles";
   * null when there were no words.
   */
  matchedIn: string | null;
  /** The date lists show (publication, else last update), in ms. */
  date: number;
  tags: string[];
  /** A roadmap item's latest RAG rating, if it has one. */
  rag: string | null;
  /** A roadmap item's theme, by name. */
  themeName: string | null;
  /** A meeting's, paper's or decision's board, meeting date and file type (absent for other types). */
  boardFacts?: BoardFacts | null;
}

export interface FinderResults {
  hits: FinderHit[];
  total: number;
  page: number;
  pageCount: number;
  /**
   * Each filter's values with counts worked out with every OTHER filter
   * applied, so that ticking a second kind still shows what it would add.
   */
  facets: Record<FilterName, FacetCount[]>;
  /** For each filter in use, how many results there would be without it. */
  totalWithout: Partial<Record<FilterName, number>>;
  /** How many results the words find with no filter at all; null when no filter is in use. */
  unfilteredTotal: number | null;
}

/** Facet values, most results first, then by value. */
export function byCount(distribution: Record<string, number> | undefined): FacetCount[] {
  return Object.entries(distribution ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Years newest first, as people look for them. */
export function byYear(distribution: Record<string, number> | undefined): FacetCount[] {
  return byCount(distribution).sort((a, b) => Number(b.value) - Number(a.value));
}
