/** Reading the search page's query string. Client-safe: no server imports. */
import { POST_KINDS, type RecordType } from "../../db/enums";

/** The record types search holds (each has a SearchSource on the server). */
export const SEARCHABLE_TYPES = ["post"] as const satisfies readonly RecordType[];
export type SearchableType = (typeof SEARCHABLE_TYPES)[number];

/** The kinds (each type's own categories) the kind facet knows; other values are ignored. */
export const SEARCHABLE_KINDS: readonly string[] = [...POST_KINDS];

export const MAX_QUERY_LENGTH = 512;
export const RESULTS_PER_PAGE = 10;
export const MAX_PAGE = 1000;

export interface SearchQuery {
  q: string;
  type?: SearchableType;
  /** The record type's own category, such as a post's kind. */
  kind?: string;
  partner?: string;
  tag?: string;
  year?: number;
  page: number;
  sort: "relevance" | "newest";
  /** The query was longer than MAX_QUERY_LENGTH and was cut. */
  truncated: boolean;
}

const FACET_VALUE = /^[a-z0-9-]{1,80}$/;

/**
 * Parses `/search?q=&type=&kind=&partner=&tag=&year=&page=&sort=`. Values that are
 * not well formed are ignored, never an error; an out-of-range page stays out
 * of range (and shows an empty page).
 */
export function parseSearchQuery(params: URLSearchParams): SearchQuery {
  const raw = (params.get("q") ?? "").replace(/\s+/g, " ").trim();
  const q = Array.from(raw).slice(0, MAX_QUERY_LENGTH).join("");
  const type = params.get("type") ?? "";
  const kind = params.get("kind") ?? "";
  const partner = params.get("partner") ?? "";
  const tag = params.get("tag") ?? "";
  const year = Number(params.get("year"));
  const page = Number(params.get("page") ?? "1");
  return {
    q,
    truncated: q.length < raw.length,
    type: (SEARCHABLE_TYPES as readonly string[]).includes(type) ? (type as SearchableType) : undefined,
    kind: SEARCHABLE_KINDS.includes(kind) ? kind : undefined,
    partner: FACET_VALUE.test(partner) ? partner : undefined,
    tag: FACET_VALUE.test(tag) ? tag : undefined,
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
    sort: params.get("sort") === "newest" ? "newest" : "relevance",
  };
}

/** The query string for a search, leaving out what is empty or default. */
export function searchHref(query: Partial<SearchQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.type) params.set("type", query.type);
  if (query.kind) params.set("kind", query.kind);
  if (query.partner) params.set("partner", query.partner);
  if (query.tag) params.set("tag", query.tag);
  if (query.year) params.set("year", String(query.year));
  if (query.sort && query.sort !== "relevance") params.set("sort", query.sort);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `/search?${search}` : "/search";
}

/** A run of text, highlighted where it matched the query. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** One search-as-you-type entry. */
export interface Suggestion {
  type: SearchableType;
  url: string;
  title: string;
  kind: string | null;
  partnerNames: string[];
}
