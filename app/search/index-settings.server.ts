/** The search index as code: its name, settings and synonyms, applied before any document. */
import { isDeepStrictEqual } from "node:util";
import { glossarySynonyms } from "../glossary/glossary-synonyms.server";
import { type Db, getDb } from "../platform/db.server";
import { getSearchClient, SearchRejectedError, type Settings, succeeded } from "./meili.server";

/** The one index every searchable record type shares. */
export const SEARCH_INDEX = "records";

/**
 * Bumped whenever the document shape or settings change in a way that needs
 * every document rebuilt: the relay sees the stored version differ and
 * rebuilds the index once (see prepareSearchIndex in relay-runner.server.ts).
 */
export const SEARCH_INDEX_VERSION = 6;

/** Indexes an earlier Hub used, removed once the current index is built. */
export const LEGACY_INDEXES = ["posts"];

export const INDEX_SETTINGS = {
  searchableAttributes: ["title", "summary", "sections", "body", "tags", "partnerNames", "linkedItemTitles"],
  filterableAttributes: ["type", "kind", "partners", "tags", "linkedItems", "status", "year", "visibility"],
  sortableAttributes: ["date", "updatedAt"],
  displayedAttributes: ["*"],
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
    // The order of searchable attributes is their ranking, so it must match exactly.
    key === "searchableAttributes"
      ? !isDeepStrictEqual(current[key], value)
      : !isDeepStrictEqual(normalise(current[key]), normalise(value)),
  );
  // The synonyms are the glossary's (decision 059): from the database, compared like any other setting.
  const synonyms = glossarySynonyms(db);
  const synonymsDiffer = !isDeepStrictEqual(normalise(current.synonyms ?? {}), normalise(synonyms));
  if (differs) await succeeded(() => index.updateSettings({ ...INDEX_SETTINGS, synonyms }));
  else if (synonymsDiffer) await succeeded(() => index.updateSynonyms(synonyms));
  return { created: !exists, settingsApplied: exists && (differs || synonymsDiffer) };
}

/** Meilisearch returns settings in its own order and with extra defaults; compare like with like. */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return [...value].map(normalise).sort();
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== "sortFacetValuesBy")
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, normalise(inner)]),
    );
  }
  return value;
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
