/**
 * "Similar posts" on a post's page: up to five other posts on the same
 * subject, found through the search index from the post's own terms (its
 * most distinctive title and summary words, its tags, its roadmap items'
 * titles), any of them matching: the more a post shares, the higher it ranks.
 * Only posts the reader may see, never the post itself; other partners'
 * posts first, since what another council learnt is what a reader cannot
 * hear in their own corridor. One multi-search request (decision 063).
 */
import type { SessionUser } from "../auth/principals";
import { type Db, getDb } from "../platform/db.server";
import { describeError, log } from "../platform/log.server";
import type { PostRecord } from "../posts/posts.server";
import { linkedItemsByPost } from "../roadmap/roadmap-search.server";
import { SEARCH_INDEX } from "./index-settings.server";
import { getSearchClient, type SearchParams, SearchUnavailableError, whileSearchIsUp } from "./meili.server";
import { quoteFilterValue, visibilityFilter } from "./search.server";
import { documentId, type SearchDocument } from "./search-document.server";
import { type Vocabulary, vocabularyIfReady, vocabularyWords } from "./search-vocabulary.server";

export const MAX_SIMILAR = 5;
/** From this many documents, a word in over a quarter of them is too common to tell posts apart. */
const COMMON_WORDS_FROM = 40;
/** Meilisearch reads the first ten words of a query and ignores the rest. */
export const MAX_QUERY_WORDS = 10;

/** What of a post its similar posts are found from. */
export interface SimilarPostSource {
  id: number;
  partnerSlug: string;
  title: string;
  summary: string;
  tags: readonly string[];
  linkedItemTitles: readonly string[];
}

/** A similar post as its page lists it. */
export interface SimilarPost {
  url: string;
  title: string;
  kind: string;
  partnerNames: string[];
  /** Written by the same partner as the post being read. */
  samePartner: boolean;
}

/**
 * The post's terms for the query, at most MAX_QUERY_WORDS: first the words
 * of its title, tags and roadmap items' titles, then its summary's; within
 * each, the words fewest documents hold (the most distinctive) first. With a
 * vocabulary, a word no other document holds (it cannot find anything) and
 * one in over a quarter of them (it finds everything) are left out; without one,
 * the post's own order is kept.
 */
export function similarPostsTerms(source: SimilarPostSource, vocabulary: Vocabulary | null): string[] {
  const main = new Set(vocabularyWords([source.title, ...source.tags, ...source.linkedItemTitles].join(" ")));
  const summary = vocabularyWords(source.summary).filter((word) => !main.has(word));
  const pool = [...new Set([...main, ...summary])];
  if (!vocabulary) return pool.slice(0, MAX_QUERY_WORDS);
  // In a small index every word is in a large share of documents: only a large one has words too common to tell.
  const tooCommon = vocabulary.documents >= COMMON_WORDS_FROM ? vocabulary.documents / 4 : Number.POSITIVE_INFINITY;
  const count = (word: string) => vocabulary.frequency.get(word) ?? 0;
  const useful = (word: string) => count(word) >= 2 && count(word) <= tooCommon;
  const rarestFirst = (words: Iterable<string>) => [...words].filter(useful).sort((a, b) => count(a) - count(b));
  return [...new Set([...rarestFirst(main), ...rarestFirst(summary)])].slice(0, MAX_QUERY_WORDS);
}

/**
 * One query per term, each for that exact word (quoted: no prefix, no typo,
 * so "ai" is not "aim"), among the posts the reader may see. Meilisearch has
 * no "any of these words" strategy: "last" and "frequency" both keep one
 * word required (the first, or the rarest), so the overlap of terms is
 * counted here instead, from the answers of one multi-search.
 */
export function similarPostsQueries(
  user: SessionUser,
  terms: readonly string[],
  indexUid = SEARCH_INDEX,
): (SearchParams & { indexUid: string })[] {
  return terms.map((term) => ({
    indexUid,
    q: `"${term}"`,
    filter: [visibilityFilter(user), `type = ${quoteFilterValue("post")}`],
    limit: HITS_PER_TERM,
    attributesToRetrieve: ["id", "url", "title", "kind", "partners", "partnerNames"],
  }));
}

/** Posts read per term: enough that a post sharing several terms is seen in each of their lists. */
export const HITS_PER_TERM = 30;
/** A post sharing fewer terms shares a word by chance, not a subject. */
export const MIN_SHARED_TERMS = 2;

export type SimilarHit = Pick<SearchDocument, "id" | "url" | "title" | "kind" | "partners" | "partnerNames">;

/**
 * The similar posts from each term's hits: every post scored by the terms it
 * shares, each weighing more the fewer documents hold it (inverse document
 * frequency); never the post itself; at least MIN_SHARED_TERMS shared; other
 * partners' posts first, then the same partner's, each by score.
 */
export function rankSimilarPosts(
  source: SimilarPostSource,
  terms: readonly string[],
  hitsPerTerm: readonly (readonly SimilarHit[])[],
  vocabulary: Vocabulary | null,
): SimilarPost[] {
  const itself = documentId("post", source.id);
  const documents = Math.max(vocabulary?.documents ?? 0, 2);
  const found = new Map<string, { hit: SimilarHit; shared: number; score: number }>();
  for (const [index, hits] of hitsPerTerm.entries()) {
    const term = terms[index] ?? "";
    const holding = Math.max(vocabulary?.frequency.get(term) ?? hits.length, 1);
    const weight = Math.log(1 + documents / holding);
    for (const hit of hits) {
      if (hit.id === itself) continue;
      const entry = found.get(hit.id) ?? { hit, shared: 0, score: 0 };
      entry.shared++;
      entry.score += weight;
      found.set(hit.id, entry);
    }
  }
  const samePartner = (hit: SimilarHit) => hit.partners.includes(source.partnerSlug);
  return [...found.values()]
    .filter((entry) => entry.shared >= MIN_SHARED_TERMS)
    .sort(
      (a, b) =>
        Number(samePartner(a.hit)) - Number(samePartner(b.hit)) ||
        b.score - a.score ||
        a.hit.title.localeCompare(b.hit.title),
    )
    .slice(0, MAX_SIMILAR)
    .map(({ hit }) => ({
      url: hit.url,
      title: hit.title,
      kind: hit.kind ?? "",
      partnerNames: hit.partnerNames,
      samePartner: samePartner(hit),
    }));
}

/**
 * Up to MAX_SIMILAR posts like this one that the reader may see, other
 * partners' first, in one request. Throws SearchUnavailableError when the
 * engine is down.
 */
export async function similarPosts(
  user: SessionUser,
  source: SimilarPostSource,
  vocabulary: Vocabulary | null,
  indexUid = SEARCH_INDEX,
): Promise<SimilarPost[]> {
  const terms = similarPostsTerms(source, vocabulary);
  if (terms.length < MIN_SHARED_TERMS) return [];
  const response = await whileSearchIsUp(() =>
    getSearchClient().multiSearch<{ queries: (SearchParams & { indexUid: string })[] }, SimilarHit>({
      queries: similarPostsQueries(user, terms, indexUid),
    }),
  );
  return rankSimilarPosts(
    source,
    terms,
    response.results.map((result) => result.hits),
    vocabulary,
  );
}

/**
 * The post page's "Similar posts": null when search cannot answer (the page
 * then simply has no such section).
 */
export async function similarPostsSection(
  user: SessionUser,
  post: PostRecord,
  db: Db = getDb(),
): Promise<SimilarPost[] | null> {
  const source: SimilarPostSource = {
    id: post.id,
    partnerSlug: post.partner.slug,
    title: post.title,
    summary: post.summary,
    tags: post.tags,
    linkedItemTitles: (linkedItemsByPost([post.id], db).get(post.id) ?? []).map((item) => item.title),
  };
  try {
    return await similarPosts(user, source, vocabularyIfReady());
  } catch (error) {
    // A help on the page, never a reason for it to fail.
    if (!(error instanceof SearchUnavailableError))
      log("warn", "No similar posts shown", { error: describeError(error) });
    return null;
  }
}
