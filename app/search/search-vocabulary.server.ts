/**
 * The index's own words, for "Did you mean": every word of the documents
 * every member of staff may see (title, summary, sections, body, tags,
 * partner names), with the number of documents it appears in. Only documents
 * whose visibility includes "everyone" are read, so a word that appears only
 * in a confidential paper or decision, a draft or an archived post is never
 * in it, and can never be suggested to anyone.
 *
 * Built from Meilisearch's documents, a page at a time, and kept in memory;
 * checked against the index's last change at most once a minute, and rebuilt
 * only when the index has changed (docs/decisions/062-did-you-mean.md).
 */
import { EVERYONE } from "../auth/principals";
import { SEARCH_INDEX } from "./index-settings.server";
import { getSearchClient, whileSearchIsUp } from "./meili.server";
import { quoteFilterValue } from "./search.server";
import type { SearchDocument } from "./search-document.server";
import { STOP_WORDS } from "./stop-words";

/** Words by how many documents hold them, and by length for a quick scan of near lengths. */
export interface Vocabulary {
  frequency: ReadonlyMap<string, number>;
  byLength: ReadonlyMap<number, readonly string[]>;
  documents: number;
}

const PAGE_SIZE = 1000;
/** Longer "words" are identifiers, addresses or pasted noise, never a correction worth offering. */
const MAX_WORD_LENGTH = 30;
const STOP = new Set(STOP_WORDS);
const FIELDS = ["title", "summary", "sections", "body", "tags", "partnerNames"] as const;
/** How often the index's last change is looked at; a rebuild happens only when it moved. */
export const VOCABULARY_CHECK_MS = 60_000;

type VocabularyFields = Pick<SearchDocument, (typeof FIELDS)[number]>;

/** A text's words as the vocabulary keeps them: lower case, letters and digits, no stop words, no bare numbers. */
export function vocabularyWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (word) => word.length >= 2 && word.length <= MAX_WORD_LENGTH && !STOP.has(word) && /\p{L}/u.test(word),
  );
}

/** The vocabulary of these documents' texts (each a document's fields joined). */
export function buildVocabulary(texts: Iterable<string>): Vocabulary {
  const frequency = new Map<string, number>();
  let documents = 0;
  for (const text of texts) {
    documents++;
    for (const word of new Set(vocabularyWords(text))) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const byLength = new Map<number, string[]>();
  for (const word of frequency.keys()) {
    const list = byLength.get(word.length);
    if (list) list.push(word);
    else byLength.set(word.length, [word]);
  }
  return { frequency, byLength, documents };
}

function documentText(document: VocabularyFields): string {
  return [
    document.title,
    document.summary,
    ...Object.values(document.sections ?? {}),
    document.body,
    // Tags are slugs ("cyber-security"): their words are what people type.
    ...(document.tags ?? []),
    ...(document.partnerNames ?? []),
  ].join("\n");
}

/** Every everyone-visible document's text, read from the index a page at a time. */
async function* everyoneDocuments(indexUid: string): AsyncGenerator<string> {
  const index = getSearchClient().index<VocabularyFields>(indexUid);
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await whileSearchIsUp(() =>
      index.getDocuments({
        filter: `visibility = ${quoteFilterValue(EVERYONE)}`,
        fields: [...FIELDS],
        limit: PAGE_SIZE,
        offset,
      }),
    );
    for (const document of page.results) yield documentText(document);
    if (page.results.length < PAGE_SIZE) return;
  }
}

/** Reads the whole vocabulary from the index now (no cache). */
export async function readVocabulary(indexUid = SEARCH_INDEX): Promise<Vocabulary> {
  const texts: string[] = [];
  for await (const text of everyoneDocuments(indexUid)) texts.push(text);
  return buildVocabulary(texts);
}

interface Cached {
  indexUid: string;
  vocabulary: Vocabulary;
  /** The index's last change when the vocabulary was read. */
  indexUpdatedAt: string;
  checkedAt: number;
}

let cached: Cached | undefined;
let building: Promise<Vocabulary> | undefined;

async function indexUpdatedAt(indexUid: string): Promise<string> {
  const info = await whileSearchIsUp(() => getSearchClient().index(indexUid).getRawInfo());
  return String(info.updatedAt);
}

/**
 * The vocabulary, from memory while it is fresh. Past `checkEveryMs` the
 * index's last change is looked at (one small request) and the words read
 * again only if it moved; concurrent callers share one rebuild. Throws
 * SearchUnavailableError when the engine is down.
 */
export async function searchVocabulary(
  indexUid = SEARCH_INDEX,
  { checkEveryMs = VOCABULARY_CHECK_MS, now = Date.now() } = {},
): Promise<Vocabulary> {
  if (cached?.indexUid === indexUid && now - cached.checkedAt < checkEveryMs) return cached.vocabulary;
  if (building) return building;
  building = (async () => {
    const updatedAt = await indexUpdatedAt(indexUid);
    if (cached?.indexUid === indexUid && cached.indexUpdatedAt === updatedAt) {
      cached.checkedAt = now;
      return cached.vocabulary;
    }
    const vocabulary = await readVocabulary(indexUid);
    cached = { indexUid, vocabulary, indexUpdatedAt: updatedAt, checkedAt: now };
    return vocabulary;
  })().finally(() => {
    building = undefined;
  });
  return building;
}

/** The vocabulary held in memory, if any, without asking the engine (for pages that must not wait on it). */
export function cachedVocabulary(indexUid = SEARCH_INDEX): Vocabulary | null {
  return cached?.indexUid === indexUid ? cached.vocabulary : null;
}

/**
 * The vocabulary held in memory (possibly a minute old), never waiting: when
 * it is due a check, that starts in the background. Null until the first
 * build has finished. For pages that must not wait on it (a post's similar posts).
 */
export function vocabularyIfReady(indexUid = SEARCH_INDEX): Vocabulary | null {
  // A failed check leaves the held vocabulary as it was: the next caller tries again.
  searchVocabulary(indexUid).catch(() => undefined);
  return cachedVocabulary(indexUid);
}
