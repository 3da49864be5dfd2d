/**
 * The finder's query against the search index: one page of results and the
 * counts of every filter's values, in one multi-search request. Counts are
 * disjunctive: a filter's own values are counted with every OTHER filter
 * applied, so that with "Lesson learned" ticked the kind list still says how
 * many case studies a second tick would add. Who may see what is the search
 * module's visibility filter, added to every query of the request.
 */
import type { SessionUser } from "../auth/principals";
import { glossaryQueryFor } from "../glossary/glossary-synonyms.server";
import { byCount, byYear, type FacetCount, type FinderHit, type FinderResults } from "./finder-results";
import { QUERY_MATCHING, SEARCH_INDEX } from "./index-settings.server";
import { getSearchClient, type SearchParams, whileSearchIsUp } from "./meili.server";
import { MARK_END, MARK_START, quoteFilterValue, toSegments, visibilityFilter } from "./search.server";
import type { SearchDocument } from "./search-document.server";
import {
  effectiveSort,
  FILTER_NAMES,
  type FilterName,
  isFiltered,
  RESULTS_PER_PAGE,
  type SearchableType,
  type SearchQuery,
} from "./search-query";

/** The document attribute each filter reads. */
const FACET_ATTRIBUTE: Record<FilterName, keyof SearchDocument> = {
  type: "type",
  kind: "kind",
  partner: "partners",
  tag: "tags",
  item: "linkedItems",
  year: "year",
};

/** The visibility filter, then one `IN [...]` per filter in use (its values OR'd, the filters AND'd). */
export function finderFilters(user: SessionUser, query: SearchQuery, leaveOut?: FilterName): string[] {
  const filters = [visibilityFilter(user)];
  for (const name of FILTER_NAMES) {
    if (name === leaveOut || query[name].length === 0) continue;
    filters.push(`${FACET_ATTRIBUTE[name]} IN [${query[name].map(quoteFilterValue).join(", ")}]`);
  }
  return filters;
}

const SORT_RULES = {
  relevance: undefined,
  newest: ["date:desc", "updatedAt:desc"],
  oldest: ["date:asc", "updatedAt:asc"],
};

/**
 * The main query of the finder's request: the page of hits, and the counts of
 * the filters not in use (for those, counting with every filter applied is
 * already disjunctive). Exported so the benchmarks send exactly the same request.
 */
export function searchPageParams(user: SessionUser, query: SearchQuery) {
  return {
    ...QUERY_MATCHING,
    filter: finderFilters(user, query),
    facets: FILTER_NAMES.filter((name) => query[name].length === 0).map((name) => FACET_ATTRIBUTE[name]),
    page: query.page,
    hitsPerPage: RESULTS_PER_PAGE,
    sort: SORT_RULES[effectiveSort(query)],
    attributesToRetrieve: [
      "type",
      "url",
      "kind",
      "status",
      "partners",
      "partnerNames",
      "tags",
      "date",
      "rag",
      "themeName",
      "boardFacts",
    ],
    attributesToHighlight: ["title", "summary", "sections", "body"],
    attributesToCrop: ["summary", "sections", "body"],
    cropLength: 40,
    highlightPreTag: MARK_START,
    highlightPostTag: MARK_END,
    showMatchesPosition: Boolean(query.q),
  } satisfies SearchParams;
}

type HitFields = Pick<
  SearchDocument,
  "url" | "kind" | "status" | "partners" | "partnerNames" | "tags" | "date" | "rag" | "themeName" | "boardFacts"
> & {
  type: SearchableType;
};

type Formatted = { title?: string; summary?: string; body?: string; sections?: Record<string, string> };

/**
 * Where the words matched first, in reading order, and the text to show for
 * it: the matching section or body cropped around the match; for a match in
 * the title, tags or partner, the summary.
 */
export function pickSnippet(formatted: Formatted, matched: Set<string>): { matchedIn: string | null; snippet: string } {
  const summary = formatted.summary ?? "";
  const sectionKeys = Object.keys(formatted.sections ?? {}).map((key) => `sections.${key}`);
  const readingOrder = ["title", "summary", ...sectionKeys, "body", "tags", "partnerAliases", "linkedItemTitles"];
  const first = readingOrder.find((field) => matched.has(field)) ?? null;
  if (first === "body") return { matchedIn: first, snippet: formatted.body ?? "" };
  if (first?.startsWith("sections.")) {
    return { matchedIn: first, snippet: formatted.sections?.[first.slice("sections.".length)] ?? summary };
  }
  return { matchedIn: first, snippet: summary };
}

function toHit(hit: HitFields & { _formatted?: unknown; _matchesPosition?: Record<string, unknown> }): FinderHit {
  const formatted = (hit._formatted ?? {}) as Formatted;
  // Match positions are keyed by attribute ("sections.recommendation", or "tags.0" for an array's item).
  const matched = new Set(Object.keys(hit._matchesPosition ?? {}).map((key) => key.replace(/\.\d+$/, "")));
  const { matchedIn, snippet } = pickSnippet(formatted, matched);
  return {
    type: hit.type,
    url: hit.url,
    kind: hit.kind,
    status: hit.status,
    partners: hit.partners.map((slug, index) => ({ slug, name: hit.partnerNames[index] ?? slug })),
    title: toSegments(formatted.title ?? ""),
    snippet: toSegments(snippet),
    matchedIn,
    date: hit.date,
    tags: hit.tags,
    rag: hit.rag ?? null,
    themeName: hit.themeName ?? null,
    boardFacts: hit.boardFacts ?? null,
  };
}

function facetOf(name: FilterName, distribution: Record<string, Record<string, number>> | undefined): FacetCount[] {
  const counts = distribution?.[FACET_ATTRIBUTE[name]];
  return name === "year" ? byYear(counts) : byCount(counts);
}

/**
 * One page of the finder's results across every record type, with
 * disjunctive facet counts, in one request to Meilisearch. Throws
 * SearchUnavailableError when the engine is down.
 */
export async function searchRecords(
  user: SessionUser,
  query: SearchQuery,
  indexUid = SEARCH_INDEX,
): Promise<FinderResults> {
  // The words as the engine can take them: a glossary name too long for its synonyms made short.
  const q = glossaryQueryFor(query.q);
  const chosen = FILTER_NAMES.filter((name) => query[name].length > 0);
  // Per filter in use: its counts with the others applied (which is also the total without it).
  const countQueries = chosen.map((name) => ({
    indexUid,
    q,
    ...QUERY_MATCHING,
    filter: finderFilters(user, query, name),
    facets: [FACET_ATTRIBUTE[name]],
    page: 1,
    hitsPerPage: 0,
  }));
  const unfiltered = isFiltered(query)
    ? [{ indexUid, q, ...QUERY_MATCHING, filter: [visibilityFilter(user)], page: 1, hitsPerPage: 0 }]
    : [];
  const response = await whileSearchIsUp(() =>
    getSearchClient().multiSearch<{ queries: (SearchParams & { indexUid: string })[] }, HitFields>({
      queries: [{ indexUid, q, ...searchPageParams(user, query) }, ...countQueries, ...unfiltered],
    }),
  );
  const [main, ...rest] = response.results;
  if (!main) throw new Error("Meilisearch answered a multi-search with no results");
  const facets = Object.fromEntries(
    FILTER_NAMES.map((name) => {
      const own = chosen.indexOf(name);
      return [name, facetOf(name, own === -1 ? main.facetDistribution : rest[own]?.facetDistribution)];
    }),
  ) as Record<FilterName, FacetCount[]>;
  return {
    hits: main.hits.map(toHit),
    total: main.totalHits ?? 0,
    page: main.page ?? query.page,
    pageCount: main.totalPages ?? 0,
    facets,
    totalWithout: Object.fromEntries(chosen.map((name, index) => [name, rest[index]?.totalHits ?? 0])),
    unfilteredTotal: unfiltered.length > 0 ? (rest[chosen.length]?.totalHits ?? 0) : null,
  };
}
