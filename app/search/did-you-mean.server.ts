/**
 * "Did you mean": when a search finds nothing (or next to nothing), up to
 * three corrected queries built from the index's own vocabulary. Each query
 * word the vocabulary does not know is replaced by its nearest known words
 * (edit distance, ties broken by how many documents hold them), split in two
 * ("cybersecurity" to "cyber security") or joined with its neighbour; stop
 * words are left as typed. A correction is offered only when searching it
 * finds something for the person asking, so it never points at nothing and
 * never at what they may not see (decision 062).
 */
import type { SessionUser } from "../auth/principals";
import { describeError, log } from "../platform/log.server";
import { editDistance } from "./edit-distance";
import { finderFilters } from "./finder.server";
import { SEARCH_INDEX } from "./index-settings.server";
import { getSearchClient, type SearchParams, SearchUnavailableError, whileSearchIsUp } from "./meili.server";
import { type SearchQuery, searchHref } from "./search-query";
import { type Vocabulary, vocabularyWithin } from "./search-vocabulary.server";
import { STOP_WORDS } from "./stop-words";

const STOP = new Set(STOP_WORDS);
/** Corrections shown at most. */
export const MAX_SUGGESTIONS = 3;
/** Corrected queries checked against the index (in one request), best first. */
const MAX_CANDIDATES = 6;
/** Replacements considered per unknown word. */
const OPTIONS_PER_WORD = 3;
/** How long a search waits for the vocabulary's first build (the demo's takes about 0.1 s) before offering none. */
const FIRST_BUILD_WAIT_MS = 2_000;
/** A search with more results than this is not offered corrections. */
export const FEW_RESULTS = 2;

/** One replacement for a word: the word(s) and how far it is from what was typed. */
export interface WordOption {
  text: string;
  distance: number;
  frequency: number;
}

/** How many edits a word of this length may be from its correction: none below 3 letters, 2 from 7. */
export function allowedEdits(length: number): number {
  if (length < 3) return 0;
  return length >= 7 ? 2 : 1;
}

function byCloseness(a: WordOption, b: WordOption): number {
  return a.distance - b.distance || b.frequency - a.frequency || a.text.localeCompare(b.text);
}

/** The known words nearest to `word` (lower case), and its splits into two known words; best first. */
export function nearestWords(word: string, vocabulary: Vocabulary, limit = OPTIONS_PER_WORD): WordOption[] {
  const max = allowedEdits(word.length);
  const options: WordOption[] = [];
  if (max > 0) {
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const known of vocabulary.byLength.get(length) ?? []) {
        const distance = editDistance(word, known, max);
        if (distance <= max) options.push({ text: known, distance, frequency: vocabulary.frequency.get(known) ?? 0 });
      }
    }
  }
  // "cybersecurity" as "cyber security": a split is one edit (a space typed).
  for (let at = 2; at <= word.length - 2; at++) {
    const [left, right] = [word.slice(0, at), word.slice(at)];
    const leftCount = vocabulary.frequency.get(left);
    const rightCount = vocabulary.frequency.get(right);
    if (leftCount && rightCount) {
      options.push({ text: `${left} ${right}`, distance: 1, frequency: Math.min(leftCount, rightCount) });
    }
  }
  return options.sort(byCloseness).slice(0, limit);
}

/**
 * Corrected queries for `q`, best first, before any is checked against the
 * index: the best replacement of every unknown word; then each unknown word's
 * next best; then neighbours joined ("cyber security" as "cybersecurity").
 */
export function candidateCorrections(q: string, vocabulary: Vocabulary, limit = MAX_CANDIDATES): string[] {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  const lower = words.map((word) => word.toLowerCase());
  const fixable = (word: string) => !STOP.has(word) && /\p{L}/u.test(word);
  const options = lower.map((word) =>
    fixable(word) && !vocabulary.frequency.has(word) ? nearestWords(word, vocabulary) : [],
  );
  const best = words.map((word, index) => options[index]?.[0]?.text ?? word);
  const scored: { query: string; distance: number; frequency: number }[] = [];
  const add = (replaced: string[], distance: number, frequency: number) =>
    scored.push({ query: replaced.join(" "), distance, frequency });
  const bestDistance = options.reduce((sum, list) => sum + (list[0]?.distance ?? 0), 0);
  const bestFrequency = Math.min(...options.flatMap((list) => (list[0] ? [list[0].frequency] : [])));
  if (options.some((list) => list.length > 0)) add(best, bestDistance, bestFrequency);
  for (const [index, list] of options.entries()) {
    for (const option of list.slice(1)) {
      const replaced = [...best];
      replaced[index] = option.text;
      add(replaced, bestDistance - (list[0]?.distance ?? 0) + option.distance, option.frequency);
    }
  }
  for (let index = 0; index + 1 < lower.length; index++) {
    const [left = "", right = ""] = [lower[index], lower[index + 1]];
    if (!fixable(left) || !fixable(right)) continue;
    const joined = `${left}${right}`;
    const frequency = vocabulary.frequency.get(joined);
    if (!frequency) continue;
    const replaced = [...best];
    replaced.splice(index, 2, joined);
    add(replaced, bestDistance + 1, frequency);
  }
  const typed = lower.join(" ");
  const seen = new Set<string>();
  return scored
    .sort((a, b) => a.distance - b.distance || b.frequency - a.frequency)
    .map((candidate) => candidate.query)
    .filter((query) => {
      const key = query.toLowerCase();
      if (key === typed || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, limit);
}

/** A correction offered: its words and the finder's address for them (the reader's filters kept). */
export interface Correction {
  q: string;
  href: string;
}

/**
 * Corrections for a search that found `total` results: none when it found
 * more than a few. Every candidate is searched, as this person and with the
 * filters in use, in one multi-search; only those that find more than the
 * query did are offered, each linking to that search.
 * Throws SearchUnavailableError when the engine is down.
 */
export async function didYouMean(
  user: SessionUser,
  query: SearchQuery,
  total: number,
  indexUid = SEARCH_INDEX,
): Promise<Correction[]> {
  if (!query.q.trim() || total > FEW_RESULTS) return [];
  const vocabulary = await vocabularyWithin(FIRST_BUILD_WAIT_MS, indexUid);
  if (!vocabulary) return [];
  const candidates = candidateCorrections(query.q, vocabulary);
  if (candidates.length === 0) return [];
  const response = await whileSearchIsUp(() =>
    getSearchClient().multiSearch<{ queries: (SearchParams & { indexUid: string })[] }>({
      queries: candidates.map((q) => ({
        indexUid,
        q,
        // Every word must match, the corrected one included: a correction is never offered on
        // the strength of its other words alone (so a word only restricted records hold, still in
        // a vocabulary not yet rebuilt, never finds its way onto the page).
        matchingStrategy: "all" as const,
        filter: finderFilters(user, query),
        page: 1,
        hitsPerPage: 0,
      })),
    }),
  );
  return candidates
    .filter((_, index) => (response.results[index]?.totalHits ?? 0) > total)
    .slice(0, MAX_SUGGESTIONS)
    .map((q) => ({ q, href: searchHref({ ...query, q, page: 1 }) }));
}

/**
 * The finder's corrections, or none: while search is down, for a query with
 * nothing to search on, or when the engine stops answering meanwhile (the
 * page then shows its usual advice), or when anything else goes wrong.
 */
export async function finderCorrections(
  user: SessionUser,
  query: SearchQuery,
  total: number,
  { searched }: { searched: boolean },
): Promise<Correction[]> {
  if (!searched) return [];
  try {
    return await didYouMean(user, query, total);
  } catch (error) {
    // Corrections are a help, never a reason for the page to fail.
    if (!(error instanceof SearchUnavailableError))
      log("warn", "No corrections offered", { error: describeError(error) });
    return [];
  }
}
