/**
 * Word forms for search: "reducing", "reduced" and "reduces" should find each
 * other, as "device" and "devices" should. The engine matches whole words (and
 * prefixes of the last one) and knows no English grammar, so each document
 * carries the other regular forms of its own words in an attribute ranked
 * below every other (see docs/decisions/064-query-handling-and-word-forms.md). A query then
 * matches a document through a form, while a document with the very words
 * still ranks first.
 *
 * Forms are made by English's regular endings and kept only when the Porter
 * stemmer agrees they are the same word (so "cost" never yields "costing"s
 * wrong cousins, and "news" never becomes "new").
 */
import { stemmer } from "stemmer";

const VOWELS = new Set(["a", "e", "i", "o", "u"]);
const isConsonant = (char: string | undefined) => char !== undefined && /[a-z]/.test(char) && !VOWELS.has(char);

/** Consonant-vowel-consonant at the end ("stop", "plan"): such short words double it ("stopped", "planning"). */
function endsShortSyllable(word: string): boolean {
  const [a, b, c] = word.slice(-3);
  return word.length <= 5 && isConsonant(a) && !isConsonant(b) && isConsonant(c) && !"wxy".includes(c ?? "");
}

/** Does the word end as an inflected form does? Such a word is never a base of other forms. */
const INFLECTED = /(?:ing|ed|ions?|[^su]s)$/;

/** What the word may be built on: itself when it is not inflected, and what remains without a regular ending. */
function basesOf(word: string): Set<string> {
  const bases = new Set<string>();
  const add = (base: string) => {
    if (base.length >= 3 && !INFLECTED.test(base)) bases.add(base);
  };
  add(word);
  const strip = (ending: string, ...then: string[]) => {
    if (!word.endsWith(ending)) return;
    const base = word.slice(0, -ending.length);
    add(base);
    for (const more of then) add(base + more);
    // "stopped" → "stop", "planning" → "plan".
    if (base.at(-1) === base.at(-2) && isConsonant(base.at(-1))) add(base.slice(0, -1));
  };
  strip("ies", "y");
  strip("ied", "y");
  if (!/(?:ss|us|is)$/.test(word)) strip("s");
  if (/(?:ss|x|z|ch|sh)es$/.test(word)) strip("es");
  strip("ed", "e");
  strip("ing", "e");
  // "migration" → "migrate", "encryption" → "encrypt".
  strip("ion", "e");
  strip("ions", "e");
  return bases;
}

/** The regular forms built on one base (a word that is not itself inflected). */
function formsOn(base: string): string[] {
  const forms = [base];
  if (base.endsWith("e")) {
    const stem = base.slice(0, -1);
    forms.push(`${base}s`, `${base}d`, `${stem}ing`);
    if (stem.endsWith("t")) forms.push(`${stem}ion`, `${stem}ions`);
  } else if (base.endsWith("y") && isConsonant(base.at(-2))) {
    const stem = base.slice(0, -1);
    forms.push(`${stem}ies`, `${stem}ied`, `${base}ing`);
  } else {
    forms.push(/(?:s|x|z|ch|sh)$/.test(base) ? `${base}es` : `${base}s`, `${base}ed`, `${base}ing`);
    if (base.endsWith("t")) forms.push(`${base}ion`, `${base}ions`);
    if (endsShortSyllable(base)) {
      const last = base.at(-1);
      forms.push(`${base}${last}ed`, `${base}${last}ing`);
    }
  }
  return forms;
}

/** Words shorter than this are left as they are: acronyms and short words have no useful forms. */
const MIN_LENGTH = 4;

/** The other regular forms of one word (lower-case ASCII letters), each a word the stemmer takes as the same. */
export function wordFormsOf(word: string): string[] {
  if (word.length < MIN_LENGTH || !/^[a-z]+$/.test(word)) return [];
  const stem = stemmer(word);
  const forms = new Set<string>();
  for (const base of basesOf(word)) {
    for (const form of formsOn(base)) {
      if (form !== word && form.length >= MIN_LENGTH && stemmer(form) === stem) forms.add(form);
    }
  }
  return [...forms];
}

/** At most this many forms per document: a long paper's text must not make its document huge. */
export const MAX_FORMS_PER_DOCUMENT = 4000;

/** The forms of a text's words that the text does not already hold, in order of first use. */
export function missingWordForms(texts: readonly string[], max = MAX_FORMS_PER_DOCUMENT): string[] {
  const words = new Set<string>();
  for (const text of texts) for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) words.add(word);
  const forms = new Set<string>();
  for (const word of words) {
    for (const form of wordFormsOf(word)) {
      if (words.has(form)) continue;
      forms.add(form);
      if (forms.size >= max) return [...forms];
    }
  }
  return [...forms];
}
