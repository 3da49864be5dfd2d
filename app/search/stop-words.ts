/**
 * English words too common to help a search: the engine ignores them in
 * queries and documents (its `stopWords` setting), so "what went wrong moving
 * to the cloud" is matched on "went wrong moving cloud". Client-safe, so the
 * finder can tell a query of stop words alone from one that found nothing.
 *
 * "it" is kept out on purpose: staff write "IT" for the service itself.
 * Words that carry meaning in a question ("wrong", "not", "no") are kept too.
 */
export const STOP_WORDS: readonly string[] = [
  "a",
  "about",
  "an",
  "and",
  "any",
  "are",
  "as",
  "at",
  "be",
  "been",
  "but",
  "by",
  "can",
  "could",
  "did",
  "do",
  "does",
  "for",
  "from",
  "had",
  "has",
  "have",
  "how",
  "i",
  "if",
  "in",
  "into",
  "is",
  "its",
  "me",
  "my",
  "of",
  "on",
  "or",
  "our",
  "ours",
  "should",
  "so",
  "some",
  "than",
  "that",
  "the",
  "their",
  "them",
  "then",
  "there",
  "these",
  "they",
  "this",
  "those",
  "to",
  "was",
  "we",
  "were",
  "what",
  "when",
  "where",
  "which",
  "who",
  "why",
  "will",
  "with",
  "would",
  "you",
  "your",
];

const STOP = new Set(STOP_WORDS);

/** The words of a query that search would use: letters or digits, not stop words. */
export function meaningfulWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP.has(word));
}
