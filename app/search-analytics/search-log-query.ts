/**
 * What the search log keeps of a query: the words as typed, normalised so
 * that the same search counts once, and redacted so that nothing that could
 * name a person or an account is ever written down (decision 060).
 * Client-safe: no server imports.
 */

/** The longest query the log keeps, in characters. */
export const LOGGED_QUERY_MAX_CHARS = 200;
export const EMAIL_PLACEHOLDER = "[email]";
export const NUMBER_PLACEHOLDER = "[number]";

/** Anything with text on both sides of an @: "name@council", "a.b@srs.gov.uk". */
const EMAIL = /[^\s@]+@[^\s@]+/gu;
/**
 * Six digits or more, with spaces, dashes, dots, slashes or brackets between
 * them: phone numbers ("01633 644 644", "+44 (0)1633-644644"), account,
 * asset and warrant numbers. A leading "+" goes with the number.
 */
const LONG_NUMBER = /\+?\d(?:[\s\-‐‑–—./()]*\d){5,}/gu;
/** Punctuation and spaces at either end: quotes, full stops, question marks, brackets. */
const SURROUNDING_PUNCTUATION = /^[\p{P}\s]+|[\p{P}\s]+$/gu;

/**
 * The query as the log keeps it, or null when nothing worth keeping is left
 * (only spaces or punctuation). Lower case, accents kept ("ŵ" stays "ŵ"),
 * runs of spaces made one, punctuation at either end trimmed; email
 * addresses and long numbers replaced; at most 200 characters.
 */
export function queryForLog(raw: string): string | null {
  const words = raw.normalize("NFC").toLowerCase().replace(/\s+/gu, " ").replace(SURROUNDING_PUNCTUATION, "");
  // Redacted before it is cut, so that a cut never leaves the first digits of a long number behind.
  const redacted = words.replace(EMAIL, EMAIL_PLACEHOLDER).replace(LONG_NUMBER, NUMBER_PLACEHOLDER);
  const kept = Array.from(redacted).slice(0, LOGGED_QUERY_MAX_CHARS).join("").trimEnd();
  return kept === "" ? null : kept;
}
