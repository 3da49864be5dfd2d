/**
 * The glossary as the search engine's synonyms (decision 059): the map built
 * from the database, sent on its own (without touching documents) whenever
 * a glossary event passes the search relay, and the "also searched for" names
 * a query matched through.
 */
import { type Db, getDb } from "../platform/db.server";
import { getSearchClient, succeeded } from "../search/meili.server";
import { listGlossary } from "./glossary.server";
import { expansionsFor, type GlossaryExpansion, queryForEngine, synonymsOf } from "./glossary-rules";

/** Meilisearch's synonyms setting, from the glossary as it stands. */
export function glossarySynonyms(db: Db = getDb()): Record<string, string[]> {
  return synonymsOf(listGlossary(db));
}

/** The glossary names a query matched through ("DR testing": disaster recovery). */
export function glossaryExpansionsFor(q: string, db: Db = getDb()): GlossaryExpansion[] {
  if (!q.trim()) return [];
  return expansionsFor(q, listGlossary(db));
}

/** Sends the glossary's synonyms to the index, alone: no document is rebuilt. */
export async function applyGlossarySynonyms(indexUid: string, db: Db = getDb()): Promise<void> {
  const index = getSearchClient().index(indexUid);
  await succeeded(() => index.updateSynonyms(glossarySynonyms(db)));
}

/** The words to send the engine for a query: its long glossary names made short (see queryForEngine). */
export function glossaryQueryFor(q: string, db: Db = getDb()): string {
  if (!q.trim()) return q;
  return queryForEngine(q, listGlossary(db));
}
