/**
 * Searching posts for one user. Who may see what is decided here, before
 * Meilisearch is asked: the filter is built from the user, never from the
 * request, and facet values from the request are only ever quoted literals.
 */

import type { PostKind, PostStatus } from "../../db/enums";
import { partnersWithUnpublishedAccess, type SessionUser } from "../auth/permissions";
import { listPartners } from "../partners/partners.server";
import { POSTS_INDEX } from "./indexes.server";
import { getSearchClient, whileSearchIsUp } from "./meili.server";
import { RESULTS_PER_PAGE, type SearchQuery, type Suggestion, type TextSegment } from "./search-query";

const MARK_START = "\uE000";
const MARK_END = "\uE001";

/** Quotes a value for a Meilisearch filter expression. */
export function quoteFilterValue(value: string | number): string {
  return `"${String(value).replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/** The filter that limits results to what this user may see; null for admins. */
export function visibilityFilter(user: SessionUser): string | null {
  const managed = partnersWithUnpublishedAccess(user);
  if (managed === null) return null;
  const slugs = managed.length === 0 ? [] : listPartners().filter((partner) => managed.includes(partner.id));
  const allowed = ["all", ...slugs.map((partner) => `partner:${partner.slug}`)];
  return `visibility IN [${allowed.map(quoteFilterValue).join(", ")}]`;
}

function filtersFor(user: SessionUser, query: Partial<SearchQuery>): string[] {
  const filters = [visibilityFilter(user)];
  if (query.kind) filters.push(`kind = ${quoteFilterValue(query.kind)}`);
  if (query.partner) filters.push(`partner = ${quoteFilterValue(query.partner)}`);
  if (query.tag) filters.push(`tags = ${quoteFilterValue(query.tag)}`);
  if (query.year) filters.push(`year = ${quoteFilterValue(query.year)}`);
  return filters.filter((filter): filter is string => filter !== null);
}

/** Splits Meilisearch's highlighted text into plain and matched runs (no HTML involved). */
export function toSegments(formatted: string): TextSegment[] {
  const segments: TextSegment[] = [];
  for (const [index, part] of formatted.split(MARK_START).entries()) {
    if (index === 0) {
      if (part) segments.push({ text: part, match: false });
      continue;
    }
    const [matched = "", rest = ""] = part.split(MARK_END);
    if (matched) segments.push({ text: matched, match: true });
    if (rest) segments.push({ text: rest, match: false });
  }
  return segments;
}

export interface SearchHit {
  slug: string;
  kind: PostKind;
  status: PostStatus;
  partner: { slug: string; name: string };
  title: TextSegment[];
  snippet: TextSegment[];
  date: number;
  tags: string[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResults {
  hits: SearchHit[];
  total: number;
  page: number;
  pageCount: number;
  facets: { kind: FacetCount[]; partner: FacetCount[]; tags: FacetCount[]; year: FacetCount[] };
  took: number;
}

interface HitFields {
  slug: string;
  kind: PostKind;
  status: PostStatus;
  partner: string;
  partnerName: string;
  tags: string[];
  publishedAt: number | null;
  updatedAt: number;
  title: string;
  summary: string;
  body: string;
}

function sortedFacet(distribution: Record<string, number> | undefined): FacetCount[] {
  return Object.entries(distribution ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** One page of results with facet counts. Throws SearchUnavailableError when the engine is down. */
export async function searchPosts(
  user: SessionUser,
  query: SearchQuery,
  indexUid = POSTS_INDEX,
): Promise<SearchResults> {
  const response = await whileSearchIsUp(() =>
    getSearchClient()
      .index<HitFields>(indexUid)
      .search(query.q, {
        filter: filtersFor(user, query),
        facets: ["kind", "partner", "tags", "year"],
        page: query.page,
        hitsPerPage: RESULTS_PER_PAGE,
        sort: query.sort === "newest" ? ["publishedAt:desc", "updatedAt:desc"] : undefined,
        attributesToRetrieve: ["slug", "kind", "status", "partner", "partnerName", "tags", "publishedAt", "updatedAt"],
        attributesToHighlight: ["title", "summary"],
        attributesToCrop: ["body"],
        cropLength: 40,
        highlightPreTag: MARK_START,
        highlightPostTag: MARK_END,
      }),
  );
  const hits = response.hits.map((hit): SearchHit => {
    const formatted = hit._formatted ?? {};
    const body = formatted.body ?? "";
    const snippet = body.includes(MARK_START) ? body : (formatted.summary ?? "");
    return {
      slug: hit.slug,
      kind: hit.kind,
      status: hit.status,
      partner: { slug: hit.partner, name: hit.partnerName },
      title: toSegments(formatted.title ?? ""),
      snippet: toSegments(snippet),
      date: hit.publishedAt ?? hit.updatedAt,
      tags: hit.tags,
    };
  });
  const distribution = response.facetDistribution ?? {};
  return {
    hits,
    total: response.totalHits ?? 0,
    page: response.page ?? query.page,
    pageCount: response.totalPages ?? 0,
    facets: {
      kind: sortedFacet(distribution.kind),
      partner: sortedFacet(distribution.partner),
      tags: sortedFacet(distribution.tags).slice(0, 20),
      year: sortedFacet(distribution.year).sort((a, b) => Number(b.value) - Number(a.value)),
    },
    took: response.processingTimeMs,
  };
}

/** A few titles for the search-as-you-type list. */
export async function suggestPosts(
  user: SessionUser,
  q: string,
  limit = 6,
  indexUid = POSTS_INDEX,
): Promise<Suggestion[]> {
  if (!q.trim()) return [];
  const response = await whileSearchIsUp(() =>
    getSearchClient()
      .index<HitFields>(indexUid)
      .search(q, {
        filter: filtersFor(user, {}),
        limit,
        attributesToRetrieve: ["slug", "title", "kind", "partnerName"],
      }),
  );
  return response.hits.map((hit) => ({
    slug: hit.slug,
    title: hit.title,
    kind: hit.kind,
    partnerName: hit.partnerName,
  }));
}
