/**
 * The glossary's rules, as pure functions (client-safe): what a name may be,
 * when two names are the same, when an entry loops or is too big for the
 * search engine, and the synonyms map the engine is given (decisions 058, 059).
 */
import { withParams } from "../i18n/translate";
import { STOP_WORDS } from "../search/stop-words";
import {
  type GLOSSARY_FIELD_ORDER,
  GLOSSARY_LIMITS,
  GLOSSARY_LIST_FIELDS,
  type GlossaryNameField,
} from "./glossary-limits";

export { GLOSSARY_FIELD_ORDER, GLOSSARY_LIMITS, GLOSSARY_LIST_FIELDS, type GlossaryNameField } from "./glossary-limits";

/** An entry's words: the headword and every name it is also known by. */
export interface GlossaryEntry {
  slug: string;
  term: string;
  abbreviations: string[];
  otherNames: string[];
  welshTerms: string[];
  /** Narrower words the term finds one way only. */
  alsoFinds: string[];
  description: string;
}

/**
 * Letters (Welsh ones with their accents: ŵ, ŷ, â, ô...), digits, spaces and
 * the few marks names use: hyphen, apostrophes, ampersand, full stop, slash,
 * plus. Anything else (quotes, brackets, = < > !) is how filters and phrase
 * searches are written, and no name needs it.
 */
const NAME_PATTERN = /^[\p{L}\p{M}0-9 '’&./+-]+$/u;

/** Names are compared without case, accents, spaces or hyphens: "Body-worn video" is "bodyworn video". */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s-]+/g, "");
}

/** A name as the engine and the query see it: lower case, words separated by single spaces. */
export function synonymForm(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

export function wordsOf(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}0-9]+/u)
    .filter(Boolean);
}

/** The names an entry is known by, headword first: each finds the others both ways. */
export function namesOf(entry: Pick<GlossaryEntry, "term" | "abbreviations" | "otherNames" | "welshTerms">): string[] {
  return [entry.term, ...entry.abbreviations, ...entry.otherNames, ...entry.welshTerms];
}

type NameRule = "characters" | "noLetters" | "nameTooLong" | "tooManyWords" | "repeated" | "duplicate";

/** Each message names its field ("Abbreviation ... "), so the error summary reads on its own. */
function fieldKey(field: GlossaryNameField, rule: NameRule) {
  return `glossary.errors.${field}.${rule}` as const;
}

type Errors = Partial<Record<(typeof GLOSSARY_FIELD_ORDER)[number], string[]>>;

function add(errors: Errors, field: keyof Errors, message: string) {
  const list = errors[field] ?? [];
  if (!list.includes(message)) list.push(message);
  errors[field] = list;
}

function fieldNames(entry: GlossaryEntry): [GlossaryNameField, string][] {
  return [
    ["term", entry.term],
    ...GLOSSARY_LIST_FIELDS.flatMap((field) => entry[field].map((name): [GlossaryNameField, string] => [field, name])),
  ];
}

/** Each name on its own: characters, length and words. */
function checkNames(entry: GlossaryEntry, errors: Errors): void {
  if (!entry.term.trim()) add(errors, "term", "glossary.errors.term.required");
  for (const [field, name] of fieldNames(entry)) {
    if (!name.trim()) continue;
    if (!NAME_PATTERN.test(name)) add(errors, field, withParams(fieldKey(field, "characters"), { name }));
    else if (wordsOf(name).length === 0) add(errors, field, withParams(fieldKey(field, "noLetters"), { name }));
    if (name.length > GLOSSARY_LIMITS.nameLength) {
      add(errors, field, withParams(fieldKey(field, "nameTooLong"), { name, max: GLOSSARY_LIMITS.nameLength }));
    }
    if (name.trim().split(/\s+/).length > GLOSSARY_LIMITS.nameWords) {
      add(errors, field, withParams(fieldKey(field, "tooManyWords"), { name, max: GLOSSARY_LIMITS.nameWords }));
    }
  }
  if (entry.description.length > GLOSSARY_LIMITS.descriptionLength) {
    add(
      errors,
      "description",
      withParams("glossary.errors.descriptionTooLong", { max: GLOSSARY_LIMITS.descriptionLength }),
    );
  }
}

/** The entry against itself: a name given twice, and the engine's limits for what one name may find. */
function checkSize(entry: GlossaryEntry, errors: Errors): void {
  const all = fieldNames(entry);
  if (all.length > GLOSSARY_LIMITS.namesPerEntry) {
    add(errors, "term", withParams("glossary.errors.tooManyNames", { max: GLOSSARY_LIMITS.namesPerEntry }));
  }
  const seen = new Map<string, string>();
  for (const [field, name] of all) {
    const key = nameKey(name);
    if (!key) continue;
    if (seen.has(key)) add(errors, field, withParams(fieldKey(field, "repeated"), { name }));
    else seen.set(key, name);
  }
  const names = namesOf(entry).map(synonymForm);
  const alsoFinds = entry.alsoFinds.map(synonymForm);
  for (const name of names) {
    const found = [...names.filter((other) => other !== name), ...alsoFinds];
    const words = found.reduce((sum, phrase) => sum + phrase.split(" ").length, 0);
    if (found.length > GLOSSARY_LIMITS.enginePhrasesPerName || words > GLOSSARY_LIMITS.engineWordsPerName) {
      add(errors, "term", withParams("glossary.errors.engineLimit", { max: GLOSSARY_LIMITS.engineWordsPerName }));
    }
  }
}

/** Names another entry already has: each name belongs to one entry, or searching it would mean two things. */
function checkDuplicates(entry: GlossaryEntry, others: GlossaryEntry[], errors: Errors): void {
  const owners = new Map<string, GlossaryEntry>();
  for (const other of others) for (const name of namesOf(other)) owners.set(nameKey(name), other);
  for (const [field, name] of fieldNames(entry)) {
    if (field === "alsoFinds") continue;
    const owner = owners.get(nameKey(name));
    if (owner) add(errors, field, withParams(fieldKey(field, "duplicate"), { name, term: owner.term }));
  }
}

/**
 * One-way words that lead back to the entry: its own names, or another
 * entry's names whose one-way words, followed on, reach this entry. A loop
 * makes "narrower" meaningless (each finds the other), so it is refused.
 */
function checkLoops(entry: GlossaryEntry, others: GlossaryEntry[], errors: Errors): void {
  const entries = [entry, ...others];
  const owner = new Map<string, GlossaryEntry>();
  for (const candidate of entries) for (const name of namesOf(candidate)) owner.set(nameKey(name), candidate);
  const leadsBack = (start: GlossaryEntry): boolean => {
    const seen = new Set<GlossaryEntry>();
    const queue = [start];
    while (queue.length > 0) {
      const at = queue.shift() as GlossaryEntry;
      if (at === entry) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      for (const word of at.alsoFinds) {
        const next = owner.get(nameKey(word));
        if (next) queue.push(next);
      }
    }
    return false;
  };
  for (const word of entry.alsoFinds) {
    const next = owner.get(nameKey(word));
    if (next && leadsBack(next)) {
      add(errors, "alsoFinds", withParams("glossary.errors.loop", { name: word, term: next.term }));
    }
  }
}

/**
 * Every rule at once, so the form shows every problem in one go. `others`
 * are the glossary's other entries (without the one being edited).
 */
export function glossaryEntryErrors(entry: GlossaryEntry, others: GlossaryEntry[]): Errors {
  const errors: Errors = {};
  checkNames(entry, errors);
  checkSize(entry, errors);
  checkDuplicates(entry, others, errors);
  checkLoops(entry, others, errors);
  return errors;
}

/**
 * Meilisearch's synonyms: an entry's names (headword, abbreviations, other
 * names, Welsh terms) find each other both ways; its one-way words are found
 * from each name, never the reverse. Keys and values in lower case.
 */
export function synonymsOf(entries: GlossaryEntry[]): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const entry of entries) {
    const names = [...new Set(namesOf(entry).map(synonymForm))];
    const alsoFinds = entry.alsoFinds.map(synonymForm);
    for (const name of names) {
      const found = map.get(name) ?? new Set<string>();
      for (const other of [...names, ...alsoFinds]) if (other !== name) found.add(other);
      if (found.size > 0) map.set(name, found);
    }
  }
  return Object.fromEntries(
    [...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, found]) => [key, [...found].sort()]),
  );
}

export interface GlossaryExpansion {
  slug: string;
  /** What the search also looked for, in the glossary's words. */
  name: string;
}

/**
 * The glossary entries a query reached through a name other than the
 * headword, as the engine would (runs of up to three whole words), named by
 * their headword: "DR testing" gives "Disaster recovery". A query that
 * already has the headword needs no telling.
 */
export function expansionsFor(q: string, entries: GlossaryEntry[]): GlossaryExpansion[] {
  const words = searchedWords(q);
  if (words.length === 0) return [];
  const runs = new Set<string>();
  for (let start = 0; start < words.length; start++) {
    for (let length = 1; length <= GLOSSARY_LIMITS.nameWords && start + length <= words.length; length++) {
      runs.add(words.slice(start, start + length).join(" "));
    }
  }
  const typed = (name: string) => runs.has(searchedWords(name).join(" "));
  return entries
    .filter((entry) => !typed(entry.term) && namesOf(entry).some(typed))
    .map((entry) => ({ slug: entry.slug, name: entry.term }));
}

const STOP = new Set(STOP_WORDS);

/** A name or query as the engine searches it: its words, without stop words. */
function searchedWords(text: string): string[] {
  return wordsOf(text).filter((word) => !STOP.has(word));
}

/**
 * The query to send the engine. The engine looks synonyms up only for runs
 * of up to three words, and never across a stop word in the query, so a
 * longer name ("adfer ar ôl trychineb") or one holding a stop word ("gwersi
 * a ddysgwyd", "fideo a wisgir ar y corff") would find nothing: such a name
 * in a query is replaced by its entry's headword. Any other query is sent as
 * it was typed.
 */
export function queryForEngine(q: string, entries: GlossaryEntry[]): string {
  let words = searchedWords(q);
  let changed = false;
  for (const entry of entries) {
    for (const name of namesOf(entry)) {
      const long = searchedWords(name);
      const holdsStopWords = long.length < wordsOf(name).length;
      if (long.length === 0 || (long.length <= GLOSSARY_LIMITS.engineLookupWords && !holdsStopWords)) continue;
      for (let start = words.indexOf(long[0] ?? ""); start !== -1; start = words.indexOf(long[0] ?? "", start + 1)) {
        if (long.every((word, offset) => words[start + offset] === word)) {
          words = [...words.slice(0, start), ...searchedWords(entry.term), ...words.slice(start + long.length)];
          changed = true;
          break;
        }
      }
    }
  }
  return changed ? words.join(" ") : q;
}
