/**
 * The glossary's fields and limits, with no imports: the messages' numbers
 * (app/i18n/message-params.ts) read them, and the rules import the messages.
 */

export const GLOSSARY_NAME_FIELDS = ["term", "abbreviations", "otherNames", "welshTerms", "alsoFinds"] as const;
export type GlossaryNameField = (typeof GLOSSARY_NAME_FIELDS)[number];
export const GLOSSARY_LIST_FIELDS = ["abbreviations", "otherNames", "welshTerms", "alsoFinds"] as const;
/** The form's fields in page order, for its error summary. */
export const GLOSSARY_FIELD_ORDER = ["term", ...GLOSSARY_LIST_FIELDS, "description"] as const;

export const GLOSSARY_LIMITS = {
  nameLength: 60,
  nameWords: 6,
  /** Every name of an entry, its headword and its one-way words together. */
  namesPerEntry: 20,
  descriptionLength: 1000,
  /**
   * Meilisearch derives at most 50 synonym phrases from one word, and at most
   * 100 words across them (MAX_SYNONYM_PHRASE_COUNT, MAX_SYNONYM_WORD_COUNT):
   * beyond them it drops synonyms silently.
   */
  enginePhrasesPerName: 50,
  engineWordsPerName: 100,
  /** Meilisearch looks up synonyms only for runs of one to three words: longer names are found, never finding. */
  engineLookupWords: 3,
} as const;
