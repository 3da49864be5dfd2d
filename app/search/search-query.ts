/** Reading the finder's query string. Client-safe: no server imports. */
import { POST_KINDS, type RecordType } from "../../db/enums";

/** The record types search holds (each has a SearchSource on the server). */
export const SEARCHABLE_TYPES = [
  "post",
  "roadmap_item",
  "meeting",
  "paper",
  "decision",
] as const satisfies readonly RecordType[];
export type SearchableType = (typeof SEARCHABLE_TYPES)[number];

/**
 * The kinds (each type's own category) the kind facet knows: a post's kind.
 * A roadmap item's kind is its theme, which administrators add: the server
 * passes the themes' slugs to parseSearchQuery. Other values are ignored.
 */
export const SEARCHABLE_KINDS: readonly string[] = [...POST_KINDS];

export const MAX_QUERY_LENGTH = 512;
export const RESULTS_PER_PAGE = 10;
export const MAX_PAGE = 1000;
/** More values than anyone ticks by hand; a longer list in an address is cut, never an error. */
export const MAX_VALUES_PER_FILTER = 20;

/** The finder's filters, in the order the page shows them. Values of one are OR'd; different ones AND'd. */
export const FILTER_NAMES = ["type", "kind", "partner", "tag", "item", "year"] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export const SORTS = ["relevance", "newest", "oldest"] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchQuery {
  q: string;
  /** Record types. */
  type: SearchableType[];
  /** Each record type's own category, such as a post's kind. */
  kind: string[];
  partner: string[];
  tag: string[];
  /** Slugs of roadmap items: records linked to any of them. */
  item: string[];
  year: string[];
  page: number;
  /** As asked; undefined means the default (see effectiveSort). */
  sort?: Sort;
  /** The query was longer than MAX_QUERY_LENGTH and was cut. */
  truncated: boolean;
}

const FACET_VALUE = /^[a-z0-9-]{1,80}$/;

function isYear(value: string): boolean {
  const year = Number(value);
  return /^\d{4}$/.test(value) && year >= 1990 && year <= 2100;
}

const ACCEPTS: Record<FilterName, (value: string) => boolean> = {
  type: (value) => (SEARCHABLE_TYPES as readonly string[]).includes(value),
  kind: (value) => SEARCHABLE_KINDS.includes(value),
  partner: (value) => FACET_VALUE.test(value),
  tag: (value) => FACET_VALUE.test(value),
  item: (value) => FACET_VALUE.test(value),
  year: isYear,
};

/** A filter's values: well formed, each once, at most MAX_VALUES_PER_FILTER; anything else is ignored. */
function valuesOf(params: URLSearchParams, name: FilterName, accepts = ACCEPTS[name]): string[] {
  const values = params
    .getAll(name)
    .map((value) => value.trim())
    .filter((value) => accepts(value));
  return [...new Set(values)].slice(0, MAX_VALUES_PER_FILTER);
}

/**
 * Parses `/search?q=&type=&kind=&partner=&tag=&item=&year=&page=&sort=`, where each
 * filter may come several times. Values that are not well formed are ignored,
 * never an error; an out-of-range page stays out of range (and shows an empty page).
 * `themes`: the roadmap's theme slugs, also taken as kinds.
 */
export function parseSearchQuery(params: URLSearchParams, themes: readonly string[] = []): SearchQuery {
  const raw = (params.get("q") ?? "").replace(/\s+/g, " ").trim();
  const q = Array.from(raw).slice(0, MAX_QUERY_LENGTH).join("");
  const page = Number(params.get("page") ?? "1");
  const sort = params.get("sort") ?? "";
  return {
    q,
    truncated: q.length < raw.length,
    type: valuesOf(params, "type") as SearchableType[],
    kind: valuesOf(params, "kind", (value) => ACCEPTS.kind(value) || themes.includes(value)),
    partner: valuesOf(params, "partner"),
    tag: valuesOf(params, "tag"),
    item: valuesOf(params, "item"),
    year: valuesOf(params, "year"),
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : undefined,
  };
}

/** Best match when there are words to match, newest first when there are none (best match means nothing then). */
export function effectiveSort(query: Pick<SearchQuery, "q" | "sort">): Sort {
  if (!query.q) return query.sort === "oldest" ? "oldest" : "newest";
  return query.sort ?? "relevance";
}

/** Is any filter chosen? */
export function isFiltered(query: Pick<SearchQuery, FilterName>): boolean {
  return FILTER_NAMES.some((name) => query[name].length > 0);
}

/** The same query with no filters (the words and order kept). */
export function withoutFilters(query: SearchQuery): SearchQuery {
  return { ...query, type: [], kind: [], partner: [], tag: [], item: [], year: [], page: 1 };
}

/** The same query without one value of one filter, back on page 1. */
export function withoutValue(query: SearchQuery, name: FilterName, value: string): SearchQuery {
  return { ...query, [name]: query[name].filter((other) => other !== value), page: 1 };
}

/** The finder's address for a query, leaving out what is empty or default. */
export function searchHref(query: Partial<SearchQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const name of FILTER_NAMES) for (const value of query[name] ?? []) params.append(name, value);
  if (query.sort) params.set("sort", query.sort);
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
