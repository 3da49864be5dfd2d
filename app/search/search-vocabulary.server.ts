/**
 * The index's own words, for "Did you mean": every word of the documents
 * every member of staff may see (title, summary, sections, body, tags,
 * partner names), with the number of documents it appears in. Only documents
 * whose visibility includes "everyone" are read, so a word that appears only
 * in a confidential paper or decision, a draft or an archived post is never
 * in it, and can never be suggested to anyone.
 *
 * Built from Meilisearch's documents, a page at a time, and kept in memory;
 * checked against the index's last change at most once a minute (less often
 * for a large index), and rebuilt in the background only when the index has
 * changed, the held words serving meanwhile (docs/decisions/062-did-you-mean.md).
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
/**
 * How often the index's last change is looked at, at least; a rebuild happens
 * only when it moved. A large index takes long to read (about 10 s at 10,000
 * posts), so it is looked at no more often than every ten of its builds' time.
 */
export const VOCABULARY_CHECK_MS = 60_000;
const BUILDS_BETWEEN_CHECKS = 10;

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
  buildMs: number;
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
  { checkEveryMs, now = Date.now() }: { checkEveryMs?: number; now?: number } = {},
): Promise<Vocabulary> {
  const interval = checkEveryMs ?? Math.max(VOCABULARY_CHECK_MS, (cached?.buildMs ?? 0) * BUILDS_BETWEEN_CHECKS);
  if (cached?.indexUid === indexUid && now - cached.checkedAt < interval) return cached.vocabulary;
  if (building) return building;
  building = (async () => {
    const updatedAt = await indexUpdatedAt(indexUid);
    if (cached?.indexUid === indexUid && cached.indexUpdatedAt === updatedAt) {
      cached.checkedAt = now;
      return cached.vocabulary;
    }
    const started = performance.now();
    const vocabulary = await readVocabulary(indexUid);
    cached = { indexUid, vocabulary, indexUpdatedAt: updatedAt, checkedAt: now, buildMs: performance.now() - started };
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

/**
 * The vocabulary held in memory (a check starting in the background when
 * due); before the first build has finished, that build awaited for up to
 * `waitMs`, else null. A search that found nothing should not wait long for
 * its corrections.
 */
export async function vocabularyWithin(waitMs: number, indexUid = SEARCH_INDEX): Promise<Vocabulary | null> {
  const held = vocabularyIfReady(indexUid);
  if (held) return held;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  try {
    return await Promise.race([searchVocabulary(indexUid), late]);
  } finally {
    clearTimeout(timer);
  }
}
