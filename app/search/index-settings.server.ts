/** The search index as code: its name, settings and synonyms, applied before any document. */
import { isDeepStrictEqual } from "node:util";
import { glossarySynonyms } from "../glossary/glossary-synonyms.server";
import { type Db, getDb } from "../platform/db.server";
import { getSearchClient, SearchRejectedError, type Settings, succeeded } from "./meili.server";
import { STOP_WORDS } from "./stop-words";

/** The one index every searchable record type shares. */
export const SEARCH_INDEX = "records";

/**
 * Bumped whenever the document shape or settings change in a way that needs
 * every document rebuilt: the relay sees the stored version differ and
 * rebuilds the index once (see prepareSearchIndex in relay-runner.server.ts).
 */
export const SEARCH_INDEX_VERSION = 7;

/** Indexes an earlier Hub used, removed once the current index is built. */
export const LEGACY_INDEXES = ["posts"];

/**
 * How a query is matched, sent with every search (Meilisearch takes it per
 * query, not as a setting). When not every word matches, "frequency" drops
 * the words most documents hold first, keeping the telling ones: "what went
 * wrong moving to the cloud" still finds cloud moves, and a query whose first
 * word is unknown still finds what its other words name (the default drops
 * words from the end).
 */
export const QUERY_MATCHING = { matchingStrategy: "frequency" } as const;

/**
 * The order results are ranked in. Meilisearch's default, with exactness
 * moved up to follow typos: among documents matching as many words with as
 * few typos, those holding the very words come before those matching a
 * prefix or a synonym, so "SOC" finds the security operations centre before
 * "social care", and "reducing" finds "reducing" before "reduced".
 */
export const RANKING_RULES = ["words", "typo", "exactness", "proximity", "attribute", "sort"];

export const INDEX_SETTINGS = {
  // In ranking order: a word in a title counts for more than one in the body. The
  // aids (search-aids.server.ts) come last: a match through another word form ranks
  // below the same match on the very words.
  searchableAttributes: [
    "title",
    "summary",
    "sections",
    "body",
    "tags",
    "kindName",
    "partnerAliases",
    "linkedItemTitles",
    "wordForms",
  ],
  filterableAttributes: ["type", "kind", "partners", "tags", "linkedItems", "status", "year", "visibility"],
  sortableAttributes: ["date", "updatedAt"],
  displayedAttributes: ["*"],
  rankingRules: RANKING_RULES,
  stopWords: [...STOP_WORDS],
  typoTolerance: {
    enabled: true,
    // Two typos from eight letters ("telefony" finds "telephony"); one from five, none below.
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 8 },
    // A year or a reference number with a typo is another year or number.
    disableOnNumbers: true,
  },
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 10_000 },
  // The Hub counts facet values (facets) but never searches within them: not building the facet-search
  // structures makes each change reach search sooner (a one-post change: median 145 ms to 103 ms at 10,000 posts).
  facetSearch: false,
} satisfies Settings;

/**
 * Creates the index if needed and applies the settings when they differ
 * (changing settings reindexes every document, so unchanged ones are left).
 * True when the index had to be created.
 */
export async function ensureIndex(uid: string = SEARCH_INDEX, db?: Db): Promise<boolean> {
  return (await ensureIndexState(uid, db)).created;
}

/** As ensureIndex, saying also whether the settings had drifted and were applied again. */
export async function ensureIndexState(
  uid: string = SEARCH_INDEX,
  db: Db = getDb(),
): Promise<{ created: boolean; settingsApplied: boolean }> {
  const client = getSearchClient();
  const exists = await client.getRawIndex(uid).then(
    () => true,
    (error: { cause?: { code?: string } }) => {
      if (error?.cause?.code === "index_not_found") return false;
      throw error;
    },
  );
  if (!exists) await succeeded(() => client.createIndex(uid, { primaryKey: "id" }));
  const index = client.index(uid);
  const current = (await index.getSettings()) as Record<string, unknown>;
  const differs = Object.entries(INDEX_SETTINGS).some(([key, value]) =>
    // The order of searchable attributes and of ranking rules is their ranking, so it must match exactly.
    ORDERED_SETTINGS.has(key) ? !isDeepStrictEqual(current[key], value) : !sameSetting(current[key], value),
  );
  // The synonyms are the glossary's (decision 059): from the database, compared like any other setting.
  const synonyms = glossarySynonyms(db);
  const synonymsDiffer = !sameSetting(current.synonyms ?? {}, synonyms, true);
  if (differs) await succeeded(() => index.updateSettings({ ...INDEX_SETTINGS, synonyms }));
  else if (synonymsDiffer) await succeeded(() => index.updateSynonyms(synonyms));
  return { created: !exists, settingsApplied: exists && (differs || synonymsDiffer) };
}

const ORDERED_SETTINGS = new Set(["searchableAttributes", "rankingRules"]);

/**
 * Does Meilisearch's value of a setting say what ours says? It returns lists
 * in its own order and objects with defaults we do not set
 * (`typoTolerance.disableOnAttributes`, `faceting.sortFacetValuesBy`): only
 * the keys we set are compared (every key, with `sameKeys`), and lists as sets.
 */
export function sameSetting(current: unknown, wanted: unknown, sameKeys = false): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(current) || current.length !== wanted.length) return false;
    const sort = (list: unknown[]) => list.map((item) => JSON.stringify(item)).sort();
    return isDeepStrictEqual(sort(current), sort(wanted));
  }
  if (wanted && typeof wanted === "object") {
    if (!current || typeof current !== "object") return false;
    // Synonyms are all ours: one Meilisearch has that we do not is drift.
    if (sameKeys && Object.keys(current).length !== Object.keys(wanted).length) return false;
    return Object.entries(wanted).every(([key, inner]) =>
      sameSetting((current as Record<string, unknown>)[key], inner),
    );
  }
  return isDeepStrictEqual(current, wanted);
}

/** Deletes an index; one that is not there is already gone. */
export async function dropIndex(uid: string): Promise<void> {
  const client = getSearchClient();
  try {
    await succeeded(() => client.deleteIndex(uid));
  } catch (error) {
    if (!(error instanceof SearchRejectedError && error.code === "index_not_found")) throw error;
  }
}

/** Every index uid on the server. */
export async function listIndexUids(): Promise<string[]> {
  const { results } = await getSearchClient().getRawIndexes({ limit: 1000 });
  return results.map((index) => index.uid);
}
