/**
 * The search module: index, remove, search, suggest. Who may see what is
 * decided before Meilisearch is asked: every document carries its record
 * policy's readers as `visibility`, and the filter is the asker's principals,
 * built from the session, never from the request. Facet values from the
 * request are only ever quoted literals.
 */
import type { RecordType } from "../../db/enums";
import { principalsOf, type SessionUser } from "../auth/principals";
import { listPartners } from "../partners/partners.server";
import { QUERY_MATCHING, SEARCH_INDEX } from "./index-settings.server";
import { getSearchClient, type SearchParams, succeeded, whileSearchIsUp } from "./meili.server";
import type { SearchDocument } from "./search-document.server";
import type { SearchableType, Suggestion, TextSegment } from "./search-query";

/** Well under Meilisearch's default 100 MB payload limit, whatever the records' size. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/** Splits documents into runs whose JSON stays under `maxBytes` (a lone larger document goes alone). */
export function chunksOfAtMost<T>(documents: T[], maxBytes: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const document of documents) {
    const bytes = Buffer.byteLength(JSON.stringify(document));
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(document);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Adds or replaces documents, and waits until Meilisearch has them. Throws SearchRejectedError if it refuses them. */
export async function indexDocuments(documents: SearchDocument[], indexUid = SEARCH_INDEX): Promise<void> {
  const index = getSearchClient().index(indexUid);
  for (const chunk of chunksOfAtMost(documents, MAX_PAYLOAD_BYTES)) {
    await succeeded(() => index.addDocuments(chunk, { primaryKey: "id" }), 600_000);
  }
}

/** Removes documents by id (ids that are not there are fine). */
export async function removeDocuments(ids: string[], indexUid = SEARCH_INDEX): Promise<void> {
  if (ids.length === 0) return;
  await succeeded(() => getSearchClient().index(indexUid).deleteDocuments(ids));
}

/** Marks around matched words: private-use characters, so no HTML is ever involved. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

/** Quotes a value for a Meilisearch filter expression. */
export function quoteFilterValue(value: string | number): string {
  return `"${String(value).replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/** The filter that limits results to what this person may see. */
export function visibilityFilter(user: SessionUser): string {
  return `visibility IN [${principalsOf(user).map(quoteFilterValue).join(", ")}]`;
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

/** What search-as-you-type asks Meilisearch, besides the words (shared with the load benchmark). */
export function suggestionParams(user: SessionUser, limit = 6) {
  return {
    ...QUERY_MATCHING,
    filter: [visibilityFilter(user)],
    limit,
    attributesToRetrieve: ["type", "url", "title", "kind", "partnerNames"],
  } satisfies SearchParams;
}

type SuggestionFields = Pick<SearchDocument, "url" | "title" | "kind" | "partnerNames"> & { type: SearchableType };

/** A few titles for the search-as-you-type list. */
export async function suggestRecords(
  user: SessionUser,
  q: string,
  limit = 6,
  indexUid = SEARCH_INDEX,
): Promise<Suggestion[]> {
  if (!q.trim()) return [];
  const response = await whileSearchIsUp(() =>
    getSearchClient().index<SuggestionFields>(indexUid).search(q, suggestionParams(user, limit)),
  );
  return response.hits.map((hit) => ({
    type: hit.type,
    url: hit.url,
    title: hit.title,
    kind: hit.kind,
    partnerNames: hit.partnerNames,
  }));
}

/** Partner short names by slug, for labelling the partner facet. */
export function partnerFacetLabels(): Record<string, string> {
  return Object.fromEntries(listPartners().map((partner) => [partner.slug, partner.shortName]));
}

/** A restriction of a search to one record type, and to these of its statuses when given. */
export interface TypeRestriction {
  type: RecordType;
  statuses?: readonly string[];
}

/** A record found by a restricted search: enough to choose it and to name it. */
export interface FoundRecord {
  type: RecordType;
  recordId: string;
  url: string;
  title: string;
  kind: string | null;
  status: string;
  partnerNames: string[];
}

/** The filter for "only these types (in these statuses)": values quoted, never taken from a request as they are. */
export function restrictionFilter(only: readonly TypeRestriction[]): string {
  if (only.length === 0) return "type IN []";
  return only
    .map(({ type, statuses }) =>
      statuses
        ? `(type = ${quoteFilterValue(type)} AND status IN [${statuses.map(quoteFilterValue).join(", ")}])`
        : `(type = ${quoteFilterValue(type)})`,
    )
    .join(" OR ");
}

/**
 * Search restricted to some record types, as the link picker asks it: what
 * this person may see, of those types only; with no words, the most
 * recently changed first.
 */
export async function searchRecordsOfTypes(
  user: SessionUser,
  q: string,
  only: readonly TypeRestriction[],
  limit = 10,
  indexUid = SEARCH_INDEX,
): Promise<FoundRecord[]> {
  const words = q.trim();
  const response = await whileSearchIsUp(() =>
    getSearchClient()
      .index<FoundRecord>(indexUid)
      .search(words, {
        ...QUERY_MATCHING,
        filter: [visibilityFilter(user), restrictionFilter(only)],
        limit,
        attributesToRetrieve: ["type", "recordId", "url", "title", "kind", "status", "partnerNames"],
        ...(words ? {} : { sort: ["updatedAt:desc"] }),
      }),
  );
  return response.hits.map((hit) => ({
    type: hit.type,
    recordId: hit.recordId,
    url: hit.url,
    title: hit.title,
    kind: hit.kind,
    status: hit.status,
    partnerNames: hit.partnerNames,
  }));
}
